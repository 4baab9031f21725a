/**
 * The demo server, served to the page same-origin at `<SITE_BASE>demo-proxy/`: a second
 * instance of the try-it proxy forwarding to Prism, so no CORS is involved. Every answer is
 * marked `x-meshplay-demo: true` for the playground's "Demo data" label, and the reader's
 * credentials never reach Prism: it gets a fixed demo session that satisfies the spec's security.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { CREDENTIAL_HEADERS, PROVIDER_HEADER, REMOTE_PROVIDER, TOKEN_HEADER } from '../lib/meshplay/session.ts';
import { DEMO_HEADER, DEMO_SEGMENT, PROXY_ERROR_HEADER } from '../lib/playground/try-it-interface.ts';
import type { DemoServer } from './demo-server.ts';
import { createTryItProxy, type TryItProxyOptions } from './try-it-proxy.ts';

/** The session the demo proxy sends Prism: shaped like a token so the spec's security is met, and plainly not one. */
export const DEMO_TOKEN = 'demo-session-not-a-real-token';

export interface DemoProxy {
  handle(req: IncomingMessage, res: ServerResponse): boolean;
  close(): void;
}

/** Answer for the demo while Prism is not answering: starting (try again soon) or failed (see the terminal). */
function sendNotReady(res: ServerResponse, status: 'starting' | 'failed'): void {
  const body =
    status === 'starting'
      ? { error: 'demo-starting', message: 'The demo server is still reading the spec; it answers in a few seconds.' }
      : { error: 'demo-failed', message: 'The demo server could not start or has stopped: "npm start" printed why in its terminal.' };
  const text = `${JSON.stringify(body)}\n`;
  res.writeHead(503, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    'Retry-After': status === 'starting' ? '2' : '60',
    [PROXY_ERROR_HEADER]: body.error,
    [DEMO_HEADER]: 'true',
  });
  res.end(text);
}

/**
 * The handler for `<base>demo-proxy/`: false for any other path, so the caller serves the site.
 * `proxyOptions` are those of the site's own proxy (its timeout, the host names it answers).
 */
export function createDemoProxy(options: { base: string; demo: DemoServer; proxyOptions?: Partial<TryItProxyOptions> }): DemoProxy {
  const base = `/${options.base.replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');
  const prefix = `${base}${DEMO_SEGMENT}`;
  // Its own health says nothing of Meshplay or the demo: those are the site proxy's to say.
  const proxy = createTryItProxy({
    ...options.proxyOptions,
    target: options.demo.url,
    base,
    segment: DEMO_SEGMENT,
    healthExtras: () => ({}),
  });
  return {
    handle(req, res) {
      const path = (req.url ?? '/').split('?', 1)[0] ?? '/';
      if (path !== prefix && !path.startsWith(`${prefix}/`) && path !== `${prefix}-health`) return false;
      const status = options.demo.status();
      if (status !== 'ready') {
        sendNotReady(res, status);
        return true;
      }
      // Whatever the page sent, Prism sees the demo session only.
      for (const name of CREDENTIAL_HEADERS) delete req.headers[name];
      req.headers[TOKEN_HEADER] = DEMO_TOKEN;
      req.headers[PROVIDER_HEADER] = REMOTE_PROVIDER;
      res.setHeader(DEMO_HEADER, 'true');
      return proxy.handle(req, res);
    },
    close: () => proxy.close(),
  };
}
