/**
 * The smallest value a schema accepts, for the operations whose 2xx response the spec gives no
 * example for: required properties only, empty arrays, the first enum value, strings shaped by
 * their format. Alternatives (`anyOf`, `oneOf`) take the first one whose value the validator
 * accepts, so the answer fits the schema the contract check will apply.
 */
import type { JsonSchema } from '../../../src/lib/contract/contract.ts';
import type { SchemaValidator } from '../../../src/lib/contract/schema-validator.ts';

type Node = Readonly<Record<string, unknown>>;

// Past this depth the value stops (a recursive schema must end somewhere).
const MAX_DEPTH = 12;
const FORMATTED: Readonly<Record<string, string>> = {
  'date-time': '2026-01-01T00:00:00Z',
  date: '2026-01-01',
  time: '00:00:00Z',
  uuid: '00000000-0000-4000-8000-000000000000',
  email: 'user@example.test',
  uri: 'https://example.test/',
  'uri-reference': '/',
  url: 'https://example.test/',
  hostname: 'example.test',
  ipv4: '127.0.0.1',
  ipv6: '::1',
  duration: 'PT1S',
};

/** The smallest value the schema accepts, as far as this simple walk can find one. */
export function minimalValue(schema: JsonSchema | undefined, validator: SchemaValidator, depth = 0): unknown {
  if (schema === undefined || typeof schema === 'boolean') return {};
  const node = validator.resolve(schema);
  if (typeof node !== 'object' || depth > MAX_DEPTH) return null;
  if ('const' in node) return node['const'];
  if (Array.isArray(node['enum']) && node['enum'].length > 0) return node['enum'][0] as unknown;
  for (const keyword of ['oneOf', 'anyOf']) {
    const alternatives = node[keyword];
    if (Array.isArray(alternatives)) return firstFitting(alternatives as JsonSchema[], schema, validator, depth);
  }
  if (Array.isArray(node['allOf'])) return mergeAll(node['allOf'] as JsonSchema[], node, validator, depth);
  return valueOfType(node, validator, depth);
}

/** The value of the first alternative that the whole schema accepts. */
function firstFitting(alternatives: readonly JsonSchema[], whole: JsonSchema, validator: SchemaValidator, depth: number): unknown {
  const candidates = alternatives.map((alternative) => minimalValue(alternative, validator, depth + 1));
  return candidates.find((candidate) => validator.validate(whole, candidate).length === 0) ?? candidates[0] ?? null;
}

/** The values of every `allOf` part (and the schema's own keywords) merged into one object. */
function mergeAll(parts: readonly JsonSchema[], node: Node, validator: SchemaValidator, depth: number): unknown {
  const { allOf: _allOf, ...own } = node;
  const values = [...parts, own].map((part) => minimalValue(part, validator, depth + 1));
  if (values.every((value) => typeof value === 'object' && value !== null && !Array.isArray(value)))
    return Object.assign({}, ...values) as unknown;
  return values[0] ?? null;
}

/** A value of the schema's (first non-null) type. */
function valueOfType(node: Node, validator: SchemaValidator, depth: number): unknown {
  const declared = node['type'];
  const types = Array.isArray(declared) ? (declared as unknown[]) : [declared];
  const type = types.find((candidate) => candidate !== 'null') ?? (types.includes('null') ? 'null' : undefined);
  switch (type ?? (isObject(node['properties']) ? 'object' : 'any')) {
    case 'object':
      return objectValue(node, validator, depth);
    case 'array':
      return arrayValue(node, validator, depth);
    case 'string':
      return stringValue(node);
    case 'integer':
    case 'number':
      return typeof node['minimum'] === 'number'
        ? node['minimum']
        : typeof node['exclusiveMinimum'] === 'number'
          ? node['exclusiveMinimum'] + 1
          : 0;
    case 'boolean':
      return false;
    case 'null':
      return null;
    default:
      return {};
  }
}

/** An object with its required properties. */
function objectValue(node: Node, validator: SchemaValidator, depth: number): Record<string, unknown> {
  const properties = isObject(node['properties']) ? node['properties'] : {};
  const required = Array.isArray(node['required']) ? (node['required'] as unknown[]).filter((name) => typeof name === 'string') : [];
  return Object.fromEntries(required.map((name) => [name, minimalValue(properties[name] as JsonSchema | undefined, validator, depth + 1)]));
}

/** An array of as many items as `minItems` asks. */
function arrayValue(node: Node, validator: SchemaValidator, depth: number): unknown[] {
  const count = typeof node['minItems'] === 'number' ? node['minItems'] : 0;
  return Array.from({ length: count }, () => minimalValue(node['items'] as JsonSchema | undefined, validator, depth + 1));
}

/** A string in the schema's format, at least `minLength` long. */
function stringValue(node: Node): string {
  const format = typeof node['format'] === 'string' ? FORMATTED[node['format']] : undefined;
  const base = format ?? 'example';
  const minLength = typeof node['minLength'] === 'number' ? node['minLength'] : 0;
  return base.padEnd(minLength, 'x');
}

/** Whether a value is a JSON object. */
function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
