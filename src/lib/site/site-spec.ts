/**
 * The site's bundled spec, as the openapi integration (src/integrations/openapi.ts) hands it to
 * the pages that serve it (JSON, YAML): loaded once per build, in astro.config.mjs.
 */
import document from 'virtual:meshplay/openapi';
import type { OpenApiDocument } from '../openapi/types.ts';

/** The bundled spec. */
export const siteSpec = document as OpenApiDocument;
