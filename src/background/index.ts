// The service worker: a thin shell that wires extension APIs to the router,
// the badge, the context menu, the keyboard command and the retry queue.

import browser, { type Menus, type Runtime, type Tabs } from 'webextension-polyfill';
import { injectContentScript } from '../inject';
import { checkMessage, isMessageOf, message, type ReplyOf, type StepDirection } from '../messages';
import { articleKey } from '../url';
import { Library } from '../store';
import type { BackgroundStore } from './ports';
import { RetryQueue } from './retry';
import { Drafts, DRAFTS_PORT } from './drafts';
import { handleMessage, type RouterDeps } from './router';
import { broadcastChanges } from './broadcast';
import { saveSelectionIn, type TabMessenger } from './selection';
import { SyncService } from './sync';

const MENU_ID = 'save-highlight';
const COMMAND = 'save-highlight';

let libraryPromise: Promise<Library> | null = null;
function openLibrary(): Promise<Library> {
  // A failed open is retried on the next use instead of poisoning the worker.
  libraryPromise ??= Promise.resolve()
    .then(() => {
      const lib = new Library();
      // Writes here and in the library page or popup: sync soon after, if on.
      lib.onChange(() => void sync.wrote().catch(() => undefined));
      lib.onExternalChange(() => void sync.wrote().catch(() => undefined));
      return lib;
    })
    .catch((e: unknown) => {
      libraryPromise = null;
      throw e;
    });
  return libraryPromise;
}
const library = (): Promise<BackgroundStore> => openLibrary();

function broadcast(articleKeys: string[]): Promise<void> {
  return broadcastChanges(browser.tabs, articleKeys);
}

const retry = new RetryQueue(
  browser.storage.local,
  async (h, a) => {
    const lib = await library();
    await lib.saveHighlight(h, a);
  },
  Date.now,
  (h) => void broadcast([h.articleKey]),
);

const sync = new SyncService({
  storage: browser.storage.local,
  alarms: browser.alarms,
  timers: {
    setTimeout: (fn, ms) => setTimeout(fn, ms),
    clearTimeout: (h) => clearTimeout(h as number),
    now: Date.now,
  },
  permissions: browser.permissions,
  db: async () => (await openLibrary()).db,
  // Changes from other devices reach open pages the way the reader's own edits do.
  onChange: (articleKeys) => void broadcast(articleKeys),
});
browser.alarms.onAlarm.addListener((alarm) => void sync.onAlarm(alarm.name));

const tabPages = new Map<number, string>();
const extensionOrigin = new URL(browser.runtime.getURL('/')).origin;

async function setBadge(tabId: number, text: string): Promise<void> {
  await browser.action.setBadgeText({ tabId, text }).catch(() => undefined);
}

const routerDeps: RouterDeps = {
  library,
  retry,
  setBadge,
  broadcast,
  extensionOrigin,
  extensionId: browser.runtime.id,
  tabPages,
  sync,
};

/** Per open popup (its drafts port): what it typed and has not seen written yet. */
const openDrafts = new Set<Drafts>();

browser.runtime.onMessage.addListener((raw: unknown, sender: Runtime.MessageSender) => {
  const reply = handleMessage(raw, sender, routerDeps);
  const parsed = checkMessage(raw);
  if (parsed.ok && isMessageOf(parsed.message, 'library:update')) {
    const m = parsed.message;
    void reply.then((r) => {
      if (r.ok) for (const d of openDrafts) d.settled(m.id, m.patch);
    });
  }
  return reply;
});

// Drafts arrive as library:update messages and are written, through the
// router's checks, when the popup's port goes (see drafts.ts).
browser.runtime.onConnect.addListener((port: Runtime.Port) => {
  if (port.name !== DRAFTS_PORT) return;
  const sender = port.sender ?? {};
  const drafts = new Drafts();
  openDrafts.add(drafts);
  port.onMessage.addListener((raw: unknown) => {
    const parsed = checkMessage(raw);
    if (parsed.ok && isMessageOf(parsed.message, 'library:update')) drafts.put(parsed.message);
  });
  port.onDisconnect.addListener(() => {
    openDrafts.delete(drafts);
    for (const m of drafts.take()) void handleMessage(m, sender, routerDeps);
  });
});

// The badge belongs to the page, not the tab: clear it when the tab goes
// elsewhere, unless the content script already reported the new page.
browser.tabs.onUpdated.addListener((tabId: number, change: Tabs.OnUpdatedChangeInfoType) => {
  if (change.url === undefined) return;
  if (tabPages.get(tabId) === articleKey(change.url)) return;
  tabPages.delete(tabId);
  void setBadge(tabId, '');
});
browser.tabs.onRemoved.addListener((tabId: number) => void tabPages.delete(tabId));

const tabMessenger: TabMessenger = {
  sendMessage: (tabId, msg) => browser.tabs.sendMessage(tabId, msg),
  injectContentScript: (tabId) => injectContentScript(browser.scripting, tabId),
};

export function saveSelectionInTab(tabId: number): Promise<ReplyOf<'selection:save'>> {
  return saveSelectionIn(tabId, tabMessenger);
}

export async function onContextMenuClick(
  info: Menus.OnClickData,
  tab?: Tabs.Tab,
): Promise<ReplyOf<'selection:save'> | null> {
  if (info.menuItemId !== MENU_ID || tab?.id === undefined) return null;
  return saveSelectionInTab(tab.id);
}

/** The keyboard commands that move through the page's highlights. */
const STEP_COMMANDS: Readonly<Record<string, StepDirection>> = {
  'next-highlight': 'next',
  'previous-highlight': 'previous',
};

export async function onCommand(
  command: string,
  tab?: Tabs.Tab,
): Promise<ReplyOf<'selection:save'> | ReplyOf<'page:stepHighlight'> | null> {
  const direction = STEP_COMMANDS[command];
  if (command !== COMMAND && direction === undefined) return null;
  const tabId = tab?.id ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
  if (tabId === undefined) return null;
  if (direction === undefined) return saveSelectionInTab(tabId);
  // A page the content script is not on has no highlights to step through.
  return (
    browser.tabs.sendMessage(tabId, message('page:stepHighlight', { direction })) as Promise<
      ReplyOf<'page:stepHighlight'>
    >
  ).catch(() => null);
}

browser.runtime.onInstalled.addListener(() => {
  void (async () => {
    await browser.contextMenus.removeAll();
    browser.contextMenus.create({
      id: MENU_ID,
      title: browser.i18n.getMessage('contextMenuSave') || 'Save highlight',
      contexts: ['selection'],
    });
  })();
});
browser.contextMenus.onClicked.addListener((info, tab) => void onContextMenuClick(info, tab));
browser.commands.onCommand.addListener((command: string, tab?: Tabs.Tab) => void onCommand(command, tab));

browser.runtime.onStartup.addListener(() => void retry.run(true));
browser.runtime.onStartup.addListener(() => void sync.resume());
browser.runtime.onInstalled.addListener(() => void sync.resume());
void retry.run(true);

// Tests cannot click a context menu or press a command in a headless browser:
// they drive the same handlers from the worker's global scope.
(globalThis as unknown as { ih: unknown }).ih = {
  saveSelectionInTab,
  onContextMenuClick,
  onCommand,
  broadcast,
  retryNow: () => retry.run(true),
  retryEntries: () => retry.entries(),
  library,
  sync,
};
