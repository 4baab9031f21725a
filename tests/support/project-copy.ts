/**
 * A throw-away copy of the project for tests that run `astro build` with something broken
 * or foreign: nothing is written into the working tree (a crashed test or a parallel build
 * never sees a test's broken page), and each copy has its own .astro/ cache.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');
const ASTRO = resolve(ROOT, 'node_modules/astro/bin/astro.mjs');
/**
 * Copies live inside the project's (ignored) .astro/, not in the system's temp folder: Astro
 * takes a file outside its root for a root-relative path unless the two share a folder, and
 * the copies' linked node_modules resolve to files beside the project.
 */
const COPIES = resolve(ROOT, '.astro/test-builds');

/** What `astro build` reads from the project; node_modules is linked, not copied. */
const BUILD_INPUTS = ['astro.config.mjs', 'package.json', 'tsconfig.json', 'redocly.yaml', 'src', 'public', 'openapi'];

export interface ProjectCopy {
  /** The copy's root: build here. */
  root: string;
  /** A folder beside the copy for build output. */
  outDir: string;
  /** Remove the copy and its output. */
  remove(): void;
}

/** Copy the project's build inputs into a new temporary folder, with node_modules linked to the real one. */
export function copyProjectForBuild(prefix: string): ProjectCopy {
  mkdirSync(COPIES, { recursive: true });
  const base = mkdtempSync(join(COPIES, `${prefix}-`));
  const root = join(base, 'project');
  for (const entry of BUILD_INPUTS) cpSync(join(ROOT, entry), join(root, entry), { recursive: true });
  symlinkSync(join(ROOT, 'node_modules'), join(root, 'node_modules'), 'dir');
  return { root, outDir: join(base, 'dist'), remove: () => rmSync(base, { recursive: true, force: true }) };
}

/** Run `astro build` in a project folder into outDir, with extra environment variables; output and status come back. */
export function runAstroBuild(root: string, outDir: string, env: Record<string, string> = {}): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [ASTRO, 'build', '--outDir', outDir], {
    cwd: root,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env },
    encoding: 'utf8',
    timeout: 180_000,
  });
}
