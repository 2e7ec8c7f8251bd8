// The popup in Chromium with the extension loaded, fixtures served at their real addresses.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  fixtureExpected,
  launchExtension,
  openPopup,
  serveFixture,
  tabIdOf,
  tabIdOfPage,
  type Launched,
} from './harness';

// The fixtures' own normalisation: NFC, no-break spaces, collapsed white space, no trailing colon.
function norm(text: string): string {
  return text
    .normalize('NFC')
    .replace(/\u00a0/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/:$/, '');
}

let ext: Launched;

beforeAll(async () => {
  ext = await launchExtension();
}, 60_000);

afterAll(async () => {
  await ext?.close();
});

async function openFor(name: string) {
  const expected = fixtureExpected(name);
  await serveFixture(ext.context, name);
  const page = await ext.context.newPage();
  await page.goto(expected.url);
  const tabId = await tabIdOf(ext.worker, expected.url);
  const popup = await openPopup(ext.context, ext.extensionId, tabId);
  return { expected, page, popup };
}

describe('popup in Chromium', () => {
  it('lists the seed interview questions, saves a Q&A, and the page paints it', async () => {
    const { expected, page, popup } = await openFor('pinterest-engineering-career-interview');
    await popup.locator('.question-text').first().waitFor();
    const shown = await popup.locator('.question-text').allTextContents();
    const questions = expected.questions ?? [];
    expect(questions.length).toBeGreaterThan(1);
    expect(shown.map(norm)).toEqual(questions.map((q) => norm(q.question)));
    expect(await popup.evaluate(() => performance.getEntriesByName('ih:first-questions').length)).toBe(1);

    const second = popup.locator('li.qa').nth(1);
    const question = norm(questions[1]!.question);
    await second.locator('button.save').click();
    await expect.poll(() => second.locator('button.save').getAttribute('aria-pressed')).toBe('true');

    // Painted: a range in the page's highlight registry that starts with the question.
    await expect
      .poll(
        () =>
          page.evaluate(() => {
            const texts: string[] = [];
            CSS.highlights.forEach((h, name) => {
              if (name === 'ih-flash') return;
              for (const r of h) texts.push((r as Range).toString());
            });
            return texts.map((t) => t.replace(/\s+/g, ' ').trim());
          }),
        { timeout: 5000 },
      )
      .toEqual(
        expect.arrayContaining([
          expect.stringMatching(new RegExp(`^${question.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`)),
        ]),
      );

    // Stored: a fresh popup finds it in the library and lists it on this page.
    await popup.reload();
    await popup.locator('.question-text').first().waitFor();
    await expect
      .poll(() => popup.locator('li.qa').nth(1).locator('button.save').getAttribute('aria-pressed'))
      .toBe('true');
    expect(norm((await popup.locator('.on-page .hl-question').first().textContent()) ?? '')).toContain(
      question,
    );

    // Unsave: the row goes, and the page stops painting it.
    await popup.locator('li.qa').nth(1).locator('button.save').click();
    await expect.poll(() => popup.locator('.on-page li.highlight').count()).toBe(0);
    await expect
      .poll(() => page.evaluate(() => [...CSS.highlights.keys()].filter((k) => k !== 'ih-flash').length), {
        timeout: 5000,
      })
      .toBe(0);
    await popup.close();
    await page.close();
  }, 60_000);

  it('says there is no Q&A on a technical post', async () => {
    const { popup, page } = await openFor('pinterest-engineering-technical-post');
    await popup.locator('.notice-no-qa').waitFor();
    expect(await popup.locator('.question-text').count()).toBe(0);
    expect(await popup.locator('.notice-no-qa').textContent()).toContain('You can still highlight text');
    await popup.close();
    await page.close();
  }, 60_000);

  it('says plainly that a browser page cannot be read', async () => {
    const page = await ext.context.newPage();
    await page.goto('chrome://version');
    const tabId = await tabIdOfPage(ext.worker, page);
    const popup = await openPopup(ext.context, ext.extensionId, tabId);
    await popup.getByRole('button', { name: 'Find Q&A on this page' }).click();
    await popup.locator('.notice-forbidden').waitFor();
    expect(await popup.locator('.notice-forbidden').textContent()).toContain('cannot be read by extensions');
    await popup.close();
    await page.close();
  }, 60_000);
});
