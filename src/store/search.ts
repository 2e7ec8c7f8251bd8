// Full-text search over the library, in memory.
//
// Why in memory: a query is retyped on every keystroke and must rank every
// match, so it needs every candidate row anyway. Reading 10,000 rows out of
// IndexedDB per keystroke costs far more than the scoring; holding prepared
// words for them costs a few megabytes. The Library builds this index once,
// patches it after its own writes, and rebuilds it lazily after writes made
// elsewhere (see search-cache.ts).

import { runSliced, runSteps, sortSteps, type Steps } from '../anchor';
import type { Article, Highlight } from '../types';
import { personLine } from './person';
import { TYPO_MIN_LENGTH, typoPrefix } from './typo';
import { originalPrefixLength, tokenize, words } from './words';

/** 'interviewee' is the article's person line (name, role, team: src/store/person.ts); 'speaker' the highlight's own. */
export type SearchField = 'title' | 'interviewee' | 'question' | 'tag' | 'quote' | 'note' | 'speaker';

/**
 * What to find. Filters (site, tag, interviewee, dates, note, orphaned) are the
 * library page's, over the rows it holds (options/logic/apply-filters.ts); the
 * store ranks text.
 */
export interface LibraryQuery {
  /**
   * Words to find; each must start some word of the highlight, its note,
   * question, tags, speaker, or its article's title or interviewee (name, role,
   * team). A word of five letters or more may be one edit off (src/store/typo.ts).
   */
  text?: string;
  /** At most this many hits; `total` still counts them all. */
  limit?: number;
}

export interface SearchMatch {
  field: SearchField;
  /** For field 'tag': which of highlight.tags. */
  index?: number;
  /** UTF-16 offsets into that field's original text (article.title, personLine(subject), highlight.question, the tag, quote, note or speaker). */
  start: number;
  end: number;
}

export interface SearchHit {
  /** The highlight's id. */
  readonly id: string;
  highlight: Highlight;
  article: Article;
  score: number;
  matches: SearchMatch[];
}

/** How an index numbers its highlights: the same object while the index does not change. */
export interface Slotting {
  /** Slots run 0 … size − 1. */
  readonly size: number;
  idOf(slot: number): string;
}

/**
 * A search's hits as numbers: a common word hits half of 100,000 highlights,
 * and a reader that lays them all out (the library page) needs only each
 * one's highlight and score, so no object is made per hit until `hit` asks.
 */
export interface RankedHits<H = SearchHit> {
  /** Hits kept, after `limit`. */
  readonly length: number;
  /** Per hit, best first: its highlight's slot in `slotting`. */
  readonly slots: ArrayLike<number>;
  /** Per hit, best first. */
  readonly scores: ArrayLike<number>;
  /** What slots number, kept by identity: a reader may keep what it works out per slot while this is the same. */
  readonly slotting: Slotting;
  /** The k-th best hit; the same object each time it is asked for. */
  hit(k: number): H;
}

export interface SearchResult {
  /** The hits as objects, made on first read; `ranked` holds the same hits without them. */
  readonly hits: SearchHit[];
  readonly ranked: RankedHits;
  /** Hits before `limit` was applied. */
  readonly total: number;
  /** The normalised query words. */
  readonly terms: string[];
}

/**
 * Per query word: an exact word beats any prefix hit, which beats a word one
 * typo away; then title, question, tags, the interviewee and the speaker beat
 * the quote, which beats the note.
 */
const WEIGHT: Record<SearchField, number> = {
  title: 3,
  interviewee: 3,
  question: 3,
  tag: 3,
  quote: 2,
  note: 1,
  speaker: 3,
};
// Each grade beats the one below in any field: × weight 1 it is still more than the lower grade × weight 3.
const TYPO = 1;
const PREFIX = 4;
const EXACT = 16;
/** Each extra occurrence adds a little, so more mentions rank higher without outweighing a better field. */
const OCCURRENCE_BONUS = 0.05;
const MAX_OCCURRENCES = 20;

