import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadSpec, type LoadedSpec } from '../lib/openapi/load-spec.ts';
import { buildApiModel } from '../lib/openapi/model/build.ts';
import type { ApiModel } from '../lib/openapi/model/types.ts';
import { displayPath, SpecError } from '../lib/openapi/spec-error.ts';
import { formatWarningsFile, summarizeWarnings, WARNINGS_FILE } from '../lib/openapi/spec-warnings.ts';
import { readStrictFlag } from '../lib/openapi/strict-mode.ts';

const DOCUMENT_ID = 'virtual:meshplay/openapi';
const MODEL_ID = 'virtual:meshplay/api-model';
// Pages run in the same process as astro.config.mjs: they take the spec and the model built
// there from globalThis. The modules never inline the document: its JSON text (10 MB for
// GitHub's spec) would be parsed by the bundler, written into the server chunk and parsed again
// when pages render, which cost hundreds of MB of peak memory.
const SHARED_MODEL = 'meshplay.api-model';
const SHARED_DOCUMENT = 'meshplay.openapi-document';

/** The source of a virtual module that exports the value shared on globalThis under `key`, or stops with why it is missing. */
function sharedValueModule(moduleId: string, key: string): string {
  const missing =
    `${moduleId} is only available in the process that loaded astro.config.mjs: ` +
    `the meshplay-openapi integration shares it on globalThis (Symbol.for(${JSON.stringify(key)})). ` +
    'Import it from pages rendered by astro build or astro dev.';
  return [
    `const value = globalThis[Symbol.for(${JSON.stringify(key)})];`,
    `if (value === undefined) throw new Error(${JSON.stringify(missing)});`,
    'export default value;',
  ].join('\n');
}

/** The spec and its model, or the reason they cannot be had: astro.config.mjs needs the model for the sidebar before integrations run. */
export type SpecLoadResult =
  { spec: LoadedSpec; model: ApiModel; error?: undefined } | { spec?: undefined; model?: undefined; error: SpecError };

export interface BuildSpecOptions {
  /** Project root. */
  root: string;
  /** OPENAPI_SPEC as set (unset: the project's own spec). */
  specPath: string | undefined;
  /** OPENAPI_STRICT as set. */
  strictFlag: string | undefined;
}

/** Load the spec and build its model once for the whole build; a SpecError (a bad OPENAPI_STRICT included) is kept for the integration to report. */
export async function loadSpecForBuild(options: BuildSpecOptions): Promise<SpecLoadResult> {
  try {
    const spec = await loadSpec({ root: options.root, specPath: options.specPath, strict: readStrictFlag(options.strictFlag) });
    return { spec, model: buildApiModel(spec.document) };
  } catch (error) {
    if (error instanceof SpecError) return { error };
    throw error;
  }
}

/**
 * Stop with the loader's message alone: Astro would wrap a thrown error in "an unhandled
 * error occurred" and a stack trace that point at our code instead of the reader's spec.
 */
function stopWithMessage(logger: AstroIntegrationLogger, error: SpecError, command: string): never {
  if (command === 'dev') {
    // The dev server keeps watching the spec and retries when it changes: let it catch the error.
    error.stack = '';
    throw error;
  }
  logger.error(error.message);
  process.exit(1);
}

/** Print the warnings summary and write the full list to the warnings file. */
function reportWarnings(logger: AstroIntegrationLogger, spec: LoadedSpec, root: string): void {
  const file = resolve(root, WARNINGS_FILE);
  if (spec.warnings.length === 0 && spec.unresolvedRefs.length === 0) {
    // No stale list from an earlier build with another spec.
    rmSync(file, { force: true });
    return;
  }
  const specShown = displayPath(spec.sourcePath, root);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, formatWarningsFile(specShown, spec.warnings));
  logger.warn(summarizeWarnings(specShown, spec.warnings, spec.unresolvedRefs.length, displayPath(file, root)));
}

/**
 * Hand the spec and its model, loaded and built once by astro.config.mjs, to pages as virtual
 * modules (`virtual:meshplay/openapi`, `virtual:meshplay/api-model`), so nothing parses or
 * builds them twice; or stop the build with the loader's message.
 */
export function openapiIntegration(result: SpecLoadResult): AstroIntegration {
  return {
    name: 'meshplay-openapi',
    hooks: {
      'astro:config:setup': ({ config, command, logger, updateConfig, addWatchFile }) => {
        if (result.error) {
          if (command === 'build') {
            // A failed build must not leave an older or partial site behind for a deploy step to ship.
            rmSync(fileURLToPath(config.outDir), { recursive: true, force: true });
          }
          stopWithMessage(logger, result.error, command);
        }
        const { spec } = result;
        for (const notice of spec.notices) logger.info(notice);
        reportWarnings(logger, spec, fileURLToPath(config.root));
        for (const file of spec.files) addWatchFile(file);
        const shared = globalThis as Record<symbol, unknown>;
        shared[Symbol.for(SHARED_MODEL)] = result.model;
        shared[Symbol.for(SHARED_DOCUMENT)] = spec.document;
        const sources = new Map([
          [`\0${DOCUMENT_ID}`, sharedValueModule(DOCUMENT_ID, SHARED_DOCUMENT)],
          [`\0${MODEL_ID}`, sharedValueModule(MODEL_ID, SHARED_MODEL)],
        ]);
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'meshplay-openapi-virtual',
                resolveId: (id: string) => (id === DOCUMENT_ID || id === MODEL_ID ? `\0${id}` : undefined),
                load: (id: string) => sources.get(id),
              },
            ],
          },
        });
      },
    },
  };
}
