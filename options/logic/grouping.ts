// The library's list: highlights grouped by interview and under their
// questions by the rules of src/order.ts, the groups narrowed to search hits,
// and the flat rows the virtual list windows over.
//
// Each whole-library pass is written once as steps (src/anchor/steps.ts): run
// straight through for a change the reader makes, or in slices by runSliced
// when a full load brings 100,000 rows, which in one task held the page for
// seconds.

import { runSteps, type Steps } from '../../src/anchor';
import { type ArticleSort, compareArticles, groupByQuestion, type QuestionGroup } from '../../src/order';
import { articleFromHighlight } from '../../src/store/article';
import type { Article, Highlight } from '../../src/types';

export type { QuestionGroup };

export interface InterviewGroup {
  article: Article;
  questions: QuestionGroup[];
  count: number;
  /** Best search score among its highlights; 0 when not searching. */
  score: number;
}

function compareBySort(sort: ArticleSort): (a: InterviewGroup, b: InterviewGroup) => number {
  const cmp = compareArticles(sort);
  return (a, b) => cmp(a.article, b.article);
}

/** Rows a step of a whole-library pass covers: well under a millisecond of work. */
export const ROWS_PER_STEP = 512;

/** Highlights grouped by interview, in the chosen sort. */
export function groupLibrary(
  articles: ReadonlyMap<string, Article>,
  highlights: readonly Highlight[],
  sort: ArticleSort,
): InterviewGroup[] {
  return runSteps(groupLibrarySteps(articles, highlights, sort));
}

export function* groupLibrarySteps(
  articles: ReadonlyMap<string, Article>,
  highlights: readonly Highlight[],
  sort: ArticleSort,
): Steps<InterviewGroup[]> {
  const byArticle = new Map<string, Highlight[]>();
  for (let i = 0; i < highlights.length; i++) {
    if (i % ROWS_PER_STEP === ROWS_PER_STEP - 1) yield;
    const h = highlights[i]!;
    const list = byArticle.get(h.articleKey);
    if (list) list.push(h);
    else byArticle.set(h.articleKey, [h]);
  }
  const groups: InterviewGroup[] = [];
  let filed = 0;
  for (const [key, list] of byArticle) {
    const article = articles.get(key) ?? articleFromHighlight(list[0]!, list[0]!.updatedAt);
    groups.push({ article, questions: groupByQuestion(article, list), count: list.length, score: 0 });
    filed += list.length;
    if (filed >= ROWS_PER_STEP) {
      filed = 0;
      yield;
    }
  }
  return groups.sort(compareBySort(sort));
}

/** Every highlight's place in grouped interviews, in shown order: what narrowing to search hits walks. */
export interface Placement {
  /** Highlight id → its index in the arrays below. */
  index: Map<string, number>;
  highlight: Highlight[];
  group: Uint32Array;
  question: Uint32Array;
}

export function placeHighlights(groups: readonly InterviewGroup[]): Placement {
  return runSteps(placeHighlightsSteps(groups));
}

export function* placeHighlightsSteps(groups: readonly InterviewGroup[]): Steps<Placement> {
  const highlight: Highlight[] = [];
  const group: number[] = [];
  const question: number[] = [];
  const index = new Map<string, number>();
  for (let gi = 0; gi < groups.length; gi++) {
    const g = groups[gi]!;
    for (let qi = 0; qi < g.questions.length; qi++) {
      for (const h of g.questions[qi]!.highlights) {
        index.set(h.id, highlight.length);
        highlight.push(h);
        group.push(gi);
        question.push(qi);
        if (highlight.length % ROWS_PER_STEP === 0) yield;
      }
    }
  }
  return { index, highlight, group: Uint32Array.from(group), question: Uint32Array.from(question) };
}

/**
 * The groups cut down to search hits, the interview with the best hit first
 * (equal scores keep the given order). Rows keep their page order, so a search
 * regroups and sorts no highlights: it looks up each hit's place and keeps it.
 */
