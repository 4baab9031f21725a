/**
 * A built site served as plain files, as a static docs host does: no try-it proxy, no demo.
 * Listens on a free loopback port.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createStaticSite } from '../../src/server/static-site.ts';
import { closeServer } from './close-server.ts';

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

/** Serve `dir` under `base` on 127.0.0.1 and a free port. */
export async function startStaticOnlySite(dir: string, base = '/'): Promise<RunningServer> {
  const site = createStaticSite(dir, base);
  const server = createServer((req, res) => site(req, res));
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => closeServer(server) };
}
