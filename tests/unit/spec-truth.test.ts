import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadSpec } from '../../src/lib/openapi/load-spec.ts';
import type { OpenApiDocument } from '../../src/lib/openapi/types.ts';
import {
  authConventionProblems,
  citationsOf,
  coverageProblems,
  entriesOf,
  entryProblems,
  headerCommit,
  METHODS,
  readTruthRecords,
  type SpecOperationAuth,
  type SpecOperationRef,
  type TruthEntry,
} from '../support/truth-record.ts';

const root = resolve(import.meta.dirname, '../..');
const truthDir = resolve(root, 'openapi/truth');
/** A bare git mirror of meshplay/meshplay; when set, every citation is opened at the commit its file names. */
const gitDir = process.env['MESHPLAY_GIT_DIR'];

/** Every operation of the bundled spec as `METHOD /path` with its operationId. */
function operationsOf(document: OpenApiDocument): SpecOperationRef[] {
  return Object.entries(document.paths ?? {}).flatMap(([path, item]) =>
    METHODS.flatMap((method) => {
      const operation = (item as Record<string, { operationId?: string } | undefined> | undefined)?.[method.toLowerCase()];
      return operation ? [{ key: `${method} ${path}`, operationId: operation.operationId }] : [];
    }),
  );
}

/** Every operation of the bundled spec with whether it asks for the session cookies, and its responses. */
function authOf(document: OpenApiDocument): SpecOperationAuth[] {
  const inherited = document.security ?? [];
  return Object.entries(document.paths ?? {}).flatMap(([path, item]) =>
    METHODS.flatMap((method) => {
      const operation = (
        item as Record<string, { security?: unknown[]; responses?: SpecOperationAuth['responses'] } | undefined> | undefined
      )?.[method.toLowerCase()];
      if (!operation) return [];
      const security = JSON.stringify(operation.security ?? inherited);
      return [{ key: `${method} ${path}`, session: security.includes('tokenCookie'), responses: operation.responses ?? {} }];
    }),
  );
}

/** A record entry for the checker's own tests. */
function entry(key: string, fields: Record<string, unknown>): TruthEntry {
  return { file: 'openapi/truth/example.yaml', key, fields };
}

const sound = {
  operationId: 'getSignedInUser',
  route: 'server/router/server.go:57-58',
  auth: 'session',
  handler: 'server/handlers/user_handler.go:18-25',
  checked: ['200: JSON without Content-Type (server/handlers/user_handler.go:19)'],
};

