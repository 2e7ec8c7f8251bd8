// Text rules shared by the extractor: how page text is tidied and what makes a
// line read as a question. Pure string functions.

/** The characters JavaScript's \s matches (nbsp included). */
export function isSpaceCode(c: number): boolean {
  return (
    c === 32 ||
    (c >= 9 && c <= 13) ||
    (c > 127 &&
      (c === 160 ||
        c === 0x1680 ||
        (c >= 0x2000 && c <= 0x200a) ||
        c === 0x2028 ||
        c === 0x2029 ||
        c === 0x202f ||
        c === 0x205f ||
        c === 0x3000 ||
        c === 0xfeff))
  );
}

/** True when s holds nothing but white space. */
export function isBlank(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (!isSpaceCode(s.charCodeAt(i))) return false;
  return true;
}

/**
 * White space collapsed to single spaces and trimmed; nbsp counts as space.
 * Same result as s.replace(/\s+/g, ' ').trim(), but single plain spaces (most
 * of any text) are not matched at all: several times faster on every block.
 */
export function collapse(s: string): string {
  return s.replace(/\s{2,}|[^\S ]/g, ' ').trim();
}

/** Ends with a question mark (Latin, full-width or Arabic), allowing closing quotes or brackets after it. */
// RTL pages put a direction mark (or a zero-width/isolate character) after the mark.
const QUESTION_END = /[?？؟][\s"'”’»)\]\u200B-\u200F\u061C\u2066-\u2069\u202A-\u202E\uFEFF]*$/;
export function endsWithQuestionMark(s: string): boolean {
  return QUESTION_END.test(s);
}

/** "Q:", "Q.", "Q1:", "Question:" markers that introduce a question. */
const Q_MARKER = /^(?:Q|Question)\s*\d*\s*(?:[:：.)]|[-–—](?=\s))\s*/i;
/** "A:" / "Answer:" markers that introduce an answer; the looser "A." form only where Q markers set the style. */
const A_MARKER_STRICT = /^(?:A|Answer)\s*[:：]\s*/i;
const A_MARKER_LOOSE = /^(?:A|Answer)\s*\d*\s*(?:[:：.)]|[-–—](?=\s))\s*/i;

export function hasQuestionMarker(s: string): boolean {
  const m = Q_MARKER.exec(s);
  return m !== null && m[0].length < s.length;
}

export function stripQuestionMarker(s: string): string {
  return s.replace(Q_MARKER, '');
}

export function stripAnswerMarker(s: string, loose: boolean): string {
  return s.replace(loose ? A_MARKER_LOOSE : A_MARKER_STRICT, '');
}

/** Where an "A:" marker starts inside a one-line "Q: …? A: …" paragraph, or -1. */
export function inlineAnswerMarker(s: string): number {
  const m = /[?？؟.]["'”’]?\s+(?:A|Answer)\s*[:：]\s+/.exec(s);
  return m ? m.index + 1 : -1;
}

/** The question as the reader sees it: markers and a trailing colon removed. */
export function cleanQuestion(s: string): string {
  return collapse(stripQuestionMarker(collapse(s))).replace(/\s*[:：]$/, '');
}

export function hasLetters(s: string): boolean {
  return /[\p{L}\p{N}]/u.test(s);
}

export function wordCount(s: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < s.length; i++) {
    const space = isSpaceCode(s.charCodeAt(i));
    if (!space && !inWord) n++;
    inWord = !space;
  }
  return n;
}

const PARTICLES = new Set([
  'de',
  'del',
  'der',
  'den',
  'da',
  'di',
  'du',
  'la',
  'le',
  'van',
  'von',
  'bin',
  'al',
  'el',
  'y',
  'e',
  'dos',
  'das',
  'ter',
]);

/** Looks like a person's name (a speaker label): 1 to 5 capitalised words, particles allowed. */
export function isNameLike(s: string): boolean {
  if (s.length < 2 || s.length > 50) return false;
  const words = s.split(/\s+/);
  if (words.length > 5) return false;
  return words.every((w, i) => /^\p{Lu}[\p{L}\p{M}'’.-]*$/u.test(w) || (i > 0 && PARTICLES.has(w)));
}

/** A "Label:" lead, returned without its colon; null when the lead is not a label. */
export function labelOf(lead: string, rest: string): string | null {
  const l = lead.trim();
  if (/[:：]$/.test(l)) {
    const label = l.replace(/\s*[:：]$/, '');
    return label.length > 0 && label.length <= 60 && wordCount(label) <= 8 ? label : null;
  }
  if (/^[:：]/.test(rest.trim()) && l.length > 0 && l.length <= 60 && wordCount(l) <= 8) return l;
  return null;
}

// ---- Stable section ids ----

function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Normal form of a question for ids: case, width, spacing and final punctuation do not matter. */
export function questionKey(question: string): string {
  // normalize() is costly; plain ASCII needs none.
  const q = /[^\x00-\x7f]/.test(question) ? question.normalize('NFKC') : question;
  return collapse(q)
    .toLowerCase()
    .replace(/[\s?？؟:：.!]+$/, '');
}

/** A slug of the first words plus a short hash of the whole question: same question, same id. */
export function sectionIdFor(question: string): string {
  const key = questionKey(question);
  const slug = (/[^\x00-\x7f]/.test(key) ? key.normalize('NFKD').replace(/[\u0300-\u036f]/g, '') : key)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .split('-')
    .slice(0, 6)
    .join('-')
    .slice(0, 48)
    .replace(/-+$/, '');
  const hash = fnv1a(key).toString(36).padStart(7, '0');
  return slug ? `${slug}-${hash}` : `q-${hash}`;
}
