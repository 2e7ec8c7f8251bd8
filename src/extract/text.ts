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

// What may follow a closing mark: spaces, closing quotes and brackets, and the
// invisible marks RTL pages and editors leave behind (direction marks, zero-width spaces).
const TRAIL = '[\\s"\'”’»)\\]\\u200B-\\u200F\\u061C\\u2066-\\u2069\\u202A-\\u202E\\uFEFF]*$';
// Question marks by script: Latin and Spanish ?, full-width ？ (Chinese, Japanese),
// Arabic and Persian ؟, Ethiopic ፧.
const QUESTION_END = new RegExp(`[?？؟፧]${TRAIL}`);
// Greek writes its question mark as ";" (U+037E, which Unicode folds to ";"): a question only in Greek text.
const GREEK_QUESTION_END = new RegExp(`[;\u037e]${TRAIL}`);
const GREEK = /[\u0370-\u03ff\u1f00-\u1fff]/;

/** Ends with a question mark of any script, allowing closing quotes, brackets and invisible marks after it. */
export function endsWithQuestionMark(s: string): boolean {
  return QUESTION_END.test(s) || (GREEK_QUESTION_END.test(s) && GREEK.test(s));
}

// A full stop, "!", an ellipsis ("…" or "..."), or a question: how a spoken sentence ends.
const SENTENCE_END = new RegExp(`(?:[.!…。！]|\\.\\.\\.)${TRAIL}`);

/**
 * Reads as something said rather than a title: it ends as a sentence does, or it opens
 * with a dialogue dash. Statement prompts ("You left a stable job for this.") are
 * utterances; section titles ("Design", "How to watch it on TV") are not.
 */
export function isUtterance(s: string): boolean {
  return startsWithDialogueDash(s) || SENTENCE_END.test(s) || endsWithQuestionMark(s);
}

/** The dash that opens a turn of dialogue in Spanish, French, Russian… (–¿Qué tal?, — Oui.). */
export function startsWithDialogueDash(s: string): boolean {
  return /^[–—―]|^-(?=[¿¡\p{L}])/u.test(s);
}

/** Letters, none of them lower case: a line set in capitals ("WHO IS THE FRONT-RUNNER?"). */
export function isAllCaps(s: string): boolean {
  // The lower-case test first: ordinary text fails it at its first word.
  return !/\p{Ll}/u.test(s) && /\p{Lu}[\s\S]*\p{Lu}/u.test(s);
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

/** Initials standing for a name ("JT", "J.T.", "A.B.C."). */
export function isInitials(s: string): boolean {
  return /^(?:\p{Lu}\.?){2,3}$/u.test(s);
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
