// A DOM range → the selectors saved with a highlight. The quote with its
// context survives edits that move text; the position makes re-anchoring an
// unchanged page a constant-time check.

import type { Selector, TextPositionSelector, TextQuoteSelector } from '../types';
import { offsetsFromRange, type TextIndex } from './text-index';

/** Characters of context kept on each side of a quote. */
export const CONTEXT_LENGTH = 32;

export function describeOffsets(index: TextIndex, start: number, end: number): Selector[] {
  const len = index.text.length;
  const s = Math.max(0, Math.min(start, len));
  const e = Math.max(s, Math.min(end, len));
  const quote: TextQuoteSelector = {
    type: 'TextQuoteSelector',
    exact: index.text.slice(s, e),
    prefix: index.text.slice(Math.max(0, s - CONTEXT_LENGTH), s),
    suffix: index.text.slice(e, e + CONTEXT_LENGTH),
  };
  const position: TextPositionSelector = { type: 'TextPositionSelector', start: s, end: e };
  return [quote, position];
}

/** Selectors for `range`; empty when the range lies outside the indexed root. */
export function describeRange(index: TextIndex, range: Range): Selector[] {
  const offsets = offsetsFromRange(index, range);
  return offsets ? describeOffsets(index, offsets.start, offsets.end) : [];
}
