import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { StoreError } from '../../src/store/errors';
import type { Library } from '../../src/store/library';
import { freshLibrary, makeArticle, makeHighlight } from './helpers';

const libs: Library[] = [];
function setup(start?: number) {
  const r = freshLibrary(start === undefined ? {} : { start });
  libs.push(r.lib);
  return r;
}
afterEach(() => {
  while (libs.length) libs.pop()!.close();
});

describe('saveHighlight', () => {
  it('stores the highlight and creates the article in one go', async () => {
    const { lib, clock } = setup();
    const a = makeArticle();
    const h = makeHighlight({ tags: ['Culture', ' culture ', 'hiring'] });
    const saved = await lib.saveHighlight(h, a);
    expect(saved.tags).toEqual(['Culture', 'hiring']);
    expect(await lib.getHighlight(h.id)).toEqual(saved);
    const stored = await lib.getArticle(a.key);
    expect(stored).toEqual({ ...a, updatedAt: clock.now, lastClippedAt: h.createdAt });
    // The row on disk is the highlight itself, nothing more.
    expect(await lib.db.highlights.get(h.id)).toEqual(saved);
  });

  it('upserts the article: keeps createdAt, bumps updatedAt and lastClippedAt, merges sections', async () => {
    const { lib, clock } = setup();
    const a = makeArticle();
    await lib.saveHighlight(makeHighlight(), a);
    clock.now += 60_000;
    const later = makeHighlight({ createdAt: clock.now });
    const again = makeArticle({
      createdAt: clock.now,
      title: 'Meet the team behind search (updated)',
      published: null,
      subject: { name: 'Ana Álvarez', team: 'Search' },
      sections: [
        { id: 'q-new', question: 'What is new?' },
        { id: 'q-advice', question: 'What advice would you give?' },
      ],
    });
    await lib.saveHighlight(later, again);
    const stored = await lib.getArticle(a.key);
    expect(stored).toMatchObject({
      createdAt: a.createdAt,
      updatedAt: clock.now,
      lastClippedAt: later.createdAt,
      title: 'Meet the team behind search (updated)',
      published: '2023-08-03',
      subject: { name: 'Ana Álvarez', role: 'Software Engineer', team: 'Search' },
    });
    expect(stored?.sections.map((s) => s.id)).toEqual(['q-new', 'q-advice', 'q-what-led-you']);
    // Search finds the first highlight by the new title too.
    const first = (await lib.highlightsForArticle(a.key)).find((r) => r.id !== later.id);
    expect((await lib.search({ text: 'updated' })).hits.map((x) => x.id)).toContain(first?.id);
  });

  it('refuses invalid highlights with StoreError invalid and writes nothing', async () => {
    const { lib } = setup();
    const bad = [
      makeHighlight({ color: 'red' as never }),
      makeHighlight({ id: '' }),
      makeHighlight({ url: 'javascript:alert(1)' }),
      makeHighlight({ quote: '   ' }),
      makeHighlight({ selectors: [{ type: 'TextPositionSelector', start: 10, end: 2 }] }),
      makeHighlight({ articleKey: 'https://elsewhere.example/' }),
    ];
    for (const h of bad) {
      const err = await lib.saveHighlight(h, makeArticle()).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(StoreError);
      expect((err as StoreError).kind).toBe('invalid');
    }
    const err = (await lib
      .saveHighlight(makeHighlight({ color: 'red' as never }), makeArticle())
      .catch((e: unknown) => e)) as StoreError;
    expect(err.message).toBe('highlight.color: expected one of yellow, green, blue, pink, purple, got "red"');
    expect(await lib.countHighlights()).toBe(0);
    expect(await lib.db.articles.count()).toBe(0);
  });

  it('leaves nothing half-written when the highlight write fails after the article write', async () => {
    const { lib } = setup();
    lib.db.highlights.hook('creating', () => {
      throw new DOMException('disk is full', 'QuotaExceededError');
    });
    const err = await lib.saveHighlight(makeHighlight(), makeArticle()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StoreError);
    expect((err as StoreError).kind).toBe('quota');
    expect(await lib.db.articles.count()).toBe(0);
    expect(await lib.db.highlights.count()).toBe(0);
  });
});

