#!/usr/bin/env node
// `npm start`: a development build, the sample interview served on 127.0.0.1,
// and Chromium with the extension loaded on it. With a display the browser
// stays open until it is closed or Ctrl-C; without one it runs headless, saves
// screenshots of the page and the popup, says where, and exits.
import { createServer } from 'node:http';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { build } from '../build.mjs';
import { extensionArgs, requireChromium } from './chromium.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const EXTENSION_DIR = join(ROOT, 'dist/chrome');
const SHOTS = join(ROOT, 'dist/screenshots');
const SAMPLE_PATH = '/pinterest-engineering/sample-interview';

/** The seed interview fixture; the saved page lost Medium's stylesheets, so a readable column is added. */
const SAMPLE_FILE = join(ROOT, 'test/fixtures/pinterest-engineering-career-interview.html');
const SAMPLE_STYLE = `<style>
  body { max-width: 46rem; margin: 2rem auto; padding: 0 1rem; font: 18px/1.6 Georgia, serif; color: #242424; }
  svg { width: 1.5rem; height: 1.5rem; }
  img { max-width: 100%; height: auto; }
  h1, h2, h3 { font-family: system-ui, sans-serif; line-height: 1.25; }
</style>`;

function serveSample() {
  const html = readFileSync(SAMPLE_FILE, 'utf8').replace('</head>', `${SAMPLE_STYLE}\n</head>`);
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    if (path === '/' || path === SAMPLE_PATH) {
      if (path === '/') {
        res.writeHead(302, { location: SAMPLE_PATH });
        res.end();
        return;
      }
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      res.end(html);
      return;
    }
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('not found\n');
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
      resolve({ server, url: `http://127.0.0.1:${port}${SAMPLE_PATH}` });
    });
  });
}

async function badgeOf(worker, tabId) {
  return worker.evaluate((id) => globalThis.chrome.action.getBadgeText({ tabId: id }), tabId);
}

/** Chrome hides tab URLs without the `tabs` permission: find the tab by making it the active one. */
async function tabIdOf(worker, page) {
  await page.bringToFront();
  return worker.evaluate(async () => {
    const [tab] = await globalThis.chrome.tabs.query({ active: true, lastFocusedWindow: true });
    return tab?.id ?? null;
  });
}

/** Set once there is something to tear down; the error path uses it too. */
let shutdown = async (code) => process.exit(code);

async function main() {
  const executablePath = requireChromium();
  console.log('building (development)…');
  await build({ dev: true });
  const { server, url } = await serveSample();
  const headless = !process.env.DISPLAY;
  const profile = mkdtempSync(join(tmpdir(), 'ih-start-'));
  shutdown = async (code) => {
    server.close();
    rmSync(profile, { recursive: true, force: true });
    process.exit(code);
  };
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless,
    viewport: headless ? { width: 1280, height: 900 } : null,
    args: extensionArgs(EXTENSION_DIR),
    // Our own handlers close the browser, stop the server and remove the profile.
    handleSIGINT: false,
    handleSIGTERM: false,
  });
  let closing = false;
  shutdown = async (code) => {
    if (closing) return;
    closing = true;
    await context.close().catch(() => undefined);
    server.close();
    rmSync(profile, { recursive: true, force: true });
    process.exit(code);
  };
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));
  // Closing the browser window ends the session, whatever it was doing.
  context.on('close', () => void shutdown(0));

  const isOurs = (w) => w.url().startsWith('chrome-extension://');
  const worker =
    context.serviceWorkers().find(isOurs) ??
    (await context.waitForEvent('serviceworker', { predicate: isOurs, timeout: 20_000 }));
  const extensionId = new URL(worker.url()).host;
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(url);
  console.log(`sample interview: ${url}`);
  console.log(`extension ${extensionId} loaded from ${relative(ROOT, EXTENSION_DIR)}`);

  const tabId = await tabIdOf(worker, page);
  let badge = '';
  for (let waited = 0; tabId !== null && waited < 10_000 && badge === ''; waited += 250) {
    badge = await badgeOf(worker, tabId);
    if (badge === '') await new Promise((r) => setTimeout(r, 250));
  }
  console.log(
    badge ? `badge: ${badge} questions found` : 'badge: empty (the content script found no questions)',
  );

  if (!headless) {
    console.log('Chromium is open: close it or press Ctrl-C to stop.');
    return;
  }

  mkdirSync(SHOTS, { recursive: true });
  const pageShot = join(SHOTS, 'sample-page.png');
  await page.screenshot({ path: pageShot, fullPage: true });
  const popup = await context.newPage();
  await popup.setViewportSize({ width: 400, height: 600 });
  await popup.goto(`chrome-extension://${extensionId}/popup/index.html?tab=${tabId}`);
  await popup.waitForLoadState('load');
  // The popup renders after its first store read; give it a moment to settle,
  // then fit the viewport to the width the popup asks for, as the browser would.
  await popup.waitForTimeout(1000);
  const width = await popup.evaluate(() => document.documentElement.scrollWidth);
  await popup.setViewportSize({ width: Math.min(Math.max(width, 320), 800), height: 600 });
  const popupShot = join(SHOTS, 'popup.png');
  await popup.screenshot({ path: popupShot });
  console.log(`no display: ran headless; screenshots saved in ${relative(process.cwd(), SHOTS) || '.'}/`);
  console.log(`  ${relative(process.cwd(), pageShot)}`);
  console.log(`  ${relative(process.cwd(), popupShot)}`);
  await shutdown(0);
}

main().catch(async (e) => {
  console.error(`npm start failed: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
  await shutdown(1);
});