export function narrowToHits(
  groups: readonly InterviewGroup[],
  hits: ReadonlyMap<string, { score: number }>,
  placement: Placement = placeHighlights(groups),
): InterviewGroup[] {
  const places: number[] = [];
  const scores = new Float64Array(placement.highlight.length);
  hits.forEach((hit, id) => {
    const i = placement.index.get(id);
    if (i === undefined) return;
    places.push(i);
    scores[i] = hit.score;
  });
  const order = Uint32Array.from(places).sort();
  const out: InterviewGroup[] = [];
  let current: InterviewGroup | null = null;
  let kept: Highlight[] = [];
  let lastGroup = -1;
  let lastQuestion = -1;
  for (const i of order) {
    const gi = placement.group[i]!;
    const qi = placement.question[i]!;
    const g = groups[gi]!;
    if (!current || gi !== lastGroup) {
      current = { article: g.article, questions: [], count: 0, score: 0 };
      out.push(current);
      lastGroup = gi;
      lastQuestion = -1;
    }
    if (qi !== lastQuestion) {
      kept = [];
      const q = g.questions[qi]!;
      current.questions.push({ key: q.key, question: q.question, highlights: kept });
      lastQuestion = qi;
    }
    kept.push(placement.highlight[i]!);
    current.count++;
    if (scores[i]! > current.score) current.score = scores[i]!;
  }
  // sort is stable: interviews with equal scores stay in the chosen sort.
  return out.sort((a, b) => b.score - a.score);
}

export type Row =
  | { kind: 'article'; key: string; group: InterviewGroup }
  | { kind: 'question'; key: string; question: string | null }
  | { kind: 'highlight'; key: string; highlight: Highlight; article: Article };

// Rows are made again on every search; reusing each highlight's row object
// (while its article is the same) spares 10,000 allocations a keystroke.
const highlightRows = new WeakMap<Highlight, Extract<Row, { kind: 'highlight' }>>();

/** The flat list of rows the virtual list windows over. */
export function flattenRows(groups: readonly InterviewGroup[]): Row[] {
  return runSteps(flattenRowsSteps(groups));
}

export function* flattenRowsSteps(groups: readonly InterviewGroup[]): Steps<Row[]> {
  const rows: Row[] = [];
  let since = 0;
  for (const g of groups) {
    if (since >= ROWS_PER_STEP) {
      since = 0;
      yield;
    }
    since += g.count;
    const key = g.article.key;
    rows.push({ kind: 'article', key: `a:${key}`, group: g });
    for (const q of g.questions) {
      rows.push({ kind: 'question', key: `q:${key}:${q.key}`, question: q.question });
      for (const h of q.highlights) {
        let row = highlightRows.get(h);
        if (!row || row.article !== g.article) {
          row = { kind: 'highlight', key: `h:${h.id}`, highlight: h, article: g.article };
          highlightRows.set(h, row);
        }
        rows.push(row);
      }
    }
  }
  return rows;
}

/** Highlight ids in the order they are shown: the order shift-click ranges run over. */
export function visibleOrder(groups: readonly InterviewGroup[]): string[] {
  const ids: string[] = [];
  for (const g of groups) for (const q of g.questions) for (const h of q.highlights) ids.push(h.id);
  return ids;
}

/** The whole (filtered) library as the list shows it when nothing is searched. */
export interface Listing {
  groups: InterviewGroup[];
  placement: Placement;
  rows: Row[];
  /** visibleOrder(groups): the placement's highlights, by id. */
  order: string[];
}

export function* listingSteps(
  articles: ReadonlyMap<string, Article>,
  highlights: readonly Highlight[],
  sort: ArticleSort,
): Steps<Listing> {
  const groups = yield* groupLibrarySteps(articles, highlights, sort);
  const placement = yield* placeHighlightsSteps(groups);
  const rows = yield* flattenRowsSteps(groups);
  yield;
  return { groups, placement, rows, order: placement.highlight.map((h) => h.id) };
}
