import type { Article, Highlight } from '../../src/types';

let n = 0;

export function article(over: Partial<Article> = {}): Article {
  const key = over.key ?? `https://example.com/a${++n}`;
  return {
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
  };
}

export function highlight(a: Article, over: Partial<Highlight> & { start?: number } = {}): Highlight {
  const { start, ...rest } = over;
  const id = rest.id ?? `h${++n}`;
  const quote = rest.quote ?? `quote ${id}`;
  const s = start ?? 0;
  return {
    id,
    articleKey: a.key,
    kind: 'selection',
    quote,
    selectors: [
      { type: 'TextQuoteSelector', exact: quote, prefix: '', suffix: '' },
      { type: 'TextPositionSelector', start: s, end: s + quote.length },
    ],
    sectionId: null,
    question: null,
    speaker: null,
    url: a.url,
    canonicalUrl: a.canonicalUrl,
    fragmentUrl: `${a.url}#:~:text=${encodeURIComponent(quote)}`,
    color: 'yellow',
    note: '',
    tags: [],
    createdAt: 2000,
    updatedAt: 2000,
    orphaned: false,
    ...rest,
  };
}
