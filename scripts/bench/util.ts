/** Small helpers shared by the benchmark sections: statistics, ports, processes, formatting. */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

/** The project root (two folders above this file). */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url)).replace(/\/+$/, '');

/** The Node binary running this script (Node 24 from the `node` devDependency under npm). */
export const NODE = process.execPath;

/** Median of a list of numbers; NaN when empty. */
export function median(values: readonly number[]): number {
  return percentile(values, 50);
}

/** The p-th percentile (nearest rank) of a list; NaN when empty. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] ?? Number.NaN;
}

/** Round to a number of decimals (for JSON and tables). */
export function round(value: number, decimals = 1): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

/** Bytes as KB (1 KB = 1024 B) with one decimal. */
export function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

/** Milliseconds as "123 ms", or "–" when not a number. */
export function ms(value: number | undefined): string {
  return value === undefined || Number.isNaN(value) ? '–' : `${Math.round(value)} ms`;
}

/** A ratio as "0.42×", or "–" when either side is missing. */
export function ratio(value: number | undefined, against: number | undefined): string {
  if (value === undefined || against === undefined || Number.isNaN(value) || Number.isNaN(against) || against === 0) return '–';
  return `${(value / against).toFixed(2)}×`;
}

/** A free TCP port on loopback. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Resolve after a number of milliseconds. */
export function sleep(milliseconds: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, milliseconds));
}

/** Poll a URL until it answers (any status) or the timeout passes. */
export async function waitForUrl(url: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const response = await fetch(url);
      await response.arrayBuffer();
      return;
    } catch (error) {
      if (Date.now() > deadline)
        throw new Error(`${url} did not answer within ${timeoutMs} ms: ${(error as Error).message}`, { cause: error });
      await sleep(100);
    }
  }
}

/** Stop a child process started by the benchmark (SIGTERM, then SIGKILL after 5 s). */
export async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

const tracked = new Set<ChildProcess>();

/** Remember a child process (started in its own process group) so that a signal to the benchmark also ends it. */
export function track(child: ChildProcess): ChildProcess {
  tracked.add(child);
  child.once('exit', () => tracked.delete(child));
  return child;
}

/** Send SIGTERM to the process group of every tracked child still running. */
export function killTracked(): void {
  for (const child of tracked) {
    if (child.pid === undefined) continue;
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      // Already gone.
    }
  }
}

/** Start a Node script of the project as a child process, its output kept for error messages. */
export function startNodeScript(script: string, env: NodeJS.ProcessEnv): { child: ChildProcess; output: () => string } {
  const child = track(
    spawn(NODE, [script], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true }),
  );
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-8_000);
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-8_000);
  });
  return { child, output: () => output };
}

/** The message of an unknown thrown value. */
export function errorMessage(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? ` (${error.cause.message})` : '';
  return `${error.message}${cause}`;
}
