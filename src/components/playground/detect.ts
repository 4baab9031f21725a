/**
 * What the playground asks the network about its surroundings: this site's proxy, the bridge on
 * this computer, and whether a Meshplay server serves this page. None of these requests carries
 * a token; the answers are checked by the pure parsers in lib/playground.
 */
import { bridgeHealthUrl } from '../../lib/playground/bridge.ts';
import { parseProxyHealth, type ProxyHealth } from '../../lib/playground/proxy-health.ts';
import { isMeshplayVersionAnswer, VERSION_PATH } from '../../lib/playground/same-origin.ts';

export type BridgeProbe = { answering: true; health: ProxyHealth } | { answering: false; problem: string | undefined };

/** Fetch JSON with a time limit; undefined when nothing usable came back. */
async function fetchJson(url: string, init: RequestInit, timeoutMs: number): Promise<unknown> {
  const response = await fetch(url, {
    ...init,
    cache: 'no-store',
    headers: { accept: 'application/json' },
    signal: AbortSignal.timeout(timeoutMs),
  });
  if (!response.ok) return undefined;
  return (await response.json()) as unknown;
}

/** Ask this site whether it runs the try-it proxy (npm start does; a static host does not). */
export async function detectSiteProxy(healthUrl: string): Promise<ProxyHealth | undefined> {
  try {
    const checked = parseProxyHealth(await fetchJson(healthUrl, {}, 5_000), 'site');
    return checked.ok ? checked.health : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Look for the bridge on a loopback port. Connection refused comes back at once; the long limit
 * is for the browser's local-network prompt, which holds the request until the reader answers.
 */
export async function probeBridge(port: number): Promise<BridgeProbe> {
  try {
    // No credentials: the bridge needs none for its health, and the page has none for it.
    const checked = parseProxyHealth(await fetchJson(bridgeHealthUrl(port), { mode: 'cors', credentials: 'omit' }, 60_000), 'bridge');
    return checked.ok
      ? { answering: true, health: checked.health }
      : { answering: false, problem: `Something answers on port ${port}, but not the Meshplay bridge: ${checked.problem}.` };
  } catch {
    return { answering: false, problem: undefined };
  }
}

/** Whether a Meshplay server serves this page's origin: its version JSON at /api/system/version (same origin, no token). */
export async function detectSameOrigin(origin: string): Promise<boolean> {
  try {
    // Meshplay's version handler asks GitHub for the latest release before it answers: allow it some time.
    const response = await fetch(`${origin}${VERSION_PATH}`, {
      credentials: 'same-origin',
      cache: 'no-store',
      headers: { accept: 'application/json' },
      signal: AbortSignal.timeout(15_000),
    });
    return isMeshplayVersionAnswer({
      status: response.status,
      redirected: response.redirected,
      contentType: response.headers.get('content-type') ?? '',
      body: response.status === 200 ? await response.text() : '',
    });
  } catch {
    return false;
  }
}
