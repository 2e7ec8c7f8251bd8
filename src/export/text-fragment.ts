// Links that open the page scrolled to the quote and highlight it:
// `URL#:~:text=[prefix-,]start[,end][,-suffix]`.
//
// fragmentFromText is the pure core (page text plus the quote's offsets), usable
// in Node and in the service worker. fragmentFromRange works on a live DOM, with
// text-fragments-polyfill's generator as a checked second opinion.

import {
  GenerateFragmentStatus,
  generateFragmentFromRange,
} from 'text-fragments-polyfill/dist/fragment-generation-utils.js';
import { withoutFragment } from '../url';
import {
  BLOCK_BOUNDARY,
  foldQuery,
  foldText,
  isWordChar,
  locateDirective,
  type DirectiveMatch,
  type FoldedText,
  type TextDirective,
} from './fragment-match';
import { pageTextOf } from './page-text';

export type { TextDirective } from './fragment-match';

/** Quotes longer than this (characters or words) are linked as START,END. */
export const MAX_EXACT_CHARS = 300;
export const MAX_EXACT_WORDS = 40;
/** Words in each of START and END, at first. */
const RANGE_WORDS = 3;
/** How far context and START/END grow before settling for the best attempt. */
const MAX_LEVEL = 12;

/** Percent-encodes a directive term; `-`, `,` and `&` are syntax in a directive and are encoded too. */
export function encodeDirectivePart(text: string): string {
  return encodeURIComponent(text).replace(/-/g, '%2D');
}

export function formatDirective(d: TextDirective): string {
  const parts: string[] = [];
  if (d.prefix) parts.push(`${encodeDirectivePart(d.prefix)}-`);
  parts.push(encodeDirectivePart(d.textStart));
  if (d.textEnd) parts.push(encodeDirectivePart(d.textEnd));
  if (d.suffix) parts.push(`-${encodeDirectivePart(d.suffix)}`);
  return `:~:text=${parts.join(',')}`;
}

/**
 * Longest link we write. A directive matches whole words only, so a quote that
 * starts or ends in one enormous word cannot be shortened: such a link would
 * be megabytes long, so it falls back to the page address alone.
 */
export const MAX_FRAGMENT_URL = 8192;

/** The page address (its own fragment dropped) with the directive. */
export function fragmentUrl(pageUrl: string, d: TextDirective): string {
  const page = withoutFragment(pageUrl);
  const url = `${page}#${formatDirective(d)}`;
  return url.length <= MAX_FRAGMENT_URL ? url : page;
}

interface Token {
  start: number;
  end: number;
}

function tokensIn(text: string, from: number, to: number): Token[] {
  const out: Token[] = [];
  const re = /\S+/gu;
  re.lastIndex = from;
  for (let m = re.exec(text); m && m.index < to; m = re.exec(text)) {
    const end = Math.min(m.index + m[0].length, to);
    if (m[0].includes(BLOCK_BOUNDARY)) {
      // U+2029 is whitespace to \s, so it never lands in a token; kept for safety.
      continue;
    }
    out.push({ start: m.index, end });
  }
  return out;
}

function gapHasBoundary(text: string, from: number, to: number): boolean {
  return text.slice(from, to).includes(BLOCK_BOUNDARY);
}

/** Splits tokens into runs that sit in one block each. */
function blockRuns(text: string, tokens: Token[]): Token[][] {
  const runs: Token[][] = [];
  let run: Token[] = [];
  for (const t of tokens) {
    const prev = run[run.length - 1];
    if (prev && gapHasBoundary(text, prev.end, t.start)) {
      runs.push(run);
      run = [];
    }
    run.push(t);
  }
  if (run.length > 0) runs.push(run);
  return runs;
}

function termOf(text: string, tokens: Token[]): string {
  if (tokens.length === 0) return '';
  return text.slice(tokens[0]!.start, tokens[tokens.length - 1]!.end).replace(/\s+/gu, ' ');
}

/**
 * `count` words of context on one side of [from, to], from the nearest block:
 * when the quote starts (ends) a block, the context is the end (start) of the
 * block before (after) it; it never spans a block boundary.
 */
