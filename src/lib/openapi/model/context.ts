import type { JsonObject } from './guards.ts';
import type { Sampler } from './sampler.ts';
import type { AuthProfile } from './types.ts';

/** What every builder of the model needs: the raw document (read only here), the shared sampler and the auth profile. */
export interface ModelContext {
  document: JsonObject;
  sample: Sampler;
  auth: AuthProfile;
}

/**
 * Define a property computed on first read and kept: operation and schema pages are built when
 * a page (or a dump) asks, so that the sidebar, which reads titles and routes, costs no more
 * than before. The property is enumerable, so JSON.stringify dumps it like any other.
 */
export function defineLazy<T extends object, K extends keyof T>(target: T, key: K, compute: () => T[K]): void {
  let computed = false;
  let value: T[K];
  Object.defineProperty(target, key, {
    enumerable: true,
    configurable: true,
    get() {
      if (!computed) {
        value = compute();
        computed = true;
      }
      return value;
    },
  });
}
