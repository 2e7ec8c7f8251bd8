#!/usr/bin/env node
// `npm start`: a development build, the sample interview served on 127.0.0.1,
// and a browser with the extension loaded on it: Chromium, or Firefox with
// `npm start -- --browser firefox`. Whatever is missing is installed first, or
// named in one line (scripts/setup.mjs). With a display the browser stays
// open until it is closed or Ctrl-C; without one it runs headless, saves
// screenshots of the page and the popup, says where, and exits.
import { createServer } from 'node:http';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { build } from '../build.mjs';
import { extensionLines, FIREFOX_ORIGIN, launchFirefox, openExtensionPage } from './firefox.mjs';
import { sampleHtml } from './sample.mjs';
import { extensionArgs, setup } from './setup.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const SHOTS = join(ROOT, 'dist/screenshots');
const SAMPLE_PATH = '/pinterest-engineering/sample-interview';
const BROWSERS = ['chromium', 'firefox'];

function browserArg() {
  const args = process.argv.slice(2);
  const i = args.findIndex((a) => a === '--browser' || a.startsWith('--browser='));
  const name = i < 0 ? 'chromium' : args[i].includes('=') ? args[i].split('=')[1] : args[i + 1];
  if (!BROWSERS.includes(name)) {
    console.error(`npm start: --browser is one of ${BROWSERS.join(', ')}, not ${name ?? '(nothing)'}`);
    process.exit(2);
  }
  return name;
}

function serveSample() {
  const html = sampleHtml();
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    if (path === '/') {
      res.writeHead(302, { location: SAMPLE_PATH });
      res.end();
    } else if (path === SAMPLE_PATH) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      res.end(html);
    } else {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('not found\n');
    }
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
      resolve({ server, url: `http://127.0.0.1:${port}${SAMPLE_PATH}` });
    });
  });
}

/** Polls read() until it answers something other than '' (the content script reports after its first read). */
async function badgeOf(read) {
  let badge = '';
  for (let waited = 0; waited < 10_000 && badge === ''; waited += 250) {
    badge = (await read()) ?? '';
    if (badge === '') await new Promise((r) => setTimeout(r, 250));
  }
  console.log(
    badge ? `badge: ${badge} questions found` : 'badge: empty (the content script found no questions)',
  );
}

/** The popup, opened as a page for the sample's tab, fitted to the width it asks for, then saved as a PNG. */
async function popupShot(setWidth, measure, shoot, file) {
  await setWidth(400);
  // The popup renders after its first store read; give it a moment to settle.
  await new Promise((r) => setTimeout(r, 1000));
  await setWidth(Math.min(Math.max(await measure(), 320), 800));
  await shoot(file);
}

function reportShots(files) {
  console.log(`no display: ran headless; screenshots saved in ${relative(process.cwd(), SHOTS) || '.'}/`);
  for (const f of files) console.log(`  ${relative(process.cwd(), f)}`);
}

/** Set once there is something to tear down; the error path uses it too. */
const cleanups = [];
let closing = false;
async function shutdown(code) {
  if (closing) return;
  closing = true;
  for (const c of cleanups.reverse()) await Promise.resolve(c()).catch(() => undefined);
  process.exit(code);
}

