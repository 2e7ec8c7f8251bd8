// The card a reader gets by clicking a painted highlight on the page, in real
// Chromium and Firefox: note, tags and color are edited with the keyboard and
// written to the store whatever ends the typing (Escape, a click elsewhere, a
// reload), the paint follows the color, Copy as Markdown reaches the
// clipboard, and a delete can be undone. The Save bar offers colours and a note
// at selection time and is reached by keyboard; the keyboard steps through the
// highlights and Enter opens one; a second save of the same quote opens the
// first; axe finds nothing serious in the card or the Save bar.

import { afterAll, beforeAll, expect, it } from 'vitest';
import { expectNoSeriousViolations } from './axe';
import {
  CAREER,
  eachBrowser,
  interviewFixture,
  launchExtension,
  openFixture,
  paint,
  saveSelection,
  selectText,
  serveFixture,
  squash,
  storedHighlights,
  UI,
  type Session,
  type TestPage,
} from './harness';

/** What has the focus, looking into shadow roots: its accessible label or its text. */
function focused(page: TestPage): Promise<string | null> {
  return page.evaluate(() => {
    let a: Element | null = document.activeElement;
    while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
    if (!a || a === document.body) return null;
    return a.getAttribute('aria-label') ?? a.textContent?.trim() ?? a.tagName;
  });
}

/** axe over the content script's own UI, inside its shadow root. */
const inUI = (inner: string) => ({ fromShadowDom: [UI, inner] });

async function savedQuote(ext: Session, page: TestPage, tabId: number, quote: string): Promise<string> {
  await selectText(page, quote);
  const saved = await saveSelection(ext, tabId);
  expect(saved, JSON.stringify(saved)).toMatchObject({ ok: true });
  await expect.poll(async () => (await paint(page))['ih-yellow'] ?? []).toContain(quote);
  return saved.value!.id;
}

const noteOf = async (ext: Session, id: string): Promise<string | undefined> =>
  (await storedHighlights(ext, career.url)).find((h) => h.id === id)?.note;

