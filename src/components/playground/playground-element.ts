import type { SwaggerRequest, SwaggerUiSystem } from 'swagger-ui-dist/swagger-ui-es-bundle.js';
import { buildCurlCommand } from '../../lib/playground/curl-command.ts';
import { explainOutcome, type Explanation } from '../../lib/playground/explain-outcome.ts';
import { getDefaultServerUrl, withServer } from '../../lib/playground/spec-servers.ts';
import { mayCarryToken } from '../../lib/token/request-scope.ts';
import { bindServerPicker, type ServerTarget } from './server-picker.ts';
import { bindTokenPanel, type TokenState } from './token-panel.ts';

interface SpecDocument {
  servers?: Array<{ url: string; variables?: Record<string, { default: string }> }>;
  components?: { securitySchemes?: Record<string, { type?: string; in?: string; name?: string; scheme?: string }> };
}

/** Which value of the reader's token each of the spec's security schemes takes. */
function schemeValues(document: SpecDocument, token: TokenState): Array<[string, string]> {
  const values: Array<[string, string]> = [];
  for (const [name, scheme] of Object.entries(document.components?.securitySchemes ?? {})) {
    if (scheme.type === 'apiKey' && scheme.name === 'meshplay-provider') values.push([name, token.provider]);
    else if (scheme.type === 'apiKey' && token.token !== '') values.push([name, token.token]);
  }
  return values;
}

/**
 * <meshplay-playground>: the token panel, the server chooser and Swagger UI, configured
 * by data-* attributes. Swagger UI's bytes load only when the element comes into view
 * (data-load="visible") or at once (data-load="eager"), or when the reader asks.
 */
class MeshplayPlayground extends HTMLElement {
  #token: TokenState | undefined;
  #target: ServerTarget | undefined;
  #includeToken = false;
  #spec: SpecDocument | undefined;
  #ui: SwaggerUiSystem | undefined;
  #loading: Promise<void> | undefined;
  #module: Promise<typeof import('./mount-swagger-ui.ts')> | undefined;
  /** Whether Swagger UI holds an authorization to clear: its logout fails when it holds none. */
  #authorized = false;

  connectedCallback(): void {
    const tokenPanel = bindTokenPanel(this, (state) => {
      this.#token = state;
      this.#authorize();
    });
    this.#token = tokenPanel.current();
    const include = this.querySelector<HTMLInputElement>('[data-include-token]');
    include?.addEventListener('change', () => {
      this.#includeToken = include.checked;
    });
    this.querySelector('[data-action="load-playground"]')?.addEventListener('click', () => void this.#load());

    const specUrl = this.#url('specUrl');
    // Eager: fetch Swagger UI's code while the spec and the proxy check are on their way.
    if (this.dataset['load'] === 'eager') void this.#swaggerModule();
    void this.#fetchSpec(specUrl).then(async (spec) => {
      await bindServerPicker(
        this,
        { proxy: this.#url('proxyUrl'), health: this.#url('healthUrl'), direct: getDefaultServerUrl(spec, location.href) },
        (target) => {
          this.#target = target;
          if (this.#ui) {
            this.#ui.specActions.updateJsonSpec(withServer(spec, target.base, 'Chosen in the playground'));
            this.#authorize();
            this.#openFromHash();
          }
        },
      );
      if (this.dataset['load'] === 'eager') void this.#load();
      else this.#loadWhenVisible();
    });
  }

