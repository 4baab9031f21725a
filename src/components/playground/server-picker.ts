/**
 * The server chooser: which ways are offered (from what the page detected), which one is
 * chosen (chooseServer, unless the reader chose), the bridge's help and the demo banner.
 * The reader's own choice is saved; a default is not, so that it follows what is detected next time.
 */
import {
  BRIDGE_SETTINGS_KEY,
  bridgeBase,
  buildBridgeCommand,
  parseBridgePort,
  parseBridgeSettings,
  shouldProbeBridgeOnLoad,
  type BridgeSettings,
} from '../../lib/playground/bridge.ts';
import { chooseServer, isAvailable, type BridgeState, type Detected } from '../../lib/playground/default-choice.ts';
import type { ProxyHealth } from '../../lib/playground/proxy-health.ts';
import {
  getServerBase,
  isServerMode,
  parseSavedChoice,
  SERVER_CHOICE_KEY,
  type ServerChoice,
  type ServerMode,
} from '../../lib/playground/server-choice.ts';
import { validateServerUrl } from '../../lib/playground/server-url.ts';
import { BRIDGE_DEFAULT_PORT, BRIDGE_HOST } from '../../lib/playground/try-it-interface.ts';
import { detectSiteProxy, probeBridge } from './detect.ts';

export interface ServerTarget {
  choice: ServerChoice;
  /** Where the browser sends requests. */
  base: string;
  /** The Meshplay server behind it, for curl commands and messages. */
  serverUrl: string;
}

export interface PickerUrls {
  proxy: string;
  health: string;
  demo: string;
  direct: string;
  /** The origin the published bridge allows without --allow-origin (SITE_URL at build time), if any. */
  siteOrigin: string | undefined;
}

export interface ServerPicker {
  current(): ServerTarget;
  /** Whether the token panel holds a token: same origin says it is not used. */
  setTokenPresent(present: boolean): void;
  /** The command that starts the bridge for this page, for explanations. */
  bridgeCommand(): string | undefined;
  /** Look for the bridge again (after a request to it failed). */
  recheckBridge(): void;
}

/** How long the playground waits for npm start's demo server to finish starting. */
const DEMO_WAIT_MS = 90_000;
const DEMO_POLL_MS = 1_000;

/** Read from localStorage without failing when storage is off. */
function readStored(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

/** Write to localStorage; when storage is off the value lasts for this page view. */
function writeStored(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    // Nothing to do: the page still works with what it holds.
  }
}

/** Find a required element, failing loudly when the markup and the script disagree. */
function part<T extends Element>(root: ParentNode, selector: string): T {
  const element = root.querySelector<T>(selector);
  if (!element) throw new Error(`Playground markup is missing ${selector}`);
  return element;
}

/** Show a message in a status line, as information or as an error. */
function say(element: HTMLElement, text: string, kind: 'info' | 'error'): void {
  element.textContent = text;
  element.dataset['kind'] = kind;
}

/** The chooser's elements. */
function findParts(root: HTMLElement) {
  return {
    radios: [...root.querySelectorAll<HTMLInputElement>('input[name="playground-server"]')],
    customInput: part<HTMLInputElement>(root, '[data-custom-server]'),
    message: part<HTMLElement>(root, '[data-server-message]'),
    bridgeHelp: part<HTMLElement>(root, '[data-bridge-help]'),
    bridgeStatus: part<HTMLElement>(root, '[data-bridge-status]'),
    bridgeCommand: part<HTMLElement>(root, '[data-bridge-command]'),
    bridgeServer: part<HTMLInputElement>(root, '[data-bridge-server]'),
    bridgePort: part<HTMLInputElement>(root, '[data-bridge-port]'),
    bridgeInputMessage: part<HTMLElement>(root, '[data-bridge-input-message]'),
    checkBridge: part<HTMLButtonElement>(root, '[data-action="check-bridge"]'),
    demoBanner: part<HTMLElement>(root, '[data-demo-banner]'),
  };
}