const career = interviewFixture(CAREER);

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
    // The note was written as it was typed: the highlight is underlined already.
    await expect.poll(() => paint(page)).toEqual({ 'ih-green': [quote], 'ih-note': [quote] });
    // The menu is still open with what was typed, and "Done" closes it, keeping it.
    await menu.getByRole('button', { name: 'Done' }).focus();
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
    await menu.getByRole('button', { name: 'Delete' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => storedHighlights(ext, career.url)).toEqual([]);
    await expect.poll(() => paint(page)).toEqual({});

    // The keyboard is on Undo, and Enter puts the same row back, edits and all, and paints it again.
    await page.getByRole('status').filter({ hasText: 'Highlight deleted.' }).waitFor({ timeout: 5000 });
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.shadowRoot?.activeElement?.textContent))
      .toBe('Undo');
    await page.keyboard.press('Enter');
    await expect.poll(() => storedHighlights(ext, career.url)).toEqual([edited]);
    // The live region says so, as it said the delete.
    await page.getByRole('status').filter({ hasText: 'Highlight restored.' }).waitFor({ timeout: 5000 });
    await expect
      .poll(() => paint(page), { timeout: 5000 })
      .toEqual({ 'ih-green': [quote], 'ih-note': [quote] });
    await page.close();
  }, 60_000);

  it('keeps a typed note whatever ends the typing: Escape, a click elsewhere, a reload', async () => {
    const { page, tabId } = await openFixture(ext, career.url);
    const quote = career.questions[3]!.answerEndsWith;
    const id = await savedQuote(ext, page, tabId, quote);
    const menu = page.getByRole('dialog', { name: 'Highlight' });

    // Escape closes the card and keeps what was typed.
    await clickPainted(page, quote);
    await menu.waitFor({ timeout: 5000 });
    await page.keyboard.type('Escape keeps this.');
    await page.keyboard.press('Escape');
    await expect.poll(() => menu.isVisible()).toBe(false);
    await expect.poll(() => noteOf(ext, id)).toBe('Escape keeps this.');

    // A click elsewhere on the page closes it and keeps it too.
    await clickPainted(page, quote);
    await menu.waitFor({ timeout: 5000 });
    expect(await menu.getByRole('textbox', { name: 'Note' }).inputValue()).toBe('Escape keeps this.');
    await page.keyboard.type(' So does a click.');
    await page.mouse.click(5, 5);
    await expect.poll(() => menu.isVisible()).toBe(false);
    await expect.poll(() => noteOf(ext, id)).toBe('Escape keeps this. So does a click.');

    // Typing and reloading at once: the page going away writes it.
    await clickPainted(page, quote);
    await menu.waitFor({ timeout: 5000 });
    await page.keyboard.type(' And a reload.');
    await page.reload();
    await expect
      .poll(() => noteOf(ext, id), { timeout: 5000 })
      .toBe('Escape keeps this. So does a click. And a reload.');
    await page.close();
  }, 60_000);

  it('saves in a colour or with a note from the Save bar, reached and dismissed by keyboard', async () => {
    const { page } = await openFixture(ext, career.url);
    const bar = page.locator(UI).locator('.savebar');
    const first = career.questions[4]!.answerStartsWith;
    await selectText(page, first);
    await bar.waitFor({ timeout: 5000 });
    await expectNoSeriousViolations(page, inUI('.savebar'));
    // Escape dismisses it and leaves the selection.
    await page.keyboard.press('Escape');
    await expect.poll(() => bar.count()).toBe(0);
    expect(await page.evaluate(() => window.getSelection()?.toString().replace(/\s+/g, ' ').trim())).toBe(
      first,
    );

    // Selected again, Tab reaches the bar; Tab on to the green swatch, Enter saves in green.
    await selectText(page, first);
    await bar.waitFor({ timeout: 5000 });
    await page.keyboard.press('Tab');
    await expect.poll(() => focused(page)).toBe('Save highlight');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await expect.poll(() => focused(page)).toBe('Save Green');
    await page.keyboard.press('Enter');
    await expect
      .poll(
        async () => (await storedHighlights(ext, career.url)).find((h) => squash(h.quote) === first)?.color,
      )
      .toBe('green');
    await expect.poll(async () => (await paint(page))['ih-green'] ?? []).toContain(first);
    // The save is announced in the live region.
    await expect.poll(() => page.getByRole('status').textContent()).toBe('Highlight saved.');

    // "+ Note" saves, then opens the card with the caret in the note.
    const second = career.questions[5]!.answerStartsWith;
    await selectText(page, second);
    await bar.waitFor({ timeout: 5000 });
    await bar.getByRole('button', { name: 'Save and add a note' }).click();
    const menu = page.getByRole('dialog', { name: 'Highlight' });
    await menu.waitFor({ timeout: 5000 });
    await expect.poll(() => focused(page)).toBe('Note');
    await page.keyboard.type('Typed right after saving.');
    await page.keyboard.press('Escape');
    await expect
      .poll(
        async () => (await storedHighlights(ext, career.url)).find((h) => squash(h.quote) === second)?.note,
      )
      .toBe('Typed right after saving.');
    await page.close();
  }, 60_000);

  it('steps through the highlights by keyboard, Enter opens one, and focus comes back when it closes', async () => {
    const { page, tabId } = await openFixture(ext, career.url);
    const quotes = [career.questions[0]!.answerStartsWith, career.questions[2]!.answerStartsWith];
    for (const q of quotes) await savedQuote(ext, page, tabId, q);
    await page.evaluate(() => window.getSelection()?.removeAllRanges());
    // Earlier scenarios left highlights on this page too: every painted one counts.
    const total = Object.entries(await paint(page))
      .filter(([name]) => name !== 'ih-note')
      .reduce((n, [, ranges]) => n + ranges.length, 0);
    expect(total).toBeGreaterThanOrEqual(2);

    // The extension's command, as the browser sends it for Alt+Shift+. and Alt+Shift+,
    const step = (command: string) =>
      ext.background((g, a) => g.ih.onCommand(a.command, { id: a.tabId }), { command, tabId });
    expect(await step('next-highlight')).toMatchObject({ ok: true });
    await expect.poll(() => focused(page)).toBe(`Highlight 1 of ${total}: Enter opens`);
    await step('next-highlight');
    await expect.poll(() => focused(page)).toBe(`Highlight 2 of ${total}: Enter opens`);
    await step('previous-highlight');
    await expect.poll(() => focused(page)).toBe(`Highlight 1 of ${total}: Enter opens`);
    if (browser === 'chromium') {
      // The same keys pressed on the page, for when the browser left the command without a shortcut.
      await page.keyboard.press('Alt+Shift+Period');
      await expect.poll(() => focused(page)).toBe(`Highlight 2 of ${total}: Enter opens`);
      await page.keyboard.press('Alt+Shift+Comma');
      await expect.poll(() => focused(page)).toBe(`Highlight 1 of ${total}: Enter opens`);
    }
    await page.keyboard.press('Enter');
    const menu = page.getByRole('dialog', { name: 'Highlight' });
    await menu.waitFor({ timeout: 5000 });
    await expect.poll(() => focused(page)).toBe('Note');
    // The card, open: nothing serious for axe, and it names its question.
    await expectNoSeriousViolations(page, inUI('.menu'));
    expect(await menu.locator('.context').textContent()).toMatch(/^Question/);
    // Kept inside the viewport.
    const box = await page.evaluate(() => {
      const card = document
        .querySelector('[data-interview-highlights-ui]')
        ?.shadowRoot?.querySelector('.menu');
      const r = card?.getBoundingClientRect();
      return r
        ? {
            left: r.left,
            top: r.top,
            right: r.right,
            bottom: r.bottom,
            width: innerWidth,
            height: innerHeight,
          }
        : null;
    });
    expect(box, JSON.stringify(box)).not.toBeNull();
    expect(
      box!.left >= 0 && box!.top >= 0 && box!.right <= box!.width && box!.bottom <= box!.height,
      JSON.stringify(box),
    ).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => menu.isVisible()).toBe(false);
    await expect.poll(() => focused(page)).toBe(`Highlight 1 of ${total}: Enter opens`);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator(UI).locator('.pointer').count()).toBe(0);
    await page.close();
  }, 60_000);

  it('opens the highlight already saved when the same quote is saved again, and says so', async () => {
    const { page, tabId } = await openFixture(ext, career.url);
    const quote = career.questions[0]!.answerEndsWith;
    const id = await savedQuote(ext, page, tabId, quote);
    const before = (await storedHighlights(ext, career.url)).length;
    await selectText(page, quote);
    const again = await saveSelection(ext, tabId);
    expect(again).toMatchObject({ ok: true, value: { id } });
    expect(await storedHighlights(ext, career.url)).toHaveLength(before);
    await page.getByRole('status').filter({ hasText: 'Already saved' }).waitFor({ timeout: 5000 });
    await page.getByRole('dialog', { name: 'Highlight' }).waitFor({ timeout: 5000 });
    expect((await paint(page))['ih-yellow']!.filter((q) => q === quote)).toHaveLength(1);
    await page.close();
  }, 60_000);
});