describe('updateHighlight', () => {
  it('edits note, tags and colour, bumps updatedAt and keeps the rest', async () => {
    const { lib, clock } = setup();
    const h = await lib.saveHighlight(makeHighlight(), makeArticle());
    clock.now += 5000;
    const next = await lib.updateHighlight(h.id, {
      note: 'Remember this',
      tags: ['Career', 'career', ' Growth '],
      color: 'green',
    });
    expect(next).toEqual({
      ...h,
      note: 'Remember this',
      tags: ['Career', 'Growth'],
      color: 'green',
      updatedAt: clock.now,
    });
    expect(await lib.getHighlight(h.id)).toEqual(next);
    expect((await lib.search({ text: 'remember growth' })).hits.map((x) => x.id)).toEqual([h.id]);
  });

  it('throws not-found for a missing id and invalid for a bad patch', async () => {
    const { lib } = setup();
    const h = await lib.saveHighlight(makeHighlight(), makeArticle());
    await expect(lib.updateHighlight('nope', { note: 'x' })).rejects.toMatchObject({ kind: 'not-found' });
    await expect(lib.updateHighlight(h.id, { color: 'red' as never })).rejects.toMatchObject({
      kind: 'invalid',
    });
    await expect(lib.updateHighlight(h.id, { tags: 'a,b' as never })).rejects.toMatchObject({
      kind: 'invalid',
    });
    expect(await lib.getHighlight(h.id)).toEqual(h);
  });
});

describe('setOrphaned', () => {
  it('marks exactly the given highlights of the article, without touching updatedAt', async () => {
    const { lib } = setup();
    const a = makeArticle();
    const other = makeArticle({ url: 'https://www.pinterestcareers.com/life-at-pinterest/x/' });
    const [h1, h2, h3] = [makeHighlight(), makeHighlight(), makeHighlight({ orphaned: true })];
    const h4 = makeHighlight({ url: other.url, articleKey: other.key, orphaned: true });
    for (const h of [h1!, h2!, h3!]) await lib.saveHighlight(h, a);
    await lib.saveHighlight(h4, other);
    await lib.setOrphaned(a.key, [h2!.id]);
    const rows = await lib.highlightsForArticle(a.key);
    expect(rows.map((r) => [r.id, r.orphaned])).toEqual([
      [h1!.id, false],
      [h2!.id, true],
      [h3!.id, false],
    ]);
    expect(rows.map((r) => r.updatedAt)).toEqual([h1!.updatedAt, h2!.updatedAt, h3!.updatedAt]);
    expect((await lib.getHighlight(h4.id))?.orphaned).toBe(true);
  });
});

describe('delete and undo', () => {
  it('returns the removed rows and restores them identically', async () => {
    const { lib } = setup();
    const a = makeArticle();
    const rows = [
      makeHighlight({ note: 'n', tags: ['t'] }),
      makeHighlight({ kind: 'qa', answer: [{ kind: 'paragraph', text: 'A.' }], subQuestions: ['Why?'] }),
      makeHighlight(),
    ];
    for (const h of rows) await lib.saveHighlight(h, a);
    const before = await lib.highlightsForArticle(a.key);
    const removed = await lib.deleteHighlights([rows[0]!.id, rows[1]!.id, 'missing']);
    expect(removed.map((r) => r.id)).toEqual([rows[0]!.id, rows[1]!.id]);
    expect(await lib.countHighlights()).toBe(1);
    await lib.restoreHighlights(removed);
    expect(await lib.highlightsForArticle(a.key)).toEqual(before);
  });

  it('keeps the article row when its last highlight goes, hides it from listings, and undo brings all back', async () => {
    const { lib } = setup();
    const a = makeArticle();
    const h = await lib.saveHighlight(makeHighlight(), a);
    const article = await lib.getArticle(a.key);
    const removed = await lib.deleteHighlights([h.id]);
    expect(await lib.listArticles()).toEqual([]);
    expect((await lib.exportBackup()).articles).toEqual([]);
    await lib.restoreHighlights(removed);
    expect(await lib.getArticle(a.key)).toEqual(article);
    expect(await lib.listArticles()).toEqual([article]);
  });

  it('pruneEmptyArticles removes articles without highlights; restore then re-creates a plain article', async () => {
    const { lib } = setup();
    const a = makeArticle();
    const h = await lib.saveHighlight(makeHighlight(), a);
    const removed = await lib.deleteHighlights([h.id]);
    expect(await lib.pruneEmptyArticles()).toEqual([a.key]);
    expect(await lib.getArticle(a.key)).toBeUndefined();
    await lib.restoreHighlights(removed);
    expect(await lib.getHighlight(h.id)).toEqual(h);
    expect(await lib.getArticle(a.key)).toMatchObject({ key: a.key, url: h.url, site: 'generic' });
  });
});

