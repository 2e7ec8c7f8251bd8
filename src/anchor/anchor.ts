// Selectors → a place in the page's text, through a chain that tries the cheap
// and certain first: the saved position checked against the saved quote, the
// quote verbatim, the quote through typographic normalisation, and last an
// approximate search. Every candidate is scored on the quote, its context and
// its distance from where it was expected; what scores too low is orphaned,
// because a highlight painted on the wrong words is worse than a missing one.

import type { Selector, TextPositionSelector, TextQuoteSelector } from '../types';
import { searchPageSteps, searchWindow, type FuzzyHit } from './fuzzy';
import { normalize, normalizeWithMap, normalizeWithMapSteps, type NormalizedText } from './normalize';
import { runSteps, type Steps } from './steps';
import { textSimilarity } from './similarity';
import { rangeFromOffsets, type TextIndex } from './text-index';
import { yieldToMain } from './yield';

export type AnchorMethod = 'position' | 'quote' | 'fuzzy';

export interface AnchorMatch {
  start: number;
  end: number;
  method: AnchorMethod;
  /** 0..1: how well the place agrees with the quote, its context and its expected position. */
  score: number;
}

export interface AnchorOptions {
  /** Where the quote is expected to start now; defaults to the position selector's start. */
  hint?: number;
}

// Hypothesis-like weights, except that position counts for more: pages change
// locally, so a lightly edited quote where it was beats an untouched copy of it
// far away (a pull quote, a repeated block), unless the context says otherwise.
const QUOTE_WEIGHT = 50;
const PREFIX_WEIGHT = 20;
const SUFFIX_WEIGHT = 20;
const POSITION_WEIGHT = 30;
const TOTAL_WEIGHT = QUOTE_WEIGHT + PREFIX_WEIGHT + SUFFIX_WEIGHT + POSITION_WEIGHT;
/** Distance (characters) at which the position score has halved. */
const POSITION_SCALE = 1000;
/** Below this score a candidate is not the quote's place. */
const MIN_SCORE = 0.6;
/** An approximate match must also sit in recognisably the same surroundings. */
const MIN_FUZZY_CONTEXT = 0.35;
/** A verbatim quote at least this long is evidence enough on its own. */
const SELF_EVIDENT_LENGTH = 32;
/** Shorter quotes found at their old place must also agree with their context there. */
const SHORT_QUOTE = 16;
/** How far either side of the expected place the local searches look: first close, then near. */
const CLOSE = 256;
const NEAR = 2048;
/** Occurrences of a very common quote beyond this many are not considered. */
const MAX_OCCURRENCES = 2000;
/** A placement scoring this much is sure enough to end the search nearby, and for anchorAll to carry its shift. */
const CONFIDENT = 0.9;

interface Candidate {
  start: number;
  end: number;
  method: AnchorMethod;
  quoteScore: number;
}

interface Scored extends Candidate {
  score: number;
  context: number;
}

function isQuote(s: Selector): s is TextQuoteSelector {
  return s.type === 'TextQuoteSelector';
}

function isPosition(s: Selector): s is TextPositionSelector {
  return s.type === 'TextPositionSelector';
}

const normalized = new WeakMap<TextIndex, NormalizedText>();

/** The index's text in normal form, built once per index and only when first needed. */
export function normalizedText(index: TextIndex): NormalizedText {
  return runSteps(normalizedTextSteps(index));
}

function* normalizedTextSteps(index: TextIndex): Steps<NormalizedText> {
  let n = normalized.get(index);
  if (!n) {
    n = yield* normalizeWithMapSteps(index.text);
    normalized.set(index, n);
  }
  return n;
}

class Scorer {
  constructor(
    private readonly text: string,
    private readonly quote: TextQuoteSelector,
    private readonly expected: number | null,
  ) {}

