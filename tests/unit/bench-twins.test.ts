import { afterEach, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LLMS_FULL_LIMIT_BYTES } from '../../scripts/bench/budgets.ts';
import { benchTwins } from '../../scripts/bench/twins.ts';

const dirs: string[] = [];

/** A built site with two twins and an llms-full.txt of a given size. */
function site(fullBytes: number | undefined): string {
  const dir = mkdtempSync(join(tmpdir(), 'bench-twins-'));
  dirs.push(dir);
  writeFileSync(join(dir, 'index.md'), '# Home\n');
  mkdirSync(join(dir, 'reference', 'x'), { recursive: true });
  writeFileSync(join(dir, 'reference', 'x', 'index.md'), `# X\n\n${'row\n'.repeat(100)}`);
  writeFileSync(join(dir, 'llms.txt'), '# Site\n');
  if (fullBytes !== undefined) writeFileSync(join(dir, 'llms-full.txt'), 'x'.repeat(fullBytes));
  return dir;
}

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('the bench section of the Markdown twins', () => {
  it('counts the twins, sums their sizes and names the largest', async () => {
    const result = await benchTwins(site(1000));
    expect(result.data).toMatchObject({ twins: 2, totalBytes: 7 + 5 + 400, largest: { path: '/reference/x/index.md', bytes: 405 } });
    expect(result.budgets).toEqual([expect.objectContaining({ name: '/llms-full.txt', pass: true })]);
  });

  it('breaks the budget when llms-full.txt is 1.5 MB or more, or missing', async () => {
    expect((await benchTwins(site(LLMS_FULL_LIMIT_BYTES))).budgets[0]).toMatchObject({ pass: false, actual: '1.50 MB' });
    expect((await benchTwins(site(undefined))).budgets[0]).toMatchObject({ pass: false, actual: 'missing' });
  });
});
