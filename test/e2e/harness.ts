// Shared helpers for the real-browser tests: Chromium with dist/chrome loaded,
// fixture pages served at their real addresses, and every other request blocked
// and written down so a test can show the extension talked to no one. Every
// browser launched here also reports the extension's own requests to the
// suite-wide check (network-watch.ts).

import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  chromium,
  type BrowserContext,
  type Page,
  type Route,
  type Request,
  type Worker,
} from 'playwright-core';
import { expect } from 'vitest';
import { extensionArgs, findChromium, NO_CHROMIUM } from '../../scripts/chromium.mjs';
import type { Highlight } from '../../src/types';
import { articleKey } from '../../src/url';
import { LaunchLog, requestSource, type ExtensionRequest, type SeenRequest } from './network-watch';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const EXTENSION_DIR = join(ROOT, 'dist/chrome');
/** The project's fixture copies first; the shared originals beside the clone as a fallback. */
export const FIXTURE_DIRS = [join(ROOT, 'test/fixtures'), resolve(ROOT, '../shared/fixtures')];

export interface Launched {
  context: BrowserContext;
  extensionId: string;
  /** The extension's background service worker; evaluate() runs in it. */
  worker: Worker;
  /** The requests the extension made in this browser; the suite fails at the end on any not marked expected. */
  network: LaunchLog;
  /** The Chromium profile directory (user data dir) it runs in. */
  profileDir: string;
  close(): Promise<void>;
}

/** Which browser a service worker belongs to, so tabIdOf can reach its pages. */
const contexts = new WeakMap<Worker, BrowserContext>();

export interface LaunchOptions {
  /** false opens a real window (needs a display, e.g. under xvfb-run). */
  headless?: boolean;
  /** Run in this profile directory instead of a fresh temporary one; the caller owns it and it is kept on close. */
  profileDir?: string;
  /** Keep the temporary profile on close, e.g. to launch again on it. */
  keepProfile?: boolean;
  /** A program to run instead of Chromium, e.g. a wrapper that starts it in a namespace; it gets Chromium's arguments. */
  executablePath?: string;
}

export async function launchExtension(opts: LaunchOptions = {}): Promise<Launched> {
  const executablePath = opts.executablePath ?? findChromium();
  if (!executablePath) throw new Error(NO_CHROMIUM);
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`${EXTENSION_DIR} has no manifest.json: run \`node build.mjs\` first`);
  }
  const profile = opts.profileDir ?? mkdtempSync(join(tmpdir(), 'ih-e2e-'));
  const removeProfile = opts.profileDir === undefined && !opts.keepProfile;
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: opts.headless ?? true,
    args: extensionArgs(EXTENSION_DIR),
    // Playwright sees a service worker's requests only while this is 'allow' (its default).
    serviceWorkers: 'allow',
  });
  const network = new LaunchLog(expect.getState().testPath ?? '');
  watchNetwork(context, network);
  const isOurs = (w: Worker): boolean => w.url().startsWith('chrome-extension://');
  const close = async (): Promise<void> => {
    const live = context.serviceWorkers().find(isOurs);
    if (live) await sweepWorker(live, network).catch(() => undefined);
    await context.close().catch(() => undefined);
    if (removeProfile) rmSync(profile, { recursive: true, force: true });
  };
  try {
    const worker =
      context.serviceWorkers().find(isOurs) ??
      (await context.waitForEvent('serviceworker', { predicate: isOurs, timeout: 20_000 }));
    const extensionId = new URL(worker.url()).host;
    contexts.set(worker, context);
    // The worker starts with the browser, before the listener above exists.
    await sweepWorker(worker, network);
    return { context, extensionId, worker, network, profileDir: profile, close };
  } catch (e) {
    await close();
    throw e;
  }
}

// ---- the extension's own requests ----

const currentTest = (): string => expect.getState().currentTestName ?? '';

