// How a browser finds a text directive on a page, replayed over the page's text,
// so a directive is only handed out once it is known to select the quote and
// nothing earlier. Follows the "find a range from a text directive" steps of the
// URL Fragment Text Directives spec: case-insensitive, whitespace-insensitive,
// matches start and end on word boundaries, terms never cross a block boundary.

/** Marks a block boundary in page text built from a DOM (see page-text.ts). */
export const BLOCK_BOUNDARY = '\u2029';

export interface TextDirective {
  prefix?: string;
  textStart: string;
  textEnd?: string;
  suffix?: string;
}

/** Page text folded for matching, with each folded character's place in the original. */
export interface FoldedText {
  text: string;
  /** starts[i]: original index where folded character i's code point begins. */
  starts: number[];
  /** ends[i]: original index just after that code point. */
  ends: number[];
}

const COMBINING = /[\u0300-\u036f]/g;

function foldCodePoint(cp: string): string {
  // The polyfill and browsers compare letters without case and without accents.
  return cp.normalize('NFKD').replace(COMBINING, '').toLowerCase();
}

const WHITESPACE = /\s/u;

/** Whitespace runs become one space, or one '\n' where they hold a block boundary. */
export function foldText(raw: string): FoldedText {
  // Runs on every page text a link is made for: ASCII takes a fast path, and
  // the text is built as an array of pieces rather than by repeated concatenation.
  const out: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  let lastSpace = -1; // index in `out` of a trailing collapsed space, or -1
  const n = raw.length;
  let i = 0;
  while (i < n) {
    const c = raw.charCodeAt(i);
    let cp: string;
    let next: number;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
      const d = raw.charCodeAt(i + 1);
      next = d >= 0xdc00 && d <= 0xdfff ? i + 2 : i + 1;
    } else {
      next = i + 1;
    }
    const ascii = c < 0x80;
    const space = ascii ? c === 32 || (c >= 9 && c <= 13) : next === i + 1 && WHITESPACE.test(raw[i]!);
    if (space) {
      const sep = c === 0x2029 ? '\n' : ' ';
      if (lastSpace >= 0) {
        if (sep === '\n') out[lastSpace] = '\n';
        ends[lastSpace] = next;
      } else {
        lastSpace = out.length;
        out.push(sep);
        starts.push(i);
        ends.push(next);
      }
      i = next;
      continue;
    }
    lastSpace = -1;
    if (ascii) {
      out.push(c >= 65 && c <= 90 ? String.fromCharCode(c + 32) : raw[i]!);
      starts.push(i);
      ends.push(next);
    } else {
      cp = raw.slice(i, next);
      const folded = foldCodePoint(cp);
      // A folded code point may be several UTF-16 units; keep the arrays in step with the text.
      for (let k = 0; k < folded.length; k++) {
        out.push(folded[k]!);
        starts.push(i);
        ends.push(next);
      }
    }
    i = next;
  }
  return { text: out.join(''), starts, ends };
}

/** A search term folded the same way, trimmed. */
export function foldQuery(term: string): string {
  return foldText(term.replace(new RegExp(BLOCK_BOUNDARY, 'g'), ' ')).text.trim();
}

// Scripts written without spaces: a browser finds word breaks inside them with a
// dictionary; treating every character edge as a break is the lenient choice.
const UNSPACED =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
const WORDISH = /[\p{L}\p{N}\p{M}]/u;

export function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && WORDISH.test(ch) && !UNSPACED.test(ch);
}

export function isWordBoundary(text: string, i: number): boolean {
  return i <= 0 || i >= text.length || !isWordChar(text[i - 1]) || !isWordChar(text[i]);
}

function find(text: string, term: string, from: number): { start: number; end: number } | null {
  if (term === '') return null;
  let at = text.indexOf(term, from);
  while (at >= 0) {
    const end = at + term.length;
    if (isWordBoundary(text, at) && isWordBoundary(text, end)) return { start: at, end };
    at = text.indexOf(term, at + 1);
  }
  return null;
}

function skipSpace(text: string, i: number): number {
  while (i < text.length && (text[i] === ' ' || text[i] === '\n')) i++;
  return i;
}

function startsHere(text: string, term: string, at: number): boolean {
  return (
    term !== '' &&
    text.startsWith(term, at) &&
    isWordBoundary(text, at) &&
    isWordBoundary(text, at + term.length)
  );
}

type Span = [start: number, end: number];

export interface DirectiveMatch {
  /** Offsets into the original (unfolded) text. */
  start: number;
  end: number;
  spans: { prefix?: Span; textStart: Span; textEnd?: Span; suffix?: Span };
}

/** Where a browser would put the directive on this text; null when it finds nothing. */
export function locateDirective(folded: FoldedText, d: TextDirective): DirectiveMatch | null {
  const T = folded.text;
  const P = d.prefix !== undefined ? foldQuery(d.prefix) : '';
  const S = foldQuery(d.textStart);
  const E = d.textEnd !== undefined ? foldQuery(d.textEnd) : '';
  const X = d.suffix !== undefined ? foldQuery(d.suffix) : '';
  if (S === '') return null;
  const original = (s: number, e: number): Span => [folded.starts[s]!, folded.ends[e - 1]!];

  let searchFrom = 0;
  while (searchFrom < T.length) {
    let ms: number;
    let me: number;
    let prefixSpan: Span | undefined;
    if (P) {
      const p = find(T, P, searchFrom);
      if (!p) return null;
      searchFrom = p.start + 1;
      const at = skipSpace(T, p.end);
      if (!startsHere(T, S, at)) continue;
      prefixSpan = original(p.start, p.end);
      ms = at;
      me = at + S.length;
    } else {
      const s = find(T, S, searchFrom);
      if (!s) return null;
      searchFrom = s.start + 1;
      ms = s.start;
      me = s.end;
    }
    let endFrom = me;
    for (;;) {
      let matchEnd = me;
      let endSpan: Span | undefined;
      if (E) {
        const e = find(T, E, endFrom);
        if (!e) return null;
        matchEnd = e.end;
        endSpan = original(e.start, e.end);
      }
      let suffixSpan: Span | undefined;
      if (X) {
        const at = skipSpace(T, matchEnd);
        if (!startsHere(T, X, at)) {
          if (!E) break;
          endFrom = matchEnd;
          continue;
        }
        suffixSpan = original(at, at + X.length);
      }
      const [start] = original(ms, me);
      const [, end] = original(matchEnd - 1, matchEnd);
      return {
        start,
        end,
        spans: {
          textStart: original(ms, me),
          ...(prefixSpan ? { prefix: prefixSpan } : {}),
          ...(endSpan ? { textEnd: endSpan } : {}),
          ...(suffixSpan ? { suffix: suffixSpan } : {}),
        },
      };
    }
  }
  return null;
}
