import {
  BaseResolver,
  bundle,
  bundleFromString,
  detectSpec,
  lint,
  lintFromString,
  loadConfig,
  type NormalizedProblem,
} from '@redocly/openapi-core';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseDocument } from 'yaml';
import { hasDuplicateJsonKey } from './json-duplicate-keys.ts';
import { isObject, type JsonObject } from './model/guards.ts';
import { displayPath, formatProblem, problemPlace, SpecError } from './spec-error.ts';
import type { SpecWarning } from './spec-warnings.ts';
import { convertSwagger2 } from './swagger2.ts';
import type { OpenApiDocument } from './types.ts';
import { markUnresolvedRefs, type UnresolvedRef } from './unresolved-refs.ts';

/** Where the project's own spec lives, relative to the project root. */
export const DEFAULT_SPEC_PATH = 'openapi/meshplay.yaml';

export interface LoadSpecOptions {
  /** Project root: the spec path and redocly.yaml are resolved from it. */
  root: string;
  /** Path of the spec (absolute, or relative to root); defaults to openapi/meshplay.yaml. */
  specPath?: string | undefined;
  /**
   * Stop on the lint errors of redocly.yaml's ruleset for any spec (OPENAPI_STRICT). The
   * project's own spec is always strict; another spec's findings are otherwise warnings.
   */
  strict?: boolean | undefined;
}

export interface LoadedSpec {
  /** The bundled document: one object, external $refs moved into components, unresolvable ones marked. */
  document: OpenApiDocument;
  /** Absolute path of the root file. */
  sourcePath: string;
  /** Every file the bundle read, for rebuilding on change. */
  files: string[];
  /** Lint findings that do not stop the build. */
  warnings: SpecWarning[];
  /** The $refs that could not be resolved, each replaced by `{ "x-unresolved-ref": "<the $ref>" }` in the document. */
  unresolvedRefs: UnresolvedRef[];
  /** Things the loader did that the reader of the build log should know (a conversion). */
  notices: string[];
}

const HOW_TO_POINT =
  'Set OPENAPI_SPEC to an OpenAPI 3.0 or 3.1 document (YAML or JSON), or unset it to build the Meshplay spec in openapi/meshplay.yaml.';

/**
 * Read, parse, bundle, validate and lint a spec once. The project's own spec (and any spec
 * with `strict`) must pass redocly.yaml's ruleset; another spec's findings are warnings, and
 * only what cannot be rendered at all is refused, with a SpecError that says what and where.
 */
export async function loadSpec(options: LoadSpecOptions): Promise<LoadedSpec> {
  const sourcePath = resolve(options.root, options.specPath?.trim() || DEFAULT_SPEC_PATH);
  const shown = displayPath(sourcePath, options.root);
  const text = readSpecText(sourcePath, shown);
  const raw = parseSpecText(text, shown);
  const version = detectVersion(raw, shown);
  requireSomethingToRender(raw, shown);
  const notices: string[] = [];

  const baseConfig = await loadConfig({ configPath: resolve(options.root, 'redocly.yaml') });
  const isOwnSpec = sourcePath === resolve(options.root, DEFAULT_SPEC_PATH);
  const config = isOwnSpec ? baseConfig.forAlias('meshplay') : baseConfig;
  const resolver = new BaseResolver(config.resolve);

  let bundled;
  let problems: NormalizedProblem[];
  if (version === 'oas2') {
    const converted = await convertSwagger2(raw, sourcePath);
    notices.push(
      `${shown} is Swagger 2.0: converted it to OpenAPI 3.0 with swagger2openapi for this build. ` +
        'To keep the result, convert it once (npx swagger2openapi --yaml --outfile openapi.yaml swagger.yaml) and point OPENAPI_SPEC at that file.',
    );
    const source = JSON.stringify(converted);
    // Lint first: bundling rewrites the resolver's cached documents in place.
    problems = await lintFromString({ source, absoluteRef: sourcePath, config, externalRefResolver: resolver });
    bundled = await bundleFromString({ source, absoluteRef: sourcePath, config, dereference: false, externalRefResolver: resolver });
  } else {
    problems = await lint({ ref: sourcePath, config, externalRefResolver: resolver });
    bundled = await bundle({ ref: sourcePath, config, dereference: false, externalRefResolver: resolver });
  }

  const { errors, warnings } = splitProblems(dedupeProblems([...bundled.problems, ...problems]), isOwnSpec || options.strict === true);
  if (errors.length > 0) {
    const lines = errors.map((problem) => formatProblem(problem, options.root));
    throw new SpecError(
      `${shown} has ${errors.length} error${errors.length === 1 ? '' : 's'}; the site was not built:\n` +
        lines.map((line) => `  - ${line}`).join('\n'),
      lines,
    );
  }

  const document = bundled.bundle.parsed as OpenApiDocument & JsonObject;
  return {
    document,
    sourcePath,
    files: [...bundled.fileDependencies, sourcePath],
    warnings: warnings.map((problem) => ({
      rule: problem.ruleId,
      place: problemPlace(problem, options.root),
      text: formatProblem(problem, options.root),
    })),
    unresolvedRefs: markUnresolvedRefs(document),
    notices,
  };
}

/**
 * Split findings into those that stop the build and those that are reported. Strict: the
 * ruleset's own severities. Otherwise everything is a warning but a file that cannot be parsed.
 */
