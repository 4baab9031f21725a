/**
 * The routes the test server implements by hand: the ones tests depend on, written as the
 * Meshplay handlers behave (handler files named on each). With `drift`, five of them break
 * their contract on purpose, one way each, so that `npm run check-server` can be shown to see it.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { LOCAL_PROVIDER, PROVIDER_COOKIE, REMOTE_PROVIDER, TOKEN_COOKIE } from '../../../src/lib/meshplay/session.ts';
import { sendBlankMeshKitError, sendEncodedJson, sendHtml, sendHttpError, sendText } from './go-responses.ts';
import { PROVIDER_VERSION, SERVER_BUILD, type TestSession } from './session-middleware.ts';

/** What a route handler gets. */
export interface RouteContext {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  /** The session, for routes behind the session middleware. */
  session: TestSession | undefined;
  state: ServerState;
  /** Whether this server plays a Meshplay that drifted from its spec. */
  drift: boolean;
  /** Record a file the request carried, where the handler read it (upload routes). */
  receive: (file: ReceivedFile) => void;
}

/** A file an upload route received: the form field or JSON property it came in, and its bytes. */
export interface ReceivedFile {
  /** The multipart field (`k8sfile`) or the dotted JSON property (`pattern_data.pattern_file`). */
  field: string;
  /** The file name of a multipart part; undefined for a JSON property. */
  fileName: string | undefined;
  /** The bytes, base64-encoded (the request log is served as JSON). */
  base64: string;
}

/** What the server remembers between requests. */
export interface ServerState {
  /** Saved preferences by user. */
  preferences: Map<string, Record<string, unknown>>;
}

export interface Route {
  method: string;
  /** The path as the spec writes it. */
  path: string;
  /** Whether the route runs the session middleware. */
  session: boolean;
  handle: (context: RouteContext) => void | Promise<void>;
}

// Fields of models.Preference that a saved body can set; Go's decoder drops any other.
const PREFERENCE_FIELDS = [
  'meshAdapters',
  'grafana',
  'prometheus',
  'loadTestPrefs',
  'anonymousUsageStats',
  'anonymousPerfResults',
  'usersExtensionPreferences',
  'remoteProviderPreferences',
];

