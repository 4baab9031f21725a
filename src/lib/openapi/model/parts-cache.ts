/**
 * Keeps the lazily built parts (schema trees, samples, code samples) of the operations and schema
 * pages built last, and releases older ones: a build renders each page (and its Markdown twin)
 * once, so keeping every part of a large spec's pages to the end only raised the build's peak
 * memory (about 150 MB for GitHub's spec). A released part is built again, the same, if read again.
 */
export interface PartsCache {
  /** Register what forgets one of the owner's parts. */
  onRelease(owner: object, release: () => void): void;
  /** Note that a part of the owner was just built; release the parts of the least recently built owners past the limit. */
  built(owner: object): void;
}

/**
 * Owners whose parts are kept: enough for the pages rendered around the same time (an operation
 * page, its twin and try-it slice, the tag page's links) to share them, few enough to stay small.
 */
export const KEPT_OWNERS = 64;

/** A cache that keeps the parts of the `limit` owners built last. */
export function createPartsCache(limit: number = KEPT_OWNERS): PartsCache {
  if (!Number.isInteger(limit) || limit < 1) throw new Error(`createPartsCache needs a whole number of owners to keep, at least 1; got ${limit}.`);
  const releases = new WeakMap<object, Array<() => void>>();
  // Insertion order is build order: the first owner is the least recently built.
  const kept = new Set<object>();
  const release = (owner: object): void => {
    kept.delete(owner);
    for (const forget of releases.get(owner) ?? []) forget();
  };
  return {
    onRelease(owner, forget) {
      const list = releases.get(owner);
      if (list) list.push(forget);
      else releases.set(owner, [forget]);
    },
    built(owner) {
      kept.delete(owner);
      kept.add(owner);
      for (const oldest of kept) {
        if (kept.size <= limit) break;
        release(oldest);
      }
    },
  };
}
