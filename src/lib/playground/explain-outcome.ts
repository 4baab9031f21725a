import { isLoopbackHostname } from './bridge.ts';
import type { ServerMode } from './server-choice.ts';

export type { ServerMode } from './server-choice.ts';

/** What the playground saw of a request it sent. */
export type RequestOutcome =
  | { kind: 'network-error'; url: string; method: string }
  | {
      kind: 'response';
      url: string;
      method: string;
      status: number;
      contentType: string;
      /** The `x-try-it-proxy` header: set by a proxy or bridge on the answers it writes itself. */
      proxyError: string | undefined;
      body: string;
    };

/**
 * Which session went with the request: the reader's token, the local provider's name alone,
 * nothing, or (same origin) whatever session cookie the browser holds for Meshplay.
 */
export type SentSession = 'token' | 'local-provider' | 'none' | 'browser-session';

export interface Explanation {
  title: string;
  detail: string;
  /** What the reader can do about it, most useful first. */
  remedies: string[];
}

export interface ExplainContext {
  mode: ServerMode;
  /** The page's own protocol ("https:"), to recognise mixed content. */
  pageProtocol: string;
  /** The page's origin ("https://docs.example.com"), for the bridge's --allow-origin and same-origin sign-in. */
  pageOrigin: string;
  /** The Meshplay server behind the chosen way, for the messages ("http://localhost:9081"). */
  serverLabel: string;
  sent: SentSession;
  /** The command that starts the bridge for this page, when the bridge is chosen. */
  bridgeCommand: string | undefined;
}

/** Methods that change something: Meshplay answers them without a session with an empty 404 instead of a redirect. */
const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

const CURL_WAY = 'Copy the curl command below and run it in a terminal: curl is not a browser, so CORS does not apply.';

const WAYS_OUT_OF_CORS = [
  'Start the bridge on this computer and choose "through the bridge" above: it turns your token into the cookies Meshplay reads.',
  'Run this site with "npm start" and choose to send requests through this site: its proxy does the same.',
  CURL_WAY,
  "Put a reverse proxy in front of Meshplay that allows this page's origin (CORS) and turns the meshplay-token header into the token cookie.",
];

const NEW_TOKEN = [
  'Get a new token: in the Meshplay UI, open the avatar menu and choose Get Token, or run "meshplayctl system login".',
  'Load the new auth.json above, or paste the token, and execute the request again.',
];

/** A refusal written by a proxy, the bridge or the demo proxy: its code and message. */
interface ProxyRefusal {
  code: string;
  message: string | undefined;
}

/** Read a JSON body's `error` and `message`, if the body is such an object. */
function readJsonError(body: string): { error: string | undefined; message: string | undefined } {
  try {
    const parsed = JSON.parse(body) as { error?: unknown; message?: unknown };
    return {
      error: typeof parsed.error === 'string' ? parsed.error : undefined,
      message: typeof parsed.message === 'string' ? parsed.message : undefined,
    };
  } catch {
    return { error: undefined, message: undefined };
  }
}

/** Whether a mode sends requests through one of our proxies (which write JSON refusals), not to Meshplay itself. */
function throughProxy(mode: ServerMode): boolean {
  return mode === 'proxy' || mode === 'bridge' || mode === 'demo';
}

/**
 * The proxy's own refusal, if this answer is one: the `x-try-it-proxy` header, or (through a
 * proxy only: Meshplay writes plain-text errors) a JSON body with an `error` code and a `message`.
 */
function readRefusal(outcome: Extract<RequestOutcome, { kind: 'response' }>, mode: ServerMode): ProxyRefusal | undefined {
  const json = readJsonError(outcome.body);
  if (outcome.proxyError !== undefined) return { code: outcome.proxyError, message: json.message };
  if (!throughProxy(mode) || !outcome.contentType.includes('json') || json.error === undefined || json.message === undefined)
    return undefined;
  return { code: json.error, message: json.message };
}

/** What to call the thing that refused: the reader knows it by the choice they made. */
function proxyName(mode: ServerMode): string {
  if (mode === 'bridge') return 'The bridge';
  if (mode === 'demo') return "The demo server's proxy";
  return "This site's proxy";
}

/** Whether a URL's host is this computer (the bridge, or a local Meshplay): browsers treat those as secure, so no mixed content. */
function isLoopbackUrl(url: string): boolean {
  try {
    return isLoopbackHostname(new URL(url).hostname);
  } catch {
    return false;
  }
}

/** Remedies that start the bridge: its command when known. */
function startBridge(context: ExplainContext): string {
  return context.bridgeCommand
    ? `Start the bridge on this computer: ${context.bridgeCommand} (download it with the link above, next to "Check again").`
    : 'Start the bridge on this computer with the command shown above the playground.';
}