export const HAND_WRITTEN_ROUTES: readonly Route[] = [
  {
    // server/handlers/server_spec_handler.go:31-60: Content-Type set, then json.NewEncoder.
    method: 'GET',
    path: '/api/system/version',
    session: false,
    handle: ({ res, drift }) =>
      sendEncodedJson(
        res,
        200,
        { build: drift ? 7 : SERVER_BUILD, latest: 'v0.7.1', outdated: true, commitsha: '6f28af8a', release_channel: 'stable' },
        'application/json',
      ),
  },
  {
    // server/handlers/provider_handler.go:48-65: json.Marshal and w.Write, no Content-Type.
    method: 'GET',
    path: '/api/providers',
    session: false,
    handle: ({ res, drift }) => {
      const providers = {
        [LOCAL_PROVIDER]: { provider_type: 'local', provider_name: LOCAL_PROVIDER, package_version: SERVER_BUILD },
        [REMOTE_PROVIDER]: { provider_type: 'remote', provider_name: REMOTE_PROVIDER, package_version: PROVIDER_VERSION },
      };
      sendText(res, 200, JSON.stringify(providers), drift ? 'text/html; charset=utf-8' : undefined);
    },
  },
  {
    // server/handlers/user_handler.go:18-26: json.NewEncoder, no Content-Type. The local provider's user is fixed
    // (fetchUserDetails, server/models/default_local_provider.go:124-131); empty fields are left out (omitempty).
    method: 'GET',
    path: '/api/user',
    session: true,
    handle: ({ res, session, drift }) => {
      const user =
        session?.provider === LOCAL_PROVIDER
          ? { user_id: 'meshplay', first_name: 'Meshplay', last_name: 'Meshplay' }
          : {
              id: session?.subject,
              user_id: session?.subject,
              first_name: 'Meshplay',
              last_name: 'User',
              provider: session?.provider,
              email: 'user@example.test',
            };
      sendEncodedJson(res, drift ? 201 : 200, user);
    },
  },
  {
    // ExtractToken (server/models/remote_provider.go:3499-3523, default_local_provider.go:556-566): json.NewEncoder, no Content-Type.
    method: 'GET',
    path: '/api/token',
    session: true,
    handle: ({ res, session, drift }) => {
      const provider = session?.provider ?? LOCAL_PROVIDER;
      // The same two names as the cookies: auth.json is the session, ready to send back.
      const body: Record<string, string> = { [PROVIDER_COOKIE]: provider, [TOKEN_COOKIE]: session?.token ?? '' };
      if (drift) delete body[TOKEN_COOKIE];
      sendEncodedJson(res, 200, body);
    },
  },
  {
    // server/handlers/user_handler.go:69-87: the provider's page as application/json; the local provider has no users
    // (ErrLocalProviderSupport, whose long description is empty), so 404 and a lone newline.
    method: 'GET',
    path: '/api/identity/users',
    session: true,
    handle: ({ res, session, drift }) => {
      if (drift) {
        sendHttpError(res, 429, 'Too Many Requests');
        return;
      }
      if (session?.provider === LOCAL_PROVIDER) {
        sendBlankMeshKitError(res, 404);
        return;
      }
      const user = {
        id: session?.subject,
        user_id: session?.subject,
        first_name: 'Meshplay',
        last_name: 'User',
        email: 'user@example.test',
      };
      sendText(res, 200, JSON.stringify({ page: 0, page_size: 10, data: [user], total_count: 1 }), 'application/json');
    },
  },
  {
    // server/handlers/user_handler.go:104-111: the preferences with json.NewEncoder, no Content-Type.
    method: 'GET',
    path: '/api/user/prefs',
    session: true,
    handle: ({ res, session, state }) => sendEncodedJson(res, 200, preferencesOf(state, session)),
  },
  {
    // server/handlers/user_handler.go:113-171: the body decoded over the stored preferences, saved, and sent back.
    method: 'POST',
    path: '/api/user/prefs',
    session: true,
    handle: async ({ req, res, session, state }) => {
      const body = await readBody(req);
      let update: unknown;
      try {
        update = JSON.parse(body);
      } catch (error) {
        sendHttpError(res, 500, `unable to decode user preferences: ${error instanceof Error ? error.message : String(error)}`);
        return;
      }
      if (typeof update !== 'object' || update === null || Array.isArray(update)) {
        sendHttpError(res, 500, 'unable to decode user preferences: the body is not a JSON object');
        return;
      }
      const saved: Record<string, unknown> = { ...preferencesOf(state, session), updated_at: new Date().toISOString() };
      for (const field of PREFERENCE_FIELDS) if (field in update) saved[field] = (update as Record<string, unknown>)[field];
      state.preferences.set(session?.subject ?? 'meshplay', saved);
      sendEncodedJson(res, 200, saved);
    },
  },
  {
    method: 'POST',
    path: '/api/system/graphql/query',
    session: true,
    handle: async ({ req, res }) => {
      const body = await readBody(req);
      let query: unknown;
      try {
        query = (JSON.parse(body) as { query?: unknown }).query;
      } catch {
        sendHttpError(res, 400, 'json body could not be decoded');
        return;
      }
      if (typeof query !== 'string') {
        sendEncodedJson(res, 200, { errors: [{ message: 'no operation provided' }], data: null }, 'application/json');
        return;
      }
      sendEncodedJson(
        res,
        200,
        { data: { getAvailableNamespaces: [{ namespace: 'default' }, { namespace: 'meshplay' }] } },
        'application/json',
      );
    },
  },
  {
    method: 'GET',
    path: '/api/events',
    session: true,
    handle: ({ res }) => {
      // One of the two routes that do send a CORS header.
      res.writeHead(200, {
        'Content-Type': 'text/event-stream',
        'Cache-Control': 'no-cache',
        Connection: 'keep-alive',
        'Access-Control-Allow-Origin': '*',
      });
      let sent = 0;
      const timer = setInterval(() => {
        sent += 1;
        res.write(`data: ${JSON.stringify({ event_type: 1, summary: `event ${sent}`, details: 'from the test server' })}\n\n`);
        if (sent === 5) {
          clearInterval(timer);
          res.end();
        }
      }, 300);
      res.on('close', () => clearInterval(timer));
    },
  },
  { method: 'GET', path: '/provider', session: false, handle: ({ res }) => sendHtml(res, 'Choose a provider') },
  { method: 'GET', path: '/auth/login', session: false, handle: ({ res }) => sendHtml(res, 'Sign in to Meshplay') },
];

/** A user's stored preferences, or the defaults every session starts with. */
function preferencesOf(state: ServerState, session: TestSession | undefined): Record<string, unknown> {
  return (
    state.preferences.get(session?.subject ?? 'meshplay') ?? {
      anonymousUsageStats: true,
      anonymousPerfResults: true,
      updated_at: '2026-01-01T00:00:00Z',
    }
  );
}

/** The whole request body as text. */
export async function readBody(req: IncomingMessage): Promise<string> {
  return (await readBodyBytes(req)).toString('utf8');
}

/** The whole request body as bytes. */
export async function readBodyBytes(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
