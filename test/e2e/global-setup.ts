// Checks that both browsers are there and builds dist/ once before the
// real-browser tests, so they never run against a stale extension. `npm test`
// has just built it and sets E2E_SKIP_BUILD=1.
// Then, after the last test file, fails the run if any browser the tests
// launched saw the extension make a request that no test made on purpose.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findChromium, findFirefox, NO_CHROMIUM, NO_FIREFOX } from '../../scripts/setup.mjs';
import { describeRequests, NETWORK_DIR_ENV, readRun } from './network-watch';

// Not harness's ROOT: the harness imports vitest's test API, which has no state here.
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export default function setup(): () => void {
  // Both browsers, always (the scenarios run in each): a missing one fails the run here, it is never skipped.
  if (!findChromium()) throw new Error(NO_CHROMIUM);
  if (!findFirefox()) throw new Error(NO_FIREFOX);
  if (process.env.E2E_SKIP_BUILD !== '1') {
    const r = spawnSync(process.execPath, ['build.mjs'], { cwd: ROOT, stdio: 'inherit' });
    if (r.status !== 0) throw new Error('build failed: see the esbuild output above');
  }
  // The test workers start after this and inherit the variable.
  const dir = mkdtempSync(join(tmpdir(), 'ih-e2e-network-'));
  process.env[NETWORK_DIR_ENV] = dir;
  return () => {
    const run = readRun(dir);
    rmSync(dir, { recursive: true, force: true });
    if (run.unexpected.length > 0) {
      // Vitest only logs an error thrown here and keeps its exit status; this is what makes the run fail.
      process.exitCode = 1;
      throw new Error(
        `The extension made ${run.unexpected.length} network request(s) in the real-browser tests ` +
          `(${run.launches} browser launch(es) watched):\n${describeRequests(run.unexpected)}`,
      );
    }
    console.log(
      `No network request from the extension in ${run.launches} browser launch(es) (${run.expected} made on purpose by tests).`,
    );
  };
}
