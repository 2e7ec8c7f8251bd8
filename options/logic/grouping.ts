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
import type { RankedHits, Slotting } from '../../src/store/search';
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
  /** Where its row is in flattenRows(groups), and the row of its question. */
  row: Uint32Array;
  questionRow: Uint32Array;
}

export function placeHighlights(groups: readonly InterviewGroup[]): Placement {
  return runSteps(placeHighlightsSteps(groups));
}

export function* placeHighlightsSteps(groups: readonly InterviewGroup[]): Steps<Placement> {
  const highlight: Highlight[] = [];
  const group: number[] = [];
  const question: number[] = [];
  const row: number[] = [];
  const questionRow: number[] = [];
  const index = new Map<string, number>();
  // Counts rows as flattenRows lays them out: an interview's row, then each question's row and its highlights'.
  let r = 0;
  for (let gi = 0; gi < groups.length; gi++) {
    const g = groups[gi]!;
    r++;
    for (let qi = 0; qi < g.questions.length; qi++) {
      const qr = r++;
      for (const h of g.questions[qi]!.highlights) {
        index.set(h.id, highlight.length);
        highlight.push(h);
        group.push(gi);
        question.push(qi);
        row.push(r++);
        questionRow.push(qr);
        if (highlight.length % ROWS_PER_STEP === 0) yield;
      }
    }
  }
  return {
    index,
    highlight,
    group: Uint32Array.from(group),
    question: Uint32Array.from(question),
    row: Uint32Array.from(row),
    questionRow: Uint32Array.from(questionRow),
  };
}

/** The list cut down to search hits: what a search shows. */
export interface Narrowed<H> {
  groups: InterviewGroup[];
  rows: Row[];
  order: string[];
  /** The hit for a highlight on show. */
  hitOf(id: string): H | undefined;
}

// Per listing, the place of each slot of the search index it was last narrowed
// by: a hit is then placed by two typed-array reads, where looking its id up
// in placement.index (a string-keyed Map of 100,000) was most of a narrowing.
const slotPlaces = new WeakMap<Listing, { slotting: Slotting; places: Int32Array }>();

function placesOf(listing: Listing, slotting: Slotting): Int32Array {
  const known = slotPlaces.get(listing);
  if (known?.slotting === slotting) return known.places;
  const places = new Int32Array(slotting.size);
  const index = listing.placement.index;
  for (let s = 0; s < places.length; s++) places[s] = index.get(slotting.idOf(s)) ?? -1;
  slotPlaces.set(listing, { slotting, places });
  return places;
}

/**
 * The listing cut down to search hits, the interview with the best hit first
 * (equal scores keep the given order). Rows keep their page order and are the
 * listing's own row objects, so a search regroups, sorts and makes no
 * highlight rows: it looks up each hit's place and keeps it.
 */
export function narrowListing<H>(listing: Listing, hits: RankedHits<H>): Narrowed<H> {
  const { placement } = listing;
  // No hits (a word nothing starts with) may come numbered by no index at all: keep the places known.
  const placeOfSlot = hits.length === 0 ? new Int32Array(0) : placesOf(listing, hits.slotting);
  // Per place, the rank of its hit, or -1: a typed array, since an Array of
  // 100,000 holes is kept as a dictionary and is slow to fill.
  const hitAt = new Int32Array(placement.highlight.length).fill(-1);
  for (let k = 0; k < hits.length; k++) {
    const i = placeOfSlot[hits.slots[k]!]!;
    // -1: filtered out of the listing.
    if (i !== -1) hitAt[i] = k;
  }
  const narrowed = narrowPlaces(listing, hitAt, hits.scores);
  return {
    groups: narrowed.groups,
    rows: narrowed.rows,
    get order() {
      return narrowed.order;
    },
    hitOf: (id) => {
      const i = placement.index.get(id);
      const k = i === undefined ? -1 : hitAt[i]!;
      return k === -1 ? undefined : hits.hit(k);
    },
  };
}

/**
 * The groups, rows and order of the places with a hit, interviews by best
 * score. Places are numbered in page order, an interview's places in one run,
 * so one pass over them finds each interview's best score and run, and the
 * rows are laid out from the runs of the interviews kept: no sort of the hits.
 * A search at 100,000 keeps tens of thousands of highlights: an interview's
 * questions and the id order are made when first read (a header on screen,
 * Compare, an export, a selection), not for every interview kept.
 */