  context(start: number, end: number): number {
    const { prefix, suffix } = this.quote;
    const before = this.text.slice(Math.max(0, start - prefix.length), start);
    const after = this.text.slice(end, end + suffix.length);
    // An empty saved side means the quote touched the end of the text; elsewhere that side is unknown.
    const p = prefix === '' ? (start === 0 ? 1 : 0.5) : textSimilarity(prefix, before);
    const s = suffix === '' ? (end === this.text.length ? 1 : 0.5) : textSimilarity(suffix, after);
    return (p + s) / 2;
  }

  position(start: number): number {
    if (this.expected === null) return 0.5;
    return 1 / (1 + Math.abs(start - this.expected) / POSITION_SCALE);
  }

  score(c: Candidate): Scored {
    const context = this.context(c.start, c.end);
    const score =
      (QUOTE_WEIGHT * c.quoteScore +
        (PREFIX_WEIGHT + SUFFIX_WEIGHT) * context +
        POSITION_WEIGHT * this.position(c.start)) /
      TOTAL_WEIGHT;
    return { ...c, score, context };
  }

  acceptable(c: Scored): boolean {
    if (c.method === 'fuzzy') return c.score >= MIN_SCORE && c.context >= MIN_FUZZY_CONTEXT;
    return c.score >= MIN_SCORE || this.quote.exact.length >= SELF_EVIDENT_LENGTH;
  }
}

function best(cands: Scored[]): Scored | null {
  let top: Scored | null = null;
  for (const c of cands) if (!top || c.score > top.score) top = c;
  return top;
}

function toMatch(c: Scored): AnchorMatch {
  return { start: c.start, end: c.end, method: c.method, score: Math.round(c.score * 1000) / 1000 };
}

function exactOccurrences(text: string, exact: string): Candidate[] {
  const out: Candidate[] = [];
  for (let i = text.indexOf(exact); i >= 0 && out.length < MAX_OCCURRENCES; i = text.indexOf(exact, i + 1)) {
    out.push({ start: i, end: i + exact.length, method: 'quote', quoteScore: 1 });
  }
  return out;
}

/** Occurrences of the quote's normal form in text[from, to). */
function normalizedOccurrences(index: TextIndex, exact: string, from: number, to: number): Candidate[] {
  const lo = Math.max(0, from);
  // A window is normalised on the spot; the whole text once per index (normalizedPageOccurrences).
  return occurrencesIn(normalizeWithMap(index.text.slice(lo, Math.min(index.text.length, to))), lo, exact);
}

/** Occurrences of the quote's normal form anywhere in the index's text. */
function* normalizedPageOccurrences(index: TextIndex, exact: string): Steps<Candidate[]> {
  // Only spares building the page's normal form: occurrencesIn refuses a blank quote too.
  if (normalize(exact).trim() === '') return [];
  return occurrencesIn(yield* normalizedTextSteps(index), 0, exact);
}

function occurrencesIn(norm: NormalizedText, lo: number, exact: string): Candidate[] {
  const needle = normalize(exact).trim();
  if (needle === '') return [];
  const out: Candidate[] = [];
  for (
    let i = norm.text.indexOf(needle);
    i >= 0 && out.length < MAX_OCCURRENCES;
    i = norm.text.indexOf(needle, i + 1)
  ) {
    const last = i + needle.length - 1;
    out.push({
      start: lo + (norm.rawStart[i] as number),
      end: lo + (norm.rawEnd[last] as number),
      method: 'quote',
      quoteScore: 1,
    });
  }
  return out;
}

function fuzzyCandidates(hits: FuzzyHit[], length: number): Candidate[] {
  return hits.map((h) => ({
    start: h.start,
    end: h.end,
    method: 'fuzzy',
    quoteScore: 1 - h.errors / length,
  }));
}

/** Where the selectors' quote is in the index's text now, or null when it is gone. */
export function anchorSelectors(
  index: TextIndex,
  selectors: readonly Selector[],
  opts: AnchorOptions = {},
): AnchorMatch | null {
  return runSteps(anchorSteps(index, selectors, opts));
}