async function startChromium(executablePath, url, headless) {
  const extensionDir = join(ROOT, 'dist/chrome');
  const profile = mkdtempSync(join(tmpdir(), 'ih-start-'));
  cleanups.push(() => rmSync(profile, { recursive: true, force: true }));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless,
    viewport: headless ? { width: 1280, height: 900 } : null,
    args: extensionArgs(extensionDir),
    // Our own handlers close the browser, stop the server and remove the profile.
    handleSIGINT: false,
    handleSIGTERM: false,
  });
  cleanups.push(() => context.close());
  // Closing the browser window ends the session, whatever it was doing.
  context.on('close', () => void shutdown(0));

  const isOurs = (w) => w.url().startsWith('chrome-extension://');
  const worker =
    context.serviceWorkers().find(isOurs) ??
    (await context.waitForEvent('serviceworker', { predicate: isOurs, timeout: 20_000 }));
  // URL.origin is "null" for a chrome-extension: address; the host is the extension id.
  const origin = `chrome-extension://${new URL(worker.url()).host}`;
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(url);
  console.log(`sample interview: ${url}`);
  console.log(`extension ${origin} loaded from ${relative(ROOT, extensionDir)}`);

  // Chrome hides tab URLs without the `tabs` permission: find the tab by making it the active one.
  await page.bringToFront();
  const tabId = await worker.evaluate(async () => {
    const [tab] = await globalThis.chrome.tabs.query({ active: true, lastFocusedWindow: true });
    return tab?.id ?? null;
  });
  if (tabId !== null)
    await badgeOf(() => worker.evaluate((id) => globalThis.chrome.action.getBadgeText({ tabId: id }), tabId));

  if (!headless) {
    console.log('Chromium is open: close it or press Ctrl-C to stop.');
    return;
  }
  mkdirSync(SHOTS, { recursive: true });
  const pageShot = join(SHOTS, 'sample-page.png');
  await page.screenshot({ path: pageShot, fullPage: true });
  const popup = await context.newPage();
  await popup.setViewportSize({ width: 400, height: 600 });
  await popup.goto(`${origin}/popup/index.html?tab=${tabId}`);
  await popup.waitForLoadState('load');
  const popupFile = join(SHOTS, 'popup.png');
  await popupShot(
    (width) => popup.setViewportSize({ width, height: 600 }),
    () => popup.evaluate(() => document.documentElement.scrollWidth),
    (path) => popup.screenshot({ path }),
    popupFile,
  );
  reportShots([pageShot, popupFile]);
  await shutdown(0);
}

async function startFirefox(executablePath, url, headless) {
  const extensionDir = join(ROOT, 'dist/firefox');
  const { browser, output } = await launchFirefox({ executablePath, extensionDir, headless });
  cleanups.push(() => browser.close());
  // Closing the last window ends the session.
  browser.on('disconnected', () => void shutdown(0));
  const page = (await browser.pages())[0] ?? (await browser.newPage());
  await page.goto(url);
  console.log(`sample interview: ${url}`);
  console.log(`extension ${FIREFOX_ORIGIN} loaded from ${relative(ROOT, extensionDir)} (a temporary add-on)`);

  // The popup, as a page: its own script can find the sample's tab (the development build may read 127.0.0.1).
  const popup = await browser.newPage();
  await openExtensionPage(popup, `${FIREFOX_ORIGIN}/popup/index.html`);
  const tabId = await popup.evaluate(async (sample) => {
    const tabs = await globalThis.browser.tabs.query({});
    return tabs.find((t) => t.url === sample)?.id ?? null;
  }, url);
  if (tabId !== null)
    await badgeOf(() => popup.evaluate((id) => globalThis.browser.action.getBadgeText({ tabId: id }), tabId));
  for (const line of extensionLines(output)) if (/error/i.test(line)) console.log(`firefox: ${line}`);

  if (!headless) {
    await popup.close();
    await page.bringToFront();
    console.log('Firefox is open: close it or press Ctrl-C to stop.');
    return;
  }
  mkdirSync(SHOTS, { recursive: true });
  await page.setViewport({ width: 1280, height: 900 });
  const pageShot = join(SHOTS, 'firefox-sample-page.png');
  await page.screenshot({ path: pageShot, fullPage: true });
  await popup.setViewport({ width: 400, height: 600 });
  await openExtensionPage(popup, `${FIREFOX_ORIGIN}/popup/index.html?tab=${tabId}`);
  const popupFile = join(SHOTS, 'firefox-popup.png');
  await popupShot(
    (width) => popup.setViewport({ width, height: 600 }),
    () => popup.evaluate(() => document.documentElement.scrollWidth),
    (path) => popup.screenshot({ path }),
    popupFile,
  );
  reportShots([pageShot, popupFile]);
  await shutdown(0);
}

async function main() {
  const name = browserArg();
  const tools = setup('start', { browser: name });
  console.log('building (development)…');
  await build({ dev: true });
  const { server, url } = await serveSample();
  cleanups.push(() => server.close());
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));
  const headless = !process.env.DISPLAY;
  if (name === 'firefox') await startFirefox(tools.firefox, url, headless);
  else await startChromium(tools.chromium, url, headless);
}

main().catch(async (e) => {
  console.error(`npm start failed: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
  await shutdown(1);
});
