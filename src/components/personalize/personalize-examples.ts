import { DEFAULT_SERVER_URL, TOKEN_PLACEHOLDER } from '../../lib/meshplay/session.ts';
import { personalizeCode, type Personalization } from '../../lib/playground/personalize-code.ts';
import { parseSavedChoice, SERVER_CHOICE_KEY } from '../../lib/playground/server-choice.ts';
import { createTokenStore } from '../../lib/token/token-store.ts';

/** The reader's saved token and custom server, read from this browser only. */
function savedPersonalization(): Personalization {
  const token = createTokenStore(sessionStorage, localStorage).load()?.token || undefined;
  let saved: string | null;
  try {
    saved = localStorage.getItem(SERVER_CHOICE_KEY);
  } catch {
    saved = null;
  }
  const choice = parseSavedChoice(saved);
  return { token, serverUrl: choice?.mode === 'custom' ? choice.customUrl : undefined };
}

/**
 * <personalize-examples>: a checkbox that puts the reader's saved token and server into
 * the page's code examples (shown and copied), and takes them out again.
 */
class PersonalizeExamples extends HTMLElement {
  connectedCallback(): void {
    const box = this.querySelector<HTMLInputElement>('input[type="checkbox"]');
    const message = this.querySelector<HTMLElement>('[data-personalize-message]');
    if (!box || !message) return;
    box.addEventListener('change', () => {
      const with_ = box.checked ? savedPersonalization() : { token: undefined, serverUrl: undefined };
      if (box.checked && !with_.token && !with_.serverUrl) {
        message.textContent =
          'Nothing saved yet: add your token (and a server) in the playground in the Endpoints section, then tick this again.';
        box.checked = false;
        return;
      }
      message.textContent = box.checked
        ? `The examples now use ${[with_.token ? 'your token' : '', with_.serverUrl ? with_.serverUrl : ''].filter(Boolean).join(' and ')}. Treat copied commands like a password.`
        : `The examples use ${TOKEN_PLACEHOLDER} and ${DEFAULT_SERVER_URL} again.`;
      this.#apply(with_);
    });
  }

  /** Rewrite every code block of the page, remembering the original text to restore it. */
  #apply(with_: Personalization): void {
    for (const figure of document.querySelectorAll<HTMLElement>('.expressive-code figure')) {
      const copy = figure.querySelector<HTMLElement>('[data-code]');
      const lines = figure.querySelectorAll<HTMLElement>('.ec-line .code');
      if (!copy) continue;
      copy.dataset['original'] ??= copy.dataset['code'] ?? '';
      copy.dataset['code'] = personalizeCode(copy.dataset['original'] ?? '', with_);
      for (const line of lines) {
        // Keep the highlighted markup (built by this site, not user input) to put it back later.
        line.dataset['originalHtml'] ??= line.innerHTML;
        const template = document.createElement('template');
        template.innerHTML = line.dataset['originalHtml'] ?? '';
        const text = template.content.textContent ?? '';
        const next = personalizeCode(text, with_);
        if (next === text) line.innerHTML = line.dataset['originalHtml'] ?? '';
        else line.textContent = next;
      }
    }
  }
}

if (!customElements.get('personalize-examples')) customElements.define('personalize-examples', PersonalizeExamples);
