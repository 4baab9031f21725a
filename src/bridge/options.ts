/** The bridge's command line: what it accepts, and a sentence for everything it does not. */
import { DEFAULT_SERVER_URL } from '../lib/meshplay/session.ts';
import { normalizeOrigin } from '../server/proxy-cors.ts';
import { normalizeTarget } from '../server/try-it-proxy.ts';
import { BRIDGE_DEFAULT_PORT } from '../lib/playground/try-it-interface.ts';

/** Where the bridge listens unless told otherwise (the port the playground looks at): near Meshplay's 9081, away from common development ports. */
export const DEFAULT_BRIDGE_PORT = BRIDGE_DEFAULT_PORT;

export interface BridgeOptions {
  /** The one Meshplay server the bridge forwards to, normalised. */
  server: string;
  /** The loopback port to listen on; 0 lets the system pick a free one. */
  port: number;
  /** Docs origins allowed besides the built-in one and pages on this machine. */
  allowOrigins: string[];
}

export type ParsedArgs = { kind: 'run'; options: BridgeOptions } | { kind: 'help' } | { kind: 'error'; message: string };

export const USAGE = `Usage: node meshplay-bridge.mjs [--server <url>] [--port <port>] [--allow-origin <origin>]...

Lets the Meshplay REST API docs, opened in your browser, call your Meshplay server with
your token: the playground sends the token in a header, and the bridge forwards the request
to the server with it turned into the cookies Meshplay reads. It listens on 127.0.0.1 only,
forwards only to --server, and answers only the docs site and pages on this machine.

Options:
  --server <url>          The Meshplay server (default ${DEFAULT_SERVER_URL}).
  --port <port>           The port to listen on, on 127.0.0.1 (default ${DEFAULT_BRIDGE_PORT}; 0 picks a free one).
  --allow-origin <origin> Also answer pages of this origin, such as https://docs.example.com.
                          Repeat it (or separate origins with commas) for more than one.
  -h, --help              Show this help.

In the playground, choose the bridge, or set the custom server to
http://127.0.0.1:<port>/api-proxy.`;

/** Turn the command line into options, help, or a message saying what is wrong and what to do. */
export function parseBridgeArgs(argv: readonly string[]): ParsedArgs {
  let server = DEFAULT_SERVER_URL;
  let port = DEFAULT_BRIDGE_PORT;
  const allowOrigins: string[] = [];
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index] ?? '';
    if (arg === '-h' || arg === '--help') return { kind: 'help' };
    const equals = arg.indexOf('=');
    const name = arg.startsWith('--') && equals > 0 ? arg.slice(0, equals) : arg;
    const inline = arg.startsWith('--') && equals > 0 ? arg.slice(equals + 1) : undefined;
    if (name !== '--server' && name !== '--port' && name !== '--allow-origin') return { kind: 'error', message: unknownArgument(arg) };
    const value = inline ?? argv[index + 1];
    if (inline === undefined) index += 1;
    if (value === undefined || (inline === undefined && value.startsWith('--'))) return { kind: 'error', message: missingValue(name) };
    const problem = applyOption(name, value, (checked) => {
      if (name === '--server') server = checked;
      else if (name === '--port') port = Number(checked);
      else allowOrigins.push(checked);
    });
    if (problem !== undefined) return { kind: 'error', message: problem };
  }
  return { kind: 'run', options: { server, port, allowOrigins: [...new Set(allowOrigins)] } };
}

/** Check one option's value and hand on its checked form(s); returns what is wrong, or undefined. */
function applyOption(name: '--server' | '--port' | '--allow-origin', value: string, accept: (checked: string) => void): string | undefined {
  if (name === '--server') {
    try {
      accept(normalizeTarget(value));
      return undefined;
    } catch (error) {
      return `--server is not usable: ${(error as Error).message}. Give the address you open Meshplay at, such as --server ${DEFAULT_SERVER_URL}.`;
    }
  }
  if (name === '--port') {
    const port = /^\d{1,5}$/.test(value.trim()) ? Number(value.trim()) : Number.NaN;
    if (!(port >= 0 && port <= 65535))
      return `--port must be a number from 1 to 65535, such as --port ${DEFAULT_BRIDGE_PORT}, not "${value.slice(0, 40)}".`;
    accept(String(port));
    return undefined;
  }
  for (const part of value.split(',')) {
    if (part.trim() === '') continue;
    const checked = normalizeOrigin(part);
    if (!checked.ok) return `--allow-origin: ${checked.message}`;
    accept(checked.origin);
  }
  return undefined;
}

/** The message for an argument the bridge does not know. */
function unknownArgument(arg: string): string {
  const shown = arg.slice(0, 60);
  return arg.startsWith('-')
    ? `Unknown option "${shown}". The options are --server, --port and --allow-origin; run with --help to see them.`
    : `Unexpected argument "${shown}". Give the server as --server ${shown.startsWith('http') ? shown : DEFAULT_SERVER_URL}; run with --help to see the options.`;
}

/** The message for an option given without its value. */
function missingValue(name: string): string {
  const example = name === '--server' ? DEFAULT_SERVER_URL : name === '--port' ? String(DEFAULT_BRIDGE_PORT) : 'https://docs.example.com';
  return `${name} needs a value, such as ${name} ${example}.`;
}