/**
 * Words become small integers once, at index time; a query turns each of its
 * words into a table "word id → grade" (exact, prefix, none) by a binary search
 * over the sorted vocabulary, so scoring a highlight is integer lookups only.
 */
const NO_IDS = new Uint32Array(0);

class Vocabulary {
  private readonly ids = new Map<string, number>();
  private readonly list: string[] = [];
  private sorted: number[] | null = null;

  get size(): number {
    return this.list.length;
  }

  idOf(w: string): number {
    let id = this.ids.get(w);
    if (id === undefined) {
      id = this.list.length;
      this.list.push(w);
      this.ids.set(w, id);
      this.sorted = null;
    }
    return id;
  }

  idsOf(ws: readonly string[]): Uint32Array {
    // Most notes and speakers are empty: one shared array, not 100,000 of them.
    if (ws.length === 0) return NO_IDS;
    const out = new Uint32Array(ws.length);
    for (let i = 0; i < ws.length; i++) out[i] = this.idOf(ws[i]!);
    return out;
  }

  /** The known words a query term grades, as [word id, grade] pairs; empty when none. */
  matching(term: string): [number, number][] {
    const sorted = (this.sorted ??= this.list
      .map((_, i) => i)
      .sort((a, b) => (this.list[a]! < this.list[b]! ? -1 : 1)));
    const out: [number, number][] = [];
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.list[sorted[mid]!]! < term) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < sorted.length; i++) {
      const w = this.list[sorted[i]!]!;
      if (!w.startsWith(term)) break;
      out.push([sorted[i]!, w.length === term.length ? EXACT : PREFIX]);
    }
    if (term.length < TYPO_MIN_LENGTH) return out;
    // One typo: the whole vocabulary is read, a few milliseconds at 100,000 words.
    for (let id = 0; id < this.list.length; id++) {
      const w = this.list[id]!;
      if (!w.startsWith(term) && typoPrefix(term, w) > 0) out.push([id, TYPO]);
    }
    return out;
  }
}

interface PreparedArticle {
  article: Article;
  title: Uint32Array;
  interviewee: Uint32Array;
}

interface PreparedHighlight {
  highlight: Highlight;
  /**
   * Word ids of its tags, quote and note, in that order, are block[tagsAt …
   * quoteAt), [quoteAt … noteAt) and [noteAt … end), in a block shared with
   * other highlights: one typed array per highlight made two heap objects and
   * a buffer each, 300,000 things at 100,000 highlights for every full
   * collection to go over. Quote and note keep repeats, which add to the score.
   */
  block: Uint32Array;
  tagsAt: number;
  quoteAt: number;
  noteAt: number;
  end: number;
  question: Uint32Array;
  speaker: Uint32Array;
}

/**
 * Where highlights' own word ids are kept: fixed blocks filled in turn (a
 * highlight never spans two), not one array grown by doubling, whose last
 * copies at 100,000 highlights moved tens of megabytes in one task. A replaced
 * or deleted highlight's ids stay behind until the pool is compacted, which
 * building the postings does once they are half of it.
 */
class IdPool {
  static readonly BLOCK = 1 << 16;
  private current = new Uint32Array(0);
  private used = 0;
  /** Ids placed, and ids no highlight uses any longer. */
  placed = 0;
  unused = 0;

  /** Room for n ids in one block: the block and where they start. */
  reserve(n: number): { block: Uint32Array; at: number } {
    if (this.used + n > this.current.length) {
      this.current = new Uint32Array(Math.max(IdPool.BLOCK, n));
      this.used = 0;
    }
    const at = this.used;
    this.used += n;
    this.placed += n;
    return { block: this.current, at };
  }

  /** Copies the ids of `rows` into new blocks end to end, moving their offsets with them. */
  compact(rows: Iterable<PreparedHighlight>): void {
    this.current = new Uint32Array(0);
    this.used = 0;
    this.placed = 0;
    this.unused = 0;
    for (const h of rows) {
      const { block, at } = this.reserve(h.end - h.tagsAt);
      block.set(h.block.subarray(h.tagsAt, h.end), at);
      const shift = at - h.tagsAt;
      h.block = block;
      h.tagsAt += shift;
      h.quoteAt += shift;
      h.noteAt += shift;
      h.end += shift;
    }
  }
}

