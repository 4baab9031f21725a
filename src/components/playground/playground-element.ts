import type { SwaggerRequest, SwaggerUiSystem } from 'swagger-ui-dist/swagger-ui-es-bundle.js';
import { CREDENTIAL_HEADERS, PROVIDER_COOKIE, PROVIDER_HEADER, REMOTE_PROVIDER, TOKEN_HEADER } from '../../lib/meshplay/session.ts';
import { buildCurlCommand } from '../../lib/playground/curl-command.ts';
import { DEMO_LABEL, isDemoResponse } from '../../lib/playground/demo-label.ts';
import { explainOutcome, type Explanation, type SentSession } from '../../lib/playground/explain-outcome.ts';
import type { PlaygroundResponse } from '../../lib/playground/response-check.ts';
import { parseDeepLink } from '../../lib/playground/deep-link.ts';
import { describeRequestRoute } from '../../lib/playground/request-route.ts';
import { carriesToken } from '../../lib/playground/server-choice.ts';
import { getDefaultServerUrl, withServer } from '../../lib/playground/spec-servers.ts';
import { mayCarryToken } from '../../lib/token/request-scope.ts';
import { detectSameOrigin, detectSiteProxy } from './detect.ts';
import type { ResponseNote } from './mount-swagger-ui.ts';
import { prefetchSwaggerUiWhenIdle } from './prefetch-swagger-ui.ts';
import { bindServerPicker, type ServerPicker, type ServerTarget } from './server-picker.ts';
import { loadSwaggerUiStyles } from './swagger-ui-styles.ts';
import { bindTokenPanel, type TokenState } from './token-panel.ts';
import { REOPEN_EVENT } from './try-it-events.ts';

interface SpecDocument {
  servers?: Array<{ url: string; variables?: Record<string, { default: string }> }>;
  components?: { securitySchemes?: Record<string, { type?: string; in?: string; name?: string; scheme?: string }> };
}

/** Which value of the reader's token each of the spec's security schemes takes. */
function schemeValues(document: SpecDocument, token: TokenState): Array<[string, string]> {
  const values: Array<[string, string]> = [];
  for (const [name, scheme] of Object.entries(document.components?.securitySchemes ?? {})) {
    if (scheme.type === 'apiKey' && scheme.name === PROVIDER_COOKIE) values.push([name, token.provider]);
    else if (scheme.type === 'apiKey' && token.token !== '') values.push([name, token.token]);
  }
  return values;
}

/** How long binding the server chooser waits for the same-origin check before choosing without it. */
const SAME_ORIGIN_WAIT_MS = 2_000;

/** How long Swagger UI's drawing of an operation must stay still before its panel counts as ready. */
const SETTLE_MS = 80;

/** How far below the viewport the playground starts loading: early enough to be ready when scrolled to, late enough to cost a reader of the guide nothing. */
const LOAD_MARGIN = '1000px 0px';

/** Whether an element shows: Swagger UI keeps some inputs in the tree but hidden. */
function shows(element: HTMLElement): boolean {
  return element.checkVisibility() && !(element as HTMLInputElement).disabled;
}

/**
 * <meshplay-playground>: the token panel, the server chooser and Swagger UI, configured
 * by data-* attributes. Nothing goes over the network (spec, proxy check, Swagger UI's script
 * and styles) until the element approaches the viewport (data-load="visible"), at once
 * (data-load="eager"), or when the reader asks; then all of it at the same time. With
 * data-load="intent" (the playground page) the spec and the proxy check come at once, Swagger UI's
 * script is fetched when the browser is idle and run when the reader shows intent. With
 * data-operation (an operation page's Try it panel) the spec is that operation's slice, shown expanded.
 */
class MeshplayPlayground extends HTMLElement {
  #token: TokenState | undefined;
  #target: ServerTarget | undefined;
  #picker: ServerPicker | undefined;
  /** Which session went with the last request sent, for the explanation of its answer. */
  #lastSent: SentSession = 'none';
  #includeToken = false;
  #spec: SpecDocument | undefined;
  #ui: SwaggerUiSystem | undefined;
  #loading: Promise<void> | undefined;
  #module: Promise<typeof import('./mount-swagger-ui.ts')> | undefined;
  #observer: IntersectionObserver | undefined;
  #servers: Promise<void> | undefined;
  /** Whether Swagger UI holds an authorization to clear: its logout fails when it holds none. */
  #authorized = false;
  /** An operation's panel: Swagger UI has drawn the operation ready to execute. */
  #operationReady = false;

