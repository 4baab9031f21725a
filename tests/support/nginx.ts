/**
 * Run real nginx (Debian's nginx-light) unprivileged for the tests: the template of
 * deploy/nginx/ filled in by the project's renderer, wrapped in a minimal nginx.conf whose
 * pid, logs and temporary files live in a temporary folder.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderNginxConfig, type NginxValues } from '../../src/lib/deploy/nginx-config.ts';

export const NGINX_BINARY = '/usr/sbin/nginx';
/** Why the nginx tests are skipped, or undefined when nginx is installed. */
export const NGINX_MISSING = existsSync(NGINX_BINARY)
  ? undefined
  : `nginx is not installed (${NGINX_BINARY}): install it with "sudo apt-get install -y nginx-light" to run the nginx test.`;

export interface RunningNginx {
  dir: string;
  /** nginx's error log, to show when something fails. */
  errors(): string;
  stop(): Promise<void>;
}

/** The main nginx.conf around a rendered template, with everything nginx writes kept in `dir`. */
function wrap(dir: string, serverConfig: string): string {
  const temp = (name: string) => join(dir, name);
  return [
    // As root nginx would hand its workers to "nobody", who may not read the checkout.
    ...(process.getuid?.() === 0 ? ['user root;'] : []),
    'worker_processes 1;',
    `pid ${temp('nginx.pid')};`,
    `error_log ${temp('error.log')} warn;`,
    'events { worker_connections 64; }',
    'http {',
    '  include /etc/nginx/mime.types;',
    '  default_type application/octet-stream;',
    `  access_log ${temp('access.log')};`,
    `  client_body_temp_path ${temp('body')};`,
    `  proxy_temp_path ${temp('proxy')};`,
    `  fastcgi_temp_path ${temp('fastcgi')};`,
    `  uwsgi_temp_path ${temp('uwsgi')};`,
    `  scgi_temp_path ${temp('scgi')};`,
    serverConfig,
    '}',
    '',
  ].join('\n');
}

/** Wait until something accepts connections on a loopback port. */
async function waitForPort(port: number, child: ChildProcess, errors: () => string): Promise<void> {
  const started = Date.now();
  for (;;) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1', () => {
        socket.end();
        resolve(true);
      });
      socket.on('error', () => resolve(false));
    });
    if (open) return;
    if (child.exitCode !== null) throw new Error(`nginx exited (${child.exitCode}): ${errors()}`);
    if (Date.now() - started > 10_000) throw new Error(`nginx did not listen on ${port}: ${errors()}`);
    await new Promise((done) => setTimeout(done, 50));
  }
}

/** Fill in a template of deploy/nginx/ and run nginx on it, listening on 127.0.0.1:<port>. */
export async function startNginx(template: string, port: number, values: NginxValues): Promise<RunningNginx> {
  const rendered = renderNginxConfig(readFileSync(template, 'utf8'), { ...values, LISTEN: `127.0.0.1:${port}` });
  if (!rendered.ok) throw new Error(`the nginx template could not be filled in: ${rendered.problems.join('; ')}`);
  const dir = mkdtempSync(join(tmpdir(), 'nginx-'));
  for (const name of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) mkdirSync(join(dir, name));
  const conf = join(dir, 'nginx.conf');
  writeFileSync(conf, wrap(dir, rendered.config));
  const errors = () => {
    try {
      return readFileSync(join(dir, 'error.log'), 'utf8');
    } catch {
      return '';
    }
  };
  let output = '';
  const child = spawn(NGINX_BINARY, ['-p', dir, '-c', conf, '-e', join(dir, 'error.log'), '-g', 'daemon off;'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  await waitForPort(port, child, () => `${output}${errors()}`);
  return {
    dir,
    errors,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((done) => child.once('exit', done));
        child.kill('SIGQUIT');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
