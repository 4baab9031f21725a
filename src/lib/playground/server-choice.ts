import type { ServerMode } from './explain-outcome.ts';
import { validateServerUrl } from './server-url.ts';

export interface ServerChoice {
  mode: ServerMode;
  customUrl: string;
}

export const SERVER_CHOICE_KEY = 'meshplay-api-reference:server';

/** Read the reader's saved choice; anything malformed falls back to the default. */
export function parseServerChoice(saved: string | null, proxyAvailable: boolean): ServerChoice {
  const fallback: ServerChoice = { mode: proxyAvailable ? 'proxy' : 'direct', customUrl: '' };
  if (!saved) return fallback;
  try {
    const value = JSON.parse(saved) as Partial<ServerChoice>;
    // Keep the checked form of the URL (trimmed, no trailing slash), not what was saved.
    const checked = typeof value.customUrl === 'string' ? validateServerUrl(value.customUrl) : undefined;
    const customUrl = checked?.ok ? checked.url : '';
    if (value.mode === 'proxy') return proxyAvailable ? { mode: 'proxy', customUrl } : { mode: 'direct', customUrl };
    if (value.mode === 'custom' && customUrl !== '') return { mode: 'custom', customUrl };
    if (value.mode === 'direct') return { mode: 'direct', customUrl };
    return { ...fallback, customUrl };
  } catch {
    return fallback;
  }
}

/** The base URL requests go to for a choice. */
export function getServerBase(choice: ServerChoice, urls: { proxy: string; direct: string }): string {
  if (choice.mode === 'proxy') return urls.proxy;
  if (choice.mode === 'custom' && choice.customUrl !== '') return choice.customUrl;
  return urls.direct;
}
