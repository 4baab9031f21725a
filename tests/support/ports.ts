/**
 * Loopback ports of the end-to-end setup, away from Meshplay's own 9081 and Astro's 4321.
 * TEST_PORT_OFFSET shifts them all, so that two checkouts can run their tests side by side.
 */
const offset = readOffset(process.env['TEST_PORT_OFFSET']);

/** Read TEST_PORT_OFFSET: a whole number from 0 to 40000, 0 when unset. */
function readOffset(raw: string | undefined): number {
  if (raw === undefined || raw.trim() === '') return 0;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > 40_000) {
    throw new Error(`TEST_PORT_OFFSET must be a whole number from 0 to 40000, such as 100, not "${raw}".`);
  }
  return value;
}

export const TEST_PORTS = {
  /** The built site at / (scripts/serve.ts). */
  site: 4391 + offset,
  /** The site built with SITE_BASE=/docs/, served under /docs/. */
  siteSubpath: 4392 + offset,
  /** The built site again, its proxy pointing at a Meshplay that is not running. */
  siteWithStoppedServer: 4393 + offset,
  /** Nothing listens here: a stopped Meshplay. */
  stoppedMeshplay: 19089 + offset,
  /** The Meshplay-like test server: cookie auth, no CORS. */
  meshplay: 19081 + offset,
  /** The same server behind a CORS-enabled reverse proxy. */
  meshplayCors: 19082 + offset,
  /** The built site as plain files only, as a docs host serves it: no proxy. */
  staticSite: 4394 + offset,
  /** The bridge (dist/meshplay-bridge.mjs) in front of the Meshplay test server. */
  bridge: 19180 + offset,
  /** Real nginx (deploy/nginx/meshplay-docs.conf) in front of the Meshplay test server, started by its test. */
  nginx: 19083 + offset,
} as const;
