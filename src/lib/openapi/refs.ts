import { isObject, stringField, type JsonObject } from './object-guards.ts';

// The loader bundles the spec, so every $ref left is local ("#/components/...").
const SCHEMA_COMPONENT = /^#\/components\/schemas\/([^/]+)$/;

/** Decode one JSON Pointer segment ("~1" is "/", "~0" is "~"), percent-decoding as URI fragments are. */
export function decodePointerSegment(segment: string): string {
  let decoded = segment;
  try {
    decoded = decodeURIComponent(segment);
  } catch {
    // A stray "%" is a literal character in the name, not an escape.
  }
  return decoded.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** The node a local $ref ("#/a/b") points to, or undefined when it leads nowhere. */
export function resolveLocalRef(document: unknown, ref: string): unknown {
  if (!ref.startsWith('#')) return undefined;
  const pointer = ref.slice(1);
  if (pointer === '') return document;
  let node: unknown = document;
  for (const segment of pointer.replace(/^\//, '').split('/')) {
    const key = decodePointerSegment(segment);
    if (Array.isArray(node)) node = node[Number(key)];
    else if (isObject(node)) node = node[key];
    else return undefined;
  }
  return node;
}

/** The component name of a $ref to "#/components/schemas/<Name>", or undefined for any other target. */
export function schemaComponentName(ref: string): string | undefined {
  const match = SCHEMA_COMPONENT.exec(ref);
  return match?.[1] === undefined ? undefined : decodePointerSegment(match[1]);
}

/**
 * Follow a chain of $refs to the object it ends on (parameters, responses, request bodies...),
 * keeping the sibling fields of the first reference (3.1 lets a $ref carry summary and description).
 */
export function dereference(document: unknown, node: unknown): JsonObject | undefined {
  const seen = new Set<string>();
  let current = node;
  let overrides: JsonObject = {};
  while (isObject(current)) {
    const ref = stringField(current, '$ref');
    if (ref === undefined) return { ...current, ...overrides };
    if (seen.has(ref)) return undefined;
    seen.add(ref);
    if (seen.size === 1) {
      const { $ref: _ref, ...siblings } = current;
      overrides = siblings;
    }
    current = resolveLocalRef(document, ref);
  }
  return undefined;
}
