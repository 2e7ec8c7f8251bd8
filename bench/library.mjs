// Library page with a large library: first paint (the 'ih:library-first-paint'
// mark) and search latency (a keystroke in the search box to the frame that
// shows its results: the 'ih:search' measure), in Chromium with the built
// extension loaded. The store is filled through the page's own Library (the
// `ihLibrary` hook main.tsx leaves on the page) with src/store/generate.ts.
//
//   node build.mjs && node bench/library.mjs [articles] [highlights] [runs]

import * as esbuild from 'esbuild';
import { chromium } from 'playwright-core';
import { extensionArgs, setup } from '../scripts/setup.mjs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const extensionDir = process.env.EXTENSION_DIR ?? path.join(root, 'dist', 'chrome');
const N_ARTICLES = Number(process.argv[2] ?? 500) || 500;
const N_HIGHLIGHTS = Number(process.argv[3] ?? 10_000) || 10_000;
const RUNS = Math.max(5, Number(process.argv[4] ?? 9) || 9);
// Words from the generator's vocabulary: common, rare, accented, two-word, and a prefix.
const QUERIES = [
  'culture',
  'resume',
  'cafe',
  'kafka',
  'mentor ship',
  'eng',
  'straße',
  'latency model',
  'ïnclu',
  'onboarding',
];

function median(values) {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

async function loadGenerator() {
  const out = await esbuild.build({
    entryPoints: [path.join(root, 'src/store/generate.ts')],
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    write: false,
  });
  const code = out.outputFiles[0].text;
  return import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
}

const { generateLibrary } = await loadGenerator();
const generated = generateLibrary(N_ARTICLES, N_HIGHLIGHTS, 7);
const backup = {
  format: 'interview-highlights-backup',
  version: 1,
  exportedAt: new Date().toISOString(),
  articles: generated.articles,
  highlights: generated.highlights,
};

const profile = await mkdtemp(path.join(tmpdir(), 'ih-bench-library-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: setup('bench').chromium,
  headless: true,
  viewport: { width: 1280, height: 900 },
  args: extensionArgs(extensionDir),
});

const readMark = (page, name) =>
  page
    .waitForFunction((n) => performance.getEntriesByName(n)[0]?.startTime ?? false, name, {
      timeout: 30_000,
      polling: 5,
    })
    .then((h) => h.jsonValue());

try {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  const libraryUrl = `chrome-extension://${extensionId}/options/index.html`;

  const page = await context.newPage();
  await page.goto(libraryUrl);
  await readMark(page, 'ih:library-first-paint');
  const t0 = Date.now();
  const report = await page.evaluate(async (data) => {
    const hook = globalThis.ihLibrary;
    await hook.library.clear();
    return hook.library.importBackup(data);
  }, backup);
  console.log(`filled: ${report.added} highlights, ${report.articles} interviews in ${Date.now() - t0} ms`);

  const paints = [];
  const searches = [];
  // One warm-up load: the first pays for compiling the bundle once per profile.
  for (let run = -1; run < RUNS; run++) {
    await page.reload();
    const ms = await readMark(page, 'ih:library-first-paint');
    const rows = await page.locator('.highlight').count();
    // The first rows come before the rest of the library: wait for all of it.
    await page.waitForFunction(
      (n) => document.querySelector('.summary')?.textContent?.startsWith(`${n} highlights`),
      N_HIGHLIGHTS,
      { timeout: 30_000 },
    );
    // The search index is built after the whole library is in: let that finish
    // before the next load, as a reader's later visit would find it.
    await readMark(page, 'ih:library-idle');
    if (rows === 0 || rows > 200)
      throw new Error(`rendered ${rows} highlight rows: the list is not windowed`);
    if (run >= 0) paints.push(ms);
  }

  const box = page.locator('input[type="search"]');
  const perQuery = new Map(QUERIES.map((q) => [q, []]));
  for (let run = -1; run < RUNS; run++) {
    for (const q of QUERIES) {
      await box.fill('');
      await page.waitForFunction(() => !document.querySelector('.quote mark'));
      // Each search starts from a settled page: the full list back and painted.
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50))));
      await page.evaluate(() => performance.clearMeasures('ih:search'));
      // fill() types the whole query as one input event: one search, one measure.
      await box.fill(q);
      const ms = await page
        .waitForFunction(
          () => performance.getEntriesByName('ih:search', 'measure')[0]?.duration ?? false,
          null,
          { timeout: 10_000, polling: 5 },
        )
        .then((h) => h.jsonValue());
      const marks = await page
        .locator('.quote mark, .note mark, .question mark, .article-title mark, .tag mark, .person mark')
        .count();
      if (marks === 0 && !(await page.locator('.empty').count()))
        throw new Error(`search "${q}" showed neither marks nor "nothing matches"`);
      if (run >= 0) {
        searches.push(ms);
        perQuery.get(q).push(ms);
      }
    }
  }
  await box.fill('');

  console.log(
    `per query (median ms): ${[...perQuery].map(([q, xs]) => `${q}=${median(xs).toFixed(0)}`).join('  ')}`,
  );
  const fp = median(paints);
  const s = median(searches);
  console.log(
    `first paint ms (${paints.length} loads): min ${Math.min(...paints).toFixed(1)}  median ${fp.toFixed(1)}  max ${Math.max(...paints).toFixed(1)}`,
  );
  console.log(
    `search ms (${searches.length} queries): min ${Math.min(...searches).toFixed(1)}  median ${s.toFixed(1)}  max ${Math.max(...searches).toFixed(1)}`,
  );
  console.log(`library: first-paint=${fp.toFixed(1)}ms search=${s.toFixed(1)}ms`);
} finally {
  await context.close();
  await rm(profile, { recursive: true, force: true });
}
