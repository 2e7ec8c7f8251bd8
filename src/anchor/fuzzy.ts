// Approximate search for a quote whose own text was edited, on top of Myers'
// bit-parallel algorithm (approx-string-match). A whole-page search costs
// about (errors / 32) passes over the text, so the error budget is capped; a
// long quote is found by its first and last chunks and then checked whole
// inside the small region they bracket. A page-wide search is split into
// steps over overlapping stretches of the page (see searchSteps), so a
// multi-megabyte page can be searched without one long task.

import search from 'approx-string-match';
import { runSteps, STEP_CHARS, type Steps } from './steps';

export interface FuzzyHit {
  start: number;
  end: number;
  errors: number;
}

/** Quotes longer than this are searched page-wide by their end chunks. */
export const LONG_QUOTE = 256;
const CHUNK = 64;
/** Error budget that keeps a page-wide search within about two 32-bit blocks. */
const PAGE_WIDE_MAX_ERRORS = 32;
/** In a small window the cost is low, so long quotes may keep a proportional budget. */
const WINDOW_MAX_ERRORS = 256;

/** Most edits a quote of `length` may carry and still be the same quote. */
export function errorBudget(length: number, pageWide: boolean): number {
  return Math.min(pageWide ? PAGE_WIDE_MAX_ERRORS : WINDOW_MAX_ERRORS, Math.floor(length / 4));
}

/** Best approximate matches of `quote` in text[from, to). */
export function searchWindow(text: string, quote: string, from: number, to: number): FuzzyHit[] {
  const lo = Math.max(0, from);
  const hi = Math.min(text.length, to);
  if (hi - lo <= 0) return [];
  const maxErrors = errorBudget(quote.length, false);
  if (maxErrors < 1) return [];
  return search(text.slice(lo, hi), quote, maxErrors).map((m) => ({
    start: m.start + lo,
    end: m.end + lo,
    errors: m.errors,
  }));
}

/** Best approximate matches of `quote` anywhere in `text`. */
export function searchPage(text: string, quote: string): FuzzyHit[] {
  return runSteps(searchPageSteps(text, quote));
}

/** searchPage, pausing between stretches of the page. */
export function* searchPageSteps(text: string, quote: string): Steps<FuzzyHit[]> {
  if (quote.length <= LONG_QUOTE) {
    const maxErrors = errorBudget(quote.length, true);
    if (maxErrors < 1) return [];
    return yield* searchSteps(text, quote, maxErrors);
  }
  return yield* searchLong(text, quote);
}

/**
 * The same matches as search(text, pattern, maxErrors), found one stretch of
 * `stepChars` at a time. Each stretch is searched together with the
 * pattern.length + maxErrors characters before it (the longest a match within
 * budget can be), so every match ending in the stretch is seen whole, with the
 * error count a whole-text search gives it; a match is kept by the stretch it
 * ends in. Like search(), only the matches with the fewest errors are answered.
 */
export function* searchSteps(
  text: string,
  pattern: string,
  maxErrors: number,
  stepChars = STEP_CHARS,
): Steps<FuzzyHit[]> {
  const overlap = pattern.length + maxErrors;
  const step = Math.max(1, stepChars);
  let best = maxErrors;
  let hits: FuzzyHit[] = [];
  for (let lo = 0; lo < text.length; lo += step) {
    if (lo > 0) yield;
    const from = Math.max(0, lo - overlap);
    // Later stretches only need matches as good as the best so far, which also narrows the scan.
    for (const m of search(text.slice(from, Math.min(text.length, lo + step)), pattern, best)) {
      const end = m.end + from;
      if (end <= lo) continue; // ends in the overlap: the stretch before already has it
      if (m.errors < best) {
        best = m.errors;
        hits = [];
      }
      hits.push({ start: m.start + from, end, errors: m.errors });
    }
  }
  return hits;
}

function* searchLong(text: string, quote: string): Steps<FuzzyHit[]> {
  const head = quote.slice(0, CHUNK);
  const tail = quote.slice(-CHUNK);
  // 16: a chunk's quarter is under both caps, so page-wide or not makes no difference here.
  const chunkErrors = errorBudget(CHUNK, true);
  const heads = yield* searchSteps(text, head, chunkErrors);
  const tails = yield* searchSteps(text, tail, chunkErrors);
  // The quote may have grown or shrunk by the edits it is allowed.
  const slack = errorBudget(quote.length, false);
  const hits: FuzzyHit[] = [];
  const seen = new Set<number>();
  for (const h of heads) {
    for (const t of tails) {
      const span = t.end - h.start;
      if (Math.abs(span - quote.length) > slack) continue;
      if (seen.has(h.start)) continue;
      seen.add(h.start);
      for (const hit of searchWindow(text, quote, h.start - CHUNK, t.end + CHUNK)) hits.push(hit);
      // A quote repeated all over the page brackets many regions; each is a small search.
      yield;
    }
  }
  // Edits may have struck one of the chunks; the other still brackets a region.
  if (hits.length === 0) {
    for (const h of heads) {
      hits.push(...searchWindow(text, quote, h.start - CHUNK, h.start + quote.length + slack + CHUNK));
      yield;
    }
    for (const t of tails) {
      hits.push(...searchWindow(text, quote, t.end - quote.length - slack - CHUNK, t.end + CHUNK));
      yield;
    }
  }
  return hits;
}
