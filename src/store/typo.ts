// One typo forgiven: a query word of five letters or more also finds words
// that start with it give or take one edit (a letter missing, extra, wrong, or
// two neighbours swapped), so "intervew" finds "interview" and "interviews".
// Shorter words are too easily one edit away from unrelated ones.

/** Query words shorter than this are matched exactly (as a prefix) only. */
export const TYPO_MIN_LENGTH = 5;

function startsAt(word: string, w: number, term: string, t: number): boolean {
  return word.startsWith(term.slice(t), w);
}

/**
 * How many characters at the start of `word` match `term` within one edit;
 * 0 when none do (or the term is too short to forgive). Both in the search
 * normal form. A plain prefix match counts too (it is zero edits).
 */
export function typoPrefix(term: string, word: string): number {
  if (term.length < TYPO_MIN_LENGTH || word.length < term.length - 1) return 0;
  let i = 0;
  while (i < term.length && i < word.length && term[i] === word[i]) i++;
  if (i === term.length) return term.length;
  // The word ended early: the term's one extra last letter is the typo.
  if (i === word.length) return term.length - i === 1 ? word.length : 0;
  const rest = term.length - i - 1;
  // Wrong letter.
  if (startsAt(word, i + 1, term, i + 1)) return i + 1 + rest;
  // A letter left out of the term.
  if (startsAt(word, i + 1, term, i)) return i + 2 + rest;
  // An extra letter in the term.
  if (startsAt(word, i, term, i + 1)) return i + rest;
  // Two neighbours swapped.
  if (term[i] === word[i + 1] && term[i + 1] === word[i] && startsAt(word, i + 2, term, i + 2))
    return term.length;
  return 0;
}
