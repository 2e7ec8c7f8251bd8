// The browser's side of "Send to Obsidian", shared by the popup and the
// library: the stored settings, the real ports deliver.ts sends through, and the
// optional host permission the REST API needs. A thin shell: the decisions are
// in src/obsidian/.

import browser from 'webextension-polyfill';
import type { DeliverPorts } from './obsidian/deliver';
import type { SendContext } from './obsidian/send';
import {
  loadObsidianSettings,
  loadTemplateSettings,
  type StoredSendSettings,
  sendContext,
} from './obsidian/stored';
import { loadSettings } from './settings';

export function storageArea() {
  return browser.storage.local;
}

export async function loadSendSettings(): Promise<StoredSendSettings> {
  const area = storageArea();
  const [settings, obsidian, templates] = await Promise.all([
    loadSettings(area),
    loadObsidianSettings(area),
    loadTemplateSettings(area),
  ]);
  return { settings, obsidian, templates };
}

export async function loadSendContext(): Promise<SendContext> {
  return sendContext(await loadSendSettings());
}

/** Calls back when any of the settings a send reads changes; returns the unsubscribe. */
export function onSendSettingsChanged(cb: () => void): () => void {
  const listener = (changes: Record<string, unknown>, area: string): void => {
    if (area === 'local' && ['settings', 'obsidian', 'templates'].some((k) => k in changes)) cb();
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

/**
 * Hands an obsidian:// address to the browser. A link clicked in a frame of its
 * own: the browser asks the system for the app (Chrome shows its "Open
 * Obsidian?" prompt) and this page stays as it is whatever the answer.
 */
function openAddress(url: string): void {
  const frame = document.createElement('iframe');
  frame.hidden = true;
  frame.setAttribute('aria-hidden', 'true');
  document.body.append(frame);
  const doc = frame.contentDocument;
  const a = (doc ?? document).createElement('a');
  a.href = url;
  (doc?.body ?? document.body).append(a);
  a.click();
  setTimeout(() => frame.remove(), 5000);
}

export function browserPorts(): DeliverPorts {
  return {
    open: openAddress,
    writeClipboard: (text) => navigator.clipboard.writeText(text),
    fetch: (url, init) => fetch(url, init),
  };
}

/** The addresses the REST API is reached at: both schemes of 127.0.0.1, the manifest's optional host permissions. */
export const REST_ORIGINS = ['http://127.0.0.1/*', 'https://127.0.0.1/*'];

/** Asks for the permission (from a click: browsers only ask then); true when it is granted. */
export async function requestRestPermission(): Promise<boolean> {
  try {
    return await browser.permissions.request({ origins: REST_ORIGINS });
  } catch {
    return false;
  }
}

export async function hasRestPermission(): Promise<boolean> {
  try {
    return await browser.permissions.contains({ origins: REST_ORIGINS });
  } catch {
    return false;
  }
}
