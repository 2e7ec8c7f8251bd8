// How a stock Firefox runs the extension, for `npm start -- --browser firefox`
// and the real-browser tests (test/e2e/drivers/firefox.ts): Puppeteer drives
// it over WebDriver BiDi (Debian has no geckodriver, and npm's download one),
// and the unpacked build is installed as a temporary add-on. Facts this rests
// on, checked with Firefox ESR 153 and puppeteer-core 24.43:
//
// - `--remote-allow-system-access` is what lets BiDi open moz-extension://
//   pages at all;
// - the pref extensions.webextensions.uuids fixes the add-on's internal UUID,
//   so its pages have a known address;
// - a page.goto to a moz-extension:// page navigates but never resolves (no
//   load event comes back over BiDi): openExtensionPage starts it and waits for
//   the document instead;
// - extension contexts' console output reaches no one unless
//   devtools.console.stdout.content sends it to Firefox's stdout, which is
//   then read here (it must be: an unread pipe would stall the browser).
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * What differs in Firefox, each with where it is handled and the test that
 * shows it. The README's "What differs in Firefox" list is this list, in this
 * order (test/readme.test.ts checks both, and that the files exist).
 */
export const FIREFOX_DIFFERENCES = [
  {
    what: 'Page objects reach the content script through Xray wrappers',
    detail:
      'the iterators of their keys(), values() and entries() cannot be iterated (Array.from of one is silently empty), and CSS.highlights and a Highlight cannot be iterated at all. Code that runs in the page iterates the object itself or calls forEach, and keeps its own list of what it painted.',
    handled: 'src/url.ts',
    shown: 'test/content/xray-guard.test.ts',
  },
  {
    what: 'A message from an extension page open in a tab comes from that tab',
    detail:
      'Firefox sets the sender’s tab where Chromium does not, so the content script tells its own extension’s pages by their address, not by the absence of a tab.',
    handled: 'src/content/sender.ts',
    shown: 'test/content/sender.test.ts',
  },
  {
    what: 'A content script’s sender address stays the one its page loaded with',
    detail:
      'after a single-page app moves on (pushState) Firefox still reports the first address; the background also reads the tab’s current address, and a page reports itself again after every move.',
    handled: 'src/messages/sender.ts',
    shown: 'test/e2e/capture.test.ts',
  },
  {
    what: 'Injecting the content script on demand',
    detail:
      'Firefox resolves a relative script path against the calling page (the popup asked for popup/content.js) and, on about: pages, resolves without injecting anything; the path is absolute and an empty result is a refusal.',
    handled: 'src/inject.ts',
    shown: 'test/inject.test.ts',
  },
  {
    what: 'The background is an event page',
    detail:
      'Firefox runs `background.scripts` as a page, not a service worker; the build gives each browser its own manifest.',
    handled: 'build.mjs',
    shown: 'test/build.test.ts',
  },
  {
    what: 'The shortcut is one of Firefox’s own keys',
    detail:
      'change it in about:addons → ⚙ → Manage Extension Shortcuts. In a Firefox driven over WebDriver BiDi a real key press reaches the page but not those keys, so the test fires Firefox’s key element for Alt+Shift+H.',
    handled: 'manifest.json',
    shown: 'test/e2e/shortcut.test.ts',
  },
  {
    what: 'No long-task timing',
    detail:
      'Firefox reports no `longtask` entries, so on huge pages only the extension’s own steps (its User Timing measures) can be timed, each under 200 ms.',
    handled: 'src/content/timing.ts',
    shown: 'test/e2e/huge-pages.test.ts',
  },
];

/** The add-on id the manifest gives Firefox. */
export const GECKO_ID = JSON.parse(readFileSync(join(ROOT, 'manifest.json'), 'utf8'))
  .browser_specific_settings.gecko.id;
/** Fixed, so the extension's pages are at moz-extension://FIREFOX_UUID/… in every run. */
export const FIREFOX_UUID = '3b0c6a52-1f0e-4c55-9d57-6f7b1b0d2a11';
export const FIREFOX_ORIGIN = `moz-extension://${FIREFOX_UUID}`;

/**
 * Launches Firefox, installs extensionDir as a temporary add-on and returns
 * the browser with a log of what Firefox printed (extension errors included).
 */
export async function launchFirefox({ executablePath, extensionDir, headless = true, prefs = {} }) {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    protocol: 'webDriverBiDi',
    executablePath,
    headless,
    // Headless: Playwright's default, so a page lays out (and the library windows its list) alike in
    // both browsers. Headed: the window a person resizes.
    defaultViewport: headless ? { width: 1280, height: 720 } : null,
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_UUID }),
      'devtools.console.stdout.content': true,
      ...prefs,
    },
    // Our callers stop the browser themselves.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
  const output = [];
  const child = browser.process();
  for (const stream of [child?.stdout, child?.stderr]) {
    stream?.setEncoding('utf8');
    stream?.on('data', (chunk) => {
      for (const line of chunk.split('\n')) if (line.trim() !== '') output.push(line);
      // Keep the tail only: a long run prints a lot.
      if (output.length > 5000) output.splice(0, output.length - 5000);
    });
  }
  try {
    await browser.installExtension(extensionDir);
  } catch (e) {
    await browser.close().catch(() => undefined);
    throw e;
  }
  return { browser, output };
}

/** The lines Firefox printed that come from this extension: its errors and console output. */
export function extensionLines(output) {
  return output.filter((l) => l.includes(FIREFOX_ORIGIN) || l.includes('[interview-highlights]'));
}

/**
 * Navigates page to an extension page (or any address that is not a web page,
 * like about:robots) and waits until it has loaded: page.goto would wait forever.
 */
export async function openExtensionPage(page, url, timeoutMs = 20_000) {
  void page.goto(url).catch(() => undefined);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const state = await page
      .evaluate(() => `${location.href} ${document.readyState}`)
      .catch(() => 'navigating');
    if (state === `${url} complete`) return;
    if (Date.now() > deadline) throw new Error(`${url} did not load in ${timeoutMs} ms (last: ${state})`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
