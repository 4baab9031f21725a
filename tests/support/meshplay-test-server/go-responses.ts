/**
 * Responses written the way Go's net/http writes them for Meshplay's handlers, so that the
 * test server's wire format (status, headers, body bytes) is the real server's.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

/** What Go sniffs for JSON written without a Content-Type (`json.NewEncoder(w).Encode(...)`, `fmt.Fprint`). */
export const SNIFFED_TEXT = 'text/plain; charset=utf-8';

/**
 * `json.NewEncoder(w).Encode(body)`: JSON and a newline. With no Content-Type set by the
 * handler (the common case in Meshplay) Go labels it `text/plain; charset=utf-8`.
 */
export function sendEncodedJson(res: ServerResponse, status: number, body: unknown, contentType: string = SNIFFED_TEXT): void {
  res.writeHead(status, { 'Content-Type': contentType });
  res.end(`${JSON.stringify(body)}\n`);
}

/** A body written as it is, with the Content-Type given (or Go's sniffed text/plain). */
export function sendText(res: ServerResponse, status: number, body: string, contentType: string = SNIFFED_TEXT): void {
  res.writeHead(status, { 'Content-Type': contentType });
  res.end(body);
}

/** `http.Error(w, message, status)`: plain text, nosniff, the message and a newline. */
export function sendHttpError(res: ServerResponse, status: number, message: string): void {
  res.writeHead(status, { 'Content-Type': SNIFFED_TEXT, 'X-Content-Type-Options': 'nosniff' });
  res.end(`${message}\n`);
}

/**
 * A MeshKit error whose long description is empty (ErrLocalProviderSupport, server/models/error.go:143)
 * passed to `http.Error`: the client gets a lone newline, never the short description.
 */
export function sendBlankMeshKitError(res: ServerResponse, status: number): void {
  sendHttpError(res, status, '');
}

/** `w.WriteHeader(status)` and nothing else: no Content-Type, an empty body. */
export function sendEmpty(res: ServerResponse, status: number): void {
  res.writeHead(status);
  res.end();
}

/** A small HTML page, as the server's UI routes serve. */
export function sendHtml(res: ServerResponse, title: string): void {
  res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
  res.end(`<!doctype html><html lang="en"><head><title>${title}</title></head><body><h1>${title}</h1></body></html>`);
}

/**
 * `http.Redirect(w, r, location, 302)`: Location, and for GET a one-line HTML link labelled
 * text/html; other methods get no body. Cookies set before it go out with it.
 */
export function sendRedirect(req: IncomingMessage, res: ServerResponse, location: string, cookies: string[] = []): void {
  const headers: Record<string, string | string[]> = { Location: location };
  if (cookies.length > 0) headers['Set-Cookie'] = cookies;
  const isGet = req.method === 'GET' || req.method === 'HEAD';
  if (isGet) headers['Content-Type'] = 'text/html; charset=utf-8';
  res.writeHead(302, headers);
  res.end(req.method === 'GET' ? `<a href="${escapeHtml(location)}">Found</a>.\n` : undefined);
}

/** Go's html.EscapeString, as http.Redirect applies it to the link. */
function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/'/g, '&#39;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&#34;');
}

/** Go's `url.Values.Encode()`: keys sorted, each value escaped as QueryEscape does (space as `+`). */
export function encodeGoQuery(values: ReadonlyArray<readonly [string, string]>): string {
  const byKey = new Map<string, string[]>();
  for (const [key, value] of values) byKey.set(key, [...(byKey.get(key) ?? []), value]);
  return [...byKey.keys()]
    .sort()
    .flatMap((key) => (byKey.get(key) ?? []).map((value) => `${queryEscape(key)}=${queryEscape(value)}`))
    .join('&');
}

/** Go's url.QueryEscape: everything but letters, digits and `-_.~` percent-encoded, spaces as `+`. */
function queryEscape(text: string): string {
  return encodeURIComponent(text)
    .replace(/[!'()*]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/%20/g, '+');
}

/** A `Set-Cookie` that removes a cookie, as Meshplay's unsetCookie writes it (MaxAge -1 goes out as `Max-Age=0`). */
export function clearedCookie(name: string): string {
  return `${name}=; Path=/; Max-Age=0; HttpOnly`;
}
