// Where a highlight sits and in what order things are shown: the one page
// order, the one way to file a highlight under its question, and the one order
// of interviews. The popup, the library page, the store and the Markdown
// export all use these, so a list reads the same wherever it is shown.

import { collapseWhitespace } from './export/escape';
import type { Article, Highlight } from './types';

/**
 * Where a highlight starts on its page when saved; after every positioned one
 * when it has no position. Not cached per highlight: reading one or two
 * selectors is cheap, and a WeakMap over the library's 100,000 highlights
 * made every full garbage collection on the library page spend some 200 ms
 * marking its entries.
 */
export function pagePosition(h: Highlight): number {
  for (const s of h.selectors) if (s.type === 'TextPositionSelector') return s.start;
  return Number.POSITIVE_INFINITY;
}

/** Page order: position on the page, then the order they were saved in, then id, so the order is total. */
export function comparePageOrder(a: Highlight, b: Highlight): number {
  const pa = pagePosition(a);
  const pb = pagePosition(b);
  if (pa !== pb) return pa < pb ? -1 : 1;
  return a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

export interface QuestionGroup {
  /**
   * The section id of a question the article lists; `q:` and the question text
   * for one it no longer lists (the page changed since); '' for highlights
   * outside any Q&A.
   */
  key: string;
  /** As the article lists it, else as the highlight saved it; null outside any Q&A. */
  question: string | null;
  /** In page order. */
  highlights: Highlight[];
}

interface SectionLookup {
  order: Map<string, number>;
  byQuestion: Map<string, number>;
}

const lookups = new WeakMap<readonly Article['sections'][number][], SectionLookup>();

function lookupOf(sections: Article['sections']): SectionLookup {
  let m = lookups.get(sections);
  if (!m) {
    m = { order: new Map(), byQuestion: new Map() };
    sections.forEach((s, i) => {
      if (!m!.order.has(s.id)) m!.order.set(s.id, i);
      const q = collapseWhitespace(s.question);
      if (!m!.byQuestion.has(q)) m!.byQuestion.set(q, i);
    });
    lookups.set(sections, m);
  }
  return m;
}

/**
 * Highlights under their questions: the article's questions in its order,
 * then questions it no longer lists (in the page order of their first
 * highlight), then the highlights outside any Q&A. A highlight whose section
 * id the article does not know is still filed under a question with the same
 * text: section ids can change while the question stays.
 */
export function groupByQuestion(
  article: Pick<Article, 'sections'>,
  highlights: readonly Highlight[],
): QuestionGroup[] {
  const { order, byQuestion } = lookupOf(article.sections);
  const known = new Map<number, QuestionGroup>();
  const gone = new Map<string, QuestionGroup>();
  let outside: QuestionGroup | null = null;
  for (const h of [...highlights].sort(comparePageOrder)) {
    const question = h.question ? collapseWhitespace(h.question) : '';
    const at = (h.sectionId !== null ? order.get(h.sectionId) : undefined) ?? byQuestion.get(question);
    let g: QuestionGroup | undefined;
    if (at !== undefined) {
      g = known.get(at);
      if (!g) {
        const s = article.sections[at]!;
        g = { key: s.id, question: s.question, highlights: [] };
        known.set(at, g);
      }
    } else if (question) {
      g = gone.get(question);
      if (!g) {
        g = { key: `q:${question}`, question: h.question, highlights: [] };
        gone.set(question, g);
      }
    } else {
      g = outside ??= { key: '', question: null, highlights: [] };
    }
    g.highlights.push(h);
  }
  const listed = [...known.entries()].sort((a, b) => a[0] - b[0]).map(([, g]) => g);
  return [...listed, ...gone.values(), ...(outside ? [outside] : [])];
}

/** How the library lists interviews, also in its address (`?sort=`). */
export const ARTICLE_SORTS = ['clipped', 'published', 'title'] as const;
export type ArticleSort = (typeof ARTICLE_SORTS)[number];

// One collator for every comparison: localeCompare with options builds one per call.
const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

const byTitle = (a: Article, b: Article): number =>
  collator.compare(a.title, b.title) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

/** The order of interviews for a sort: each ends in title, then key, so it is total. */
export function compareArticles(sort: ArticleSort): (a: Article, b: Article) => number {
  switch (sort) {
    case 'title':
      return byTitle;
    case 'published':
      // Newest first; undated interviews last, whichever way the dated ones sort.
      return (a, b) => {
        const pa = a.published;
        const pb = b.published;
        if (pa === pb) return byTitle(a, b);
        if (pa === null) return 1;
        if (pb === null) return -1;
        return pa < pb ? 1 : -1;
      };
    case 'clipped':
      return (a, b) => b.lastClippedAt - a.lastClippedAt || byTitle(a, b);
  }
}
