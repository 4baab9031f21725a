import { arrayField, isObject, objectField, stringField, type JsonObject } from './guards.ts';
import { resolveLocalRef, schemaComponentName } from './refs.ts';

/** An allOf flattened into one schema, with the components it pulled in (for "includes" links). */
export interface MergedSchema {
  schema: JsonObject;
  includes: string[];
}

// Keywords that describe one schema's own family and must not leak from a parent into a child.
const NOT_INHERITED = new Set(['discriminator', 'title']);

/**
 * Merge an allOf into one schema, as a reader thinks of it: the properties of every member,
 * required names united, the first-found value of every other keyword (own keywords first).
 * Members that are components (or reach one) are resolved; a component that includes itself
 * (directly or through others) is merged once, so recursion stops.
 */
export function mergeAllOf(schema: JsonObject, document: unknown, stack: readonly string[] = []): MergedSchema {
  const includes: string[] = [];
  const seen = new Set<string>(stack);
  const merged = flatten(schema, document, includes, seen);
  return { schema: merged, includes };
}

/** Flatten one level of allOf (and nested ones), recording resolved components. */
function flatten(schema: JsonObject, document: unknown, includes: string[], seen: Set<string>): JsonObject {
  const { allOf, ...own } = schema;
  let members: JsonObject = {};
  for (const member of Array.isArray(allOf) ? allOf : []) {
    let part: unknown = member;
    const ref = isObject(member) ? stringField(member, '$ref') : undefined;
    if (ref !== undefined) {
      const name = schemaComponentName(ref);
      const key = name ?? ref;
      if (seen.has(key)) continue;
      seen.add(key);
      if (name !== undefined) includes.push(name);
      part = resolveLocalRef(document, ref);
    }
    if (!isObject(part)) continue;
    if (arrayField(part, 'allOf')) part = flatten(part, document, includes, seen);
    else if (stringField(part, '$ref') !== undefined) part = flatten({ allOf: [part] }, document, includes, seen);
    if (!isObject(part)) continue;
    const inherited = Object.fromEntries(Object.entries(part).filter(([key]) => !NOT_INHERITED.has(key)));
    members = combineSchemas(members, inherited, false);
  }
  // The schema's own keywords describe it best; its own properties come after the included ones.
  return combineSchemas(members, own, true);
}

/**
 * Combine two schemas: properties of `base` first, then those of `extra` (a property both
 * constrain becomes an allOf of the two), required names united; for every other keyword
 * `extra` wins when `preferExtra`, else `base` does.
 */
function combineSchemas(base: JsonObject, extra: JsonObject, preferExtra: boolean): JsonObject {
  const result: JsonObject = preferExtra ? { ...base, ...extra } : { ...extra, ...base };
  const baseProperties = objectField(base, 'properties');
  const extraProperties = objectField(extra, 'properties');
  if (baseProperties && extraProperties) {
    const properties: JsonObject = { ...baseProperties };
    for (const [name, schema] of Object.entries(extraProperties)) {
      const other = properties[name];
      properties[name] = other === undefined || JSON.stringify(other) === JSON.stringify(schema) ? schema : { allOf: [other, schema] };
    }
    result['properties'] = properties;
  }
  const required = [...(arrayField(base, 'required') ?? []), ...(arrayField(extra, 'required') ?? [])];
  if (required.length > 0) result['required'] = [...new Set(required)];
  return result;
}
