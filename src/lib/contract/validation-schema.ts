/**
 * OpenAPI 3.1 schemas turned into plain JSON Schema 2020-12 for the validator: OpenAPI's
 * annotation keywords (`example`, `discriminator`, `xml`, `externalDocs`, `x-*`) are left out,
 * so that nothing in an example can pass for a schema (an example holding `$id` or `$ref`), and
 * OpenAPI 3.0's `nullable` becomes a `null` type. The spec's own objects are never changed:
 * the validator marks what it reads, so it gets copies.
 */

type Node = Record<string, unknown>;

// Keywords whose value is one schema, an array of schemas, or a map of names to schemas (JSON Schema 2020-12, plus contentSchema).
const SCHEMA_KEYWORDS = new Set([
  'items',
  'contains',
  'additionalProperties',
  'unevaluatedProperties',
  'unevaluatedItems',
  'additionalItems',
  'propertyNames',
  'not',
  'if',
  'then',
  'else',
  'contentSchema',
]);
const SCHEMA_ARRAY_KEYWORDS = new Set(['prefixItems', 'allOf', 'anyOf', 'oneOf', 'items']);
const SCHEMA_MAP_KEYWORDS = new Set(['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas']);
// Annotations only: they never decide whether a value fits.
const ANNOTATION_KEYWORDS = new Set([
  'example',
  'examples',
  'discriminator',
  'xml',
  'externalDocs',
  'title',
  'description',
  'deprecated',
  'readOnly',
  'writeOnly',
  '$comment',
  'nullable',
]);

/** Whether a value is a JSON object (not null, not an array). */
function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A validation copy of a schema; objects seen before (shared or cyclic) map to the same copy. */
export function toValidationSchema(schema: unknown, seen: WeakMap<object, Node> = new WeakMap()): Node | boolean {
  if (typeof schema === 'boolean') return schema;
  if (!isNode(schema)) return true;
  const known = seen.get(schema);
  if (known) return known;
  const copy: Node = {};
  seen.set(schema, copy);
  for (const [key, value] of Object.entries(schema)) {
    if (ANNOTATION_KEYWORDS.has(key) || key.startsWith('x-')) continue;
    copy[key] = copyKeyword(key, value, seen);
  }
  if (schema['nullable'] === true) addNullType(copy);
  return copy;
}

/** Copy one keyword's value, descending only where the value holds schemas. */
function copyKeyword(key: string, value: unknown, seen: WeakMap<object, Node>): unknown {
  if (Array.isArray(value) && SCHEMA_ARRAY_KEYWORDS.has(key)) return value.map((item) => toValidationSchema(item, seen));
  if (SCHEMA_KEYWORDS.has(key) && (isNode(value) || typeof value === 'boolean')) return toValidationSchema(value, seen);
  if (SCHEMA_MAP_KEYWORDS.has(key) && isNode(value)) {
    return Object.fromEntries(Object.entries(value).map(([name, item]) => [name, toValidationSchema(item, seen)]));
  }
  return value;
}

/** OpenAPI 3.0's `nullable: true`: null is allowed besides the declared type (and enum). */
function addNullType(copy: Node): void {
  const type = copy['type'];
  if (typeof type === 'string') copy['type'] = [type, 'null'];
  else if (Array.isArray(type) && !type.includes('null')) copy['type'] = [...(type as unknown[]), 'null'];
  const values = copy['enum'];
  if (Array.isArray(values) && !values.includes(null)) copy['enum'] = [...(values as unknown[]), null];
}