describe('the truth record', () => {
  let operations: SpecOperationRef[];
  let entries: TruthEntry[];
  beforeAll(async () => {
    operations = operationsOf((await loadSpec({ root })).document);
    entries = readTruthRecords(truthDir, 'openapi/truth');
  });

  it('gives every entry a METHOD /path key, an operationId, an auth kind and server/<path>.go:<line> citations', () => {
    expect(entries.length).toBeGreaterThan(0);
    expect(entries.flatMap(entryProblems)).toEqual([]);
  });

  it('has exactly one entry for each operation of the spec, with its operationId, and none for anything else', () => {
    expect(coverageProblems(operations, entries)).toEqual([]);
  });

  it('follows the failed-authentication convention: 302 on session routes, the empty 404 on their writes', async () => {
    expect(authConventionProblems(authOf((await loadSpec({ root })).document))).toEqual([]);
  });

  it('declares no meshplayToken scheme and asks for it nowhere: the server reads no meshplay-token header', async () => {
    const text = JSON.stringify((await loadSpec({ root })).document);
    expect(text).not.toContain('meshplayToken');
  });

  it('says in each file which server commit it was checked against', () => {
    const files = readdirSync(truthDir).filter((name) => name.endsWith('.yaml'));
    const without = files.filter((name) => headerCommit(readFileSync(resolve(truthDir, name), 'utf8')) === undefined);
    expect(without).toEqual([]);
  });

  it.runIf(gitDir !== undefined)('cites only files and lines that exist at that commit (MESHPLAY_GIT_DIR)', () => {
    const problems: string[] = [];
    for (const name of readdirSync(truthDir).filter((file) => file.endsWith('.yaml'))) {
      const text = readFileSync(resolve(truthDir, name), 'utf8');
      const commit = headerCommit(text) ?? 'HEAD';
      const lineCounts = new Map<string, number>();
      for (const found of entriesOf(text, name)) {
        for (const citation of citationsOf(found)) {
          if (!lineCounts.has(citation.path)) lineCounts.set(citation.path, countLines(gitDir ?? '', commit, citation.path));
          const count = lineCounts.get(citation.path) ?? 0;
          if (citation.last > count)
            problems.push(`${name}: ${found.key} cites ${citation.path}:${citation.last}, which has ${count} lines at ${commit}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });
});

/** Lines of a file at a commit of the mirror; 0 when the file is not there. */
function countLines(dir: string, commit: string, path: string): number {
  try {
    const text = execFileSync('git', ['--git-dir', dir, 'show', `${commit}:${path}`], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    return text.replace(/\n$/, '').split('\n').length;
  } catch {
    return 0;
  }
}

describe('the truth record checker', () => {
  it('accepts a sound entry', () => {
    expect(entryProblems(entry('GET /api/user', sound))).toEqual([]);
  });

  it('refuses a key without a method, an unknown auth kind and a verdict out of its list', () => {
    const problems = entryProblems(entry('/api/user', { ...sound, auth: 'cookie', verdict: 'maybe' }));
    expect(problems.join('\n')).toMatch(/the key must be "METHOD \/path"/);
    expect(problems.join('\n')).toMatch(/auth must be one of session, provider, public/);
    expect(problems.join('\n')).toMatch(/verdict, when given, must be one of exact, drifted, wrong/);
  });

  it('refuses a route that is not one server/<path>.go:<line> citation, and a handler with a backwards range', () => {
    const problems = entryProblems(
      entry('GET /api/user', { ...sound, route: 'server.go:57', handler: 'server/handlers/user_handler.go:25-18' }),
    );
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/route must be one citation/);
    expect(problems[1]).toMatch(/handler cites server\/handlers\/user_handler\.go:25-18/);
  });

  it('accepts a handler that names its functions and the chain a request takes', () => {
    const handler = 'Save server/handlers/pattern.go:93-109 -> handlePatternPOST server/handlers/pattern.go:118-621,700';
    expect(entryProblems(entry('GET /api/user', { ...sound, handler }))).toEqual([]);
  });

  it('refuses a claim with a short citation, and a claim that cites nothing', () => {
    const problems = entryProblems(
      entry('GET /api/user', { ...sound, checked: ['200: JSON (user_handler.go:19)', '200: JSON, trust me'] }),
    );
    expect(problems[0]).toMatch(/checked\[0\] cites user_handler\.go:19: write server\/<path>\.go:<line>/);
    expect(problems[1]).toMatch(/checked\[1\] cites no server\/<path>\.go:<line>/);
  });

  it('lets a claim cite a dependency by #L anchor next to a server citation', () => {
    const checked = [
      '406 for a mutation (server/internal/graphql/graphql.go:59, gqlgen@v0.17.45/graphql/handler/transport/http_get.go#L76-L81)',
    ];
    expect(entryProblems(entry('GET /api/system/graphql/query', { ...sound, checked }))).toEqual([]);
  });

  it('reports a missing operation, a duplicated one, a stale entry and a wrong operationId', () => {
    const operations = [
      { key: 'GET /api/user', operationId: 'getSignedInUser' },
      { key: 'GET /api/token', operationId: 'getSessionToken' },
      { key: 'GET /api/providers', operationId: 'listProviders' },
    ];
    const entries = [
      entry('GET /api/user', sound),
      entry('GET /api/user', sound),
      entry('GET /api/providers', { ...sound, operationId: 'getProviders' }),
      entry('GET /api/users', sound),
    ];
    expect(coverageProblems(operations, entries)).toEqual([
      'GET /api/user: 2 entries (openapi/truth/example.yaml, openapi/truth/example.yaml); keep one',
      'GET /api/token: no entry in openapi/truth/*.yaml',
      'openapi/truth/example.yaml: GET /api/providers has operationId "getProviders", the spec "listProviders"',
      'openapi/truth/example.yaml: GET /api/users is not an operation of the spec (check the method and the path template)',
    ]);
  });

  it('names the file of a duplicated key and of a file that is not a mapping', () => {
    expect(() => entriesOf('GET /a:\n  auth: public\nGET /a:\n  auth: public\n', 'openapi/truth/dup.yaml')).toThrow(
      /openapi\/truth\/dup\.yaml is not valid YAML/,
    );
    expect(() => entriesOf('- GET /a\n', 'openapi/truth/list.yaml')).toThrow(/openapi\/truth\/list\.yaml must be a mapping/);
  });

  it('asks session writes for the empty 404, by the shared response or inline, and session reads only for the 302', () => {
    const redirect = { $ref: '#/components/responses/AuthRedirect' };
    expect(
      authConventionProblems([
        { key: 'GET /api/user', session: true, responses: { '302': redirect } },
        {
          key: 'DELETE /api/a',
          session: true,
          responses: { '302': redirect, '404': { $ref: '#/components/responses/WriteWithoutToken' } },
        },
        {
          key: 'POST /api/b',
          session: true,
          responses: { '302': redirect, '404': { description: 'Not found, or no token: then the body is empty.' } },
        },
        { key: 'PUT /api/c', session: true, responses: { '302': redirect, '404': { description: 'No such design.' } } },
        { key: 'OPTIONS /api/d', session: true, responses: {} },
        { key: 'POST /api/public', session: false, responses: {} },
      ]),
    ).toEqual([
      'PUT /api/c: no 404 for a write without a token ($ref: ../responses/WriteWithoutToken.yaml, or an inline 404 that also covers the empty body)',
      'OPTIONS /api/d: no 302 ($ref: ../responses/AuthRedirect.yaml)',
      'OPTIONS /api/d: no 404 for a write without a token ($ref: ../responses/WriteWithoutToken.yaml, or an inline 404 that also covers the empty body)',
    ]);
  });

  it('reads the commit from the header and lists the citations to re-read', () => {
    expect(headerCommit('# What the spec of x was checked against: meshplay/meshplay at 6f28af8a6.\n')).toBe('6f28af8a6');
    expect(citationsOf(entry('GET /api/user', sound))).toEqual([
      { path: 'server/router/server.go', first: 57, last: 58 },
      { path: 'server/handlers/user_handler.go', first: 18, last: 25 },
      { path: 'server/handlers/user_handler.go', first: 19, last: 19 },
    ]);
  });
});
