// The similarity of a saved context to the text beside a candidate: edit
// distance over the longer length, after typographic normalisation.
import { describe, expect, it } from 'vitest';
import { editDistance, similarity, textSimilarity } from '../../src/anchor/similarity';

describe('editDistance', () => {
  it('counts insertions, deletions and substitutions', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('flaw', 'lawn')).toBe(2);
    expect(editDistance('abcd', 'abd')).toBe(1);
    expect(editDistance('abd', 'abcd')).toBe(1);
    expect(editDistance('ab', 'ba')).toBe(2);
    expect(editDistance('same', 'same')).toBe(0);
    expect(editDistance('a', 'abc')).toBe(2);
    expect(editDistance('abc', 'c')).toBe(2);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('abc', '')).toBe(3);
  });
});

describe('similarity', () => {
  it('is 1 less the edit distance over the longer length', () => {
    expect(similarity('abc', 'abcdef')).toBe(0.5);
    expect(similarity('kitten', 'sitting')).toBeCloseTo(1 - 3 / 7);
    expect(similarity('', '')).toBe(1);
    expect(similarity('abc', 'xyz')).toBe(0);
  });

  it('folds typography first in textSimilarity', () => {
    expect(textSimilarity('it’s  here', "it's here")).toBe(1);
    expect(similarity('it’s  here', "it's here")).toBeLessThan(1);
  });
});
