import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadSpec, type LoadedSpec } from '../lib/openapi/load-spec.ts';
import { displayPath, SpecError } from '../lib/openapi/spec-error.ts';
import { formatWarningsFile, summarizeWarnings, WARNINGS_FILE } from '../lib/openapi/spec-warnings.ts';
import { readStrictFlag } from '../lib/openapi/strict-mode.ts';

const VIRTUAL_ID = 'virtual:meshplay/openapi';
const RESOLVED_ID = `\0${VIRTUAL_ID}`;

/** The spec, or the reason it cannot be used: astro.config.mjs needs the spec for the sidebar before integrations run. */
export type SpecLoadResult = { spec: LoadedSpec; error?: undefined } | { spec?: undefined; error: SpecError };

export interface BuildSpecOptions {
  /** Project root. */
  root: string;
  /** OPENAPI_SPEC as set (unset: the project's own spec). */
  specPath: string | undefined;
  /** OPENAPI_STRICT as set. */
  strictFlag: string | undefined;
}

/** Load the spec once for the whole build; a SpecError (a bad OPENAPI_STRICT included) is kept for the integration to report. */
export async function loadSpecForBuild(options: BuildSpecOptions): Promise<SpecLoadResult> {
  try {
    return { spec: await loadSpec({ root: options.root, specPath: options.specPath, strict: readStrictFlag(options.strictFlag) }) };
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
 * Hand the spec, loaded once by astro.config.mjs, to pages as a virtual module, so
 * nothing parses it twice; or stop the build with the loader's message.
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
        const moduleSource = `export default ${JSON.stringify(spec.document)};`;
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'meshplay-openapi-virtual',
                resolveId: (id: string) => (id === VIRTUAL_ID ? RESOLVED_ID : undefined),
                load: (id: string) => (id === RESOLVED_ID ? moduleSource : undefined),
              },
            ],
          },
        });
      },
    },
  };
}