function unique(ws: string[]): string[] {
  return [...new Set(ws)];
}

/** The query's normalised words, each once. */
export function queryTerms(text: string | undefined): string[] {
  return unique(words(text ?? ''));
}

// Field codes in a posting: the low three bits of each entry.
const FIELDS: readonly SearchField[] = [
  'title',
  'interviewee',
  'question',
  'tag',
  'quote',
  'note',
  'speaker',
];
const FIELD_WEIGHT = FIELDS.map((f) => WEIGHT[f]);
const TITLE = 0;
const INTERVIEWEE = 1;
const QUESTION = 2;
const TAG = 3;
const QUOTE = 4;
const NOTE = 5;
const SPEAKER = 6;

/**
 * Where every word occurs, so a query visits only the rows that hold its words
 * instead of scoring the whole library. Entries are `slot << 3 | field`, one
 * per occurrence (repeats add to the score). Title and interviewee words are
 * posted once per article and reach its highlights through `members`.
 */
interface Postings {
  /** Highlight slots: a posting's slot indexes this. Newest first, so ties rank by slot. */
  rows: PreparedHighlight[];
  /** Per highlight slot, its article's slot in `articles`. */
  rowArticle: Uint32Array;
  /** Per article slot, as the index held it when these were built. */
  articles: Article[];
  slotting: Slotting;
  /** Per article slot, its highlights' slots. */
  members: number[][];
  inHighlights: PostingLists;
  inArticles: PostingLists;
  /** Per-slot working arrays a search fills and leaves behind; made on the first search. */
  scratch: Scratch | null;
}

/**
 * A search's per-slot working arrays, kept between searches: made anew each
 * time, they were megabytes a keystroke at 100,000 highlights for the
 * collector to take back, while a reader types.
 */
interface Scratch {
  score: Float64Array;
  occurrences: Uint16Array;
  best: Uint8Array;
  /** Slots the current term reaches, then the slots every term so far reaches. */
  touched: Uint32Array;
  hits: Uint32Array;
  isHit: Uint8Array;
}

function scratchOf(p: Postings): Scratch {
  const n = p.rows.length;
  return (p.scratch ??= {
    score: new Float64Array(n),
    occurrences: new Uint16Array(n),
    best: new Uint8Array(n),
    touched: new Uint32Array(n),
    hits: new Uint32Array(n),
    isHit: new Uint8Array(n),
  });
}

/**
 * Per word id w, its entries are entries[offsets[w] … offsets[w + 1]): counted
 * first, then filled, in two typed arrays rather than an array per word, whose
 * growth left garbage and whose millions of entries sat on the JS heap.
 */
interface PostingLists {
  offsets: Uint32Array;
  entries: Uint32Array;
}

/** Fills PostingLists over a vocabulary of `words` ids: count every list, then post. */
class PostingsBuilder {
  private readonly offsets: Uint32Array;
  private next: Uint32Array | null = null;
  private entries: Uint32Array | null = null;

  constructor(words: number) {
    this.offsets = new Uint32Array(words + 1);
  }

  /** Counts ids[from … to). */
  count(ids: Uint32Array, from = 0, to = ids.length): void {
    for (let i = from; i < to; i++) this.offsets[ids[i]! + 1]!++;
  }

  /** Posts ids[from … to) as `entry`; every count comes before the first post. */
  post(ids: Uint32Array, entry: number, from = 0, to = ids.length): void {
    if (!this.entries) {
      for (let w = 1; w < this.offsets.length; w++) this.offsets[w]! += this.offsets[w - 1]!;
      this.entries = new Uint32Array(this.offsets[this.offsets.length - 1]!);
      this.next = this.offsets.slice(0, -1);
    }
    const next = this.next!;
    for (let i = from; i < to; i++) this.entries[next[ids[i]!]!++] = entry;
  }

