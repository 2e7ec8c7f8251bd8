// A fresh library per test, and the shared row factory (test/rows.ts) for the
// store's tests. Rows are valid by default; override what matters.

import 'fake-indexeddb/auto';
import { Library, type LibraryOptions } from '../../src/store/library';

export { makeArticle, makeHighlight, ROW_URL as ARTICLE_URL } from '../rows';

let dbSeq = 0;

/** A library on its own fresh database, with a clock the test can move. */
export function freshLibrary(options: LibraryOptions & { start?: number } = {}): {
  lib: Library;
  clock: { now: number };
} {
  const clock = { now: options.start ?? Date.UTC(2025, 5, 1, 12) };
  const lib = new Library(`test-${process.pid}-${++dbSeq}-${Math.random().toString(36).slice(2)}`, {
    now: () => clock.now,
    ...options,
  });
  return { lib, clock };
}
