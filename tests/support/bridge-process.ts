/**
 * Runs the bridge as a reader does with `npm run bridge -- --server <url> --port <port>`
 * (its source entry, src/bridge/cli.ts). Resolves once its health answers.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { bridgeHealthUrl } from '../../src/lib/playground/bridge.ts';

const ENTRY = fileURLToPath(new URL('../../src/bridge/cli.ts', import.meta.url));

export interface RunningBridge {
  stop(): Promise<void>;
}

/** Start the bridge for `server` on `port`, and wait until it answers its health check. */
export async function startBridgeProcess(server: string, port: number): Promise<RunningBridge> {
  const child = spawn(process.execPath, [ENTRY, '--server', server, '--port', String(port)], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The bridge stopped at once (exit code ${child.exitCode}):\n${output}`);
    try {
      if ((await fetch(bridgeHealthUrl(port))).ok) return { stop };
    } catch {
      // Not listening yet.
    }
    await new Promise((done) => setTimeout(done, 100));
  }
  await stop();
  throw new Error(`The bridge did not answer on port ${port} within 15 s:\n${output}`);
}
