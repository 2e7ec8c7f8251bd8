// Full-text search over the library, in memory.
//
// Why in memory: a query is retyped on every keystroke and must rank every
// match, so it needs every candidate row anyway. Reading 10,000 rows out of
// IndexedDB per keystroke costs far more than the scoring; holding prepared
// words for them costs a few megabytes. The Library builds this index once,
// patches it after its own writes, and rebuilds it lazily after writes made
// elsewhere (see library.ts). The `words` column in IndexedDB holds the same
// normal forms for index-backed lookups that do not need ranking.

import type { Article, Highlight, Site } from '../types';
import { normalize, originalPrefixLength, tokenize, words } from './words';

export type SearchField = 'title' | 'interviewee' | 'question' | 'tag' | 'quote' | 'note';

export interface LibraryQuery {
  /** Words to find; each must start some word of the highlight, its note, question, tags or its article's title or interviewee. */
  text?: string;
  site?: Site;
  /** One tag, compared ignoring case and accents. */
  tag?: string;
  /** The article's subject name, compared whole, ignoring case and accents. */
  interviewee?: string;
  /**
   * YYYY-MM-DD bounds, inclusive, on the article's published date; a highlight
   * of an article without one is dated by the day it was clipped (UTC).
   */
  from?: string;
  to?: string;
  hasNote?: boolean;
  orphaned?: boolean;
  /** At most this many hits; `total` still counts them all. */
  limit?: number;
}

export interface SearchMatch {
  field: SearchField;
  /** For field 'tag': which of highlight.tags. */
  index?: number;
  /** UTF-16 offsets into that field's original text (article.title, subject.name, highlight.question, the tag, quote or note). */
  start: number;
  end: number;
}

export interface SearchHit {
  highlight: Highlight;
  article: Article;
  score: number;
  matches: SearchMatch[];
}

export interface SearchResult {
  hits: SearchHit[];
  /** Hits before `limit` was applied. */
  total: number;
  /** The normalised query words. */
  terms: string[];
}

export interface Facets {
  tags: { tag: string; count: number }[];
  interviewees: { name: string; count: number }[];
}

/**
 * Per query word: an exact word beats any prefix hit, then title, question,
 * tags and the interviewee beat the quote, which beats the note.
 */
const WEIGHT: Record<SearchField, number> = { title: 3, interviewee: 3, question: 3, tag: 3, quote: 2, note: 1 };
const PREFIX = 1;
const EXACT = 4; // > max weight, so exact-in-note (4) still outranks prefix-in-title (3)
/** Each extra occurrence adds a little, so more mentions rank higher without outweighing a better field. */
const OCCURRENCE_BONUS = 0.05;
const MAX_OCCURRENCES = 20;

/**
 * Words become small integers once, at index time; a query turns each of its
 * words into a table "word id → grade" (exact, prefix, none) by a binary search
 * over the sorted vocabulary, so scoring a highlight is integer lookups only.
 */
class Vocabulary {
  private readonly ids = new Map<string, number>();
  private readonly list: string[] = [];
  private sorted: number[] | null = null;

  get size(): number {
    return this.list.length;
  }

  idsOf(ws: readonly string[]): Uint32Array {
    const out = new Uint32Array(ws.length);
    for (let i = 0; i < ws.length; i++) {
      const w = ws[i]!;
      let id = this.ids.get(w);
      if (id === undefined) {
        id = this.list.length;
        this.list.push(w);
        this.ids.set(w, id);
        this.sorted = null;
      }
      out[i] = id;
    }
    return out;
  }

  /** Grade of every known word against one query term. */
  grades(term: string): Uint8Array {
    const sorted = (this.sorted ??= this.list.map((_, i) => i).sort((a, b) => (this.list[a]! < this.list[b]! ? -1 : 1)));
    const out = new Uint8Array(this.list.length);
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
      out[sorted[i]!] = w.length === term.length ? EXACT : PREFIX;
    }
    return out;
  }
}

interface PreparedArticle {
  article: Article;
  title: Uint32Array;
  interviewee: Uint32Array;
  intervieweeNorm: string;
}

interface PreparedHighlight {
  highlight: Highlight;
  /** Word ids per field; quote and note keep repeats, which add to the score. */
  quote: Uint32Array;
  note: Uint32Array;
  question: Uint32Array;
  tags: Uint32Array[];
  tagNorm: string[];
  clipDay: string;
}