  connectedCallback(): void {
    const tokenPanel = bindTokenPanel(this, (state) => {
      this.#token = state;
      this.#picker?.setTokenPresent(state !== undefined);
      this.#authorize();
    });
    this.#token = tokenPanel.current();
    const include = this.querySelector<HTMLInputElement>('[data-include-token]');
    include?.addEventListener('change', () => {
      this.#includeToken = include.checked;
    });
    this.querySelector('[data-action="load-playground"]')?.addEventListener('click', () => void this.#load());
    this.addEventListener(REOPEN_EVENT, () => this.#focusOperation());
    const load = this.dataset['load'];
    if (load === 'eager') void this.#load();
    else if (load === 'intent') this.#loadOnIntent();
    else if (load === 'visible') this.#loadWhenNear();
    // "manual": the Try it button sets data-load="eager" before it defines the element.
  }

  /** Whether this is an operation page's panel (one operation's slice, expanded) rather than the whole API. */
  get #forOperation(): boolean {
    return this.dataset['operation'] !== undefined;
  }

  /**
   * The playground page: the token panel and the server chooser work at once; Swagger UI's script
   * is fetched when the browser is idle and run on the reader's first sign of intent (opening a tag,
   * the token field, a server, the load button, a deep link), so that reading costs no long task.
   */
  #loadOnIntent(): void {
    this.#bindServers().catch((error: unknown) => this.#explainLoadFailure(error));
    prefetchSwaggerUiWhenIdle();
    const intent = () => void this.#load();
    this.addEventListener(
      'toggle',
      (event) => {
        if (event.target instanceof HTMLDetailsElement && event.target.open) intent();
      },
      // toggle does not bubble.
      { capture: true },
    );
    this.querySelector('[data-token-input]')?.addEventListener('focus', intent, { once: true });
    for (const radio of this.querySelectorAll('input[name="playground-server"]')) radio.addEventListener('change', intent, { once: true });
    window.addEventListener('hashchange', () => {
      if (parseDeepLink(location.hash)) intent();
    });
    // A reader may have opened a tag, or focused the token field, before this script ran.
    const early = this.querySelector('[data-operation-preview] details[open]') ?? this.querySelector('[data-token-input]:focus');
    if (parseDeepLink(location.hash) || early) intent();
  }

  disconnectedCallback(): void {
    this.#observer?.disconnect();
  }

