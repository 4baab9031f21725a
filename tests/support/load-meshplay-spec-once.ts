/**
 * Vitest global setup: load the Meshplay spec once, in Vitest's main process, for every unit
 * test file (read it with meshplaySpec() from tests/support/meshplay-spec.ts).
 */
import { resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { loadSpec, type LoadedSpec } from '../../src/lib/openapi/load-spec.ts';

/** The project root, for tests that load the Meshplay spec or fixtures beside it. */
export const PROJECT_ROOT = resolve(import.meta.dirname, '../..');

/** What the global setup provides: the loaded spec, or the loader's message when it failed. */
export type ProvidedMeshplaySpec = { spec: LoadedSpec; error?: undefined } | { spec?: undefined; error: string };

/** Load the Meshplay spec as the build does; a failure becomes the loader's message, so that only tests that need the spec fail. */
export async function loadMeshplaySpecOrError(): Promise<ProvidedMeshplaySpec> {
  try {
    return { spec: await loadSpec({ root: PROJECT_ROOT }) };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

/** Provide the loaded spec, and load it again when watch mode reruns tests (the spec may have changed). */
export default async function setup(project: TestProject): Promise<void> {
  project.provide('meshplaySpec', await loadMeshplaySpecOrError());
  project.onTestsRerun(async () => {
    project.provide('meshplaySpec', await loadMeshplaySpecOrError());
  });
}
