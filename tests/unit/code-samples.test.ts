import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { loadSpec } from '../../src/lib/openapi/load-spec.ts';
import { buildApiModel } from '../../src/lib/openapi/model/build.ts';
import { toPythonLiteral } from '../../src/lib/openapi/model/code-samples.ts';
import type { ApiModel, CodeSample } from '../../src/lib/openapi/model/types.ts';

const root = resolve(import.meta.dirname, '../..');
// Loading (and linting) the Meshplay spec takes a second or two: once for the whole file.
const meshplaySpec = await loadSpec({ root });
const meshplay = { document: buildApiModel(meshplaySpec.document) };

/** The samples of one operation, by operationId, keyed by language. */
function samplesOf(document: ApiModel, operationId: string): Record<CodeSample['id'], string> {
  const entry = document.operations.find((candidate) => candidate.operationId === operationId);
  if (!entry) throw new Error(`no operation ${operationId}`);
  return Object.fromEntries(entry.codeSamples.map((sample) => [sample.id, sample.code])) as Record<CodeSample['id'], string>;
}

describe('code samples for the Meshplay spec', () => {
  it('authenticate with the two cookies, reading the token from MESHPLAY_TOKEN, against localhost:9081', () => {
    const { document } = meshplay;
    const samples = samplesOf(document, 'getSignedInUser');
    expect(samples.curl).toContain('--url http://localhost:9081/api/user');
    expect(samples.curl).toContain('--cookie "meshplay-provider=Meshplay; token=$MESHPLAY_TOKEN"');
    expect(samples.javascript).toContain("fetch('http://localhost:9081/api/user', options)");
    expect(samples.javascript).toContain('cookie: `meshplay-provider=Meshplay; token=${process.env.MESHPLAY_TOKEN}`');
    expect(samples.javascript).toContain("redirect: 'manual'");
    expect(samples.python).toContain('url = "http://localhost:9081/api/user"');
    expect(samples.python).toContain('"cookie": "meshplay-provider=Meshplay; token=" + os.environ["MESHPLAY_TOKEN"]');
    expect(samples.python).toMatch(/^import os\nimport requests$/m);
    expect(samples.python).toContain('allow_redirects=False');
    expect(samples.go).toContain('req.Header.Add("cookie", "meshplay-provider=Meshplay; token="+os.Getenv("MESHPLAY_TOKEN"))');
    expect(samples.go).toMatch(/^\t"os"$/m);
    expect(samples.go).toContain('http.ErrUseLastResponse');
  });

  it('send no credential to public routes', () => {
    const { document } = meshplay;
    const samples = samplesOf(document, 'getServerVersion');
    expect(samples.curl).toBe('curl --request GET \\\n  --url http://localhost:9081/api/system/version');
    for (const code of Object.values(samples)) expect(code).not.toMatch(/cookie|MESHPLAY_TOKEN/i);
  });

  it('fill path parameters with their examples, and keep {name} (with curl --globoff) where there is none', () => {
    const { document } = meshplay;
    for (const entry of document.operations.filter((candidate) => candidate.path.includes('{'))) {
      const [curl] = entry.codeSamples;
      const url = /--url (\S+)/.exec(curl?.code ?? '')?.[1] ?? '';
      if (url.includes('{')) expect(curl?.code, entry.path).toMatch(/^curl --request \w+ \\\n {2}--globoff/);
      expect(curl?.code, entry.path).not.toContain('%7B');
    }
    expect(samplesOf(document, 'importDesign').curl).toContain('/api/pattern/Kubernetes%20Manifest');
  });

  it('are valid bash for every operation, and carry the token only where the spec asks for a session', () => {
    const { document } = meshplay;
    const curls: string[] = [];
    for (const entry of document.operations) {
      const samples = entry.codeSamples;
      const curl = samples.find((sample) => sample.id === 'curl')?.code ?? '';
      curls.push(curl);
      const declared = (meshplaySpec.document.paths?.[entry.path] as Record<string, { security?: unknown[] }> | undefined)?.[entry.method]
        ?.security;
      const needsSession = Array.isArray(declared) && declared.length > 0;
      expect(curl.includes('$MESHPLAY_TOKEN'), `${entry.method} ${entry.path}`).toBe(needsSession);
      for (const sample of samples) expect(sample.code, `${sample.label} ${entry.path}`).not.toContain('SAMPLETOKENPLACEHOLDER');
    }
    // One bash for all: each sample is a complete command, so a syntax error anywhere fails the whole.
    execFileSync('bash', ['-n', '-c', curls.join('\n')]);
  });

  it('upload the kubeconfig from the home folder in the form field the handler reads, in every language', () => {
    const { document } = meshplay;
    const samples = samplesOf(document, 'uploadKubeconfig');
    expect(samples.curl).toContain('--form k8sfile=@"$HOME/.kube/config"');
    // curl writes the multipart Content-Type with its boundary; a bare one is a wrong hint to copy.
    expect(samples.curl).not.toMatch(/content-type/i);
    expect(samples.javascript).toContain("form.append('k8sfile', await openAsBlob(join(homedir(), '.kube/config')), 'config');");
    expect(samples.python).toContain('files = { "k8sfile": ("config", Path("~/.kube/config").expanduser().open("rb")) }');
    expect(samples.python).toMatch(/^import os\nfrom pathlib import Path\nimport requests$/m);
    expect(samples.go).toContain('file, err := os.Open(filepath.Join(home, ".kube/config"))');
    expect(samples.go).toContain('part, _ := form.CreateFormFile("k8sfile", "config")');
    expect(samples.go).toContain('req.Header.Add("Content-Type", form.FormDataContentType())');
    // The generator's fixed multipart text had an empty file and no boundary.
    expect(samples.go).not.toContain('011000010111000001101001');
    expect(samples.go).toMatch(
      /^import \(\n\t"bytes"\n\t"fmt"\n\t"io"\n\t"mime\/multipart"\n\t"net\/http"\n\t"os"\n\t"path\/filepath"\n\)$/m,
    );
  });

  it('send a design file base64-encoded in the property the handler decodes, in every language', () => {
    const { document } = meshplay;
    const samples = samplesOf(document, 'saveDesign');
    expect(samples.curl).toContain(`"pattern_file": "$(base64 < design.yaml | tr -d '\\n')"`);
    expect(samples.curl).toMatch(/--data-binary @- <<EOF\n\{[\s\S]*\n\}\nEOF$/);
    expect(samples.javascript).toContain("pattern_file: readFileSync('design.yaml').toString('base64')");
    expect(samples.python).toContain('"pattern_file": base64.b64encode(Path("design.yaml").read_bytes()).decode()');
    expect(samples.go).toContain('"pattern_file":"` + base64.StdEncoding.EncodeToString(file) + `"}}`');
    for (const code of Object.values(samples)) expect(code).not.toContain('SAMPLEFILEPLACEHOLDER');
  });

  it('send no sampled value in optional fields beside an uploaded file (a "dir" would win over it)', () => {
    const { document } = meshplay;
    const samples = samplesOf(document, 'importRegistryDefinitions');
    expect(samples.curl).toMatch(/--form file=@component\.json$/);
    for (const code of Object.values(samples)) expect(code, code).not.toMatch(/\bdir\b/);
  });

  it('write JSON bodies into Python as Python literals, newlines in strings escaped', () => {
    const { document } = meshplay;
    const python = samplesOf(document, 'saveFilter').python;
    expect(python).toContain('"config": "name: envoy.filters.http.wasm\\nroot_id: http_headers\\n",');
    expect(python).toContain('"save": True,');
  });
});