  lists(): PostingLists {
    return { offsets: this.offsets, entries: this.entries ?? new Uint32Array(0) };
  }
}

/** Rows indexed per step when an index is built in slices: well under a millisecond of work. */
const ROWS_PER_STEP = 64;

function buildPostings(
  articles: Map<string, PreparedArticle>,
  highlights: Map<string, PreparedHighlight>,
  pool: IdPool,
  words: number,
): Postings {
  return runSteps(postingSteps(articles, highlights, pool, words));
}

const newestFirst = (x: PreparedHighlight, y: PreparedHighlight): number =>
  y.highlight.createdAt - x.highlight.createdAt || (x.highlight.id < y.highlight.id ? -1 : 1);

/** `words`: the vocabulary's size, above every word id the rows hold. */
function* postingSteps(
  articles: Map<string, PreparedArticle>,
  highlights: Map<string, PreparedHighlight>,
  pool: IdPool,
  words: number,
): Steps<Postings> {
  if (pool.unused * 2 > pool.placed) pool.compact(highlights.values());
  const sorted = yield* sortSteps([...highlights.values()], newestFirst);
  const rows: PreparedHighlight[] = [];
  const rowArticle = new Uint32Array(highlights.size);
  const members: number[][] = [];
  const inArticles = new PostingsBuilder(words);
  const inHighlights = new PostingsBuilder(words);
  const articleSlot = new Map<string, number>();
  const prepared = [...articles.values()];
  for (const a of prepared) {
    articleSlot.set(a.article.key, members.length);
    members.push([]);
    inArticles.count(a.title);
    inArticles.count(a.interviewee);
  }
  for (let slot = 0; slot < prepared.length; slot++) {
    const a = prepared[slot]!;
    inArticles.post(a.title, (slot << 3) | TITLE);
    inArticles.post(a.interviewee, (slot << 3) | INTERVIEWEE);
  }
  yield;
  for (let i = 0; i < sorted.length; i++) {
    if (i % ROWS_PER_STEP === 0) yield;
    const h = sorted[i]!;
    // A highlight whose article row is missing is never a hit.
    const as = articleSlot.get(h.highlight.articleKey);
    if (as === undefined) continue;
    const slot = rows.length;
    rows.push(h);
    rowArticle[slot] = as;
    members[as]!.push(slot);
    inHighlights.count(h.question);
    inHighlights.count(h.block, h.tagsAt, h.end);
    inHighlights.count(h.speaker);
  }
  // Filled in the order counted: each word's entries run by slot, then field.
  for (let slot = 0; slot < rows.length; slot++) {
    if (slot % ROWS_PER_STEP === 0) yield;
    const h = rows[slot]!;
    inHighlights.post(h.question, (slot << 3) | QUESTION);
    inHighlights.post(h.block, (slot << 3) | TAG, h.tagsAt, h.quoteAt);
    inHighlights.post(h.block, (slot << 3) | QUOTE, h.quoteAt, h.noteAt);
    inHighlights.post(h.block, (slot << 3) | NOTE, h.noteAt, h.end);
    inHighlights.post(h.speaker, (slot << 3) | SPEAKER);
  }
  return {
    rows,
    rowArticle,
    articles: prepared.map((a) => a.article),
    slotting: { size: rows.length, idOf: (slot) => rows[slot]!.highlight.id },
    members,
    inHighlights: inHighlights.lists(),
    inArticles: inArticles.lists(),
    scratch: null,
  };
}

/**
 * Hit slots best first: score descending, equal scores newest first (slot
 * order). A query's scores take few distinct values, so hits are dealt into
 * one bucket per value, read in slot order, instead of sorted by comparison,
 * which at 50,000 hits was most of a search's time.
 */
