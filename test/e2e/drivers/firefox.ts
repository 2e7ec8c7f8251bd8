// Firefox ESR with dist/firefox installed as a temporary add-on, driven by
// Puppeteer over WebDriver BiDi (scripts/firefox.mjs launches it): the same
// Session the Chromium driver gives, built on what Firefox allows.
//
// - The background is an event page, not a worker BiDi can reach: scenarios
//   reach it from a blank page of the extension's own (test-bridge.html,
//   added to a copy of dist/firefox for the tests only) through
//   runtime.getBackgroundPage(). The event page is kept awake, as DevTools
//   keeps Chromium's service worker awake for Playwright.
// - Requests are routed by one BiDi intercept for every tab (the Router
//   decides), and everything else is sent to a closed port on 127.0.0.1 by the
//   proxy prefs, so nothing leaves the machine whatever the intercept misses.
// - What the network watch sees (network-watch.ts): every request of every tab
//   (web pages and extension pages opened in tabs) through BiDi's events, with
//   the tab's address. The background page and the real popup are not tabs and
//   BiDi reports none of their requests; their Resource Timing entries (failed
//   fetches included) are swept instead, at launch, when the popup closes and
//   at close. WebSockets are not reported by BiDi at all.
// - Uncaught errors of the extension reach Firefox's stdout only; close()
//   fails the test file if there were any.
// - Firefox's own window (its chrome document, which BiDi reaches with
//   --remote-allow-system-access) is where the real context menu opens and
//   where the extension's shortcut keys live: contextMenu() and
//   pressShortcut() work there.

import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { expect } from 'vitest';
import {
  extensionLines,
  FIREFOX_ORIGIN,
  launchFirefox,
  openExtensionPage,
} from '../../../scripts/firefox.mjs';
import { findFirefox, NO_FIREFOX } from '../../../scripts/setup.mjs';
import { LaunchLog, requestSource, type RequestSource } from '../network-watch';
import { TestPage, type PagePrimitives } from '../page';
import { BROWSER_LABEL, Router, type Background, type Download, type Session } from '../session';

export interface FirefoxOptions {
  headless?: boolean;
  extensionDir: string;
}

/** The extension's real toolbar popup, which Firefox lets an extension page open and reach. */
export interface ActionPopup {
  /** Runs fn with the popup's window as its first argument (sent as source, like Session.background). */
  evaluate<R, A>(fn: (w: Window & typeof globalThis, arg: A) => R | Promise<R>, arg: A): Promise<R>;
  close(): Promise<void>;
}

export interface FirefoxSession extends Session {
  /** Opens the real popup for the active tab (action.openPopup, allowed without a gesture by a pref). */
  openActionPopup(): Promise<ActionPopup>;
  /**
   * Fires the key element Firefox made for an extension shortcut (like
   * "Alt+Shift+H") in the browser window: from there on it is Firefox's own
   * path (activeTab granted, commands.onCommand with the tab). A real X key
   * press reaches the page but not these key elements in a Firefox driven over
   * BiDi (its keypress never reaches the window's system-group listeners), so
   * this is the closest a test gets.
   */
  pressShortcut(shortcut: string): Promise<void>;
  /**
   * The page's context menu as Firefox shows it (open it first, with a right
   * click): the labels of its visible items, and choosing one as a click would.
   */
  contextMenu(): Promise<{ labels: string[]; choose(label: string): Promise<void> }>;
}

const BRIDGE = 'test-bridge.html';
/** The background's window, as an expression in the bridge page. */
const BACKGROUND = 'await browser.runtime.getBackgroundPage()';
const BACKGROUND_URL = `${FIREFOX_ORIGIN}/_generated_background_page.html`;
const currentTest = (): string => expect.getState().currentTestName ?? '';

/** The subset of BiDi's raw connection this driver uses (Puppeteer's own, not in its public types). */
interface BidiConnection {
  send(method: string, params: object): Promise<{ result: Record<string, unknown> }>;
  on(event: string, handler: (params: never) => void): void;
}

interface BeforeRequestSent {
  context: string | null;
  isBlocked: boolean;
  intercepts?: string[];
  navigation: string | null;
  request: {
    request: string;
    url: string;
    method: string;
    destination?: string;
    initiatorType?: string | null;
  };
}

/** Firefox's request kinds in the words Playwright uses, which the Router and the network watch read. */
function resourceType(r: BeforeRequestSent['request']): string {
  if (r.destination) return r.destination === 'iframe' ? 'document' : r.destination;
  if (r.initiatorType === 'xmlhttprequest') return 'xhr';
  if (r.initiatorType === 'beacon') return 'ping';
  return r.initiatorType || 'other';
}

