/** How a try-it request reached the server: through this site's proxy, or straight from the browser. */
export type ServerMode = 'proxy' | 'direct' | 'custom';

/** What the playground saw of a request it sent. */
export type RequestOutcome =
  | { kind: 'network-error'; url: string }
  | { kind: 'response'; url: string; status: number; contentType: string; proxyError: string | undefined; body: string };

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
  /** Where requests go, for the messages ("http://localhost:9081"). */
  serverLabel: string;
}

const WAYS_OUT_OF_CORS = [
  'Run this site with "npm start" and choose to send requests through this site: its proxy turns your token into the cookies Meshplay reads.',
  'Copy the curl command below and run it in a terminal: curl is not a browser, so CORS does not apply.',
  "Put a reverse proxy in front of Meshplay that allows this page's origin (CORS) and turns the meshplay-token header into the token cookie.",
];

const NEW_TOKEN = [
  'Get a new token: in the Meshplay UI, open the avatar menu and choose Get Token, or run "meshplayctl system login".',
  'Load the new auth.json above, or paste the token, and execute the request again.',
];

/** Read the proxy's JSON error message, if the body is one. */
function proxyMessage(body: string): string | undefined {
  try {
    const parsed = JSON.parse(body) as { message?: unknown };
    return typeof parsed.message === 'string' ? parsed.message : undefined;
  } catch {
    return undefined;
  }
}

/** Explain a failed try-it request in words a reader can act on; undefined when there is nothing to explain. */
export function explainOutcome(outcome: RequestOutcome, context: ExplainContext): Explanation | undefined {
  if (outcome.kind === 'network-error') {
    if (context.pageProtocol === 'https:' && outcome.url.startsWith('http:')) {
      return {
        title: 'The browser blocked this request: mixed content',
        detail: `This page is served over HTTPS, so the browser refuses to call ${context.serverLabel} over plain HTTP.`,
        remedies: [
          'Serve Meshplay over HTTPS (for example behind a TLS-terminating reverse proxy) and use its https:// address.',
          ...WAYS_OUT_OF_CORS.slice(0, 2),
        ],
      };
    }
    if (context.mode === 'proxy') {
      return {
        title: "This site's proxy did not answer",
        detail: 'The request did not reach the proxy that "npm start" runs beside the site.',
        remedies: ['Check that "npm start" is still running, then execute the request again.', WAYS_OUT_OF_CORS[1] ?? ''],
      };
    }
    return {
      title: 'The browser blocked this request (CORS), or the server is unreachable',
      detail:
        `The browser could not get an answer from ${context.serverLabel} that this page may read. ` +
        'Meshplay sends no CORS headers, so a page on another origin cannot call it directly; the server may also be stopped or unreachable from this machine.',
      remedies: WAYS_OUT_OF_CORS,
    };
  }

  if (outcome.proxyError === 'auth-redirect') {
    return {
      title: 'Not signed in: the token is missing, invalid or expired',
      detail:
        proxyMessage(outcome.body) ??
        'Meshplay answered with a redirect to its sign-in page instead of the data. The proxy stopped the redirect so that you see this instead of an HTML page.',
      remedies: NEW_TOKEN,
    };
  }
  if (outcome.proxyError === 'unreachable') {
    return {
      title: 'Meshplay is unreachable',
      detail: proxyMessage(outcome.body) ?? `The proxy could not connect to ${context.serverLabel}.`,
      remedies: ['Start the Meshplay server, or restart "npm start" with MESHPLAY_SERVER set to its address.'],
    };
  }
  if (outcome.proxyError === 'timeout') {
    return {
      title: 'Meshplay is too slow to answer',
      detail: proxyMessage(outcome.body) ?? `${context.serverLabel} did not answer in time.`,
      remedies: ['Check that the server is not overloaded or stuck, then execute the request again.', WAYS_OUT_OF_CORS[1] ?? ''],
    };
  }
  if (outcome.proxyError !== undefined) {
    return {
      title: "This site's proxy refused the request",
      detail: proxyMessage(outcome.body) ?? `The proxy answered ${outcome.status}.`,
      remedies: [WAYS_OUT_OF_CORS[1] ?? ''],
    };
  }
  if (outcome.contentType.includes('text/html') && /\/api\//.test(outcome.url)) {
    // A browser follows Meshplay's 302 to /provider or /auth/login and gets the sign-in page.
    return {
      title: 'Not signed in: Meshplay sent its sign-in page',
      detail:
        'Meshplay redirected this request to its sign-in page, which means the token is missing, invalid or expired (the server answers 302, not 401).',
      remedies: NEW_TOKEN,
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
