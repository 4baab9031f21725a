import type { ServerMode } from './server-choice.ts';

/** Where the chosen way sends requests: the mode, the Meshplay server behind it, and the URL the browser calls. */
export interface RequestRoute {
  mode: ServerMode;
  serverUrl: string;
  base: string;
}

/** How each way is named after "through". */
const THROUGH: Record<ServerMode, string> = {
  proxy: "this site's proxy",
  bridge: 'the bridge on this computer',
  'same-origin': "your browser's Meshplay session on this server",
  demo: "the demo server (answers from the spec's examples, no real Meshplay)",
  direct: 'your browser, directly (the server must allow this page with CORS)',
  custom: 'the server you entered',
};

/** One sentence on where a request goes: "Requests go to <server>, through <way>." */
export function describeRequestRoute(route: RequestRoute): string {
  // The demo answers for no server of its own: name the URL the browser calls.
  const server = route.mode === 'demo' || route.serverUrl === '' ? route.base : route.serverUrl;
  return `Requests go to ${server}, through ${THROUGH[route.mode]}.`;
}
