#!/usr/bin/env node
// `npm test`: every check the project has, in the order that fails fastest,
// stopping at the first failure. Ends with one line, `N passed, M failed`,
// counting the tests of both vitest suites (a failed step with no tests of its
// own, like the typecheck, counts as one failure). It starts by making sure
// Chromium, Firefox and the display tools are there (scripts/setup.mjs:
// installed with apt-get as root, else one line saying what to run).
// `npm test -- --from=build` starts at a later step, to rerun the tail after a fix.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setup } from './setup.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = join(ROOT, 'node_modules/.bin');
const RESULTS = join(ROOT, 'test-results');

let passed = 0;
let failed = 0;
let skipped = 0;
const timings = [];
const STEPS = ['lint', 'typecheck', 'unit', 'build', 'ext-lint', 'e2e'];
const fromArg = process.argv
  .slice(2)
  .find((a) => a.startsWith('--from='))
  ?.slice('--from='.length);
if (fromArg !== undefined && !STEPS.includes(fromArg)) {
  console.error(`unknown step ${fromArg}: one of ${STEPS.join(', ')}`);
  process.exit(2);
}
const firstStep = fromArg ? STEPS.indexOf(fromArg) : 0;

function run(cmd, args, env = {}) {
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...env } });
  if (r.error) console.error(`could not run ${cmd}: ${r.error.message}`);
  return r.status ?? 1;
}

/** Counts from vitest's JSON report, or null when vitest died before writing it. */
function vitestCounts(file) {
  if (!existsSync(file)) return null;
  try {
    const j = JSON.parse(readFileSync(file, 'utf8'));
    // A file whose hooks or imports failed has no failed test of its own:
    // count it once, so a broken file never reads as a clean run.
    const brokenFiles = (j.testResults ?? []).filter(
      (r) => r.status === 'failed' && !(r.assertionResults ?? []).some((a) => a.status === 'failed'),
    ).length;
    return {
      passed: j.numPassedTests ?? 0,
      failed: (j.numFailedTests ?? 0) + brokenFiles,
      skipped: (j.numPendingTests ?? 0) + (j.numTodoTests ?? 0),
    };
  } catch {
    return null;
  }
}

function finish(ok) {
  console.log('');
  for (const t of timings)
    console.log(`  ${t.ok ? 'ok  ' : 'FAIL'} ${t.name.padEnd(10)} ${(t.ms / 1000).toFixed(1)} s`);
  if (skipped) console.log(`${skipped} skipped`);
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(ok ? 0 : 1);
}

/** One step: a command and how to count it. Exits through finish() on failure. */
function step(name, fn) {
  if (STEPS.indexOf(name) < firstStep) {
    console.log(`\n── ${name} ── skipped (--from=${fromArg})`);
    return;
  }
  console.log(`\n── ${name} ──`);
  const t0 = Date.now();
  const ok = fn();
  timings.push({ name, ok, ms: Date.now() - t0 });
  if (!ok) {
    console.error(`\nnpm test stopped: ${name} failed.`);
    finish(false);
  }
}

function vitestStep(name, configArgs, env = {}, wrap = null) {
  step(name, () => {
    mkdirSync(RESULTS, { recursive: true });
    const out = join(RESULTS, `${name}.json`);
    rmSync(out, { force: true });
    const args = ['run', ...configArgs, '--reporter=default', '--reporter=json', `--outputFile=${out}`];
    const status = wrap
      ? run(wrap[0], [...wrap.slice(1), join(BIN, 'vitest'), ...args], env)
      : run(join(BIN, 'vitest'), args, env);
    const counts = vitestCounts(out);
    if (!counts) {
      failed += 1;
      return false;
    }
    passed += counts.passed;
    failed += counts.failed;
    skipped += counts.skipped;
    // vitest can fail with every test green (an unhandled error): still a failure.
    if (status !== 0 && counts.failed === 0) failed += 1;
    return status === 0;
  });
}

// Before any step, and whatever --from says: a missing browser stops the run
// here, in one line, instead of after the unit tests.
const tools = setup('test');
console.log(`Chromium ${tools.chromium}, Firefox ${tools.firefox}`);

// Biome: lint rules and formatting, in one fast pass (biome.jsonc says which rules are off and why).
step('lint', () => {
  const ok = run(join(BIN, 'biome'), ['check', '.']) === 0;
  if (!ok) {
    console.error('fix with: npx biome check --write .');
    failed += 1;
  }
  return ok;
});

step('typecheck', () => {
  // The extension's code without Node's types, then Node's side (tests, scripts, CLI) with them.
  const ok = ['tsconfig.extension.json', 'tsconfig.json'].every(
    (project) => run(join(BIN, 'tsc'), ['--noEmit', '-p', project]) === 0,
  );
  if (!ok) failed += 1;
  return ok;
});

vitestStep('unit', []);

step('build', () => {
  const ok = run(process.execPath, ['build.mjs']) === 0;
  if (!ok) failed += 1;
  return ok;
});

step('ext-lint', () => {
  const r = spawnSync(
    join(BIN, 'web-ext'),
    ['lint', '--source-dir', 'dist/firefox', '--self-hosted', '--output', 'json'],
    {
      cwd: ROOT,
      encoding: 'utf8',
    },
  );
  let report;
  try {
    report = JSON.parse(r.stdout);
  } catch {
    process.stdout.write(r.stdout ?? '');
    process.stderr.write(r.stderr ?? '');
    console.error('web-ext lint did not produce a report');
    failed += 1;
    return false;
  }
  for (const kind of ['errors', 'warnings', 'notices']) {
    for (const m of report[kind] ?? []) {
      console.log(
        `${kind.slice(0, -1)}: ${m.code} ${m.file ?? ''}${m.line ? `:${m.line}` : ''} ${m.message}`,
      );
    }
  }
  const { errors = 0, warnings = 0, notices = 0 } = report.summary ?? {};
  console.log(`web-ext lint: ${errors} errors, ${warnings} warnings, ${notices} notices`);
  if (errors > 0) failed += 1;
  return errors === 0;
});

// A keyboard-shortcut test needs a real window; give it a virtual display (setup made sure xvfb-run is there).
const wrap = !process.env.DISPLAY ? [tools.xvfb, '-a', '--server-args=-screen 0 1280x1024x24'] : null;
if (wrap) console.log('\nno DISPLAY: running the real-browser tests (Chromium and Firefox) under xvfb-run');
// Every scenario in both browsers: a narrowing left in the environment (E2E_BROWSERS) does not apply here.
vitestStep('e2e', ['-c', 'vitest.e2e.config.ts'], { E2E_SKIP_BUILD: '1', E2E_BROWSERS: '' }, wrap);

finish(true);
