// Factories for store rows and a fresh library per test, for any test that
// needs highlights or articles. Rows are valid by default; override what matters.

import 'fake-indexeddb/auto';
import { Library, type LibraryOptions } from '../../src/store/library';
import type { Article, Highlight } from '../../src/types';

let seq = 0;

export const ARTICLE_URL = 'https://medium.com/pinterest-engineering/meet-the-team-4f0e6b3a2c1d';

export function makeArticle(overrides: Partial<Article> = {}): Article {
  const url = overrides.url ?? ARTICLE_URL;
  return {
    key: url,
    url,
    canonicalUrl: url,
    site: 'pinterest-engineering-blog',
    title: 'Meet the team behind search',
    author: 'Pinterest Engineering',
    publication: 'Pinterest Engineering Blog',
    published: '2023-08-03',
    subject: { name: 'Ana Álvarez', role: 'Software Engineer' },
    sections: [
      { id: 'q-what-led-you', question: 'What led you to joining Pinterest?' },
      { id: 'q-advice', question: 'What advice would you give?' },
    ],
    createdAt: Date.UTC(2024, 0, 1, 12),
    updatedAt: Date.UTC(2024, 0, 1, 12),
    lastClippedAt: Date.UTC(2024, 0, 1, 12),
    ...overrides,
  };
}

export function makeHighlight(overrides: Partial<Highlight> = {}): Highlight {
  seq++;
  const url = overrides.url ?? ARTICLE_URL;
  const quote = overrides.quote ?? `Pinterest has a very unique culture, number ${seq}.`;
  const createdAt = overrides.createdAt ?? Date.UTC(2024, 0, 1, 12) + seq * 1000;
  return {
    id: `00000000-0000-4000-8000-${String(seq).padStart(12, '0')}`,
    articleKey: url,
    kind: 'selection',
    quote,
    selectors: [
      { type: 'TextQuoteSelector', exact: quote, prefix: 'before ', suffix: ' after' },
      { type: 'TextPositionSelector', start: seq * 100, end: seq * 100 + quote.length },
    ],
    sectionId: 'q-what-led-you',
    question: 'What led you to joining Pinterest?',
    speaker: null,
    url,
    canonicalUrl: url,
    fragmentUrl: `${url}#:~:text=${encodeURIComponent(quote)}`,
    color: 'yellow',
    note: '',
    tags: [],
    createdAt,
    updatedAt: createdAt,
    orphaned: false,
    ...overrides,
  };
}

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
