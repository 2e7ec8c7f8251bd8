// Approximate search for a quote whose own text was edited, on top of Myers'
// bit-parallel algorithm (approx-string-match). A whole-page search costs
// about (errors / 32) passes over the text, so the error budget is capped; a
// long quote is found by its first and last chunks and then checked whole
// inside the small region they bracket.

import search from 'approx-string-match';

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
  if (quote.length <= LONG_QUOTE) {
    const maxErrors = errorBudget(quote.length, true);
    if (maxErrors < 1) return [];
    return search(text, quote, maxErrors);
  }
  return searchLong(text, quote);
}

function searchLong(text: string, quote: string): FuzzyHit[] {
  const head = quote.slice(0, CHUNK);
  const tail = quote.slice(-CHUNK);
  const chunkErrors = errorBudget(CHUNK, true);
  const heads = search(text, head, chunkErrors);
  const tails = search(text, tail, chunkErrors);
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
    }
  }
  // Edits may have struck one of the chunks; the other still brackets a region.
  if (hits.length === 0) {
    for (const h of heads) hits.push(...searchWindow(text, quote, h.start - CHUNK, h.start + quote.length + slack + CHUNK));
    for (const t of tails) hits.push(...searchWindow(text, quote, t.end - quote.length - slack - CHUNK, t.end + CHUNK));
  }
  return hits;
}
