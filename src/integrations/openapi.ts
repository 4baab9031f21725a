import type { AstroIntegration } from 'astro';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadSpec, type LoadedSpec, type LoadSpecOptions } from '../lib/openapi/load-spec.ts';
import { buildApiModel } from '../lib/openapi/model/build.ts';
import type { ApiModel } from '../lib/openapi/model/types.ts';
import { SpecError } from '../lib/openapi/spec-error.ts';

const DOCUMENT_ID = 'virtual:meshplay/openapi';
const MODEL_ID = 'virtual:meshplay/api-model';
const BUILD_MODULE = fileURLToPath(new URL('../lib/openapi/model/build.ts', import.meta.url));
// Pages run in the same process as astro.config.mjs: they take the model built there from
// globalThis instead of building it again. The virtual modules fall back to building their
// own where they run elsewhere.
const SHARED_MODEL = 'meshplay.api-model';
const SHARED_DOCUMENT = 'meshplay.openapi-document';

/** The spec and its model, or the reason they cannot be had: astro.config.mjs needs the model for the sidebar before integrations run. */
export type SpecLoadResult =
  { spec: LoadedSpec; model: ApiModel; error?: undefined } | { spec?: undefined; model?: undefined; error: SpecError };

/** Load the spec and build its model once for the whole build; a SpecError is kept for the integration to report. */
export async function loadSpecForBuild(options: LoadSpecOptions): Promise<SpecLoadResult> {
  try {
    const spec = await loadSpec(options);
    return { spec, model: buildApiModel(spec.document) };
  } catch (error) {
    if (error instanceof SpecError) return { error };
    throw error;
  }
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
          throw result.error;
        }
        const { spec } = result;
        for (const notice of spec.notices) logger.info(notice);
        for (const warning of spec.warnings) logger.warn(warning);
        for (const file of spec.files) addWatchFile(file);
        const shared = globalThis as Record<symbol, unknown>;
        shared[Symbol.for(SHARED_MODEL)] = result.model;
        shared[Symbol.for(SHARED_DOCUMENT)] = spec.document;
        const sources = new Map([
          [
            `\0${DOCUMENT_ID}`,
            `export default globalThis[Symbol.for(${JSON.stringify(SHARED_DOCUMENT)})] ?? ${JSON.stringify(spec.document)};`,
          ],
          [
            `\0${MODEL_ID}`,
            [
              `import document from ${JSON.stringify(DOCUMENT_ID)};`,
              `import { buildApiModel } from ${JSON.stringify(BUILD_MODULE)};`,
              `export default globalThis[Symbol.for(${JSON.stringify(SHARED_MODEL)})] ?? buildApiModel(document);`,
            ].join('\n'),
          ],
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
