// Builds dist/ once before the real-browser tests, so they never run against a
// stale extension. `npm test` has just built it and sets E2E_SKIP_BUILD=1.
import { spawnSync } from 'node:child_process';
import { findChromium, NO_CHROMIUM } from '../../scripts/chromium.mjs';
import { ROOT } from './harness';

export default function setup(): void {
  if (!findChromium()) throw new Error(NO_CHROMIUM);
  if (process.env.E2E_SKIP_BUILD === '1') return;
  const r = spawnSync(process.execPath, ['build.mjs'], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('build failed: see the esbuild output above');
}
