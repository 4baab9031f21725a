import { CREDENTIAL_HEADERS, LOCAL_PROVIDER, sessionCookie, TOKEN_PLACEHOLDER } from '../meshplay/session.ts';

/** The request Swagger UI shows a snippet for, reduced to what a curl command needs. */
export interface SnippetRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string | undefined;
}

export interface CurlOptions {
  /** The base the playground sent the request to (this site's proxy, or the server itself). */
  sentTo: string;
  /** The Meshplay server's own URL, which the command must call. */
  serverUrl: string;
  provider: string;
  /** The reader's token, only when they asked to include it; otherwise $MESHPLAY_TOKEN. */
  token: string | undefined;
}

/** Headers that only make sense between the page and the proxy, or that curl sets by itself. */
const DROPPED_HEADERS = new Set([...CREDENTIAL_HEADERS, 'content-length', 'host']);

/** Quote a value for bash inside single quotes. */
export function quoteForShell(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/** Point the URL at the server instead of the proxy that stood in for it in the browser. */
export function toServerUrl(url: string, sentTo: string, serverUrl: string): string {
  const from = sentTo.replace(/\/+$/, '');
  return url === from || url.startsWith(`${from}/`) || url.startsWith(`${from}?`)
    ? `${serverUrl.replace(/\/+$/, '')}${url.slice(from.length)}`
    : url;
}

/**
 * Build the curl command for a try-it request as it works against the real server:
 * the server's URL, and the two cookies it reads (never the meshplay-token header).
 */
export function buildCurlCommand(request: SnippetRequest, options: CurlOptions): string {
  const lines = [`curl -X ${request.method.toUpperCase()} ${quoteForShell(toServerUrl(request.url, options.sentTo, options.serverUrl))}`];
  if (options.token !== undefined && options.token !== '') {
    lines.push(`--cookie ${quoteForShell(sessionCookie({ provider: options.provider, token: options.token }))}`);
  } else if (options.provider === LOCAL_PROVIDER) {
    lines.push(`--cookie ${quoteForShell(sessionCookie({ provider: options.provider, token: '' }))}`);
  } else {
    // Double quotes so that the shell expands the variable.
    lines.push(`--cookie "${sessionCookie({ provider: options.provider, token: TOKEN_PLACEHOLDER })}"`);
  }
  for (const [name, value] of Object.entries(request.headers)) {
    if (!DROPPED_HEADERS.has(name.toLowerCase())) lines.push(`-H ${quoteForShell(`${name}: ${value}`)}`);
  }
  if (request.body !== undefined && request.body !== '') lines.push(`--data-raw ${quoteForShell(request.body)}`);
  return lines.join(' \\\n  ');
}
