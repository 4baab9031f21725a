import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { copyProjectForBuild, runAstroBuild } from '../support/project-copy.ts';

describe('astro build with broken front matter', () => {
  // The broken page goes into a copy of the project, never into src/content/docs.
  const project = copyProjectForBuild('meshplay-bad-front-matter');
  afterAll(() => project.remove());

  it('fails and names the file and the field', () => {
    writeFileSync(
      join(project.root, 'src/content/docs/zz-test-broken-front-matter.mdx'),
      '---\ntitle: A page with broken front matter\ndescription: 42\n---\n\nText.\n',
    );
    const result = runAstroBuild(project.root, project.outDir);
    expect(result.status).not.toBe(0);
    const output = `${result.stdout}\n${result.stderr}`;
    expect(output).toMatch(/src\/content\/docs\/zz-test-broken-front-matter\.mdx/);
    expect(output).toMatch(/description.*Expected type `"string"`, received `"number"`/);
  }, 180_000);
});
