import { describe, expect, it } from 'vitest';
import { explainCopyFailure, fetchTwin, TwinFetchError } from '../../src/components/markdown-twin/copy-twin.ts';

/** A fetch that answers with a status and a body. */
const answering =
  (status: number, body = '') =>
  () =>
    Promise.resolve({ ok: status >= 200 && status < 300, status, text: () => Promise.resolve(body) });

describe('Copy as Markdown', () => {
  it('fetches the twin and hands back its text', async () => {
    let asked: { url: string; init: RequestInit } | undefined;
    const text = await fetchTwin('/x/index.md', (url, init) => {
      asked = { url, init };
      return answering(200, '# X\n')();
    });
    expect(text).toBe('# X\n');
    expect(asked?.url).toBe('/x/index.md');
    expect(asked?.init.credentials).toBe('same-origin');
  });

  it('says which status the server answered, or that the network failed', async () => {
    await expect(fetchTwin('/x/index.md', answering(404))).rejects.toThrow('the Markdown could not be loaded: the server answered 404');
    await expect(fetchTwin('/x/index.md', () => Promise.reject(new TypeError('Failed to fetch')))).rejects.toBeInstanceOf(TwinFetchError);
  });

  it('explains each failure with what to do instead', () => {
    expect(explainCopyFailure(new TwinFetchError('the Markdown could not be loaded: the server answered 500'))).toBe(
      'Could not copy: the Markdown could not be loaded: the server answered 500. Try again, or use View as Markdown.',
    );
    expect(explainCopyFailure(new DOMException('Write permission denied.', 'NotAllowedError'))).toMatch(
      /did not allow this page to write to the clipboard\. Open View as Markdown/,
    );
    expect(explainCopyFailure(Object.assign(new Error('no clipboard'), { name: 'NoClipboardError' }))).toMatch(
      /no clipboard to this page \(it needs HTTPS or localhost\)/,
    );
    expect(explainCopyFailure(new RangeError('odd'))).toBe(
      'Could not copy (RangeError: odd). Open View as Markdown and copy the text from there.',
    );
  });
});
