/** The JSON answers the try-it proxy and the bridge write themselves (refusals, 502, 504, auth redirects). */
import type { ServerResponse } from 'node:http';
import { PROXY_ERROR_HEADER } from '../lib/playground/try-it-interface.ts';

/** A request the proxy will not forward: the status, a stable error code, and a sentence for the reader. */
export interface Refusal {
  status: number;
  error: string;
  message: string;
  /** Extra response headers, such as `Allow` for a 405. */
  headers?: Record<string, string>;
}

/** The response header that marks an answer written by the proxy, not by Meshplay; the playground reads it. */
export const PROXY_MARKER_HEADER = PROXY_ERROR_HEADER;

/** Send a refusal as proxy JSON, marked with its error code. */
export function refuse(res: ServerResponse, refusal: Refusal): void {
  for (const [name, value] of Object.entries(refusal.headers ?? {})) res.setHeader(name, value);
  sendJson(res, refusal.status, { error: refusal.error, message: refusal.message }, refusal.error);
}

/** Send proxy-generated JSON, never cached, with an `x-try-it-proxy` marker when given. */
export function sendJson(res: ServerResponse, status: number, body: Record<string, unknown>, marker?: string): void {
  const text = `${JSON.stringify(body)}\n`;
  const headers: Record<string, string | number> = {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    'Content-Length': Buffer.byteLength(text),
  };
  if (marker !== undefined) headers[PROXY_MARKER_HEADER] = marker;
  res.writeHead(status, headers);
  res.end(res.req.method === 'HEAD' ? undefined : text);
}
