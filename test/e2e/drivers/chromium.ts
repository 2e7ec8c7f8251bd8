// Chromium with dist/chrome loaded, driven by Playwright: the Session the
// scenarios use, plus the Playwright context and service worker for the few
// tests only Chromium can run (data-safety.test.ts). Every request goes
// through the session's Router; the extension's own requests are written down
// for the suite-wide check (network-watch.ts).

import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page, type Request, type Worker } from 'playwright-core';
import { expect } from 'vitest';
import { extensionArgs, findChromium, NO_CHROMIUM } from '../../../scripts/setup.mjs';
import { LaunchLog, requestSource, type ExtensionRequest, type SeenRequest } from '../network-watch';
import { TestPage, type PagePrimitives } from '../page';
import { BROWSER_LABEL, Router, type Background, type Download, type Session } from '../session';

export interface ChromiumOptions {
  /** false opens a real window (needs a display, e.g. under xvfb-run). */
  headless?: boolean;
  /** Run in this profile directory instead of a fresh temporary one; the caller owns it and it is kept on close. */
  profileDir?: string;
  /** A program to run instead of Chromium, e.g. a wrapper that starts it in a namespace; it gets Chromium's arguments. */
  executablePath?: string;
  extensionDir: string;
}

export interface ChromiumSession extends Session {
  readonly context: BrowserContext;
  /** The extension's background service worker. */
  readonly worker: Worker;
  readonly extensionId: string;
  readonly profileDir: string;
}

const currentTest = (): string => expect.getState().currentTestName ?? '';

function pagePrimitives(page: Page): PagePrimitives {
  return {
    url: async () => page.url(),
    goto: async (url, timeout) => {
      await page.goto(url, { timeout });
    },
    reload: async (timeout) => {
      await page.reload({ timeout });
    },
    close: () => page.close(),
    bringToFront: () => page.bringToFront(),
    title: () => page.title(),
    evaluate: (fn, arg) => page.evaluate(fn as (a: unknown) => never, arg),
    waitForFunction: async (fn, arg, timeout, polling) => {
      await page.waitForFunction(fn as (a: unknown) => unknown, arg, { timeout, polling });
    },
    mouseClick: (x, y, button) => page.mouse.click(x, y, { button }),
    type: (text) => page.keyboard.type(text),
    press: (key) => page.keyboard.press(key),
    screenshot: async (path, fullPage) => {
      await page.screenshot({ path, fullPage });
    },
    setViewport: (width, height) => page.setViewportSize({ width, height }),
    setInputFiles: (css, path) => page.locator(css).setInputFiles(path),
  };
}

function frameUrls(request: Request): { from: string; pageUrl: string | null } {
  try {
    const frame = request.frame();
    return { from: frame.url(), pageUrl: frame.page()?.url() ?? null };
  } catch {
    // A request from a worker Playwright cannot place; counted as the extension's if its own address says so.
    return { from: '', pageUrl: null };
  }
}

function seen(router: Router, request: Request): SeenRequest {
  const worker = request.serviceWorker();
  return {
    url: request.url(),
    resourceType: request.resourceType(),
    navigation: request.isNavigationRequest(),
    workerUrl: worker?.url() ?? null,
    ...(worker ? { from: worker.url(), pageUrl: null } : frameUrls(request)),
    served: router.servedFor(request.url()) !== null,
  };
}

function note(log: LaunchLog, r: SeenRequest): void {
  const source = requestSource(r);
  if (source)
    log.record({ url: r.url, resourceType: r.resourceType, source, from: r.from, test: currentTest() });
}

/** Records every request of the context that is the extension's, blocked or not. */
function watchNetwork(context: BrowserContext, router: Router, log: LaunchLog): void {
  context.on('request', (request) => note(log, seen(router, request)));
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
  return log.addResourceTiming(entries, 'extension service worker', worker.url(), currentTest());
}

export async function launchChromium(opts: ChromiumOptions): Promise<ChromiumSession> {
  const executablePath = opts.executablePath ?? findChromium();
  if (!executablePath) throw new Error(NO_CHROMIUM);
  if (!existsSync(join(opts.extensionDir, 'manifest.json'))) {
    throw new Error(`${opts.extensionDir} has no manifest.json: run \`node build.mjs\` first`);
  }
  const profile = opts.profileDir ?? mkdtempSync(join(tmpdir(), 'ih-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: opts.headless ?? true,
    args: extensionArgs(opts.extensionDir),
    // Playwright sees a service worker's requests only while this is 'allow' (its default).
    serviceWorkers: 'allow',
  });
  const router = new Router();
  const network = new LaunchLog(expect.getState().testPath ?? '');
  watchNetwork(context, router, network);
  await context.route('**/*', async (route, request) => {
    const d = router.decide(request.url(), request.method(), request.resourceType());
    if (d === 'block') await route.abort('blockedbyclient');
    else if (d === 'continue') await route.fallback();
    else await route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: d.serve });
  });
  const isOurs = (w: Worker): boolean => w.url().startsWith('chrome-extension://');
  const pages = new WeakMap<Page, TestPage>();
  const wrap = (p: Page): TestPage => {
    let t = pages.get(p);
    if (!t) pages.set(p, (t = new TestPage(pagePrimitives(p))));
    return t;
  };
  const close = async (): Promise<void> => {
    const live = context.serviceWorkers().find(isOurs);
    if (live) await sweepWorker(live, network).catch(() => undefined);
    await context.close().catch(() => undefined);
    if (opts.profileDir === undefined) rmSync(profile, { recursive: true, force: true });
  };
  try {
    const worker =
      context.serviceWorkers().find(isOurs) ??
      (await context.waitForEvent('serviceworker', { predicate: isOurs, timeout: 20_000 }));
    const extensionId = new URL(worker.url()).host;
    const extensionOrigin = `chrome-extension://${extensionId}`;
    // The worker starts with the browser, before the listener above exists.
    await sweepWorker(worker, network);
    return {
      browser: 'chromium',
      label: BROWSER_LABEL.chromium,
      extensionOrigin,
      extensionId,
      network,
      context,
      worker,
      profileDir: profile,
      browserPageUrl: 'chrome://version',
      newPage: async () => wrap(await context.newPage()),
      openExtensionPage: async (path) => {
        const page = wrap(await context.newPage());
        await page.goto(`${extensionOrigin}/${path}`);
        return page;
      },
      background: <R, A>(fn: (g: Background, arg: A) => R | Promise<R>, arg: A): Promise<R> =>
        worker.evaluate(`(${fn.toString()})(globalThis, ${JSON.stringify(arg ?? null)})`) as Promise<R>,
      sweepBackground: (log) => sweepWorker(worker, log),
      serveHtml: async (url, html) => router.serve(url, html),
      blockNetwork: async () => {
        router.blocking = true;
        return router.log;
      },
      addInitScript: async (source) => {
        await context.addInitScript(source);
      },
      readClipboard: async (page) => {
        await context.grantPermissions(['clipboard-read'], { origin: new URL(await page.url()).origin });
        await page.bringToFront();
        return page.evaluate(() => navigator.clipboard.readText());
      },
      download: async (page: TestPage, trigger): Promise<Download> => {
        const pw = context.pages().find((p) => pages.get(p) === page);
        if (!pw) throw new Error('not a page of this browser');
        const [d] = await Promise.all([pw.waitForEvent('download'), trigger()]);
        return { name: d.suggestedFilename(), path: (await d.path())! };
      },
      close,
    };
  } catch (e) {
    await close();
    throw e;
  }
}
