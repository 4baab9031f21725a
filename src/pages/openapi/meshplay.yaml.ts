import type { APIRoute } from 'astro';
import { siteSpec as spec } from '../../lib/site/site-spec.ts';
import { stringify } from 'yaml';

/** The bundled spec as one YAML file, for tools and readers who prefer it. */
export const GET: APIRoute = () =>
  new Response(stringify(spec, { lineWidth: 0, aliasDuplicateObjects: false }), {
    headers: { 'Content-Type': 'application/yaml; charset=utf-8' },
  });
