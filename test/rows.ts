// The one factory for the rows tests need: an Article and a Highlight, valid
// by default (the store's own checker keeps them), any field overridden. Each
// suite's helpers (store, export, library page, popup, router, messages) are
// thin wrappers that set the page they are about, so a new field of a row is
// added here once.

import type { Article, Highlight } from '../src/types';

export const ROW_URL = 'https://medium.com/pinterest-engineering/meet-the-team-4f0e6b3a2c1d';
const CLIPPED = Date.UTC(2024, 0, 1, 12);

let seq = 0;

export function makeArticle(over: Partial<Article> = {}): Article {
  const url = over.url ?? ROW_URL;
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
    createdAt: CLIPPED,
    updatedAt: CLIPPED,
    lastClippedAt: CLIPPED,
    ...over,
  };
}

/**
 * A highlight of `quote` at text position `start` (both made up when not
 * given); its selectors agree with them unless given too.
 */
export function makeHighlight(over: Partial<Highlight> & { start?: number } = {}): Highlight {
  seq++;
  const { start, ...rest } = over;
  const url = rest.url ?? ROW_URL;
  const quote = rest.quote ?? `Pinterest has a very unique culture, number ${seq}.`;
  const at = start ?? seq * 100;
  const createdAt = rest.createdAt ?? CLIPPED + seq * 1000;
  return {
    id: `00000000-0000-4000-8000-${String(seq).padStart(12, '0')}`,
    articleKey: url,
    kind: 'selection',
    quote,
    selectors: [
      { type: 'TextQuoteSelector', exact: quote, prefix: 'before ', suffix: ' after' },
      { type: 'TextPositionSelector', start: at, end: at + quote.length },
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
    ...rest,
  };
}