function splitProblems(problems: NormalizedProblem[], strict: boolean): { errors: NormalizedProblem[]; warnings: NormalizedProblem[] } {
  const stops = (problem: NormalizedProblem) =>
    problem.message.startsWith('Failed to parse') || (strict && problem.severity === 'error');
  return {
    errors: problems.filter(stops),
    warnings: problems.filter((problem) => !stops(problem)),
  };
}

/** The kind of API document, or refuse it: not OpenAPI, or a version this site does not render. */
function detectVersion(raw: JsonObject, shown: string): 'oas2' | 'oas3_0' | 'oas3_1' {
  let version: string | undefined;
  try {
    version = detectSpec(raw);
  } catch {
    version = undefined;
  }
  if (version === 'oas2' || version === 'oas3_0' || version === 'oas3_1') return version;
  const format = describeFormat(raw);
  if (format === undefined) {
    throw new SpecError(`${shown} is not an OpenAPI document: it has no "openapi" or "swagger" version field. ${HOW_TO_POINT}`);
  }
  throw new SpecError(
    `${shown} is ${format} document; this site renders OpenAPI 3.0 and 3.1 (and converts Swagger 2.0). ${HOW_TO_POINT}`,
  );
}

/** "an OpenAPI 3.2.0", "an AsyncAPI 2.6.0"... from the document's version field, or undefined when it has none. */
function describeFormat(raw: JsonObject): string | undefined {
  const fields: Array<[key: string, name: string]> = [
    ['openapi', 'an OpenAPI'],
    ['swagger', 'a Swagger'],
    ['swaggerVersion', 'a Swagger'],
    ['asyncapi', 'an AsyncAPI'],
    ['openrpc', 'an OpenRPC'],
    ['arazzo', 'an Arazzo'],
  ];
  for (const [key, name] of fields) {
    const value = raw[key];
    if (typeof value === 'string' || typeof value === 'number') return `${name} ${String(value)}`;
  }
  return undefined;
}

/** Refuse a document with neither a "paths" nor a "webhooks" object: there would be no page to build from it. */
function requireSomethingToRender(raw: JsonObject, shown: string): void {
  if (isObject(raw['paths']) || isObject(raw['webhooks'])) return;
  const paths = raw['paths'];
  const found = paths === undefined ? 'has no "paths"' : `has a "paths" that is ${Array.isArray(paths) ? 'a list' : `a ${typeof paths}`}`;
  throw new SpecError(
    `${shown} ${found} object and no "webhooks" object, so there is no operation to build a page from. ` +
      'Add a top-level "paths" object (for example paths: { /pets: { get: ... } }), or point OPENAPI_SPEC at the file that holds the paths.',
  );
}

/** Read the spec file, refusing a missing path, a directory or an empty file with a message that says what to do. */
function readSpecText(sourcePath: string, shown: string): string {
  if (!existsSync(sourcePath)) throw new SpecError(`The spec file ${shown} does not exist. ${HOW_TO_POINT}`);
  if (statSync(sourcePath).isDirectory()) throw new SpecError(`${shown} is a folder, not a spec file. ${HOW_TO_POINT}`);
  const text = readFileSync(sourcePath, 'utf8');
  if (text.trim() === '') throw new SpecError(`${shown} is empty. ${HOW_TO_POINT}`);
  return text;
}

/** Parse YAML or JSON text, reporting a syntax error with its line and column. */
function parseSpecText(text: string, shown: string): JsonObject {
  const json = parseJsonText(text);
  if (json !== undefined) {
    if (!isObject(json)) {
      throw new SpecError(`${shown} does not hold an object at the top level, so it cannot be an OpenAPI document. ${HOW_TO_POINT}`);
    }
    return json;
  }
  const parsed = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  const first = parsed.errors[0];
  if (first) {
    const place = first.linePos?.[0];
    const where = place ? `${shown}:${place.line}:${place.col}` : shown;
    const message = first.message.split('\n')[0] ?? first.message;
    throw new SpecError(
      `${where}: the file is not valid YAML or JSON: ${message} Fix the syntax at that line (indentation, a missing colon or an unclosed quote or bracket) and build again.`,
    );
  }
  const value: unknown = parsed.toJS();
  if (!isObject(value)) {
    throw new SpecError(`${shown} does not hold an object at the top level, so it cannot be an OpenAPI document. ${HOW_TO_POINT}`);
  }
  return value;
}

/**
 * The value of a well-formed JSON text without repeated keys, or undefined for anything else
 * (YAML, or JSON with a mistake that the YAML parser then places by line and column). The YAML
 * parser's tree of a large JSON spec costs about 600 MB (GitHub's); JSON.parse costs 20.
 */
function parseJsonText(text: string): unknown {
  if (!text.trimStart().startsWith('{')) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return hasDuplicateJsonKey(text) ? undefined : value;
  } catch {
    return undefined;
  }
}

/** Bundling and linting both report unresolved $refs and parse failures: keep one line per place and message. */
function dedupeProblems(problems: NormalizedProblem[]): NormalizedProblem[] {
  const seen = new Set<string>();
  // Lint problems come last and carry the rule that has a hint: prefer them.
  return [...problems].reverse().filter((problem) => {
    const location = problem.location[0];
    const key = `${location?.source.absoluteRef}|${location?.pointer}|${problem.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  }).reverse();
}