/** Explain a request that got no answer the page may read. */
function explainNetworkError(outcome: Extract<RequestOutcome, { kind: 'network-error' }>, context: ExplainContext): Explanation {
  if (context.pageProtocol === 'https:' && outcome.url.startsWith('http:') && !isLoopbackUrl(outcome.url)) {
    return {
      title: 'The browser blocked this request: mixed content',
      detail: `This page is served over HTTPS, so the browser refuses to call ${context.serverLabel} over plain HTTP.`,
      remedies: [
        'Serve Meshplay over HTTPS (for example behind a TLS-terminating reverse proxy) and use its https:// address.',
        WAYS_OUT_OF_CORS[0] ?? '',
        CURL_WAY,
      ],
    };
  }
  switch (context.mode) {
    case 'proxy':
      return {
        title: "This site's proxy did not answer",
        detail: 'The request did not reach the proxy that "npm start" runs beside the site.',
        remedies: ['Check that "npm start" is still running, then execute the request again.', CURL_WAY],
      };
    case 'demo':
      return {
        title: 'The demo server did not answer',
        detail: 'The request did not reach "npm start", which serves the demo server beside the site.',
        remedies: ['Check that "npm start" is still running, then execute the request again.'],
      };
    case 'bridge':
      return {
        title: 'The bridge on this computer did not answer',
        detail:
          `Nothing answered at ${new URL(outcome.url).origin}: the bridge is not running, listens on another port, ` +
          "or refused this page's origin; or the browser did not allow this page to reach devices on your local network.",
        remedies: [
          startBridge(context),
          'If the browser asks whether this site may access devices on your local network (or apps on this device), allow it: the bridge runs on this computer. If you blocked it, allow it again in the site settings (the icon left of the address).',
          'If the bridge runs on another port, enter that port above, then choose "Check again".',
          CURL_WAY,
        ],
      };
    case 'same-origin':
      return {
        title: 'Meshplay did not answer, or sent you to a sign-in page on another site',
        detail: `The request to ${context.serverLabel} got no answer this page may read. Without a session, Meshplay redirects to its remote provider's sign-in page, which is on another site.`,
        remedies: [
          `Sign in to Meshplay in this browser (${context.pageOrigin}/provider), then execute the request again.`,
          'If you are signed in, check that the Meshplay server is running.',
        ],
      };
    case 'direct':
    case 'custom':
      return {
        title: 'The browser blocked this request (CORS), or the server is unreachable',
        detail:
          `The browser could not get an answer from ${context.serverLabel} that this page may read. ` +
          'Meshplay sends no CORS headers, so a page on another origin cannot call it directly; the server may also be stopped or unreachable from this machine.',
        remedies: WAYS_OUT_OF_CORS,
      };
  }
}

/** Explain a refusal written by this site's proxy, the bridge or the demo proxy. */
function explainRefusal(refusal: ProxyRefusal, status: number, context: ExplainContext): Explanation {
  const who = proxyName(context.mode);
  switch (refusal.code) {
    case 'auth-redirect':
      return {
        title: 'Not signed in: the token is missing, invalid or expired',
        detail:
          refusal.message ??
          `Meshplay answered with a redirect to its sign-in page instead of the data. ${who} stopped the redirect so that you see this instead of an HTML page.`,
        remedies: NEW_TOKEN,
      };
    case 'unreachable':
      if (context.mode === 'demo') {
        return {
          title: 'The demo server has stopped',
          detail: refusal.message ?? 'npm start could not reach its demo server.',
          remedies: ['Read what "npm start" printed in its terminal, then restart it.'],
        };
      }
      return {
        title: 'Meshplay is unreachable',
        detail: refusal.message ?? `${who} could not connect to ${context.serverLabel}.`,
        remedies: [
          context.mode === 'bridge'
            ? 'Start the Meshplay server, or restart the bridge with --server set to its address.'
            : 'Start the Meshplay server, or restart "npm start" with MESHPLAY_SERVER set to its address.',
        ],
      };
    case 'timeout':
      return {
        title: 'Meshplay is too slow to answer',
        detail: refusal.message ?? `${context.serverLabel} did not answer in time.`,
        remedies: ['Check that the server is not overloaded or stuck, then execute the request again.', CURL_WAY],
      };
    case 'demo-failed':
      return {
        title: 'The demo server has stopped',
        detail: refusal.message ?? 'npm start could not start its demo server.',
        remedies: ['Read what "npm start" printed in its terminal, then restart it.'],
      };
    case 'demo-starting':
      return {
        title: 'The demo server is still starting',
        detail: refusal.message ?? 'npm start is still reading the spec into the demo server.',
        remedies: ['Wait a few seconds, then execute the request again.'],
      };
    case 'host-not-allowed':
      return {
        title: `${who} refused the host name of this request`,
        detail:
          refusal.message ??
          `${who} answers only requests addressed to localhost or an IP address, so that another website cannot reach it under a name of its own (DNS rebinding).`,
        remedies: [
          context.mode === 'bridge'
            ? 'Use the bridge at 127.0.0.1 (the playground does): reach it by no other name.'
            : 'Open this site at http://localhost or http://127.0.0.1 with the port "npm start" printed, or start it with HOST set to the name you use.',
        ],
      };
    case 'bad-header':
      return {
        title: 'The token was refused before it reached Meshplay',
        detail: refusal.message ?? `${who} could not make Meshplay's session cookies from the token and provider.`,
        remedies: ['Paste the token again, or load the auth.json that Get Token downloaded.'],
      };
    default:
      if (status === 403 && context.mode === 'bridge') {
        // Any other 403 of the bridge is about who is calling: this page's origin.
        return {
          title: "The bridge refused this page's origin",
          detail:
            refusal.message ??
            `The bridge answers only the docs origin it was built for, loopback pages, and origins given with --allow-origin.`,
          remedies: [
            `Restart the bridge with --allow-origin ${context.pageOrigin}${context.bridgeCommand ? `: ${context.bridgeCommand}` : ''}`,
            CURL_WAY,
          ],
        };
      }
      return {
        title: `${who} refused the request`,
        detail: refusal.message ?? `${who} answered ${status}.`,
        remedies: [CURL_WAY],
      };
  }
}

