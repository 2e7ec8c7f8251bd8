import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type ArticleDoc,
  articleDoc,
  canonicalSets,
  checkDoc,
  type HighlightDoc,
  highlightDoc,
  highlightFromDoc,
  isShown,
  noteMark,
  tagKey,
  tagMark,
} from '../../src/sync/docs';
import { mergeArticleDocs, mergeDocs, mergeHighlightDocs } from '../../src/sync/merge';
import { checkArticle, checkHighlight } from '../../src/store/validate';
import { HIGHLIGHT_COLORS } from '../../src/types';
import { makeArticle, makeHighlight } from '../store/helpers';

// The merge laws on random documents. Values come from small pools and
// times from a short range, so ties and shared elements are common.

const base = checkHighlight(makeHighlight({ id: 'h-1' }));
const bodies = [
  base,
  checkHighlight({ ...base, orphaned: true }),
  checkHighlight({ ...base, tags: ['Zed', 'x'], note: 'b' }),
];
const time = fc.integer({ min: 1, max: 12 });

const highlightDocArb: fc.Arbitrary<HighlightDoc> = fc
  .record({
    touchedAt: time,
    deletedAt: fc.oneof(fc.constant(0), time),
    notes: fc.array(fc.record({ text: fc.constantFrom('', 'a', 'b', 'c', 'a\n\nb', 'ça'), at: time }), {
      maxLength: 4,
    }),
    tags: fc.array(fc.record({ tag: fc.constantFrom('x', 'X', 'y', 'Zed', 'zed'), at: time }), {
      maxLength: 4,
    }),
    dropped: fc.array(
      fc.record({
        key: fc.constantFrom(...['a', 'b', 'c'].map(noteMark), ...['x', 'y', 'zed'].map(tagMark)),
        at: time,
      }),
      { maxLength: 3 },
    ),
    color: fc.option(fc.record({ value: fc.constantFrom(...HIGHLIGHT_COLORS), at: time }), {
      nil: undefined,
    }),
    body: fc.option(fc.record({ value: fc.constantFrom(...bodies), at: time }), { nil: undefined }),
  })
  .map((r) => {
    const d: HighlightDoc = {
      _id: 'highlight:h-1',
      type: 'highlight',
      touchedAt: r.touchedAt,
      deletedAt: r.deletedAt,
      ...canonicalSets(r.notes, r.tags, r.dropped),
    };
    if (r.color) d.color = r.color;
    if (r.body) d.body = r.body;
    return d;
  });

const baseArticle = checkArticle(makeArticle());
const articleDocArb: fc.Arbitrary<ArticleDoc> = fc
  .record({
    title: fc.constantFrom('One', 'Two', 'Three'),
    createdAt: time,
    updatedAt: time,
    lastClippedAt: time,
  })
  .map((r) => articleDoc({ ...baseArticle, ...r }));

/** The time of the latest removal mark for `key` in either document, 0 if none. */
const markAt = (key: string, ...ds: HighlightDoc[]) =>
  Math.max(0, ...ds.flatMap((d) => d.dropped.filter((m) => m.key === key).map((m) => m.at)));

