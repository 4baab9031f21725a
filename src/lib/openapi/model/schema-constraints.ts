import { isObject, isTrue, numberField, stringField, type JsonObject } from './guards.ts';
import type { SchemaConstraint } from './types.ts';


/** The validation keywords of a schema, in words: lengths, bounds, pattern, item and property counts. */
export function describeConstraints(schema: JsonObject): SchemaConstraint[] {
  const constraints: SchemaConstraint[] = [];
  const add = (label: string, value: number | string | undefined) => {
    if (value !== undefined) constraints.push({ label, value: String(value) });
  };
  const minLength = numberField(schema, 'minLength');
  const maxLength = numberField(schema, 'maxLength');
  if (minLength !== undefined && minLength === maxLength) add('length', minLength);
  else {
    add('min length', minLength);
    add('max length', maxLength);
  }
  add('pattern', stringField(schema, 'pattern'));
  addBound(constraints, schema, 'minimum', 'exclusiveMinimum', 'minimum', 'greater than');
  addBound(constraints, schema, 'maximum', 'exclusiveMaximum', 'maximum', 'less than');
  add('multiple of', numberField(schema, 'multipleOf'));
  add('min items', numberField(schema, 'minItems'));
  add('max items', numberField(schema, 'maxItems'));
  if (isTrue(schema, 'uniqueItems')) constraints.push({ label: 'unique items', value: '' });
  add('min properties', numberField(schema, 'minProperties'));
  add('max properties', numberField(schema, 'maxProperties'));
  add('media type', stringField(schema, 'contentMediaType'));
  add('encoding', stringField(schema, 'contentEncoding'));
  if (isObject(schema['not'])) add('must not match', describeNot(schema['not']));
  return constraints;
}

/** A bound in 3.0 form (minimum + exclusiveMinimum: true) or 3.1 form (exclusiveMinimum: 3). */
function addBound(constraints: SchemaConstraint[], schema: JsonObject, inclusiveKey: string, exclusiveKey: string, inclusiveLabel: string, exclusiveLabel: string): void {
  const bound = numberField(schema, inclusiveKey);
  const exclusive = schema[exclusiveKey];
  if (typeof exclusive === 'number') constraints.push({ label: exclusiveLabel, value: String(exclusive) });
  if (bound !== undefined) constraints.push({ label: exclusive === true ? exclusiveLabel : inclusiveLabel, value: String(bound) });
}

/** A short text for a `not` schema: its type, or its $ref's last segment. */
function describeNot(schema: JsonObject): string {
  const ref = stringField(schema, '$ref');
  if (ref !== undefined) return ref.split('/').pop() ?? ref;
  const type = schema['type'];
  if (typeof type === 'string') return type;
  if (Array.isArray(type)) return type.join(' | ');
  return JSON.stringify(schema).slice(0, 60);
}