/** anchorSelectors, pausing inside the page-wide steps, which on a long page take longer than a frame. */
export function* anchorSteps(
  index: TextIndex,
  selectors: readonly Selector[],
  opts: AnchorOptions = {},
): Steps<AnchorMatch | null> {
  const text = index.text;
  const quote = selectors.find(isQuote);
  const pos = selectors.find(isPosition);
  if (!quote) {
    // Nothing to check a bare position against: take it if it still fits, with low confidence.
    if (pos && pos.start >= 0 && pos.start < pos.end && pos.end <= text.length) {
      return { start: pos.start, end: pos.end, method: 'position', score: 0.5 };
    }
    return null;
  }
  const exact = quote.exact;
  if (exact === '') return null;
  const expected = opts.hint ?? pos?.start ?? null;
  const scorer = new Scorer(text, quote, expected);

  // (1) The saved position (or the caller's expectation) still holds the quote.
  // A short quote could be there by chance, so its context must agree too.
  const shortQuote = exact.length < SHORT_QUOTE;
  if (pos && text.startsWith(exact, pos.start)) {
    if (!shortQuote) return { start: pos.start, end: pos.start + exact.length, method: 'position', score: 1 };
    const c = scorer.score({
      start: pos.start,
      end: pos.start + exact.length,
      method: 'position',
      quoteScore: 1,
    });
    if (c.context >= 0.5) return toMatch(c);
  }
  // A hint equal to the saved start was looked at just above, by the same rule.
  if (expected !== null && expected !== pos?.start && text.startsWith(exact, expected)) {
    const c = scorer.score({ start: expected, end: expected + exact.length, method: 'quote', quoteScore: 1 });
    if (!shortQuote || c.context >= 0.5) return toMatch(c);
  }

  // With these weights a confident score (>= CONFIDENT) already means within
  // about 670 characters of the expected place, so isNear only guards a change of weights.
  const isNear = (c: Candidate): boolean => expected === null || Math.abs(c.start - expected) <= NEAR;
  const found: Scored[] = [];
  const settle = (): AnchorMatch | null => {
    const top = best(found.filter((c) => scorer.acceptable(c)));
    return top ? toMatch(top) : null;
  };
  // Only a confident candidate near the expected place settles the search: an
  // acceptable but doubtful one (a short quote's copy in other surroundings)
  // must not keep the next cheap pass from finding the quote where it was.
  const settledNearby = (): boolean =>
    found.some((c) => isNear(c) && scorer.acceptable(c) && c.score >= CONFIDENT);

  // (2) The quote verbatim, anywhere.
  for (const c of exactOccurrences(text, exact)) found.push(scorer.score(c));
  if (settledNearby()) return settle();

  // (3) The quote through typographic and white-space normalisation, near the
  // expected place; the whole page's normal form is only built when that fails.
  const seen = new Set(found.map((c) => c.start));
  const addNormalized = (cands: Candidate[]): void => {
    for (const c of cands) {
      if (seen.has(c.start)) continue;
      seen.add(c.start);
      found.push(scorer.score(c));
    }
  };
  if (expected !== null) {
    addNormalized(normalizedOccurrences(index, exact, expected - NEAR, expected + exact.length + NEAR));
    if (settledNearby()) return settle();
  }

  // (4) Approximate: near the expected place first, where edits usually are;
  // a tight window costs little and is usually enough, a wider one comes next.
  if (expected !== null) {
    for (const reach of [CLOSE, NEAR]) {
      const hits = searchWindow(text, exact, expected - reach, expected + exact.length + reach);
      for (const c of fuzzyCandidates(hits, exact.length)) found.push(scorer.score(c));
      if (settledNearby()) return settle();
    }
  }

  // (5) Far from where it was: normalised, then approximate, over the whole page.
  if (!found.some((c) => scorer.acceptable(c))) addNormalized(yield* normalizedPageOccurrences(index, exact));
  if (!found.some((c) => scorer.acceptable(c))) {
    for (const c of fuzzyCandidates(yield* searchPageSteps(text, exact), exact.length))
      found.push(scorer.score(c));
  }
  return settle();
}

export interface AnchorItem {
  id: string;
  selectors: readonly Selector[];
}

