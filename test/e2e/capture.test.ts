// Capture, paint and re-anchor in real Chromium: the extension from dist/chrome,
// fixtures served at their real addresses, no network.

import type { Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  badgeText,
  blockNetwork,
  fixtureExpected,
  fixtureHtml,
  launchExtension,
  openFixture,
  selectText,
  serveFixture,
  storedHighlights,
  type SaveReply,
} from './harness';

const CAREER = 'pinterest-engineering-career-interview';
const TECH = 'pinterest-engineering-technical-post';

interface Expected {
  url: string;
  questions: { question: string; answerStartsWith: string; answerEndsWith: string }[];
}
const expected = (name: string): Expected => fixtureExpected(name) as unknown as Expected;

const career = expected(CAREER);
const tech = expected(TECH);
const squash = (s: string): string => s.replace(/\s+/g, ' ').trim();

async function painted(page: Page, color = 'yellow'): Promise<string[]> {
  return page.evaluate((name) => {
    const h = CSS.highlights.get(name);
    return h ? [...h].map((r) => (r as Range).toString().replace(/\s+/g, ' ').trim()) : [];
  }, `ih-${color}`);
}

const viaCommand = (worker: Worker, tabId: number): Promise<SaveReply> =>
  worker.evaluate(
    (id) =>
      (
        globalThis as unknown as { ih: { onCommand(c: string, t: { id: number }): Promise<SaveReply> } }
      ).ih.onCommand('save-highlight', { id }),
    tabId,
  );
const viaContextMenu = (worker: Worker, tabId: number): Promise<SaveReply> =>
  worker.evaluate(
    (id) =>
      (
        globalThis as unknown as {
          ih: { onContextMenuClick(i: object, t: { id: number }): Promise<SaveReply> };
        }
      ).ih.onContextMenuClick({ menuItemId: 'save-highlight', editable: false, pageUrl: '' }, { id }),
    tabId,
  );

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

