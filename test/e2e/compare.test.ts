// Compare in real Chromium and Firefox: answers saved on two interviews that
// ask why someone joined in different words ("What led you to joining
// Pinterest?", "Discovering the opportunity") sit in one group; the reader
// renames the group and moves a question to Advice, and both outlast a reload.

import { afterAll, beforeAll, expect, it } from 'vitest';
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
  type InterviewFixture,
  type Session,
  type TestPage,
} from './harness';

const career = interviewFixture(CAREER);
const profile = interviewFixture(PROFILE);
const answerTo = (e: InterviewFixture, q: string) =>
  e.questions.find((x) => x.question === q)!.answerStartsWith;

async function saveOn(ext: Session, url: string, quotes: string[]): Promise<void> {
  const { page, tabId } = await openFixture(ext, url);
  for (const q of quotes) {
    await selectText(page, q);
    const r = await saveSelection(ext, tabId);
    expect(r, JSON.stringify(r)).toMatchObject({ ok: true });
  }
  await page.close();
}

const JOINING = 'Why they came, how they started';

/** The radio labels of the groups, as "name (count)". */
const groupLabels = (page: TestPage) => page.locator('.themes label.theme').allTextContents();

eachBrowser('compare', (browser) => {
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

  it('groups questions asked in other words, renames a group and moves a question, kept after reload', async () => {
    await saveOn(ext, career.url, [answerTo(career, 'What led you to joining Pinterest?')]);
    await saveOn(ext, profile.url, [
      answerTo(profile, 'Discovering the opportunity'),
      answerTo(profile, 'Advice to candidates'),
    ]);
    page = await openLibrary(ext);
    await expect.poll(() => page.locator('.highlight').count(), { timeout: 10_000 }).toBe(3);
    await page.getByRole('button', { name: 'Compare answers' }).click();
    await expect.poll(() => groupLabels(page), { timeout: 10_000 }).toContain(`${JOINING} (2)`);
    expect(await groupLabels(page)).toContain('Advice (1)');

    await page.locator('.themes label.theme', { hasText: JOINING }).click();
    await expect.poll(() => page.locator('.column h2').allTextContents()).toHaveLength(2);
    expect((await page.locator('.column .question').allTextContents()).sort()).toEqual(
      ['Discovering the opportunity', 'What led you to joining Pinterest?'].sort(),
    );
    await expectNoSeriousViolations(page);

    await page.getByRole('button', { name: 'Rename group' }).click();
    await page.locator('.rename-form input').fill('Why they joined');
    await page.getByRole('button', { name: 'Save name' }).click();
    await expect.poll(() => page.locator('.group-name').textContent()).toBe('Why they joined');

    // Move "Discovering the opportunity" to Advice with its own select.
    await page.evaluate(() => {
      const entry = [...document.querySelectorAll('.entry')].find((e) =>
        e.querySelector('.question')?.textContent?.includes('Discovering'),
      )!;
      const select = entry.querySelector('select')!;
      select.value = 'advice';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await expect
      .poll(() => page.locator('.column .question').allTextContents())
      .toEqual(['What led you to joining Pinterest?']);

    await page.reload();
    await expect
      .poll(() => page.locator('.group-name').textContent(), { timeout: 10_000 })
      .toBe('Why they joined');
    await expect.poll(() => groupLabels(page)).toContain('Why they joined (1)');
    expect(await groupLabels(page)).toContain('Advice (2)');
    await page.locator('.themes label.theme', { hasText: 'Advice' }).click();
    await expect
      .poll(async () => (await page.locator('.column .question').allTextContents()).sort())
      .toEqual(['Advice to candidates', 'Discovering the opportunity'].sort());
    await expectNoSeriousViolations(page);
  }, 150_000);
});
