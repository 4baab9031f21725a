/**
 * The demo server of `npm start`: Stoplight Prism mocking the bundled spec from its examples,
 * so that a newcomer without a Meshplay still gets answers in the playground. It runs as a child
 * process on its own loopback port; its output is kept (the last few kilobytes) and shown only
 * when it fails; it is stopped with the process that started it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { get } from 'node:http';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import type { DemoStatus } from '../lib/playground/proxy-health.ts';

export interface DemoServerOptions {
  /** The bundled spec to mock (the built site's openapi/meshplay.json). */
  specPath: string;
  host?: string;
  /** 0 or unset: any free port. */
  port?: number;
  /** How long Prism may take to read the spec before the demo counts as failed. */
  startTimeoutMs?: number;
  /** Told once when the demo fails to start or stops on its own, with what it printed. */
  onFailure?: (message: string) => void;
  /** Told once when the demo answers, with how long it took. */
  onReady?: (url: string, elapsedMs: number) => void;
  /** The script to run with Prism's arguments: Prism's CLI unless set (tests use a stand-in). */
  cli?: string;
}

export interface DemoServer {
  url: string;
  /** Prism's process id, while it runs. */
  pid: number | undefined;
  status(): DemoStatus;
  /** Resolves true once Prism answers, false if it failed first. */
  ready: Promise<boolean>;
  /** Stop Prism (SIGTERM, then SIGKILL after a grace period); resolves when it has exited. */
  stop(): Promise<void>;
  /** Kill Prism at once, for a process that is exiting and cannot wait. */
  killNow(): void;
}

const DEFAULT_START_TIMEOUT_MS = 60_000;
const POLL_MS = 200;
const STOP_GRACE_MS = 3_000;
/** How much of Prism's output to keep for a failure message. */
const OUTPUT_TAIL_BYTES = 4_096;

/** Prism's command-line entry, from the installed package. */
export function prismCli(): string {
  const cli = createRequire(import.meta.url).resolve('@stoplight/prism-cli');
  if (!existsSync(cli)) throw new Error('@stoplight/prism-cli is not installed: run "npm install".');
  return cli;
}

/** A free loopback port, found by listening on port 0 and letting it go. */
export function findFreePort(host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, host, () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Whether anything answers HTTP at a URL (Prism answers unknown paths with a 404 problem document). */
function answers(url: string): Promise<boolean> {
  return new Promise((resolve) => {
    const req = get(url, { agent: false, timeout: 1_000 }, (res) => {
      res.resume();
      resolve(true);
    });
    req.on('error', () => resolve(false));
    req.on('timeout', () => {
      req.destroy();
      resolve(false);
    });
  });
}

/** Keep the end of a stream of output, for a failure message. */
function keepTail(child: ChildProcess): () => string {
  let tail = '';
  const add = (chunk: Buffer) => {
    tail = (tail + chunk.toString('utf8')).slice(-OUTPUT_TAIL_BYTES);
  };
  child.stdout?.on('data', add);
  child.stderr?.on('data', add);
  return () => summarizeOutput(tail);
}

/** Prism colours its log; a failure message is read in any terminal or log file. */
// eslint-disable-next-line no-control-regex
const ANSI_COLOUR = /\u001b\[[0-9;]*m/g;

/**
 * The part of Prism's output that says what failed: its error lines (marked "✖ fatal" or
 * "✖ error"; after a fatal error it also prints its whole usage), else the last lines.
 */
export function summarizeOutput(output: string): string {
  const lines = output
    .replace(ANSI_COLOUR, '')
    .split('\n')
    .map((line) => line.trimEnd())
    .filter((line) => line.trim() !== '');
  const errors = lines.filter((line) => /✖\s+(fatal|error)\b/.test(line));
  return (errors.length > 0 ? errors : lines.slice(-10)).join('\n');
}

/** Start Prism over the spec; returns at once with its URL, while Prism reads the spec. */
export async function startDemoServer(options: DemoServerOptions): Promise<DemoServer> {
  const host = options.host ?? '127.0.0.1';
  if (!existsSync(options.specPath)) throw new Error(`No spec for the demo server at ${options.specPath}: run "npm run build" first.`);
  const port = options.port || (await findFreePort(host));
  const url = `http://${host}:${port}`;
  const started = Date.now();
  const args = ['mock', '-h', host, '-p', String(port), '--errors', 'false', '--dynamic', 'false', '--cors', 'false'];
  const child = spawn(process.execPath, [options.cli ?? prismCli(), ...args, '-m', 'false', '-v', 'warn', options.specPath], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, FORCE_COLOR: '0' },
  });
  const output = keepTail(child);
  let status: DemoStatus = 'starting';
  let stopping = false;
  let exited = false;

  const fail = (why: string) => {
    if (status === 'failed' || stopping) return;
    status = 'failed';
    const said = output();
    options.onFailure?.(`${why}${said ? `\nWhat Prism printed:\n${said}` : ''}`);
  };
  const exitedOnce = new Promise<void>((resolve) => {
    child.once('exit', (code, signal) => {
      exited = true;
      // A Ctrl-C reaches Prism and this process together: give the stop a moment to say it was ours.
      setTimeout(() => fail(`The demo server (Prism) stopped ${signal ? `on ${signal}` : `with exit code ${String(code)}`}.`), 200);
      resolve();
    });
  });
  child.once('error', (error) => fail(`The demo server (Prism) could not start: ${error.message}.`));

  const ready = (async () => {
    const deadline = started + (options.startTimeoutMs ?? DEFAULT_START_TIMEOUT_MS);
    while (!exited && status === 'starting' && Date.now() < deadline) {
      if (await answers(`${url}/`)) {
        status = 'ready';
        options.onReady?.(url, Date.now() - started);
        return true;
      }
      await new Promise((done) => setTimeout(done, POLL_MS));
    }
    if (!exited && status === 'starting') {
      fail(`The demo server (Prism) did not answer within ${Math.round((deadline - started) / 1000)} s.`);
      child.kill('SIGKILL');
    }
    return false;
  })();

  return {
    url,
    pid: child.pid,
    status: () => status,
    ready,
    stop: async () => {
      stopping = true;
      if (exited) return;
      child.kill('SIGTERM');
      const grace = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
      await exitedOnce;
      clearTimeout(grace);
    },
    killNow: () => {
      stopping = true;
      if (!exited) child.kill('SIGKILL');
    },
  };
}
