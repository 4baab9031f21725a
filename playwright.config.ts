import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './tests/support/chromium.ts';
import { TEST_PORTS } from './tests/support/ports.ts';

const chromium = findChromium();
const meshplay = `http://127.0.0.1:${TEST_PORTS.meshplay}`;

// The e2e tests run against the built sites (npm test builds them first): dist/ at /
// and dist-subpath/ (SITE_BASE=/docs/) under /docs/, plus the Meshplay-like test servers.
export default defineConfig({
  testDir: './tests/e2e',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  timeout: 30_000,
  use: {
    browserName: 'chromium',
    launchOptions: chromium?.executablePath ? { executablePath: chromium.executablePath, args: CHROMIUM_ARGS } : { args: CHROMIUM_ARGS },
    trace: 'retain-on-failure',
  },
  projects: [
    { name: 'site', use: { baseURL: `http://127.0.0.1:${TEST_PORTS.site}/` } },
    // Under /docs/, the journeys that depend on the base path (tests tagged @subpath).
    { name: 'subpath', grep: /@subpath/, use: { baseURL: `http://127.0.0.1:${TEST_PORTS.siteSubpath}/docs/` } },
  ],
  webServer: [
    {
      command: 'node tests/support/start-test-servers.ts',
      url: `${meshplay}/api/system/version`,
      reuseExistingServer: false,
    },
    {
      command: 'node scripts/serve.ts',
      url: `http://127.0.0.1:${TEST_PORTS.site}/`,
      env: {
        PORT: String(TEST_PORTS.site),
        SITE_DIR: 'dist',
        SITE_BASE: '/',
        MESHPLAY_SERVER: meshplay,
        MESHPLAY_PROXY_TIMEOUT_MS: '2000',
      },
      reuseExistingServer: false,
    },
    {
      command: 'node scripts/serve.ts',
      url: `http://127.0.0.1:${TEST_PORTS.siteSubpath}/docs/`,
      env: {
        PORT: String(TEST_PORTS.siteSubpath),
        SITE_DIR: 'dist-subpath',
        SITE_BASE: '/docs/',
        MESHPLAY_SERVER: meshplay,
        MESHPLAY_PROXY_TIMEOUT_MS: '2000',
        // One demo server is enough for the tests: the one beside the stopped Meshplay (and the site's, to check it is not chosen).
        DEMO_SERVER: 'off',
      },
      reuseExistingServer: false,
    },
    {
      command: 'node scripts/serve.ts',
      url: `http://127.0.0.1:${TEST_PORTS.siteWithStoppedServer}/`,
      env: {
        PORT: String(TEST_PORTS.siteWithStoppedServer),
        SITE_DIR: 'dist',
        SITE_BASE: '/',
        MESHPLAY_SERVER: `http://127.0.0.1:${TEST_PORTS.stoppedMeshplay}`,
      },
      reuseExistingServer: false,
    },
    {
      // The docs as a static host serves them: no proxy; the playground reaches Meshplay through the bridge or nginx.
      command: 'node tests/support/serve-static.ts',
      url: `http://127.0.0.1:${TEST_PORTS.staticSite}/`,
      env: { PORT: String(TEST_PORTS.staticSite), SITE_DIR: 'dist' },
      reuseExistingServer: false,
    },
    {
      // The bridge as readers run it: the file the build publishes.
      command: `node dist/meshplay-bridge.mjs --server ${meshplay} --port ${TEST_PORTS.bridge}`,
      url: `http://127.0.0.1:${TEST_PORTS.bridge}/api-proxy-health`,
      reuseExistingServer: false,
    },
  ],
});
