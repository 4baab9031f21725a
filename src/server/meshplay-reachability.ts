/**
 * Does Meshplay answer at the proxy's target? `npm start` puts the answer in its health JSON, so
 * that the playground can offer the demo server instead of a proxy that only says "unreachable".
 */
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { VERSION_PATH } from '../lib/playground/same-origin.ts';

export interface ReachabilityOptions {
  /** How long to wait for a connection (and an answer) before calling the server unreachable. */
  timeoutMs?: number;
  /** How long an answer is reused, so that every page load does not cost a request to Meshplay. */
  cacheMs?: number;
}

const DEFAULT_TIMEOUT_MS = 1_500;
const DEFAULT_CACHE_MS = 10_000;

/**
 * Ask once: `GET /api/system/version` (public, no session). Any HTTP answer means reachable; so
 * does a connection that is open when the time is up, because Meshplay's version handler asks
 * GitHub for the latest release before it answers and can be slow offline. No connection, or an
 * error before any, means unreachable.
 */
export function checkReachable(target: string, timeoutMs: number = DEFAULT_TIMEOUT_MS): Promise<boolean> {
  return new Promise((resolve) => {
    const url = new URL(`${target.replace(/\/+$/, '')}${VERSION_PATH}`);
    let connected = false;
    let done = false;
    const finish = (reachable: boolean) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      req.destroy();
      resolve(reachable);
    };
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const req = send(url, { method: 'GET', agent: false, headers: { accept: 'application/json', connection: 'close' } }, (res) => {
      res.resume();
      finish(true);
    });
    req.on('socket', (socket) => socket.once('connect', () => (connected = true)));
    req.on('error', () => finish(connected));
    const timer = setTimeout(() => finish(connected), timeoutMs);
    req.end();
  });
}

/**
 * The last answer for one target, kept for `cacheMs` and asked again in the background when
 * older: the health answer is served at once, and one request at a time goes to Meshplay.
 * Undefined until the first answer (the playground then takes Meshplay as reachable).
 */
export function createReachabilityCache(target: string, options: ReachabilityOptions = {}): { latest(): boolean | undefined } {
  const cacheMs = options.cacheMs ?? DEFAULT_CACHE_MS;
  let answer: boolean | undefined;
  let askedAt = -Infinity;
  let asking = false;
  const ask = () => {
    asking = true;
    askedAt = Date.now();
    void checkReachable(target, options.timeoutMs ?? DEFAULT_TIMEOUT_MS).then((reachable) => {
      answer = reachable;
      asking = false;
    });
  };
  return {
    latest: () => {
      if (!asking && Date.now() - askedAt >= cacheMs) ask();
      return answer;
    },
  };
}
