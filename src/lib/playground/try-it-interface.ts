/**
 * The URL shape this site's proxy (`npm start`), the local bridge and the playground agree on
 * (issue 10's fixed interface). Browser code and server code both import it, so the playground
 * cannot look for a proxy or a bridge where none answers.
 */

/** Path segment of a proxy: requests go to `<prefix>api-proxy/<api path>`. */
export const PROXY_SEGMENT = 'api-proxy';
/** Path segment of a proxy's health check: `<prefix>api-proxy-health`. */
export const HEALTH_SEGMENT = `${PROXY_SEGMENT}-health`;
/** Path segment of the demo server's proxy that `npm start` serves beside the site: `<SITE_BASE>demo-proxy/<api path>`. */
export const DEMO_SEGMENT = 'demo-proxy';
/** What every health answer names itself, so that an unrelated JSON file is never taken for a proxy. */
export const PROXY_NAME = 'meshplay-try-it';
/** The version of the health answer this playground understands. */
export const HEALTH_VERSION = 1;

/** Where the bridge listens unless started with `--port`: loopback only. */
export const BRIDGE_HOST = '127.0.0.1';
export const BRIDGE_DEFAULT_PORT = 9180;
/** The bridge as the built site publishes it, at `<SITE_BASE>meshplay-bridge.mjs`. */
export const BRIDGE_FILE = 'meshplay-bridge.mjs';

/** Response header a proxy or bridge sets on the answers it writes itself (auth-redirect, unreachable, timeout). */
export const PROXY_ERROR_HEADER = 'x-try-it-proxy';
/** Response header the demo proxy sets on every answer, so that the playground can label it as demo data. */
export const DEMO_HEADER = 'x-meshplay-demo';