function rankSlots(hits: Uint32Array, score: Float64Array, isHit: Uint8Array): Uint32Array {
  const values = new Float64Array(hits.length);
  for (let i = 0; i < hits.length; i++) values[i] = score[hits[i]!]!;
  values.sort();
  // Distinct scores, best first.
  const levels: number[] = [];
  for (let i = values.length - 1; i >= 0; i--)
    if (levels[levels.length - 1] !== values[i]) levels.push(values[i]!);
  const levelOf = (v: number): number => {
    let lo = 0;
    let hi = levels.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (levels[mid]! > v) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  isHit.fill(0);
  for (let i = 0; i < hits.length; i++) isHit[hits[i]!] = 1;
  const next = new Uint32Array(levels.length + 1);
  for (let i = 0; i < hits.length; i++) next[levelOf(score[hits[i]!]!) + 1]!++;
  for (let l = 1; l < next.length; l++) next[l]! += next[l - 1]!;
  const out = new Uint32Array(hits.length);
  for (let slot = 0; slot < score.length; slot++)
    if (isHit[slot] === 1) out[next[levelOf(score[slot]!)]!++] = slot;
  return out;
}

/**
 * Scores every highlight that holds all terms: per term its best field grade
 * (exact or prefix × field weight), summed over terms, plus a little per
 * occurrence. Returns the slots (a view of the scratch, valid until the next
 * search) and their scores; non-hits score 0.
 */
function scoreTerms(
  p: Postings,
  termWords: [number, number][][],
): { slots: Uint32Array; score: Float64Array } {
  const { score, occurrences, best, touched, hits } = scratchOf(p);
  score.fill(0);
  occurrences.fill(0);
  let count = 0;
  const own = p.inHighlights;
  const shared = p.inArticles;
  termWords.forEach((matching, t) => {
    best.fill(0);
    let reached = 0;
    for (const [id, grade] of matching) {
      for (let i = own.offsets[id]!; i < own.offsets[id + 1]!; i++) {
        const e = own.entries[i]!;
        const slot = e >>> 3;
        const v = grade * FIELD_WEIGHT[e & 7]!;
        if (best[slot] === 0) touched[reached++] = slot;
        if (v > best[slot]!) best[slot] = v;
        occurrences[slot] = occurrences[slot]! + 1;
      }
      for (let i = shared.offsets[id]!; i < shared.offsets[id + 1]!; i++) {
        const e = shared.entries[i]!;
        const v = grade * FIELD_WEIGHT[e & 7]!;
        for (const slot of p.members[e >>> 3]!) {
          if (best[slot] === 0) touched[reached++] = slot;
          if (v > best[slot]!) best[slot] = v;
          occurrences[slot] = occurrences[slot]! + 1;
        }
      }
    }
    if (t === 0) {
      hits.set(touched.subarray(0, reached));
      count = reached;
    } else {
      // Kept: the slots every earlier term reached that this one reaches too.
      let kept = 0;
      for (let k = 0; k < count; k++) if (best[hits[k]!]! > 0) hits[kept++] = hits[k]!;
      count = kept;
    }
    for (let k = 0; k < count; k++) score[hits[k]!] = score[hits[k]!]! + best[hits[k]!]!;
  });
  const slots = hits.subarray(0, count);
  for (const s of slots) score[s] = score[s]! + OCCURRENCE_BONUS * Math.min(occurrences[s]!, MAX_OCCURRENCES);
  return { slots, score };
}

/** Where the terms occur in one field's original text. */
export function matchesIn(text: string, terms: string[], field: SearchField, index?: number): SearchMatch[] {
  const out: SearchMatch[] = [];
  if (!text || terms.length === 0) return out;
  for (const tok of tokenize(text)) {
    let longest = 0;
    for (const t of terms) if (t.length > longest && tok.word.startsWith(t)) longest = t.length;
    // No term starts the word: one that is a typo away marks as much as it covers.
    if (longest === 0) for (const t of terms) longest = Math.max(longest, typoPrefix(t, tok.word));
    if (longest === 0) continue;
    const len =
      longest === tok.word.length
        ? tok.end - tok.start
        : originalPrefixLength(text.slice(tok.start, tok.end), longest);
    const m: SearchMatch = { field, start: tok.start, end: tok.start + len };
    if (index !== undefined) m.index = index;
    out.push(m);
  }
  return out;
}

function allMatches(terms: string[], h: Highlight, a: Article): SearchMatch[] {
  return [
    ...matchesIn(a.title, terms, 'title'),
    ...matchesIn(personLine(a.subject), terms, 'interviewee'),
    ...matchesIn(h.question ?? '', terms, 'question'),
    ...h.tags.flatMap((t, i) => matchesIn(t, terms, 'tag', i)),
    ...matchesIn(h.quote, terms, 'quote'),
    ...matchesIn(h.note, terms, 'note'),
    ...matchesIn(h.speaker ?? '', terms, 'speaker'),
  ];
}

/**
 * A hit whose match offsets are worked out when first read: a one-letter query
 * can hit every highlight, and only the ones on screen need offsets. The
 * getter sits on the prototype, so a hit costs one small object; toJSON keeps
 * the offsets in JSON.
 */
class Hit implements SearchHit {
  private found: SearchMatch[] | undefined;

  constructor(
    readonly highlight: Highlight,
    readonly article: Article,
    readonly score: number,
    private readonly terms: string[],
  ) {}

  get id(): string {
    return this.highlight.id;
  }

  get matches(): SearchMatch[] {
    return (this.found ??= allMatches(this.terms, this.highlight, this.article));
  }

  toJSON(): { highlight: Highlight; article: Article; score: number; matches: SearchMatch[] } {
    return { highlight: this.highlight, article: this.article, score: this.score, matches: this.matches };
  }
}

export class SearchIndex {
  private readonly vocab = new Vocabulary();
  /**
   * Word ids of a question or speaker by its text: many highlights share one,
   * so they share its ids too. Never read back or changed, so an entry that
   * no row uses any longer is only a few words kept.
   */
  private readonly phrases = new Map<string, Uint32Array>();
  private readonly articles = new Map<string, PreparedArticle>();
  private readonly highlights = new Map<string, PreparedHighlight>();
  private readonly pool = new IdPool();
  /** Built on the first search after a change; a burst of writes rebuilds once. */
  private postings: Postings | null = null;

  constructor(articles: Iterable<Article> = [], highlights: Iterable<Highlight> = []) {
    for (const a of articles) this.putArticle(a);
    for (const h of highlights) this.putHighlight(h);
  }

  /**
   * The same index, built in slices that give the thread back between them:
   * 100,000 highlights take seconds to index, and the library page that builds
   * it must go on answering the reader meanwhile.
   */
  static async sliced(articles: Iterable<Article>, highlights: Iterable<Highlight>): Promise<SearchIndex> {
    const index = new SearchIndex();
    await runSliced(index.fillSteps(articles, highlights));
    return index;
  }

  private *fillSteps(articles: Iterable<Article>, highlights: Iterable<Highlight>): Steps<void> {
    let n = 0;
    for (const a of articles) {
      this.putArticle(a);
      if (++n % ROWS_PER_STEP === 0) yield;
    }
    for (const h of highlights) {
      this.putHighlight(h);
      if (++n % ROWS_PER_STEP === 0) yield;
    }
    // The first search would build these at once: build them here, in steps too.
    this.postings = yield* postingSteps(this.articles, this.highlights, this.pool, this.vocab.size);
  }

  get size(): number {
    return this.highlights.size;
  }

  putArticle(a: Article): void {
    this.articles.set(a.key, {
      article: a,
      title: this.vocab.idsOf(unique(words(a.title))),
      interviewee: this.vocab.idsOf(unique(words(personLine(a.subject)))),
    });
    this.postings = null;
  }

  deleteArticle(key: string): void {
    this.articles.delete(key);
    this.postings = null;
  }

  putHighlight(h: Highlight): void {
    this.forget(h.id);
    const tagWords = h.tags.length === 0 ? [] : h.tags.flatMap((t) => words(t));
    const quote = words(h.quote);
    const note = words(h.note);
    const n = tagWords.length + quote.length + note.length;
    const { block, at } = this.pool.reserve(n);
    let i = at;
    for (const ws of [tagWords, quote, note]) for (const w of ws) block[i++] = this.vocab.idOf(w);
    this.highlights.set(h.id, {
      highlight: h,
      block,
      tagsAt: at,
      quoteAt: at + tagWords.length,
      noteAt: at + tagWords.length + quote.length,
      end: at + n,
      question: this.phraseIds(h.question),
      speaker: this.phraseIds(h.speaker),
    });
    this.postings = null;
  }

  private phraseIds(text: string | null): Uint32Array {
    if (!text) return NO_IDS;
    let ids = this.phrases.get(text);
    if (!ids) {
      ids = this.vocab.idsOf(unique(words(text)));
      this.phrases.set(text, ids);
    }
    return ids;
  }

  deleteHighlight(id: string): void {
    this.forget(id);
    this.postings = null;
  }

  /** Drops a highlight, leaving its stretch of the pool unused. */
  private forget(id: string): void {
    const old = this.highlights.get(id);
    if (!old) return;
    this.pool.unused += old.end - old.tagsAt;
    this.highlights.delete(id);
  }

  search(q: LibraryQuery): SearchResult {
    const terms = queryTerms(q.text);
    const termWords = terms.map((t) => this.vocab.matching(t));
    // A word no saved text starts with matches nothing, whatever the rest.
    if (termWords.some((m) => m.length === 0))
      return new Result(new Ranked(this.postings ?? EMPTY_POSTINGS, NO_SLOTS, NO_SCORES, terms), 0, terms);
    const p = (this.postings ??= buildPostings(this.articles, this.highlights, this.pool, this.vocab.size));
    let ranked: Uint32Array;
    let score: Float64Array;
    if (terms.length > 0) {
      const scored = scoreTerms(p, termWords);
      score = scored.score;
      ranked = rankSlots(scored.slots, score, scratchOf(p).isHit);
    } else {
      ranked = new Uint32Array(p.rows.length);
      for (let i = 0; i < ranked.length; i++) ranked[i] = i;
      score = new Float64Array(p.rows.length);
    }
    const limit =
      q.limit === undefined ? ranked.length : Math.max(0, Math.min(ranked.length, Math.floor(q.limit)));
    const slots = ranked.subarray(0, limit);
    const scores = new Float64Array(limit);
    for (let k = 0; k < limit; k++) scores[k] = score[slots[k]!]!;
    return new Result(new Ranked(p, slots, scores, terms), ranked.length, terms);
  }
}

const NO_SLOTS = new Uint32Array(0);
const NO_SCORES = new Float64Array(0);
const EMPTY_POSTINGS = runSteps(postingSteps(new Map(), new Map(), new IdPool(), 0));

class Ranked implements RankedHits {
  private readonly made = new Map<number, Hit>();

  constructor(
    private readonly p: Postings,
    readonly slots: Uint32Array,
    readonly scores: Float64Array,
    private readonly terms: string[],
  ) {}

  get length(): number {
    return this.slots.length;
  }

  get slotting(): Slotting {
    return this.p.slotting;
  }

  hit(k: number): SearchHit {
    let h = this.made.get(k);
    if (!h) {
      const slot = this.slots[k]!;
      const article = this.p.articles[this.p.rowArticle[slot]!]!;
      h = new Hit(this.p.rows[slot]!.highlight, article, this.scores[k]!, this.terms);
      this.made.set(k, h);
    }
    return h;
  }
}

class Result implements SearchResult {
  private list: SearchHit[] | undefined;

  constructor(
    readonly ranked: RankedHits,
    readonly total: number,
    readonly terms: string[],
  ) {}

  get hits(): SearchHit[] {
    if (!this.list) {
      this.list = [];
      for (let k = 0; k < this.ranked.length; k++) this.list.push(this.ranked.hit(k));
    }
    return this.list;
  }

  toJSON(): { hits: SearchHit[]; total: number; terms: string[] } {
    return { hits: this.hits, total: this.total, terms: this.terms };
  }
}
