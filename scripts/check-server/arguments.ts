/** The command line of `npm run check-server`: what it accepts, and a clear message for what it does not. */
import { parseArgs } from 'node:util';
import { DEFAULT_SERVER_URL, LOCAL_PROVIDER, isProviderName, providerNameProblem } from '../../src/lib/meshplay/session.ts';

export interface CheckServerArguments {
  /** The server's base URL, without a trailing slash. */
  server: string;
  json: boolean;
  timeoutMs: number;
  /** A provider named on the command line (`--provider None` for the local provider). */
  provider: string | undefined;
}

export type ParsedArguments = { ok: true; value: CheckServerArguments } | { ok: false; message: string } | { ok: 'help' };

export const USAGE = `Usage: npm run check-server -- --server URL [--provider NAME] [--timeout-ms N] [--json]

Calls every safe operation of the spec (GET, no side effects, no event stream) on a running
Meshplay server and checks each response against what the spec documents. It never calls a write.

  --server URL       the Meshplay server, for example ${DEFAULT_SERVER_URL}
  --provider NAME    the provider of the session; ${LOCAL_PROVIDER} for the local provider, which needs no token
  --timeout-ms N     how long to wait for each response (default 10000)
  --json             print the results as JSON

The token comes from MESHPLAY_TOKEN, else from ~/.meshplay/auth.json (meshplayctl system login).
Exit status: 0 every called operation matches, 1 drift, 2 bad usage or the server cannot be reached.`;

const DEFAULT_TIMEOUT_MS = 10_000;

/** Parse and check the arguments after `--`. */
export function parseArguments(argv: readonly string[]): ParsedArguments {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      options: {
        server: { type: 'string' },
        provider: { type: 'string' },
        'timeout-ms': { type: 'string' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      allowPositionals: false,
      strict: true,
    });
  } catch (error) {
    return {
      ok: false,
      message: `${error instanceof Error ? error.message : String(error)}. Run npm run check-server -- --help for the options.`,
    };
  }
  const { values } = parsed;
  if (values.help) return { ok: 'help' };
  if (values.server === undefined || values.server.trim() === '') {
    return {
      ok: false,
      message: `--server is missing: say which Meshplay server to check, for example npm run check-server -- --server ${DEFAULT_SERVER_URL}`,
    };
  }
  const server = checkServerUrl(values.server.trim());
  if (!server.ok) return server;
  const timeout = checkTimeout(values['timeout-ms']);
  if (!timeout.ok) return timeout;
  if (values.provider !== undefined && !isProviderName(values.provider))
    return { ok: false, message: `--provider: ${providerNameProblem(values.provider)}` };
  return { ok: true, value: { server: server.value, json: values.json, timeoutMs: timeout.value, provider: values.provider } };
}

/** An http(s) URL without credentials, query or fragment; returned without its trailing slash. */
function checkServerUrl(raw: string): { ok: true; value: string } | { ok: false; message: string } {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return {
      ok: false,
      message: `--server "${raw}" is not a URL: give the server's address with its scheme, for example ${DEFAULT_SERVER_URL}`,
    };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return {
      ok: false,
      message: `--server must be an http or https URL, not ${url.protocol.slice(0, -1)}: for example ${DEFAULT_SERVER_URL}`,
    };
  }
  if (url.username !== '' || url.password !== '') {
    return {
      ok: false,
      message: `--server must not contain a user name or password: the session goes in cookies, from MESHPLAY_TOKEN or ~/.meshplay/auth.json. Give only the address, for example ${url.protocol}//${url.host}`,
    };
  }
  if (url.search !== '' || raw.includes('?')) {
    return { ok: false, message: `--server must not have a query (?...): give the server's base address, for example ${url.origin}` };
  }
  if (url.hash !== '' || raw.includes('#'))
    return { ok: false, message: `--server must not have a fragment (#...): give the server's base address, for example ${url.origin}` };
  return { ok: true, value: url.href.replace(/\/+$/, '') };
}

/** A whole number of milliseconds from 1 to 600000. */
function checkTimeout(raw: string | undefined): { ok: true; value: number } | { ok: false; message: string } {
  if (raw === undefined) return { ok: true, value: DEFAULT_TIMEOUT_MS };
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > 600_000) {
    return { ok: false, message: `--timeout-ms must be a whole number of milliseconds from 1 to 600000, such as 10000, not "${raw}"` };
  }
  return { ok: true, value };
}
