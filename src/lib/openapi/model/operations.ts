import { buildCodeSamples } from './code-samples.ts';
import { defineLazy, type ModelContext } from './context.ts';
import { arrayField, isObject, isTrue, objectField, stringField, type JsonObject } from './guards.ts';
import { describeOperationPage } from './page-meta.ts';
import { buildParameters, groupParameters } from './parameters.ts';
import { dereference, follow } from './refs.ts';
import { buildRequestBody } from './request-body.ts';
import { buildResponses } from './responses.ts';
import { SAMPLE_FILE_KEY } from './sample-file.ts';
import { buildSampleRequest } from './sample-request.ts';
import { describeSecurity } from './security.ts';
import { firstServer, resolveServerUrl, SAMPLE_BASE } from './servers.ts';
import { operationSlugCandidate, RESERVED_TAG_SLUGS, tagSlugCandidate, uniqueSlugs } from './slugs.ts';
import { HTTP_METHODS, type Heading, type HttpMethod, type Operation, type Response, type UnresolvedPart } from './types.ts';

/** The tag of operations that have none. */
const DEFAULT_TAG = 'default';

/** One (path, method) pair of the document, as the spec has it. */
export interface RawOperation {
  method: HttpMethod;
  path: string;
  operation: JsonObject;
  pathItem: JsonObject;
  tags: string[];
}

/** The operations of a document, each built, and its tag names in page order with their slugs. */
export interface OperationIndex {
  operations: Operation[];
  /** Which raw operation each built one comes from (same order). */
  raw: RawOperation[];
  tagNames: string[];
  slugOfTag: Map<string, string>;
}

/** Walk the paths once, give every tag and operation its slug, and build each operation (its page parts on first read). */
export function buildOperations(context: ModelContext): OperationIndex {
  const raw = listRawOperations(context.document);
  const tagNames = orderTagNames(context.document, raw);
  const tagSlugs = uniqueSlugs(tagNames.map(tagSlugCandidate), RESERVED_TAG_SLUGS);
  const slugOfTag = new Map(tagNames.map((name, i) => [name, tagSlugs[i] ?? tagSlugCandidate(name)]));

  // Operation slugs are unique within the tag whose page holds them.
  const byPrimaryTag = new Map<string, RawOperation[]>();
  for (const item of raw) {
    const primary = item.tags[0] ?? DEFAULT_TAG;
    const list = byPrimaryTag.get(primary);
    if (list) list.push(item);
    else byPrimaryTag.set(primary, [item]);
  }
  const slugOfOperation = new Map<RawOperation, string>();
  for (const items of byPrimaryTag.values()) {
    const slugs = uniqueSlugs(items.map((item) => operationSlugCandidate(item.method, item.path, stringField(item.operation, 'operationId'))));
    items.forEach((item, i) => slugOfOperation.set(item, slugs[i] ?? item.method));
  }

  const operations = raw.map((item) => {
    const tagSlug = slugOfTag.get(item.tags[0] ?? DEFAULT_TAG) ?? tagSlugCandidate(item.tags[0] ?? DEFAULT_TAG);
    const operation = buildOperation(item, tagSlug, slugOfOperation.get(item) ?? item.method, context);
    operation.tagLinks = item.tags.map((name) => ({ name, route: { kind: 'tag', tagSlug: slugOfTag.get(name) ?? tagSlugCandidate(name) } }));
    return operation;
  });
  return { operations, raw, tagNames, slugOfTag };
}

/** The parts of an operation built when first read. */
type LazyPart = 'parameters' | 'parameterGroups' | 'requestBody' | 'responses' | 'security' | 'codeSamples' | 'headings' | 'unresolved';

