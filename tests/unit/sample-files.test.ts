/**
 * `x-sample-file`: the file an upload's samples send, read from the spec (a multipart field, a
 * base64 property of a JSON body, the whole body), checked with an error that says what to fix,
 * and sent the same way by every language's sample (run against a small recording server).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { loadSpec } from '../../src/lib/openapi/load-spec.ts';
import { buildApiModel } from '../../src/lib/openapi/model/build.ts';
import type { ApiModel, CodeSample, Operation } from '../../src/lib/openapi/model/types.ts';
import { SpecError } from '../../src/lib/openapi/spec-error.ts';
import { missingRuntime, runSample } from '../support/run-sample.ts';
import type { SampleFileFolders } from '../support/sample-files.ts';
import { closeServer } from '../support/close-server.ts';

const fixture = await loadSpec({ root: process.cwd(), specPath: 'tests/fixtures/openapi/sample-files.yaml' });
const model = buildApiModel(fixture.document);
const LANGUAGES: ReadonlyArray<CodeSample['id']> = ['curl', 'javascript', 'python', 'go'];
// Bytes that text handling would change: NUL, CR LF, bytes above 0x7f.
const FILE_BYTES = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0xff, 0x24, 0x60, 0x5c]);

/** One operation of a model, by operationId. */
function operationOf(api: ApiModel, operationId: string): Operation {
  const found = api.operations.find((candidate) => candidate.operationId === operationId);
  if (!found) throw new Error(`no operation ${operationId}`);
  return found;
}

/** The sample of one language. */
function sampleOf(operation: Operation, language: CodeSample['id']): string {
  return operation.codeSamples.find((sample) => sample.id === language)?.code ?? '';
}

/** The fixture with one operation's x-sample-file (or its content) changed. */
function withChange(change: (document: Record<string, unknown>) => void): () => unknown {
  const document = structuredClone(fixture.document) as unknown as Record<string, unknown>;
  change(document);
  return () => buildApiModel(document);
}

/** The request body of an operation of a raw document. */
function rawBody(document: Record<string, unknown>, path: string, method: string): Record<string, unknown> {
  const paths = document['paths'] as Record<string, Record<string, { requestBody: Record<string, unknown> }>>;
  const body = paths[path]?.[method]?.requestBody;
  if (body === undefined) throw new Error(`no body for ${method} ${path}`);
  return body;
}