function frameUrls(request: Request): { from: string; pageUrl: string | null } {
  try {
    const frame = request.frame();
    return { from: frame.url(), pageUrl: frame.page()?.url() ?? null };
  } catch {
    // A request from a worker Playwright cannot place; counted as the extension's if its own address says so.
    return { from: '', pageUrl: null };
  }
}

function seen(context: BrowserContext, request: Request): SeenRequest {
  const worker = request.serviceWorker();
  const state = routers.get(context);
  return {
    url: request.url(),
    resourceType: request.resourceType(),
    navigation: request.isNavigationRequest(),
    workerUrl: worker?.url() ?? null,
    ...(worker ? { from: worker.url(), pageUrl: null } : frameUrls(request)),
    served: state !== undefined && servedFor(state, request.url()) !== null,
  };
}

function note(log: LaunchLog, r: SeenRequest): void {
  const source = requestSource(r);
  if (source)
    log.record({ url: r.url, resourceType: r.resourceType, source, from: r.from, test: currentTest() });
}

/** Records every request of the context that is the extension's, blocked or not. */
function watchNetwork(context: BrowserContext, log: LaunchLog): void {
  context.on('request', (request) => note(log, seen(context, request)));
  // WebSockets are not requests to Playwright; they are reported per page.
  const watchPage = (page: Page): void => {
    page.on('websocket', (ws) =>
      note(log, {
        url: ws.url(),
        resourceType: 'websocket',
        navigation: false,
        workerUrl: null,
        from: page.url(),
        pageUrl: page.url(),
        served: false,
      }),
    );
  };
  context.pages().forEach(watchPage);
  context.on('page', watchPage);
}

/**
 * Adds what the worker's own Resource Timing lists (failed fetches included)
 * and the log does not have yet: the requests it made before Playwright's
 * listener was attached, and any the listener missed.
 */
export async function sweepWorker(worker: Worker, log: LaunchLog): Promise<ExtensionRequest[]> {
  const entries = await worker.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .map((e) => ({ url: e.name, type: (e as PerformanceResourceTiming).initiatorType })),
  );
  const known = new Set(
    log
      .requests()
      .filter((r) => r.source === 'extension service worker')
      .map((r) => r.url),
  );
  const added: ExtensionRequest[] = [];
  for (const e of entries) {
    if (known.has(e.url)) continue;
    const r: SeenRequest = {
      url: e.url,
      resourceType: e.type,
      navigation: false,
      workerUrl: worker.url(),
      from: worker.url(),
      pageUrl: null,
      served: false,
    };
    const source = requestSource(r);
    if (!source) continue;
    known.add(e.url);
    added.push(
      log.record({
        url: r.url,
        resourceType: `${e.type} (from the worker's resource timing)`,
        source,
        from: r.from,
        test: currentTest(),
      }),
    );
  }
  return added;
}

// ---- fixtures and the network ----

export interface FixtureExpectation {
  url: string;
  site: string;
  interview: boolean;
  title?: string;
  questions?: {
    question: string;
    subQuestions?: string[];
    answerStartsWith?: string;
    answerEndsWith?: string;
  }[];
  [key: string]: unknown;
}

export function fixtureFile(name: string, ext: 'html' | 'expected.json'): string {
  for (const dir of FIXTURE_DIRS) {
    const file = join(dir, `${name}.${ext}`);
    if (existsSync(file)) return file;
  }
  throw new Error(`fixture ${name}.${ext} not found in ${FIXTURE_DIRS.join(' or ')}`);
}

export function fixtureExpected(name: string): FixtureExpectation {
  return JSON.parse(readFileSync(fixtureFile(name, 'expected.json'), 'utf8')) as FixtureExpectation;
}

export function fixtureHtml(name: string): string {
  return readFileSync(fixtureFile(name, 'html'), 'utf8');
}

export interface BlockedRequest {
  url: string;
  /** Playwright's resource type: document, image, fetch, xhr, script, ping, … */
  resourceType: string;
}

