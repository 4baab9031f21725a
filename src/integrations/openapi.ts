import type { AstroIntegration } from 'astro';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadSpec, type LoadedSpec, type LoadSpecOptions } from '../lib/openapi/load-spec.ts';
import { SpecError } from '../lib/openapi/spec-error.ts';

const VIRTUAL_ID = 'virtual:meshplay/openapi';
const RESOLVED_ID = `\0${VIRTUAL_ID}`;

/** The spec, or the reason it cannot be used: astro.config.mjs needs the spec for the sidebar before integrations run. */
export type SpecLoadResult = { spec: LoadedSpec; error?: undefined } | { spec?: undefined; error: SpecError };

/** Load the spec once for the whole build; a SpecError is kept for the integration to report. */
export async function loadSpecForBuild(options: LoadSpecOptions): Promise<SpecLoadResult> {
  try {
    return { spec: await loadSpec(options) };
  } catch (error) {
    if (error instanceof SpecError) return { error };
    throw error;
  }
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
          throw result.error;
        }
        const { spec } = result;
        for (const notice of spec.notices) logger.info(notice);
        for (const warning of spec.warnings) logger.warn(warning);
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
