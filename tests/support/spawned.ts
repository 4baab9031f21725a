/** Run a Node script of the project in its own process and wait for a line it prints (servers, the bridge). */
import { spawn, type ChildProcess } from 'node:child_process';

export interface Spawned {
  child: ChildProcess;
  /** Everything printed so far, stdout and stderr together. */
  output(): string;
  /** Wait for the process to exit; resolves with its exit code. */
  exited: Promise<number | null>;
  stop(): Promise<void>;
}

/** Start `node <args>` with extra environment variables, collecting what it prints. */
export function spawnNode(args: string[], env: Record<string, string> = {}): Spawned {
  const child = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let text = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    child,
    output: () => text,
    exited,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

/** Wait until the process prints a line matching `pattern`; fails with what it printed when it exits or times out first. */
export async function waitForOutput(spawned: Spawned, pattern: RegExp, timeoutMs = 15_000): Promise<RegExpExecArray> {
  const started = Date.now();
  for (;;) {
    const match = pattern.exec(spawned.output());
    if (match) return match;
    if (spawned.child.exitCode !== null)
      throw new Error(`exited (${spawned.child.exitCode}) before printing ${pattern}: ${spawned.output()}`);
    if (Date.now() - started > timeoutMs) throw new Error(`did not print ${pattern} within ${timeoutMs} ms: ${spawned.output()}`);
    await new Promise((done) => setTimeout(done, 25));
  }
}
