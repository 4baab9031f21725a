/**
 * The validator's output units (one per failed keyword, wrappers included) turned into the
 * differences a reader acts on: one per place, with a JSON Pointer into the body and a plain
 * sentence. Wrappers ("a subschema had errors") are dropped; the branches of a failed `anyOf` or
 * `oneOf` are folded into one difference about the alternatives.
 */
import type { OutputUnit } from '@cfworker/json-schema';
import { childPointer, pointerFromFragment, valueAtPointer } from './json-pointer.ts';
import { tryParseJson } from '../json/parse-json.ts';

/** One way a value does not fit a schema. */
export interface SchemaProblem {
  /** Where, as a JSON Pointer into the value (`''` for the value itself). */
  pointer: string;
  message: string;
}

// Units that only say "something below failed": the units below say what.
const WRAPPER_KEYWORDS = new Set([
  '$ref',
  '$recursiveRef',
  'properties',
  'patternProperties',
  'additionalProperties',
  'unevaluatedProperties',
  'items',
  'prefixItems',
  'additionalItems',
  'unevaluatedItems',
  'allOf',
  'if',
  'dependentSchemas',
  'dependencies',
]);
// Units whose sub-units describe alternatives tried, not faults of their own.
const FOLDING_KEYWORDS = new Set(['anyOf', 'oneOf', 'contains', 'not']);
const MAX_SHOWN_VALUES = 5;

/** Turn a validator's output into problems, in order, without repeats. */
export function describeSchemaProblems(units: readonly OutputUnit[], value: unknown): SchemaProblem[] {
  const problems: SchemaProblem[] = [];
  const seen = new Set<string>();
  const add = (problem: SchemaProblem): void => {
    const key = `${problem.pointer}\n${problem.message}`;
    if (seen.has(key)) return;
    seen.add(key);
    problems.push(problem);
  };
  for (let index = 0; index < units.length; index += 1) {
    const unit = units[index];
    if (unit === undefined || WRAPPER_KEYWORDS.has(unit.keyword)) continue;
    if (FOLDING_KEYWORDS.has(unit.keyword)) {
      const end = endOfFold(units, index);
      add(describeFold(unit, units.slice(index + 1, end), value));
      index = end - 1;
      continue;
    }
    add(describeUnit(unit, units[index - 1], value));
  }
  return problems;
}

/** The index after the last unit produced inside a folding unit (its branches follow it directly). */
function endOfFold(units: readonly OutputUnit[], start: number): number {
  const prefix = `${units[start]?.keywordLocation ?? ''}/`;
  let end = start + 1;
  // A `false` schema reports its instance location as its keyword location; it always follows the unit that applied it.
  while (end < units.length) {
    const unit = units[end];
    if (unit === undefined || !(unit.keywordLocation.startsWith(prefix) || unit.keyword === 'false')) break;
    end += 1;
  }
  return end;
}

/** One difference for a failed anyOf / oneOf / contains / not. */
function describeFold(unit: OutputUnit, inner: readonly OutputUnit[], value: unknown): SchemaProblem {
  const pointer = pointerFromFragment(unit.instanceLocation);
  if (unit.keyword === 'not') return { pointer, message: 'matches a schema it must not match (`not`)' };
  if (unit.keyword === 'contains') return { pointer, message: describeUnit(unit, undefined, value).message };
  const matches = /\((\d+) matches\)/.exec(unit.error)?.[1];
  if (unit.keyword === 'oneOf' && matches !== undefined && Number(matches) > 1) {
    return { pointer, message: `matches ${matches} of the \`oneOf\` alternatives, expected exactly one` };
  }
  // Alternatives that all failed on the value's type alone ({type: string} | {type: null}) read best as one list of types.
  const leaves = inner.filter((candidate) => !WRAPPER_KEYWORDS.has(candidate.keyword));
  if (
    leaves.length > 0 &&
    leaves.every((candidate) => candidate.keyword === 'type' && candidate.instanceLocation === unit.instanceLocation)
  ) {
    const expected = [...new Set(leaves.flatMap((candidate) => expectedTypes(candidate.error)))];
    return { pointer, message: `expected ${expected.join(' or ')}, got ${jsonType(valueAtPointer(value, pointer))}` };
  }
  const first = inner.find((candidate) => !WRAPPER_KEYWORDS.has(candidate.keyword) && !FOLDING_KEYWORDS.has(candidate.keyword));
  const hint = first
    ? `; the first says at ${describePlace(pointerFromFragment(first.instanceLocation))}: ${describeUnit(first, undefined, value).message}`
    : '';
  return { pointer, message: `matches none of the \`${unit.keyword}\` alternatives${hint}` };
}

