import { HEALTH_VERSION, PROXY_NAME } from './try-it-interface.ts';

/** How far the demo server of `npm start` has got: Prism takes a few seconds to read the spec. */
export type DemoStatus = 'starting' | 'ready' | 'failed';

const DEMO_STATUSES: readonly DemoStatus[] = ['starting', 'ready', 'failed'];

/** What a proxy says about itself at `<prefix>api-proxy-health`. */
export interface ProxyHealth {
  kind: 'site' | 'bridge';
  /** The Meshplay server it forwards to. */
  target: string;
  /** Whether that server answered the proxy's last check; undefined when the proxy does not say (the bridge). */
  meshplayReachable: boolean | undefined;
  /** The demo server's state, when this proxy has one (`npm start` only). */
  demo: DemoStatus | undefined;
}

export type HealthCheck = { ok: true; health: ProxyHealth } | { ok: false; problem: string };

/**
 * Check a health answer: it must name the try-it proxy, the kind expected (a bridge must say
 * "bridge" and version 1; this site's proxy says "site", or nothing before the field existed),
 * and an http(s) target. Anything else is not ours, whatever else it holds.
 */
export function parseProxyHealth(value: unknown, expected: 'site' | 'bridge'): HealthCheck {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return problem('the answer is not a JSON object');
  const fields = value as Record<string, unknown>;
  if (fields['proxy'] !== PROXY_NAME) return problem(`the answer does not name itself "${PROXY_NAME}"`);
  const kind = fields['kind'] ?? (expected === 'site' ? 'site' : undefined);
  if (kind !== expected) {
    return problem(`it is a ${JSON.stringify(kind) ?? 'nameless'} proxy, not the ${expected === 'bridge' ? 'bridge' : "site's own proxy"}`);
  }
  const version = fields['version'] ?? (expected === 'site' ? HEALTH_VERSION : undefined);
  if (version !== HEALTH_VERSION) {
    return problem(
      `it speaks version ${JSON.stringify(version) ?? 'undefined'} of the health answer, and this page knows version ${HEALTH_VERSION}`,
    );
  }
  const target = fields['target'];
  if (typeof target !== 'string' || !isHttpUrl(target)) return problem('it does not say which Meshplay server it forwards to');
  const reachable = fields['meshplayReachable'];
  if (reachable !== undefined && typeof reachable !== 'boolean') return problem('its "meshplayReachable" is not true or false');
  const demo = fields['demo'];
  if (demo !== undefined && !isDemoStatus(demo)) return problem(`its "demo" is not one of ${DEMO_STATUSES.join(', ')}`);
  return { ok: true, health: { kind: expected, target, meshplayReachable: reachable, demo } };
}

/** Builds a refusal. */
function problem(text: string): HealthCheck {
  return { ok: false, problem: text };
}

/** Whether a value is one of the demo server's states. */
function isDemoStatus(value: unknown): value is DemoStatus {
  return typeof value === 'string' && (DEMO_STATUSES as readonly string[]).includes(value);
}

/** Whether a string is an absolute http(s) URL. */
function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}
