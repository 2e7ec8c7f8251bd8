// The library page holds every highlight in memory; at 100,000 highlights the
// rows as read from IndexedDB came to about 300 MB of the page's heap. Two
// things a listed row does not need to carry: the TextQuoteSelector (about 44 %
// of a row's text, read only to anchor on the page, and the store keeps it),
// and its own copies of the strings it shares with its article and its
// neighbours (article key, URLs, question, section, kind, colour, tags),
// which each decoded row has apart.

import type { Article, Highlight, ListedHighlight, Selector, TextPositionSelector } from '../types';

/** The position selectors, made here so their `type` is the one string in the code, not a decoded copy each. */
function positions(selectors: readonly Selector[]): TextPositionSelector[] {
  const out: TextPositionSelector[] = [];
  for (const s of selectors)
    if (s.type === 'TextPositionSelector')
      out.push({ type: 'TextPositionSelector', start: s.start, end: s.end });
  return out;
}

/** One copy of each equal string among the rows of one read. */
export class StringPool {
  private readonly strings = new Map<string, string>();

  constructor(articles: readonly Article[] = []) {
    for (const a of articles) {
      this.keep(a.key);
      this.keep(a.url);
      if (a.canonicalUrl !== null) this.keep(a.canonicalUrl);
    }
  }

  keep<T extends string>(s: T): T {
    const known = this.strings.get(s);
    if (known !== undefined) return known as T;
    this.strings.set(s, s);
    return s;
  }
}

/** The row as listed; `h` is a row just decoded and is changed in place, so no second copy is made. */
export function listedHighlight(h: Highlight, pool: StringPool): ListedHighlight {
  const row = h as Highlight & ListedHighlight;
  row.selectors = positions(h.selectors);
  row.articleKey = pool.keep(h.articleKey);
  row.kind = pool.keep(h.kind);
  row.color = pool.keep(h.color);
  if (h.sectionId !== null) row.sectionId = pool.keep(h.sectionId);
  for (let i = 0; i < h.tags.length; i++) h.tags[i] = pool.keep(h.tags[i]!);
  row.url = pool.keep(h.url);
  if (h.canonicalUrl !== null) row.canonicalUrl = pool.keep(h.canonicalUrl);
  if (h.question !== null) row.question = pool.keep(h.question);
  if (h.speaker !== null) row.speaker = pool.keep(h.speaker);
  return row;
}
