/**
 * Stops the end-to-end tests at once, with the exact install command, when no Chromium
 * is available: neither Playwright's own build nor the system's (CHROMIUM_PATH, /usr/bin/chromium).
 */
import { findChromium } from '../tests/support/chromium.ts';

const found = findChromium();
if (!found) {
  console.error(
    [
      'No Chromium found for the end-to-end tests.',
      'Install one of these, then run npm test again:',
      '  Debian or Ubuntu:  sudo apt-get update && sudo apt-get install -y chromium',
      '  Any other system:  npx playwright install chromium',
      'Or point CHROMIUM_PATH at a Chromium or Chrome binary.',
    ].join('\n'),
  );
  process.exit(1);
}
console.log(`End-to-end tests run in ${found.description}.`);
