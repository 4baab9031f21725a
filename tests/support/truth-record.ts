/**
 * The truth record (openapi/truth/*.yaml): for each operation of the spec, where the server
 * registers its route, which handler answers it, and what was checked there, each claim citing
 * `server/<path>.go:<line>[-<line>]` of the Meshplay source. These functions read the record and
 * say what is wrong with it; tests/unit/spec-truth.test.ts runs them. Format: openapi/truth/README.md.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

/** How a route is guarded: the session middleware, the provider middleware alone, or nothing. */
export const AUTH_KINDS = ['session', 'provider', 'public'] as const;
/** How far the spec was from the server before the pass (optional field). */
export const VERDICTS = ['exact', 'drifted', 'wrong'] as const;
/** HTTP methods an OpenAPI path item can hold, in the case entry keys use. */
export const METHODS = ['GET', 'PUT', 'POST', 'DELETE', 'OPTIONS', 'HEAD', 'PATCH', 'TRACE'] as const;

/** One entry of the record, with the file it came from. */
export interface TruthEntry {
  /** The record file, relative to the project root, for messages. */
  file: string;
  /** `METHOD /path`, as in the spec. */
  key: string;
  /** The entry's fields as parsed; checked by entryProblems. */
  fields: Record<string, unknown>;
}

/** An operation of the spec, keyed like the record. */
export interface SpecOperationRef {
  key: string;
  operationId: string | undefined;
}

/** A citation of the server's source: the whole value of `route` and `handler`. */
const SERVER_CITATION = /^server\/[\w./-]+\.go:\d+(?:-\d+)?(?:,\d+(?:-\d+)?)*$/;
/** Any `<file>.go:<line>` citation inside a sentence, to check its shape. */
const ANY_GO_CITATION = /[\w./-]*\.go:\d+(?:-\d+)?(?:,\d+(?:-\d+)?)*/g;
/** A dependency's source cited by line anchor or line range. */
const DEPENDENCY_CITATION = /\.go(?:#L\d+| lines \d+)/;
/** The commit the header names: "checked against: meshplay/meshplay at 6f28af8a6." */
const HEADER_COMMIT = /checked against: meshplay\/meshplay at ([0-9a-f]{7,40})\./;

/** Read every `*.yaml` record file of a directory (README.md and other files are skipped). */
export function readTruthRecords(dir: string, shownDir: string): TruthEntry[] {
  const files = readdirSync(dir)
    .filter((name) => name.endsWith('.yaml'))
    .sort();
  return files.flatMap((name) => entriesOf(readFileSync(join(dir, name), 'utf8'), `${shownDir}/${name}`));
}

/** Parse one record file into entries; a file that is not a mapping of mappings is an error that names it. */
export function entriesOf(text: string, file: string): TruthEntry[] {
  let parsed: unknown;
  try {
    parsed = parse(text);
  } catch (error) {
    throw new Error(
      `${file} is not valid YAML (${(error as Error).message.split('\n')[0]}): fix the syntax; a duplicated key also lands here.`,
      { cause: error },
    );
  }
  if (parsed === null || parsed === undefined) return [];
  if (!isRecord(parsed)) throw new Error(`${file} must be a mapping of "METHOD /path" to entries; it is ${typeof parsed}.`);
  return Object.entries(parsed).map(([key, fields]) => {
    if (!isRecord(fields))
      throw new Error(`${file}: the entry "${key}" must be a mapping with operationId, route, auth, handler and checked.`);
    return { file, key, fields };
  });
}

/** The commit a record file says it was checked against, or undefined when its header does not say. */
export function headerCommit(text: string): string | undefined {
  return HEADER_COMMIT.exec(text)?.[1];
}

/** Everything wrong with one entry's shape: its key, required fields, enums and citations. */
export function entryProblems(entry: TruthEntry): string[] {
  const where = `${entry.file}: ${entry.key}`;
  const { fields } = entry;
  const problems: string[] = [];
  if (!isOperationKey(entry.key)) problems.push(`${where}: the key must be "METHOD /path", for example "GET /api/user"`);
  if (typeof fields['operationId'] !== 'string') problems.push(`${where}: operationId must be the operation's operationId`);
  const route = fields['route'];
  if (typeof route !== 'string' || !SERVER_CITATION.test(route) || !isOrderedRange(route))
    problems.push(`${where}: route must be one citation "server/<path>.go:<line>[-<line>]", not ${JSON.stringify(route)}`);
  // A handler may name its functions and the chain a request takes ("Save server/handlers/x.go:10-40 -> save server/handlers/y.go:5-20").
  const handler = fields['handler'];
  if (typeof handler !== 'string') problems.push(`${where}: handler must cite server/<path>.go:<line>[-<line>]`);
  else problems.push(...citationProblems(`${where}: handler`, handler));
  if (!AUTH_KINDS.some((kind) => kind === fields['auth'])) problems.push(`${where}: auth must be one of ${AUTH_KINDS.join(', ')}`);
  if ('verdict' in fields && !VERDICTS.some((verdict) => verdict === fields['verdict']))
    problems.push(`${where}: verdict, when given, must be one of ${VERDICTS.join(', ')}`);
  problems.push(...checkedProblems(where, fields['checked']));
  for (const field of ['server_behaviour', 'changed'] as const) {
    if (field in fields && !isStringList(fields[field])) problems.push(`${where}: ${field}, when given, must be a list of sentences`);
  }
  return problems;
}

/** What is wrong with the `checked` list: it must be sentences, each citing the server's source in the right shape. */
export function checkedProblems(where: string, checked: unknown): string[] {
  if (!isStringList(checked) || checked.length === 0)
    return [`${where}: checked must be a non-empty list of sentences, each citing server/<path>.go:<line>`];
  return checked.flatMap((claim, index) => citationProblems(`${where}: checked[${index}]`, claim));
}

/** What is wrong with the citations of one sentence: it must cite the server's source, each citation with the mirror's path. */
function citationProblems(where: string, text: string): string[] {
  const citations = text.match(ANY_GO_CITATION) ?? [];
  const bad = citations.filter((citation) => !SERVER_CITATION.test(citation) || !isOrderedRange(citation));
  if (bad.length > 0) return [`${where} cites ${bad.join(', ')}: write server/<path>.go:<line>[-<line>] with the mirror's path`];
  // A claim about a dependency (MeshKit, MeshSync) cites it by file and line anchor ("models/events/events.go#L37-L72") or "lines N-M".
  if (!citations.some((citation) => SERVER_CITATION.test(citation)) && !DEPENDENCY_CITATION.test(text))
    return [`${where} cites no server/<path>.go:<line> (or a dependency's <file>.go#L<line>): say where the claim can be re-read`];
  return [];
}

/** Operations without exactly one entry, entries of no operation, and operationIds that disagree. */
export function coverageProblems(operations: SpecOperationRef[], entries: TruthEntry[]): string[] {
  const byKey = new Map<string, TruthEntry[]>();
  for (const entry of entries) byKey.set(entry.key, [...(byKey.get(entry.key) ?? []), entry]);
  const known = new Set(operations.map((operation) => operation.key));
  const problems: string[] = [];
  for (const operation of operations) {
    const found = byKey.get(operation.key) ?? [];
    if (found.length === 0) problems.push(`${operation.key}: no entry in openapi/truth/*.yaml`);
    if (found.length > 1)
      problems.push(`${operation.key}: ${found.length} entries (${found.map((entry) => entry.file).join(', ')}); keep one`);
    for (const entry of found) {
      if (entry.fields['operationId'] !== operation.operationId)
        problems.push(
          `${entry.file}: ${operation.key} has operationId ${JSON.stringify(entry.fields['operationId'])}, the spec ${JSON.stringify(operation.operationId)}`,
        );
    }
  }
  for (const entry of entries) {
    if (!known.has(entry.key))
      problems.push(`${entry.file}: ${entry.key} is not an operation of the spec (check the method and the path template)`);
  }
  return problems;
}

/** Every `server/<path>.go:<line>[-<line>]` an entry cites, in route, handler and checked; a list (`:12-30,41`) gives one item per range. */
export function citationsOf(entry: TruthEntry): Array<{ path: string; first: number; last: number }> {
  const texts = [entry.fields['route'], entry.fields['handler'], ...(isStringList(entry.fields['checked']) ? entry.fields['checked'] : [])];
  return texts
    .filter((text): text is string => typeof text === 'string')
    .flatMap((text) => text.match(ANY_GO_CITATION) ?? [])
    .filter((citation) => SERVER_CITATION.test(citation))
    .flatMap((citation) => {
      const [path = '', lines = ''] = citation.split(':');
      return rangesOf(lines).map(([first, last]) => ({ path, first, last }));
    });
}

/** The line ranges of a citation's line part: "12-30,41" -> [[12, 30], [41, 41]]. */
function rangesOf(lines: string): Array<[number, number]> {
  return lines.split(',').map((range) => {
    const [first = 0, last = first] = range.split('-').map(Number);
    return [first, last];
  });
}

/** Whether a key reads "METHOD /path". */
function isOperationKey(key: string): boolean {
  const [method, path, ...rest] = key.split(' ');
  return rest.length === 0 && METHODS.some((known) => known === method) && typeof path === 'string' && path.startsWith('/');
}

/** Whether each of a citation's line ranges runs forwards (`:12-30`, not `:30-12`). */
function isOrderedRange(citation: string): boolean {
  return rangesOf(citation.slice(citation.lastIndexOf(':') + 1)).every(([first, last]) => first >= 1 && first <= last);
}

/** Whether a value is a list of non-empty strings. */
function isStringList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string' && item.trim() !== '');
}

