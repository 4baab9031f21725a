/**
 * The "Try it" button of an operation page (TryIt.astro): shows or hides the panel it controls,
 * and on the first press loads the playground element for the panel's operation. Kept tiny: it is
 * all the script an operation page loads before the press.
 */
import { REOPEN_EVENT } from './try-it-events.ts';

/** Load the playground element for a panel; a failed load lets the next press try again. */
function loadPlayground(element: HTMLElement, status: HTMLElement | null): void {
  element.dataset['load'] = 'eager';
  if (status) status.textContent = 'Loading the playground…';
  import('./playground-element.ts').catch(() => {
    element.dataset['load'] = 'manual';
    if (status) status.textContent = 'The playground could not load: check your connection, then press Try it again.';
  });
}

/** Bind one button to the panel named by its aria-controls. */
function bindTryIt(button: HTMLButtonElement): void {
  const panel = document.getElementById(button.getAttribute('aria-controls') ?? '');
  if (!panel) return;
  button.addEventListener('click', () => {
    const open = button.getAttribute('aria-expanded') !== 'true';
    button.setAttribute('aria-expanded', String(open));
    panel.hidden = !open;
    const element = panel.querySelector<HTMLElement>('meshplay-playground');
    if (!open || !element) return;
    if (element.dataset['load'] === 'manual') loadPlayground(element, panel.querySelector('[data-try-status]'));
    else element.dispatchEvent(new Event(REOPEN_EVENT));
  });
}

for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-try-it]')) bindTryIt(button);
