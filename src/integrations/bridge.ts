import type { AstroIntegration } from 'astro';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BRIDGE_FILE_NAME, buildBridge } from '../bridge/build.ts';

/**
 * Publish the bridge with the site: after the build, bundle src/bridge/cli.ts into
 * `<outDir>/meshplay-bridge.mjs` (served at `<SITE_BASE>meshplay-bridge.mjs`), with the
 * site's origin (SITE_URL) baked in as the docs origin the bridge answers.
 */
export function bridge(): AstroIntegration {
  let docsOrigin: string | undefined;
  return {
    name: 'meshplay-bridge',
    hooks: {
      'astro:config:done': ({ config }) => {
        docsOrigin = config.site === undefined ? undefined : new URL(config.site).origin;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const outFile = join(fileURLToPath(dir), BRIDGE_FILE_NAME);
        const bytes = await buildBridge({ outFile, docsOrigin });
        logger.info(
          `${BRIDGE_FILE_NAME} written (${(bytes / 1024).toFixed(1)} KB), for docs at ${docsOrigin ?? 'no SITE_URL: pages on this machine and --allow-origin only'}.`,
        );
      },
    },
  };
}