export function clipDay(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 10);
}

function unique(ws: string[]): string[] {
  return [...new Set(ws)];
}

/** The normalised words stored in the `words` index for a highlight. */
export function searchWords(h: Highlight, article: Article | undefined): string[] {
  const all = [h.quote, h.note, h.question ?? '', ...h.tags, article?.title ?? '', article?.subject.name ?? ''];
  return unique(all.flatMap((t) => words(t)));
}

/** The query's normalised words, each once. */
export function queryTerms(text: string | undefined): string[] {
  return unique(words(text ?? ''));
}

/** Adds one field's contribution for one term to `acc` = [best, occurrences]. */
function gradeField(g: Uint8Array, ids: Uint32Array, weight: number, acc: [number, number]): void {
  for (let i = 0; i < ids.length; i++) {
    const x = g[ids[i]!]!;
    if (x === 0) continue;
    acc[1]++;
    if (x * weight > acc[0]) acc[0] = x * weight;
  }
}

function scoreOf(grades: Uint8Array[], a: PreparedArticle, h: PreparedHighlight): number {
  let score = 0;
  const acc: [number, number] = [0, 0];
  for (const g of grades) {
    acc[0] = 0;
    gradeField(g, a.title, WEIGHT.title, acc);
    gradeField(g, a.interviewee, WEIGHT.interviewee, acc);
    gradeField(g, h.question, WEIGHT.question, acc);
    for (const t of h.tags) gradeField(g, t, WEIGHT.tag, acc);
    gradeField(g, h.quote, WEIGHT.quote, acc);
    gradeField(g, h.note, WEIGHT.note, acc);
    if (acc[0] === 0) return 0;
    score += acc[0];
  }
  return score + OCCURRENCE_BONUS * Math.min(acc[1], MAX_OCCURRENCES);
}

/** Where the terms occur in one field's original text. */
export function matchesIn(text: string, terms: string[], field: SearchField, index?: number): SearchMatch[] {
  const out: SearchMatch[] = [];
  if (!text || terms.length === 0) return out;
  for (const tok of tokenize(text)) {
    let longest = 0;
    for (const t of terms) if (t.length > longest && tok.word.startsWith(t)) longest = t.length;
    if (longest === 0) continue;
    const len =
      longest === tok.word.length ? tok.end - tok.start : originalPrefixLength(text.slice(tok.start, tok.end), longest);
    const m: SearchMatch = { field, start: tok.start, end: tok.start + len };
    if (index !== undefined) m.index = index;
    out.push(m);
  }
  return out;
}

function allMatches(terms: string[], h: Highlight, a: Article): SearchMatch[] {
  return [
    ...matchesIn(a.title, terms, 'title'),
    ...matchesIn(a.subject.name ?? '', terms, 'interviewee'),
    ...matchesIn(h.question ?? '', terms, 'question'),
    ...h.tags.flatMap((t, i) => matchesIn(t, terms, 'tag', i)),
    ...matchesIn(h.quote, terms, 'quote'),
    ...matchesIn(h.note, terms, 'note'),
  ];
}

/** Hits up to here get their match offsets at once; later ones on first read. */
const EAGER_MATCHES = 100;

/**
 * A hit with its match offsets. A one-letter query can hit every highlight,
 * and only the ones on screen need offsets, so past the first hundred they are
 * worked out when `matches` is first read (an ordinary enumerable property to
 * the reader: spread, JSON and structured clone all see it).
 */
function makeHit(highlight: Highlight, article: Article, score: number, terms: string[], rank: number): SearchHit {
  if (terms.length === 0) return { highlight, article, score, matches: [] };
  if (rank < EAGER_MATCHES) return { highlight, article, score, matches: allMatches(terms, highlight, article) };
  let matches: SearchMatch[] | undefined;
  const hit = { highlight, article, score } as SearchHit;
  Object.defineProperty(hit, 'matches', {
    enumerable: true,
    get: () => (matches ??= allMatches(terms, highlight, article)),
  });
  return hit;
}

function byRecency(x: { highlight: Highlight }, y: { highlight: Highlight }): number {
  return y.highlight.createdAt - x.highlight.createdAt || (x.highlight.id < y.highlight.id ? -1 : 1);
}

