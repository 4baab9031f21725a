/** JSON Pointers (RFC 6901) into a response body: how differences say where they are. */

/** Escape one key for a pointer: `~` becomes `~0`, `/` becomes `~1`. */
export function escapePointerSegment(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Undo escapePointerSegment. */
export function unescapePointerSegment(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** A pointer one level down: `/items/0` and `id` give `/items/0/id`. */
export function childPointer(pointer: string, key: string | number): string {
  return `${pointer}/${escapePointerSegment(String(key))}`;
}

/**
 * A validator's instance location (a URI fragment such as `#/items/0/first%20name`) as a plain
 * JSON Pointer (`/items/0/first name`): the fragment's percent-encoding is undone, the RFC 6901
 * escapes are kept.
 */
export function pointerFromFragment(fragment: string): string {
  const pointer = fragment.startsWith('#') ? fragment.slice(1) : fragment;
  return pointer
    .split('/')
    .map((segment) => {
      try {
        return decodeURIComponent(segment);
      } catch {
        return segment;
      }
    })
    .join('/');
}

/** The value a pointer leads to in a parsed body, undefined when it leads nowhere. */
export function valueAtPointer(root: unknown, pointer: string): unknown {
  if (pointer === '') return root;
  let node: unknown = root;
  for (const segment of pointer.slice(1).split('/')) {
    const key = unescapePointerSegment(segment);
    if (Array.isArray(node)) node = node[Number(key)];
    else if (typeof node === 'object' && node !== null) node = (node as Record<string, unknown>)[key];
    else return undefined;
  }
  return node;
}
