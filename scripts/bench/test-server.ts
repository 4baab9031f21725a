/** Child process for the benchmark: the Meshplay-like test server on a free loopback port; prints its URL as JSON. */
import { startTestServer } from '../../tests/support/meshplay-test-server.ts';

const { server, url } = await startTestServer({ port: Number(process.env['PORT'] ?? '0'), host: '127.0.0.1' });
console.log(JSON.stringify({ url }));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