describe('mergeHighlightDocs', () => {
  it('is commutative', () => {
    fc.assert(
      fc.property(highlightDocArb, highlightDocArb, (a, b) => {
        expect(mergeHighlightDocs(a, b)).toEqual(mergeHighlightDocs(b, a));
      }),
    );
  });

  it('is associative', () => {
    fc.assert(
      fc.property(highlightDocArb, highlightDocArb, highlightDocArb, (a, b, c) => {
        expect(mergeHighlightDocs(mergeHighlightDocs(a, b), c)).toEqual(
          mergeHighlightDocs(a, mergeHighlightDocs(b, c)),
        );
      }),
    );
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(highlightDocArb, highlightDocArb, (a, b) => {
        expect(mergeHighlightDocs(a, a)).toEqual(a);
        const m = mergeHighlightDocs(a, b);
        expect(mergeHighlightDocs(m, b)).toEqual(m);
        expect(mergeHighlightDocs(m, a)).toEqual(m);
      }),
    );
  });

  it('never drops a note text or a tag, unless removed on the other side after it was written', () => {
    fc.assert(
      fc.property(highlightDocArb, highlightDocArb, (a, b) => {
        const m = mergeHighlightDocs(a, b);
        const texts = m.notes.map((n) => n.text);
        const keys = m.tags.map((t) => tagKey(t.tag));
        for (const d of [a, b]) {
          for (const n of d.notes) {
            if (n.at > markAt(noteMark(n.text), a, b)) expect(texts).toContain(n.text);
            else expect(texts).not.toContain(n.text);
          }
          for (const t of d.tags)
            if (t.at > markAt(tagMark(t.tag), a, b)) expect(keys).toContain(tagKey(t.tag));
        }
        // …and invents nothing.
        for (const t of texts) expect([...a.notes, ...b.notes].map((n) => n.text)).toContain(t);
      }),
    );
  });

  it('keeps the latest colour, and shows the highlight only if an edit is newer than every delete', () => {
    fc.assert(
      fc.property(highlightDocArb, highlightDocArb, (a, b) => {
        const m = mergeHighlightDocs(a, b);
        const ats = [a.color?.at, b.color?.at].filter((x): x is number => x !== undefined);
        if (ats.length) expect(m.color?.at).toBe(Math.max(...ats));
        expect(isShown(m)).toBe(Math.max(a.touchedAt, b.touchedAt) > Math.max(a.deletedAt, b.deletedAt));
      }),
    );
  });

  it('gives a document that checkDoc accepts unchanged', () => {
    fc.assert(
      fc.property(highlightDocArb, highlightDocArb, (a, b) => {
        const m = mergeHighlightDocs(a, b);
        expect(checkDoc(JSON.parse(JSON.stringify(m)))).toEqual(m);
      }),
    );
  });
});

describe('mergeArticleDocs', () => {
  it('is commutative, associative and idempotent, keeping the first and last clip dates', () => {
    fc.assert(
      fc.property(articleDocArb, articleDocArb, articleDocArb, (a, b, c) => {
        expect(mergeArticleDocs(a, b)).toEqual(mergeArticleDocs(b, a));
        expect(mergeArticleDocs(mergeArticleDocs(a, b), c)).toEqual(
          mergeArticleDocs(a, mergeArticleDocs(b, c)),
        );
        expect(mergeArticleDocs(a, a)).toEqual(a);
        const m = mergeArticleDocs(a, b);
        expect(m.article.createdAt).toBe(Math.min(a.article.createdAt, b.article.createdAt));
        expect(m.article.lastClippedAt).toBe(Math.max(a.article.lastClippedAt, b.article.lastClippedAt));
        expect(m.article.updatedAt).toBe(Math.max(a.article.updatedAt, b.article.updatedAt));
      }),
    );
  });
});

describe('the same highlight edited on two devices', () => {
  const t0 = Date.UTC(2025, 0, 1);
  const h = checkHighlight(makeHighlight({ note: '', tags: ['career'], color: 'yellow', updatedAt: t0 }));

  it('keeps both notes, the union of tags and the later colour', () => {
    const onA = highlightDoc({
      ...h,
      note: 'from the laptop',
      tags: ['career', 'advice'],
      updatedAt: t0 + 10,
    });
    const onB = highlightDoc({
      ...h,
      note: 'from the desktop',
      tags: ['Career', 'hiring'],
      color: 'blue',
      updatedAt: t0 + 20,
    });
    const row = highlightFromDoc(mergeDocs(onA, onB))!;
    expect(row.note).toBe('from the laptop\n\nfrom the desktop');
    expect(row.tags).toEqual(['Career', 'hiring', 'advice']);
    expect(row.color).toBe('blue');
    expect(row.updatedAt).toBe(t0 + 20);
    expect(highlightFromDoc(mergeDocs(onB, onA))).toEqual(row);
  });

  it('lets a delete win over an older edit only', () => {
    const edited = highlightDoc({ ...h, note: 'late note', updatedAt: t0 + 30 });
    const deletedBefore = { ...highlightDoc(h), deletedAt: t0 + 20 };
    const deletedAfter = { ...highlightDoc(h), deletedAt: t0 + 40 };
    expect(highlightFromDoc(mergeDocs(edited, deletedBefore))?.note).toBe('late note');
    expect(highlightFromDoc(mergeDocs(edited, deletedAfter))).toBeNull();
  });

  it('round-trips a row through its document unchanged', () => {
    const row = checkHighlight(makeHighlight({ note: 'n', tags: ['b', 'a'], color: 'pink' }));
    expect(highlightFromDoc(highlightDoc(row))).toEqual(row);
    expect(checkDoc(JSON.parse(JSON.stringify(highlightDoc(row))))).toEqual(highlightDoc(row));
  });
});
