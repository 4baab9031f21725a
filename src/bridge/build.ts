/**
 * Bundle the bridge (src/bridge/cli.ts, with the try-it proxy, the session module and
 * http-proxy-3) into one ESM file that needs nothing but Node.js 18 or newer.
 */
import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';
import { BRIDGE_FILE } from '../lib/playground/try-it-interface.ts';

/** The bridge's entry point, from which the bundle is built. */
export const BRIDGE_ENTRY = fileURLToPath(new URL('./cli.ts', import.meta.url));
/** The file name the bridge is published under, at the root of the built site. */
export const BRIDGE_FILE_NAME = BRIDGE_FILE;

/** Lines before the bundle: run as a script, and give the bundled CommonJS dependencies the `require` that ESM lacks. */
const BANNER = [
  '#!/usr/bin/env node',
  '// Meshplay bridge: lets the Meshplay REST API docs call your Meshplay server. Run with --help.',
  '// Built from src/bridge/cli.ts of the docs project; needs Node.js 18 or newer, and nothing else.',
  "import { createRequire as __bridgeCreateRequire } from 'node:module';",
  'const require = __bridgeCreateRequire(import.meta.url);',
].join('\n');

/** Resolve Node built-ins required without the `node:` prefix (in CommonJS dependencies) to their `node:` names, kept external. */
const nodePrefixedBuiltins: Plugin = {
  name: 'node-prefixed-builtins',
  setup(bundler) {
    const names = new Set(builtinModules.filter((name) => !name.startsWith('node:')));
    bundler.onResolve({ filter: /^[a-z_/]+$/ }, (args) =>
      names.has(args.path) ? { path: `node:${args.path}`, external: true } : undefined,
    );
  },
};

/**
 * http-proxy-3 logs through `debug` when DEBUG is set; the bridge must never print requests
 * (or anything that could hold a token), so the bundle gets a logger that prints nothing.
 */
const silentDebug: Plugin = {
  name: 'silent-debug',
  setup(bundler) {
    bundler.onResolve({ filter: /^debug$/ }, () => ({ path: 'debug', namespace: 'silent-debug' }));
    bundler.onLoad({ filter: /.*/, namespace: 'silent-debug' }, () => ({
      contents: 'const silent = () => {}; silent.enabled = false; silent.extend = () => silent; module.exports = () => silent;',
      loader: 'js',
    }));
  },
};

export interface BridgeBuild {
  outFile: string;
  /** The docs site's origin (from SITE_URL), allowed by the bridge without --allow-origin. */
  docsOrigin: string | undefined;
}

/** Write the bundled bridge to `outFile`; resolves with its size in bytes. */
export async function buildBridge({ outFile, docsOrigin }: BridgeBuild): Promise<number> {
  const result = await build({
    entryPoints: [BRIDGE_ENTRY],
    outfile: outFile,
    bundle: true,
    platform: 'node',
    target: 'node18',
    format: 'esm',
    banner: { js: BANNER },
    define: { __BRIDGE_DOCS_ORIGIN__: JSON.stringify(docsOrigin ?? '') },
    plugins: [nodePrefixedBuiltins, silentDebug],
    legalComments: 'eof',
    metafile: true,
    logLevel: 'silent',
  });
  return Object.values(result.metafile.outputs).reduce((total, output) => total + output.bytes, 0);
}
