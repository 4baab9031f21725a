/** Refresh docs/screenshot.png for the README: run `npm run serve` first, then `node scripts/screenshot.ts`. */
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from '../tests/support/chromium.ts';

const url = process.argv[2] ?? 'http://127.0.0.1:4321/reference/rest-apis/';
const found = findChromium();
const browser = await chromium.launch(
  found?.executablePath ? { executablePath: found.executablePath, args: CHROMIUM_ARGS } : { args: CHROMIUM_ARGS },
);
const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
await page.goto(url);
await page.screenshot({ path: 'docs/screenshot.png' });
await browser.close();
console.log(`docs/screenshot.png from ${url}`);
