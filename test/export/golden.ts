// Golden files: test/export/golden/NAME.md. UPDATE_GOLDEN=1 rewrites them (read
// the diff before committing); otherwise a missing or different file fails.

import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

export const GOLDEN_DIR = join(dirname(fileURLToPath(import.meta.url)), 'golden');

export function expectGolden(name: string, actual: string): void {
  const file = join(GOLDEN_DIR, `${name}.md`);
  if (process.env.UPDATE_GOLDEN === '1') {
    mkdirSync(GOLDEN_DIR, { recursive: true });
    writeFileSync(file, actual);
    return;
  }
  expect(existsSync(file), `golden file ${file} is missing; run with UPDATE_GOLDEN=1 and review it`).toBe(
    true,
  );
  expect(actual).toBe(readFileSync(file, 'utf8'));
}
