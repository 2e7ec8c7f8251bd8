// Saving a highlight: from the moment the service worker runs the shortcut's
// handler until the quote is painted on the page, on the seed interview in
// Chromium with the built extension. The browser's own dispatch of the key
// press to the worker comes before that and cannot be timed from here.
// Both ends read the same clock (performance.timeOrigin + now()).
//
//   node build.mjs && node bench/save.mjs

import { chromium } from 'playwright-core';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { extensionArgs, setup } from '../scripts/setup.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const FIXTURE = path.join(root, 'test', 'fixtures', 'pinterest-engineering-career-interview');

const median = (v) => {
  const s = [...v].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

const expected = JSON.parse(await readFile(`${FIXTURE}.expected.json`, 'utf8'));
const html = await readFile(`${FIXTURE}.html`, 'utf8');
const profile = await mkdtemp(path.join(tmpdir(), 'ih-bench-save-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: setup('bench').chromium,
  headless: true,
  args: extensionArgs(path.join(root, 'dist', 'chrome')),
});

try {
  await context.route('**/*', (route) =>
    route.request().url().startsWith(expected.url)
      ? route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html })
      : route.abort(),
  );
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const page = await context.newPage();
  await page.goto(expected.url);
  await page.bringToFront();
  const tabId = await worker.evaluate(
    async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0].id,
  );
  // The content script has extracted the page once the badge shows its questions.
  await worker.evaluate(async (id) => {
    while (!(await chrome.action.getBadgeText({ tabId: id }))) await new Promise((r) => setTimeout(r, 20));
  }, tabId);

  // Distinct phrases (each saved once): the first words of each answer and each question.
  const phrases = [
    ...expected.questions.map((q) => q.answerStartsWith),
    ...expected.questions.map((q) => q.question),
  ];
  const times = [];
  for (const phrase of phrases) {
    // Select the phrase, then wait (yielding every task) until a painted range holds it.
    await page.evaluate((needle) => {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const at = n.data.indexOf(needle);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(n, at);
        range.setEnd(n, at + needle.length);
        getSelection().removeAllRanges();
        getSelection().addRange(range);
        break;
      }
      const painted = () => {
        for (const [, h] of CSS.highlights)
          for (const r of h) if (r.toString().includes(needle) && !globalThis.__seen?.has(r)) return r;
        return null;
      };
      globalThis.__seen ??= new WeakSet();
      for (const [, h] of CSS.highlights) for (const r of h) globalThis.__seen.add(r);
      globalThis.__paintedAt = new Promise((resolve) => {
        const ch = new MessageChannel();
        ch.port1.onmessage = () =>
          painted() ? resolve(performance.timeOrigin + performance.now()) : ch.port2.postMessage(0);
        ch.port2.postMessage(0);
      });
    }, phrase);
    const t0 = await worker.evaluate((id) => {
      const start = performance.timeOrigin + performance.now();
      void globalThis.ih.saveSelectionInTab(id);
      return start;
    }, tabId);
    const t1 = await page.evaluate(() => globalThis.__paintedAt);
    times.push(t1 - t0);
  }
  const [l1] = loadavg();
  console.log(`load average: ${l1.toFixed(1)}`);
  console.log(
    `saves: ${times.length}  ms: min ${Math.min(...times).toFixed(1)}  median ${median(times).toFixed(1)}  max ${Math.max(...times).toFixed(1)}`,
  );
  console.log(`save: handler-to-painted=${median(times).toFixed(1)}ms`);
} finally {
  await context.close();
  await rm(profile, { recursive: true, force: true });
}
