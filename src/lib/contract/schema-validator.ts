/**
 * JSON Schema 2020-12 validation of response bodies, with @cfworker/json-schema: it interprets
 * schemas instead of compiling them to code, so it runs under the site's Content-Security-Policy
 * (no `eval`, no `new Function`) as well as in Node, and one checking module serves both.
 * Formats (`date-time`, `uuid`, `email`, `uri`...) are checked; unknown formats are ignored.
 *
 * One validator per document: its `components.schemas` are registered once under one base URI,
 * so `#/components/schemas/...` references resolve without copying the document per operation;
 * each operation's own schema is copied once, the first time it is used.
 */
import { dereference, encodePointer, validate, type Schema } from '@cfworker/json-schema';
import type { JsonSchema } from './contract.ts';
import { describeSchemaProblems, type SchemaProblem } from './schema-messages.ts';
import { toValidationSchema } from './validation-schema.ts';

export type { SchemaProblem } from './schema-messages.ts';

/** Checks values against the schemas of one document. */
export interface SchemaValidator {
  /** The problems of a value against a schema of the document; empty when it fits. */
  validate(schema: JsonSchema, value: unknown): SchemaProblem[];
  /** The schema a local `$ref` chain ends on (the schema itself when it is no reference), to read its keywords. */
  resolve(schema: JsonSchema): JsonSchema | undefined;
}

// Never fetched: only a name under which the document's schemas are registered and found.
const BASE_URI = new URL('urn:openapi:document');

type Lookup = Record<string, Schema | boolean>;

/** A validator for the schemas of an OpenAPI document (or any object with `components.schemas`). */
export function createSchemaValidator(document: unknown): SchemaValidator {
  const lookup: Lookup = Object.create(null) as Lookup;
  const copies = new WeakMap<object, Record<string, unknown>>();
  for (const [name, schema] of Object.entries(componentSchemas(document))) {
    register(toValidationSchema(schema, copies), lookup, `/components/schemas/${encodePointer(name)}`);
  }
  const prepared = new WeakMap<object, Schema | boolean>();
  let count = 0;

  /** The registered validation copy of a schema, made on first use. */
  function prepare(schema: JsonSchema): Schema | boolean {
    if (typeof schema === 'boolean') return schema;
    const known = prepared.get(schema);
    if (known !== undefined) return known;
    const copy = toValidationSchema(schema, copies);
    count += 1;
    register(copy, lookup, `/~contract/${count}`);
    prepared.set(schema, copy);
    return copy;
  }

  return {
    validate(schema, value) {
      try {
        return describeSchemaProblems(validate(value, prepare(schema), '2020-12', lookup, false).errors, value);
      } catch (error) {
        // An unresolvable $ref or a pattern JavaScript cannot compile: a fault of the spec, said as such.
        return [{ pointer: '', message: `the spec's schema cannot be applied: ${describeError(error)}` }];
      }
    },
    resolve(schema) {
      return resolveSchema(document, schema);
    },
  };
}

/** Register a validation copy (and every schema inside it) under the base URI at a pointer. */
function register(schema: Record<string, unknown> | boolean, lookup: Lookup, pointer: string): void {
  dereference(schema, lookup, BASE_URI, pointer);
}

/** The document's `components.schemas`, empty when it has none. */
function componentSchemas(document: unknown): Record<string, unknown> {
  const components = isObject(document) ? document['components'] : undefined;
  const schemas = isObject(components) ? components['schemas'] : undefined;
  return isObject(schemas) ? schemas : {};
}

/** Follow a chain of local `$ref`s from a schema to the schema it ends on. */
function resolveSchema(document: unknown, schema: JsonSchema): JsonSchema | undefined {
  const seen = new Set<string>();
  let current: unknown = schema;
  while (isObject(current) && typeof current['$ref'] === 'string') {
    const ref = current['$ref'];
    if (seen.has(ref) || !ref.startsWith('#')) return undefined;
    seen.add(ref);
    current = nodeAt(document, ref.slice(1));
  }
  return isObject(current) || typeof current === 'boolean' ? current : undefined;
}

/** The node at a JSON Pointer (as written in a `$ref` fragment, possibly percent-encoded). */
function nodeAt(document: unknown, pointer: string): unknown {
  let node = document;
  for (const raw of pointer.split('/').slice(1)) {
    let segment = raw;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      // A stray "%" is part of the name.
    }
    const key = segment.replace(/~1/g, '/').replace(/~0/g, '~');
    node = Array.isArray(node) ? node[Number(key)] : isObject(node) ? node[key] : undefined;
  }
  return node;
}

/** Whether a value is a JSON object (not null, not an array). */
function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An error's message without the validator's list of every known schema. */
function describeError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return (message.split('\n')[0] ?? message).split('  Absolute URI')[0] ?? message;
}