/** A port nothing listens on: the proxy prefs point there, so an unrouted request fails at once, locally. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  await new Promise((r) => server.close(r));
  return port;
}

function prefs(downloads: string, proxyPort: number): Record<string, unknown> {
  return {
    'extensions.openPopupWithoutUserGesture.enabled': true,
    // Timers in background tabs otherwise slow to a crawl, and the tests keep several tabs.
    'dom.min_background_timeout_value': 4,
    'dom.timeout.enable_budget_timer_throttling': false,
    'extensions.background.idle.timeout': 3_600_000,
    // Lets a test read the clipboard from a page without a paste prompt; writing needs no pref.
    'dom.events.testing.asyncClipboard': true,
    // Grants an optional permission the extension asks for (the 127.0.0.1 host permission of the Obsidian REST API) without the doorhanger no driver can click.
    'extensions.webextOptionalPermissionPrompts': false,
    'browser.download.dir': downloads,
    'browser.download.folderList': 2,
    'browser.download.useDownloadDir': true,
    'browser.download.always_ask_before_handling_new_types': false,
    'browser.download.start_downloads_in_tmp_dir': false,
    'network.proxy.type': 1,
    'network.proxy.http': '127.0.0.1',
    'network.proxy.http_port': proxyPort,
    'network.proxy.ssl': '127.0.0.1',
    'network.proxy.ssl_port': proxyPort,
    'network.proxy.no_proxies_on': '',
  };
}

function pagePrimitives(page: Page): PagePrimitives {
  // Puppeteer's page.url() does not follow a navigation it did not see finish (see openExtensionPage); the document does.
  const url = (): Promise<string> => page.evaluate(() => location.href).catch(() => page.url());
  return {
    url,
    goto: async (to, timeout) => {
      // Only web pages send BiDi a load event; other addresses are loaded and then waited for.
      if (/^https?:/.test(to)) await page.goto(to, { timeout, waitUntil: 'load' });
      else await openExtensionPage(page, to, timeout);
    },
    reload: async (timeout) => {
      if (/^https?:/.test(await url())) {
        await page.reload({ timeout, waitUntil: 'load' });
        return;
      }
      // Like goto, a reload of an extension page never resolves over BiDi: mark the document and wait for a fresh one.
      await page.evaluate(() => {
        (window as unknown as { __ihOld?: true }).__ihOld = true;
        location.reload();
      });
      await page.waitForFunction(
        () => !(window as unknown as { __ihOld?: true }).__ihOld && document.readyState === 'complete',
        { timeout, polling: 100 },
      );
    },
    close: () => page.close(),
    bringToFront: () => page.bringToFront(),
    title: () => page.title(),
    evaluate: (fn, arg) => page.evaluate(fn as (a: unknown) => unknown, arg) as never,
    waitForFunction: async (fn, arg, timeout, polling) => {
      await page.waitForFunction(fn as (a: unknown) => unknown, { timeout, polling }, arg);
    },
    mouseClick: (x, y, button) => page.mouse.click(x, y, { button }),
    type: (text) => page.keyboard.type(text),
    press: (key) => page.keyboard.press(key as never),
    screenshot: async (path, fullPage) => {
      await page.screenshot({ path: path as `${string}.png`, fullPage });
    },
    setViewport: (width, height) => page.setViewport({ width, height }),
    setInputFiles: async (css, path) => {
      const input = await page.$(css);
      if (!input) throw new Error(`no ${css} on the page`);
      await (input as unknown as { uploadFile(p: string): Promise<void> }).uploadFile(path);
    },
  };
}

/**
 * Sends fn's source with its argument, to run with `target` (an expression in
 * the bridge) as its first argument. The argument is parsed by the target's
 * own JSON, as in Chromium's worker: an object made in the bridge page has the
 * bridge's Object.prototype, which the store's checks refuse as not plain data.
 */
const call = (target: string, fn: { toString(): string }, arg: unknown): string =>
  `(async () => { const t = ${target}; return (${fn.toString()})(t, t.JSON.parse(${JSON.stringify(JSON.stringify(arg ?? null))})); })()`;