/** One operation: what lists and the sidebar need at once, its page's parts when first read. */
function buildOperation(item: RawOperation, tagSlug: string, slug: string, context: ModelContext): Operation {
  const { operation, pathItem, method, path } = item;
  const operationId = stringField(operation, 'operationId');
  const tag = item.tags[0] ?? DEFAULT_TAG;
  const server = firstServer(operation, pathItem, context.document);
  const sideEffects = stringField(operation, 'x-side-effects')?.trim();
  const eager: Omit<Operation, LazyPart> = {
    method,
    path,
    operationId,
    title: titleOf(operation, method, path),
    deprecated: isTrue(operation, 'deprecated'),
    route: { kind: 'operation', tagSlug, operationSlug: slug },
    description: stringField(operation, 'description'),
    sideEffects: sideEffects === '' ? undefined : sideEffects,
    tags: item.tags,
    tag,
    tagSlug,
    slug,
    tagLinks: [],
    pageDescription: '',
    server,
    sampleServerUrl: resolveServerUrl(server?.url, SAMPLE_BASE),
    playgroundRoute: operationId === undefined ? undefined : { kind: 'playground', tag, operationId },
  };
  eager.pageDescription = describeOperationPage(eager);
  // Complete once the lazy parts below are defined.
  const built = eager as Operation;
  // The parts below cost a schema walk each: built when a page (or a dump) reads them, kept while
  // the operation is among those built last (context.parts), built again if read after that.
  const lazy = <K extends keyof Operation>(key: K, compute: () => Operation[K]): void => defineLazy(built, key, compute, context.parts);
  let unresolved: UnresolvedPart[] = [];
  // Building the parameters and the body again collects their unresolved $refs again: start a new list.
  context.parts.onRelease(built, () => {
    unresolved = [];
  });
  lazy('parameters', () => buildParameters(pathItem, operation, context, unresolved));
  lazy('parameterGroups', () => groupParameters(built.parameters));
  lazy('requestBody', () => {
    const found = follow(context.document, operation['requestBody']);
    if (found?.unresolved !== undefined) unresolved.push({ where: 'the request body', ref: found.unresolved });
    return found?.object === undefined ? undefined : buildRequestBody(found.object, context, { method, path });
  });
  // A wrong x-sample-file must stop the build with its SpecError (reported, output removed) rather
  // than fail a page later: the few bodies that carry one are built now.
  if (follow(context.document, operation['requestBody'])?.object?.[SAMPLE_FILE_KEY] !== undefined) void built.requestBody;
  lazy('responses', () => buildResponses(operation, context));
  lazy('security', () => describeSecurity(operation, context));
  lazy('codeSamples', () =>
    buildCodeSamples(
      buildSampleRequest({
        method,
        path,
        serverUrl: built.sampleServerUrl,
        parameters: built.parameters,
        security: built.security,
        requestBody: built.requestBody,
        auth: context.auth,
      }),
      context.auth,
    ),
  );
  lazy('headings', () => operationHeadings(built.parameters.length > 0, built.requestBody !== undefined, built.responses));
  lazy('unresolved', () => {
    // Reading the parts collects what could not be resolved in them.
    void built.parameters;
    void built.requestBody;
    return unresolved;
  });
  return built;
}

/** An operation page's table of contents: its sections, and one entry per response. */
function operationHeadings(hasParameters: boolean, hasBody: boolean, responses: Response[]): Heading[] {
  return [
    { depth: 2, slug: 'authentication', text: 'Authentication' },
    { depth: 2, slug: 'code-samples', text: 'Code samples' },
    ...(hasParameters ? [{ depth: 2, slug: 'parameters', text: 'Parameters' }] : []),
    ...(hasBody ? [{ depth: 2, slug: 'request-body', text: 'Request body' }] : []),
    { depth: 2, slug: 'responses', text: 'Responses' },
    ...responses.map((response) => ({
      depth: 3,
      slug: response.anchor,
      text: [response.status, response.statusText].filter(Boolean).join(' '),
    })),
  ];
}

/** Every (path, method) pair of the document, path items' $refs followed. */
function listRawOperations(document: JsonObject): RawOperation[] {
  const operations: RawOperation[] = [];
  for (const [path, node] of Object.entries(objectField(document, 'paths') ?? {})) {
    const pathItem = dereference(document, node);
    if (!pathItem) continue;
    for (const method of HTTP_METHODS) {
      const operation = objectField(pathItem, method);
      if (!operation) continue;
      const tags = (arrayField(operation, 'tags') ?? []).filter((tag): tag is string => typeof tag === 'string' && tag !== '');
      operations.push({ method, path, operation, pathItem, tags: tags.length > 0 ? [...new Set(tags)] : [DEFAULT_TAG] });
    }
  }
  return operations;
}

/** Tag names that have operations: declared ones in declared order, then the others in order of first use. */
function orderTagNames(document: JsonObject, operations: RawOperation[]): string[] {
  const used = new Set(operations.flatMap((item) => item.tags));
  const declared = (arrayField(document, 'tags') ?? [])
    .map((tag) => (isObject(tag) ? stringField(tag, 'name') : undefined))
    .filter((name): name is string => name !== undefined && used.has(name));
  return [...new Set([...declared, ...used])];
}

/** What to call an operation: its summary, else its operationId, else "METHOD /path". */
function titleOf(operation: JsonObject, method: string, path: string): string {
  const summary = stringField(operation, 'summary')?.trim();
  if (summary) return summary;
  const operationId = stringField(operation, 'operationId')?.trim();
  return operationId || `${method.toUpperCase()} ${path}`;
}
