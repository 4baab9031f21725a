/**
 * The one place that decides where the playground sends requests before the reader chooses,
 * from what the page found out about its surroundings, and which choices it may offer at all.
 */
import type { ProxyHealth } from './proxy-health.ts';
import type { ServerChoice, ServerMode } from './server-choice.ts';

/** Whether the bridge answered its health check: not asked yet, asked and silent, or answering. */
export type BridgeState = 'unchecked' | 'checking' | 'silent' | 'answering';

/** What the page found out. */
export interface Detected {
  /** This site's proxy (`npm start`), from its health answer; undefined on a static host. */
  siteProxy: ProxyHealth | undefined;
  bridge: BridgeState;
  /** Whether this page is served by a Meshplay server (its version answered on this origin). */
  sameOrigin: boolean;
}

/** Whether a way of sending requests can be chosen here; the others are shown disabled or not at all. */
export function isAvailable(mode: ServerMode, detected: Detected): boolean {
  switch (mode) {
    case 'proxy':
      return detected.siteProxy !== undefined;
    case 'demo':
      // While Prism starts, the choice stands and the demo proxy says so; a failed start is not offered.
      return detected.siteProxy?.demo === 'ready' || detected.siteProxy?.demo === 'starting';
    case 'same-origin':
      return detected.sameOrigin;
    case 'bridge':
    case 'direct':
    case 'custom':
      // The bridge is always offered: it runs wherever the reader starts it.
      return true;
  }
}

/**
 * The choice to make: the reader's saved choice while it is available; otherwise the first of
 * - this Meshplay server, same origin (the docs are served by Meshplay itself);
 * - this site's proxy, unless its health says Meshplay is unreachable;
 * - the bridge, when it answers;
 * - the demo server, when Meshplay is unreachable and `npm start` runs one;
 * - this site's proxy anyway (its explanation then says Meshplay is unreachable);
 * - the bridge, on a static host: the one way that reaches a real Meshplay from a hosted page
 *   (chosen without looking for it, so the page asks nothing of the browser until used).
 */
export function chooseServer(detected: Detected, saved: ServerChoice | undefined): ServerChoice {
  const customUrl = saved?.customUrl ?? '';
  if (saved && isAvailable(saved.mode, detected)) return saved;
  const mode = ((): ServerMode => {
    const proxy = detected.siteProxy;
    if (detected.sameOrigin) return 'same-origin';
    if (proxy && proxy.meshplayReachable !== false) return 'proxy';
    if (detected.bridge === 'answering') return 'bridge';
    if (isAvailable('demo', detected)) return 'demo';
    if (proxy) return 'proxy';
    return 'bridge';
  })();
  return { mode, customUrl };
}
