import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { facetCounts, filterHighlights, facets } from '../../options/logic/apply-filters';
import {
  EMPTY_FILTERS,
  filtersFromSearch,
  searchFromFilters,
  type LibraryFilters,
} from '../../options/logic/filters';
import { flattenRows, groupLibrary, narrowToHits, visibleOrder } from '../../options/logic/grouping';
import { segments } from '../../options/logic/marks';
import { clickRow, keepVisible, NO_SELECTION } from '../../options/logic/selection';
import { parseTags } from '../../src/tags';
import { ARTICLE_SORTS as SORT_KEYS } from '../../src/order';
import { HIGHLIGHT_COLORS, SITES } from '../../src/types';
import { matchesIn, queryTerms } from '../../src/store/search';
import { compareByTheme, freeTheme, questionMatches } from '../../options/logic/themes';
import { RowHeights, visibleRange } from '../../options/logic/windowing';
import { article, highlight } from './fixtures';

const date = fc
  .date({ min: new Date('1990-01-01'), max: new Date('2100-01-01'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const optText = fc.option(
  fc.string({ minLength: 1 }).filter((s) => s.trim() !== ''),
  { nil: null },
);
const filtersArb: fc.Arbitrary<LibraryFilters> = fc.record({
  text: fc.string(),
  site: fc.option(fc.constantFrom(...SITES), { nil: null }),
  tag: optText,
  interviewee: optText,
  color: fc.option(fc.constantFrom(...HIGHLIGHT_COLORS), { nil: null }),
  from: fc.option(date, { nil: null }),
  to: fc.option(date, { nil: null }),
  hasNote: fc.boolean(),
  orphaned: fc.boolean(),
  sort: fc.constantFrom(...SORT_KEYS),
});

describe('filters in the URL', () => {
  it('round-trips any filters through the query string', () => {
    fc.assert(
      fc.property(filtersArb, (f) => {
        expect(filtersFromSearch(searchFromFilters(f))).toEqual(f);
      }),
    );
  });

  it('leaves the URL bare for defaults and ignores junk', () => {
    expect(searchFromFilters(EMPTY_FILTERS)).toBe('');
    expect(filtersFromSearch('?site=evil&sort=nope&from=yesterday&note=yes')).toEqual(EMPTY_FILTERS);
  });

  it('keeps accents, ampersands and spaces in the search text', () => {
    const f = { ...EMPTY_FILTERS, text: 'café & co #1', tag: 'a b' };
    const s = searchFromFilters(f);
    expect(s).not.toContain(' ');
    expect(filtersFromSearch(s)).toEqual(f);
  });
});

describe('grouping', () => {
  const a = article({
    title: 'Beta',
    lastClippedAt: 10,
    published: '2021-01-01',
    sections: [
      { id: 's1', question: 'First?' },
      { id: 's2', question: 'Second?' },
    ],
  });
  const b = article({ title: 'alpha', lastClippedAt: 30, published: null });
  const c = article({ title: 'Gamma', lastClippedAt: 20, published: '2023-05-05' });
  const articles = new Map([a, b, c].map((x) => [x.key, x]));
  const hs = [
    highlight(a, { id: 'late-s2', sectionId: 's2', question: 'Second?', start: 500 }),
    highlight(a, { id: 'outside', start: 5 }),
    highlight(a, { id: 's1-b', sectionId: 's1', question: 'First?', start: 120 }),
    highlight(a, { id: 'gone', sectionId: 'old', question: 'Removed question?', start: 50 }),
    highlight(a, { id: 's1-a', sectionId: 's1', question: 'First?', start: 100 }),
    highlight(b, { id: 'b1' }),
    highlight(c, { id: 'c1' }),
  ];

  it('puts highlights under their questions in page order, loose ones last', () => {
    const [g] = groupLibrary(articles, hs, 'title').filter((x) => x.article.key === a.key);
    expect(g!.count).toBe(5);
    expect(g!.questions.map((q) => q.question)).toEqual(['First?', 'Second?', 'Removed question?', null]);
    expect(g!.questions[0]!.highlights.map((h) => h.id)).toEqual(['s1-a', 's1-b']);
  });

  it('sorts interviews by last clipped, published (undated last) or title', () => {
    const titles = (s: 'clipped' | 'published' | 'title'): string[] =>
      groupLibrary(articles, hs, s).map((g) => g.article.title);
    expect(titles('clipped')).toEqual(['alpha', 'Gamma', 'Beta']);
    expect(titles('published')).toEqual(['Gamma', 'Beta', 'alpha']);
    expect(titles('title')).toEqual(['alpha', 'Beta', 'Gamma']);
  });

  it('narrows to search hits, best interview first, rows still in page order', () => {
    const hits = new Map([
      ['c1', { score: 1 }],
      ['late-s2', { score: 2 }],
      ['s1-a', { score: 5 }],
      ['outside', { score: 3 }],
    ]);
    const groups = narrowToHits(groupLibrary(articles, hs, 'clipped'), hits);
    expect(groups.map((g) => [g.article.title, g.score, g.count])).toEqual([
      ['Beta', 5, 3],
      ['Gamma', 1, 1],
    ]);
    expect(groups[0]!.questions.map((q) => q.highlights.map((h) => h.id))).toEqual([
      ['s1-a'],
      ['late-s2'],
      ['outside'],
    ]);
  });

  it('narrows exactly as filtering each question to its hits would, for any hits and sort', () => {
    const reference = (groups: ReturnType<typeof groupLibrary>, hits: Map<string, { score: number }>) =>
      groups
        .map((g) => {
          const questions = g.questions
            .map((q) => ({ ...q, highlights: q.highlights.filter((h) => hits.has(h.id)) }))
            .filter((q) => q.highlights.length > 0);
          const kept = questions.flatMap((q) => q.highlights);
          return {
            article: g.article,
            questions,
            count: kept.length,
            score: Math.max(0, ...kept.map((h) => hits.get(h.id)!.score)),
          };
        })
        .filter((g) => g.count > 0)
        .sort((a, b) => b.score - a.score);
    fc.assert(
      fc.property(
        fc.subarray(hs.map((h) => h.id)),
        fc.array(fc.integer({ min: 1, max: 3 }), { minLength: hs.length, maxLength: hs.length }),
        fc.constantFrom(...SORT_KEYS),
        (ids, scores, sort) => {
          const hits = new Map(ids.map((id, i) => [id, { score: scores[i]! }]));
          const all = groupLibrary(articles, hs, sort);
          expect(narrowToHits(all, hits)).toEqual(reference(all, hits));
        },
      ),
    );
  });

  it('keeps the chosen sort among interviews whose best hits score the same', () => {
    const hits = new Map(['b1', 'c1', 's1-b'].map((id) => [id, { score: 2 }]));
    for (const sort of ['clipped', 'title', 'published'] as const) {
      const all = groupLibrary(articles, hs, sort).map((g) => g.article.title);
      expect(narrowToHits(groupLibrary(articles, hs, sort), hits).map((g) => g.article.title)).toEqual(all);
    }
  });

  it('flattens to rows and shown order agreeing with each other', () => {
    const groups = groupLibrary(articles, hs, 'title');
    const rows = flattenRows(groups);
    const fromRows = rows.flatMap((r) => (r.kind === 'highlight' ? [r.highlight.id] : []));
    expect(fromRows).toEqual(visibleOrder(groups));
    expect(rows[0]!.kind).toBe('article');
    expect(new Set(rows.map((r) => r.key)).size).toBe(rows.length);
  });

  it('shows highlights whose article row is missing under a stand-in', () => {
    const lost = article({ key: 'https://lost.example/x' });
    const groups = groupLibrary(new Map(), [highlight(lost, { id: 'x' })], 'title');
    expect(groups[0]!.article.key).toBe(lost.key);
  });
});

describe('filters on highlights', () => {
  const a = article({ site: 'life-at-pinterest', subject: { name: 'Zoë Ng' }, published: '2022-03-04' });
  const b = article({ site: 'generic', subject: { name: 'Sam' } });
  const articles = new Map([a, b].map((x) => [x.key, x]));
  const hs = [
    highlight(a, { id: 'a1', tags: ['Culture'], note: 'yes' }),
    highlight(a, { id: 'a2', orphaned: true }),
    highlight(b, { id: 'b1', tags: ['culture', 'hiring'], createdAt: Date.UTC(2024, 0, 2) }),
  ];
  const ids = (f: Partial<LibraryFilters>): string[] =>
    filterHighlights(hs, articles, { ...EMPTY_FILTERS, ...f }).map((h) => h.id);

  it('combines site, tag, interviewee, dates, note and orphaned', () => {
    expect(ids({})).toEqual(['a1', 'a2', 'b1']);
    expect(ids({ site: 'life-at-pinterest' })).toEqual(['a1', 'a2']);
    expect(ids({ tag: 'CULTURE' })).toEqual(['a1', 'b1']);
    expect(ids({ interviewee: 'zoe ng' })).toEqual(['a1', 'a2']);
    expect(ids({ hasNote: true })).toEqual(['a1']);
    expect(ids({ orphaned: true })).toEqual(['a2']);
    expect(ids({ from: '2023-01-01' })).toEqual(['b1']);
    expect(ids({ to: '2022-03-04' })).toEqual(['a1', 'a2']);
    expect(ids({ tag: 'culture', site: 'generic' })).toEqual(['b1']);
  });

  it('compares names whole, counts a blank note as none, and dates by the clip day (UTC) when unpublished', () => {
    const blog = article({ published: '2022-03-01', subject: { name: 'Chloé Dubois' } });
    const life = article({ published: null, subject: { name: 'Hiro Chen' } });
    const rows = [
      highlight(blog, { id: 'b1' }),
      highlight(life, { id: 'l1', note: '  ', createdAt: Date.UTC(2023, 6, 1, 23) }),
    ];
    const both = new Map([blog, life].map((x) => [x.key, x]));
    const found = (f: Partial<LibraryFilters>) =>
      filterHighlights(rows, both, { ...EMPTY_FILTERS, ...f }).map((h) => h.id);
    expect(found({ interviewee: 'chloe dubois' })).toEqual(['b1']);
    expect(found({ interviewee: 'chloe' })).toEqual([]);
    expect(found({ hasNote: true })).toEqual([]);
    expect(found({ from: '2022-03-01', to: '2022-03-01' })).toEqual(['b1']);
    expect(found({ from: '2023-07-01', to: '2023-07-01' })).toEqual(['l1']);
  });

  it('counts each facet under every other filter, most frequent first', () => {
    const c = facetCounts(hs, articles, EMPTY_FILTERS);
    const total = (xs: { count: number }[]) => xs.reduce((n, x) => n + x.count, 0);
    expect(total(c.sites)).toBe(hs.length);
    expect(total(c.colors)).toBe(hs.length);
    for (const t of c.tags)
      expect(t.count).toBe(filterHighlights(hs, articles, { ...EMPTY_FILTERS, tag: t.value }).length);
    for (const p of c.interviewees)
      expect(p.count).toBe(filterHighlights(hs, articles, { ...EMPTY_FILTERS, interviewee: p.value }).length);
    expect(c.tags.map((t) => t.count)).toEqual([...c.tags.map((t) => t.count)].sort((x, y) => y - x));
    // Choosing a site keeps every site's own count, and narrows the others.
    const site = c.sites[0]!.value;
    const narrowed = facetCounts(hs, articles, { ...EMPTY_FILTERS, site });
    expect(narrowed.sites).toEqual(c.sites);
    expect(total(narrowed.colors)).toBe(filterHighlights(hs, articles, { ...EMPTY_FILTERS, site }).length);
    const color = c.colors[0]!.value;
    expect(total(facetCounts(hs, articles, { ...EMPTY_FILTERS, color }).sites)).toBe(
      hs.filter((h) => h.color === color).length,
    );
  });

  it('offers each tag and person once', () => {
    expect(facets(hs, articles)).toEqual({ tags: ['Culture', 'hiring'], interviewees: ['Sam', 'Zoë Ng'] });
  });

  it('compares tags and names in the one search normal form (ß, æ and ligatures too)', () => {
    const c = article({ subject: { name: 'Æsir  Lund' } });
    const more = new Map([...articles, [c.key, c]]);
    const rows = [
      highlight(c, { id: 'c1', tags: ['Straße'] }),
      highlight(c, { id: 'c2', tags: ['STRASSE', 'ﬁnance'] }),
    ];
    const found = (f: Partial<LibraryFilters>) =>
      filterHighlights(rows, more, { ...EMPTY_FILTERS, ...f }).map((h) => h.id);
    expect(found({ tag: 'strasse' })).toEqual(['c1', 'c2']);
    expect(found({ tag: 'finance' })).toEqual(['c2']);
    expect(found({ interviewee: 'aesir lund' })).toEqual(['c1', 'c2']);
    expect(facets(rows, new Map([[c.key, c]]))).toEqual({
      tags: ['ﬁnance', 'Straße'],
      interviewees: ['Æsir  Lund'],
    });
  });
});

describe('themes', () => {
  // The reader's own words; the built-in groups are tested in compare-groups.test.ts.
  const theme = (id: string) => freeTheme(id === 'advice' ? 'advice tip' : id);

  it('matches question wordings by word prefix, ignoring case and accents', () => {
    expect(questionMatches('What led you to joining Pinterest?', freeTheme('join'))).toBe(true);
    expect(questionMatches('Why Pinterest?', freeTheme('why pinterest'))).toBe(true);
    expect(questionMatches('What advice would you give?', theme('advice'))).toBe(true);
    expect(questionMatches('How has your career grown?', freeTheme('grow'))).toBe(true);
    expect(questionMatches('What is your favourite snack?', theme('advice'))).toBe(false);
    // "tip" must start a word: "multiple" does not hold the keyword.
    expect(questionMatches('Multiple choices?', theme('advice'))).toBe(false);
    expect(questionMatches('Qu’est-ce que le CAFÉ?', freeTheme('cafe'))).toBe(true);
  });

  it('builds one column per interview with matching questions only', () => {
    const a = article({
      sections: [
        { id: 's1', question: 'What advice do you have?' },
        { id: 's2', question: 'Favourite food?' },
      ],
    });
    const b = article({ sections: [{ id: 't1', question: 'Any tips for new grads?' }] });
    const c = article({ sections: [{ id: 'u1', question: 'Where are you based?' }] });
    const hs = new Map([
      [
        a.key,
        [
          highlight(a, { sectionId: 's1', question: 'What advice do you have?' }),
          highlight(a, { sectionId: 's2', question: 'Favourite food?' }),
        ],
      ],
      [b.key, [highlight(b, { sectionId: 't1', question: 'Any tips for new grads?' })]],
      [c.key, [highlight(c, { sectionId: 'u1', question: 'Where are you based?' })]],
    ]);
    const cols = compareByTheme([b, a, c], hs, theme('advice'));
    expect(cols.map((x) => x.article.key)).toEqual([b.key, a.key]);
    expect(cols[1]!.entries.map((e) => e.question)).toEqual(['What advice do you have?']);
    expect(compareByTheme([a], hs, freeTheme('  '))).toEqual([]);
  });
});

describe('multi-select', () => {
  const order = ['a', 'b', 'c', 'd', 'e'];

  it('toggles on click and selects ranges with shift in either direction', () => {
    let s = clickRow(NO_SELECTION, order, 'b', false);
    s = clickRow(s, order, 'd', true);
    expect([...s.selected].sort()).toEqual(['b', 'c', 'd']);
    s = clickRow(s, order, 'a', true);
    expect([...s.selected].sort()).toEqual(['a', 'b', 'c', 'd']);
  });

  it('clears a range when shift-clicking a selected row', () => {
    let s = clickRow(NO_SELECTION, order, 'a', false);
    s = clickRow(s, order, 'e', true);
    s = clickRow(s, order, 'c', false);
    expect([...s.selected].sort()).toEqual(['a', 'b', 'd', 'e']);
    s = clickRow(s, order, 'e', true);
    expect([...s.selected].sort()).toEqual(['a', 'b']);
  });

  it('forgets rows that are no longer shown', () => {
    const s = clickRow(clickRow(NO_SELECTION, order, 'a', false), order, 'c', true);
    expect([...keepVisible(s, ['b', 'x']).selected]).toEqual(['b']);
  });
});

describe('text helpers', () => {
  it('cuts text into marks that join back to the original', () => {
    fc.assert(
      fc.property(
        fc.string(),
        fc.array(
          fc.record({ start: fc.integer({ min: -5, max: 40 }), end: fc.integer({ min: -5, max: 40 }) }),
        ),
        (t, spans) => {
          const segs = segments(t, spans);
          expect(segs.map((s) => s.text).join('')).toBe(t);
        },
      ),
    );
    expect(
      segments('hello world', [
        { start: 0, end: 3 },
        { start: 2, end: 5 },
        { start: 6, end: 11 },
      ]),
    ).toEqual([
      { text: 'hello', mark: true },
      { text: ' ', mark: false },
      { text: 'world', mark: true },
    ]);
  });

  it('marks word prefixes by the store’s matcher, with positions in the original text', () => {
    const t = 'Éric joined the CAFÉ; rejoined later, Straße';
    const spans = matchesIn(t, queryTerms('eric join cafe strasse'), 'quote');
    expect(spans.map((s) => t.slice(s.start, s.end))).toEqual(['Éric', 'join', 'CAFÉ', 'Straße']);
    const decomposed = 'Cafe\u0301 time';
    const [m] = matchesIn(decomposed, ['cafe'], 'quote');
    // The combining accent belongs to the matched word, so the mark keeps it.
    expect(decomposed.slice(m!.start, m!.end)).toBe('Cafe\u0301');
  });

  it('parses typed tags', () => {
    expect(parseTags('#culture, hiring  Culture,,growth')).toEqual(['culture', 'hiring', 'growth']);
  });
});

describe('windowing', () => {
  it('finds the visible rows from estimates and measurements', () => {
    const h = new RowHeights(1000, 50);
    expect(h.total()).toBe(50_000);
    expect(visibleRange(h, 1000, 500, 0)).toEqual({ start: 20, end: 31 });
    h.set(0, 1050);
    expect(h.total()).toBe(51_000);
    expect(visibleRange(h, 1000, 500, 0)).toEqual({ start: 0, end: 11 });
    expect(visibleRange(h, 10_000_000, 500, 100).end).toBe(1000);
    expect(visibleRange(new RowHeights(0, 50), 0, 500, 0)).toEqual({ start: 0, end: 0 });
  });

  it('gives only rows near the screen their own height, once, and keeps what was measured', () => {
    const h = new RowHeights(1000, 50);
    const asked: number[] = [];
    const own = (i: number): number => {
      asked.push(i);
      return 100;
    };
    // Rows of 100 px: the range is worked out again once they are, so it still fills the viewport.
    expect(visibleRange(h, 0, 500, 0, own)).toEqual({ start: 0, end: 6 });
    expect(asked).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    // Rows below keep the fallback.
    expect(h.total()).toBe(11 * 100 + 989 * 50);
    h.set(20, 300);
    asked.length = 0;
    expect(h.resolve(15, 25, own)).toBe(true);
    expect(asked).toEqual([15, 16, 17, 18, 19, 21, 22, 23, 24]);
    expect(h.offsetOf(21) - h.offsetOf(20)).toBe(300);
    expect(h.resolve(15, 25, own)).toBe(false);
  });
});