  /** A data-* URL resolved against the page, so the site works under any base path. */
  #url(name: string): string {
    return new URL(this.dataset[name] ?? '', location.href).href.replace(/\/+$/, '');
  }

  /** The site's own bundled spec: same origin, no token. The default credentials mode matches the eager page's preload. */
  async #fetchSpec(url: string): Promise<SpecDocument> {
    if (this.#spec) return this.#spec;
    const response = await fetch(url);
    if (!response.ok) throw new Error(`the spec at ${url} answered ${response.status} ${response.statusText}`.trim());
    this.#spec = (await response.json()) as SpecDocument;
    return this.#spec;
  }

  #loadWhenNear(): void {
    this.#observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) {
          this.#observer?.disconnect();
          void this.#load();
        }
      },
      { rootMargin: LOAD_MARGIN },
    );
    this.#observer.observe(this);
  }

  /** Swagger UI's chunk and styles, fetched once and side by side. */
  #swaggerModule(): Promise<typeof import('./mount-swagger-ui.ts')> {
    this.#module ??= Promise.all([import('./mount-swagger-ui.ts'), loadSwaggerUiStyles()]).then(
      ([loaded]) => loaded,
      (error: unknown) => {
        // Forget the failure, so that "try again" fetches the chunk again.
        this.#module = undefined;
        throw error;
      },
    );
    return this.#module;
  }

  /** Bind the server chooser once the spec (its default server) and the proxy check are in. */
  #bindServers(): Promise<void> {
    // Bound once: a retry after a failed load must not add a second set of listeners.
    this.#servers ??= this.#bindServersOnce().catch((error: unknown) => {
      this.#servers = undefined;
      throw error;
    });
    return this.#servers;
  }

  async #bindServersOnce(): Promise<void> {
    const sameOrigin = detectSameOrigin(location.origin);
    // A short wait for the same-origin answer, so that docs served by Meshplay do not show another choice first;
    // Meshplay's version route can be slow (it asks GitHub), so its answer may also come later.
    const briefly = Promise.race([sameOrigin, new Promise((done) => setTimeout(done, SAME_ORIGIN_WAIT_MS))]);
    const [spec, health] = await Promise.all([this.#fetchSpec(this.#url('specUrl')), detectSiteProxy(this.#url('healthUrl')), briefly]);
    const urls = {
      proxy: this.#url('proxyUrl'),
      health: this.#url('healthUrl'),
      demo: this.#url('demoUrl'),
      direct: getDefaultServerUrl(spec, location.href),
      siteOrigin: this.dataset['siteOrigin'] || undefined,
    };
    this.#picker = bindServerPicker(this, urls, { siteHealth: health, sameOrigin }, (target) => {
      this.#target = target;
      this.#sayRoute();
      if (this.#ui) {
        this.#ui.specActions.updateJsonSpec(withServer(spec, target.base, 'Chosen in the playground'));
        this.#authorize();
        this.#openFromHash();
      }
    });
    this.#picker.setTokenPresent(this.#token !== undefined);
  }

  /** Load the playground once; a failure is explained and can be retried. */
  #load(): Promise<void> {
    this.#observer?.disconnect();
    this.#loading ??= this.#mount().catch((error: unknown) => this.#explainLoadFailure(error));
    return this.#loading;
  }

  /** Say why the playground did not load, and let the reader try again. */
  #explainLoadFailure(error: unknown): void {
    this.#loading = undefined;
    const button = this.querySelector<HTMLButtonElement>('[data-action="load-playground"]');
    if (button) {
      button.disabled = false;
      button.textContent = 'Try loading the playground again';
    }
    this.#explain({
      title: 'The playground could not load',
      detail: `Its files did not arrive (${error instanceof Error ? error.message : String(error)}). The reference pages and the curl examples work without it.`,
      remedies: [
        'Check your connection, then try again.',
        'If the site was rebuilt or redeployed since you opened this page, reload the page to get the new files.',
      ],
    });
  }

  /** Fetch everything at once (spec, proxy check, Swagger UI) and render Swagger UI. */
  async #mount(): Promise<void> {
    const root = this.querySelector<HTMLElement>('[data-swagger-root]');
    const button = this.querySelector<HTMLButtonElement>('[data-action="load-playground"]');
    if (button) {
      button.disabled = true;
      button.textContent = 'Loading the playground…';
    }
    const [{ mountSwaggerUi }] = await Promise.all([this.#swaggerModule(), this.#bindServers()]);
    const spec = this.#spec;
    if (!root || !spec || !this.#target) return;
    const preview = this.querySelector<HTMLElement>('[data-operation-preview]');
    // Swagger UI draws out of sight and takes the list's place in one step, so nothing jumps.
    if (preview) root.hidden = true;
    this.#ui = mountSwaggerUi(
      root,
      withServer(spec, this.#target.base, 'Chosen in the playground'),
      {
        interceptRequest: (request) => this.#intercept(request),
        onOutcome: (outcome) => {
          const mode = this.#target?.choice.mode ?? 'direct';
          if (outcome.kind === 'network-error' && mode === 'bridge') this.#picker?.recheckBridge();
          this.#explain(
            explainOutcome(outcome, {
              mode,
              pageProtocol: location.protocol,
              pageOrigin: location.origin,
              serverLabel: this.#target?.serverUrl ?? '',
              sent: this.#lastSent,
              bridgeCommand: this.#picker?.bridgeCommand(),
            }),
          );
        },
        responseNotes: (response) => this.#responseNotes(response),
        buildCurl: (request) =>
          buildCurlCommand(request, {
            sentTo: this.#target?.base ?? '',
            serverUrl: this.#target?.serverUrl ?? '',
            provider: this.#token?.provider ?? REMOTE_PROVIDER,
            token: this.#includeToken ? this.#token?.token : undefined,
          }),
      },
      { operation: this.#forOperation },
    );
    this.#authorize();
    button?.remove();
    this.#explain(undefined);
    if (this.#forOperation) {
      this.#whenOperationDrawn(root);
      return;
    }
    if (preview) this.#replacePreview(preview, root);
    this.#openFromHash();
    window.addEventListener('hashchange', () => this.#openFromHash());
  }

  /**
   * An operation's panel: once Swagger UI shows the operation ready to execute, say where requests go
   * and move focus into it. Swagger UI draws Execute before the parameters it resolves: ready is when
   * Execute is there and the drawing has settled for a moment.
   */
  #whenOperationDrawn(root: HTMLElement): void {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const observer = new MutationObserver(() => settle());
    const ready = () => {
      observer.disconnect();
      this.#operationReady = true;
      this.#sayRoute(`${this.dataset['operationTitle'] ?? 'The operation'}: ready to try.`);
      this.#focusOperation();
    };
    const settle = () => {
      clearTimeout(timer);
      if (root.querySelector('.btn.execute')) timer = setTimeout(ready, SETTLE_MS);
    };
    observer.observe(root, { childList: true, subtree: true });
    settle();
  }

  /** An operation's panel: the line that says where requests go (a live region), after an optional first sentence. */
  #sayRoute(lead = ''): void {
    const status = this.querySelector<HTMLElement>('[data-try-status]');
    if (!status || !this.#target || !this.#operationReady) return;
    const route = describeRequestRoute({ mode: this.#target.choice.mode, serverUrl: this.#target.serverUrl, base: this.#target.base });
    status.textContent = lead === '' ? route : `${lead} ${route}`;
  }

  /**
   * Focus the operation's first input (or Execute when it has none); the token field instead when the
   * operation needs a token, the chosen way sends one, and none is saved.
   */
  #focusOperation(): void {
    if (!this.#operationReady) return;
    const root = this.querySelector<HTMLElement>('[data-swagger-root]');
    const needsToken = this.dataset['needsToken'] === 'true' && !this.#token && (!this.#target || carriesToken(this.#target.choice.mode));
    const tokenField = this.querySelector<HTMLElement>('[data-token-input]');
    if (needsToken && tokenField) {
      tokenField.focus();
      return;
    }
    const inputs = [...(root?.querySelectorAll<HTMLElement>('.opblock-body :is(input, select, textarea)') ?? [])];
    (inputs.find(shows) ?? root?.querySelector<HTMLElement>('.btn.execute'))?.focus();
  }

  /** Put Swagger UI in the place of the operation list once it has drawn its tags, with the tags the reader opened in the list open. */
  #replacePreview(preview: HTMLElement, root: HTMLElement): void {
    const swap = (): void => {
      const opened = [...preview.querySelectorAll<HTMLElement>('details[open][data-tag]')].map((tag) => tag.dataset['tag'] ?? '');
      const hadFocus = preview.contains(document.activeElement);
      const focusedTag = document.activeElement?.closest<HTMLElement>('details[data-tag]')?.dataset['tag'];
      preview.remove();
      root.hidden = false;
      for (const tag of opened) this.#ui?.layoutActions.show(['operations-tag', tag], true);
      if (hadFocus) this.#focusTag(root, focusedTag);
    };
    if (root.querySelector('.opblock-tag')) {
      swap();
      return;
    }
    const observer = new MutationObserver(() => {
      if (!root.querySelector('.opblock-tag')) return;
      observer.disconnect();
      swap();
    });
    observer.observe(root, { childList: true, subtree: true });
  }

  /**
   * A reader who was in the list carries on from the same tag in Swagger UI (its heading's button),
   * else from Swagger UI's first tag, rather than from the top of the page. Swagger UI draws the
   * opened tag a moment later, so look for it again for a short while.
   */
  #focusTag(root: HTMLElement, tag: string | undefined, attempt = 0): void {
    const heading = tag === undefined ? null : root.querySelector<HTMLElement>(`.opblock-tag[data-tag="${CSS.escape(tag)}"]`);
    if (heading) {
      (heading.querySelector<HTMLElement>('button') ?? heading).focus();
      return;
    }
    if (tag !== undefined && attempt < 10) {
      requestAnimationFrame(() => this.#focusTag(root, tag, attempt + 1));
      return;
    }
    root.querySelector<HTMLElement>('.opblock-tag button, .opblock-tag')?.focus();
  }

  /**
   * Open the operation named in the address (#/tag/operationId). Swagger UI renders
   * asynchronously, so try again until the operation (or tag) shows as open. A malformed
   * link is no link (parseDeepLink).
   */
  #openFromHash(attempt = 0): void {
    const link = parseDeepLink(location.hash);
    // An operation's panel shows its one operation, whatever the page's address says.
    if (!link || !this.#ui || this.#forOperation) return;
    const { tag, operationId } = link;
    this.#ui.layoutActions.parseDeepLinkHash(location.hash);
    setTimeout(() => {
      const selector = operationId
        ? `[id="operations-${CSS.escape(tag)}-${CSS.escape(operationId)}"].is-open`
        : `.opblock-tag[data-tag="${CSS.escape(tag)}"][data-is-open="true"]`;
      if (!this.querySelector(selector) && attempt < 20) this.#openFromHash(attempt + 1);
    }, 150);
  }

  /** Preauthorize the spec's security schemes, so Swagger UI's Authorize dialog shows the token; clear them on Forget. */
  #authorize(): void {
    if (!this.#ui || !this.#spec) return;
    if (this.#authorized) this.#ui.authActions.logout(Object.keys(this.#spec.components?.securitySchemes ?? {}));
    this.#authorized = false;
    // Same origin and the demo take no token: the Authorize dialog must not show one as in use.
    if (!this.#token || (this.#target && !carriesToken(this.#target.choice.mode))) return;
    for (const [name, value] of schemeValues(this.#spec, this.#token)) {
      this.#ui.preauthorizeApiKey(name, value);
      this.#authorized = true;
    }
  }

  /**
   * The only place a request gets the token: requests for the chosen server, this site's proxy or
   * the bridge; never the spec, another origin, the demo server, or Meshplay on this page's own
   * origin (which reads the browser's session cookie).
   */
  #intercept(request: SwaggerRequest): SwaggerRequest {
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(request.headers ?? {})) {
      if (!CREDENTIAL_HEADERS.includes(name.toLowerCase())) headers[name] = value;
    }
    const target = this.#target;
    const allowed = target && carriesToken(target.choice.mode) ? [target.base] : [];
    this.#lastSent = target?.choice.mode === 'same-origin' ? 'browser-session' : 'none';
    if (this.#token && mayCarryToken(request.url, allowed, [this.#url('specUrl')])) {
      headers[PROVIDER_HEADER] = this.#token.provider;
      if (this.#token.token !== '') headers[TOKEN_HEADER] = this.#token.token;
      this.#lastSent = this.#token.token !== '' ? 'token' : 'local-provider';
    }
    this.#explain(undefined);
    return { ...request, headers };
  }

  /** The notes above a response: "Demo data" for every answer of the demo server, and the contract check of every answer. */
  #responseNotes(response: PlaygroundResponse): ResponseNote[] {
    const notes: ResponseNote[] = [];
    if (isDemoResponse(response, this.#url('demoUrl'))) {
      notes.push({
        kind: 'demo',
        text: DEMO_LABEL,
        title: "This answer comes from the demo server, made from the spec's examples: no Meshplay server was asked.",
      });
    }
    if (response.status !== undefined && this.#spec) {
      const context = { base: this.#target?.base ?? '', demoBase: this.#url('demoUrl'), spec: this.#spec };
      notes.push({
        kind: 'contract',
        // contract-verdict.ts says "checking" at once, then the verdict.
        text: '',
        fill: (region) => void this.#swaggerModule().then((module) => module.showContractVerdict(region, response, context)),
      });
    }
    return notes;
  }

  /** Show why a request failed, or clear the message. */
  #explain(explanation: Explanation | undefined): void {
    const box = this.querySelector<HTMLElement>('[data-request-message]');
    if (!box) return;
    box.replaceChildren();
    box.hidden = explanation === undefined;
    if (!explanation) return;
    const title = document.createElement('p');
    title.className = 'playground-alert-title';
    title.textContent = explanation.title;
    const detail = document.createElement('p');
    detail.textContent = explanation.detail;
    const list = document.createElement('ul');
    for (const remedy of explanation.remedies.filter((text) => text !== '')) {
      const item = document.createElement('li');
      item.textContent = remedy;
      list.append(item);
    }
    box.append(title, detail, list);
  }
}

if (!customElements.get('meshplay-playground')) customElements.define('meshplay-playground', MeshplayPlayground);
