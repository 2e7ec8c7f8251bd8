#!/usr/bin/env node
// Times extractInterview against @mozilla/readability's parse() and a bare
// TreeWalker pass (the floor) on the same happy-dom documents.
//
//   node bench/extract.mjs [--reps N] [--corpus DIR]
//
// Parse time is excluded from all three (Readability's clone too). Each page is
// timed several times and its median kept; extract and walk are timed in
// batches of calls (at least ~5 ms a batch) so tiny pages are not timer noise.
// The ratios are medians over all pages. The seed interview is also timed with
// its article body repeated 1×, 10× and 100× to show growth.
// The last line is: ratios: extract/readability=R1 extract/walk=R2
import { mkdtempSync, readdirSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { Window } from 'happy-dom';
import { Readability } from '@mozilla/readability';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1] : dflt;
};
const reps = Number(opt('--reps', '9'));
const corpusDir = resolve(repo, opt('--corpus', process.env.INTERVIEW_CORPUS ?? '../shared/corpus'));
const fixturesDir = join(repo, 'test/fixtures');
const SEED = 'pinterest-engineering-career-interview';

// The extractor is TypeScript: bundle it once into a temporary module.
const tmp = mkdtempSync(join(tmpdir(), 'ih-bench-'));
const outfile = join(tmp, 'extract.mjs');
await build({
  entryPoints: [join(repo, 'src/extract/index.ts')],
  bundle: true,
  platform: 'node',
  format: 'esm',
  outfile,
  logLevel: 'warning',
});
const { extractInterview } = await import(pathToFileURL(outfile).href);
rmSync(tmp, { recursive: true, force: true });

const SETTINGS = {
  disableJavaScriptEvaluation: true,
  disableJavaScriptFileLoading: true,
  disableCSSFileLoading: true,
  disableIframePageLoading: true,
  disableComputedStyleRendering: true,
};

function walkAll(document) {
  const w = document.createTreeWalker(document.documentElement ?? document, 0xffffffff);
  let n = 0;
  while (w.nextNode()) n++;
  return n;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

function time(fn) {
  const t = performance.now();
  fn();
  return performance.now() - t;
}

/** Time per call of fn, timed over a batch of `batch` calls so that tiny pages are not lost in timer noise. */
function timeBatch(fn, batch) {
  const t = performance.now();
  for (let i = 0; i < batch; i++) fn();
  return (performance.now() - t) / batch;
}

/** How many calls make a batch of at least ~5 ms (at most 1000). */
function batchSize(fn) {
  let n = 1;
  while (n < 1000 && timeBatch(fn, n) * n < 5) n *= 2;
  return n;
}

/** Median times (ms per call) of the three contestants on one parsed document. */
function measure(document, url) {
  const extract = () => extractInterview(document, url);
  const walk = () => walkAll(document);
  // Warm-up and calibration: lazy engine work is not charged to the first contestant.
  const nEx = batchSize(extract);
  const nWk = batchSize(walk);
  const ex = [];
  const rd = [];
  const wk = [];
  for (let r = 0; r < reps; r++) {
    ex.push(timeBatch(extract, nEx));
    wk.push(timeBatch(walk, nWk));
    const clone = document.cloneNode(true);
    rd.push(time(() => new Readability(clone).parse()));
  }
  return { extract: median(ex), readability: median(rd), walk: median(wk) };
}

async function withDocument(html, url, fn) {
  const window = new Window({ url, settings: SETTINGS });
  try {
    const document = new window.DOMParser().parseFromString(html, 'text/html');
    return fn(document);
  } finally {
    await window.happyDOM.close();
  }
}

const pages = [];
for (const f of readdirSync(fixturesDir)
  .filter((f) => f.endsWith('.html'))
  .sort()) {
  const name = f.replace(/\.html$/, '');
  const expected = join(fixturesDir, `${name}.expected.json`);
  const url = existsSync(expected)
    ? JSON.parse(readFileSync(expected, 'utf8')).url
    : `https://example.com/${name}`;
  pages.push({ name: `fixture/${name}`, file: join(fixturesDir, f), url });
}
const corpusPages = join(corpusDir, 'readability-pages');
if (existsSync(corpusPages)) {
  for (const f of readdirSync(corpusPages)
    .filter((f) => f.endsWith('.html'))
    .sort()) {
    pages.push({
      name: `corpus/${f.replace(/\.html$/, '')}`,
      file: join(corpusPages, f),
      url: `https://example.com/${f}`,
    });
  }
} else {
  console.log(`(no corpus at ${corpusDir}: fixtures only)`);
}

// Warm-up: let the engine optimise all three contestants before anything is
// timed, so the pages measured first are not charged for compilation.
{
  const warm = pages.filter((p) => p.name.startsWith('fixture/'));
  for (const p of warm.length > 0 ? warm : pages.slice(0, 4)) {
    await withDocument(readFileSync(p.file, 'utf8'), p.url, (d) => {
      for (let i = 0; i < 200; i++) {
        extractInterview(d, p.url);
        walkAll(d);
      }
      for (let i = 0; i < 5; i++) new Readability(d.cloneNode(true)).parse();
    });
  }
}

const pad = (s, n) => String(s).padEnd(n);
const num = (x) => x.toFixed(2).padStart(8);
console.log(
  `${pad('page', 48)} ${'extract'.padStart(8)} ${'readab.'.padStart(8)} ${'walk'.padStart(8)}  ex/rd  ex/walk   (ms, median of ${reps})`,
);
const rRd = [];
const rWk = [];
for (const p of pages) {
  const html = readFileSync(p.file, 'utf8');
  const m = await withDocument(html, p.url, (d) => measure(d, p.url));
  rRd.push(m.extract / m.readability);
  rWk.push(m.extract / m.walk);
  console.log(
    `${pad(p.name.slice(0, 48), 48)} ${num(m.extract)} ${num(m.readability)} ${num(m.walk)}  ${(m.extract / m.readability).toFixed(3)}  ${(m.extract / m.walk).toFixed(2)}`,
  );
}

// Growth: the seed interview with its article body repeated.
const seed = pages.find((p) => p.name === `fixture/${SEED}`);
if (seed) {
  console.log('\ngrowth (seed interview, article body repeated):');
  const html = readFileSync(seed.file, 'utf8');
  let base = null;
  for (const k of [1, 10, 100]) {
    const m = await withDocument(html, seed.url, (d) => {
      const section = d.querySelector('article section');
      if (section && k > 1) {
        const copy = section.innerHTML;
        section.innerHTML = copy.repeat(k);
      }
      return measure(d, seed.url);
    });
    base ??= m.extract;
    console.log(
      `  ${String(k).padStart(3)}×  extract ${num(m.extract)} ms (${(m.extract / base).toFixed(1)}× the 1× time)  readability ${num(m.readability)} ms  walk ${num(m.walk)} ms`,
    );
  }
}

console.log(
  `\npages: ${pages.length}; median extract/readability ${median(rRd).toFixed(3)}, extract/walk ${median(rWk).toFixed(2)}`,
);
console.log(`ratios: extract/readability=${median(rRd).toFixed(2)} extract/walk=${median(rWk).toFixed(2)}`);
