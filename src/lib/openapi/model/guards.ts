import type { JsonValue } from './types.ts';

/** A JSON object as it comes out of a parsed spec: keys to unknown values. */
export type JsonObject = Record<string, unknown>;

/** Whether a value is a JSON object (not null, not an array). */
export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The field as a string, or undefined when it is missing or of another type. */
export function stringField(object: JsonObject, key: string): string | undefined {
  const value = object[key];
  return typeof value === 'string' ? value : undefined;
}

/** The field as a number, or undefined when it is missing or of another type. */
export function numberField(object: JsonObject, key: string): number | undefined {
  const value = object[key];
  return typeof value === 'number' ? value : undefined;
}

/** Whether the field is exactly `true`: the spec's boolean flags default to false. */
export function isTrue(object: JsonObject, key: string): boolean {
  return object[key] === true;
}

/** The field as an object, or undefined. */
export function objectField(object: JsonObject, key: string): JsonObject | undefined {
  const value = object[key];
  return isObject(value) ? value : undefined;
}

/** The field as an array, or undefined. */
export function arrayField(object: JsonObject, key: string): unknown[] | undefined {
  const value = object[key];
  return Array.isArray(value) ? value : undefined;
}

/** Whether a node is a Reference Object (`{ $ref: "..." }`, siblings allowed). */
export function isReference(value: unknown): value is JsonObject & { $ref: string } {
  return isObject(value) && typeof value['$ref'] === 'string';
}

/** The key a lenient loader puts in place of a $ref it could not resolve (see load-spec.ts). */
const UNRESOLVED_REF_KEY = 'x-unresolved-ref';

/** The $ref a lenient loader could not resolve, when the node is its marker `{ "x-unresolved-ref": "<$ref>" }`. */
export function unresolvedRefOf(value: unknown): string | undefined {
  if (!isObject(value)) return undefined;
  const ref = value[UNRESOLVED_REF_KEY];
  return typeof ref === 'string' ? ref : undefined;
}

/** A parsed spec value as JSON: the loader parsed YAML or JSON, so every value is one (undefined becomes null). */
export function asJson(value: unknown): JsonValue {
  return value === undefined ? null : (value as JsonValue);
}
