/**
 * Which `Host` headers the proxy answers: the defence against DNS rebinding. A page on
 * attacker.example can have its name re-pointed at 127.0.0.1 (or at the docs server), but
 * its requests still say `Host: attacker.example`; only names the server was started for
 * are answered.
 */

/** The host names (and addresses) a proxy answers, besides the loopback ones it always answers. */
export interface HostPolicy {
  /** Extra names or addresses, lower case, without port: HOST and ALLOWED_HOSTS for `npm start`; none for the bridge. */
  names: readonly string[];
  /** Accept any IP address literal (a rebinding page can only send a name), or loopback addresses only. */
  anyIpAddress: boolean;
}

/** Split a Host header into its lower-case name (IPv6 without brackets) and port; undefined when it is not a host. */
export function parseHost(host: string | undefined): { name: string; ipv6: boolean } | undefined {
  const text = (host ?? '').trim().toLowerCase();
  const bracketed = /^\[([0-9a-f:.]+)\](?::\d{1,5})?$/.exec(text);
  if (bracketed?.[1] !== undefined) return { name: bracketed[1], ipv6: true };
  const plain = /^([a-z0-9.-]+)(?::\d{1,5})?$/.exec(text);
  return plain?.[1] === undefined ? undefined : { name: plain[1], ipv6: false };
}

/** Whether a name is localhost or under .localhost, which browsers and resolvers keep on loopback (RFC 6761). */
export function isLoopbackName(name: string): boolean {
  return name === 'localhost' || name.endsWith('.localhost');
}

/** Whether a host name (no brackets, no port) is an IPv4 address literal. */
function isIpv4(name: string): boolean {
  return /^\d{1,3}(\.\d{1,3}){3}$/.test(name) && name.split('.').every((part) => Number(part) <= 255);
}

/** Whether an address literal is a loopback one: 127.0.0.0/8, ::1, or ::ffff:127.x. */
export function isLoopbackAddress(address: string): boolean {
  return /^127\./.test(address) || address === '::1' || /^::ffff:127\./.test(address);
}

/** Whether the Host header names something the server was started for, so the request cannot come from DNS rebinding. */
export function isAllowedHost(host: string | undefined, policy: HostPolicy): boolean {
  const parsed = parseHost(host);
  if (!parsed) return false;
  const { name, ipv6 } = parsed;
  if (isLoopbackName(name) || policy.names.includes(name)) return true;
  if (!ipv6 && !isIpv4(name)) return false;
  return policy.anyIpAddress || isLoopbackAddress(name);
}

/** Normalise a configured host name or address (HOST, ALLOWED_HOSTS): lower case, IPv6 without brackets; undefined for wildcards and garbage. */
export function normalizeHostName(raw: string): string | undefined {
  const text = raw
    .trim()
    .toLowerCase()
    .replace(/^\[(.*)\]$/, '$1');
  // Wildcard listen addresses name no host a browser would send.
  if (text === '' || text === '0.0.0.0' || text === '::' || text === '*') return undefined;
  return /^[a-z0-9.-]+$/.test(text) || /^[0-9a-f:.]+$/.test(text) ? text : undefined;
}

export type HostPolicyResult = { ok: true; policy: HostPolicy } | { ok: false; message: string };

/** The Host policy of `npm start`: loopback names and any IP address, plus HOST when it is a name and ALLOWED_HOSTS (comma-separated). */
export function sitePolicyFromEnv(host: string, allowedHosts: string | undefined): HostPolicyResult {
  const names: string[] = [];
  const listen = normalizeHostName(host);
  if (listen !== undefined) names.push(listen);
  for (const raw of (allowedHosts ?? '').split(',')) {
    if (raw.trim() === '') continue;
    const name = normalizeHostName(raw);
    if (name === undefined) {
      return {
        ok: false,
        message: `ALLOWED_HOSTS must list host names or addresses separated by commas, such as docs.internal,10.0.0.5; "${raw.trim().slice(0, 100)}" is not one.`,
      };
    }
    names.push(name);
  }
  return { ok: true, policy: { names, anyIpAddress: true } };
}
