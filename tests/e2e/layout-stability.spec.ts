import { expect, test, type Page } from '@playwright/test';
import { CLS_LIMIT } from '../../scripts/bench/budgets.ts';

/** Pages with an "On this page" sidebar: a guide, a tag page and an operation page. */
const PAGES_WITH_CONTENTS = ['extensibility/api/', 'reference/rest-apis/system/', 'reference/rest-apis/system/get-server-version/'];

/** Start recording layout shifts before the page's first paint. */
async function recordLayoutShifts(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const shifts: number[] = [];
    Object.defineProperty(globalThis, '__layoutShifts', { value: shifts });
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        // Shifts right after an input are the reader's own doing and do not count towards CLS.
        const shift = entry as PerformanceEntry & { value: number; hadRecentInput: boolean };
        if (!shift.hadRecentInput) shifts.push(shift.value);
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
}

/** The sum of the layout shifts recorded so far. */
function totalLayoutShift(page: Page): Promise<number> {
  return page.evaluate(() =>
    ((globalThis as unknown as { __layoutShifts: number[] }).__layoutShifts ?? []).reduce((sum, value) => sum + value, 0),
  );
}

test.describe('layout stability', () => {
  for (const width of [1350, 375]) {
    for (const path of PAGES_WITH_CONTENTS) {
      test(`reader opens /${path} at ${width} px and nothing moves while it loads`, async ({ page }) => {
        await page.setViewportSize({ width, height: 940 });
        await recordLayoutShifts(page);
        await page.goto(path, { waitUntil: 'load' });
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
        // Give idle-time scripts (search, table of contents) their turn to run.
        await page.waitForTimeout(1000);
        expect(await totalLayoutShift(page)).toBeLessThanOrEqual(CLS_LIMIT);
      });
    }
  }

  test('on a wide screen, "On this page" is already in place before the main content has arrived', async ({ page }) => {
    // Chrome paints long pages before it has parsed them. The "On this page" sidebar comes
    // before the main pane in the HTML, so a paint between the two must already show it at
    // the right; in stock Starlight it starts at the left and jumps (CLS 0.42 at 1350 px).
    await page.setViewportSize({ width: 1350, height: 940 });
    await page.goto('extensibility/api/');
    const contents = page.getByRole('navigation', { name: 'On this page' }).first();
    await expect(contents).toBeVisible();
    const settled = await contents.boundingBox();
    await page.evaluate(() => document.querySelector('.main-pane')?.remove());
    const beforeMainPane = await contents.boundingBox();
    expect(beforeMainPane?.x).toBe(settled?.x);
    expect(settled?.x ?? 0).toBeGreaterThan(1000);
  });
});
