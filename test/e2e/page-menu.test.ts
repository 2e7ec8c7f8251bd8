// The menu a reader gets by clicking a painted highlight on the page, in real
// Chromium and Firefox: note, tags and color are edited with the keyboard and
// written to the store, the paint follows the color, Copy as Markdown reaches
// the clipboard, and a delete can be undone.

import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  eachBrowser,
  fixtureExpected,
  launchExtension,
  openFixture,
  paint,
  saveSelection,
  selectText,
  serveFixture,
  squash,
  storedHighlights,
  type Session,
  type TestPage,
} from './harness';

const CAREER = 'pinterest-engineering-career-interview';
const career = fixtureExpected(CAREER) as unknown as {
  url: string;
  questions: { answerStartsWith: string }[];
};

/** Clicks the middle of the first line of the painted range whose text is quote, as a reader would. */
async function clickPainted(page: TestPage, quote: string): Promise<void> {
  const point = await page.evaluate((q) => {
    for (const [, h] of CSS.highlights) {
      for (const r of h) {
        const range = r as Range;
        if (range.toString().replace(/\s+/g, ' ').trim() !== q) continue;
        const start = range.startContainer;
        (start.nodeType === Node.ELEMENT_NODE ? (start as Element) : start.parentElement)?.scrollIntoView({
          block: 'center',
        });
        const box = range.getClientRects()[0];
        if (box) return { x: box.left + Math.min(box.width / 2, 40), y: box.top + box.height / 2 };
      }
    }
    return null;
  }, quote);
  if (!point) throw new Error(`no painted range reads ${quote}`);
  await page.mouse.click(point.x, point.y);
}

eachBrowser('the highlight menu on the page', (browser) => {
  let ext: Session;

  beforeAll(async () => {
    ext = await launchExtension(browser);
    await ext.blockNetwork();
    await serveFixture(ext, CAREER);
  }, 60_000);

  afterAll(async () => {
    await ext?.close();
  });

  it('edits note, tags and color from the keyboard, copies it as Markdown, then deletes and undoes', async () => {
    const { page, tabId } = await openFixture(ext, career.url);

    const quote = career.questions[1]!.answerStartsWith;
    await selectText(page, quote);
    const saved = await saveSelection(ext, tabId);
    expect(saved, JSON.stringify(saved)).toMatchObject({ ok: true });
    const [row] = await storedHighlights(ext, career.url);
    expect(row).toMatchObject({ color: 'yellow', note: '', tags: [] });
    expect(squash(row!.quote)).toBe(quote);
    await expect.poll(() => paint(page)).toEqual({ 'ih-yellow': [quote] });

    // Open the menu with a click on the paint; the note box has the focus.
    await clickPainted(page, quote);
    const menu = page.getByRole('dialog', { name: 'Highlight' });
    await menu.waitFor({ timeout: 5000 });
    await expect
      .poll(() =>
        page.evaluate(() => document.activeElement?.shadowRoot?.activeElement?.getAttribute('aria-label')),
      )
      .toBe('Note');
    await page.keyboard.type('Worth rereading before a review.');
    await page.keyboard.press('Tab');
    await page.keyboard.type('career, #growth, career');
    // Tab onto the swatches (yellow, then green) and press the green one.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await storedHighlights(ext, career.url))[0]?.color).toBe('green');
    expect(await menu.getByRole('button', { name: 'green' }).getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => paint(page)).toEqual({ 'ih-green': [quote] });
    // The menu is still open with what was typed, and "Save note" keeps it.
    await menu.getByRole('button', { name: 'Save note' }).focus();
    await page.keyboard.press('Enter');
    await expect(menu.isVisible()).resolves.toBe(false);

    await expect
      .poll(() => storedHighlights(ext, career.url))
      .toEqual([
        expect.objectContaining({
          id: row!.id,
          color: 'green',
          note: 'Worth rereading before a review.',
          tags: ['career', 'growth'],
        }),
      ]);
    const edited = (await storedHighlights(ext, career.url))[0]!;
    expect(edited.updatedAt).toBeGreaterThan(row!.updatedAt);
    // A highlight with a note is also underlined.
    await expect.poll(() => paint(page)).toEqual({ 'ih-green': [quote], 'ih-note': [quote] });

    // The menu opens again with the saved note and tags; Delete removes row and paint.
    await clickPainted(page, quote);
    await menu.waitFor({ timeout: 5000 });
    expect(await menu.getByRole('textbox', { name: 'Note' }).inputValue()).toBe(
      'Worth rereading before a review.',
    );
    expect(await menu.getByRole('textbox', { name: 'Tags' }).inputValue()).toBe('career, growth');
    // Copy as Markdown reaches the system clipboard: the real click gives the page the activation it needs.
    await menu.getByRole('button', { name: 'Copy as Markdown' }).click();
    await page.getByRole('status').filter({ hasText: 'Copied as Markdown.' }).waitFor({ timeout: 5000 });
    const copied = await ext.readClipboard(page);
    expect(copied).toContain('Worth rereading before a review.');
    expect(copied).toContain('#:~:text=');
    await menu.getByRole('button', { name: 'Delete' }).click();
    await expect.poll(() => storedHighlights(ext, career.url)).toEqual([]);
    await expect.poll(() => paint(page)).toEqual({});

    // Undo puts the same row back, edits and all, and paints it again.
    const toast = page.getByRole('status').filter({ hasText: 'Highlight deleted.' });
    await toast.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => storedHighlights(ext, career.url)).toEqual([edited]);
    await expect
      .poll(() => paint(page), { timeout: 5000 })
      .toEqual({ 'ih-green': [quote], 'ih-note': [quote] });
    await page.close();
  }, 60_000);
});
