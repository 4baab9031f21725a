import { expect, test } from '@playwright/test';
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { buildApiModel } from '../../src/lib/openapi/model/build.ts';
import { routePath } from '../../src/lib/openapi/model/routes.ts';
import { listBuiltPages, operationSamplesOf, readBuiltPage, shellBlocksOf } from '../support/built-site.ts';
import type { RecordedRequest } from '../support/meshplay-test-server.ts';
import { TEST_PORTS } from '../support/ports.ts';
import { needsSession, readBuiltSpec } from '../support/spec-lookup.ts';
import { mintToken } from '../support/tokens.ts';

const run = promisify(execFile);
const DIST = resolve('dist');
const SERVER = `http://127.0.0.1:${TEST_PORTS.meshplay}`;

/**
 * Every shell block of the guide pages, with the page it is on. (The generated operation pages
 * show the model's samples, checked below; tests/unit/curl-samples.test.ts runs every curl sample
 * and tests/unit/upload-samples.test.ts every upload sample in every language.)
 */
function allShellBlocks(): Array<{ page: string; code: string }> {
  const generated = /^reference\/rest-apis\/(?!playground\/)[^/]+\/([^/]+\/)?$/;
  return listBuiltPages(DIST)
    .filter((page) => !generated.test(page))
    .flatMap((page) => shellBlocksOf(readBuiltPage(DIST, page)).map((code) => ({ page: `/${page}`, code })));
}

/** A HOME with ~/.meshplay/auth.json, as meshplayctl system login leaves it. */
function homeWithAuthJson(token: string): string {
  const home = mkdtempSync(join(tmpdir(), 'meshplay-home-'));
  mkdirSync(join(home, '.meshplay'));
  writeFileSync(join(home, '.meshplay', 'auth.json'), JSON.stringify({ 'meshplay-provider': 'Meshplay', token }));
  return home;
}

/** The test server's log of requests made by curl (browser tests share the server and run at the same time). */
async function curlRequests(): Promise<RecordedRequest[]> {
  const response = await fetch(`${SERVER}/__test__/requests`);
  return ((await response.json()) as { requests: RecordedRequest[] }).requests.filter((request) => request.userAgent?.startsWith('curl/'));
}

test.describe.configure({ mode: 'serial' });

test('every shell example on the site is valid bash', async () => {
  const blocks = allShellBlocks();
  expect(blocks.length).toBeGreaterThan(5);
  for (const { page, code } of blocks) {
    await expect(run('bash', ['-n', '-c', code]), `${page}:\n${code}`).resolves.toBeDefined();
  }
});

test('the auth.json one-liner puts the token from ~/.meshplay/auth.json into MESHPLAY_TOKEN', async () => {
  const token = mintToken({ expiresIn: 3600 });
  const oneLiners = allShellBlocks().filter(({ code }) => code.includes('auth.json') && code.includes('export MESHPLAY_TOKEN'));
  expect(oneLiners.length).toBeGreaterThan(0);
  for (const { page, code } of oneLiners) {
    const { stdout } = await run('bash', ['-c', `${code}\nprintf %s "$MESHPLAY_TOKEN"`], {
      env: { PATH: process.env.PATH ?? '', HOME: homeWithAuthJson(token) },
    });
    expect(stdout, page).toBe(token);
  }
});

test('every curl example runs against a Meshplay server and gets the documented status', async () => {
  test.setTimeout(120_000);
  const spec = readBuiltSpec(DIST);
  const token = mintToken({ expiresIn: 3600 });
  const curls = allShellBlocks().filter(({ code }) => /\bcurl\b/.test(code) && code.includes('localhost:9081'));
  expect(curls.length).toBeGreaterThan(5);
  const seen = { ok: 0, redirect: 0 };

  for (const { page, code } of curls) {
    const before = (await curlRequests()).length;
    const script = code.replaceAll('http://localhost:9081', SERVER);
    await run('bash', ['-c', script], {
      env: { PATH: process.env.PATH ?? '', HOME: homeWithAuthJson(token), MESHPLAY_TOKEN: token },
      timeout: 20_000,
    });
    const requests = (await curlRequests()).slice(before);
    expect(requests.length, `${page}: ${code}`).toBeGreaterThan(0);
    const sendsCookie = /--cookie|\s-b\s/.test(code);
    for (const request of requests) {
      const expected = !sendsCookie && needsSession(spec, request.method, request.path) ? 302 : 200;
      expect(request.status, `${page}: ${code}\n${request.method} ${request.path}`).toBe(expected);
      if (expected === 302) seen.redirect += 1;
      else seen.ok += 1;
    }
  }
  // The guide shows both: calls that succeed with the cookie, and the redirect of a call without it.
  expect(seen.ok).toBeGreaterThan(3);
  expect(seen.redirect).toBeGreaterThan(0);
});

test('every operation page shows the code samples the samples tests run, and an upload page the file they send above them', () => {
  const model = buildApiModel(readBuiltSpec(DIST));
  const problems: string[] = [];
  for (const operation of model.operations) {
    const page = routePath(operation.route).replace(/^\//, '');
    const { samples, fileNote } = operationSamplesOf(readBuiltPage(DIST, page));
    const shown = samples.map(({ language, code }) => ({ language, code }));
    // Expressive Code shows (and copies) a tab as two spaces.
    const expected = operation.codeSamples.map(({ lang, code }) => ({ language: lang, code: code.replaceAll('\t', '  ') }));
    if (JSON.stringify(shown) !== JSON.stringify(expected)) problems.push(`/${page}: the samples differ from the model's`);
    const file = operation.requestBody?.sampleFile;
    if (file === undefined && fileNote !== undefined) problems.push(`/${page}: a file note without a sample file`);
    if (file !== undefined && !fileNote?.includes(`<code>${file.path}</code>`))
      problems.push(`/${page}: no note above the samples naming ${file.path}`);
  }
  expect(problems).toEqual([]);
});
