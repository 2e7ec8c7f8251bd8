// How long each stored field may be, in UTF-16 code units, and how many items
// a list may hold. The store refuses a row past these (src/store/validate.ts);
// whatever builds a row from a page cuts the page's text to them first with
// `cut`, because a page may claim a title or a byline of any length and the
// reader's quote must not be lost over it.

export const ROW_LIMITS = {
  id: 200,
  url: 8192,
  shortText: 2000,
  title: 2000,
  question: 10_000,
  quote: 200_000,
  note: 50_000,
  tag: 100,
  tags: 100,
  selectors: 20,
  blocks: 2000,
  blockText: 200_000,
  subQuestions: 100,
  sections: 1000,
  groupName: 200,
  compareEntries: 5000,
} as const;

/** `s` cut to at most `max` code units, never leaving half of a surrogate pair at the end. */
export function cut(s: string, max: number): string {
  if (s.length <= max) return s;
  const end = /[\uD800-\uDBFF]/.test(s.charAt(max - 1)) ? max - 1 : max;
  return s.slice(0, end);
}

export const cutOrNull = (s: string | null, max: number): string | null => (s === null ? null : cut(s, max));
