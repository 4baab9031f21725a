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
const HINTS: Record<string, string> = {
  'no-unresolved-refs':
    'Check the file path and the JSON pointer after "#" in this $ref; file paths are relative to the file that holds the $ref.',
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
};

/** Turn a path inside the project into a short relative path for messages. */
export function displayPath(absolute: string, cwd: string = process.cwd()): string {
  const rel = relative(cwd, absolute);
  return rel.startsWith('..') ? absolute : rel;
}

/** Format one Redocly problem as "file:line:col (pointer): message [rule]. hint". */
export function formatProblem(problem: NormalizedProblem, cwd?: string): string {
  const location = problem.location[0];
  let where = '(unknown place)';
  if (location) {
    const file = displayPath(location.source.absoluteRef, cwd);
    let line = '';
    try {
      const lineCol = getLineColLocation(location);
      line = `:${lineCol.start.line}:${lineCol.start.col}`;
    } catch {
      // The pointer may lead into a file that failed to parse; the pointer alone still helps.
    }
    where = `${file}${line} (${location.pointer ?? '#/'})`;
  }
  const hint = problem.message.startsWith('Failed to parse')
    ? 'Fix the YAML or JSON syntax at that line (indentation, a missing colon, an unclosed quote or bracket).'
    : HINTS[problem.ruleId] ?? problem.suggest?.map((s) => `Did you mean "${s}"?`).join(' ') ?? '';
  return `${where}: ${problem.message} [${problem.ruleId}]${hint ? ` ${hint}` : ''}`;
}
