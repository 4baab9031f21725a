/**
 * Starts the Meshplay-like test servers for the end-to-end tests (Playwright's webServer):
 * the plain server (no CORS, cookie auth) and the CORS-enabled variant.
 */
import { startTestServer } from './meshplay-test-server.ts';
import { TEST_PORTS } from './ports.ts';

const plain = await startTestServer({ port: TEST_PORTS.meshplay });
const cors = await startTestServer({ port: TEST_PORTS.meshplayCors, corsProxy: true });
console.log(`Meshplay test server at ${plain.url}; CORS-enabled variant at ${cors.url}`);