export async function launchFirefoxSession(opts: FirefoxOptions): Promise<FirefoxSession> {
  const executablePath = findFirefox();
  if (!executablePath) throw new Error(NO_FIREFOX);
  if (!existsSync(join(opts.extensionDir, 'manifest.json'))) {
    throw new Error(`${opts.extensionDir} has no manifest.json: run \`node build.mjs\` first`);
  }
  const work = mkdtempSync(join(tmpdir(), 'ih-e2e-firefox-'));
  const extensionDir = join(work, 'extension');
  cpSync(opts.extensionDir, extensionDir, { recursive: true });
  writeFileSync(
    join(extensionDir, BRIDGE),
    '<!doctype html><meta charset="utf-8"><title>test bridge</title>\n',
  );
  const downloads = join(work, 'downloads');
  mkdirSync(downloads);

  const { browser, output } = (await launchFirefox({
    executablePath,
    extensionDir,
    headless: opts.headless ?? true,
    prefs: prefs(downloads, await closedPort()),
  })) as { browser: Browser; output: string[] };
  const router = new Router();
  const network = new LaunchLog(expect.getState().testPath ?? '');
  const conn = (browser as unknown as { connection: BidiConnection }).connection;
  const contextUrls = new Map<string, string>();
  let interceptId = '';

  const onRequest = (p: BeforeRequestSent): void => {
    const { url, method } = p.request;
    const type = resourceType(p.request);
    const at = (p.context && contextUrls.get(p.context)) || '';
    const source = requestSource({
      url,
      resourceType: type,
      navigation: p.navigation !== null,
      workerUrl: null,
      from: at,
      pageUrl: at,
      served: router.servedFor(url) !== null,
    });
    if (source) network.record({ url, resourceType: type, source, from: at, test: currentTest() });
    if (!p.isBlocked || !p.intercepts?.includes(interceptId)) return;
    const request = p.request.request;
    const d = router.decide(url, method, type);
    const done =
      d === 'block'
        ? conn.send('network.failRequest', { request })
        : d === 'continue'
          ? conn.send('network.continueRequest', { request })
          : conn.send('network.provideResponse', {
              request,
              statusCode: 200,
              reasonPhrase: 'OK',
              headers: [
                { name: 'content-type', value: { type: 'string', value: 'text/html; charset=utf-8' } },
              ],
              body: { type: 'string', value: d.serve },
            });
    // A request whose tab closed meanwhile cannot be answered any more.
    done.catch(() => undefined);
  };
  conn.on('network.beforeRequestSent', onRequest);
  const track = (p: { context: string; url: string }): void => void contextUrls.set(p.context, p.url);
  for (const e of ['contextCreated', 'navigationStarted', 'historyUpdated', 'fragmentNavigated'])
    conn.on(`browsingContext.${e}`, track);
  conn.on('browsingContext.contextDestroyed', (p: { context: string }) => void contextUrls.delete(p.context));

  /** Evaluates expression in the first browser window's own (chrome) document, and returns its value. */
  const inBrowserWindow = async (expression: string): Promise<unknown> => {
    const windows = await conn.send('browsingContext.getTree', { 'moz:scope': 'chrome' });
    const chrome = (windows.result.contexts as { context: string }[])[0]?.context;
    if (!chrome) throw new Error('no browser window');
    // Sent back as JSON text: BiDi would answer an array or object as its own remote-value tree.
    const r = await conn.send('script.evaluate', {
      expression: `(async () => JSON.stringify((await (${expression})) ?? null))()`,
      target: { context: chrome },
      awaitPromise: true,
    });
    const out = r.result as {
      type: string;
      result?: { value?: string };
      exceptionDetails?: { text?: string };
    };
    if (out.type === 'exception') throw new Error(`in the browser window: ${out.exceptionDetails?.text}`);
    return JSON.parse(out.result?.value ?? 'null');
  };

  const sweep = async (bridgeExpr: string, from: string, source: RequestSource, log = network) => {
    const entries = (await bridge.evaluate(
      `(async () => { const g = ${bridgeExpr}; return g ? g.performance.getEntriesByType('resource').map((e) => ({ url: e.name, type: e.initiatorType })) : []; })()`,
    )) as { url: string; type: string }[];
    return log.addResourceTiming(entries, source, from, currentTest());
  };

  let bridge: Page;
  const close = async (): Promise<void> => {
    await sweep(BACKGROUND, BACKGROUND_URL, 'extension background page').catch(() => undefined);
    await browser.close().catch(() => undefined);
    rmSync(work, { recursive: true, force: true });
    const errors = extensionLines(output).filter((l) => /JavaScript error|uncaught exception/i.test(l));
    if (errors.length > 0) throw new Error(`The extension threw in Firefox:\n${errors.join('\n')}`);
  };
  try {
    const tree = await conn.send('browsingContext.getTree', {});
    for (const c of tree.result.contexts as { context: string; url: string }[]) track(c);
    await conn.send('session.subscribe', {
      events: ['network.beforeRequestSent', 'browsingContext'],
    });
    interceptId = (await conn.send('network.addIntercept', { phases: ['beforeRequestSent'] })).result
      .intercept as string;

    bridge = await browser.newPage();
    await openExtensionPage(bridge, `${FIREFOX_ORIGIN}/${BRIDGE}`);
    await bridge.waitForFunction(`(async () => typeof (${BACKGROUND})?.ih === 'object')()`, {
      timeout: 20_000,
      polling: 100,
    });
    // Resource Timing keeps 250 entries and drops later ones; the watch reads the background's requests there.
    await bridge.evaluate(
      `(async () => (${BACKGROUND}).performance.setResourceTimingBufferSize(1_000_000))()`,
    );
    await sweep(BACKGROUND, BACKGROUND_URL, 'extension background page');
    const wrap = (p: Page): TestPage => new TestPage(pagePrimitives(p));
    const pages = new Map<TestPage, Page>();
    const newPage = async (): Promise<TestPage> => {
      const p = await browser.newPage();
      const t = wrap(p);
      pages.set(t, p);
      return t;
    };
    return {
      browser: 'firefox',
      label: BROWSER_LABEL.firefox,
      extensionOrigin: FIREFOX_ORIGIN,
      network,
      browserPageUrl: 'about:robots',
      newPage,
      openExtensionPage: async (path) => {
        const page = await newPage();
        await page.goto(`${FIREFOX_ORIGIN}/${path}`);
        return page;
      },
      background: <R, A>(fn: (g: Background, arg: A) => R | Promise<R>, arg: A): Promise<R> =>
        bridge.evaluate(call(BACKGROUND, fn, arg)) as Promise<R>,
      sweepBackground: (log) => sweep(BACKGROUND, BACKGROUND_URL, 'extension background page', log),
      serveHtml: async (url, html) => router.serve(url, html),
      blockNetwork: async () => {
        router.blocking = true;
        return router.log;
      },
      addInitScript: async (source) => {
        await conn.send('script.addPreloadScript', { functionDeclaration: `() => { ${source} }` });
      },
      readClipboard: (page) => page.evaluate(() => navigator.clipboard.readText()),
      download: async (_page, trigger): Promise<Download> => {
        const before = new Set(readdirSync(downloads));
        await trigger();
        const deadline = Date.now() + 20_000;
        for (;;) {
          const names = readdirSync(downloads);
          const fresh = names.filter((n) => !before.has(n) && !n.endsWith('.part'));
          const partial = names.some((n) => n.endsWith('.part'));
          if (fresh.length > 0 && !partial) {
            const path = join(downloads, fresh[0]!);
            if (statSync(path).size > 0) return { name: fresh[0]!, path };
          }
          if (Date.now() > deadline) throw new Error(`no download arrived in ${downloads}`);
          await new Promise((r) => setTimeout(r, 100));
        }
      },
      openActionPopup: async () => {
        const views = `browser.extension.getViews({ type: 'popup' })[0]`;
        await bridge.evaluate('browser.action.openPopup()');
        await bridge.waitForFunction(`${views}?.document.readyState === 'complete'`, {
          timeout: 10_000,
          polling: 100,
        });
        return {
          evaluate: <R, A>(fn: (w: Window & typeof globalThis, arg: A) => R | Promise<R>, arg: A) =>
            bridge.evaluate(call(views, fn, arg)) as Promise<R>,
          close: async () => {
            await sweep(views, `${FIREFOX_ORIGIN}/popup/index.html`, 'extension page');
            await bridge.evaluate(`${views}?.close()`);
          },
        };
      },
      contextMenu: async () => {
        const MENU = `document.getElementById('contentAreaContextMenu')`;
        const visible = `[...${MENU}.querySelectorAll('menuitem')].filter((i) => !i.hidden)`;
        const labels = (await inBrowserWindow(
          `${MENU}.state === 'open' ? ${visible}.map((i) => i.label) : null`,
        )) as string[] | null;
        if (!labels) throw new Error("Firefox's context menu is not open");
        return {
          labels,
          choose: async (label) => {
            const chosen = await inBrowserWindow(
              `(() => { const item = ${visible}.find((i) => i.label === ${JSON.stringify(label)}); if (!item) return false; ${MENU}.activateItem(item); return true; })()`,
            );
            if (chosen !== true) throw new Error(`no "${label}" in Firefox's context menu`);
          },
        };
      },
      pressShortcut: async (shortcut) => {
        const parts = shortcut.split('+');
        const spec = {
          key: parts.at(-1)!,
          modifiers: parts
            .slice(0, -1)
            .map((m) => m.toLowerCase())
            .sort(),
        };
        const fired = await inBrowserWindow(`(() => {
            const spec = ${JSON.stringify(spec)};
            const key = [...document.querySelectorAll('keyset[id^="ext-keyset-id-"] > key')].find(
              (k) => k.getAttribute('key') === spec.key &&
                (k.getAttribute('modifiers') ?? '').split(',').filter(Boolean).sort().join() === spec.modifiers.join());
            if (!key) return false;
            key.doCommand();
            return true;
          })()`);
        if (fired !== true) throw new Error(`Firefox has no key for the shortcut ${shortcut}`);
      },
      close,
    };
  } catch (e) {
    await close().catch(() => undefined);
    throw e;
  }
}
