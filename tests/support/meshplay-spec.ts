/**
 * The Meshplay spec for the unit tests, bundled and linted once for the whole suite by the
 * global setup (tests/support/load-meshplay-spec-once.ts) instead of once per test file.
 */
import { inject } from 'vitest';
import type { LoadedSpec } from '../../src/lib/openapi/load-spec.ts';
import { loadMeshplaySpecOrError, type ProvidedMeshplaySpec } from './load-meshplay-spec-once.ts';

export { PROJECT_ROOT } from './load-meshplay-spec-once.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    meshplaySpec: ProvidedMeshplaySpec | undefined;
  }
}

let cached: Promise<LoadedSpec> | undefined;

/** The Meshplay spec as the build loads it: the global setup's copy, or (in a run without it) loaded once per test file. */
export function meshplaySpec(): Promise<LoadedSpec> {
  cached ??= providedOrLoaded();
  return cached;
}

/** Read the provided spec, or load it when nothing was provided; throw the loader's message when it failed. */
async function providedOrLoaded(): Promise<LoadedSpec> {
  const provided = inject('meshplaySpec') ?? (await loadMeshplaySpecOrError());
  if (provided.error !== undefined) throw new Error(`The Meshplay spec did not load:\n${provided.error}`);
  return provided.spec;
}
