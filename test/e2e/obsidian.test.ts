// Notes in Obsidian, in the real browsers, without Obsidian: the settings panel
// (kept across a reload; a template mistake named by its line while the last
// good template stays in use), "Send to Obsidian" from the popup checked by the
// obsidian:// address it builds and the clipboard text it writes, and the Local
// REST API against a stub of the plugin on 127.0.0.1 that the test starts and
// stops. The network watch shows no request while the REST API is off, and only
// 127.0.0.1 on the configured port once it is on.
//
// Chromium shows its permission prompt for the 127.0.0.1 host permission, which
// no driver can answer; there the test checks that a refused prompt leaves the
// REST API off. Firefox grants it (a pref of the harness), so the REST paths run
// there.

import { afterAll, beforeAll, expect, it } from 'vitest';
import { REST_HTTP_PORT, REST_HTTPS_PORT } from '../../src/obsidian/settings';
import { closedPort, STUB_KEY, type StubVault, startStubVault } from '../obsidian/stub-vault';
import {
  CAREER,
  eachBrowser,
  interviewFixture,
  launchExtension,
  openFixture,
  openPopup,
  saveSelection,
  selectText,
  serveFixture,
  type Session,
  type TestPage,
} from './harness';

const career = interviewFixture(CAREER);
const QUOTES = career.questions.slice(0, 2).map((q) => q.answerStartsWith);

async function choose(page: TestPage, css: string, value: string): Promise<void> {
  await page.evaluate(
    ([c, v]) => {
      const el = document.querySelector(c!) as HTMLSelectElement;
      el.value = v!;
      el.dispatchEvent(new Event('change', { bubbles: true }));
    },
    [css, value],
  );
}

/** Types into a field and leaves it, so its change event saves it. */
async function enter(page: TestPage, css: string, text: string): Promise<void> {
  await page.locator(css).fill(text);
  await page.keyboard.press('Tab');
}

// The scheme's switch puts the plugin's port for it in the Port field: typing starts once it is there,
// as a reader sees it (keys typed while the field changes under them would join the old number).
async function useHttps(page: TestPage, on: boolean): Promise<void> {
  await page.getByRole('checkbox', { name: /^HTTPS/ }).click();
  const port = String(on ? REST_HTTPS_PORT : REST_HTTP_PORT);
  await expect.poll(() => page.locator('.obsidian-settings input[type="number"]').inputValue()).toBe(port);
}

const settingsPage = (ext: Session): Promise<TestPage> =>
  ext.openExtensionPage('options/index.html?view=settings');

const stored = (page: TestPage, key: string): Promise<unknown> =>
  page.evaluate(
    async (k) =>
      (
        await (
          globalThis as unknown as {
            chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } };
          }
        ).chrome.storage.local.get(k)
      )[k],
    key,
  );

