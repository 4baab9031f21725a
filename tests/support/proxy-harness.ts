/** Helpers for the proxy and bridge tests: serve a proxy on a free port, send raw requests, close servers. */
import { createServer } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { createTryItProxy, PROXY_MAX_HEADER_SIZE, type TryItProxyOptions } from '../../src/server/try-it-proxy.ts';
import { closeServer } from './close-server.ts';

export interface RunningProxy {
  url: string;
  port: number;
  close(): Promise<void>;
}

export interface RawResponse {
  status: number;
  head: string;
  body: string;
}

/** Serve the proxy on a free port (loopback unless `host` is given), with a stand-in for the static site behind it. */
export async function startProxy(options: TryItProxyOptions, host = '127.0.0.1'): Promise<RunningProxy> {
  const proxy = createTryItProxy(options);
  const server = createServer({ maxHeaderSize: PROXY_MAX_HEADER_SIZE }, (req, res) => {
    if (proxy.handle(req, res)) return;
    res.writeHead(404, { 'Content-Type': 'text/plain' });
    res.end('static site: not found\n');
  });
  await new Promise<void>((done) => server.listen(0, host, done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${port}`,
    port,
    close: () => {
      proxy.close();
      return closeServer(server);
    },
  };
}

/** A loopback port with nothing listening on it. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  await closeServer(server);
  return port;
}

/** Send one request byte for byte (no client-side URL normalisation) and read the whole answer. */
export function sendRaw(port: number, requestLine: string, headers: Record<string, string> = {}, host = '127.0.0.1'): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, host);
    const all = { Host: `${host}:${port}`, Connection: 'close', ...headers };
    const lines = [requestLine, ...Object.entries(all).map(([name, value]) => `${name}: ${value}`)];
    socket.write(`${lines.join('\r\n')}\r\n\r\n`);
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const [head = '', body = ''] = text.split('\r\n\r\n', 2);
      resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1] ?? '0'), head, body });
    });
  });
}
