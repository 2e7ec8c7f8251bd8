// PopupServices over the real extension: the tab's content script, the store in
// this extension origin, the clipboard. A thin shell: no decisions live here.

import browser from 'webextension-polyfill';
import { DRAFTS_PORT } from '../src/background/drafts';
import { injectContentScript } from '../src/inject';
import { isReply, message, type MessageMap, type MessageType } from '../src/messages';
import type { Library } from '../src/store';
import type { InjectResult, PageResult, PopupServices } from './services';

const SAVE_COMMAND = 'save-highlight';

class NoReceiver extends Error {}

// Chrome and Firefox word it differently; both mean nothing listens in that tab.
const NO_RECEIVER =
  /receiving end does not exist|could not establish connection|no matching message handler|message port closed/i;

async function ask<T extends MessageType>(
  tabId: number,
  type: T,
  payload: MessageMap[T]['req'],
): Promise<MessageMap[T]['res']> {
  let raw: unknown;
  try {
    raw = await browser.tabs.sendMessage(tabId, message(type, payload));
  } catch (e) {
    const text = e instanceof Error ? e.message : String(e);
    if (NO_RECEIVER.test(text)) throw new NoReceiver(text);
    throw e instanceof Error ? e : new Error(text);
  }
  if (raw === undefined) throw new NoReceiver('no reply');
  if (!isReply(raw)) throw new Error('The page sent an unreadable reply.');
  if (!raw.ok) throw new Error(raw.error);
  return raw.value as MessageMap[T]['res'];
}

export function browserServices(tabId: number): PopupServices {
  // The store (Dexie) and the renderer are most of the bundle and not needed
  // for the first paint: they load when first used, after the questions show.
  let library: Promise<Library> | null = null;
  const lib = (): Promise<Library> => (library ??= import('../src/store').then((m) => new m.Library()));
  const highlightsRenderer = () => import('../src/export/highlights');
  const interviewRenderer = () => import('../src/export/interview');
  let drafts: ReturnType<typeof browser.runtime.connect> | null = null;

  return {
    async getPage(): Promise<PageResult> {
      try {
        performance.mark('ih:page-asked');
        const page = await ask(tabId, 'page:get', {});
        performance.mark('ih:page-answered');
        return { status: 'ok', page };
      } catch (e) {
        if (e instanceof NoReceiver) return { status: 'no-receiver' };
        return { status: 'error', message: e instanceof Error ? e.message : String(e) };
      }
    },
    async inject(): Promise<InjectResult> {
      try {
        await injectContentScript(browser.scripting, tabId);
        return { status: 'ok' };
      } catch (e) {
        return { status: 'forbidden', message: e instanceof Error ? e.message : String(e) };
      }
    },
    saveSection: (sectionId, paragraphIndex) =>
      ask(
        tabId,
        'page:saveSection',
        paragraphIndex === undefined ? { sectionId } : { sectionId, paragraphIndex },
      ),
    scrollTo: async (sectionId) => {
      await ask(tabId, 'page:scrollTo', { sectionId });
    },
    draftHighlight: (id, patch, articleKey) => {
      try {
        drafts ??= browser.runtime.connect({ name: DRAFTS_PORT });
        drafts.postMessage(message('library:update', { id, patch, articleKey }));
      } catch {
        // A port the background closed (it restarted): the next key opens a new one.
        drafts = null;
      }
    },
    showHighlight: async (id) => {
      await ask(tabId, 'page:showHighlight', { id });
    },
    tabUrl: async () => (await browser.tabs.get(tabId)).url ?? null,

    highlightsForArticle: async (key) => (await lib()).highlightsForArticle(key),
    getArticle: async (key) => (await lib()).getArticle(key),
    updateHighlight: (id, patch, articleKey) => {
      // Sent before any await: this is what a closing popup still delivers.
      const reply: Promise<unknown> = browser.runtime.sendMessage(
        message('library:update', { id, patch, articleKey }),
      );
      return reply.then((raw) => {
        if (!isReply(raw)) throw new Error('The background sent an unreadable reply.');
        if (!raw.ok) throw new Error(raw.error);
      });
    },
    deleteHighlights: async (ids) => (await lib()).deleteHighlights(ids),
    restoreHighlights: async (rows) => {
      await (await lib()).restoreHighlights(rows);
    },
    libraryChanged: async (articleKeys) => {
      await browser.runtime.sendMessage(message('library:changed', { articleKeys }));
    },
    onLibraryChange: (callback) => {
      let closed = false;
      const offs: (() => void)[] = [];
      void lib().then((l) => {
        if (closed) return;
        // Our own writes and the background's (a save from the page) both mean: read again.
        offs.push(
          l.onChange(() => callback()),
          l.onExternalChange(callback),
        );
      });
      return () => {
        closed = true;
        for (const off of offs) off();
      };
    },

    loadSettings: async () => (await import('../src/settings')).loadSettings(),
    renderHighlights: async (article, highlights, options) =>
      (await highlightsRenderer()).renderHighlights(article, highlights, options),
    renderInterview: async (interview) => (await interviewRenderer()).renderInterview(interview),

    copyText: (text) => navigator.clipboard.writeText(text),
    openLibraryPage: () => browser.runtime.openOptionsPage(),
    async selectionShortcut() {
      const commands = await browser.commands.getAll();
      return commands.find((c) => c.name === SAVE_COMMAND)?.shortcut || null;
    },
  };
}