/** Whether a value is a plain mapping. */
function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A response as the bundled spec holds it: inline, or a reference into components. */
interface ResponseLike {
  $ref?: string;
  description?: string;
}

/** An operation of the bundled spec with what the convention checks read. */
export interface SpecOperationAuth {
  key: string;
  /** Whether it asks for the session cookies (its own security, else the document's). */
  session: boolean;
  responses: Record<string, ResponseLike>;
}

/** The shared response every write without a token refers to, or an inline 404 that says the same. */
function documentsWriteWithoutToken(response: ResponseLike | undefined): boolean {
  if (response === undefined) return false;
  if (response.$ref !== undefined) return response.$ref.endsWith('/WriteWithoutToken');
  return /token/i.test(response.description ?? '') && /empty/i.test(response.description ?? '');
}

/**
 * The failed-authentication convention of the truth pass: every session operation documents the
 * 302; every one whose method is not GET (the sign-in handler answers them 404 with an empty body)
 * documents that 404, by the shared response or in its own 404.
 */
export function authConventionProblems(operations: SpecOperationAuth[]): string[] {
  return operations
    .filter((operation) => operation.session)
    .flatMap((operation) => {
      const problems: string[] = [];
      if (operation.responses['302'] === undefined) problems.push(`${operation.key}: no 302 ($ref: ../responses/AuthRedirect.yaml)`);
      if (!operation.key.startsWith('GET ') && !documentsWriteWithoutToken(operation.responses['404']))
        problems.push(
          `${operation.key}: no 404 for a write without a token ($ref: ../responses/WriteWithoutToken.yaml, or an inline 404 that also covers the empty body)`,
        );
      return problems;
    });
}