describe('the sample file of an upload, from x-sample-file', () => {
  it('is read for each kind of body, with the note the page shows above the samples', () => {
    expect(operationOf(model, 'uploadPhoto').requestBody?.sampleFile).toEqual({
      path: '~/Pictures/cat.png',
      target: { kind: 'form-field', name: 'photo' },
      description: 'Any PNG picture.',
      note: 'The samples send the file `~/Pictures/cat.png` as the form field `photo`. Any PNG picture.',
    });
    expect(operationOf(model, 'replacePhoto').requestBody?.sampleFile?.target).toEqual({ kind: 'body' });
    expect(operationOf(model, 'importDocument').requestBody?.sampleFile?.note).toBe(
      'The samples send the file `notes.md` base64-encoded in `document.content`. A Markdown file.',
    );
    expect(operationOf(model, 'attachFile').requestBody?.sampleFile).toBeUndefined();
  });

  it('goes into every language, beside the required fields only; without it a placeholder path stays', () => {
    const upload = operationOf(model, 'uploadPhoto');
    expect(sampleOf(upload, 'curl')).toContain('--form photo=@"$HOME/Pictures/cat.png"');
    expect(sampleOf(upload, 'curl')).toContain('--form caption=string');
    for (const language of LANGUAGES) expect(sampleOf(upload, language), language).not.toMatch(/thumbnail|album/);
    expect(sampleOf(operationOf(model, 'replacePhoto'), 'curl')).toContain('--data-binary @cat.png');
    expect(sampleOf(operationOf(model, 'importDocument'), 'curl')).toContain(`"content": "$(base64 < notes.md | tr -d '\\n')"`);
    expect(sampleOf(operationOf(model, 'attachFile'), 'curl')).toContain("--form attachment='@path/to/attachment'");
    const curls = model.operations.map((operation) => sampleOf(operation, 'curl'));
    execFileSync('bash', ['-n', '-c', curls.join('\n')]);
  });

  const errors: Array<{ what: string; change: (document: Record<string, unknown>) => void; message: RegExp }> = [
    {
      what: 'a field that is not a file field of the form',
      change: (document) => ((rawBody(document, '/photos', 'post')['x-sample-file'] as Record<string, unknown>)['field'] = 'caption'),
      message:
        /^POST \/photos \(#\/paths\/~1photos\/post\/requestBody\/x-sample-file\): x-sample-file names the field "caption", which is not a file field of the multipart body \(its file fields: photo, thumbnail\)\. Set `field`/,
    },
    {
      what: 'a path that leaves the folder',
      change: (document) => ((rawBody(document, '/photos', 'put')['x-sample-file'] as Record<string, unknown>)['path'] = '../cat.png'),
      message: /^PUT \/photos .*: x-sample-file has the path "\.\.\/cat\.png", which samples cannot name as is\. Write a path/,
    },
    {
      what: 'a path with a space',
      change: (document) => ((rawBody(document, '/photos', 'put')['x-sample-file'] as Record<string, unknown>)['path'] = 'my cat.png'),
      message: /has the path "my cat\.png", which samples cannot name as is/,
    },
    {
      what: 'no description',
      change: (document) => delete (rawBody(document, '/photos', 'put')['x-sample-file'] as Record<string, unknown>)['description'],
      message: /x-sample-file has no one-paragraph description\. Say in one paragraph what the file is and how to get it/,
    },
    {
      what: 'a JSON property that is not base64',
      change: (document) =>
        ((rawBody(document, '/documents', 'post')['x-sample-file'] as Record<string, unknown>)['field'] = 'document.name'),
      message:
        /names "document\.name", which is not a base64 string property of the JSON body\. Name a property declared `type: string` with `contentEncoding: base64`/,
    },
    {
      what: 'a field on a body that is the file',
      change: (document) => ((rawBody(document, '/photos', 'put')['x-sample-file'] as Record<string, unknown>)['field'] = 'photo'),
      message: /names the field "photo" on a application\/octet-stream body, which has no fields\. Leave `field` out/,
    },
    {
      what: 'a URL-encoded form',
      change: (document) => {
        const body = rawBody(document, '/photos', 'post');
        body['content'] = { 'application/x-www-form-urlencoded': (body['content'] as Record<string, unknown>)['multipart/form-data'] };
      },
      message: /x-sample-file is on a URL-encoded form, which cannot carry a file/,
    },
    {
      what: 'not an object',
      change: (document) => (rawBody(document, '/photos', 'put')['x-sample-file'] = 'cat.png'),
      message: /x-sample-file is not an object\. Give it `path`, `description`/,
    },
  ];

  for (const { what, change, message } of errors) {
    it(`stops the model with what to fix: ${what}`, () => {
      const build = withChange(change);
      expect(build).toThrow(SpecError);
      expect(build).toThrow(message);
    });
  }
});

describe('every language sends the same file, byte for byte', () => {
  let server: Server;
  let url = '';
  let last: { contentType: string; body: Buffer } | undefined;

  beforeAll(async () => {
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        last = { contentType: req.headers['content-type'] ?? '', body: Buffer.concat(chunks) };
        res.writeHead(201, { 'Content-Type': 'text/plain' });
        res.end('stored\n');
      });
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await closeServer(server);
  });

  /** A home folder and working folder holding FILE_BYTES at a sample path. */
  function foldersWith(path: string): SampleFileFolders {
    const root = mkdtempSync(join(tmpdir(), 'sample-files-'));
    const folders = { home: join(root, 'home'), cwd: join(root, 'work') };
    const file = path.startsWith('~/') ? join(folders.home, path.slice(2)) : join(folders.cwd, path);
    mkdirSync(dirname(file), { recursive: true });
    mkdirSync(folders.cwd, { recursive: true });
    writeFileSync(file, FILE_BYTES);
    return folders;
  }

  /** The file's bytes as the server received them, by where the operation puts them. */
  async function receivedFile(operationId: string): Promise<Buffer | undefined> {
    if (last === undefined) return undefined;
    if (operationId === 'replacePhoto') return last.body;
    if (operationId === 'importDocument') {
      const json = JSON.parse(last.body.toString('utf8')) as { document?: { content?: string } };
      return Buffer.from(json.document?.content ?? '', 'base64');
    }
    const form = await new Request(url, {
      method: 'POST',
      headers: { 'content-type': last.contentType },
      body: new Uint8Array(last.body),
    }).formData();
    const photo = form.get('photo');
    return photo === null || typeof photo === 'string' ? undefined : Buffer.from(await photo.arrayBuffer());
  }

  for (const operationId of ['uploadPhoto', 'replacePhoto', 'importDocument']) {
    for (const language of LANGUAGES) {
      const missing = missingRuntime(language);
      it.skipIf(missing !== undefined)(
        `${operationId} in ${language}${missing ? ` (skipped: ${missing})` : ''}`,
        async () => {
          const operation = operationOf(model, operationId);
          const path = operation.requestBody?.sampleFile?.path ?? '';
          last = undefined;
          const run = await runSample(language, sampleOf(operation, language), {
            folders: foldersWith(path),
            token: 'a-token',
            tokenVariable: 'API_TOKEN',
            serverUrl: operation.sampleServerUrl,
            testServerUrl: url,
            timeoutMs: 60_000,
          });
          expect(run.exitCode, run.stderr).toBe(0);
          expect(await receivedFile(operationId)).toEqual(FILE_BYTES);
        },
        90_000,
      );
    }
  }
});