  /** A data-* URL resolved against the page, so the site works under any base path. */
  #url(name: string): string {
    return new URL(this.dataset[name] ?? '', location.href).href.replace(/\/+$/, '');
  }

  /** The site's own bundled spec: same origin, no token, no credentials. */
  async #fetchSpec(url: string): Promise<SpecDocument> {
    this.#spec ??= (await (await fetch(url, { credentials: 'omit' })).json()) as SpecDocument;
    return this.#spec;
  }

  #loadWhenVisible(): void {
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) {
          observer.disconnect();
          void this.#load();
        }
      },
      { rootMargin: '200px' },
    );
    observer.observe(this);
  }

  /** Load Swagger UI (a separate chunk) and render it once. */
  /** Swagger UI's chunk and styles, fetched once. */
  #swaggerModule(): Promise<typeof import('./mount-swagger-ui.ts')> {
    this.#module ??= import('./mount-swagger-ui.ts').then(async (loaded) => {
      await loaded.loadSwaggerUiStyles();
      return loaded;
    });
    return this.#module;
  }

  #load(): Promise<void> {
    this.#loading ??= (async () => {
      const root = this.querySelector<HTMLElement>('[data-swagger-root]');
      const button = this.querySelector<HTMLButtonElement>('[data-action="load-playground"]');
      if (!root || !this.#spec || !this.#target) return;
      if (button) {
        button.disabled = true;
        button.textContent = 'Loading the playground…';
      }
      const { mountSwaggerUi } = await this.#swaggerModule();
      const spec = this.#spec;
      this.#ui = mountSwaggerUi(root, withServer(spec, this.#target.base, 'Chosen in the playground'), {
        interceptRequest: (request) => this.#intercept(request),
        onOutcome: (outcome) => this.#explain(explainOutcome(outcome, { mode: this.#target?.choice.mode ?? 'direct', pageProtocol: location.protocol, serverLabel: this.#target?.serverUrl ?? '' })),
        buildCurl: (request) =>
          buildCurlCommand(request, {
            sentTo: this.#target?.base ?? '',
            serverUrl: this.#target?.serverUrl ?? '',
            provider: this.#token?.provider ?? 'Meshplay',
            token: this.#includeToken ? this.#token?.token : undefined,
          }),
      });
      this.#authorize();
      button?.remove();
      this.#openFromHash();
      window.addEventListener('hashchange', () => this.#openFromHash());
    })();
    return this.#loading;
  }

  /**
   * Open the operation named in the address (#/tag/operationId). Swagger UI renders
   * asynchronously, so try again until the operation (or tag) shows as open.
   */
  #openFromHash(attempt = 0): void {
    if (!location.hash.startsWith('#/') || !this.#ui) return;
    const [tag = '', operationId] = location.hash.slice(2).split('/').map((part) => decodeURIComponent(part));
    this.#ui.layoutActions.parseDeepLinkHash(location.hash);
    setTimeout(() => {
      const selector = operationId ? `[id="operations-${CSS.escape(tag)}-${CSS.escape(operationId)}"].is-open` : `.opblock-tag[data-tag="${CSS.escape(tag)}"][data-is-open="true"]`;
      if (!this.querySelector(selector) && attempt < 20) this.#openFromHash(attempt + 1);
    }, 150);
  }

  /** Preauthorize the spec's security schemes, so Swagger UI's Authorize dialog shows the token; clear them on Forget. */
  #authorize(): void {
    if (!this.#ui || !this.#spec) return;
    if (this.#authorized) this.#ui.authActions.logout(Object.keys(this.#spec.components?.securitySchemes ?? {}));
    this.#authorized = false;
    if (!this.#token) return;
    for (const [name, value] of schemeValues(this.#spec, this.#token)) {
      this.#ui.preauthorizeApiKey(name, value);
      this.#authorized = true;
    }
  }

  /** The only place a request gets the token: requests for the chosen server or this site's proxy, never the spec or another origin. */
  #intercept(request: SwaggerRequest): SwaggerRequest {
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(request.headers ?? {})) {
      if (!['meshplay-token', 'meshplay-provider', 'cookie', 'authorization'].includes(name.toLowerCase())) headers[name] = value;
    }
    const allowed = this.#target ? [this.#target.base] : [];
    if (this.#token && mayCarryToken(request.url, allowed, [this.#url('specUrl')])) {
      headers['meshplay-provider'] = this.#token.provider;
      if (this.#token.token !== '') headers['meshplay-token'] = this.#token.token;
    }
    this.#explain(undefined);
    return { ...request, headers };
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