describe('reads', () => {
  it('lists an article’s highlights in page order: position, then clip time', async () => {
    const { lib } = setup();
    const a = makeArticle();
    const pos = (start: number) => [{ type: 'TextPositionSelector' as const, start, end: start + 5 }];
    const h1 = makeHighlight({ selectors: pos(500), createdAt: 1000 });
    const h2 = makeHighlight({ selectors: pos(20), createdAt: 3000 });
    const h3 = makeHighlight({ selectors: pos(500), createdAt: 500 });
    const h4 = makeHighlight({
      selectors: [{ type: 'TextQuoteSelector', exact: 'x', prefix: '', suffix: '' }],
      createdAt: 1,
    });
    for (const h of [h1, h2, h3, h4]) await lib.saveHighlight(h, a);
    expect((await lib.highlightsForArticle(a.key)).map((h) => h.id)).toEqual([h2.id, h3.id, h1.id, h4.id]);
  });

  it('lists articles by last clip, by published date (undated last) and by title', async () => {
    const { lib, clock } = setup();
    const mk = (n: string, title: string, published: string | null, clipped: number) => {
      const a = makeArticle({ url: `https://example.org/${n}`, title, published, lastClippedAt: 0 });
      return lib.saveHighlight(makeHighlight({ url: a.url, articleKey: a.key, createdAt: clipped }), a);
    };
    clock.now = 10;
    await mk('a', 'Éclair stories', '2021-01-01', 300);
    await mk('b', 'apple days', null, 100);
    await mk('c', 'Zebra talk', '2023-05-05', 200);
    const keys = async (s: 'clipped' | 'published' | 'title') =>
      (await lib.listArticles(s)).map((a) => a.key.slice(-1));
    expect(await keys('clipped')).toEqual(['a', 'c', 'b']);
    expect(await keys('published')).toEqual(['c', 'a', 'b']);
    expect(await keys('title')).toEqual(['b', 'a', 'c']);
    expect(await lib.countHighlights()).toBe(3);
    expect(await lib.countHighlights('https://example.org/a')).toBe(1);
    expect(await lib.countsByArticle()).toEqual(
      new Map([
        ['https://example.org/a', 1],
        ['https://example.org/b', 1],
        ['https://example.org/c', 1],
      ]),
    );
  });
});

describe('onChange', () => {
  it('fires after each committed write with the article keys, not after a failed one', async () => {
    const { lib } = setup();
    const calls: string[][] = [];
    const off = lib.onChange((keys) => calls.push(keys));
    const a = makeArticle();
    const h = await lib.saveHighlight(makeHighlight(), a);
    await lib.updateHighlight(h.id, { note: 'x' });
    await lib.updateHighlight('missing', { note: 'x' }).catch(() => undefined);
    await lib.deleteHighlights([h.id]);
    off();
    await lib.restoreHighlights([h]);
    expect(calls).toEqual([[a.key], [a.key], [a.key]]);
  });

  it('clear empties the library', async () => {
    const { lib } = setup();
    await lib.saveHighlight(makeHighlight(), makeArticle());
    await lib.clear();
    expect(await lib.countHighlights()).toBe(0);
    expect(await lib.db.articles.count()).toBe(0);
    expect((await lib.search({})).total).toBe(0);
  });
});

describe('tagsInUse', () => {
  it('lists every tag once, ignoring case as the tag rule does, sorted', async () => {
    const { lib } = setup();
    const a = makeArticle();
    await lib.saveHighlight(makeHighlight({ tags: ['hiring', 'Culture'] }), a);
    await lib.saveHighlight(makeHighlight({ tags: ['culture', 'growth'] }), a);
    expect(await lib.tagsInUse()).toHaveLength(3);
    expect((await lib.tagsInUse()).map((t) => t.toLowerCase())).toEqual(['culture', 'growth', 'hiring']);
  });
});
