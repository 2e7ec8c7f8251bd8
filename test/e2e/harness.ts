// What every real-browser scenario starts from: the extension launched in
// Chromium or in Firefox (one Session API, drivers/), fixture pages served at
// their real addresses, and the steps scenarios share (open a fixture, find
// its tab, select text, save, read the store). A scenario file is written once
// and runs in both browsers through eachBrowser().

import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect } from 'vitest';
import { UI_ATTR } from '../../src/content/ui';
import type { Highlight } from '../../src/types';
import { articleKey } from '../../src/url';
import { launchChromium, type ChromiumOptions, type ChromiumSession } from './drivers/chromium';
import { launchFirefoxSession, type FirefoxSession } from './drivers/firefox';
import type { TestPage } from './page';
import { BROWSER_LABEL, BROWSER_NAMES, type BrowserName, type SaveReply, type Session } from './session';

export type { Session, NetworkLog, SaveReply } from './session';
export type { TestPage } from './page';
export type { ChromiumSession } from './drivers/chromium';
export type { FirefoxSession } from './drivers/firefox';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** The project's fixture copies first; the shared originals beside the clone as a fallback. */
export const FIXTURE_DIRS = [join(ROOT, 'test/fixtures'), resolve(ROOT, '../shared/fixtures')];
/** The element that holds the content script's own UI (its shadow root holds the rest). */
export const UI = `[${UI_ATTR}]`;

/**
 * The browsers the scenarios run in: both. E2E_BROWSERS=firefox (or chromium)
 * narrows a run of single files while working on them; `npm test` clears it.
 */
const BROWSERS: BrowserName[] = (() => {
  const raw = process.env.E2E_BROWSERS?.trim();
  const wanted = raw ? raw.split(',').map((s) => s.trim().toLowerCase()) : undefined;
  const chosen = BROWSER_NAMES.filter((b) => !wanted || wanted.includes(b));
  if (chosen.length === 0) throw new Error(`E2E_BROWSERS=${process.env.E2E_BROWSERS} names no browser`);
  return chosen;
})();

/**
 * One describe block per browser, named "NAME in Chromium" / "NAME in
 * Firefox"; body gets the browser to launch and its label.
 */
export function eachBrowser(name: string, body: (browser: BrowserName, label: string) => void): void {
  for (const browser of BROWSERS)
    describe(`${name} in ${BROWSER_LABEL[browser]}`, () => body(browser, BROWSER_LABEL[browser]));
}

export interface LaunchOptions {
  /** false opens a real window (needs a display, e.g. under xvfb-run). */
  headless?: boolean;
}

/** The extension from dist/chrome or dist/firefox, loaded in a fresh browser. */
export function launchExtension(browser: BrowserName, opts: LaunchOptions = {}): Promise<Session> {
  return browser === 'chromium'
    ? launchChromium({ ...opts, extensionDir: join(ROOT, 'dist/chrome') })
    : launchFirefoxSession({ ...opts, extensionDir: join(ROOT, 'dist/firefox') });
}

/** Chromium only, with its Playwright context and worker (for what only Chromium can show, like data-safety). */
export function launchChromiumExtension(
  opts: Omit<ChromiumOptions, 'extensionDir'> = {},
): Promise<ChromiumSession> {
  return launchChromium({ ...opts, extensionDir: join(ROOT, 'dist/chrome') });
}

export const isFirefox = (s: Session): s is FirefoxSession => s.browser === 'firefox';

// ---- fixtures ----

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

/** The two interview fixtures most scenarios save quotes on. */
export const CAREER = 'pinterest-engineering-career-interview';
export const PROFILE = 'life-at-pinterest-profile';

/** An interview fixture's expected results, with the fields an interview always has. */
export interface InterviewFixture {
  url: string;
  title: string;
  questions: { question: string; answerStartsWith: string; answerEndsWith: string }[];
}

export function interviewFixture(name: string): InterviewFixture {
  const e = fixtureExpected(name);
  const questions = (e.questions ?? []).map(({ question, answerStartsWith, answerEndsWith }) => {
    if (!answerStartsWith || !answerEndsWith) throw new Error(`${name}: "${question}" has no answer ends`);
    return { question, answerStartsWith, answerEndsWith };
  });
  if (!e.title || questions.length === 0) throw new Error(`${name} is not an interview fixture`);
  return { url: e.url, title: e.title, questions };
}

export function fixtureHtml(name: string): string {
  return readFileSync(fixtureFile(name, 'html'), 'utf8');
}

