/**
 * The work of "Copy as Markdown", loaded on the first click: fetch the page's twin, and say
 * what went wrong when the copy fails (src/components/markdown-twin/twin-actions-element.ts).
 */

/** The twin could not be fetched: the message says how. */
export class TwinFetchError extends Error {
  override name = 'TwinFetchError';
}

/** The fetch the copy uses (the browser's, or a test's). */
export type FetchText = (url: string, init: RequestInit) => Promise<Pick<Response, 'ok' | 'status' | 'text'>>;

/** Fetch a page's Markdown twin; a network failure or an answer that is not 2xx is a TwinFetchError saying which. */
export async function fetchTwin(url: string, fetchText: FetchText): Promise<string> {
  let response: Awaited<ReturnType<FetchText>>;
  try {
    response = await fetchText(url, { headers: { Accept: 'text/markdown, text/plain;q=0.9' }, credentials: 'same-origin' });
  } catch (error) {
    throw new TwinFetchError(`the Markdown could not be loaded (${error instanceof Error ? error.message : String(error)})`, {
      cause: error,
    });
  }
  if (!response.ok) throw new TwinFetchError(`the Markdown could not be loaded: the server answered ${response.status}`);
  return response.text();
}

/** The live region's message for a failed copy: what went wrong, and what the reader can do instead. */
export function explainCopyFailure(error: unknown): string {
  const instead = 'Open View as Markdown and copy the text from there.';
  const name = error instanceof Error || error instanceof DOMException ? error.name : undefined;
  if (error instanceof TwinFetchError) return `Could not copy: ${error.message}. Try again, or use View as Markdown.`;
  if (name === 'NoClipboardError')
    return `Could not copy: this browser offers no clipboard to this page (it needs HTTPS or localhost). ${instead}`;
  if (name === 'NotAllowedError') return `Could not copy: the browser did not allow this page to write to the clipboard. ${instead}`;
  const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return `Could not copy (${detail}). ${instead}`;
}
