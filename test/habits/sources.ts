// The project's own source files, for tests that check habits across the code.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '../..');
/** Data kept byte for byte (saved pages, database dumps): not code. */
const SKIPPED = [
  /^test\/(fixtures|real-pages)\//,
  /^test\/e2e\/pages\//,
  /^test\/store\/fixtures\/.*\.json$/,
];

/** Every .ts, .tsx and .mjs file under these folders, as paths from the repository root. */
export function sourceFiles(dirs: readonly string[]): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(join(ROOT, dir))) {
      const rel = `${dir}/${name}`;
      if (SKIPPED.some((re) => re.test(rel))) continue;
      if (statSync(join(ROOT, rel)).isDirectory()) walk(rel);
      else if (/\.(ts|tsx|mjs)$/.test(name)) out.push(rel);
    }
  };
  for (const d of dirs) walk(d);
  return out.sort();
}

export function readSource(file: string): string {
  return readFileSync(join(ROOT, file), 'utf8');
}
