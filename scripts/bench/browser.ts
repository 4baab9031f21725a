/** Chromium for the browser sections, and a recorder of every response a page loads. */
import { chromium, type Browser, type Page, type Response } from '@playwright/test';
import { gzipSync } from 'node:zlib';
import { CHROMIUM_ARGS, findChromium } from '../../tests/support/chromium.ts';
import { sleep } from './util.ts';

export interface ResourceTotals {
  requests: number;
  raw: number;
  gzip: number;
}

export interface ResourceFile {
  path: string;
  kind: Kind;
  raw: number;
  gzip: number;
}

export interface PageWeight {
  html: ResourceTotals;
  css: ResourceTotals;
  js: ResourceTotals;
  other: ResourceTotals;
  files: ResourceFile[];
  swaggerUiUrls: string[];
  failed: string[];
}

/** Which bucket a response counts in. */
export type Kind = 'html' | 'css' | 'js' | 'other';

/** Launch Chromium (CHROMIUM_PATH, Playwright's, or the system's) with the project's flags; undefined when there is none. */
export async function launchChromium(): Promise<{ browser: Browser; description: string } | undefined> {
  const choice = findChromium();
  if (!choice) return undefined;
  const browser = await chromium.launch(
    choice.executablePath ? { executablePath: choice.executablePath, args: CHROMIUM_ARGS } : { args: CHROMIUM_ARGS },
  );
  return { browser, description: `${choice.description}, ${browser.version()}` };
}

/** The executable Lighthouse should start: findChromium()'s, else Playwright's own. */
export function chromiumExecutable(): string | undefined {
  const choice = findChromium();
  if (!choice) return undefined;
  return choice.executablePath ?? chromium.executablePath();
}

/** Bucket a response by the request's resource type, falling back to its content type. */
function kindOf(response: Response): Kind {
  const type = response.request().resourceType();
  const contentType = response.headers()['content-type'] ?? '';
  if (type === 'document' || (type === 'other' && contentType.includes('text/html'))) return 'html';
  if (type === 'stylesheet' || contentType.includes('text/css')) return 'css';
  if (type === 'script' || contentType.includes('javascript')) return 'js';
  return 'other';
}

/**
 * Record every response of a page from now on. settle() waits until no request has been in
 * flight for quietMs (Playwright's networkidle can fire while a big script is still evaluating,
 * before the requests it makes); totals() waits for the bodies and sums them per kind, raw and gzipped.
 */
export function recordResponses(page: Page): {
  settle(quietMs?: number, timeoutMs?: number): Promise<void>;
  totals(): Promise<PageWeight>;
} {
  const pending: Array<Promise<{ kind: Kind; url: string; body: Buffer | undefined }>> = [];
  let inFlight = 0;
  let lastActivity = Date.now();
  const finished = () => {
    inFlight = Math.max(0, inFlight - 1);
    lastActivity = Date.now();
  };
  page.on('request', () => {
    inFlight += 1;
    lastActivity = Date.now();
  });
  page.on('requestfinished', finished);
  page.on('requestfailed', finished);
  page.on('response', (response) => {
    pending.push(
      response.body().then(
        (body) => ({ kind: kindOf(response), url: response.url(), body }),
        () => ({ kind: kindOf(response), url: response.url(), body: undefined }),
      ),
    );
  });
  return {
    async settle(quietMs = 2_000, timeoutMs = 60_000) {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline && (inFlight > 0 || Date.now() - lastActivity < quietMs)) await sleep(100);
    },
    async totals() {
      const empty = (): ResourceTotals => ({ requests: 0, raw: 0, gzip: 0 });
      const weight: PageWeight = { html: empty(), css: empty(), js: empty(), other: empty(), files: [], swaggerUiUrls: [], failed: [] };
      for (const { kind, url, body } of await Promise.all(pending)) {
        const bucket = weight[kind];
        bucket.requests += 1;
        if (body === undefined) {
          // Redirects and aborted requests have no body.
          weight.failed.push(url);
        } else {
          const gzip = gzipSync(body).length;
          bucket.raw += body.length;
          bucket.gzip += gzip;
          weight.files.push({ path: new URL(url).pathname, kind, raw: body.length, gzip });
        }
        if (url.includes('swagger-ui')) weight.swaggerUiUrls.push(url);
      }
      return weight;
    },
  };
}
