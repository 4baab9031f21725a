import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { openapiIntegration, type SpecLoadResult } from '../../src/integrations/openapi.ts';
import { buildApiModel } from '../../src/lib/openapi/model/build.ts';
import type { OpenApiDocument } from '../../src/lib/openapi/types.ts';

type SetupHook = NonNullable<ReturnType<typeof openapiIntegration>['hooks']['astro:config:setup']>;
interface VirtualPlugin {
  resolveId: (id: string) => string | undefined;
  load: (id: string) => string | undefined;
}

/** A spec whose document holds a long, recognisable description. */
function specWithMarker(marker: string): SpecLoadResult {
  const document = {
    openapi: '3.1.0',
    info: { title: 'Marked', version: '1', description: marker.repeat(1000) },
    paths: { '/pets': { get: { operationId: 'listPets', responses: { '200': { description: marker } } } } },
  } as unknown as OpenApiDocument;
  const spec = { document, sourcePath: '/spec.json', files: [], warnings: [], unresolvedRefs: [], notices: [] };
  return { spec, model: buildApiModel(document) };
}

/** Run the integration's setup hook and return the Vite plugin it adds. */
async function virtualPluginOf(result: SpecLoadResult): Promise<VirtualPlugin> {
  const root = mkdtempSync(join(tmpdir(), 'openapi-virtual-'));
  let plugin: VirtualPlugin | undefined;
  const setup = openapiIntegration(result).hooks['astro:config:setup'] as SetupHook;
  await setup({
    config: { root: pathToFileURL(`${root}/`), outDir: pathToFileURL(`${root}/dist/`) },
    command: 'build',
    logger: { info: () => undefined, warn: () => undefined, error: () => undefined },
    addWatchFile: () => undefined,
    updateConfig: (update: { vite: { plugins: VirtualPlugin[] } }) => {
      plugin = update.vite.plugins[0];
    },
  } as unknown as Parameters<SetupHook>[0]);
  if (!plugin) throw new Error('the integration added no Vite plugin');
  return plugin;
}

describe('the openapi virtual modules', () => {
  it('do not inline the spec document: pages take it from the process that loaded it', async () => {
    const marker = 'MARKER-of-the-spec-document ';
    const plugin = await virtualPluginOf(specWithMarker(marker));
    for (const id of ['virtual:meshplay/openapi', 'virtual:meshplay/api-model']) {
      const source = plugin.load(plugin.resolveId(id) ?? id) ?? '';
      expect(source).toMatch(/globalThis\[Symbol\.for\(/);
      expect(source).not.toContain('MARKER');
      expect(source.length).toBeLessThan(1000);
    }
  });

  it('stop with a message that says where the modules can be imported when nothing was shared', async () => {
    const plugin = await virtualPluginOf(specWithMarker('x'));
    const source = plugin.load('\0virtual:meshplay/openapi') ?? '';
    expect(source).toMatch(/throw new Error\(".*only available in the process that loaded astro\.config\.mjs/);
  });
});
