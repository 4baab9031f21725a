import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const astro = resolve(root, 'node_modules/astro/bin/astro.mjs');

describe('astro build with broken front matter', () => {
  it('fails and names the file and the field', () => {
    // A page only this test writes, removed again whatever happens.
    const page = resolve(root, 'src/content/docs/zz-test-broken-front-matter.mdx');
    writeFileSync(page, '---\ntitle: A page with broken front matter\ndescription: 42\n---\n\nText.\n');
    try {
      const outDir = join(mkdtempSync(join(tmpdir(), 'meshplay-bad-front-matter-')), 'dist');
      const result = spawnSync(process.execPath, [astro, 'build', '--outDir', outDir], {
        cwd: root,
        env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
        encoding: 'utf8',
        timeout: 120_000,
      });
      expect(result.status).not.toBe(0);
      const output = `${result.stdout}\n${result.stderr}`;
      expect(output).toMatch(/src\/content\/docs\/zz-test-broken-front-matter\.mdx/);
      expect(output).toMatch(/description.*Expected type `"string"`, received `"number"`/);
    } finally {
      rmSync(page, { force: true });
    }
  }, 120_000);
});
