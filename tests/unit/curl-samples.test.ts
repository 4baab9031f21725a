/**
 * Every operation's curl sample, pasted into bash with the documented environment
 * (MESHPLAY_TOKEN exported, a Meshplay at http://localhost:9081, the files the page's note names
 * in place). Where the Meshplay test server serves the operation, the sample runs against it and
 * must get a documented success; for every operation, the sample is valid bash, names no file the
 * page does not explain, and carries `$MESHPLAY_TOKEN` in the session cookie exactly when the
 * operation needs a session.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { DEFAULT_SERVER_URL, sampleSessionCookie, TOKEN_VARIABLE } from '../../src/lib/meshplay/session.ts';
import { buildApiModel } from '../../src/lib/openapi/model/build.ts';
import type { Operation } from '../../src/lib/openapi/model/types.ts';
import { startTestServer, type RunningTestServer } from '../support/meshplay-test-server.ts';
import { runSample } from '../support/run-sample.ts';
import { layOutSampleFiles } from '../support/sample-files.ts';
import { mintToken } from '../support/tokens.ts';
import { closeServer } from '../support/close-server.ts';
import { meshplaySpec } from '../support/meshplay-spec.ts';

const run = promisify(execFile);
const spec = await meshplaySpec();
const model = buildApiModel(spec.document);
const token = mintToken({ expiresIn: 3600, subject: 'curl-samples' });
const sampleFiles = model.operations.flatMap((operation) => operation.requestBody?.sampleFile?.path ?? []);

let meshplay: RunningTestServer;

beforeAll(async () => {
  meshplay = await startTestServer();
});

afterAll(async () => {
  await closeServer(meshplay.server);
});

/** `METHOD /path` of an operation, as the test server names its routes. */
function keyOf(operation: Operation): string {
  return `${operation.method.toUpperCase()} ${operation.path}`;
}

/** An operation's curl sample. */
function curlOf(operation: Operation): string {
  const curl = operation.codeSamples.find((sample) => sample.id === 'curl')?.code;
  if (curl === undefined) throw new Error(`${keyOf(operation)} has no curl sample.`);
  return curl;
}

/** The path a curl sample calls (`--url`), as the server sees it. */
function calledPath(curl: string): string {
  const url = /--url '?([^'\s]+)'?/.exec(curl)?.[1];
  if (url === undefined) throw new Error(`No --url in:\n${curl}`);
  return new URL(url).pathname;
}

/**
 * The files a curl sample reads, as the spec writes their paths (`"$HOME/…"` back to `~/…`): a
 * form file or body (`@path`, not stdin's `@-`) and an input redirection (`< path`).
 */
function filesNamedIn(curl: string): string[] {
  const words = [
    ...curl.matchAll(/(?:=|--data(?:-binary|-raw|-urlencode)? )'?@("[^"]*"|[^\s'"]+)/g),
    ...curl.matchAll(/(?<!<)<\s*("[^"]*"|[^\s|)<]+)/g),
  ]
    .map((match) => (match[1] ?? '').replace(/^"|"$/g, ''))
    .filter((word) => word !== '-');
  return words.map((word) => word.replace(/^\$HOME\//, '~/'));
}

/** Whether a status is one the operation documents as its outcome: a documented 2xx, or its documented status when it has none (sign-in redirects). */
function isDocumentedSuccess(operation: Operation, status: number): boolean {
  const documented = operation.responses.map((response) => response.status);
  const matches = (key: string) => key === String(status) || key === `${String(status)[0]}XX`;
  const successes = documented.filter((key) => /^2/.test(key));
  return successes.length > 0 ? successes.some(matches) : documented.some(matches);
}

describe('every curl sample on the reference pages', () => {
  it('is valid bash, names only the file its page explains, and carries the token cookie exactly when a session is needed', async () => {
    const problems: string[] = [];
    for (const operation of model.operations) {
      const curl = curlOf(operation);
      const key = keyOf(operation);
      await run('bash', ['-n', '-c', curl]).catch((error: Error) => problems.push(`${key}: not valid bash: ${error.message}`));
      const file = operation.requestBody?.sampleFile;
      for (const named of filesNamedIn(curl)) {
        if (named !== file?.path) problems.push(`${key}: names the file ${named}, which its page does not explain`);
        else if (!file.note.includes(`\`${file.path}\``)) problems.push(`${key}: its note does not name ${file.path}`);
      }
      const cookie = `--cookie "${sampleSessionCookie()}"`;
      if (operation.security.required && !curl.includes(cookie)) problems.push(`${key}: needs a session but does not send ${cookie}`);
      if (!operation.security.required && curl.includes(`$${TOKEN_VARIABLE}`)) problems.push(`${key}: sends the token to a public route`);
      if (!curl.includes(`--url ${DEFAULT_SERVER_URL}`) && !curl.includes(`--url '${DEFAULT_SERVER_URL}`))
        problems.push(`${key}: does not call ${DEFAULT_SERVER_URL}`);
    }
    expect(problems).toEqual([]);
  });

  it('runs against the test server and gets a documented success, for every operation the test server serves', async () => {
    // Served: the test server answers the sample's path with the operation's own route.
    const served = model.operations.filter(
      (operation) => meshplay.routeFor(operation.method.toUpperCase(), calledPath(curlOf(operation))) === keyOf(operation),
    );
    expect(served.length, 'operations the test server serves').toBeGreaterThanOrEqual(90);
    const failures: string[] = [];
    // The samples only read the files: one home and working folder for all of them.
    const folders = layOutSampleFiles(sampleFiles);
    for (const operation of served) {
      const curl = curlOf(operation);
      const before = meshplay.requests.length;
      const result = await runSample('curl', curl, {
        folders,
        token,
        serverUrl: operation.sampleServerUrl,
        testServerUrl: meshplay.url,
      });
      const made = meshplay.requests.slice(before);
      const last = made.at(-1);
      if (result.exitCode !== 0) failures.push(`${keyOf(operation)}: exit ${result.exitCode}: ${result.stderr.trim()}`);
      else if (last === undefined) failures.push(`${keyOf(operation)}: no request reached the server`);
      else if (!isDocumentedSuccess(operation, last.status))
        failures.push(`${keyOf(operation)}: answered ${last.status}, not a documented success\n${curl}`);
    }
    expect(failures).toEqual([]);
  }, 180_000);
});