/** The label of a radio, by mode. */
function labelOf(root: HTMLElement, mode: ServerMode): HTMLElement | null {
  return root.querySelector<HTMLElement>(`[data-server-label="${mode}"]`);
}

/**
 * Bind the chooser. `siteHealth` is this site's proxy (detectSiteProxy); `sameOrigin` whether
 * Meshplay serves this page (detectSameOrigin, which may still be asking); the bridge is looked for here.
 */
export function bindServerPicker(
  root: HTMLElement,
  urls: PickerUrls,
  found: { siteHealth: ProxyHealth | undefined; sameOrigin: Promise<boolean> },
  onChange: (target: ServerTarget) => void,
): ServerPicker {
  const { siteHealth } = found;
  const parts = findParts(root);
  const sameOriginBase = location.origin;
  const saved = parseSavedChoice(readStored(SERVER_CHOICE_KEY));
  const detected: Detected = { siteProxy: siteHealth, bridge: 'unchecked', sameOrigin: false };
  let bridgeHealth: ProxyHealth | undefined;
  let bridgeProblem: string | undefined;
  let bridge: BridgeSettings = parseBridgeSettings(readStored(BRIDGE_SETTINGS_KEY));
  let choice: ServerChoice = chooseServer(detected, saved);
  // Once the reader picks, detections no longer move the choice.
  let explicit = false;
  let tokenPresent = false;
  let lastTarget = '';
  let probe = 0;

  parts.customInput.value = saved?.customUrl ?? '';
  parts.bridgeServer.value = bridge.server;
  parts.bridgePort.value = String(bridge.port);

  const bases = () => ({
    proxy: urls.proxy,
    bridge: bridgeBase(bridge.port),
    sameOrigin: sameOriginBase,
    demo: urls.demo,
    direct: urls.direct,
  });

  const serverUrlOf = (current: ServerChoice, base: string): string => {
    switch (current.mode) {
      case 'proxy':
      case 'demo':
        // The demo's curl commands are for a real Meshplay: the one npm start was given.
        return detected.siteProxy?.target ?? base;
      case 'bridge':
        return bridgeHealth?.target ?? bridge.server;
      case 'same-origin':
      case 'direct':
      case 'custom':
        return base;
    }
  };

  const targetOf = (current: ServerChoice): ServerTarget => {
    const base = getServerBase(current, bases());
    return { choice: current, base, serverUrl: serverUrlOf(current, base) };
  };

  const command = (): string | undefined => {
    const built = buildBridgeCommand({
      server: bridge.server,
      port: bridge.port,
      pageOrigin: location.origin,
      siteOrigin: urls.siteOrigin,
    });
    return built.ok ? built.command : undefined;
  };

  /** The radios' labels, availability and visibility, from what is detected. */
  const renderOptions = () => {
    const proxy = detected.siteProxy;
    for (const radio of parts.radios) {
      const mode = radio.value as ServerMode;
      radio.disabled = !isAvailable(mode, detected);
      radio.checked = mode === choice.mode;
    }
    root.querySelector<HTMLElement>('[data-server-option="same-origin"]')?.toggleAttribute('hidden', !detected.sameOrigin);
    root.querySelector<HTMLElement>('[data-server-option="demo"]')?.toggleAttribute('hidden', proxy?.demo === undefined);
    const proxyLabel = labelOf(root, 'proxy');
    if (proxyLabel) {
      proxyLabel.textContent = proxy
        ? `Meshplay at ${proxy.target}, through this site${proxy.meshplayReachable === false ? ' (not answering now)' : ''}`
        : 'Through this site: not available here (start the site with "npm start" to get the proxy)';
    }
    const bridgeLabel = labelOf(root, 'bridge');
    if (bridgeLabel) {
      const suffix: Record<BridgeState, string> = {
        unchecked: '',
        checking: ' (looking for it…)',
        silent: ' (not answering)',
        answering: '',
      };
      bridgeLabel.textContent = bridgeHealth
        ? `Your Meshplay at ${bridgeHealth.target}, through the bridge on this computer`
        : `Your Meshplay, through the bridge on this computer${suffix[detected.bridge]}`;
    }
    const demoLabel = labelOf(root, 'demo');
    if (demoLabel) {
      demoLabel.textContent = `Demo server: answers from the spec's examples, no real Meshplay${proxy?.demo === 'starting' ? ' (starting…)' : ''}`;
    }
  };

  /** The line under the radios: where requests go, and with which session. */
  const renderMessage = (target: ServerTarget) => {
    const { base } = target;
    switch (target.choice.mode) {
      case 'same-origin':
        say(
          parts.message,
          `Requests go to ${base} with your browser's Meshplay session on ${base}; the token panel is not used.` +
            (tokenPresent ? ' The token you pasted is not used in this mode.' : ''),
          'info',
        );
        return;
      case 'demo':
        say(
          parts.message,
          `Requests go to the demo server (${base}): it answers from the spec's examples, not from Meshplay; your token is not sent.`,
          'info',
        );
        return;
      case 'bridge':
        say(
          parts.message,
          bridgeHealth
            ? `Requests go to the bridge at ${base}, which forwards them to ${bridgeHealth.target} with your token as Meshplay's cookies.`
            : `Requests go to the bridge at ${base} once it runs.`,
          'info',
        );
        return;
      case 'proxy':
        say(
          parts.message,
          `Requests go to ${base}, which forwards them to ${target.serverUrl} with your token as Meshplay's cookies.`,
          'info',
        );
        return;
      case 'direct':
      case 'custom':
        say(parts.message, `Requests go to ${base}.`, 'info');
    }
  };

  /** The bridge's help: shown while the bridge is chosen and not answering. */
  const renderBridgeHelp = () => {
    const shown = choice.mode === 'bridge' && detected.bridge !== 'answering';
    parts.bridgeHelp.hidden = !shown;
    if (!shown) return;
    const where = `${BRIDGE_HOST}:${bridge.port}`;
    const status: Record<Exclude<BridgeState, 'answering'>, string> = {
      unchecked: `The page has not looked for the bridge at ${where} yet: choose "Check again" once it runs.`,
      checking: `Looking for the bridge at ${where}… If your browser asks whether this site may access devices on your local network (or apps on this device), allow it.`,
      silent: bridgeProblem ?? `No bridge answers at ${where}. Start it, then choose "Check again". A token you paste meanwhile is kept.`,
    };
    if (detected.bridge !== 'answering') say(parts.bridgeStatus, status[detected.bridge], bridgeProblem ? 'error' : 'info');
    const text = command();
    if (text) parts.bridgeCommand.textContent = text;
    parts.checkBridge.disabled = detected.bridge === 'checking';
  };

  const render = () => {
    const target = targetOf(choice);
    renderOptions();
    renderMessage(target);
    renderBridgeHelp();
    parts.demoBanner.hidden = choice.mode !== 'demo';
    const key = `${target.choice.mode} ${target.base} ${target.serverUrl}`;
    if (key !== lastTarget) {
      lastTarget = key;
      onChange(target);
    }
  };

  /** Choose again from what is detected, unless the reader has chosen a way that is still there. */
  const update = () => {
    if (!explicit || !isAvailable(choice.mode, detected)) choice = chooseServer(detected, explicit ? choice : saved);
    render();
  };

  /** Look for the bridge; a later probe wins over an earlier one still pending. */
  const checkBridge = async () => {
    const mine = ++probe;
    detected.bridge = 'checking';
    bridgeProblem = undefined;
    render();
    const result = await probeBridge(bridge.port);
    if (mine !== probe) return;
    bridgeHealth = result.answering ? result.health : undefined;
    bridgeProblem = result.answering ? undefined : result.problem;
    detected.bridge = result.answering ? 'answering' : 'silent';
    update();
  };

  /** The reader chose a way: save it, and look for the bridge if that is the way. */
  const choose = (next: ServerChoice) => {
    explicit = true;
    choice = next;
    writeStored(SERVER_CHOICE_KEY, JSON.stringify(choice));
    render();
    if (choice.mode === 'bridge' && detected.bridge !== 'answering' && detected.bridge !== 'checking') void checkBridge();
  };

  for (const radio of parts.radios) {
    radio.addEventListener('change', () => {
      if (!radio.checked || !isServerMode(radio.value)) return;
      if (radio.value !== 'custom') {
        choose({ mode: radio.value, customUrl: choice.customUrl });
        return;
      }
      const checked = validateServerUrl(parts.customInput.value);
      if (!checked.ok) {
        say(parts.message, checked.message, 'error');
        parts.customInput.focus();
        return;
      }
      choose({ mode: 'custom', customUrl: checked.url });
    });
  }
  parts.customInput.addEventListener('change', () => {
    const checked = validateServerUrl(parts.customInput.value);
    parts.customInput.setAttribute('aria-invalid', String(!checked.ok));
    if (!checked.ok) {
      say(parts.message, checked.message, 'error');
      return;
    }
    choose({ mode: 'custom', customUrl: checked.url });
  });

  /** The bridge's server and port, as the reader typed them: checked, saved, and shown in the command. */
  const readBridgeInputs = (): boolean => {
    const server = validateServerUrl(parts.bridgeServer.value);
    const port = parseBridgePort(parts.bridgePort.value);
    parts.bridgeServer.setAttribute('aria-invalid', String(!server.ok));
    parts.bridgePort.setAttribute('aria-invalid', String(!port.ok));
    if (!server.ok || !port.ok) {
      say(parts.bridgeInputMessage, !server.ok ? `Your Meshplay server: ${server.message}` : port.ok ? '' : port.message, 'error');
      return false;
    }
    const portChanged = port.port !== bridge.port;
    bridge = { server: server.url, port: port.port };
    writeStored(BRIDGE_SETTINGS_KEY, JSON.stringify(bridge));
    say(parts.bridgeInputMessage, port.port === BRIDGE_DEFAULT_PORT ? '' : `The page looks for the bridge on port ${port.port}.`, 'info');
    if (portChanged) {
      bridgeHealth = undefined;
      detected.bridge = 'unchecked';
    }
    render();
    return true;
  };
  // As the reader types, so that the command is right before they copy it, and nothing moves when they press Check again.
  parts.bridgeServer.addEventListener('input', () => void readBridgeInputs());
  parts.bridgePort.addEventListener('input', () => void readBridgeInputs());
  parts.checkBridge.addEventListener('click', () => {
    if (readBridgeInputs()) void checkBridge();
  });

  render();
  if (shouldProbeBridgeOnLoad(location.href, saved?.mode)) void checkBridge();
  void found.sameOrigin.then((isMeshplay) => {
    detected.sameOrigin = isMeshplay;
    update();
  });
  if (siteHealth?.demo === 'starting')
    void waitForDemo(urls.health, (health) => {
      detected.siteProxy = health;
      update();
    });

  return {
    current: () => targetOf(choice),
    setTokenPresent: (present) => {
      tokenPresent = present;
      renderMessage(targetOf(choice));
    },
    bridgeCommand: command,
    recheckBridge: () => {
      if (choice.mode === 'bridge' && detected.bridge !== 'checking') void checkBridge();
    },
  };
}

/** Ask this site's proxy again until its demo server has started (or failed), and report each answer. */
async function waitForDemo(healthUrl: string, onHealth: (health: ProxyHealth | undefined) => void): Promise<void> {
  const deadline = Date.now() + DEMO_WAIT_MS;
  while (Date.now() < deadline) {
    await new Promise((done) => setTimeout(done, DEMO_POLL_MS));
    const health = await detectSiteProxy(healthUrl);
    // A missed answer is not news: keep what is known and ask again.
    if (health && health.demo !== 'starting') {
      onHealth(health);
      return;
    }
  }
}