/** Read a problem+json body's title and detail (the demo server writes those). */
function readProblem(body: string): string | undefined {
  try {
    const parsed = JSON.parse(body) as { title?: unknown; detail?: unknown };
    const parts = [parsed.title, parsed.detail].filter((part): part is string => typeof part === 'string' && part !== '');
    return parts.length > 0 ? parts.join(': ') : undefined;
  } catch {
    return undefined;
  }
}

/** Explain an answer that Meshplay (or the demo server) wrote, when it needs explaining. */
function explainServerAnswer(outcome: Extract<RequestOutcome, { kind: 'response' }>, context: ExplainContext): Explanation | undefined {
  const sameOrigin = context.mode === 'same-origin';
  const signIn = sameOrigin
    ? [`Sign in to Meshplay in this browser (${context.pageOrigin}/provider), then execute the request again.`]
    : NEW_TOKEN;
  if (outcome.contentType.includes('text/html') && /\/api\//.test(outcome.url)) {
    // A browser follows Meshplay's 302 to /provider or /auth/login and gets the sign-in page.
    return {
      title: 'Not signed in: Meshplay sent its sign-in page',
      detail: sameOrigin
        ? 'Meshplay redirected this request to its sign-in page: your browser has no valid Meshplay session on this origin (the server answers 302, not 401).'
        : 'Meshplay redirected this request to its sign-in page, which means the token is missing, invalid or expired (the server answers 302, not 401).',
      remedies: signIn,
    };
  }
  const method = outcome.method.toUpperCase();
  if (WRITE_METHODS.has(method) && outcome.status === 404 && outcome.body.trim() === '') {
    if (context.sent === 'none' || context.sent === 'browser-session') {
      return {
        title: `Not signed in: Meshplay answers a ${method} without a session with an empty 404`,
        detail:
          (context.sent === 'none' ? 'No token went with this request. ' : 'Your browser may have no Meshplay session on this origin. ') +
          'For a write without a session, Meshplay answers 404 with an empty body instead of a redirect to its sign-in page, so it looks like "not found": the route may well exist.',
        remedies:
          context.sent === 'none'
            ? ['Paste your token or load auth.json above, then execute the request again.', NEW_TOKEN[0] ?? '']
            : signIn,
      };
    }
  }
  if (context.mode === 'demo' && outcome.status >= 400 && outcome.contentType.includes('problem+json')) {
    return {
      title: `The demo server answered ${outcome.status}`,
      detail: `${readProblem(outcome.body) ?? 'It refused the request.'} The demo server checks each request against the spec and answers from its examples; it is not Meshplay.`,
      remedies: [
        'Check the parameters and the body against the operation above.',
        'To see what Meshplay answers, choose a real server above.',
      ],
    };
  }
  if (outcome.status >= 500) {
    return {
      title: `Meshplay answered ${outcome.status}`,
      detail: 'The server reports an error; its message is the plain-text body shown below.',
      remedies: [
        'Read the message in the response body; with the local provider None some routes answer "Method not supported by local provider".',
      ],
    };
  }
  return undefined;
}

/** Explain a failed try-it request in words a reader can act on; undefined when there is nothing to explain. */
export function explainOutcome(outcome: RequestOutcome, context: ExplainContext): Explanation | undefined {
  if (outcome.kind === 'network-error') return explainNetworkError(outcome, context);
  const refusal = readRefusal(outcome, context.mode);
  if (refusal) return explainRefusal(refusal, outcome.status, context);
  return explainServerAnswer(outcome, context);
}
