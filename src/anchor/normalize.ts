// Pages change their typography without changing their words: a CMS swaps
// straight quotes for curly ones, an editor re-wraps a paragraph, a template
// puts a no-break space after a dash. Comparing through this normal form lets a
// saved quote find its text through such changes, and the offset map takes a
// match in the normal form back to the page's own text.

const SINGLE_QUOTES = /[\u2018\u2019\u201A\u201B\u2032\u02BC\u00B4\u0060]/;
const DOUBLE_QUOTES = /[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/;
const DASHES = /[\u2010\u2011\u2012\u2013\u2014\u2015\u2212\uFE58\uFE63\uFF0D]/;
/** Characters with no width that editors insert or drop freely. */
const INVISIBLE = /[\u00AD\u200B\u200C\u200D\u2060\uFEFF]/;
const SPACE = /[\s\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/;

/** One character's normal form: '' drops it, ' ' marks white space (collapsed by the caller). */
function foldChar(ch: string): string {
  if (SPACE.test(ch)) return ' ';
  if (INVISIBLE.test(ch)) return '';
  if (SINGLE_QUOTES.test(ch)) return "'";
  if (DOUBLE_QUOTES.test(ch)) return '"';
  if (DASHES.test(ch)) return '-';
  if (ch === '\u2026') return '...';
  return ch;
}

/** Plain ASCII apart from white space never changes, so most characters skip the regexes. */
function isStable(code: number): boolean {
  return code > 32 && code < 127 && code !== 96;
}

export interface NormalizedText {
  text: string;
  /** rawStart[i]: offset in the raw text of the character that produced text[i]. */
  rawStart: Int32Array;
  /** rawEnd[i]: offset just after the raw character(s) that produced text[i]. */
  rawEnd: Int32Array;
}

/** The normal form of `raw` with a map from each normal character back to raw offsets. */
export function normalizeWithMap(raw: string): NormalizedText {
  const parts: string[] = [];
  // An ellipsis expands to three characters, so the arrays may need to grow.
  let cap = raw.length + 16;
  let rawStart = new Int32Array(cap);
  let rawEnd = new Int32Array(cap);
  let n = 0;
  let lastWasSpace = false;
  const emit = (ch: string, from: number, to: number): void => {
    if (n >= cap) {
      cap *= 2;
      const a = new Int32Array(cap);
      a.set(rawStart);
      rawStart = a;
      const b = new Int32Array(cap);
      b.set(rawEnd);
      rawEnd = b;
    }
    parts.push(ch);
    rawStart[n] = from;
    rawEnd[n] = to;
    n++;
  };
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i] as string;
    if (isStable(raw.charCodeAt(i))) {
      emit(ch, i, i + 1);
      lastWasSpace = false;
      continue;
    }
    const folded = foldChar(ch);
    if (folded === ' ') {
      // A run of white space is one normal space covering the whole run.
      if (lastWasSpace) rawEnd[n - 1] = i + 1;
      else emit(' ', i, i + 1);
      lastWasSpace = true;
      continue;
    }
    for (let k = 0; k < folded.length; k++) emit(folded[k] as string, i, i + 1);
    if (folded !== '') lastWasSpace = false;
  }
  return { text: parts.join(''), rawStart: rawStart.slice(0, n), rawEnd: rawEnd.slice(0, n) };
}

/** The normal form alone, for short strings (quotes and their context). */
export function normalize(raw: string): string {
  let out = '';
  let lastWasSpace = false;
  for (let i = 0; i < raw.length; i++) {
    const code = raw.charCodeAt(i);
    if (isStable(code)) {
      out += raw[i];
      lastWasSpace = false;
      continue;
    }
    const folded = foldChar(raw[i] as string);
    if (folded === ' ') {
      if (!lastWasSpace) out += ' ';
      lastWasSpace = true;
    } else if (folded !== '') {
      out += folded;
      lastWasSpace = false;
    }
  }
  return out;
}