export interface NetworkLog {
  /** Every http(s) request that was not a served fixture, in order. */
  blocked: BlockedRequest[];
  urls(): string[];
  /** The blocked requests a script started (fetch, XHR, beacons, sockets) rather than page markup (images, styles). */
  scripted(): BlockedRequest[];
}

interface RouterState {
  served: { url: URL; html: string }[];
  blocking: boolean;
  log: NetworkLog;
}

const routers = new WeakMap<BrowserContext, RouterState>();
const SCRIPTED = new Set(['fetch', 'xhr', 'eventsource', 'websocket', 'ping', 'other']);

function servedFor(state: RouterState, raw: string): string | null {
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    return null;
  }
  // Later registrations win, like Playwright's own routes. A registered address
  // without a query also answers its tracking-parameter variants.
  for (let i = state.served.length - 1; i >= 0; i--) {
    const s = state.served[i]!;
    if (
      s.url.origin === u.origin &&
      s.url.pathname === u.pathname &&
      (s.url.search === '' || s.url.search === u.search)
    ) {
      return s.html;
    }
  }
  return null;
}

/** One route per context, so serveFixture and blockNetwork work in either order. */
async function router(context: BrowserContext): Promise<RouterState> {
  let state = routers.get(context);
  if (state) return state;
  const blocked: BlockedRequest[] = [];
  const fresh: RouterState = {
    served: [],
    blocking: false,
    log: {
      blocked,
      urls: () => blocked.map((b) => b.url),
      scripted: () => blocked.filter((b) => SCRIPTED.has(b.resourceType)),
    },
  };
  state = fresh;
  routers.set(context, fresh);
  await context.route('**/*', async (route: Route, request: Request) => {
    const url = request.url();
    const html = servedFor(fresh, url);
    if (html !== null && request.method() === 'GET') {
      await route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
      return;
    }
    if (fresh.blocking && /^https?:/i.test(url)) {
      blocked.push({ url, resourceType: request.resourceType() });
      await route.abort('blockedbyclient');
      return;
    }
    await route.fallback();
  });
  return fresh;
}

/** Serves html at url (the page's real address) for every page of the context. */
export async function serveHtml(context: BrowserContext, url: string, html: string): Promise<void> {
  const state = await router(context);
  state.served.push({ url: new URL(url), html });
}

/** Serves test fixture NAME at its real address (expected.json `url`) or at url. */
export async function serveFixture(context: BrowserContext, name: string, url?: string): Promise<string> {
  const at = url ?? fixtureExpected(name).url;
  await serveHtml(context, at, fixtureHtml(name));
  return at;
}

/** Aborts every http(s) request that is not a served fixture, and records it. */
export async function blockNetwork(context: BrowserContext): Promise<NetworkLog> {
  const state = await router(context);
  state.blocking = true;
  return state.log;
}

// ---- the extension's own surfaces ----

/** The slice of the chrome.* API these helpers call inside the service worker. */
interface WorkerChrome {
  tabs: { query(q: object): Promise<{ id?: number; url?: string; pendingUrl?: string }[]> };
  action: { getBadgeText(d: { tabId: number }): Promise<string> };
}

/** Opens the popup as a page for a chosen tab (the popup reads `?tab=`). */
export async function openPopup(context: BrowserContext, extensionId: string, tabId: number): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/popup/index.html?tab=${tabId}`);
  return page;
}

const strip = (u: string): string => u.split('#')[0]!;

/**
 * The id of the newest tab showing url (fragment ignored); waits for it to appear.
 * Without the `tabs` permission Chrome hides tab URLs from the extension, so the
 * tab is found through Playwright's page for that URL instead (see tabIdOfPage).
 */
export async function tabIdOf(worker: Worker, url: string, timeoutMs = 10_000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  const context = contexts.get(worker);
  for (;;) {
    const id = await worker.evaluate(async (wanted: string) => {
      const clean = (u: string): string => u.split('#')[0]!;
      const api = (globalThis as unknown as { chrome: WorkerChrome }).chrome;
      const tabs = await api.tabs.query({});
      const ids = tabs
        .filter(
          (t) =>
            t.id !== undefined &&
            [t.url, t.pendingUrl].some((u) => u !== undefined && clean(u) === clean(wanted)),
        )
        .map((t) => t.id!);
      return ids.length ? Math.max(...ids) : null;
    }, url);
    if (id !== null) return id;
    const page = context
      ?.pages()
      .filter((p) => strip(p.url()) === strip(url))
      .at(-1);
    if (page) return tabIdOfPage(worker, page);
    if (Date.now() > deadline) throw new Error(`no tab shows ${url}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The tab id of a Playwright page: brings it to the front and asks which tab is active. */
