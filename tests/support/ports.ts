/** Loopback ports of the end-to-end setup, away from Meshplay's own 9081 and Astro's 4321. */
export const TEST_PORTS = {
  /** The built site at / (scripts/serve.ts). */
  site: 4391,
  /** The site built with SITE_BASE=/docs/, served under /docs/. */
  siteSubpath: 4392,
  /** The built site again, its proxy pointing at a Meshplay that is not running. */
  siteWithStoppedServer: 4393,
  /** Nothing listens here: a stopped Meshplay. */
  stoppedMeshplay: 19089,
  /** The Meshplay-like test server: cookie auth, no CORS. */
  meshplay: 19081,
  /** The same server behind a CORS-enabled reverse proxy. */
  meshplayCors: 19082,
} as const;