describe('code samples for other specs', () => {
  it('use the server variables defaults, a bearer token from API_TOKEN, and repeated query parameters', async () => {
    const document = buildApiModel((await loadSpec({ root, specPath: 'tests/fixtures/openapi/auth-schemes.yaml' })).document);
    const get = samplesOf(document, 'getItem');
    expect(get.curl).toContain('--url https://api.example.test/api/items/42');
    expect(get.curl).toContain('--header "Authorization: Bearer $API_TOKEN"');
    expect(get.javascript).toContain('Authorization: `Bearer ${process.env.API_TOKEN}`');
    expect(get.python).toContain('"Authorization": "Bearer " + os.environ["API_TOKEN"]');
    expect(get.go).toContain('"Bearer "+os.Getenv("API_TOKEN")');

    const put = samplesOf(document, 'replaceItem');
    expect(put.curl).toContain('--globoff');
    expect(put.curl).toContain('https://api.example.test/api/items/{itemId}');
    expect(put.curl).toContain('--header "X-API-Key: $API_TOKEN"');
    // A body with a quote goes through a here-document, still valid bash.
    execFileSync('bash', ['-n', '-c', put.curl]);

    // Optional security: the sample goes without.
    const search = samplesOf(document, 'search');
    expect(search.curl).toContain("'https://api.example.test/api/search?q=red%20shoes'");
    expect(search.curl).not.toContain('API_TOKEN');
  });

  it('write long JSON bodies on one line and short ones pretty', () => {
    expect(toPythonLiteral({ a: [true, false, null, 1.5, 'x"y'] })).toBe('{"a": [True, False, None, 1.5, "x\\"y"]}');
  });
});
