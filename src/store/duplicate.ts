// Saving the same quote at the same place twice is one highlight, not two
// rows: the second save finds the first and the reader is taken to it. The
// same place is the same article, the same kind, the same text (white space
// aside) and the same spot: its position in the page's text, or, when the page
// moved, the same words around it.

import type { Highlight, Selector, TextPositionSelector, TextQuoteSelector } from '../types';

const squash = (s: string): string => s.replace(/\s+/g, ' ').trim();

function selector<T extends Selector['type']>(
  h: Highlight,
  type: T,
): Extract<Selector, { type: T }> | undefined {
  return h.selectors.find((s): s is Extract<Selector, { type: T }> => s.type === type);
}

function samePosition(a: Highlight, b: Highlight): boolean {
  const pa = selector(a, 'TextPositionSelector') as TextPositionSelector | undefined;
  const pb = selector(b, 'TextPositionSelector') as TextPositionSelector | undefined;
  return pa !== undefined && pb !== undefined && pa.start === pb.start && pa.end === pb.end;
}

function sameContext(a: Highlight, b: Highlight): boolean {
  const qa = selector(a, 'TextQuoteSelector') as TextQuoteSelector | undefined;
  const qb = selector(b, 'TextQuoteSelector') as TextQuoteSelector | undefined;
  return (
    qa !== undefined &&
    qb !== undefined &&
    squash(qa.prefix) === squash(qb.prefix) &&
    squash(qa.suffix) === squash(qb.suffix)
  );
}

/** True when b is a second save of a: same article, kind and text, at the same spot. */
export function samePlace(a: Highlight, b: Highlight): boolean {
  if (a.id === b.id) return false;
  if (a.articleKey !== b.articleKey || a.kind !== b.kind) return false;
  if (squash(a.quote) !== squash(b.quote)) return false;
  if ((a.sectionId ?? null) !== (b.sectionId ?? null)) return false;
  return samePosition(a, b) || sameContext(a, b);
}

/** The saved row the new one repeats, if any. */
export function findDuplicate(saved: readonly Highlight[], h: Highlight): Highlight | undefined {
  return saved.find((s) => samePlace(s, h));
}
