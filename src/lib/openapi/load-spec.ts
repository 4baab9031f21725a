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
import { displayPath, formatProblem, SpecError } from './spec-error.ts';
import { convertSwagger2 } from './swagger2.ts';
import type { OpenApiDocument } from './types.ts';

/** Where the project's own spec lives, relative to the project root. */
export const DEFAULT_SPEC_PATH = 'openapi/meshplay.yaml';

export interface LoadSpecOptions {
  /** Project root: the spec path and redocly.yaml are resolved from it. */
  root: string;
  /** Path of the spec (absolute, or relative to root); defaults to openapi/meshplay.yaml. */
  specPath?: string | undefined;
}

export interface LoadedSpec {
  /** The bundled document: one object, external $refs moved into components. */
  document: OpenApiDocument;
  /** Absolute path of the root file. */
  sourcePath: string;
  /** Every file the bundle read, for rebuilding on change. */
  files: string[];
  /** Lint warnings, formatted; they do not stop the build. */
  warnings: string[];
  /** Things the loader did that the reader of the build log should know (a conversion). */
  notices: string[];
}

const HOW_TO_POINT =
  'Set OPENAPI_SPEC to an OpenAPI 3.0 or 3.1 document (YAML or JSON), or unset it to build the Meshplay spec in openapi/meshplay.yaml.';

/** Read, parse, bundle, validate and lint a spec once; throw a SpecError that says what and where when it cannot be used. */
export async function loadSpec(options: LoadSpecOptions): Promise<LoadedSpec> {
  const sourcePath = resolve(options.root, options.specPath?.trim() || DEFAULT_SPEC_PATH);
  const shown = displayPath(sourcePath, options.root);
  const text = readSpecText(sourcePath, shown);
  const raw = parseSpecText(text, shown);
  const notices: string[] = [];

  let version: string;
  try {
    version = detectSpec(raw);
  } catch {
    throw new SpecError(`${shown} is not an OpenAPI document: it has no "openapi" or "swagger" version field. ${HOW_TO_POINT}`);
  }
  if (version !== 'oas2' && version !== 'oas3_0' && version !== 'oas3_1') {
    throw new SpecError(`${shown} is a ${version} document; this site renders OpenAPI 3.0 and 3.1 only. ${HOW_TO_POINT}`);
  }

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

  const all = dedupeProblems([...bundled.problems, ...problems]);
  const errors = all.filter((problem) => problem.severity === 'error');
  const warnings = all.filter((problem) => problem.severity === 'warn').map((problem) => formatProblem(problem, options.root));
  if (errors.length > 0) {
    const lines = errors.map((problem) => formatProblem(problem, options.root));
    throw new SpecError(
      `${shown} has ${errors.length} error${errors.length === 1 ? '' : 's'}; the site was not built:\n` +
        lines.map((line) => `  - ${line}`).join('\n'),
      lines,
    );
  }

  return {
    document: bundled.bundle.parsed as OpenApiDocument,
    sourcePath,
    files: [...bundled.fileDependencies, sourcePath],
    warnings,
    notices,
  };
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
function parseSpecText(text: string, shown: string): unknown {
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
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new SpecError(`${shown} does not hold an object at the top level, so it cannot be an OpenAPI document. ${HOW_TO_POINT}`);
  }
  return value;
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
