import type { APIRoute } from 'astro';
import spec from 'virtual:meshplay/openapi';

/** The bundled spec as JSON: the playground's input and a download for tools. */
export const GET: APIRoute = () =>
  new Response(JSON.stringify(spec, null, 2), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
