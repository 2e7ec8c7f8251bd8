#!/usr/bin/env node
// `npm run bench`: every benchmark, side by side with its peer, in one run.
// The browser benchmarks need the built extension, so it builds first. The
// extraction benchmark runs last because its final line
// (`ratios: extract/readability=… extract/walk=…`) is the one tracked over time.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const only = process.argv.slice(2);
const steps = [
  ['build', ['build.mjs']],
  ['anchor', ['bench/anchor.mjs']],
  ['save', ['bench/save.mjs']],
  ['popup', ['bench/popup.mjs']],
  ['library', ['bench/library.mjs']],
  ['sync', ['bench/sync.mjs']],
  ['extract', ['bench/extract.mjs']],
].filter(([name]) => only.length === 0 || name === 'build' || only.includes(name));

let failed = 0;
for (const [name, args] of steps) {
  if (name !== 'build') console.log(`\n== ${name}`);
  const run = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  if (run.status !== 0) {
    failed++;
    console.error(`bench: ${name} failed (exit ${run.status ?? run.signal})`);
    if (name === 'build') process.exit(1);
  }
}
process.exit(failed ? 1 : 0);
