import { getByPointer } from '../../json/pointer.ts';
import { decodePointerSegment } from '../../json/pointer.ts';
import { isObject, stringField, unresolvedRefOf, type JsonObject } from './guards.ts';

// The loader bundles the spec, so every $ref left is local ("#/components/...").
const SCHEMA_COMPONENT = /^#\/components\/schemas\/([^/]+)$/;

/** The node a local $ref ("#/a/b") points to, or undefined when it leads nowhere. */
export function resolveLocalRef(document: unknown, ref: string): unknown {
  return getByPointer(document, ref);
}

/** The component name of a $ref to "#/components/schemas/<Name>", or undefined for any other target. */
export function schemaComponentName(ref: string): string | undefined {
  const match = SCHEMA_COMPONENT.exec(ref);
  return match?.[1] === undefined ? undefined : decodePointerSegment(match[1]);
}

/** What a $ref chain ends on: the object, a $ref that leads nowhere, or nothing usable. */
export type Dereferenced = { object: JsonObject; unresolved?: undefined } | { object?: undefined; unresolved: string } | undefined;

/**
 * Follow a chain of $refs to the object it ends on (parameters, responses, request bodies...),
 * keeping the sibling fields of the first reference (3.1 lets a $ref carry summary and description).
 * A lenient loader's marker, or a local $ref that leads nowhere, comes back as `unresolved`.
 */
export function follow(document: unknown, node: unknown): Dereferenced {
  const seen = new Set<string>();
  let current = node;
  let overrides: JsonObject = {};
  while (isObject(current)) {
    const marker = unresolvedRefOf(current);
    if (marker !== undefined) return { unresolved: marker };
    const ref = stringField(current, '$ref');
    if (ref === undefined) return { object: { ...current, ...overrides } };
    if (seen.has(ref)) return undefined;
    seen.add(ref);
    if (seen.size === 1) {
      const { $ref: _ref, ...siblings } = current;
      overrides = siblings;
    }
    current = resolveLocalRef(document, ref);
    if (current === undefined) return { unresolved: ref };
  }
  return undefined;
}

/** The object a $ref chain ends on, or undefined when it ends nowhere. */
export function dereference(document: unknown, node: unknown): JsonObject | undefined {
  return follow(document, node)?.object;
}
