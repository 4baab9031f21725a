import { expect, test } from '@playwright/test';
import { gzipSync } from 'node:zlib';
import { CSS_LIMIT_GZIP, JS_LIMIT_GZIP } from '../../scripts/bench/budgets.ts';
import { kb } from '../../scripts/bench/util.ts';

const PAGES = [
  { kind: 'guide', path: 'extensibility/api/' },
  { kind: 'home', path: '' },
  { kind: 'tag', path: 'reference/rest-apis/system/' },
  { kind: 'operation', path: 'reference/rest-apis/system/get-server-version/' },
  { kind: 'schema', path: 'reference/rest-apis/schemas/User/' },
];

for (const { kind, path } of PAGES) {
  // Everything counts, search included: Pagefind's UI (~26 KB gzip) loads only when a reader
  // opens search (src/components/search/), so it must not show up here at all.
  // The figures come from scripts/bench/budgets.ts, as `npm run bench -- --check` reads them.
  test(`a ${kind} page loads at most ${kb(JS_LIMIT_GZIP)} of JS and ${kb(CSS_LIMIT_GZIP)} of CSS (gzip), and neither Swagger UI nor the search UI`, async ({
    page,
  }) => {
    const bodies: Array<{ url: string; type: 'js' | 'css'; gzip: number }> = [];
    const pending: Array<Promise<void>> = [];
    page.on('response', (response) => {
      const url = response.url();
      const type = /\.m?js(\?|$)/.test(url) ? 'js' : /\.css(\?|$)/.test(url) ? 'css' : undefined;
      if (!type) return;
      pending.push(
        response
          .body()
          .then((body) => void bodies.push({ url, type, gzip: gzipSync(body).length }))
          .catch(() => undefined),
      );
    });
    await page.goto(path, { waitUntil: 'networkidle' });
    page.removeAllListeners('response');
    await Promise.all(pending);
    const sum = (type: 'js' | 'css') => bodies.filter((body) => body.type === type).reduce((total, body) => total + body.gzip, 0);
    expect(bodies.filter((body) => /swagger-ui/.test(body.url)).map((body) => body.url)).toEqual([]);
    expect(
      bodies.filter((body) => /\/(ui-core|load-pagefind-ui|pagefind-ui|pagefind)\.[\w.-]*(js|css)$/.test(body.url)).map((body) => body.url),
    ).toEqual([]);
    expect(sum('js'), bodies.map((body) => `${body.url}: ${body.gzip}`).join('\n')).toBeLessThanOrEqual(JS_LIMIT_GZIP);
    expect(sum('css'), bodies.map((body) => `${body.url}: ${body.gzip}`).join('\n')).toBeLessThanOrEqual(CSS_LIMIT_GZIP);
  });
}
