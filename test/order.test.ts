// The one page order, the one way to file a highlight under its question and
// the one order of interviews (src/order.ts), and that the popup, the library
// page, the store and the export all show things by them.
import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { groupLibrary } from '../options/logic/grouping';
import { renderHighlights } from '../src/export';
import { ARTICLE_SORTS, compareArticles, comparePageOrder, groupByQuestion } from '../src/order';
import type { Highlight, Selector } from '../src/types';
import { freshLibrary } from './store/helpers';
import { makeArticle, makeHighlight } from './store/helpers';

const at = (start: number | null, over: Partial<Highlight> = {}): Highlight => {
  const quote = over.quote ?? `quote at ${start}`;
  const selectors: Selector[] = [{ type: 'TextQuoteSelector', exact: quote, prefix: '', suffix: '' }];
  if (start !== null) selectors.push({ type: 'TextPositionSelector', start, end: start + quote.length });
  return makeHighlight({ quote, selectors, ...over });
};

describe('page order', () => {
  it('is position on the page, then save time, then id; unpositioned last', () => {
    const a = at(500, { createdAt: 1000, id: 'b' });
    const b = at(20, { createdAt: 3000 });
    const c = at(500, { createdAt: 500 });
    const d = at(500, { createdAt: 1000, id: 'a' });
    const e = at(null, { createdAt: 1 });
    expect([a, b, c, d, e].sort(comparePageOrder)).toEqual([b, c, d, a, e]);
  });

  it('is a total order: the same list in any order sorts the same', () => {
    const row = fc
      .tuple(fc.option(fc.nat(50), { nil: null }), fc.nat(5), fc.stringMatching(/^[a-c]{1,2}$/))
      .map(([start, createdAt, id]) => at(start, { createdAt, id }));
    fc.assert(
      fc.property(fc.uniqueArray(row, { selector: (h) => h.id }), fc.nat(), (rows, seed) => {
        const shuffled = [...rows].sort(
          (x, y) => ((x.id.charCodeAt(0) * seed) % 7) - ((y.id.charCodeAt(0) * seed) % 7),
        );
        expect(shuffled.sort(comparePageOrder)).toEqual([...rows].sort(comparePageOrder));
      }),
    );
  });

  it('is how the store lists an article’s highlights', async () => {
    const { lib } = freshLibrary();
    const a = makeArticle();
    const rows = [at(500, { createdAt: 1000 }), at(20), at(500, { createdAt: 500 }), at(null)];
    for (const h of rows) await lib.saveHighlight(h, a);
    expect((await lib.highlightsForArticle(a.key)).map((h) => h.id)).toEqual(
      [...rows].sort(comparePageOrder).map((h) => h.id),
    );
    lib.close();
  });
});

describe('filing highlights under their questions', () => {
  const article = makeArticle({
    sections: [
      { id: 'q-one', question: 'What led you to joining Pinterest?' },
      { id: 'q-two', question: 'What advice would you give?' },
    ],
  });
  // Saved when the page gave the second question another id; its text is unchanged.
  const renamed = at(300, { sectionId: 'q-two-old', question: 'What  advice would you give?' });
  const first = at(100, { sectionId: 'q-one', question: 'What led you to joining Pinterest?' });
  const gone = at(200, { sectionId: 'q-gone', question: 'A question the page no longer has?' });
  const loose = at(50, { sectionId: null, question: null });
  const rows = [renamed, gone, loose, first];

  it('uses the section id, else the same question text; then questions gone from the page; then the rest', () => {
    expect(groupByQuestion(article, rows).map((g) => [g.key, g.highlights.map((h) => h.id)])).toEqual([
      ['q-one', [first.id]],
      ['q-two', [renamed.id]],
      ['q:A question the page no longer has?', [gone.id]],
      ['', [loose.id]],
    ]);
  });

  it('is how both the library page and the Markdown export group them', () => {
    const [library] = groupLibrary(new Map([[article.key, article]]), rows, 'clipped');
    const shown = library!.questions.map((q) => q.question ?? 'Highlights');
    const md = renderHighlights(article, rows, { frontMatter: false });
    const headings = [...md.matchAll(/^## (.*)$/gm)].map((m) => m[1]!.replace(/\\/g, ''));
    expect(headings).toEqual(shown);
    expect(shown).toEqual([
      'What led you to joining Pinterest?',
      'What advice would you give?',
      'A question the page no longer has?',
      'Highlights',
    ]);
  });
});

describe('interview order', () => {
  const mk = (key: string, title: string, published: string | null, lastClippedAt: number) =>
    makeArticle({
      url: `https://example.org/${key}`,
      key: `https://example.org/${key}`,
      title,
      published,
      lastClippedAt,
    });
  const a = mk('a', 'Éclair stories', '2021-01-01', 300);
  const b = mk('b', 'apple days', null, 100);
  const c = mk('c', 'Zebra talk', '2023-05-05', 200);
  const d = mk('d', 'apple days', null, 100);
  const sorted = (s: (typeof ARTICLE_SORTS)[number]) =>
    [d, c, b, a].sort(compareArticles(s)).map((x) => x.key.slice(-1));

  it('by last clip, by published date (undated last), by title; ties by title, then key', () => {
    expect(sorted('clipped')).toEqual(['a', 'c', 'b', 'd']);
    expect(sorted('published')).toEqual(['c', 'a', 'b', 'd']);
    expect(sorted('title')).toEqual(['b', 'd', 'a', 'c']);
  });

  it('is how the store lists articles and the library page lists interviews', async () => {
    const { lib } = freshLibrary();
    for (const x of [a, b, c, d])
      await lib.saveHighlight(
        makeHighlight({ url: x.url, articleKey: x.key, createdAt: x.lastClippedAt }),
        x,
      );
    for (const s of ARTICLE_SORTS) {
      const stored = (await lib.listArticles(s)).map((x) => x.key);
      const all = await lib.readAll();
      const page = groupLibrary(new Map(all.articles.map((x) => [x.key, x])), all.highlights, s).map(
        (g) => g.article.key,
      );
      expect(stored, s).toEqual(page);
    }
    lib.close();
  });
});
