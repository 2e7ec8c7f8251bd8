// Rows for the library page's tests: the shared factory (test/rows.ts) on
// plain example.com pages.

import type { Article, Highlight } from '../../src/types';
import { makeArticle, makeHighlight } from '../rows';

let n = 0;

export function article(over: Partial<Article> = {}): Article {
  const key = over.key ?? `https://example.com/a${++n}`;
  return makeArticle({
    key,
    url: key,
    canonicalUrl: null,
    site: 'generic',
    title: `Title ${key}`,
    author: null,
    publication: null,
    published: null,
    subject: {},
    sections: [],
    createdAt: 1000,
    updatedAt: 1000,
    lastClippedAt: 1000,
    ...over,
  });
}

export function highlight(a: Article, over: Partial<Highlight> & { start?: number } = {}): Highlight {
  const id = over.id ?? `h${++n}`;
  const quote = over.quote ?? `quote ${id}`;
  const s = over.start ?? 0;
  return makeHighlight({
    id,
    articleKey: a.key,
    quote,
    selectors: [
      { type: 'TextQuoteSelector', exact: quote, prefix: '', suffix: '' },
      { type: 'TextPositionSelector', start: s, end: s + quote.length },
    ],
    sectionId: null,
    question: null,
    url: a.url,
    canonicalUrl: a.canonicalUrl,
    createdAt: 2000,
    updatedAt: 2000,
    ...over,
  });
}
