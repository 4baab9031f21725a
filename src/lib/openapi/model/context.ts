import type { JsonObject } from './guards.ts';
import type { PartsCache } from './parts-cache.ts';
import type { Sampler } from './sampler.ts';
import type { AuthProfile } from './types.ts';

/** What every builder of the model needs: the raw document (read only here), the shared sampler, the auth profile and the cache of built parts. */
export interface ModelContext {
  document: JsonObject;
  sample: Sampler;
  auth: AuthProfile;
  parts: PartsCache;
}

/**
 * Define a property computed on first read and kept while its owner stays among the owners whose
 * parts were built last (see parts-cache.ts); forgotten, it is computed again on the next read.
 * Operation and schema pages are built when a page (or a dump) asks, so that the sidebar, which
 * reads titles and routes, costs no more than before. The property is enumerable, so
 * JSON.stringify dumps it like any other.
 */
export function defineLazy<T extends object, K extends keyof T>(target: T, key: K, compute: () => T[K], parts: PartsCache): void {
  let computed = false;
  let value: T[K] | undefined;
  parts.onRelease(target, () => {
    computed = false;
    value = undefined;
  });
  Object.defineProperty(target, key, {
    enumerable: true,
    configurable: true,
    get() {
      if (!computed) {
        value = compute();
        computed = true;
        parts.built(target);
      }
      return value;
    },
  });
}