eachBrowser('Notes in Obsidian', (browser) => {
  let ext: Session;
  let tabId: number;
  let page: TestPage;

  beforeAll(async () => {
    ext = await launchExtension(browser);
    // Not blocked: the stub vault on 127.0.0.1 must be reachable. The watch still writes down every request.
    await serveFixture(ext, CAREER);
  }, 120_000);

  afterAll(async () => {
    await ext?.close();
  });

  it('keeps the vault, folder, mode and colour names across a reload', async () => {
    ({ page, tabId } = await openFixture(ext, career.url));
    for (const q of QUOTES) {
      await selectText(page, q);
      expect(await saveSelection(ext, tabId)).toMatchObject({ ok: true });
    }
    const s = await settingsPage(ext);
    await s.locator('.obsidian-settings').waitFor();
    await enter(s, '.obsidian-settings input[placeholder="The vault Obsidian has open"]', 'Research Vault');
    await enter(s, '.obsidian-settings label:nth-of-type(2) input', 'Interviews/2026');
    await choose(s, '.obsidian-settings label:nth-of-type(3) select', 'append');
    await enter(s, 'input[aria-label="Name for yellow"]', 'Key idea');
    await expect
      .poll(() => stored(s, 'obsidian'), { timeout: 5000 })
      .toMatchObject({ vault: 'Research Vault', folder: 'Interviews/2026', noteMode: 'append' });
    await s.reload();
    await s.locator('.obsidian-settings').waitFor();
    await expect
      .poll(() =>
        s.locator('.obsidian-settings input[placeholder="The vault Obsidian has open"]').inputValue(),
      )
      .toBe('Research Vault');
    expect(await s.locator('.obsidian-settings label:nth-of-type(2) input').inputValue()).toBe(
      'Interviews/2026',
    );
    expect(await s.locator('input[aria-label="Name for yellow"]').inputValue()).toBe('Key idea');
    // The preview is the saved interview, with the colour's name in its front matter tags off: the quote is there.
    await expect.poll(() => s.locator('.preview').textContent()).toContain(QUOTES[0]!);
    await s.close();
  }, 60_000);

  it('names the line of a template mistake and keeps the last good template in use', async () => {
    const s = await settingsPage(ext);
    await s.locator('#template-highlight').waitFor();
    await s.locator('#template-highlight').fill('Colour: {{colorName}}\n');
    await expect
      .poll(() => s.locator('.preview').textContent(), { timeout: 5000 })
      .toContain('Colour: Key idea');
    await s.locator('#template-highlight').fill('Colour: {{colorName}}\n{{nope}}');
    await expect
      .poll(() => s.locator('#template-highlight-error').textContent(), { timeout: 5000 })
      .toMatch(/^Line 2: \{\{nope\}\} is not a variable here.*The last good template stays in use/);
    expect(await s.locator('.preview').textContent()).toContain('Colour: Key idea');
    await expect
      .poll(() => stored(s, 'templates'))
      .toMatchObject({
        templates: {
          // Typed key by key: the last text that compiled is the one just before the first `{{` was typed.
          highlight: {
            draft: 'Colour: {{colorName}}\n{{nope}}',
            good: expect.stringMatching(/^Colour: \{\{colorName\}\}\n\{?$/),
          },
        },
      });
    // After a reload the draft and its mistake are still shown.
    await s.reload();
    await expect
      .poll(() => s.locator('#template-highlight-error').textContent(), { timeout: 5000 })
      .toContain('Line 2');
    await s.getByRole('button', { name: 'Restore the shipped each highlight template' }).click();
    await expect.poll(() => s.locator('.preview').textContent()).not.toContain('Colour:');
    await s.close();
  }, 60_000);

  it('sends the interview from the popup as an obsidian:// address, long notes through the clipboard', async () => {
    // Chromium asks "Open xdg-open?" once an obsidian:// address is opened, and its prompt holds the
    // tab's input until answered, which a test cannot do: each send is the last click in its popup.
    const sendFrom = async (popup: TestPage, name: string, result: string): Promise<URL> => {
      await popup.getByRole('button', { name }).click();
      await expect
        .poll(() => popup.locator(`${result} .obsidian-result`).textContent(), { timeout: 10_000 })
        .toMatch(/^Sent/);
      return new URL((await popup.locator(`${result} .obsidian-link`).getAttribute('href'))!);
    };
    const interview = 'Send to Obsidian: this interview';

    let popup = await openPopup(ext, tabId);
    const url = await sendFrom(popup, interview, '.actions');
    expect(url.protocol).toBe('obsidian:');
    expect(url.host).toBe('new');
    expect(url.searchParams.get('vault')).toBe('Research Vault');
    expect(url.searchParams.get('file')).toBe(`Interviews/2026/${career.title}`);
    expect(url.searchParams.get('append')).toBe('true');
    expect(url.searchParams.get('clipboard')).toBeNull();
    const content = url.searchParams.get('content')!;
    expect(content).toContain('%% interview-highlights begin');
    for (const q of QUOTES) expect(content).toContain(q);
    await popup.close();

    // Whole answers make the note too long for an address: it goes through the clipboard.
    popup = await openPopup(ext, tabId);
    for (let i = 0; i < 3; i++) {
      await popup.locator('li.qa button.save').nth(i).click();
      // Each saved row joins the list above the questions: let it settle before the next click.
      await expect
        .poll(() => popup.locator('.on-page li.highlight').count(), { timeout: 10_000 })
        .toBe(QUOTES.length + i + 1);
    }
    const long = await sendFrom(popup, interview, '.actions');
    expect(long.searchParams.get('clipboard')).toBe('true');
    expect(long.searchParams.get('content')).toContain('could not read it there');
    const copied = await ext.readClipboard(page);
    expect(copied).toContain('%% interview-highlights begin');
    expect(copied).toContain(career.questions[2]!.answerStartsWith);
    await popup.close();

    // One highlight, opened: its colour is named as the reader named it in Settings.
    popup = await openPopup(ext, tabId);
    await popup.locator('.on-page li.highlight .hl-row').filter({ hasText: QUOTES[0]! }).first().click();
    const named = popup.getByRole('button', { name: 'Key idea' });
    await named.waitFor();
    expect(await named.getAttribute('aria-pressed')).toBe('true');
    const one = await sendFrom(popup, 'Send to Obsidian: this highlight', '.hl-edit');
    expect(one.searchParams.get('vault')).toBe('Research Vault');
    expect(one.searchParams.get('file')).toBe(`Interviews/2026/${career.title}`);
    const sent =
      one.searchParams.get('clipboard') === 'true'
        ? await ext.readClipboard(page)
        : one.searchParams.get('content');
    expect(sent).toContain(QUOTES[0]!);
    await popup.close();

    // REST is off: the extension made no network request at all.
    await ext.sweepBackground(ext.network);
    expect(ext.network.requests()).toEqual([]);
  }, 90_000);

  it('writes and updates the note through the Local REST API on 127.0.0.1, with plain messages', async () => {
    const vault: StubVault = await startStubVault({ https: false });
    const secure: StubVault = await startStubVault({ https: true });
    const closed = await closedPort();
    try {
      const s = await settingsPage(ext);
      await s.locator('.obsidian-settings').waitFor();
      await s.getByRole('checkbox', { name: 'Write notes through the Local REST API' }).click();
      // Either the browser granted 127.0.0.1 (Firefox here, by the harness's pref) or its prompt went unanswered.
      const granted = async (): Promise<boolean> =>
        ((await stored(s, 'obsidian')) as { rest?: { enabled?: boolean } } | undefined)?.rest?.enabled ===
        true;
      for (let t = Date.now(); Date.now() - t < 10_000 && !(await granted()); )
        await new Promise((r) => setTimeout(r, 200));
      if (!(await granted())) {
        // Chromium's prompt stays open, unanswered: the REST API stays off and nothing is asked of the network.
        expect(browser, 'only Chromium leaves the prompt unanswered').toBe('chromium');
        expect(await stored(s, 'obsidian')).toMatchObject({ rest: { enabled: false } });
        expect(ext.network.requests()).toEqual([]);
        await s.close();
        return;
      }
      await useHttps(s, false);
      await enter(s, '.obsidian-settings input[type="number"]', String(vault.port));
      await enter(s, '.obsidian-settings input[type="password"]', STUB_KEY);
      await expect
        .poll(() => stored(s, 'obsidian'))
        .toMatchObject({ rest: { enabled: true, https: false, port: vault.port, apiKey: STUB_KEY } });
      const test = s.getByRole('button', { name: 'Test the connection' });
      await test.click();
      await expect
        .poll(() => s.locator('.rest-status').textContent(), { timeout: 10_000 })
        .toContain('Connected to Obsidian');

      // Send from the library: the note is created in the vault, then updated keeping the reader's words.
      const lib = await ext.openExtensionPage('options/index.html');
      const send = lib.getByRole('button', { name: `Send to Obsidian: ${career.title}` });
      await send.click();
      await expect
        .poll(() => lib.locator('.obsidian-result').textContent(), { timeout: 10_000 })
        .toContain('created the note');
      const path = `Interviews/2026/${career.title}.md`;
      expect(String(vault.files.get(path))).toContain(QUOTES[0]!);
      vault.files.set(path, `${vault.files.get(path)}\nMy own words.\n`);
      await send.click();
      await expect
        .poll(() => lib.locator('.obsidian-result').textContent(), { timeout: 10_000 })
        .toMatch(/updated the note|already up to date/);
      expect(String(vault.files.get(path))).toContain('My own words.');
      await lib.close();
      ext.network.expect((r) => r.url.startsWith(`http://127.0.0.1:${vault.port}/`));

      // A refused key, a closed port, a certificate the browser does not accept: a plain sentence each.
      await enter(s, '.obsidian-settings input[type="password"]', 'wrong-key');
      await test.click();
      await expect
        .poll(() => s.locator('.rest-status').textContent(), { timeout: 10_000 })
        .toContain('refused the API key');
      await enter(s, '.obsidian-settings input[type="number"]', String(closed));
      await test.click();
      await expect
        .poll(() => s.locator('.rest-status').textContent(), { timeout: 15_000 })
        .toContain('Could not reach Obsidian');
      await useHttps(s, true);
      // A port that is none is refused where it was typed, and the stored one stays.
      await enter(s, '.obsidian-settings input[type="number"]', '99999');
      await expect
        .poll(() => s.locator('.obsidian-settings .field-problem').textContent())
        .toContain('A port is a whole number from 1 to 65535');
      expect(await stored(s, 'obsidian')).toMatchObject({ rest: { https: true, port: REST_HTTPS_PORT } });
      await enter(s, '.obsidian-settings input[type="number"]', String(secure.port));
      await test.click();
      await expect
        .poll(() => s.locator('.rest-status').textContent(), { timeout: 15_000 })
        .toMatch(/accept its certificate/);
      expect(secure.files.size).toBe(0);
      await s.close();

      // Every request the extension made went to 127.0.0.1 on a port it was set to.
      await ext.sweepBackground(ext.network);
      const ports = new Set([vault.port, secure.port, closed].map(String));
      const made = ext.network.requests();
      expect(made.length).toBeGreaterThan(0);
      for (const r of made) {
        const u = new URL(r.url);
        expect([u.hostname, ports.has(u.port)]).toEqual(['127.0.0.1', true]);
      }
      ext.network.expect((r) => new URL(r.url).hostname === '127.0.0.1');
    } finally {
      await vault.close();
      await secure.close();
    }
  }, 120_000);
});
