import SwaggerUIBundle, { type ImmutableLike, type SwaggerRequest, type SwaggerUiSystem } from 'swagger-ui-dist/swagger-ui-es-bundle.js';
import type { SnippetRequest } from '../../lib/playground/curl-command.ts';
import type { RequestOutcome } from '../../lib/playground/explain-outcome.ts';
import type { PlaygroundResponse } from '../../lib/playground/response-check.ts';
import { PROXY_ERROR_HEADER } from '../../lib/playground/try-it-interface.ts';
import { resolveLocalSubtree } from './resolve-subtree.ts';
import { watchSwaggerUiMarkup } from './swagger-ui-a11y.ts';

// The contract check's drawing comes with Swagger UI (never with the page); the checker itself loads on the first response.
export { showContractVerdict } from './contract-verdict.ts';

declare global {
  interface Window {
    /** Set when this module (and so Swagger UI's bundle, which it imports) has run: the playground page's facade is measured by it. */
    __swaggerUiEvaluated?: boolean;
  }
}
window.__swaggerUiEvaluated = true;

export interface SwaggerUiHooks {
  /** Add or strip the token: the one place a request's headers are decided. */
  interceptRequest(request: SwaggerRequest): SwaggerRequest;
  /** Every try-it result, to explain failures. */
  onOutcome(outcome: RequestOutcome): void;
  /** The curl command Swagger UI shows for a request. */
  buildCurl(request: SnippetRequest): string;
  /**
   * Short notes shown above each response, such as "Demo data". The one place a response gets
   * labelled: the contract check's verdict belongs here too.
   */
  responseNotes(response: PlaygroundResponse): ResponseNote[];
}

/** A note above a response: its text, and a kind the page's CSS and tests can tell apart. */
export interface ResponseNote {
  kind: string;
  text: string;
  /** A longer explanation, shown as the note's tooltip and accessible description. */
  title?: string;
  /** For a note drawn later (the contract check): given its own `role="status"` region, where `text` shows until then. */
  fill?: (region: HTMLElement) => void;
}

/** The few React calls the response notes need, from Swagger UI's own React (the system's `React`). */
interface ReactLike {
  createElement(type: unknown, props: object | null, ...children: unknown[]): unknown;
  Fragment: unknown;
}

interface ResponseLike {
  url?: string;
  status?: number;
  headers?: Record<string, string>;
  text?: string;
}
interface ResponseRecord {
  error?: boolean;
  err?: { response?: ResponseLike };
}

/** Swagger UI's response record, reduced to what the explanations need. */
function toOutcome(record: ResponseRecord & ResponseLike, lastUrl: string, method: string): RequestOutcome {
  const response = record.error ? record.err?.response : record;
  if (!response || typeof response.status !== 'number') return { kind: 'network-error', url: lastUrl, method };
  const headers = response.headers ?? {};
  return {
    kind: 'response',
    url: response.url ?? lastUrl,
    method,
    status: response.status,
    contentType: headers['content-type'] ?? '',
    proxyError: headers[PROXY_ERROR_HEADER],
    body: typeof response.text === 'string' ? response.text : '',
  };
}

/** What Swagger UI hands its live response component: the response, and the operation it answers. */
interface LiveResponseProps {
  response: ImmutableLike;
  path: string;
  method: string;
  specSelectors: { requestFor(path: string, method: string): ImmutableLike | undefined };
}

/** One object per response, however often Swagger UI renders it: the contract check is run once per response. */
const shownResponses = new WeakMap<ImmutableLike, PlaygroundResponse>();

/** The response as the notes see it: its URL and headers (lower-case names), method, status and body. */
function shownResponse(props: LiveResponseProps): PlaygroundResponse {
  const known = shownResponses.get(props.response);
  if (known) return known;
  const headers = props.response.get('headers') as ImmutableLike | undefined;
  const raw = (headers?.toJS?.() as Record<string, unknown> | undefined) ?? {};
  const lower: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw)) lower[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
  const requestUrl = textOf(props.specSelectors.requestFor(props.path, props.method)?.get('url'), '');
  const status = props.response.get('status');
  const body = props.response.get('text');
  const shown: PlaygroundResponse = {
    url: textOf(props.response.get('url'), requestUrl),
    headers: lower,
    method: props.method.toUpperCase(),
    requestUrl,
    status: typeof status === 'number' ? status : undefined,
    body: typeof body === 'string' ? body : undefined,
  };
  shownResponses.set(props.response, shown);
  return shown;
}

/** Render Swagger UI's live response with the playground's notes above it. */
function withResponseNotes(React: ReactLike, Original: unknown, props: LiveResponseProps, hooks: SwaggerUiHooks): unknown {
  const notes = hooks.responseNotes(shownResponse(props));
  const original = React.createElement(Original, props);
  if (notes.length === 0) return original;
  const labels = notes.filter((note) => note.fill === undefined);
  const list = React.createElement(
    'p',
    { className: 'playground-response-notes', 'data-response-notes': '' },
    ...labels.map((note) =>
      React.createElement(
        'span',
        { key: note.kind, className: 'playground-response-note', 'data-note': note.kind, title: note.title },
        note.text,
      ),
    ),
  );
  // React renders these regions empty and never touches their content: the note's fill draws it.
  const regions = notes.filter((note) => note.fill !== undefined).map((note) => React.createElement('div', regionProps(note)));
  return React.createElement(React.Fragment, null, labels.length > 0 ? list : null, ...regions, original);
}