export async function tabIdOfPage(worker: Worker, page: Page): Promise<number> {
  await page.bringToFront();
  const id = await worker.evaluate(async () => {
    const api = (globalThis as unknown as { chrome: WorkerChrome }).chrome;
    const [tab] = await api.tabs.query({ active: true, lastFocusedWindow: true });
    return tab?.id ?? null;
  });
  if (id === null) throw new Error(`no active tab for ${page.url()}`);
  return id;
}

// ---- saving and reading through the service worker ----

/** What the worker's save handlers answer. */
export type SaveReply = { ok: boolean; error?: string; retrying?: boolean; value?: Highlight };

interface WorkerHooks {
  saveSelectionInTab(tabId: number): Promise<SaveReply>;
  library(): Promise<{ highlightsForArticle(key: string): Promise<Highlight[]> }>;
}

/** Saves the tab's selection the way the shortcut and the context menu do. */
export function saveSelection(worker: Worker, tabId: number): Promise<SaveReply> {
  return worker.evaluate(
    (id) => (globalThis as unknown as { ih: WorkerHooks }).ih.saveSelectionInTab(id),
    tabId,
  );
}

/** The rows the extension's store holds for the page at url. */
export function storedHighlights(worker: Worker, url: string): Promise<Highlight[]> {
  return worker.evaluate(
    async (key) =>
      (await (globalThis as unknown as { ih: WorkerHooks }).ih.library()).highlightsForArticle(key),
    articleKey(url),
  );
}

/** Opens url in a new tab and waits until the content script has read it (the badge shows its question count). */
export async function openFixture(
  context: BrowserContext,
  worker: Worker,
  url: string,
): Promise<{ page: Page; tabId: number }> {
  const page = await context.newPage();
  await page.goto(url);
  const tabId = await tabIdOf(worker, url);
  await expect.poll(() => badgeText(worker, tabId), { timeout: 10_000 }).not.toBe('');
  return { page, tabId };
}

export function badgeText(worker: Worker, tabId: number): Promise<string> {
  return worker.evaluate(
    (id: number) =>
      (globalThis as unknown as { chrome: WorkerChrome }).chrome.action.getBadgeText({ tabId: id }),
    tabId,
  );
}

/**
 * Selects the first occurrence of `text` in the page's text (it may span
 * several text nodes), as a reader would by dragging. Throws when absent.
 */
export async function selectText(page: Page, text: string): Promise<void> {
  const found = await page.evaluate((needle) => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const nodes: [Text, number][] = [];
    let all = '';
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      nodes.push([n as Text, all.length]);
      all += (n as Text).data;
    }
    const at = all.indexOf(needle);
    if (at < 0) return false;
    const locate = (offset: number, end: boolean): [Text, number] => {
      for (let i = nodes.length - 1; i >= 0; i--) {
        const [node, start] = nodes[i]!;
        if (end ? start < offset : start <= offset) return [node, offset - start];
      }
      throw new Error('offset outside the text');
    };
    const range = document.createRange();
    range.setStart(...locate(at, false));
    range.setEnd(...locate(at + needle.length, true));
    const sel = window.getSelection()!;
    sel.removeAllRanges();
    sel.addRange(range);
    return true;
  }, text);
  if (!found) throw new Error(`text to select is not on the page: ${text.slice(0, 120)}`);
}
