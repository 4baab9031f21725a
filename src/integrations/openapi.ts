import type { AstroIntegration } from 'astro';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadSpec, type LoadedSpec } from '../lib/openapi/load-spec.ts';
import { SpecError } from '../lib/openapi/spec-error.ts';

const VIRTUAL_ID = 'virtual:meshplay/openapi';
const RESOLVED_ID = `\0${VIRTUAL_ID}`;

/**
 * Load the spec once per build, before any page renders, and hand the bundled
 * document to pages as a virtual module, so nothing parses the spec twice.
 */
export function openapiIntegration(options: { specPath?: string | undefined }): AstroIntegration {
  return {
    name: 'meshplay-openapi',
    hooks: {
      'astro:config:setup': async ({ config, command, logger, updateConfig, addWatchFile }) => {
        const root = fileURLToPath(config.root);
        let spec: LoadedSpec;
        try {
          spec = await loadSpec({ root, specPath: options.specPath });
        } catch (error) {
          if (error instanceof SpecError && command === 'build') {
            // A failed build must not leave an older or partial site behind for a deploy step to ship.
            rmSync(fileURLToPath(config.outDir), { recursive: true, force: true });
          }
          throw error;
        }
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
