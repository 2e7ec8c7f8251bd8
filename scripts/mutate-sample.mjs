// A mutation score for one folder from a random sample of its lines, for a
// machine where mutating the whole folder takes hours (src/export has about
// 2,500 mutants; on two cores StrykerJS tests some ten a minute).
//
//   node scripts/mutate-sample.mjs src/export [fraction=0.15] [seed=1]
//
// Each line of the folder's code is drawn with the given chance (the same
// lines for the same seed); runs of drawn lines are handed to StrykerJS as
// `file:start-end` ranges, so only mutants that lie inside them are made. A
// mutant that spans several lines (emptying a whole block) is drawn less
// often than one inside a line: the estimate leans that way. Prints the
// score with a 95 % interval and each surviving mutant; the report is in
// reports/mutation/ as for `npm run mutate`.

import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const [folder, fractionArg = '0.15', seedArg = '1', ...rest] = process.argv.slice(2);
if (!folder || rest.length > 0) {
  console.error('usage: node scripts/mutate-sample.mjs src/FOLDER [fraction] [seed]');
  process.exit(2);
}
const fraction = Number(fractionArg);
const seed = Number(seedArg);
if (!(fraction > 0 && fraction <= 1) || !Number.isInteger(seed)) {
  console.error('mutate-sample: fraction is a number in (0, 1], seed an integer');
  process.exit(2);
}

/** mulberry32: a small seeded generator, so a sample can be drawn again. */
function random(s) {
  let a = s >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

function files(dir) {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const p = path.join(dir, name);
      if (statSync(p).isDirectory()) return files(p);
      // The same files as stryker.config.mjs mutates.
      return p.endsWith('.ts') && !p.endsWith('.d.ts') && !p.endsWith(path.join('store', 'generate.ts'))
        ? [p]
        : [];
    });
}

const draw = random(seed);
const ranges = [];
for (const file of files(folder)) {
  const lines = readFileSync(file, 'utf8').split('\n').length;
  let start = 0;
  for (let line = 1; line <= lines + 1; line++) {
    const drawn = line <= lines && draw() < fraction;
    if (drawn && start === 0) start = line;
    if (!drawn && start !== 0) {
      ranges.push(`${file}:${start}-${line - 1}`);
      start = 0;
    }
  }
}

const run = spawnSync(
  'npx',
  ['stryker', 'run', '--mutate', ranges.join(','), ...(process.env.STRYKER_ARGS?.split(' ') ?? [])],
  {
    stdio: 'inherit',
  },
);
if (run.status !== 0) process.exit(run.status ?? 1);

const report = JSON.parse(readFileSync('reports/mutation/mutation.json', 'utf8'));
const count = {};
const survivors = [];
for (const [file, { mutants }] of Object.entries(report.files))
  for (const m of mutants) {
    count[m.status] = (count[m.status] ?? 0) + 1;
    if (m.status === 'Survived' || m.status === 'NoCoverage')
      survivors.push(
        `${m.status} ${file}:${m.location.start.line} ${m.mutatorName} → ${m.replacement ?? ''}`,
      );
  }
const detected = (count.Killed ?? 0) + (count.Timeout ?? 0);
const valid = detected + (count.Survived ?? 0) + (count.NoCoverage ?? 0);
const p = valid === 0 ? 0 : detected / valid;
const half = 1.96 * Math.sqrt((p * (1 - p)) / Math.max(1, valid));
console.log(`\n${folder}: ${ranges.length} line ranges (${fraction} of lines, seed ${seed})`);
console.log(
  `mutants ${valid} valid (${JSON.stringify(count)}); score ${(100 * p).toFixed(1)} % ± ${(100 * half).toFixed(1)}`,
);
for (const s of survivors) console.log(`  ${s}`);
