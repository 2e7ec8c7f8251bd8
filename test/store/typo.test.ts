import { describe, expect, it } from 'vitest';
import { typoPrefix } from '../../src/store/typo';

describe('typoPrefix', () => {
  it('covers a missing, extra, wrong or swapped letter, and says how much of the word it covers', () => {
    expect(typoPrefix('intervew', 'interview')).toBe(9);
    expect(typoPrefix('intervew', 'interviews')).toBe(9);
    expect(typoPrefix('interveiw', 'interview')).toBe(9);
    expect(typoPrefix('interviewz', 'interview')).toBe(9);
    expect(typoPrefix('xnterview', 'interview')).toBe(9);
    expect(typoPrefix('intxrview', 'interviewer')).toBe(9);
    expect(typoPrefix('inteerview', 'interview')).toBe(9);
    expect(typoPrefix('interview', 'interviewer')).toBe(9);
  });

  it('forgives nothing in short words or beyond one edit', () => {
    expect(typoPrefix('tram', 'team')).toBe(0);
    expect(typoPrefix('intrvew', 'interview')).toBe(0);
    expect(typoPrefix('mentor', 'monitor')).toBe(0);
    expect(typoPrefix('growth', 'grow')).toBe(0);
    expect(typoPrefix('interv', 'reinterview')).toBe(0);
  });
});
