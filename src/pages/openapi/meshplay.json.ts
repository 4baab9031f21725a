import type { APIRoute } from 'astro';
import { siteSpec as spec } from '../../lib/site/site-spec.ts';

/**
 * The bundled spec as JSON: the playground's input and a download for tools. Minified: the
 * playground downloads and parses it on every visit (487 KB instead of 786 KB pretty-printed);
 * readers who want to read it have meshplay.yaml.
 */
export const GET: APIRoute = () =>
  new Response(JSON.stringify(spec), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