function narrowPlaces(
  listing: Listing,
  hitAt: Int32Array,
  scores: ArrayLike<number>,
): Omit<Narrowed<never>, 'hitOf'> {
  const { groups, placement } = listing;
  const best = new Float64Array(groups.length);
  const count = new Uint32Array(groups.length);
  const first = new Int32Array(groups.length).fill(-1);
  const last = new Int32Array(groups.length);
  const kept: number[] = [];
  for (let i = 0; i < hitAt.length; i++) {
    const k = hitAt[i]!;
    if (k === -1) continue;
    const gi = placement.group[i]!;
    if (first[gi] === -1) {
      first[gi] = i;
      kept.push(gi);
    }
    last[gi] = i;
    count[gi]!++;
    const score = scores[k]!;
    if (score > best[gi]!) best[gi] = score;
  }
  // sort is stable: interviews with equal scores stay in the chosen sort.
  kept.sort((a, b) => best[b]! - best[a]!);
  const narrowed: InterviewGroup[] = [];
  const rows: Row[] = [];
  for (const gi of kept) {
    const g = groups[gi]!;
    const from = first[gi]!;
    const to = last[gi]!;
    let questions: QuestionGroup[] | undefined;
    const out: InterviewGroup = {
      article: g.article,
      get questions() {
        return (questions ??= questionsIn(g, placement, hitAt, from, to));
      },
      count: count[gi]!,
      score: best[gi]!,
    };
    narrowed.push(out);
    rows.push({ kind: 'article', key: `a:${g.article.key}`, group: out });
    let lastRow = -1;
    for (let i = from; i <= to; i++) {
      if (hitAt[i] === -1) continue;
      const qr = placement.questionRow[i]!;
      if (qr !== lastRow) rows.push(listing.rows[qr]!);
      lastRow = qr;
      rows.push(listing.rows[placement.row[i]!]!);
    }
  }
  let order: string[] | undefined;
  return {
    groups: narrowed,
    rows,
    get order() {
      if (!order) {
        order = [];
        for (const r of rows) if (r.kind === 'highlight') order.push(r.highlight.id);
      }
      return order;
    },
  };
}

/** An interview's questions cut down to the places in [from, to] with a hit. */
function questionsIn(
  g: InterviewGroup,
  placement: Placement,
  hitAt: Int32Array,
  from: number,
  to: number,
): QuestionGroup[] {
  const out: QuestionGroup[] = [];
  let lastQuestion = -1;
  let highlights: Highlight[] = [];
  for (let i = from; i <= to; i++) {
    if (hitAt[i] === -1) continue;
    const qi = placement.question[i]!;
    if (qi !== lastQuestion) {
      const q = g.questions[qi]!;
      highlights = [];
      out.push({ key: q.key, question: q.question, highlights });
      lastQuestion = qi;
    }
    highlights.push(placement.highlight[i]!);
  }
  return out;
}

/** Hits already in a list, best first, ranked as the store ranks them: for callers that are not the store. */
export function rankedList<H extends { id: string; score: number }>(hits: readonly H[]): RankedHits<H> {
  const slots = new Uint32Array(hits.length);
  for (let k = 0; k < slots.length; k++) slots[k] = k;
  return {
    length: hits.length,
    slots,
    scores: hits.map((h) => h.score),
    slotting: { size: hits.length, idOf: (slot) => hits[slot]!.id },
    hit: (k) => hits[k]!,
  };
}

/** narrowListing's groups for groups alone. */
export function narrowToHits(
  groups: readonly InterviewGroup[],
  hits: ReadonlyMap<string, { score: number }>,
): InterviewGroup[] {
  const listing = runSteps(listingOf(groups));
  return narrowListing(listing, rankedList([...hits].map(([id, h]) => ({ id, score: h.score })))).groups;
}

export type Row =
  | { kind: 'article'; key: string; group: InterviewGroup }
  | { kind: 'question'; key: string; question: string | null }
  | { kind: 'highlight'; key: string; highlight: Highlight; article: Article };

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
      // A row per highlight each time, kept by no WeakMap: a search reuses the
      // listing's rows (narrowListing), and a WeakMap over 100,000 highlights
      // made each full garbage collection spend some 200 ms marking it.
      for (const h of q.highlights)
        rows.push({ kind: 'highlight', key: `h:${h.id}`, highlight: h, article: g.article });
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
  groups: readonly InterviewGroup[];
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
  return yield* listingOf(yield* groupLibrarySteps(articles, highlights, sort));
}

function* listingOf(groups: readonly InterviewGroup[]): Steps<Listing> {
  const placement = yield* placeHighlightsSteps(groups);
  const rows = yield* flattenRowsSteps(groups);
  yield;
  return { groups, placement, rows, order: placement.highlight.map((h) => h.id) };
}
