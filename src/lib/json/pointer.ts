/**
 * JSON Pointer (RFC 6901) in URI-fragment form ("#/components/schemas/Pet"), the one
 * implementation the model's $ref resolution and the playground's subtree resolver share.
 */

/** Decode one pointer segment: percent-decoding as URI fragments are, then "~1" is "/" and "~0" is "~". */
export function decodePointerSegment(segment: string): string {
  let decoded = segment;
  try {
    decoded = decodeURIComponent(segment);
  } catch {
    // A stray "%" is a literal character in the name, not an escape.
  }
  return decoded.replaceAll('~1', '/').replaceAll('~0', '~');
}

/** Encode a key as a pointer segment ("a/b" → "a~1b"). */
export function encodePointerSegment(key: string): string {
  return key.replaceAll('~', '~0').replaceAll('/', '~1');
}

/**
 * The value a local reference ("#/a/b", or "#" for the root) points to, or undefined when it
 * leads nowhere or is not local. Only own keys count: "#/constructor" is not a place in a document.
 */
export function getByPointer(root: unknown, ref: string): unknown {
  if (ref === '#') return root;
  if (!ref.startsWith('#/')) return undefined;
  return getAtPath(root, ref.slice(2).split('/').map(decodePointerSegment));
}

/** The value at a path of keys and indexes (a pointer's decoded segments), or undefined. */
export function getAtPath(root: unknown, path: ReadonlyArray<string | number>): unknown {
  let current: unknown = root;
  for (const key of path) {
    current = getChild(current, String(key));
    if (current === undefined) return undefined;
  }
  return current;
}

/** One step down: an array index or an object's own key. */
function getChild(node: unknown, key: string): unknown {
  if (Array.isArray(node)) return /^\d+$/.test(key) ? (node as unknown[])[Number(key)] : undefined;
  if (typeof node === 'object' && node !== null) return Object.hasOwn(node, key) ? (node as Record<string, unknown>)[key] : undefined;
  return undefined;
}
