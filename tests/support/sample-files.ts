/**
 * The files upload samples send (each operation's `x-sample-file` path), with contents a Meshplay
 * would accept, laid out in a temporary home folder and working folder, as a reader who followed
 * the page's note would have them.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const KUBECONFIG = `apiVersion: v1
kind: Config
clusters:
  - name: kind-meshplay
    cluster:
      server: https://127.0.0.1:6443
contexts:
  - name: kind-meshplay
    context:
      cluster: kind-meshplay
      user: kind-meshplay
current-context: kind-meshplay
users:
  - name: kind-meshplay
    user:
      token: test-token
`;

const DESIGN = `id: 3f8a2c71-9d4e-4b6a-8c15-7e2f0a9b6d43
name: bookinfo
schemaVersion: designs.meshplay.io/v1beta1
version: 0.0.3
components: []
relationships: []
`;

const MANIFEST = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: productpage
spec:
  replicas: 1
  selector:
    matchLabels:
      app: productpage
  template:
    metadata:
      labels:
        app: productpage
    spec:
      containers:
        - name: productpage
          image: docker.io/istio/examples-bookinfo-productpage-v1:1.20.2
`;

const COMPONENT = JSON.stringify({
  id: '00000000-0000-4000-8000-000000000000',
  schemaVersion: 'components.meshplay.io/v1beta1',
  version: 'v1.0.0',
  displayName: 'Test Pod',
  description: 'A component definition for the upload samples.',
  format: 'JSON',
  model: { name: 'kubernetes', version: 'v1.25.2' },
  component: { kind: 'Pod', version: 'v1', schema: '{}' },
});

// The smallest valid WebAssembly module (magic and version) and a custom section, so the bytes hold
// NUL and bytes above 0x7f: a sample that sent text instead of bytes would change them.
const WASM = Buffer.from('0061736d010000000008047465737400ff2d', 'hex');

/** The contents of every file the spec's upload samples name, by the path the samples use. */
export const SAMPLE_FILE_CONTENTS: ReadonlyMap<string, Buffer> = new Map([
  ['~/.kube/config', Buffer.from(KUBECONFIG)],
  ['design.yaml', Buffer.from(DESIGN)],
  ['manifest.yaml', Buffer.from(MANIFEST)],
  ['component.json', Buffer.from(COMPONENT)],
  ['filter.wasm', WASM],
]);

/** Where the files are: the home folder (`~/`) and the folder the samples run in. */
export interface SampleFileFolders {
  home: string;
  cwd: string;
}

/** The contents for a sample path; a clear error for a path the tests have no contents for. */
export function sampleFileContents(path: string): Buffer {
  const contents = SAMPLE_FILE_CONTENTS.get(path);
  if (contents === undefined)
    throw new Error(
      `No test contents for the sample file ${path}: add it to SAMPLE_FILE_CONTENTS in tests/support/sample-files.ts (known: ${[...SAMPLE_FILE_CONTENTS.keys()].join(', ')}).`,
    );
  return contents;
}

/** A fresh home folder and working folder holding the given sample files. */
export function layOutSampleFiles(paths: Iterable<string>): SampleFileFolders {
  const root = mkdtempSync(join(tmpdir(), 'meshplay-samples-'));
  const folders = { home: join(root, 'home'), cwd: join(root, 'work') };
  mkdirSync(folders.home);
  mkdirSync(folders.cwd);
  for (const path of paths) writeFileSync(ensureFolder(localPath(folders, path)), sampleFileContents(path));
  return folders;
}

/** Where a sample path lands on disk: `~/` under the home folder, anything else under the working folder. */
export function localPath(folders: SampleFileFolders, path: string): string {
  return path.startsWith('~/') ? join(folders.home, path.slice(2)) : join(folders.cwd, path);
}

/** Make the folder of a file, and return the file's path. */
function ensureFolder(file: string): string {
  mkdirSync(dirname(file), { recursive: true });
  return file;
}
