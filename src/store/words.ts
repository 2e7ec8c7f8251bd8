// The one search normal form, for what the reader types and what was saved,
// so "resume" finds "Résumé", "strasse" finds "Straße" and "file" finds "ﬁle".
// The store's search, the popup's filter, the library's marks, facets and
// filters and its compare themes all compare text through it.

/** Letters NFKD leaves whole but a reader types as plain Latin. */
const FOLD: Record<string, string> = {
  ß: 'ss',
  ẞ: 'ss',
  æ: 'ae',
  Æ: 'ae',
  œ: 'oe',
  Œ: 'oe',
  ø: 'o',
  Ø: 'o',
  ł: 'l',
  Ł: 'l',
  đ: 'd',
  Đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
};
const FOLD_RE = /[ßẞæÆœŒøØłŁđĐðþı]/g;
const MARKS_RE = /\p{M}+/gu;

/** NFKD, combining marks stripped, special letters folded, lower-cased. */
export function searchForm(text: string): string {
  return text
    .normalize('NFKD')
    .replace(MARKS_RE, '')
    .replace(FOLD_RE, (c) => FOLD[c] ?? c)
    .toLowerCase();
}

/**
 * A word in the original text: letters/digits with their combining marks, and
 * apostrophes inside a word ("don't" is one word, searched as "dont").
 */
const WORD_RE = /[\p{L}\p{N}][\p{L}\p{N}\p{M}]*(?:['’][\p{L}\p{N}][\p{L}\p{N}\p{M}]*)*/gu;
const APOSTROPHE_RE = /['’]/g;

export interface Token {
  /** Normalised form, what matching compares. */
  word: string;
  /** Offsets of the word in the original text (UTF-16 code units). */
  start: number;
  end: number;
}

export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(WORD_RE)) {
    const word = normalWord(m[0]);
    if (word) out.push({ word, start: m.index, end: m.index + m[0].length });
  }
  return out;
}

// Building the search index normalises every word of the library; most are
// repeats, so their normal forms are remembered (bounded, cleared when full).
const wordCache = new Map<string, string>();
const WORD_CACHE_MAX = 200_000;

function normalWord(raw: string): string {
  let w = wordCache.get(raw);
  if (w === undefined) {
    w = searchForm(raw.replace(APOSTROPHE_RE, ''));
    if (wordCache.size >= WORD_CACHE_MAX) wordCache.clear();
    wordCache.set(raw, w);
  }
  return w;
}

/**
 * A short text compared whole (a tag, a person's name): its search form with
 * white space evened out, so "Chloé  Dubois" and "chloe dubois" are one name.
 */
export function searchKey(text: string): string {
  return searchForm(text).replace(/\s+/g, ' ').trim();
}

/** Just the normalised words, in order. */
export function words(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(WORD_RE)) {
    const w = normalWord(m[0]);
    if (w) out.push(w);
  }
  return out;
}

/**
 * How many original code units of `original` (a single word) it takes to cover
 * the first `normLength` characters of its normal form; used to mark only the
 * typed prefix of a word when showing a match.
 */
export function originalPrefixLength(original: string, normLength: number): number {
  let norm = 0;
  let i = 0;
  for (const m of original.matchAll(/\P{M}\p{M}*/gu)) {
    if (norm >= normLength) break;
    norm += searchForm(m[0].replace(APOSTROPHE_RE, '')).length;
    i = m.index + m[0].length;
  }
  return norm >= normLength ? i : original.length;
}
