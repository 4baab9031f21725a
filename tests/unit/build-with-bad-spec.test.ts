import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const astro = resolve(root, 'node_modules/astro/bin/astro.mjs');

describe('astro build with a broken spec', () => {
  it('fails, names the file and the place, and leaves no site behind to deploy', () => {
    const outDir = join(mkdtempSync(join(tmpdir(), 'meshplay-bad-spec-')), 'dist');
    mkdirSync(outDir, { recursive: true });
    writeFileSync(join(outDir, 'index.html'), '<p>an older build</p>');

    const result = spawnSync(process.execPath, [astro, 'build', '--outDir', outDir], {
      cwd: root,
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', OPENAPI_SPEC: 'tests/fixtures/openapi/broken-ref.yaml' },
      encoding: 'utf8',
      timeout: 120_000,
    });

    expect(result.status).not.toBe(0);
    const output = `${result.stdout}\n${result.stderr}`;
    expect(output).toMatch(/tests\/fixtures\/openapi\/broken-ref\.yaml:16:\d+ \(#\/paths\/~1pets\/get/);
    expect(output).toMatch(/the site was not built/);
    expect(existsSync(outDir)).toBe(false);
  }, 120_000);
});
