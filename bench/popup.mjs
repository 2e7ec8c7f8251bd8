// Popup first paint: how long after the popup opens until the reader sees the
// interview's questions (the 'ih:first-questions' mark), on the seed interview,
// in Chromium with the built extension loaded. Also the popup's bundle size.
// Then the same opens with sync on (issue 16; bench/sync-on.mjs): a local
// pouchdb-server, sync turned on in Settings, each open starting its own sync
// run; the bench fails if that median is over the 100 ms target.
//
//   node build.mjs && node bench/popup.mjs [runs]

import { chromium } from 'playwright-core';
import { extensionArgs, setup } from '../scripts/setup.mjs';
import { cp, mkdtemp, readFile, readdir, rm, stat } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { compare, extensionGranting127, startSyncOn } from './sync-on.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const extensionDir = process.env.EXTENSION_DIR ?? path.join(root, 'dist', 'chrome');
const FIXTURE = 'pinterest-engineering-career-interview';
const RUNS = Math.max(10, Number(process.argv[2] ?? 15) || 15);
const MARK = 'ih:first-questions';
const TARGET_MS = 100;

async function firstDir(candidates) {
  for (const dir of candidates) {
    try {
      await stat(path.join(dir, `${FIXTURE}.html`));
      return dir;
    } catch {
      // try the next place
    }
  }
  throw new Error(`fixture ${FIXTURE}.html not found in ${candidates.join(', ')}`);
}

function median(values) {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

async function bundleSize() {
  const dir = path.join(extensionCopy, 'popup');
  const files = (await readdir(dir)).filter((f) => /\.(js|css|html)$/.test(f));
  let raw = 0;
  let gzip = 0;
  for (const f of files) {
    const bytes = await readFile(path.join(dir, f));
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
  }
  return { raw, gzip, files };
}

const fixtureDir =
  process.env.FIXTURES_DIR ??
  (await firstDir([path.join(root, 'test', 'fixtures'), path.resolve(root, '..', 'shared', 'fixtures')]));
const expected = JSON.parse(await readFile(path.join(fixtureDir, `${FIXTURE}.expected.json`), 'utf8'));
const html = await readFile(path.join(fixtureDir, `${FIXTURE}.html`), 'utf8');
const profile = await mkdtemp(path.join(tmpdir(), 'ih-bench-popup-'));

// A snapshot of dist/chrome: a build running beside the bench must not pull files from under it.
// It grants 127.0.0.1 at install, for the sync-on half (the off half uses the same copy).
const extensionCopy = path.join(profile, 'extension');
const granting = extensionGranting127(extensionDir);
await cp(granting, extensionCopy, { recursive: true });
await rm(granting, { recursive: true, force: true });

const context = await chromium.launchPersistentContext(path.join(profile, 'user-data'), {
  executablePath: setup('bench').chromium,
  headless: true,
  args: extensionArgs(extensionCopy),
});

try {
  // The fixture answers at its real address, so the content script matches it as it would on the web.
  await context.route(
    (u) => u.href.startsWith(expected.url),
    (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }),
  );
  await context.route(
    (u) => u.protocol.startsWith('http') && !u.href.startsWith(expected.url) && u.hostname !== '127.0.0.1',
    (route) => route.fulfill({ status: 404, body: '' }),
  );

  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;

  const page = await context.newPage();
  await page.goto(expected.url);
  // Without the tabs permission tab URLs are hidden: the page in front is the fixture's tab.
  await page.bringToFront();
  const tabId = await worker.evaluate(async () => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    return tab?.id ?? null;
  });
  if (tabId === null) throw new Error('fixture tab not found');

  const popupUrl = `chrome-extension://${extensionId}/popup/index.html?tab=${tabId}`;
  const times = [];
  const split = { page: [], script: [], tab: [], render: [] };
  const opens = async (sync) => {
    const ms = [];
    // One warm-up: the first open pays for compiling the bundle once per profile.
    for (let run = -1; run < RUNS; run++) {
      await sync?.beforeLoad();
      ms.push(...(await open(run, sync)));
    }
    return ms;
  };
  const open = async (run, sync) => {
    const popup = await context.newPage();
    await popup.goto(popupUrl);
    const at = await popup.waitForFunction(
      (mark) => performance.getEntriesByName(mark)[0]?.startTime ?? false,
      MARK,
      { timeout: 10_000, polling: 10 },
    );
    const ms = await at.jsonValue();
    if (sync) await sync.atMark((await popup.evaluate(() => performance.timeOrigin)) + ms, run >= 0);
    const count = await popup.locator('.question-text').count();
    if (count !== expected.questions.length)
      throw new Error(`popup showed ${count} questions, expected ${expected.questions.length}`);
    // Where the time goes: the browser making the page, our script starting, the tab answering, the render.
    const steps = await popup.evaluate(() => {
      const at = (name) => performance.getEntriesByName(name)[0]?.startTime ?? NaN;
      const nav = performance.getEntriesByType('navigation')[0];
      return {
        domInteractive: nav ? nav.domInteractive : NaN,
        start: at('ih:popup-start'),
        asked: at('ih:page-asked'),
        answered: at('ih:page-answered'),
      };
    });
    if (run >= 0 && !sync) {
      split.page.push(steps.domInteractive);
      split.script.push(steps.start - steps.domInteractive);
      split.tab.push(steps.answered - steps.asked);
      split.render.push(ms - steps.answered);
    }
    await popup.close();
    return run >= 0 ? [ms] : [];
  };
  times.push(...(await opens()));

  // Sync on, in the same profile: Settings in a tab of its own, closed before the opens.
  const settings = await context.newPage();
  const sync = await startSyncOn({
    page: settings,
    worker,
    settingsUrl: `chrome-extension://${extensionId}/options/index.html?view=settings`,
    documents: 0,
  });
  let syncTimes;
  try {
    await settings.close();
    await page.bringToFront();
    syncTimes = await opens(sync);
  } finally {
    await sync.stop();
  }

  const { raw, gzip, files } = await bundleSize();
  const med = median(times);
  console.log(
    `load average: ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  console.log(
    `runs: ${times.length}  first-questions ms: min ${Math.min(...times).toFixed(1)}  median ${med.toFixed(1)}  max ${Math.max(...times).toFixed(1)}`,
  );
  console.log(
    `median steps ms: page ready ${median(split.page).toFixed(1)}, script start ${median(split.script).toFixed(1)}, tab answers ${median(split.tab).toFixed(1)}, render ${median(split.render).toFixed(1)}`,
  );
  console.log(`bundle (${files.join(', ')}): ${raw} bytes, ${gzip} bytes gzip`);
  const c = compare('popup:', med, median(syncTimes), TARGET_MS);
  console.log(`${c.line}\n  (${sync.describe()})`);
  if (!c.met) process.exitCode = 1;
  console.log(
    `popup: first-questions=${med.toFixed(1)}ms bundle=${(raw / 1024).toFixed(1)}kB gzip=${(gzip / 1024).toFixed(1)}kB`,
  );
} finally {
  await context.close();
  await rm(profile, { recursive: true, force: true });
}
