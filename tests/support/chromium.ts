import { chromium } from '@playwright/test';
import { existsSync } from 'node:fs';

export interface ChromiumChoice {
  /** undefined: Playwright's own build. */
  executablePath: string | undefined;
  description: string;
}

const SYSTEM_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/** Pick a Chromium: CHROMIUM_PATH, then Playwright's own download, then the system's. */
export function findChromium(): ChromiumChoice | undefined {
  const fromEnv = process.env.CHROMIUM_PATH?.trim();
  if (fromEnv) return existsSync(fromEnv) ? { executablePath: fromEnv, description: `CHROMIUM_PATH (${fromEnv})` } : undefined;
  let bundled: string | undefined;
  try {
    bundled = chromium.executablePath();
  } catch {
    bundled = undefined;
  }
  if (bundled && existsSync(bundled)) return { executablePath: undefined, description: "Playwright's Chromium" };
  const system = SYSTEM_PATHS.find((path) => existsSync(path));
  return system ? { executablePath: system, description: `the system's Chromium (${system})` } : undefined;
}

/** Flags that let Chromium run as root in a container and keep it off the network. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
