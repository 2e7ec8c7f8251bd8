// The library page in real Chromium and Firefox: highlights saved on two
// fixture pages through the background's save handler, then browsed, searched,
// edited, exported and backed up on the extension's options page.

import { readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { fileNameFor } from '../../src/export/file-name';
import { expectNoSeriousViolations } from './axe';
import {
  CAREER,
  eachBrowser,
  interviewFixture,
  launchExtension,
  openFixture,
  openLibrary,
  PROFILE,
  saveSelection,
  selectText,
  serveFixture,
  type Session,
  type TestPage,
} from './harness';

const career = interviewFixture(CAREER);
const profile = interviewFixture(PROFILE);

async function saveOn(ext: Session, url: string, quotes: string[]): Promise<void> {
  const { page, tabId } = await openFixture(ext, url);
  for (const q of quotes) {
    await selectText(page, q);
    const r = await saveSelection(ext, tabId);
    expect(r, JSON.stringify(r)).toMatchObject({ ok: true });
  }
  await page.close();
}

interface BackupRows {
  articles: { key: string }[];
  highlights: { id: string; note: string }[];
}

const backupOf = (page: TestPage): Promise<BackupRows> =>
  page.evaluate(async () => {
    const { exportedAt: _, ...rest } = await (
      globalThis as unknown as {
        ihLibrary: { library: { exportBackup(): Promise<{ exportedAt: string } & BackupRows> } };
      }
    ).ihLibrary.library.exportBackup();
    return rest;
  });

/** A word of at least five letters from the quote, to search for. */
function wordOf(text: string): string {
  const w = text.match(/\p{L}{5,}/u)?.[0];
  if (!w) throw new Error(`no long word in ${text}`);
  return w;
}

eachBrowser('library page', (browser) => {
  let ext: Session;
  let page: TestPage;

  beforeAll(async () => {
    ext = await launchExtension(browser);
    await ext.blockNetwork();
    await serveFixture(ext, CAREER);
    await serveFixture(ext, PROFILE);
  }, 90_000);

  afterAll(async () => {
    await ext?.close();
  });

  it('shows highlights saved on two interviews, under their questions', async () => {
    await saveOn(ext, career.url, [
      career.questions[0]!.answerStartsWith,
      career.questions[1]!.answerStartsWith,
    ]);
    await saveOn(ext, profile.url, [profile.questions[0]!.answerStartsWith]);
    page = await openLibrary(ext);
    await expect.poll(() => page.locator('.highlight').count(), { timeout: 10_000 }).toBe(3);
    const titles = await page.locator('.article-title').allTextContents();
    expect(titles.sort()).toEqual([career.title, profile.title].sort());
    const questions = await page.locator('.question').allTextContents();
    for (const q of [career.questions[0]!, career.questions[1]!, profile.questions[0]!])
      expect(questions).toContain(q.question.replace(/:$/, ''));

    // Reading first: the quote is the largest text in a row, at least 16 px, about 70 characters a line.
    const type = await page.evaluate(() => {
      const px = (sel: string) => Number.parseFloat(getComputedStyle(document.querySelector(sel)!).fontSize);
      const quote = document.querySelector('.quote')!;
      const ch = document.createElement('span');
      ch.textContent = '0';
      quote.append(ch);
      const chWidth = ch.getBoundingClientRect().width;
      ch.remove();
      return {
        body: px('body'),
        quote: px('.quote'),
        question: px('.question'),
        button: px('.highlight button'),
        measure: Number.parseFloat(getComputedStyle(quote).maxWidth) / chWidth,
      };
    }, null);
    expect(type.body).toBe(16);
    expect(type.quote).toBeGreaterThanOrEqual(16);
    expect(type.quote).toBeGreaterThan(type.question);
    expect(type.quote).toBeGreaterThan(type.button);
    expect(type.measure).toBeGreaterThan(60);
    expect(type.measure).toBeLessThan(80);
  });

  it('searches, marks the match, and keeps the search in the URL across a reload', async () => {
    const word = wordOf(profile.questions[0]!.answerStartsWith);
    await page.locator('input[type="search"]').fill(word.toUpperCase());
    await expect.poll(() => page.locator('.quote mark').first().textContent(), { timeout: 5000 }).toBe(word);
    // The address follows in an effect after the frame, so it may trail the marks.
    await expect
      .poll(() => page.url(), { timeout: 5000 })
      .toContain(`?q=${encodeURIComponent(word.toUpperCase())}`);
    await page.reload();
    await expect
      .poll(() => page.locator('input[type="search"]').inputValue(), { timeout: 5000 })
      .toBe(word.toUpperCase());
    await expect.poll(() => page.locator('.quote mark').count(), { timeout: 5000 }).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Clear search and filters' }).click();
    await expect.poll(() => page.locator('.highlight').count()).toBe(3);
    await expect.poll(async () => new URL(await page.url()).search).toBe('');
  });

  it('edits a note in place and exports the interview as Markdown', async () => {
    const row = page.locator('.highlight', { hasText: career.questions[0]!.answerStartsWith.slice(0, 30) });
    // Row actions show on hover and keyboard focus.
    await row.focus();
    await row.getByRole('button', { name: 'Add note or tags' }).click();
    await row.locator('textarea').fill('Remember this for my own interview.');
    await row.locator('.edit input[type="text"]').fill('career, culture');
    await row.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => row.locator('.note').textContent()).toBe('Remember this for my own interview.');
    const rows = await backupOf(page);
    expect(rows.highlights.map((h) => h.note)).toContain('Remember this for my own interview.');

    const download = await ext.download(page, () =>
      page.getByRole('button', { name: `Download Markdown for ${career.title}` }).click(),
    );
    expect(download.name).toMatch(/\.md$/);
    const md = await readFile(download.path, 'utf8');
    expect(md).toMatch(/^---\n/);
    expect(md).toContain(`# ${career.title}`);
    expect(md).toContain(`## ${career.questions[0]!.question}`);
    expect(md).toContain('Remember this for my own interview.');
    expect(md).toContain('#:~:text=');
  });

  it('downloads several files in a row, each named by its readable title', async () => {
    const names: string[] = [];
    for (const title of [career.title, profile.title, career.title]) {
      const d = await ext.download(page, () =>
        page.getByRole('button', { name: `Download Markdown for ${title}` }).click(),
      );
      expect(await readFile(d.path, 'utf8')).toContain(`# ${title}`);
      names.push(d.name);
    }
    const zip = await ext.download(page, () => page.getByRole('button', { name: 'Download shown' }).click());
    names.push(zip.name);
    // A name downloaded before gets the browser's own counter (Firefox: "name(1).md").
    const named = (title: string) =>
      new RegExp(`^${fileNameFor(title).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(\\s?\\(\\d+\\))?\\.md$`);
    expect(names[0]).toMatch(named(career.title));
    expect(names[1]).toMatch(named(profile.title));
    // The browser numbers a repeated name its own way ("name (1).md").
    expect(names[2]).toMatch(/\.md$/);
    expect(names[3]).toMatch(/^interview-highlights-selection-\d{4}-\d{2}-\d{2}.*\.zip$/);
    // The profile's title has a colon: read as a dash, not dropped with its neighbours.
    expect(profile.title).toContain(':');
    expect(names[1]).toContain(' - ');
  });

  it('works from the keyboard: / searches, j/k and arrows move, Space selects, Enter edits, Escape keeps the note', async () => {
    const focused = () =>
      page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        return {
          tag: el?.tagName ?? '',
          type: el?.getAttribute('type') ?? '',
          row: el?.dataset.focusRow ?? '',
        };
      }, null);
    const rowIds = () =>
      page.evaluate(
        () => [...document.querySelectorAll<HTMLElement>('.highlight')].map((e) => e.dataset.focusRow ?? ''),
        null,
      );
    await page.locator('.article-title').first().click();
    await page.keyboard.press('/');
    expect(await focused()).toMatchObject({ tag: 'INPUT', type: 'search' });

    const ids = await rowIds();
    expect(ids).toHaveLength(3);
    await page.locator('.highlight').first().focus();
    await page.keyboard.press('j');
    expect((await focused()).row).toBe(ids[1]);
    await page.keyboard.press('ArrowDown');
    expect((await focused()).row).toBe(ids[2]);
    await page.keyboard.press('k');
    expect((await focused()).row).toBe(ids[1]);

    // Space checks the row's own checkbox, and a second Space clears it.
    const checked = () =>
      page.evaluate(
        (id) => document.querySelector<HTMLInputElement>(`[data-focus-row="${id}"] input.pick`)?.checked,
        ids[1]!,
      );
    await page.keyboard.press(' ');
    await expect.poll(checked).toBe(true);
    await expect.poll(() => page.getByRole('button', { name: 'Delete 1 selected' }).count()).toBe(1);
    await page.keyboard.press(' ');
    await expect.poll(checked).toBe(false);

    // Enter opens the editor with the caret in the note; Escape closes it, keeps the text, focus back on the row.
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await focused()).tag).toBe('TEXTAREA');
    await page.keyboard.type('Kept after Escape.');
    await page.keyboard.press('Escape');
    await expect.poll(async () => (await focused()).row).toBe(ids[1]);
    const row = page.locator(`[data-focus-row="${ids[1]}"]`);
    await expect.poll(() => row.locator('.note').textContent()).toContain('Kept after Escape.');
    await expect
      .poll(async () => (await backupOf(page)).highlights.map((h) => h.note).join('|'))
      .toContain('Kept after Escape.');
  });

  it('saves a note as it is typed: no word lost on a view switch or a reload', async () => {
    const ids = await page.evaluate(
      () => [...document.querySelectorAll<HTMLElement>('.highlight')].map((e) => e.dataset.focusRow ?? ''),
      null,
    );
    const noteOf = async (id: string) =>
      (await backupOf(page)).highlights.find((h) => h.id === id)?.note ?? '';
    await page.locator(`[data-focus-row="${ids[2]}"]`).focus();
    await page.keyboard.press('Enter');
    await page.keyboard.type('Typed, then straight to Settings');
    await page.getByRole('button', { name: 'Settings and backup' }).click();
    await expect.poll(() => noteOf(ids[2]!), { timeout: 5000 }).toContain('Typed, then straight to Settings');
    await page.getByRole('button', { name: 'Library' }).click();

    await page.locator(`[data-focus-row="${ids[0]}"]`).focus();
    await page.keyboard.press('Enter');
    await page.keyboard.type('Typed, then the tab reloads');
    await page.reload();
    await expect.poll(() => noteOf(ids[0]!), { timeout: 5000 }).toContain('Typed, then the tab reloads');
    // Counted from the summary: the list renders only the rows in view, and the page may be short.
    await expect
      .poll(() => page.locator('.summary').textContent(), { timeout: 10_000 })
      .toMatch(/^3 highlights in 2 interviews/);
  });

  it('has no serious accessibility violation in the list, search results and Settings', async () => {
    await expectNoSeriousViolations(page);
    await page.locator('input[type="search"]').fill('pinterest');
    await expect.poll(() => page.locator('mark').count(), { timeout: 5000 }).toBeGreaterThan(0);
    await expectNoSeriousViolations(page);
    await page.getByRole('button', { name: 'Clear search and filters' }).click();
    await page.getByRole('button', { name: 'Settings and backup' }).click();
    await page.locator('.settings').waitFor();
    await expectNoSeriousViolations(page);
    await page.getByRole('button', { name: 'Library' }).click();
    // Counted from the summary: the list renders only the rows in view, and the page may be short.
    await expect.poll(() => page.locator('.summary').textContent()).toMatch(/^3 highlights in 2 interviews/);
  });

  it('backs up, clears, and restores the same rows from the downloaded file', async () => {
    const before = await backupOf(page);
    expect(before.highlights).toHaveLength(3);
    await page.getByRole('button', { name: 'Settings and backup' }).click();
    const { path: file } = await ext.download(page, () =>
      page.getByRole('button', { name: 'Download backup (.json)' }).click(),
    );

    await page.evaluate(() =>
      (
        globalThis as unknown as { ihLibrary: { library: { clear(): Promise<void> } } }
      ).ihLibrary.library.clear(),
    );
    await page.getByRole('button', { name: 'Library' }).click();
    await expect
      .poll(() => page.locator('.empty').textContent(), { timeout: 5000 })
      .toContain('No highlights yet');

    await page.getByRole('button', { name: 'Settings and backup' }).click();
    // A broken file first: refused, nothing written.
    const bad = join(tmpdir(), `ih-bad-backup-${process.pid}.json`);
    await writeFile(bad, '{"format":"something else"}');
    await page.setInputFiles('input[type="file"]', bad);
    await expect
      .poll(() => page.locator('[role="alert"]').textContent(), { timeout: 5000 })
      .toMatch(/cannot be imported/i);
    await rm(bad);
    expect((await backupOf(page)).highlights).toHaveLength(0);

    await page.setInputFiles('input[type="file"]', file);
    await expect
      .poll(() => page.locator('.settings [role="status"]').textContent(), { timeout: 5000 })
      .toContain('Imported 3 new highlights');
    expect(await backupOf(page)).toEqual(before);
    await page.getByRole('button', { name: 'Library' }).click();
    // Counted from the summary: the list renders only the rows in view, and the page may be short.
    await expect.poll(() => page.locator('.summary').textContent()).toMatch(/^3 highlights in 2 interviews/);
  });
});
