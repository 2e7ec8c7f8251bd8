// What every screenshot module gets: Chromium with the built extension in a
// fresh profile, in one colour scheme, the sample interview served at its real
// address (nothing leaves the machine: every other request is refused), and
// the steps the modules share: open the sample with a few saved highlights,
// open an extension page, save a PNG at a fixed size under a scheme-suffixed
// name. A module (scripts/screenshots/NAME.mjs) exports `surface`, a name and
// an async `shoot(stage)`; scripts/screenshots.mjs runs each in light and dark.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { sampleHtml, SAMPLE_URL } from '../sample.mjs';
import { extensionArgs, findChromium, NO_CHROMIUM } from '../setup.mjs';

/** The page's window in every page shot: a laptop screen. */
export const PAGE_SIZE = { width: 1200, height: 760 };
/** The toolbar popup as Chromium shows it: its body is 420 px wide, at most 600 px high. */
export const POPUP_SIZE = { width: 420, height: 600 };

/** The highlights every seeded sample holds: a plain one with a note, one across a link, a whole Q&A. */
export const SEED = {
  noted: 'When reflecting on previous roles',
  linked:
    'You can see the continuation of that commitment in our recent announcement to support the Inspired Internet Pledge.',
  qaIndex: 2,
};

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * @param {{ dist: string, scheme: 'light' | 'dark', out: string }} opts
 */
export async function openStage({ dist, scheme, out }) {
  const executablePath = findChromium();
  if (!executablePath) throw new Error(NO_CHROMIUM);
  const profile = mkdtempSync(join(tmpdir(), 'ih-shots-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    colorScheme: scheme,
    viewport: PAGE_SIZE,
    deviceScaleFactor: 1,
    args: extensionArgs(dist),
  });
  const html = sampleHtml();
  await context.route('**/*', async (route, request) => {
    const url = request.url().split('#')[0];
    if (url === SAMPLE_URL)
      await route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
    else if (/^https?:/.test(url)) await route.abort('blockedbyclient');
    else await route.fallback();
  });
  const isOurs = (w) => w.url().startsWith('chrome-extension://');
  const worker =
    context.serviceWorkers().find(isOurs) ??
    (await context.waitForEvent('serviceworker', { predicate: isOurs, timeout: 20_000 }));
  const origin = `chrome-extension://${new URL(worker.url()).host}`;
  const written = [];

  const stage = {
    scheme,
    origin,
    context,
    worker,
    written,

    /** The sample in a new tab, once the content script has read it. */
    async sample() {
      const page = await context.newPage();
      await page.goto(SAMPLE_URL);
      await page.bringToFront();
      const tabId = await worker.evaluate(async () => {
        const [tab] = await globalThis.chrome.tabs.query({ active: true, lastFocusedWindow: true });
        return tab?.id ?? null;
      });
      if (tabId === null) throw new Error('no tab for the sample');
      for (let waited = 0; ; waited += 100) {
        const badge = await worker.evaluate(
          (id) => globalThis.chrome.action.getBadgeText({ tabId: id }),
          tabId,
        );
        if (badge !== '') break;
        if (waited > 15_000) throw new Error('the content script never read the sample');
        await sleep(100);
      }
      return { page, tabId };
    },

    /** The sample with SEED saved: a note on the first, the second green, a whole Q&A. */
    async seededSample() {
      const { page, tabId } = await stage.sample();
      const ids = {};
      for (const [key, text] of [
        ['noted', SEED.noted],
        ['linked', SEED.linked],
      ]) {
        await stage.selectText(page, text);
        const reply = await worker.evaluate((id) => globalThis.ih.saveSelectionInTab(id), tabId);
        if (!reply.ok) throw new Error(`could not save "${text}": ${reply.error}`);
        ids[key] = reply.value.id;
      }
      await stage.edit(ids.noted, {
        note: 'The people came first: worth rereading before a review.',
        tags: ['culture', 'hiring'],
      });
      await stage.edit(ids.linked, { color: 'green' });
      const qa = await worker.evaluate(
        async ({ id, index }) => {
          const state = await globalThis.chrome.tabs.sendMessage(id, { type: 'page:get' });
          const section = state.value.interview.sections[index];
          return globalThis.chrome.tabs.sendMessage(id, { type: 'page:saveSection', sectionId: section.id });
        },
        { id: tabId, index: SEED.qaIndex },
      );
      if (!qa.ok) throw new Error(`could not save the Q&A: ${qa.error}`);
      ids.qa = qa.value.id;
      await page.evaluate(() => window.getSelection()?.removeAllRanges());
      await sleep(500);
      return { page, tabId, ids };
    },

    /** Changes a saved highlight as the library would, and lets the tabs repaint. */
    async edit(id, patch) {
      await worker.evaluate(
        async ({ id, patch }) => {
          const h = await (await globalThis.ih.library()).updateHighlight(id, patch);
          await globalThis.ih.broadcast([h.articleKey]);
        },
        { id, patch },
      );
    },

    /** Selects the first occurrence of text on the page, as a drag would. */
    async selectText(page, text) {
      const found = await page.evaluate((needle) => {
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        const nodes = [];
        let all = '';
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          nodes.push([n, all.length]);
          all += n.data;
        }
        const at = all.indexOf(needle);
        if (at < 0) return false;
        const locate = (offset, end) => {
          for (let i = nodes.length - 1; i >= 0; i--) {
            const [node, start] = nodes[i];
            if (end ? start < offset : start <= offset) return [node, offset - start];
          }
          throw new Error('offset outside the text');
        };
        const range = document.createRange();
        range.setStart(...locate(at, false));
        range.setEnd(...locate(at + needle.length, true));
        const el = range.startContainer.parentElement;
        el?.scrollIntoView({ block: 'center' });
        const sel = window.getSelection();
        sel.removeAllRanges();
        sel.addRange(range);
        return true;
      }, text);
      if (!found) throw new Error(`not on the sample: ${text}`);
    },

    /** Scrolls the page so text sits in the upper third of the window. */
    async scrollTo(page, text) {
      await page.evaluate((needle) => {
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          if (n.data.includes(needle)) {
            const top = n.parentElement.getBoundingClientRect().top + window.scrollY;
            window.scrollTo(0, Math.max(0, top - window.innerHeight / 3));
            return;
          }
        }
      }, text);
      await sleep(200);
    },

    /** An extension page (like `popup/index.html?tab=3`) at a fixed size. */
    async extensionPage(path, size) {
      const page = await context.newPage();
      await page.setViewportSize(size);
      await page.goto(`${origin}/${path}`);
      return page;
    },

    /** Saves NAME-SCHEME.png in the output folder. */
    async shot(page, name, opts = {}) {
      await sleep(opts.settle ?? 300);
      const path = join(out, `${name}-${scheme}.png`);
      await page.screenshot({ path, ...(opts.clip ? { clip: opts.clip } : {}) });
      written.push(path);
      return path;
    },

    async close() {
      await context.close().catch(() => undefined);
      rmSync(profile, { recursive: true, force: true });
    },
  };
  return stage;
}
