import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { articleFromInterview } from '../../src/store/article';
import { articleKey } from '../../src/url';
import { isOrphan, savedParagraph, savedQa } from '../../popup/order';
import { marksIn, matchesQuery, queryWords } from '../../popup/search';
import { formatTags, parseTags } from '../../src/tags';
import { makeHighlight, sampleInterview } from './fakes';

describe('queryWords and matchesQuery', () => {
  it('ignores case, accents and spacing', () => {
    expect(queryWords('  Résumé\u00a0REVIEW resume')).toEqual(['resume', 'review']);
    expect(matchesQuery(queryWords('resume'), ['Le Résumé'])).toBe(true);
    expect(matchesQuery(queryWords('review resume'), ['Résumé', 'and a Review'])).toBe(true);
    expect(matchesQuery(queryWords('interview'), ['Résumé'])).toBe(false);
  });

  it('folds letters as the library does: ß, ligatures, æ', () => {
    for (const q of ['strasse', 'finance', 'aesir', 'STRASSE'])
      expect(matchesQuery(queryWords(q), ['Straße ﬁnance Æsir']), q).toBe(true);
  });

  it('finds any word of a text in it, whatever its case, inside a longer word too', () => {
    fc.assert(
      fc.property(fc.string(), fc.string({ minLength: 1 }), fc.string(), (a, b, c) => {
        const q = queryWords(b);
        return (
          matchesQuery(q, [`${a} ${b.toUpperCase()} ${c}`]) || q.length !== queryWords(b.toUpperCase()).length
        );
      }),
    );
    expect(matchesQuery(queryWords('view'), ['Interviews'])).toBe(true);
  });
});

describe('saved state', () => {
  const interview = sampleInterview();
  it('matches a saved paragraph by its text, not its whitespace', () => {
    const s = interview.sections[0]!;
    const h = makeHighlight({
      kind: 'paragraph',
      sectionId: s.id,
      quote: 'I wanted to work on\n a product I use every day.',
    });
    expect(savedParagraph([h], s, 0)).toEqual([h]);
    expect(savedParagraph([h], s, 1)).toEqual([]);
    expect(savedParagraph([h], s, 7)).toEqual([]);
    expect(savedQa([h], s)).toEqual([]);
    expect(savedQa([{ ...h, kind: 'qa' }], s)).toHaveLength(1);
  });

  it('calls orphan what the page could not place', () => {
    const h = makeHighlight({ quote: 'x', orphaned: true });
    expect(isOrphan(h, new Set(), new Set())).toBe(true);
    expect(isOrphan(h, new Set(), new Set([h.id]))).toBe(false);
    expect(isOrphan({ ...h, orphaned: false }, new Set([h.id]), new Set())).toBe(true);
  });

  it('builds an article from the page when the library has none', () => {
    const a = articleFromInterview(interview, interview.url, 7);
    expect(a).toMatchObject({ key: articleKey(interview.url), title: 'Meet Ana Souza', lastClippedAt: 7 });
    expect(a.sections.map((s) => s.id)).toEqual(['q-joining', 'q-day', 'q-panel']);
  });
});

describe('tags', () => {
  it('splits on commas and spaces, drops # and repeats', () => {
    expect(parseTags(' #culture, hiring  Culture,,growth ')).toEqual(['culture', 'hiring', 'growth']);
    expect(parseTags('')).toEqual([]);
    expect(formatTags(['a', 'b'])).toBe('a, b');
  });
});

describe('marksIn', () => {
  const marked = (text: string, query: string) =>
    marksIn(text, queryWords(query)).map((m) => text.slice(m.start, m.end));

  it('marks the letters the query matched, inside words, in the original spelling', () => {
    expect(marked('Le Résumé, the RESUME', 'sum')).toEqual(['sum', 'SUM']);
    expect(marked('Die Straße', 'strasse')).toEqual(['Straße']);
    expect(marked('Interviews and views', 'view')).toEqual(['view', 'view']);
    expect(marked('don’t stop', 'dont')).toEqual(['don’t']);
  });

  it('merges overlapping matches and marks nothing for an empty query', () => {
    expect(marked('reviewer', 'review viewer')).toEqual(['reviewer']);
    expect(marked('anything', '')).toEqual([]);
  });

  it('marks exactly where matchesQuery matches', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), fc.string({ maxLength: 6 }), (text, query) => {
        const terms = queryWords(query);
        if (terms.length !== 1) return;
        expect(marksIn(text, terms).length > 0).toBe(matchesQuery(terms, [text]));
      }),
    );
  });
});
