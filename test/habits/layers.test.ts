// Pure core, thin shells: the core folders are plain functions over a DOM or
// plain data (the CLI and Node tests run them), so they never import a shell
// or an extension API. Shared modules at src/ they may use are listed here,
// each pure too.

import { dirname, join, normalize } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSource, sourceFiles } from './sources';

const CORE = ['src/extract', 'src/anchor', 'src/export', 'src/store', 'src/sync', 'src/obsidian'];
/** Shared modules at src/ the core may import: types, rules and checks with no extension API. */
const SHARED = ['src/types.ts', 'src/url.ts', 'src/tags.ts', 'src/check.ts', 'src/order.ts', 'src/clip.ts'];
const BROWSER_PACKAGES = ['webextension-polyfill'];

/** Every module specifier a file imports, statically, dynamically or by re-export. */
function specifiers(source: string): string[] {
  const out: string[] = [];
  for (const m of source.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s*['"]([^'"]+)['"]/g))
    out.push(m[1]!);
  for (const m of source.matchAll(/(?:^|\n)\s*import\s*['"]([^'"]+)['"]/g)) out.push(m[1]!);
  for (const m of source.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)) out.push(m[1]!);
  return out;
}

/** A relative specifier as a path from the repository root; a package name as it is. */
function resolved(file: string, spec: string): string {
  return spec.startsWith('.') ? normalize(join(dirname(file), spec)) : spec;
}

function allowed(target: string): boolean {
  if (!target.startsWith('src/')) return !BROWSER_PACKAGES.includes(target);
  if (CORE.some((c) => target === c || target.startsWith(`${c}/`))) return true;
  return SHARED.some((s) => target === s || target === s.replace(/\.ts$/, ''));
}

/** Code without comments and strings, for spotting extension API calls. */
function code(source: string): string {
  return source
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\/\/.*$/gm, '')
    .replace(/(['"`])(?:\\.|(?!\1)[^\\])*\1/g, '""');
}

describe('the core never reaches a shell or the browser', () => {
  const files = sourceFiles(CORE);

  it('finds the imports it checks (the scanner works)', () => {
    expect(
      specifiers(
        `import a from './a';\nexport { b } from "../b";\nimport './c';\nconst d = await import('./d');`,
      ),
    ).toEqual(['./a', '../b', './c', './d']);
    expect(files.length).toBeGreaterThan(40);
  });

  for (const file of [...files, ...SHARED]) {
    it(`${file} imports only core and shared modules, no extension API`, () => {
      const source = readSource(file);
      const bad = specifiers(source)
        .map((s) => resolved(file, s))
        .filter((t) => !allowed(t));
      expect(bad).toEqual([]);
      expect(code(source).match(/\b(chrome|browser)\s*\.\s*[a-z]+/g) ?? []).toEqual([]);
    });
  }
});
