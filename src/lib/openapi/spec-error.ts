import { getLineColLocation, type NormalizedProblem } from '@redocly/openapi-core';
import { relative } from 'node:path';

/** A spec problem that stops the build, already worded for the person who has to fix it. */
export class SpecError extends Error {
  /** Each problem as one "file:line:col (pointer): what is wrong. What to do" line. */
  readonly problems: readonly string[];

  constructor(message: string, problems: readonly string[] = []) {
    super(message);
    this.name = 'SpecError';
    this.problems = problems;
  }
}

// What to do, per lint rule: the rule message says what is wrong, this says how to fix it.
const UNRESOLVED_REF_HINT =
  'Check the file path and the JSON pointer after "#" in this $ref; file paths are relative to the file that holds the $ref.';
const HINTS: Record<string, string> = {
  'no-unresolved-refs': UNRESOLVED_REF_HINT,
  // The bundler reports the $refs it cannot follow under its own name.
  bundler: UNRESOLVED_REF_HINT,
  'operation-operationId-unique': 'Give each operation its own operationId (camelCase, unique in the whole spec).',
  'path-parameters-defined':
    'Declare every {name} of the path under "parameters" with "in: path" and "required: true", or remove it from the path.',
  'path-declaration-must-exist': 'Put a name inside every pair of braces in the path, for example /api/pattern/{id}.',
  'security-defined': 'Declare the scheme under components.securitySchemes, or use "security: []" for a public operation.',
  struct: 'Fix the field so that it matches the OpenAPI specification for this object.',
  'no-invalid-media-type-examples': 'Make the example match its schema, or fix the schema.',
  'no-invalid-schema-examples': 'Make the example match its schema, or fix the schema.',
  'operation-summary': 'Add a short "summary" to the operation.',
  'operation-description': 'Add a "description" that says what the operation does.',
  'operation-operationId': 'Add an "operationId" (camelCase, unique in the whole spec).',
  'tag-description': 'Add a "description" to the tag under the top-level "tags".',
  'operation-tag-defined': 'Declare the tag under the top-level "tags", with a description.',
  'no-path-trailing-slash': 'Remove the "/" at the end of the path.',
  'no-server-trailing-slash': 'Remove the "/" at the end of the server URL.',
  'no-enum-type-mismatch': 'Make every value of "enum" match the schema\'s "type", or widen the type.',
  'no-schema-type-mismatch': 'Remove the keyword that does not belong to this "type" ("items" is for arrays, "properties" for objects), or fix the type.',
  'nullable-type-sibling': 'Give "nullable" a sibling "type", or in OpenAPI 3.1 write the type as a list with "null".',
};

/** Turn a path inside the project into a short relative path for messages. */
export function displayPath(absolute: string, cwd: string = process.cwd()): string {
  const rel = relative(cwd, absolute);
  return rel.startsWith('..') ? absolute : rel;
}

/** Where a Redocly problem is: "file:line:col (pointer)", as short as the project root allows. */
export function problemPlace(problem: NormalizedProblem, cwd?: string): string {
  const location = problem.location[0];
  if (!location) return '(unknown place)';
  const file = displayPath(location.source.absoluteRef, cwd);
  let line = '';
  try {
    const lineCol = getLineColLocation(location);
    line = `:${lineCol.start.line}:${lineCol.start.col}`;
  } catch {
    // The pointer may lead into a file that failed to parse; the pointer alone still helps.
  }
  return `${file}${line} (${location.pointer ?? '#/'})`;
}

/** Format one Redocly problem as "file:line:col (pointer): message [rule]. hint". */
export function formatProblem(problem: NormalizedProblem, cwd?: string): string {
  const hint = problem.message.startsWith('Failed to parse')
    ? 'Fix the YAML or JSON syntax at that line (indentation, a missing colon, an unclosed quote or bracket).'
    : (HINTS[problem.ruleId] ?? problem.suggest?.map((s) => `Did you mean "${s}"?`).join(' ') ?? '');
  return `${problemPlace(problem, cwd)}: ${problem.message} [${problem.ruleId}]${hint ? ` ${hint}` : ''}`;
}
