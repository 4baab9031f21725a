/**
 * Who may use the proxy. `npm start`'s proxy answers pages of its own origin only; the bridge
 * answers the docs origins it allows (CORS) and loopback pages. Both answer only Host names
 * they were started for, so a DNS-rebinding page cannot reach them under its own name.
 */
import type { IncomingMessage } from 'node:http';
import { corsHeaders, isAllowedOrigin, type CorsPolicy } from './proxy-cors.ts';
import { isAllowedHost, type HostPolicy } from './proxy-hosts.ts';
import type { Refusal } from './proxy-json.ts';

export interface AccessRules {
  kind: 'site' | 'bridge';
  hosts: HostPolicy;
  cors: CorsPolicy;
}

/** Either a refusal, or the allowed cross-origin page (bridge only) whose Origin the answer must name. */
export interface AccessVerdict {
  refusal?: Refusal;
  corsOrigin?: string;
}

/** Decide whether a request may use the proxy: Host first (DNS rebinding), then where the page comes from. */
export function refuseCrossOrigin(req: IncomingMessage, rules: AccessRules): AccessVerdict {
  const host = req.headers.host;
  if (!isAllowedHost(host, rules.hosts)) return { refusal: hostRefusal(host ?? '', rules) };
  return rules.kind === 'bridge' ? checkBridgePage(req, rules.cors) : checkSitePage(req);
}

/** The refusal for a Host the server was not started for, saying how to reach it instead. */
function hostRefusal(host: string, rules: AccessRules): Refusal {
  const shown = host.slice(0, 100);
  const message =
    rules.kind === 'bridge'
      ? `The bridge answers only loopback host names (localhost, 127.0.0.1, [::1]), not "${shown}", which could be DNS rebinding. Call it at http://127.0.0.1:<port>/api-proxy.`
      : `The try-it proxy answers only the host names it was started for (localhost, IP addresses, HOST${rules.hosts.names.length > 0 ? `: ${rules.hosts.names.join(', ')}` : ''}, ALLOWED_HOSTS), not "${shown}", which could be DNS rebinding. Open the site at one of those, or add the name to ALLOWED_HOSTS and restart npm start.`;
  return { status: 403, error: 'host-not-allowed', message };
}

/** `npm start`'s proxy: same-origin pages only (the playground is served beside it). */
function checkSitePage(req: IncomingMessage): AccessVerdict {
  const fetchSite = req.headers['sec-fetch-site'];
  // "same-site" is refused too: on localhost every other port is the same site, and the playground is same-origin.
  if (fetchSite === 'cross-site' || fetchSite === 'same-site') {
    return {
      refusal: {
        status: 403,
        error: 'cross-site',
        message: `The try-it proxy only answers pages of this site (Sec-Fetch-Site: ${fetchSite}).`,
      },
    };
  }
  const host = (req.headers.host ?? '').toLowerCase();
  const origin = req.headers.origin;
  if (origin !== undefined && origin.toLowerCase() !== `http://${host}` && origin.toLowerCase() !== `https://${host}`) {
    return {
      refusal: {
        status: 403,
        error: 'cross-site',
        message: `The try-it proxy only answers pages of this site, not ${origin.slice(0, 100)}.`,
      },
    };
  }
  return {};
}

/** The bridge: pages of the allowed origins and loopback pages; without Origin, only what a terminal or the bridge's own URL sends. */
function checkBridgePage(req: IncomingMessage, cors: CorsPolicy): AccessVerdict {
  const origin = req.headers.origin;
  if (origin === undefined) {
    const fetchSite = req.headers['sec-fetch-site'];
    // A browser sends no Origin on a cross-site GET it does not let the page read (an <img>, a link):
    // such requests must not reach Meshplay either.
    if (fetchSite === 'cross-site' || fetchSite === 'same-site') {
      return {
        refusal: {
          status: 403,
          error: 'origin-not-allowed',
          message: `The bridge refuses requests from other websites that do not say where they come from (Sec-Fetch-Site: ${fetchSite}).`,
        },
      };
    }
    return {};
  }
  if (isAllowedOrigin(origin, cors)) return { corsOrigin: origin };
  const shown = origin.slice(0, 100);
  return {
    refusal: {
      status: 403,
      error: 'origin-not-allowed',
      message: `The bridge does not answer pages of ${shown}. If these are your docs, stop the bridge and start it again with --allow-origin ${shown}.`,
      // Readable by the refused page, so that the playground can say how to allow it; it carries no data from Meshplay.
      headers: corsHeaders(origin),
    },
  };
}
