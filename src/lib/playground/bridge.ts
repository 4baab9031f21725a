/**
 * The local bridge as the playground sees it: where it listens, when the page may look for it,
 * and the one command that starts it. Pure functions; the DOM side is in components/playground.
 */
import { DEFAULT_SERVER_URL } from '../meshplay/session.ts';
import { quoteForShell } from './curl-command.ts';
import type { ServerMode } from './server-choice.ts';
import { validateServerUrl } from './server-url.ts';
import { BRIDGE_DEFAULT_PORT, BRIDGE_FILE, BRIDGE_HOST, HEALTH_SEGMENT, PROXY_SEGMENT } from './try-it-interface.ts';

/** What the reader set for the bridge: the port it listens on and the Meshplay server it is started for. */
export interface BridgeSettings {
  port: number;
  server: string;
}

export const BRIDGE_SETTINGS_KEY = 'meshplay-api-reference:bridge';
export const DEFAULT_BRIDGE_SETTINGS: BridgeSettings = { port: BRIDGE_DEFAULT_PORT, server: DEFAULT_SERVER_URL };

export type PortCheck = { ok: true; port: number } | { ok: false; message: string };
export type CommandResult = { ok: true; command: string } | { ok: false; message: string };

/** Where the playground sends requests for the bridge on a port. */
export function bridgeBase(port: number): string {
  return `http://${BRIDGE_HOST}:${port}/${PROXY_SEGMENT}`;
}

/** The bridge's health URL on a port: no token is sent there. */
export function bridgeHealthUrl(port: number): string {
  return `http://${BRIDGE_HOST}:${port}/${HEALTH_SEGMENT}`;
}

/** Whether a host name is this computer: localhost, *.localhost, 127.x.y.z or [::1]. */
export function isLoopbackHostname(hostname: string): boolean {
  const name = hostname.toLowerCase().replace(/\.$/, '');
  return (
    name === 'localhost' ||
    name.endsWith('.localhost') ||
    name === '[::1]' ||
    name === '::1' ||
    /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(name)
  );
}

/**
 * Whether the page may look for the bridge as soon as it loads. Chrome 142+ asks the reader
 * before a public page reaches a loopback address, so a hosted page asks only when the reader
 * chose the bridge (now, or on an earlier visit); a page on this computer asks freely.
 */
export function shouldProbeBridgeOnLoad(pageUrl: string, savedMode: ServerMode | undefined): boolean {
  if (savedMode === 'bridge') return true;
  try {
    return isLoopbackHostname(new URL(pageUrl).hostname);
  } catch {
    return false;
  }
}

/** Check the port the reader typed for the bridge. */
export function parseBridgePort(text: string): PortCheck {
  const trimmed = text.trim();
  if (!/^\d{1,5}$/.test(trimmed)) {
    return { ok: false, message: `Enter the bridge's port as a number, such as ${BRIDGE_DEFAULT_PORT} (the port given to --port).` };
  }
  const port = Number(trimmed);
  if (port < 1 || port > 65_535) return { ok: false, message: `A port is a number from 1 to 65535, such as ${BRIDGE_DEFAULT_PORT}.` };
  return { ok: true, port };
}

/** Read the saved bridge settings; anything malformed falls back to the defaults, field by field. */
export function parseBridgeSettings(saved: string | null): BridgeSettings {
  if (!saved) return DEFAULT_BRIDGE_SETTINGS;
  let value: unknown;
  try {
    value = JSON.parse(saved);
  } catch {
    return DEFAULT_BRIDGE_SETTINGS;
  }
  if (typeof value !== 'object' || value === null) return DEFAULT_BRIDGE_SETTINGS;
  const fields = value as Record<string, unknown>;
  const savedPort = fields['port'];
  const port = parseBridgePort(typeof savedPort === 'number' || typeof savedPort === 'string' ? String(savedPort) : '');
  const server = typeof fields['server'] === 'string' ? validateServerUrl(fields['server']) : undefined;
  return {
    port: port.ok ? port.port : DEFAULT_BRIDGE_SETTINGS.port,
    server: server?.ok ? server.url : DEFAULT_BRIDGE_SETTINGS.server,
  };
}

/** Whether an origin is on this computer: the bridge allows those without --allow-origin. */
export function isLoopbackOrigin(origin: string): boolean {
  try {
    const url = new URL(origin);
    return (url.protocol === 'http:' || url.protocol === 'https:') && isLoopbackHostname(url.hostname);
  } catch {
    return false;
  }
}

/**
 * Whether the bridge must be told about this page's origin. The published bridge allows the
 * origin baked in at build time (SITE_URL) and loopback origins; any other host of these docs
 * has to be named with --allow-origin.
 */
export function needsAllowOrigin(pageOrigin: string, siteOrigin: string | undefined): boolean {
  return !isLoopbackOrigin(pageOrigin) && pageOrigin !== siteOrigin;
}

/** Quote a command argument only when the shell would otherwise read something in it. */
function shellArgument(value: string): string {
  return /^[A-Za-z0-9:/._~@%+=[\]-]+$/.test(value) ? value : quoteForShell(value);
}

/** The command that starts the bridge for this page: the Meshplay server, a port other than the default, and this page's origin when the bridge would refuse it. */
export function buildBridgeCommand(options: {
  server: string;
  port: number;
  pageOrigin: string;
  siteOrigin: string | undefined;
}): CommandResult {
  const server = validateServerUrl(options.server);
  if (!server.ok) return { ok: false, message: `The bridge's Meshplay server: ${server.message}` };
  const parts = ['node', BRIDGE_FILE, '--server', shellArgument(server.url)];
  if (options.port !== BRIDGE_DEFAULT_PORT) parts.push('--port', String(options.port));
  if (needsAllowOrigin(options.pageOrigin, options.siteOrigin)) parts.push('--allow-origin', shellArgument(options.pageOrigin));
  return { ok: true, command: parts.join(' ') };
}