function contextTokens(text: string, at: number, side: 'before' | 'after', count: number): Token[] {
  if (count <= 0) return [];
  const out: Token[] = [];
  if (side === 'before') {
    let i = at;
    for (;;) {
      const gapEnd = i;
      while (i > 0 && /\s/u.test(text[i - 1]!)) i--;
      if (i === 0) break;
      if (out.length > 0 && gapHasBoundary(text, i, gapEnd)) break;
      let s = i;
      while (s > 0 && !/\s/u.test(text[s - 1]!)) s--;
      out.unshift({ start: s, end: i });
      if (out.length >= count) break;
      i = s;
    }
  } else {
    let i = at;
    for (;;) {
      const gapStart = i;
      while (i < text.length && /\s/u.test(text[i]!)) i++;
      if (i >= text.length) break;
      if (out.length > 0 && gapHasBoundary(text, gapStart, i)) break;
      let e = i;
      while (e < text.length && !/\s/u.test(text[e]!)) e++;
      out.push({ start: i, end: e });
      if (out.length >= count) break;
      i = e;
    }
  }
  return out;
}

/** The quote's range widened to whole words and trimmed of white space, as a browser selects. */
export function wordAlignedRange(text: string, start: number, end: number): { start: number; end: number } {
  let s = Math.max(0, Math.min(start, text.length));
  let e = Math.max(s, Math.min(end, text.length));
  while (s < e && /\s/u.test(text[s]!)) s++;
  while (e > s && /\s/u.test(text[e - 1]!)) e--;
  if (s === e) return { start: s, end: e };
  while (s > 0 && isWordChar(text[s - 1]) && isWordChar(text[s])) s--;
  while (e < text.length && isWordChar(text[e - 1]) && isWordChar(text[e])) e++;
  return { start: s, end: e };
}

function needsRange(text: string, tokens: Token[], runs: Token[][]): boolean {
  if (runs.length > 1) return true;
  if (tokens.length > MAX_EXACT_WORDS) return true;
  return foldQuery(termOf(text, tokens)).length > MAX_EXACT_CHARS;
}

function candidate(
  text: string,
  s: number,
  e: number,
  tokens: Token[],
  runs: Token[][],
  level: number,
  asRange: boolean,
): TextDirective {
  const d: TextDirective = { textStart: '' };
  if (!asRange) {
    d.textStart = termOf(text, tokens);
  } else {
    const first = runs[0]!;
    const last = runs[runs.length - 1]!;
    // In one block, START and END must not overlap.
    const cap = runs.length === 1 ? Math.max(1, Math.floor(first.length / 2)) : Infinity;
    const k = Math.min(RANGE_WORDS + level, cap);
    d.textStart = termOf(text, first.slice(0, Math.min(k, first.length)));
    d.textEnd = termOf(text, last.slice(Math.max(0, last.length - k)));
  }
  const prefix = termOf(text, contextTokens(text, s, 'before', level));
  const suffix = termOf(text, contextTokens(text, e, 'after', level));
  if (prefix) d.prefix = prefix;
  if (suffix) d.suffix = suffix;
  return d;
}

/**
 * The directive for text[start, end) that a browser resolves to exactly that
 * stretch (widened to whole words), with as little context as it takes. When
 * nothing fits, the one with the most context is returned.
 */
export function directiveFromText(
  fullText: string,
  start: number,
  end: number,
  folded: FoldedText = foldText(fullText),
): TextDirective | null {
  const { start: s, end: e } = wordAlignedRange(fullText, start, end);
  const tokens = tokensIn(fullText, s, e);
  if (tokens.length === 0) return null;
  const runs = blockRuns(fullText, tokens);
  const asRange = needsRange(fullText, tokens, runs);
  let last: TextDirective | null = null;
  for (let level = 0; level <= MAX_LEVEL; level++) {
    const d = candidate(fullText, s, e, tokens, runs, level, asRange);
    const hit = locateDirective(folded, d);
    if (hit && hit.start === s && hit.end === e) return d;
    last = d;
  }
  return last;
}

/**
 * `pageUrl#:~:text=…` selecting fullText[start, end) and nothing earlier.
 * fullText is the page's text (e.g. the anchor TextIndex text); U+2029 in it
 * marks block boundaries where known. Without a quote, the page URL alone.
 */
export function fragmentFromText(fullText: string, start: number, end: number, pageUrl: string): string {
  const d = directiveFromText(fullText, start, end);
  return d ? fragmentUrl(pageUrl, d) : withoutFragment(pageUrl);
}

/** Words kept at each end by fallbackFragmentUrl. */
const FALLBACK_WORDS = 4;

