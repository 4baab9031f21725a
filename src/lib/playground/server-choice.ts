import { validateServerUrl } from './server-url.ts';

/**
 * Where the playground sends a try-it request:
 * - `proxy`: this site's proxy (`npm start`), which turns the token into Meshplay's cookies;
 * - `bridge`: the bridge the reader runs on this computer, which does the same from a hosted page;
 * - `same-origin`: the Meshplay server that serves this page, with the browser's own session cookie;
 * - `demo`: the demo server `npm start` runs over the spec's examples (no Meshplay at all);
 * - `direct`: the spec's server, straight from the browser (needs CORS);
 * - `custom`: a URL the reader gives, such as a reverse proxy's prefix.
 */
export type ServerMode = 'proxy' | 'bridge' | 'same-origin' | 'demo' | 'direct' | 'custom';

export const SERVER_MODES: readonly ServerMode[] = ['proxy', 'bridge', 'same-origin', 'demo', 'direct', 'custom'];

export interface ServerChoice {
  mode: ServerMode;
  customUrl: string;
}

/** The base URL of each way, resolved against the page. */
export interface ServerBases {
  proxy: string;
  bridge: string;
  sameOrigin: string;
  demo: string;
  direct: string;
}

export const SERVER_CHOICE_KEY = 'meshplay-api-reference:server';

/** Whether a string names one of the server modes. */
export function isServerMode(value: unknown): value is ServerMode {
  return typeof value === 'string' && (SERVER_MODES as readonly string[]).includes(value);
}

/** Read the choice the reader saved; undefined when there is none or it is malformed (a custom choice needs a valid URL). */
export function parseSavedChoice(saved: string | null): ServerChoice | undefined {
  if (!saved) return undefined;
  let value: Partial<Record<keyof ServerChoice, unknown>>;
  try {
    value = JSON.parse(saved) as Partial<Record<keyof ServerChoice, unknown>>;
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null || !isServerMode(value.mode)) return undefined;
  // Keep the checked form of the URL (trimmed, no trailing slash), not what was saved.
  const checked = typeof value.customUrl === 'string' ? validateServerUrl(value.customUrl) : undefined;
  const customUrl = checked?.ok ? checked.url : '';
  if (value.mode === 'custom' && customUrl === '') return undefined;
  return { mode: value.mode, customUrl };
}

/** The base URL requests go to for a choice. */
export function getServerBase(choice: ServerChoice, bases: ServerBases): string {
  switch (choice.mode) {
    case 'proxy':
      return bases.proxy;
    case 'bridge':
      return bases.bridge;
    case 'same-origin':
      return bases.sameOrigin;
    case 'demo':
      return bases.demo;
    case 'custom':
      return choice.customUrl !== '' ? choice.customUrl : bases.direct;
    case 'direct':
      return bases.direct;
  }
}

/**
 * Whether requests in a mode carry the reader's token. Same origin uses the browser's own
 * session cookie (a token header would be read by nothing, and could belong to someone else);
 * the demo server is not Meshplay and must never see a real token.
 */
export function carriesToken(mode: ServerMode): boolean {
  return mode !== 'same-origin' && mode !== 'demo';
}