/** The props of a note's own region: a polite live region, filled once it is in the page. */
function regionProps(note: ResponseNote): object {
  return {
    key: note.kind,
    className: 'playground-response-check',
    'data-note': note.kind,
    role: 'status',
    title: note.title,
    ref: (region: HTMLElement | null) => {
      if (!region) return;
      if (!region.hasChildNodes()) region.textContent = note.text;
      note.fill?.(region);
    },
  };
}

/** Read a request body Swagger UI holds (a string, an Immutable map, or form data) as text. */
function bodyText(body: unknown): string | undefined {
  if (body === undefined || body === null) return undefined;
  if (typeof body === 'string') return body;
  const immutable = body as ImmutableLike;
  if (typeof immutable.toJS === 'function') return JSON.stringify(immutable.toJS());
  return JSON.stringify(body);
}

/** A string field of Swagger UI's request, or the fallback when it is missing or not a string. */
function textOf(value: unknown, fallback: string): string {
  return typeof value === 'string' ? value : fallback;
}

/** What Swagger UI holds as the spec's text: serialising the whole spec only for it to be recognised again would cost the page a 500 KB string. */
const SPEC_PLACEHOLDER = '{"openapi":"3.1.0"}';

/** How Swagger UI is laid out: the whole API (tags closed, deep links, a filter) or one operation, expanded. */
export interface MountOptions {
  operation: boolean;
}

/** Run an action, taking a malformed escape in the page's address (a URIError from Swagger UI's deep-link decoding) for no deep link. */
function ignoringMalformedAddress<A extends unknown[]>(original: (...args: A) => unknown): (...args: A) => unknown {
  return (...args: A) => {
    try {
      return original(...args);
    } catch (error) {
      if (error instanceof URIError) return undefined;
      throw error;
    }
  };
}

/** Render Swagger UI over a spec object, wired to the playground's token, server and explanations. */
export function mountSwaggerUi(domNode: HTMLElement, spec: unknown, hooks: SwaggerUiHooks, options: MountOptions): SwaggerUiSystem {
  let lastUrl = '';
  const playgroundPlugin = () => ({
    fn: {
      // The site's spec references only itself: resolve what Swagger UI asks for locally, not through ApiDOM (see resolve-subtree.ts).
      resolveSubtree: (document: unknown, path: Array<string | number>) => Promise.resolve(resolveLocalSubtree(document, path)),
      requestSnippetGenerator_curl_bash: (request: ImmutableLike) => {
        const headers = request.get('headers') as ImmutableLike | undefined;
        return hooks.buildCurl({
          method: textOf(request.get('method'), 'GET'),
          url: textOf(request.get('url'), ''),
          headers: (headers?.toJS?.() as Record<string, string> | undefined) ?? {},
          body: bodyText(request.get('body')),
        });
      },
    },
    wrapComponents: {
      // Notes above each live response (Swagger UI re-renders it with React, so the notes are React elements too).
      liveResponse: (Original: unknown, system: { React: ReactLike }) => (props: LiveResponseProps) =>
        withResponseNotes(system.React, Original, props, hooks),
    },
    statePlugins: {
      // Swagger UI decodes the whole address fragment when its config has loaded, and throws on `#/%E0%A4%A/x`.
      configs: { wrapActions: { loaded: (original: (...args: unknown[]) => unknown) => ignoringMalformedAddress(original) } },
      spec: {
        wrapActions: {
          // The spec is already an object: when Swagger UI parses the placeholder text, give it the object instead.
          parseToJson:
            (original: (text?: string) => unknown, system: { specActions: { updateJsonSpec(spec: unknown): unknown } }) =>
            (text?: string) => (text === SPEC_PLACEHOLDER ? system.specActions.updateJsonSpec(spec) : original(text)),
          setResponse:
            (original: (path: string, method: string, record: unknown) => unknown) =>
            (path: string, method: string, record: ResponseRecord & ResponseLike) => {
              hooks.onOutcome(toOutcome(record, lastUrl, method.toUpperCase()));
              return original(path, method, record);
            },
        },
      },
    },
  });

  // Handed over after construction rather than as the `spec` option, which Swagger UI deep-copies, serialises and parses again.
  const ui = SwaggerUIBundle({
    domNode,
    layout: 'BaseLayout',
    // An operation's panel leaves the page's address alone: its fragments are the page's own headings.
    deepLinking: !options.operation,
    // Never let ?url= or ?configUrl= in the page's address load another spec or config.
    queryConfigEnabled: false,
    validatorUrl: null,
    tryItOutEnabled: true,
    displayRequestDuration: true,
    persistAuthorization: false,
    defaultModelsExpandDepth: -1,
    // Tags start closed: 190 operations at once would switch Swagger UI to its virtual list,
    // which breaks deep links and Tab navigation; an opened tag or a deep link shows its operations.
    // One operation is shown expanded, ready to execute.
    docExpansion: options.operation ? 'full' : 'none',
    filter: !options.operation,
    requestSnippetsEnabled: true,
    requestSnippets: {
      generators: { curl_bash: { title: 'curl (bash)', syntax: 'bash' } },
      defaultExpanded: true,
      languages: ['curl_bash'],
    },
    presets: [SwaggerUIBundle.presets.apis],
    plugins: [playgroundPlugin],
    requestInterceptor: (request) => {
      lastUrl = request.url;
      return hooks.interceptRequest(request);
    },
  });
  ui.specActions.updateUrl('');
  ui.specActions.updateLoadingStatus('success');
  // Swagger UI's layout waits for a spec string; a short placeholder stands for the object (see parseToJson above).
  ui.specActions.updateSpec(SPEC_PLACEHOLDER);
  watchSwaggerUiMarkup(domNode);
  return ui;
}