/** A pointer for a hint inside a message: `/a/b`, or "the body" for the root. */
function describePlace(pointer: string): string {
  return pointer === '' ? 'the body' : pointer;
}

/** One difference for a failed keyword. */
function describeUnit(unit: OutputUnit, previous: OutputUnit | undefined, value: unknown): SchemaProblem {
  const pointer = pointerFromFragment(unit.instanceLocation);
  const actual = valueAtPointer(value, pointer);
  switch (unit.keyword) {
    case 'type':
      return { pointer, message: `expected ${expectedTypes(unit.error).join(' or ')}, got ${jsonType(actual)}` };
    case 'required': {
      const name = /required property "(.*)"\.$/.exec(unit.error)?.[1] ?? '?';
      return { pointer: childPointer(pointer, name), message: `missing required property \`${name}\`` };
    }
    case 'const':
      return {
        pointer,
        message: `expected ${showValue(/^Instance does not match (.*)\.$/s.exec(unit.error)?.[1], true)}, got ${showValue(actual)}`,
      };
    case 'enum': {
      const allowed = tryParseJson(/^Instance does not match any of (.*)\.$/s.exec(unit.error)?.[1]);
      const list = Array.isArray(allowed) ? allowed : [];
      const shown = list.slice(0, MAX_SHOWN_VALUES).map((item) => JSON.stringify(item));
      const more = list.length > MAX_SHOWN_VALUES ? ` (and ${list.length - MAX_SHOWN_VALUES} more)` : '';
      return { pointer, message: `expected one of ${shown.join(', ')}${more}, got ${showValue(actual)}` };
    }
    case 'format': {
      const format = /format "(.*)"\.$/.exec(unit.error)?.[1] ?? '?';
      return { pointer, message: `expected a ${format} string, got ${showValue(actual)}` };
    }
    case 'pattern':
      return { pointer, message: `${showValue(actual)} does not match the schema's pattern` };
    case 'false':
      return falseSchemaProblem(pointer, previous);
    default:
      return { pointer, message: plainSentence(unit.error) };
  }
}

/** A `false` schema failed: an unexpected property when it is `additionalProperties` (or `unevaluatedProperties`) that said no. */
function falseSchemaProblem(pointer: string, previous: OutputUnit | undefined): SchemaProblem {
  const name = pointer.slice(pointer.lastIndexOf('/') + 1);
  if (previous && (previous.keyword === 'additionalProperties' || previous.keyword === 'unevaluatedProperties')) {
    return { pointer, message: `unexpected property \`${name.replace(/~1/g, '/').replace(/~0/g, '~')}\`` };
  }
  return { pointer, message: 'no value is allowed here' };
}

/** The types a `type` unit expected: `Instance type "string" is invalid. Expected "integer", "null".` gives integer, null. */
function expectedTypes(error: string): string[] {
  const list = /Expected (.*)\.$/.exec(error)?.[1] ?? '';
  return [...list.matchAll(/"([^"]+)"/g)].map((match) => match[1] ?? '').filter((type) => type !== '');
}

/** The JSON type of a value as JSON Schema names it (integer apart from number). */
export function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  if (value === undefined) return 'nothing';
  return typeof value;
}

/** A value shortened for a message: strings quoted, long values cut. */
function showValue(value: unknown, alreadyJson = false): string {
  const text = alreadyJson && typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** The validator's own sentence, as a clause: lower-case start, no final period, "Instance" said as "the value". */
function plainSentence(error: string): string {
  const clause = error.replace(/^Instance /, 'the value ').replace(/\.$/, '');
  return clause.charAt(0).toLowerCase() + clause.slice(1);
}
