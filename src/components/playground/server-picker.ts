import { getServerBase, parseServerChoice, SERVER_CHOICE_KEY, type ServerChoice } from '../../lib/playground/server-choice.ts';
import { validateServerUrl } from '../../lib/playground/server-url.ts';

export interface ServerTarget {
  choice: ServerChoice;
  /** Where the browser sends requests. */
  base: string;
  /** The Meshplay server behind it, for curl commands and messages. */
  serverUrl: string;
}

export interface Health {
  proxy: string;
  target: string;
}

/** Ask this site whether it runs the try-it proxy (npm start does; a static host does not). */
export async function detectProxy(healthUrl: string): Promise<Health | undefined> {
  try {
    const response = await fetch(healthUrl, { headers: { accept: 'application/json' }, cache: 'no-store' });
    if (!response.ok) return undefined;
    const health = (await response.json()) as Partial<Health>;
    return health.proxy === 'meshplay-try-it' && typeof health.target === 'string'
      ? { proxy: health.proxy, target: health.target }
      : undefined;
  } catch {
    return undefined;
  }
}

/** Read a stored choice without failing when storage is off. */
function readSaved(): string | null {
  try {
    return localStorage.getItem(SERVER_CHOICE_KEY);
  } catch {
    return null;
  }
}

/** The server chooser: the proxy when this site runs one (`health`, from detectProxy), the spec's server directly, or a custom URL; the choice persists. */
export function bindServerPicker(
  root: HTMLElement,
  urls: { proxy: string; direct: string },
  health: Health | undefined,
  onChange: (target: ServerTarget) => void,
): { current(): ServerTarget } {
  const radios = [...root.querySelectorAll<HTMLInputElement>('input[name="playground-server"]')];
  const proxyRadio = radios.find((radio) => radio.value === 'proxy');
  const proxyLabel = root.querySelector<HTMLElement>('[data-proxy-label]');
  const customInput = root.querySelector<HTMLInputElement>('[data-custom-server]');
  const message = root.querySelector<HTMLElement>('[data-server-message]');
  if (!proxyRadio || !proxyLabel || !customInput || !message) throw new Error('Playground markup is missing the server chooser');

  proxyRadio.disabled = !health;
  proxyLabel.textContent = health
    ? `Meshplay at ${health.target}, through this site`
    : 'Through this site: not available here (start the site with "npm start" to get the proxy)';

  let choice = parseServerChoice(readSaved(), health !== undefined);
  customInput.value = choice.customUrl;

  const targetOf = (current: ServerChoice): ServerTarget => {
    const base = getServerBase(current, { proxy: urls.proxy, direct: urls.direct });
    return { choice: current, base, serverUrl: current.mode === 'proxy' && health ? health.target : base };
  };
  const apply = (next: ServerChoice) => {
    choice = next;
    for (const radio of radios) radio.checked = radio.value === choice.mode;
    try {
      localStorage.setItem(SERVER_CHOICE_KEY, JSON.stringify(choice));
    } catch {
      // Storage may be off; the choice then lasts for this page view.
    }
    const target = targetOf(choice);
    message.textContent = `Requests go to ${target.base}.`;
    message.dataset['kind'] = 'info';
    onChange(target);
  };

  for (const radio of radios) {
    radio.addEventListener('change', () => {
      if (!radio.checked) return;
      if (radio.value === 'custom') {
        const checked = validateServerUrl(customInput.value);
        if (!checked.ok) {
          message.textContent = checked.message;
          message.dataset['kind'] = 'error';
          customInput.focus();
          return;
        }
        apply({ mode: 'custom', customUrl: checked.url });
      } else {
        apply({ mode: radio.value === 'proxy' ? 'proxy' : 'direct', customUrl: choice.customUrl });
      }
    });
  }
  customInput.addEventListener('change', () => {
    const checked = validateServerUrl(customInput.value);
    customInput.setAttribute('aria-invalid', String(!checked.ok));
    if (!checked.ok) {
      message.textContent = checked.message;
      message.dataset['kind'] = 'error';
      return;
    }
    apply({ mode: 'custom', customUrl: checked.url });
  });

  apply(choice);
  return { current: () => targetOf(choice) };
}
