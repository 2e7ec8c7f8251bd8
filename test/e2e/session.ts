// What a launched browser with the extension offers the scenarios, whichever
// browser it is (drivers/chromium.ts, drivers/firefox.ts), and the one place
// that decides which fixture answers an address and which requests are
// blocked. Both drivers route every request through a Router.

import type { Highlight, HighlightPatch } from '../../src/types';
import { SCRIPTED, type ExtensionRequest, type LaunchLog } from './network-watch';
import type { TestPage } from './page';

export const BROWSER_NAMES = ['chromium', 'firefox'] as const;
export type BrowserName = (typeof BROWSER_NAMES)[number];
export const BROWSER_LABEL: Record<BrowserName, string> = { chromium: 'Chromium', firefox: 'Firefox' };

/** The slice of the extension API (`chrome.*`) the scenarios call in the background. */
export interface BackgroundChrome {
  tabs: {
    query(q: object): Promise<{ id?: number; url?: string; pendingUrl?: string; active?: boolean }[]>;
    sendMessage(tabId: number, message: object): Promise<unknown>;
  };
  action: { getBadgeText(d: { tabId: number }): Promise<string> };
  scripting: { executeScript(o: object): Promise<unknown> };
}

/** What the background's save handlers answer. */
export type SaveReply = { ok: boolean; error?: string; retrying?: boolean; value?: Highlight };

/** The hooks the background exposes for tests (src/background/index.ts, `globalThis.ih`). */
export interface BackgroundHooks {
  saveSelectionInTab(tabId: number): Promise<SaveReply>;
  onContextMenuClick(
    info: { menuItemId: string; editable: boolean; pageUrl: string },
    tab: { id: number },
  ): Promise<SaveReply>;
  onCommand(command: string, tab: { id: number }): Promise<SaveReply>;
  retryEntries(): Promise<{ highlight: Highlight; attempts: number }[]>;
  library(): Promise<{
    highlightsForArticle(key: string): Promise<Highlight[]>;
    updateHighlight(id: string, patch: HighlightPatch): Promise<Highlight>;
  }>;
  /** Tells every open page of these articles to repaint, as after the library's own edits. */
  broadcast(articleKeys: string[]): Promise<void>;
}

/**
 * The background's global scope as a scenario sees it: the service worker's
 * in Chromium, the event page's window in Firefox.
 */
export interface Background {
  ih: BackgroundHooks;
  chrome: BackgroundChrome;
  fetch: typeof fetch;
  performance: Performance;
}

export interface Download {
  /** The file name the browser chose. */
  name: string;
  /** Where it was saved. */
  path: string;
}

export interface Session {
  readonly browser: BrowserName;
  /** "Chromium" or "Firefox", for test names. */
  readonly label: string;
  /** chrome-extension://ID or moz-extension://UUID, without a trailing slash. */
  readonly extensionOrigin: string;
  /** The requests the extension made in this browser; the suite fails at the end on any not marked expected. */
  readonly network: LaunchLog;
  /** The address of a browser page extensions may not read (chrome://version, about:robots). */
  readonly browserPageUrl: string;
  newPage(): Promise<TestPage>;
  /** Opens one of the extension's own pages (path like `options/index.html`) in a new tab, loaded. */
  openExtensionPage(path: string): Promise<TestPage>;
  /**
   * Runs fn with the background's global scope as its first argument. fn is
   * sent as source: it may use only its arguments (no closures, and `g.fetch`
   * rather than `fetch`, since in Firefox it runs in a page that reaches the
   * background). arg arrives as the background's own data; objects fn itself
   * makes are, in Firefox, that page's, which the store refuses as not plain
   * data: pass rows and patches in arg.
   */
  background<R, A>(fn: (g: Background, arg: A) => R | Promise<R>, arg: A): Promise<R>;
  /**
   * Adds to log what the background's own Resource Timing lists and log lacks
   * (requests made before the watch began, or that the browser does not report).
   */
  sweepBackground(log: LaunchLog): Promise<ExtensionRequest[]>;
  /** Serves html at url (the page's real address) for every page of this browser. */
  serveHtml(url: string, html: string): Promise<void>;
  /** Aborts every http(s) request that is not a served page, and records it. */
  blockNetwork(): Promise<NetworkLog>;
  /** A script run in every page opened after this, before the page's own. */
  addInitScript(source: string): Promise<void>;
  /** The text on the system clipboard, read through page (the reading permission is the test's, not the extension's). */
  readClipboard(page: TestPage): Promise<string>;
  /** Runs trigger on page and returns the file it downloaded. */
  download(page: TestPage, trigger: () => Promise<void>): Promise<Download>;
  close(): Promise<void>;
}

export interface BlockedRequest {
  url: string;
  /** The kind of resource: document, image, fetch, xhr, script, ping, other, … */
  resourceType: string;
}

export interface NetworkLog {
  /** Every http(s) request that was not a served fixture, in order. */
  blocked: BlockedRequest[];
  urls(): string[];
  /** The blocked requests a script started (fetch, XHR, beacons, sockets) rather than page markup (images, styles). */
  scripted(): BlockedRequest[];
}

/** Which fixture answers an address, and whether everything else is blocked. */
export class Router {
  private readonly served: { url: URL; html: string }[] = [];
  blocking = false;
  private readonly blocked: BlockedRequest[] = [];
  readonly log: NetworkLog = {
    blocked: this.blocked,
    urls: () => this.blocked.map((b) => b.url),
    scripted: () => this.blocked.filter((b) => SCRIPTED.has(b.resourceType)),
  };

  serve(url: string, html: string): void {
    this.served.push({ url: new URL(url), html });
  }

  /**
   * The page served at raw, if any. Later registrations win; a registered
   * address without a query also answers its tracking-parameter variants.
   */
  servedFor(raw: string): string | null {
    let u: URL;
    try {
      u = new URL(raw);
    } catch {
      return null;
    }
    for (let i = this.served.length - 1; i >= 0; i--) {
      const s = this.served[i]!;
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

  /** What to do with a request: answer it, block it (and write it down), or let it go on. */
  decide(url: string, method: string, resourceType: string): { serve: string } | 'block' | 'continue' {
    const html = this.servedFor(url);
    if (html !== null && method === 'GET') return { serve: html };
    if (this.blocking && /^https?:/i.test(url)) {
      this.blocked.push({ url, resourceType });
      return 'block';
    }
    return 'continue';
  }
}
