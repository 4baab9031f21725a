/** The processes the browser and proxy sections measure: the Meshplay-like test server and scripts/serve.ts. */
import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { freePort, ROOT, startNodeScript, stopChild, waitForUrl } from './util.ts';

export interface Running {
  url: string;
  port: number;
  /** Whether the process is still there. */
  alive(): boolean;
  stop(): Promise<void>;
}

/** Say on stderr when a server process ends before the benchmark stops it (a measurement after that is void). */
function watchExit(name: string, child: ChildProcess, output: () => string): { stopping(): void } {
  let expected = false;
  child.once('exit', (code, signal) => {
    if (!expected) console.error(`[bench] ${name} exited unexpectedly (code ${code}, signal ${signal}): ${output().slice(-1_000)}`);
  });
  return {
    stopping() {
      expected = true;
    },
  };
}

/** Start tests/support/meshplay-test-server.ts in its own process (on a free port unless given), so it does not share the benchmark's event loop. */
export async function startMeshplayTestServer(port = 0): Promise<Running> {
  const { child, output } = startNodeScript(join(ROOT, 'scripts', 'bench', 'test-server.ts'), { PORT: String(port) });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the test server did not start: ${output()}`)), 30_000);
    child.stdout?.on('data', () => {
      const line = output()
        .split('\n')
        .find((text) => text.startsWith('{"url"'));
      if (line === undefined) return;
      clearTimeout(timer);
      resolve((JSON.parse(line) as { url: string }).url);
    });
    child.once('exit', (code) => reject(new Error(`the test server exited (${code}): ${output()}`)));
  });
  const watch = watchExit('the Meshplay test server', child, output);
  return {
    url,
    port: Number(new URL(url).port),
    alive: () => child.exitCode === null && child.signalCode === null,
    stop: () => (watch.stopping(), stopChild(child)),
  };
}

/** Serve a folder with scripts/serve.ts (static files plus the try-it proxy to meshplayUrl) on a free port unless given. */
export async function startSite(siteDir: string, meshplayUrl: string, fixedPort?: number): Promise<Running> {
  const port = fixedPort ?? (await freePort());
  const { child, output } = startNodeScript(join(ROOT, 'scripts', 'serve.ts'), {
    SITE_DIR: siteDir,
    PORT: String(port),
    HOST: '127.0.0.1',
    SITE_BASE: '/',
    MESHPLAY_SERVER: meshplayUrl,
  });
  const url = `http://127.0.0.1:${port}`;
  await waitOrExplain(child, output, `${url}/`);
  const watch = watchExit(`scripts/serve.ts (${siteDir})`, child, output);
  return { url, port, alive: () => child.exitCode === null && child.signalCode === null, stop: () => (watch.stopping(), stopChild(child)) };
}

/** Wait for a server's URL, or fail with what the process printed. */
async function waitOrExplain(child: ChildProcess, output: () => string, url: string): Promise<void> {
  const exited = new Promise<never>((_, reject) => child.once('exit', (code) => reject(new Error(`${url} exited (${code}): ${output()}`))));
  await Promise.race([waitForUrl(url), exited]);
}

export interface KeptRunning {
  url: string;
  /** How often it had to be started again. */
  restarts: number;
  /** Start it again on the same port if something else ended it; call before each measurement. */
  ensure(): Promise<void>;
  stop(): Promise<void>;
}

/** Keep a server running: on this shared machine another process may end it mid-run, which would void every later measurement. */
export async function keepRunning(name: string, start: (port?: number) => Promise<Running>): Promise<KeptRunning> {
  let current = await start();
  const kept: KeptRunning = {
    url: current.url,
    restarts: 0,
    async ensure() {
      if (current.alive()) return;
      console.error(`[bench] ${name} is gone; starting it again on port ${current.port}`);
      kept.restarts += 1;
      current = await start(current.port);
    },
    stop: () => current.stop(),
  };
  return kept;
}