describe('capture and paint in Chromium', () => {
  let ext: Awaited<ReturnType<typeof launchExtension>>;

  beforeAll(async () => {
    ext = await launchExtension();
    await blockNetwork(ext.context);
    await serveFixture(ext.context, CAREER);
    await serveFixture(ext.context, TECH);
  }, 60_000);

  afterAll(async () => {
    await ext?.close();
  });

  it('saves a selection through the command and the context menu, and paints it again after a reload', async () => {
    const { context, worker } = ext;
    const { page, tabId } = await openFixture(context, worker, career.url);
    const first = career.questions[0]!.answerStartsWith;
    const second = career.questions[1]!.answerStartsWith;

    await selectText(page, first);
    const r1 = await viaCommand(worker, tabId);
    expect(r1, JSON.stringify(r1)).toMatchObject({ ok: true });
    expect(r1.value?.sectionId).not.toBeNull();
    expect(r1.value?.question).toBe(career.questions[0]!.question);

    await selectText(page, second);
    const r2 = await viaContextMenu(worker, tabId);
    expect(r2, JSON.stringify(r2)).toMatchObject({ ok: true });
    expect(r2.value?.question).toBe(career.questions[1]!.question);

    const rows = await storedHighlights(worker, career.url);
    expect(rows.map((h) => squash(h.quote)).sort()).toEqual([first, second].sort());
    expect(rows.every((h) => h.fragmentUrl.includes('#:~:text='))).toBe(true);
    expect(await painted(page)).toEqual(expect.arrayContaining([first, second]));

    await page.reload();
    await expect
      .poll(() => painted(page), { timeout: 10_000 })
      .toEqual(expect.arrayContaining([first, second]));
    await page.close();
  }, 60_000);

  it('refuses an empty selection with a toast and stores nothing', async () => {
    const { context, worker } = ext;
    const { page, tabId } = await openFixture(context, worker, career.url);
    const before = (await storedHighlights(worker, career.url)).length;
    await page.evaluate(() => window.getSelection()?.removeAllRanges());
    const reply = await viaCommand(worker, tabId);
    expect(reply.ok).toBe(false);
    await expect
      .poll(() => page.locator('[data-interview-highlights-ui] .toast').textContent(), { timeout: 5_000 })
      .toContain('Select some text');
    expect((await storedHighlights(worker, career.url)).length).toBe(before);
    await page.close();
  }, 30_000);

  it('removes the paint when the single-page app moves to another article, and restores it on the way back', async () => {
    const { context, worker } = ext;
    const { page, tabId } = await openFixture(context, worker, career.url);
    await expect.poll(() => painted(page), { timeout: 10_000 }).not.toEqual([]);
    const before = await painted(page);

    // Medium swaps the article in place: a pushState and a new body, no reload.
    const swapTo = (name: string, url: string) =>
      page.evaluate(
        ({ html, url }) => {
          const doc = new DOMParser().parseFromString(html, 'text/html');
          history.pushState({}, '', url);
          document.head.replaceChildren(...[...doc.head.childNodes].map((n) => document.importNode(n, true)));
          document.body.replaceWith(document.importNode(doc.body, true));
        },
        { html: fixtureHtml(name), url },
      );

    await swapTo(TECH, tech.url);
    await expect.poll(() => painted(page), { timeout: 5_000 }).toEqual([]);
    await expect.poll(() => badgeText(worker, tabId), { timeout: 5_000 }).toBe('');

    await swapTo(CAREER, career.url);
    await expect.poll(() => painted(page), { timeout: 5_000 }).toEqual(before);
    await expect
      .poll(() => badgeText(worker, tabId), { timeout: 5_000 })
      .toBe(String(career.questions.length));
    // Nothing was orphaned by the round trip.
    await page.waitForTimeout(2_000);
    expect((await storedHighlights(worker, career.url)).filter((h) => h.orphaned)).toEqual([]);
    await page.close();
  }, 60_000);

  it('saves from five tabs at once and stores all five', async () => {
    const { context, worker } = ext;
    const before = (await storedHighlights(worker, career.url)).length;
    const tabs = [];
    for (let i = 0; i < 5; i++) tabs.push(await openFixture(context, worker, career.url));
    const phrases = career.questions.slice(0, 5).map((q) => q.answerEndsWith);
    await Promise.all(tabs.map(({ page }, i) => selectText(page, phrases[i]!)));
    const replies = await Promise.all(tabs.map(({ tabId }) => viaCommand(worker, tabId)));
    expect(replies.map((r) => r.ok)).toEqual([true, true, true, true, true]);
    const rows = await storedHighlights(worker, career.url);
    expect(rows.length).toBe(before + 5);
    expect(rows.map((h) => squash(h.quote))).toEqual(expect.arrayContaining(phrases));
    // Every tab hears about the others' saves and paints them.
    for (const { page } of tabs)
      await expect.poll(() => painted(page), { timeout: 5_000 }).toEqual(expect.arrayContaining(phrases));
    await Promise.all(tabs.map(({ page }) => page.close()));
  }, 90_000);

  it('saves with the floating Save button, and deletes and undoes from the click menu', async () => {
    const { context, worker } = ext;
    const { page } = await openFixture(context, worker, career.url);
    const phrase = career.questions[2]!.answerStartsWith;
    await selectText(page, phrase);
    const button = page.locator('[data-interview-highlights-ui] button.save');
    await expect.poll(() => button.count(), { timeout: 5_000 }).toBe(1);
    await button.click();
    await expect
      .poll(async () => (await storedHighlights(worker, career.url)).map((h) => squash(h.quote)), {
        timeout: 5_000,
      })
      .toContain(phrase);
    await expect.poll(() => painted(page), { timeout: 5_000 }).toContain(phrase);
    await expect.poll(() => button.count(), { timeout: 5_000 }).toBe(0);

    // Click inside the painted text: the menu opens in the shadow root.
    const point = await page.evaluate((needle) => {
      const h = CSS.highlights.get('ih-yellow');
      const range = [...(h ?? [])].find(
        (r) => (r as Range).toString().replace(/\s+/g, ' ').trim() === needle,
      ) as Range | undefined;
      // Scroll the highlight into view: a click outside the viewport reaches nothing.
      (range?.startContainer.parentElement ?? document.body).scrollIntoView({ block: 'center' });
      const rect = range?.getClientRects()[0];
      return rect ? { x: rect.left + Math.min(20, rect.width / 2), y: rect.top + rect.height / 2 } : null;
    }, phrase);
    expect(point).not.toBeNull();
    await page.mouse.click(point!.x, point!.y);
    const menu = page.locator('[data-interview-highlights-ui] .menu');
    await expect.poll(() => menu.count(), { timeout: 5_000 }).toBe(1);

    await menu.locator('button[data-action="delete"]').click();
    await expect
      .poll(async () => (await storedHighlights(worker, career.url)).map((h) => squash(h.quote)), {
        timeout: 5_000,
      })
      .not.toContain(phrase);
    await expect.poll(() => painted(page), { timeout: 5_000 }).not.toContain(phrase);

    await page.locator('[data-interview-highlights-ui] .toast button[data-action="toast"]').click();
    await expect
      .poll(async () => (await storedHighlights(worker, career.url)).map((h) => squash(h.quote)), {
        timeout: 5_000,
      })
      .toContain(phrase);
    await expect.poll(() => painted(page), { timeout: 5_000 }).toContain(phrase);
    await page.close();
  }, 60_000);

  it('measures saving a highlight, from the command to the paint', async () => {
    const { context, worker } = ext;
    const { page, tabId } = await openFixture(context, worker, career.url);
    const times: number[] = [];
    const phrases = career.questions.map((q) => q.question);
    for (const phrase of phrases) {
      await selectText(page, phrase);
      const paintedNow = page.waitForFunction(
        (needle) =>
          [...(CSS.highlights.get('ih-yellow') ?? [])].some(
            (r) => (r as Range).toString().replace(/\s+/g, ' ').trim() === needle,
          ),
        phrase,
        { polling: 'raf' },
      );
      const t0 = performance.now();
      const reply = viaCommand(worker, tabId);
      await paintedNow;
      times.push(performance.now() - t0);
      expect((await reply).ok).toBe(true);
    }
    const m = median(times);
    console.log(
      `[bench] save highlight, command to painted: median ${m.toFixed(1)} ms over ${times.length} saves (${times.map((t) => t.toFixed(0)).join(', ')})`,
    );
    expect(m).toBeLessThan(1_000);
    await page.close();
  }, 60_000);
});