export interface AnchorAllOptions {
  signal?: AbortSignal;
  /** Longest stretch of work between yields to the page, in milliseconds. */
  sliceMs?: number;
  /** Told the bounds (performance.now()) of each stretch of work done without yielding. */
  onSlice?: (start: number, end: number) => void;
}

const DEFAULT_SLICE_MS = 8;

function abortError(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('Anchoring was aborted.', 'AbortError');
}

function savedStart(item: AnchorItem): number | null {
  const pos = item.selectors.find(isPosition);
  return pos ? pos.start : null;
}

export interface SlicedOptions {
  signal?: AbortSignal;
  /** Longest stretch of work between yields to the page, in milliseconds. */
  sliceMs?: number;
  /** Told the bounds (performance.now()) of each stretch of work done without yielding. */
  onSlice?: (start: number, end: number) => void;
}

/** Runs `steps` in slices of about `sliceMs`, yielding to the page between them. Rejects with the signal's reason when aborted. */
export async function runSliced<T>(steps: Steps<T>, opts: SlicedOptions = {}): Promise<T> {
  const { signal } = opts;
  const sliceMs = Math.max(0, opts.sliceMs ?? DEFAULT_SLICE_MS);
  if (signal?.aborted) throw abortError(signal);
  let sliceStart = performance.now();
  for (let step = steps.next(); ; step = steps.next()) {
    if (step.done) {
      opts.onSlice?.(sliceStart, performance.now());
      return step.value;
    }
    const now = performance.now();
    if (now - sliceStart >= sliceMs) {
      opts.onSlice?.(sliceStart, now);
      await yieldToMain();
      if (signal?.aborted) throw abortError(signal);
      sliceStart = performance.now();
    }
  }
}

/**
 * Anchors many highlights without holding the main thread: work runs in slices
 * of about `sliceMs`, yielding between them. Items are visited in their saved
 * page order so that the shift found for one (text inserted above it) becomes
 * the expected place of the next, which keeps most items on a constant-time path.
 * Rejects with the signal's reason when aborted.
 */
export async function anchorAll(
  index: TextIndex,
  items: readonly AnchorItem[],
  opts: AnchorAllOptions = {},
): Promise<Map<string, AnchorMatch | null>> {
  const { signal } = opts;
  const sliceMs = Math.max(0, opts.sliceMs ?? DEFAULT_SLICE_MS);
  if (signal?.aborted) throw abortError(signal);
  const order = items
    .map((item, i) => ({ item, i, start: savedStart(item) }))
    .sort((a, b) => (a.start ?? Infinity) - (b.start ?? Infinity) || a.i - b.i);
  const results = new Map<string, AnchorMatch | null>();
  let shift = 0;
  let sliceStart = performance.now();
  const pause = async (): Promise<void> => {
    const now = performance.now();
    if (now - sliceStart < sliceMs) return;
    opts.onSlice?.(sliceStart, now);
    await yieldToMain();
    if (signal?.aborted) throw abortError(signal);
    sliceStart = performance.now();
  };
  for (const { item, start } of order) {
    await pause();
    const hint = start === null ? undefined : start + shift;
    // One highlight may need a page-wide search: its steps are paused between, too.
    const steps = anchorSteps(index, item.selectors, hint === undefined ? {} : { hint });
    let step = steps.next();
    while (!step.done) {
      await pause();
      step = steps.next();
    }
    const match = step.value;
    // Only a confident placement sets the shift: one wrong guess carried forward
    // would send every later highlight to the wrong place on a page with repeated text.
    if (match && start !== null && match.score >= CONFIDENT) shift = match.start - start;
    results.set(item.id, match);
  }
  opts.onSlice?.(sliceStart, performance.now());
  return results;
}

/** Live ranges for anchored matches; null stays null (orphaned). */
export function rangesForMatches(
  index: TextIndex,
  matches: ReadonlyMap<string, AnchorMatch | null>,
): Map<string, Range | null> {
  const out = new Map<string, Range | null>();
  for (const [id, m] of matches) out.set(id, m ? rangeFromOffsets(index, m.start, m.end) : null);
  return out;
}