/** Serves test fixture NAME at its real address (expected.json `url`) or at url. */
export async function serveFixture(ext: Session, name: string, url?: string): Promise<string> {
  const at = url ?? fixtureExpected(name).url;
  await ext.serveHtml(at, fixtureHtml(name));
  return at;
}

// ---- tabs, badge, popup ----

const strip = (u: string): string => u.split('#')[0]!;

/**
 * The extension's tab id for page: the page is brought to the front and the
 * background asked which tab is active (neither browser shows the extension
 * every tab's address without the `tabs` permission); where the address is
 * shown, it must be the page's.
 */
export async function tabIdOf(ext: Session, page: TestPage, timeoutMs = 10_000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  const url = strip(await page.url());
  for (;;) {
    await page.bringToFront();
    const tab = await ext.background(async (g) => {
      const [t] = await g.chrome.tabs.query({ active: true, lastFocusedWindow: true });
      return t ? { id: t.id ?? null, url: t.url ?? t.pendingUrl ?? null } : null;
    }, null);
    if (tab?.id != null && (tab.url === null || strip(tab.url) === url)) return tab.id;
    if (Date.now() > deadline) throw new Error(`no tab shows ${url} (active: ${JSON.stringify(tab)})`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export function badgeText(ext: Session, tabId: number): Promise<string> {
  return ext.background((g, id) => g.chrome.action.getBadgeText({ tabId: id }), tabId);
}

/** Opens url in a new tab and waits until the content script has read it (the badge shows its question count). */
export async function openFixture(ext: Session, url: string): Promise<{ page: TestPage; tabId: number }> {
  const page = await ext.newPage();
  await page.goto(url);
  const tabId = await tabIdOf(ext, page);
  await expect.poll(() => badgeText(ext, tabId), { timeout: 15_000 }).not.toBe('');
  return { page, tabId };
}

/** The popup, opened as a page for a chosen tab (it reads `?tab=`), so real clicks reach it in both browsers. */
export function openPopup(ext: Session, tabId: number): Promise<TestPage> {
  return ext.openExtensionPage(`popup/index.html?tab=${tabId}`);
}

/** The library (the extension's options page), in a tab. */
export function openLibrary(ext: Session): Promise<TestPage> {
  return ext.openExtensionPage('options/index.html');
}

// ---- saving and reading through the background ----

/** Saves the tab's selection the way the shortcut and the context menu do. */
export function saveSelection(ext: Session, tabId: number): Promise<SaveReply> {
  return ext.background((g, id) => g.ih.saveSelectionInTab(id), tabId);
}

/** The keyboard command's handler, as the browser calls it (synthetic key presses reach no extension command). */
export function viaCommand(ext: Session, tabId: number): Promise<SaveReply> {
  return ext.background((g, id) => g.ih.onCommand('save-highlight', { id }), tabId);
}

/** The context menu's click handler, as the browser calls it (no driver can click a context menu). */
export function viaContextMenu(ext: Session, tabId: number): Promise<SaveReply> {
  return ext.background(
    (g, id) =>
      g.ih.onContextMenuClick({ menuItemId: 'save-highlight', editable: false, pageUrl: '' }, { id }),
    tabId,
  );
}

/** The rows the extension's store holds for the page at url. */
export function storedHighlights(ext: Session, url: string): Promise<Highlight[]> {
  return ext.background(async (g, key) => (await g.ih.library()).highlightsForArticle(key), articleKey(url));
}

/**
 * Selects the first occurrence of `text` in the page's text (it may span
 * several text nodes), as a reader would by dragging. Throws when absent.
 */
export async function selectText(page: TestPage, text: string): Promise<void> {
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

/** Each paint registry entry the extension owns (`ih-<color>`, `ih-note`), with its ranges' text. */
export function paint(page: TestPage): Promise<Record<string, string[]>> {
  return page.evaluate(() => {
    const out: Record<string, string[]> = {};
    CSS.highlights.forEach((h, name) => {
      if (name.startsWith('ih-') && name !== 'ih-flash')
        out[name] = [...h].map((r) => (r as Range).toString().replace(/\s+/g, ' ').trim());
    });
    return out;
  });
}

/** The text of each range painted in one color (default yellow). */
export async function painted(page: TestPage, color = 'yellow'): Promise<string[]> {
  return (await paint(page))[`ih-${color}`] ?? [];
}

export const squash = (s: string): string => s.replace(/\s+/g, ' ').trim();