export class SearchIndex {
  private readonly vocab = new Vocabulary();
  private readonly articles = new Map<string, PreparedArticle>();
  private readonly highlights = new Map<string, PreparedHighlight>();

  constructor(articles: Iterable<Article> = [], highlights: Iterable<Highlight> = []) {
    for (const a of articles) this.putArticle(a);
    for (const h of highlights) this.putHighlight(h);
  }

  get size(): number {
    return this.highlights.size;
  }

  putArticle(a: Article): void {
    const name = words(a.subject.name ?? '');
    this.articles.set(a.key, {
      article: a,
      title: this.vocab.idsOf(unique(words(a.title))),
      interviewee: this.vocab.idsOf(unique(name)),
      intervieweeNorm: name.join(' '),
    });
  }

  deleteArticle(key: string): void {
    this.articles.delete(key);
  }

  putHighlight(h: Highlight): void {
    const tagWords = h.tags.map((t) => words(t));
    this.highlights.set(h.id, {
      highlight: h,
      quote: this.vocab.idsOf(words(h.quote)),
      note: this.vocab.idsOf(words(h.note)),
      question: this.vocab.idsOf(unique(words(h.question ?? ''))),
      tags: tagWords.map((w) => this.vocab.idsOf(w)),
      tagNorm: tagWords.map((w) => w.join(' ')),
      clipDay: clipDay(h.createdAt),
    });
  }

  deleteHighlight(id: string): void {
    this.highlights.delete(id);
  }

  search(q: LibraryQuery): SearchResult {
    const terms = queryTerms(q.text);
    const grades = terms.map((t) => this.vocab.grades(t));
    const tag = q.tag === undefined ? undefined : words(q.tag).join(' ');
    const interviewee = q.interviewee === undefined ? undefined : words(q.interviewee).join(' ');
    const scored: { highlight: Highlight; article: Article; score: number }[] = [];
    for (const h of this.highlights.values()) {
      const hl = h.highlight;
      if (q.orphaned !== undefined && hl.orphaned !== q.orphaned) continue;
      if (q.hasNote !== undefined && (hl.note.trim() !== '') !== q.hasNote) continue;
      if (tag !== undefined && !h.tagNorm.includes(tag)) continue;
      const a = this.articles.get(hl.articleKey);
      if (!a) continue;
      if (q.site !== undefined && a.article.site !== q.site) continue;
      if (interviewee !== undefined && a.intervieweeNorm !== interviewee) continue;
      if (q.from !== undefined || q.to !== undefined) {
        const day = a.article.published ?? h.clipDay;
        if (q.from !== undefined && day < q.from) continue;
        if (q.to !== undefined && day > q.to) continue;
      }
      let score = 0;
      if (grades.length > 0) {
        score = scoreOf(grades, a, h);
        if (score === 0) continue;
      }
      scored.push({ highlight: hl, article: a.article, score });
    }
    scored.sort((x, y) => y.score - x.score || byRecency(x, y));
    const limit = q.limit === undefined ? scored.length : Math.max(0, Math.floor(q.limit));
    const hits = scored.slice(0, limit).map((s, i) => makeHit(s.highlight, s.article, s.score, terms, i));
    return { hits, total: scored.length, terms };
  }

  facets(): Facets {
    const tags = new Map<string, { tag: string; count: number }>();
    const people = new Map<string, { name: string; count: number }>();
    for (const h of this.highlights.values()) {
      h.highlight.tags.forEach((t, i) => {
        const k = h.tagNorm[i] ?? normalize(t);
        const e = tags.get(k) ?? { tag: t, count: 0 };
        e.count++;
        tags.set(k, e);
      });
      const a = this.articles.get(h.highlight.articleKey);
      const name = a?.article.subject.name?.trim();
      if (a && name) {
        const e = people.get(a.intervieweeNorm) ?? { name, count: 0 };
        e.count++;
        people.set(a.intervieweeNorm, e);
      }
    }
    const byCount = <T extends { count: number }>(key: (x: T) => string) => (x: T, y: T) =>
      y.count - x.count || key(x).localeCompare(key(y));
    return {
      tags: [...tags.values()].sort(byCount((x) => x.tag)),
      interviewees: [...people.values()].sort(byCount((x) => x.name)),
    };
  }
}
