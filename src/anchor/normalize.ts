// Pages change their typography without changing their words: a CMS swaps
// straight quotes for curly ones, an editor re-wraps a paragraph, a template
// puts a no-break space after a dash. Comparing through this normal form lets a
// saved quote find its text through such changes, and the offset map takes a
// match in the normal form back to the page's own text.

import { runSteps, STEP_CHARS, type Steps } from './steps';

const SPACE = -1;
const DROP = -2;
const ELLIPSIS = -3;

/**
 * One UTF-16 code's normal form: itself, another code, or SPACE (collapsed by
 * the caller), DROP (no width: soft hyphens, zero-width spaces), ELLIPSIS ("...").
 * A switch on the code, because this runs once per character of the page.
 */
function normalCode(code: number): number {
  if (code > 32 && code < 127) return code === 0x60 ? 0x27 : code;
  switch (code) {
    case 0x09:
    case 0x0a:
    case 0x0b:
    case 0x0c:
    case 0x0d:
    case 0x20:
    case 0x85:
    case 0xa0:
    case 0x1680:
    case 0x2028:
    case 0x2029:
    case 0x202f:
    case 0x205f:
    case 0x3000:
      return SPACE;
    case 0xad:
    case 0x200b:
    case 0x200c:
    case 0x200d:
    case 0x2060:
    case 0xfeff:
      return DROP;
    case 0x2018:
    case 0x2019:
    case 0x201a:
    case 0x201b:
    case 0x2032:
    case 0x02bc:
    case 0xb4:
      return 0x27;
    case 0x201c:
    case 0x201d:
    case 0x201e:
    case 0x201f:
    case 0x2033:
    case 0xab:
    case 0xbb:
      return 0x22;
    case 0x2010:
    case 0x2011:
    case 0x2012:
    case 0x2013:
    case 0x2014:
    case 0x2015:
    case 0x2212:
    case 0xfe58:
    case 0xfe63:
    case 0xff0d:
      return 0x2d;
    case 0x2026:
      return ELLIPSIS;
    default:
      return code >= 0x2000 && code <= 0x200a ? SPACE : code;
  }
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
  return runSteps(normalizeWithMapSteps(raw));
}

/** normalizeWithMap, pausing after each stretch of the text (a whole page takes hundreds of milliseconds). */
export function* normalizeWithMapSteps(raw: string): Steps<NormalizedText> {
  // An ellipsis becomes three characters; every other character at most one.
  let cap = raw.length;
  for (let i = raw.indexOf('\u2026'); i >= 0; i = raw.indexOf('\u2026', i + 1)) cap += 2;
  const out: Folding = {
    codes: new Uint16Array(cap),
    rawStart: new Int32Array(cap),
    rawEnd: new Int32Array(cap),
    n: 0,
    lastWasSpace: false,
  };
  for (let from = 0; from < raw.length; from += STEP_CHARS) {
    if (from > 0) yield;
    foldStretch(raw, from, Math.min(raw.length, from + STEP_CHARS), out);
  }
  const n = out.n;
  const text = yield* decode(out.codes.subarray(0, n));
  yield;
  // Views, not copies: on a page of megabytes a copy is a long pause of its own.
  return { text, rawStart: out.rawStart.subarray(0, n), rawEnd: out.rawEnd.subarray(0, n) };
}

interface Folding {
  codes: Uint16Array;
  rawStart: Int32Array;
  rawEnd: Int32Array;
  n: number;
  lastWasSpace: boolean;
}

/** Folds raw[from, to) onto `out`; a plain loop, kept out of the generator so it stays fast. */
function foldStretch(raw: string, from: number, to: number, out: Folding): void {
  const { codes, rawStart, rawEnd } = out;
  let { n, lastWasSpace } = out;
  for (let i = from; i < to; i++) {
    const f = normalCode(raw.charCodeAt(i));
    if (f >= 0) {
      codes[n] = f;
      rawStart[n] = i;
      rawEnd[n++] = i + 1;
      lastWasSpace = false;
    } else if (f === SPACE) {
      // A run of white space is one normal space covering the whole run.
      if (lastWasSpace) {
        rawEnd[n - 1] = i + 1;
      } else {
        codes[n] = 0x20;
        rawStart[n] = i;
        rawEnd[n++] = i + 1;
        lastWasSpace = true;
      }
    } else if (f === ELLIPSIS) {
      for (let k = 0; k < 3; k++) {
        codes[n] = 0x2e;
        rawStart[n] = i;
        rawEnd[n++] = i + 1;
      }
      lastWasSpace = false;
    }
  }
  out.n = n;
  out.lastWasSpace = lastWasSpace;
}

const CHUNK = 8192;

function* decode(codes: Uint16Array): Steps<string> {
  const parts: string[] = [];
  for (let i = 0; i < codes.length; i += CHUNK) {
    if (i > 0 && i % STEP_CHARS === 0) yield;
    parts.push(String.fromCharCode.apply(null, codes.subarray(i, i + CHUNK) as unknown as number[]));
  }
  return parts.join('');
}

/** The normal form alone, for short strings (quotes and their context). */
export function normalize(raw: string): string {
  let out = '';
  let lastWasSpace = false;
  for (let i = 0; i < raw.length; i++) {
    const f = normalCode(raw.charCodeAt(i));
    if (f >= 0) {
      out += String.fromCharCode(f);
      lastWasSpace = false;
    } else if (f === SPACE) {
      if (!lastWasSpace) out += ' ';
      lastWasSpace = true;
    } else if (f === ELLIPSIS) {
      out += '...';
      lastWasSpace = false;
    }
  }
  return out;
}
