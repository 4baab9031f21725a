/**
 * <markdown-twin-actions data-twin-url="…">: its button copies the page's Markdown twin to the
 * clipboard and says in its live region that it did, or why it could not. Every page with a
 * twin loads this file, so it only wires the click; fetching and explaining load on the first
 * click (copy-twin.ts).
 */

/** What the live region says when even the copy code could not be loaded. */
const UNAVAILABLE = 'Could not copy: this page could not load its copy code (are you offline?). Use View as Markdown instead.';

/** Put a text that is still being fetched on the clipboard. */
function writeToClipboard(text: Promise<string>): Promise<void> {
  const clipboard = typeof navigator === 'undefined' ? undefined : (navigator.clipboard as Clipboard | undefined);
  if (!clipboard) return Promise.reject(Object.assign(new Error('no clipboard'), { name: 'NoClipboardError' }));
  // Started within the click, where every browser allows it (Safari nowhere else); the text follows when fetched.
  if (typeof ClipboardItem === 'function' && typeof clipboard.write === 'function') {
    return clipboard.write([new ClipboardItem({ 'text/plain': text.then((value) => new Blob([value], { type: 'text/plain' })) })]);
  }
  return text.then((value) => clipboard.writeText(value));
}

class MarkdownTwinActions extends HTMLElement {
  connectedCallback(): void {
    const button = this.querySelector('button');
    const status = this.querySelector<HTMLElement>('[data-twin-status]');
    const url = this.dataset['twinUrl'];
    if (!button || !status || !url) return;
    const say = (message: string) => {
      status.textContent = message;
    };
    button.addEventListener('click', () => {
      say('Copying…');
      const work = import('./copy-twin.ts');
      const text = work.then((module) => module.fetchTwin(url, (input, init) => fetch(input, init)));
      writeToClipboard(text).then(
        () => say('Copied'),
        // A failed fetch explains more than the clipboard's own refusal that follows from it.
        (error: unknown) =>
          text
            .then(
              () => error,
              (fetchError: unknown) => fetchError,
            )
            .then((cause) => work.then((module) => say(module.explainCopyFailure(cause))))
            .catch(() => say(UNAVAILABLE)),
      );
    });
  }
}

if (!customElements.get('markdown-twin-actions')) customElements.define('markdown-twin-actions', MarkdownTwinActions);
