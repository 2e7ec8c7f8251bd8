import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SearchIndex, type LibraryQuery } from '../../src/store/search';
import { words } from '../../src/store/words';
import { personLine } from '../../src/store/person';
import type { Article, Highlight } from '../../src/types';
import { makeArticle, makeHighlight } from './helpers';

// The index answers from word postings; this spells the ranking rule out the
// slow, obvious way (every highlight, every field, every word) and the two
// must agree on hits, order and scores for any library and query.

const EXACT = 16;
const PREFIX = 4;
const TYPO = 1;
const WEIGHTS = { title: 3, interviewee: 3, question: 3, tag: 3, quote: 2, note: 1, speaker: 3 };

/** Optimal string alignment distance (adjacent swaps count once), the textbook table. */
function distance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  return d[a.length]![b.length]!;
}

/** Some start of w is at most one edit from t (t of five letters or more). */
function oneTypo(t: string, w: string): boolean {
  if (t.length < 5) return false;
  for (let n = t.length - 1; n <= t.length + 1; n++)
    if (n <= w.length && distance(t, w.slice(0, n)) <= 1) return true;
  return false;
}

function reference(
  articles: Article[],
  highlights: Highlight[],
  q: LibraryQuery,
): { id: string; score: number }[] {
  const terms = [...new Set(words(q.text ?? ''))];
  const byKey = new Map(articles.map((a) => [a.key, a]));
  const out: { h: Highlight; score: number }[] = [];
  for (const h of highlights) {
    const a = byKey.get(h.articleKey);
    if (!a) continue;
    const fields: [number, string[]][] = [
      [WEIGHTS.title, [...new Set(words(a.title))]],
      [WEIGHTS.interviewee, [...new Set(words(personLine(a.subject)))]],
      [WEIGHTS.question, [...new Set(words(h.question ?? ''))]],
      ...h.tags.map((t): [number, string[]] => [WEIGHTS.tag, words(t)]),
      [WEIGHTS.quote, words(h.quote)],
      [WEIGHTS.note, words(h.note)],
      [WEIGHTS.speaker, [...new Set(words(h.speaker ?? ''))]],
    ];
    let score = 0;
    let occurrences = 0;
    let all = true;
    for (const t of terms) {
      let best = 0;
      for (const [weight, ws] of fields) {
        for (const w of ws) {
          const grade = w === t ? EXACT : w.startsWith(t) ? PREFIX : oneTypo(t, w) ? TYPO : 0;
          if (grade === 0) continue;
          occurrences++;
          best = Math.max(best, grade * weight);
        }
      }
      if (best === 0) all = false;
      score += best;
    }
    if (!all) continue;
    if (terms.length > 0) score += 0.05 * Math.min(occurrences, 20);
    out.push({ h, score });
  }
  out.sort((x, y) => y.score - x.score || y.h.createdAt - x.h.createdAt || (x.h.id < y.h.id ? -1 : 1));
  return out.map((x) => ({ id: x.h.id, score: x.score }));
}

const VOCAB = [
  'team',
  'teams',
  'tea',
  'café',
  'Cafe',
  'résumé',
  'resume',
  'Straße',
  'grow',
  'growth',
  'ﬁle',
  'data',
  'd',
  'interview',
  'Intervew',
  'Kwame',
  'growht',
  'straße',
];
const text = fc.array(fc.constantFrom(...VOCAB), { maxLength: 8 }).map((ws) => ws.join(' '));
const term = fc.constantFrom(
  ...VOCAB,
  'te',
  'gro',
  'caf',
  'str',
  'zzz',
  're',
  'intevriew',
  'grwth',
  'kwamee',
  'resumr',
);

const library = fc
  .record({
    articles: fc.array(fc.record({ title: text, name: text, role: text, team: text }), {
      minLength: 1,
      maxLength: 4,
    }),
    highlights: fc.array(
      fc.record({
        article: fc.nat(5),
        quote: text,
        note: text,
        question: fc.option(text, { nil: null }),
        tags: fc.array(text, { maxLength: 2 }),
        speaker: fc.option(text, { nil: null }),
        createdAt: fc.integer({ min: 0, max: 5 }),
      }),
      { maxLength: 25 },
    ),
  })
  .map(({ articles, highlights }) => {
    const as = articles.map((a, i) =>
      makeArticle({
        url: `https://example.org/${i}`,
        title: a.title,
        subject: { name: a.name, role: a.role, team: a.team },
      }),
    );
    // Article indexes past the end leave a highlight without its article row.
    const hs = highlights.map((h) =>
      makeHighlight({
        url: `https://example.org/${h.article}`,
        quote: h.quote || 'x',
        note: h.note,
        question: h.question,
        tags: h.tags,
        speaker: h.speaker,
        createdAt: h.createdAt,
      }),
    );
    return { as, hs };
  });

const ranked = (idx: SearchIndex, q: LibraryQuery) =>
  idx.search(q).hits.map((h) => ({ id: h.highlight.id, score: h.score }));

function close(actual: { id: string; score: number }[], expected: { id: string; score: number }[]): void {
  expect(actual.map((x) => x.id)).toEqual(expected.map((x) => x.id));
  actual.forEach((x, i) => {
    expect(x.score).toBeCloseTo(expected[i]!.score, 9);
  });
}

describe('search ranking agrees with the rule spelled out', () => {
  it('for any library and one- or two-word query', () => {
    fc.assert(
      fc.property(library, fc.array(term, { minLength: 0, maxLength: 2 }), ({ as, hs }, ts) => {
        const q: LibraryQuery = { text: ts.join(' ') };
        close(ranked(new SearchIndex(as, hs), q), reference(as, hs, q));
      }),
    );
  });

  it('after rows are edited, removed and added between searches', () => {
    fc.assert(
      fc.property(library, term, text, ({ as, hs }, t, edited) => {
        const idx = new SearchIndex(as, hs);
        idx.search({ text: t });
        const live = [...hs];
        const removed = live.splice(0, 1);
        for (const h of removed) idx.deleteHighlight(h.id);
        if (live[0]) {
          live[0] = { ...live[0], quote: edited || 'x', note: edited };
          idx.putHighlight(live[0]);
        }
        const renamed = as.map((a, i) => (i === 0 ? { ...a, title: edited } : a));
        idx.putArticle(renamed[0]!);
        close(ranked(idx, { text: t }), reference(renamed, live, { text: t }));
      }),
    );
  });
});
