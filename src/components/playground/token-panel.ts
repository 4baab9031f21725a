import { LOCAL_PROVIDER, PROVIDER_COOKIE, REMOTE_PROVIDER } from '../../lib/meshplay/session.ts';
import { decodeToken } from '../../lib/token/decode-token.ts';
import { describeExpiry } from '../../lib/token/describe-expiry.ts';
import { normalizeToken } from '../../lib/token/normalize-token.ts';
import { createTokenStore, type StoredToken } from '../../lib/token/token-store.ts';

export interface TokenState {
  token: string;
  provider: string;
}

/** Find a required element inside the panel, failing loudly when the markup and the script disagree. */
function part<T extends Element>(root: ParentNode, selector: string): T {
  const element = root.querySelector<T>(selector);
  if (!element) throw new Error(`Playground markup is missing ${selector}`);
  return element;
}

/** What the panel says about a token: provider, subject and expiry, read but never verified. */
function describeToken(state: TokenState, now: Date): string {
  if (state.provider === LOCAL_PROVIDER) {
    return `Provider ${LOCAL_PROVIDER} (the local provider): no token is needed; requests say ${PROVIDER_COOKIE}=${LOCAL_PROVIDER}.`;
  }
  const details = decodeToken(state.token);
  const parts = [`Provider ${state.provider}`];
  if (details.subject) parts.push(`subject ${details.subject}`);
  const expiry = describeExpiry(details.expiresAt, now);
  parts.push(expiry.text);
  const text = `${parts.join(', ')}. Read from the token, not verified: only Meshplay can tell whether it is valid.`;
  return expiry.expired ? `${text} Get a new token before you try requests.` : text;
}

/**
 * The token panel: takes a token by typing, pasting, a file or a drop; normalises it;
 * keeps it in sessionStorage (or localStorage when remembered); never puts it in the URL or the page's HTML.
 */
export function bindTokenPanel(
  root: HTMLElement,
  onChange: (state: TokenState | undefined) => void,
): { current(): TokenState | undefined } {
  const input = part<HTMLInputElement>(root, '[data-token-input]');
  const toggle = part<HTMLButtonElement>(root, '[data-action="toggle-visibility"]');
  const file = part<HTMLInputElement>(root, '[data-token-file]');
  const remember = part<HTMLInputElement>(root, '[data-token-remember]');
  const forget = part<HTMLButtonElement>(root, '[data-action="forget"]');
  const message = part<HTMLElement>(root, '[data-token-message]');
  const dropZone = part<HTMLElement>(root, '[data-token-drop]');
  const store = createTokenStore(sessionStorage, localStorage);
  let state: TokenState | undefined;

  const show = (text: string, kind: 'info' | 'error') => {
    message.textContent = text;
    message.dataset['kind'] = kind;
    input.setAttribute('aria-invalid', String(kind === 'error'));
  };

  const accept = (raw: string) => {
    const result = normalizeToken(raw);
    if (!result.ok) {
      show(`${result.message} Nothing was saved.`, 'error');
      return;
    }
    state = { token: result.value.token, provider: result.value.provider ?? REMOTE_PROVIDER };
    input.value = state.token;
    store.save(state, remember.checked);
    show(describeToken(state, new Date()), 'info');
    onChange(state);
  };

  const restored: StoredToken | undefined = store.load();
  if (restored) {
    state = { token: restored.token, provider: restored.provider };
    input.value = restored.token;
    remember.checked = restored.remembered;
    show(describeToken(state, new Date()), 'info');
  }

  input.addEventListener('change', () => {
    if (input.value.trim() === '') return;
    accept(input.value);
  });
  input.addEventListener('paste', (event) => {
    // Normalise pasted auth.json or cookie strings at once, before they sit in the field.
    const text = event.clipboardData?.getData('text');
    if (text === undefined) return;
    event.preventDefault();
    accept(text);
  });
  toggle.addEventListener('click', () => {
    const showing = input.type === 'text';
    input.type = showing ? 'password' : 'text';
    toggle.setAttribute('aria-pressed', String(!showing));
    toggle.textContent = showing ? 'Show' : 'Hide';
  });

  const readFile = async (picked: File | undefined) => {
    if (!picked) return;
    if (picked.size > 64 * 1024) {
      show(
        `${picked.name} is ${Math.round(picked.size / 1024)} KB: auth.json is a few hundred bytes. Choose the file that Get Token downloaded.`,
        'error',
      );
      return;
    }
    accept(await picked.text());
  };
  file.addEventListener('change', () => {
    void readFile(file.files?.[0]);
    file.value = '';
  });
  dropZone.addEventListener('dragover', (event) => {
    event.preventDefault();
    dropZone.dataset['dragging'] = 'true';
  });
  dropZone.addEventListener('dragleave', () => delete dropZone.dataset['dragging']);
  dropZone.addEventListener('drop', (event) => {
    event.preventDefault();
    delete dropZone.dataset['dragging'];
    void readFile(event.dataTransfer?.files[0]);
  });

  remember.addEventListener('change', () => {
    if (state) store.save(state, remember.checked);
    show(
      remember.checked
        ? "Remembered on this device: the token stays in this browser's local storage until you choose Forget."
        : 'Kept for this tab only: the token is gone when the tab closes.',
      'info',
    );
  });
  forget.addEventListener('click', () => {
    store.forget();
    state = undefined;
    input.value = '';
    remember.checked = false;
    show("Forgotten: the token is removed from this tab, this device and the playground's authorization.", 'info');
    onChange(undefined);
  });

  return { current: () => state };
}
