// @vitest-environment happy-dom
// When an edited quote is still "the same quote": a fuzzy match needs both a
// good enough overall score and enough of its saved context beside it. Each
// refusal below has a control that differs only in the one thing it checks, so
// a test passes only while that rule holds (mutation testing found neither rule
// pinned down).
import { describe, expect, it } from 'vitest';
import { anchorSelectors, buildTextIndex } from '../../src/anchor';
import type { Selector } from '../../src/types';

const QUOTE = 'the quick brown fox jumps over the lazy dog today';
const PREFIX = 'some words that came before it, ';
const SUFFIX = ' and then some words that follow';
// No letter in common with the saved context: its similarity is 0.
const UNRELATED = '0123456789012345678901234567890 '.slice(0, 32);

/** QUOTE with its characters at `at` replaced, so the edit costs exactly that many errors. */
function edited(at: number[]): string {
  const chars = [...QUOTE];
  for (const i of at) chars[i] = chars[i] === 'q' ? 'j' : 'q';
  return chars.join('');
}

function anchorIn(page: string, selectors: Selector[]) {
  document.body.innerHTML = `<p>${page}</p>`;
  const index = buildTextIndex(document.body);
  expect(index.text).toBe(page);
  return anchorSelectors(index, selectors);
}

const quote: Selector = { type: 'TextQuoteSelector', exact: QUOTE, prefix: PREFIX, suffix: SUFFIX };
const position: Selector = {
  type: 'TextPositionSelector',
  start: PREFIX.length,
  end: PREFIX.length + QUOTE.length,
};

describe('accepting a fuzzy match', () => {
  it('refuses a close quote whose context is gone, even where its score passes', () => {
    // One error and the saved position: the score alone (about 0.61) would pass.
    const text = edited([10]);
    expect(anchorIn(`${UNRELATED}${text}${UNRELATED}`, [quote, position])).toBeNull();
    // The control: the same edit with its context kept is found.
    const m = anchorIn(`${PREFIX}${text}${UNRELATED}`, [quote, position]);
    expect(m?.method).toBe('fuzzy');
    expect(m?.start).toBe(PREFIX.length);
  });

  it('refuses a quote with its context kept once too much of it has changed', () => {
    // Far from its saved position (which lowers the score) and with the suffix gone: two errors
    // in 49 characters still pass, eight do not, although the context alone would let both in.
    const page = (text: string) => `${'0123456789 '.repeat(300)}${PREFIX}${text}${UNRELATED}`;
    const at = '0123456789 '.length * 300 + PREFIX.length;
    expect(anchorIn(page(edited([2, 6, 11, 16, 21, 26, 31, 36])), [quote, position])).toBeNull();
    const m = anchorIn(page(edited([11, 31])), [quote, position]);
    expect(m?.method).toBe('fuzzy');
    expect(m?.start).toBe(at);
  });
});
