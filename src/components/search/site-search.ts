import { applyKeyToQuery, buildPagefindUiOptions, readSearchConfig, readShortcut, type SearchConfig } from './search-options.ts';

/** Whether keys pressed in this element are typed into it (a text field or an editor). */
function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target.closest('input, textarea, select, [contenteditable]:not([contenteditable="false"])') !== null;
}

/**
 * <site-search>: Starlight's search button and dialog. Pagefind's UI is fetched the first
 * time the dialog opens, not with the page: a reader who never searches downloads none of it.
 * Configured by data-* attributes (search-options.ts reads them).
 */
class SiteSearch extends HTMLElement {
  #config: SearchConfig | undefined;
  #ui: Promise<void> | undefined;
  #dialog: HTMLDialogElement | undefined;
  #frame: Element | undefined;
  /** What the reader typed while the UI was still loading: it becomes the query once it is there. */
  #typedWhileLoading: string | undefined;

  /** Close the dialog when the reader follows a result or clicks outside it. */
  #onClick = (event: MouseEvent): void => {
    const target = event.target as Node | null;
    if (target === null) return;
    const isLink = 'href' in target;
    if (isLink || (document.body.contains(target) && !this.#frame?.contains(target))) this.#close();
  };

  /** Wire the button, the dialog and the shortcuts, once. */
  connectedCallback(): void {
    if (this.#config) return;
    const openButton = this.querySelector<HTMLButtonElement>('button[data-open-modal]');
    const closeButton = this.querySelector<HTMLButtonElement>('button[data-close-modal]');
    const dialog = this.querySelector('dialog');
    const frame = this.querySelector('.dialog-frame');
    if (!openButton || !dialog || !frame) return;
    this.#config = readSearchConfig({ ...this.dataset });
    this.#dialog = dialog;
    this.#frame = frame;

    openButton.addEventListener('click', (event) => {
      // The click must not reach the window listener that closes the dialog.
      event.stopPropagation();
      this.#open();
    });
    openButton.disabled = false;
    closeButton?.addEventListener('click', () => this.#close());
    dialog.addEventListener('keydown', (event) => {
      if (this.#typedWhileLoading === undefined || this.querySelector('#starlight__search input')) return;
      this.#typedWhileLoading = applyKeyToQuery(this.#typedWhileLoading, event);
    });
    dialog.addEventListener('close', () => {
      document.body.toggleAttribute('data-search-modal-open', false);
      window.removeEventListener('click', this.#onClick);
    });

    window.addEventListener('keydown', (event) => {
      const action = readShortcut({
        key: event.key,
        ctrlKey: event.ctrlKey,
        metaKey: event.metaKey,
        altKey: event.altKey,
        inEditable: isEditable(event.target),
      });
      if (!action || (action === 'open' && dialog.open)) return;
      event.preventDefault();
      if (dialog.open) this.#close();
      else this.#open();
    });
  }

  /** Open the dialog, focus its input and, the first time, load the search UI. */
  #open(): void {
    const dialog = this.#dialog;
    if (!dialog || dialog.open) return;
    dialog.showModal();
    document.body.toggleAttribute('data-search-modal-open', true);
    window.addEventListener('click', this.#onClick);
    this.#focusInput();
    // The first time, the input appears once the UI has loaded: focus it then.
    void this.#loadUi().then(() => {
      if (dialog.open) this.#focusInput();
    });
  }

  /** Close the dialog (its `close` event does the tidying up). */
  #close(): void {
    this.#dialog?.close();
  }

  /** Focus the search input, once the UI has rendered it. */
  #focusInput(): void {
    this.querySelector('input')?.focus();
  }

  /** Put what the reader typed before the UI was there into its input, and search for it. */
  #searchFor(query: string | undefined): void {
    const input = this.querySelector<HTMLInputElement>('#starlight__search input');
    if (!input || !query) return;
    input.value = query;
    // Pagefind's UI searches on the input event, as when the reader types.
    input.dispatchEvent(new Event('input', { bubbles: true }));
    input.focus();
    input.setSelectionRange(query.length, query.length);
  }

  /** Fetch Pagefind's UI (a separate chunk with its styles) and render it, once. */
  #loadUi(): Promise<void> {
    const container = this.querySelector<HTMLElement>('#starlight__search');
    // In `astro dev` there is no index: the dialog says so instead (as in Starlight).
    if (!container || !this.#config || import.meta.env.DEV) return Promise.resolve();
    const config = this.#config;
    this.#ui ??= (async () => {
      container.setAttribute('aria-busy', 'true');
      this.#typedWhileLoading = '';
      try {
        const { mountPagefindUi } = await import('./load-pagefind-ui.ts');
        await mountPagefindUi(buildPagefindUiOptions(config, container));
        this.#searchFor(this.#typedWhileLoading);
      } catch (error) {
        // Offline or a failed deploy: say so, and let the next opening try again.
        this.#ui = undefined;
        const message = document.createElement('p');
        message.setAttribute('role', 'alert');
        message.textContent = `Search could not load (${error instanceof Error ? error.message : String(error)}). Check your connection, or reload the page if the site has been updated, then open search again.`;
        container.replaceChildren(message);
      } finally {
        this.#typedWhileLoading = undefined;
        container.removeAttribute('aria-busy');
      }
    })();
    return this.#ui;
  }
}

customElements.define('site-search', SiteSearch);
