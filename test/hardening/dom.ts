// Pages for the hardening tests, parsed the way the CLI parses them: a
// happy-dom Window that never runs scripts, loads files, frames or styles.

import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Window } from 'happy-dom';

const here = dirname(fileURLToPath(import.meta.url));
const FIXTURE_DIRS = [join(here, '..', 'fixtures'), join(here, '..', '..', '..', 'shared', 'fixtures')];

export const FIXTURE_PAGES = [
  'pinterest-engineering-career-interview',
  'life-at-pinterest-profile',
  'pinterest-engineering-technical-post',
  'synthetic-panel-interview',
] as const;
export type FixturePage = (typeof FIXTURE_PAGES)[number];

export function fixtureHtml(name: FixturePage): string {
  for (const dir of FIXTURE_DIRS) {
    const path = join(dir, `${name}.html`);
    if (existsSync(path)) return readFileSync(path, 'utf8');
  }
  throw new Error(`fixture ${name} not found in ${FIXTURE_DIRS.join(' or ')}`);
}

export function fixtureUrl(name: FixturePage): string {
  for (const dir of FIXTURE_DIRS) {
    const path = join(dir, `${name}.expected.json`);
    if (existsSync(path)) return (JSON.parse(readFileSync(path, 'utf8')) as { url: string }).url;
  }
  throw new Error(`expected file for ${name} not found`);
}

let shared: Window | null = null;

/** One quiet Window for the whole test file: creating one per case costs more than the case. */
export function quietWindow(url = 'https://example.com/'): Window {
  shared ??= new Window({
    url,
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
      disableComputedStyleRendering: true,
      navigator: { userAgent: 'hardening-tests' },
    },
  });
  return shared;
}

export function parseHtml(html: string): Document {
  const w = quietWindow();
  return new w.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
}

export async function closeQuietWindow(): Promise<void> {
  if (shared) await shared.happyDOM.close();
  shared = null;
}

/** Milliseconds `fn` took, with its result. */
export function timed<T>(fn: () => T): { value: T; ms: number } {
  const t0 = performance.now();
  const value = fn();
  return { value, ms: performance.now() - t0 };
}

/**
 * A loose per-case time bound on a shared, loaded machine: a case over the
 * bound is run once more, and only a repeat offender fails. This is a safety
 * net against runaway (quadratic, looping) behaviour, not a benchmark.
 */
export const CASE_BOUND_MS = Number(process.env.FUZZ_CASE_MS ?? 2000);

export function withinBound<T>(fn: () => T, bound = CASE_BOUND_MS): { value: T; ms: number } {
  const first = timed(fn);
  if (first.ms <= bound) return first;
  const again = timed(fn);
  if (again.ms > bound)
    throw new Error(
      `case took ${Math.round(first.ms)} ms then ${Math.round(again.ms)} ms (bound ${bound} ms)`,
    );
  return again;
}

/** numRuns for a property: its default, or FUZZ_RUNS when set (to fuzz harder, or quicker, on demand). */
export function runs(defaultRuns: number): number {
  const n = Number(process.env.FUZZ_RUNS);
  return Number.isInteger(n) && n > 0 ? n : defaultRuns;
}
