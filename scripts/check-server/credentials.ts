/**
 * The session `npm run check-server` sends: the token from MESHPLAY_TOKEN, else from
 * ~/.meshplay/auth.json (what `meshplayctl system login` and the UI's Get Token write); the
 * provider from --provider, else from auth.json, else the remote provider Meshplay. Checked
 * with the session module, as every other place that takes a token.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  checkSession,
  LOCAL_PROVIDER,
  PROVIDER_COOKIE,
  TOKEN_COOKIE,
  TOKEN_VARIABLE,
  type Session,
} from '../../src/lib/meshplay/session.ts';

export type SessionResult = { ok: true; session: Session; source: string } | { ok: false; message: string };

interface AuthJson {
  provider: string | undefined;
  token: string | undefined;
}

/** Work out the session from the command line, the environment and auth.json. */
export function readSession(options: { provider: string | undefined; env: NodeJS.ProcessEnv; home: string }): SessionResult {
  if (options.provider === LOCAL_PROVIDER)
    return { ok: true, session: { provider: LOCAL_PROVIDER, token: '' }, source: `--provider ${LOCAL_PROVIDER}` };
  const path = join(options.home, '.meshplay', 'auth.json');
  const fromEnv = options.env[TOKEN_VARIABLE]?.trim();
  const auth = existsSync(path) ? readAuthJson(path) : undefined;
  if (auth && 'message' in auth) return { ok: false, message: auth.message };

  const provider = options.provider ?? auth?.provider;
  const token = fromEnv !== undefined && fromEnv !== '' ? fromEnv : auth?.token;
  if ((token === undefined || token === '') && provider !== LOCAL_PROVIDER) {
    return {
      ok: false,
      message: `No token: set ${TOKEN_VARIABLE} (the "token" of auth.json), or sign in with meshplayctl system login, which writes ~/.meshplay/auth.json. For a server with the local provider, pass --provider ${LOCAL_PROVIDER}.`,
    };
  }
  const source = fromEnv !== undefined && fromEnv !== '' ? TOKEN_VARIABLE : path;
  const check = checkSession(provider, provider === LOCAL_PROVIDER ? '' : token);
  if (!check.ok) return { ok: false, message: `${check.message} (token from ${source})` };
  return { ok: true, session: check.session, source };
}

/** Read auth.json: `{"meshplay-provider": "...", "token": "..."}`; a message when it cannot be used. */
function readAuthJson(path: string): AuthJson | { message: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    return {
      message: `${path} is not readable JSON (${error instanceof Error ? error.message : String(error)}): sign in again with meshplayctl system login, or set ${TOKEN_VARIABLE}.`,
    };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return { message: `${path} does not hold a JSON object: sign in again with meshplayctl system login, or set ${TOKEN_VARIABLE}.` };
  }
  const record = parsed as Record<string, unknown>;
  const provider = record[PROVIDER_COOKIE];
  const token = record[TOKEN_COOKIE];
  return { provider: typeof provider === 'string' ? provider : undefined, token: typeof token === 'string' ? token : undefined };
}