/**
 * For a highlight saved without a directive (an import, say): the page has not
 * been seen, so the link is built from the quote alone, the whole quote when it
 * is short and within one paragraph, else the first and last few words.
 */
export function fallbackFragmentUrl(pageUrl: string, quote: string): string {
  const paragraphs = quote
    .split(/\n\s*\n/)
    .map((p) =>
      p
        .trim()
        .split(/\s+/u)
        .filter((w) => w !== ''),
    )
    .filter((words) => words.length > 0);
  if (paragraphs.length === 0) return withoutFragment(pageUrl);
  const first = paragraphs[0]!;
  const last = paragraphs[paragraphs.length - 1]!;
  const whole = first.join(' ');
  if (paragraphs.length === 1 && first.length <= 2 * FALLBACK_WORDS && whole.length <= MAX_EXACT_CHARS) {
    return fragmentUrl(pageUrl, { textStart: whole });
  }
  const k = paragraphs.length === 1 ? Math.min(FALLBACK_WORDS, Math.floor(first.length / 2)) : FALLBACK_WORDS;
  return fragmentUrl(pageUrl, {
    textStart: first.slice(0, Math.max(1, k)).join(' '),
    textEnd: last.slice(-Math.max(1, k)).join(' '),
  });
}

function polyfillDirective(range: Range): TextDirective | null {
  // The generator reads the global document; a range in another document
  // (a DOM built in Node) cannot go through it.
  if (typeof document === 'undefined' || range.startContainer.ownerDocument !== document) return null;
  try {
    const result = generateFragmentFromRange(range.cloneRange());
    if (result.status !== GenerateFragmentStatus.SUCCESS || !result.fragment?.textStart) return null;
    const f = result.fragment;
    return {
      textStart: f.textStart,
      ...(f.textEnd ? { textEnd: f.textEnd } : {}),
      ...(f.prefix ? { prefix: f.prefix } : {}),
      ...(f.suffix ? { suffix: f.suffix } : {}),
    };
  } catch {
    return null;
  }
}

/**
 * A directive link for a live DOM range. Our own generator runs first: it is
 * replayed over the page text by construction, gives the same link as the
 * service worker's fragmentFromText for the same text, and keeps the page's
 * spelling. text-fragments-polyfill's generator is the second opinion for the
 * rare quote ours cannot pin down (it knows word breaks in unspaced scripts);
 * its answer is kept only when the replay confirms it, and its folded terms
 * (lower case, no accents) are written back in the page's own spelling.
 * (Measured in happy-dom the polyfill took 1.1 to 1.6 s per quote, timed out on
 * some, and misplaced ranges that start at element boundaries: first is no place for it.)
 */
export function fragmentFromRange(range: Range, pageUrl: string): string {
  const doc = range.startContainer.ownerDocument ?? (range.startContainer as Document);
  const root = doc.body ?? doc.documentElement;
  if (!root) return withoutFragment(pageUrl);
  const page = pageTextOf(root);
  const start = page.positionOf(range.startContainer, range.startOffset);
  const end = page.positionOf(range.endContainer, range.endOffset);
  if (start === null || end === null || end <= start) return withoutFragment(pageUrl);
  const folded = foldText(page.text);
  const target = wordAlignedRange(page.text, start, end);
  const selects = (d: TextDirective): DirectiveMatch | null => {
    const hit = locateDirective(folded, d);
    return hit && hit.start === target.start && hit.end === target.end ? hit : null;
  };
  const own = directiveFromText(page.text, start, end, folded);
  if (own && selects(own)) return fragmentUrl(pageUrl, own);
  const fromPolyfill = polyfillDirective(range);
  const hit = fromPolyfill ? selects(fromPolyfill) : null;
  if (hit) {
    const spell = (span: [number, number] | undefined): string | undefined =>
      span ? page.text.slice(span[0], span[1]).replace(/\s+/gu, ' ') : undefined;
    const d: TextDirective = { textStart: spell(hit.spans.textStart)! };
    const textEnd = spell(hit.spans.textEnd);
    const prefix = spell(hit.spans.prefix);
    const suffix = spell(hit.spans.suffix);
    if (textEnd) d.textEnd = textEnd;
    if (prefix) d.prefix = prefix;
    if (suffix) d.suffix = suffix;
    return fragmentUrl(pageUrl, d);
  }
  // Neither is confirmed: our best attempt still points at the quote's words.
  return own ? fragmentUrl(pageUrl, own) : withoutFragment(pageUrl);
}
