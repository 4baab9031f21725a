/**
 * Every upload sample of the reference, in every language, pasted as a reader would: with
 * MESHPLAY_TOKEN exported and the file the page's note names in place (a home folder with
 * `.kube/config`, a design in the working folder...). Each run must succeed against the
 * Meshplay test server, and the server must have received exactly that file in the field its
 * handler reads. The samples are the model's, which the operation pages show as they are
 * (tests/e2e/curl-examples.spec.ts checks the built pages against the model).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApiModel } from '../../src/lib/openapi/model/build.ts';
import type { CodeSample, Operation, SampleFile } from '../../src/lib/openapi/model/types.ts';
import { startTestServer, type ReceivedFile, type RunningTestServer } from '../support/meshplay-test-server.ts';
import { missingRuntime, runSample } from '../support/run-sample.ts';
import { layOutSampleFiles, sampleFileContents } from '../support/sample-files.ts';
import { mintToken } from '../support/tokens.ts';
import { closeServer } from '../support/close-server.ts';
import { meshplaySpec } from '../support/meshplay-spec.ts';

const spec = await meshplaySpec();
const model = buildApiModel(spec.document);
const uploads = model.operations.filter((operation) => operation.requestBody?.sampleFile !== undefined);
const LANGUAGES: ReadonlyArray<CodeSample['id']> = ['curl', 'javascript', 'python', 'go'];
const token = mintToken({ expiresIn: 3600, subject: 'upload-samples' });

let meshplay: RunningTestServer;

beforeAll(async () => {
  meshplay = await startTestServer();
});

afterAll(async () => {
  await closeServer(meshplay.server);
});

/** What the server must have received from an upload sample: the file's bytes, in the field its handler reads. */
function expectedReceipt(file: SampleFile): ReceivedFile {
  const base64 = sampleFileContents(file.path).toString('base64');
  const { target } = file;
  if (target.kind === 'form-field') return { field: target.name, fileName: file.path.slice(file.path.lastIndexOf('/') + 1), base64 };
  if (target.kind === 'base64-field') return { field: target.path.join('.'), fileName: undefined, base64 };
  throw new Error(`No Meshplay upload sends its file as the whole body; extend this test for ${file.path}.`);
}

/** `METHOD /path` of an operation, as the test server names its routes. */
function keyOf(operation: Operation): string {
  return `${operation.method.toUpperCase()} ${operation.path}`;
}

describe('upload samples', () => {
  it('name a file for every upload of the spec: multipart file fields, and the design and filter imports', () => {
    const multipart = model.operations.filter((operation) => (operation.requestBody?.fileFields.length ?? 0) > 0);
    const withoutFile = multipart.filter((operation) => operation.requestBody?.sampleFile === undefined).map(keyOf);
    expect(withoutFile, 'multipart uploads without x-sample-file').toEqual([]);
    expect(uploads.map((operation) => operation.operationId).sort()).toEqual(
      [
        'importDesign',
        'importRegistryDefinitions',
        'readKubeconfigContexts',
        'registerKubernetesComponents',
        'saveDesign',
        'saveFilter',
        'uploadKubeconfig',
      ].sort(),
    );
  });

  for (const operation of uploads) {
    const file = operation.requestBody?.sampleFile;
    for (const language of LANGUAGES) {
      const sample = operation.codeSamples.find((candidate) => candidate.id === language);
      const missing = missingRuntime(language);
      it.skipIf(missing !== undefined)(
        `${operation.operationId}: the ${sample?.label ?? language} sample sends ${file?.path ?? '?'} and succeeds${missing ? ` (skipped: ${missing})` : ''}`,
        async () => {
          if (file === undefined || sample === undefined)
            throw new Error(`${keyOf(operation)} has no sample file or no ${language} sample.`);
          const before = meshplay.requests.length;
          const run = await runSample(language, sample.code, {
            folders: layOutSampleFiles([file.path]),
            token,
            serverUrl: operation.sampleServerUrl,
            testServerUrl: meshplay.url,
            timeoutMs: 60_000,
          });
          expect(run.exitCode, `${sample.code}\n--- stderr:\n${run.stderr}`).toBe(0);
          const made = meshplay.requests.slice(before);
          expect(made.map((request) => `${request.method} ${request.path}`)).toHaveLength(1);
          const [request] = made;
          if (request === undefined) return;
          expect(meshplay.routeFor(request.method, new URL(request.path, meshplay.url).pathname)).toBe(keyOf(operation));
          expect(request.status, `${run.stdout}\n${run.stderr}`).toBeGreaterThanOrEqual(200);
          expect(request.status).toBeLessThan(300);
          expect(request.received).toEqual([expectedReceipt(file)]);
          // The JavaScript, Python and Go samples print the status first.
          if (language !== 'curl') expect(run.stdout.split(/\s/)[0]).toBe(String(request.status));
        },
        90_000,
      );
    }
  }
});
