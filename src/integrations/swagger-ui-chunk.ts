import type { Plugin } from 'vite';

const VIRTUAL_ID = 'virtual:meshplay/swagger-ui-chunk';
const RESOLVED_ID = `\0${VIRTUAL_ID}`;

/**
 * `virtual:meshplay/swagger-ui-chunk` exports the built URL of the chunk that holds Swagger UI
 * (the module at `entry`), so that the playground page can fetch it while the browser is idle
 * (`<link rel="modulepreload">`) and evaluate it only when the reader shows intent. The chunk is
 * the one the playground's dynamic import loads: Rolldown gives a module emitted as a chunk and
 * imported dynamically one file. Outside a client build (dev, prerendering) the URL is undefined
 * and nothing is fetched ahead.
 */
export function swaggerUiChunkUrl(entry: string): Plugin {
  let building = false;
  return {
    name: 'meshplay-swagger-ui-chunk-url',
    configResolved(config) {
      building = config.command === 'build';
    },
    resolveId(id) {
      return id === VIRTUAL_ID ? RESOLVED_ID : undefined;
    },
    load(id) {
      if (id !== RESOLVED_ID) return undefined;
      if (!building || this.environment.config.consumer !== 'client') return 'export const swaggerUiChunkUrl = undefined;';
      const reference = this.emitFile({ type: 'chunk', id: entry });
      return `export const swaggerUiChunkUrl = import.meta.ROLLUP_FILE_URL_${reference};`;
    },
  };
}
