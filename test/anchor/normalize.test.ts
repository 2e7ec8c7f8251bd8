import { describe, expect, it } from 'vitest';
import { normalize, normalizeWithMap } from '../../src/anchor/normalize';
import { STEP_CHARS } from '../../src/anchor/steps';

describe('normalize', () => {
  it('folds typographic quotes, dashes, no-break spaces and white-space runs', () => {
    expect(normalize('It\u2019s \u201Cfine\u201D \u2014 really\u00A0\u00A0so\n\t ok\u2026')).toBe(
      `It's "fine" - really so ok...`,
    );
    expect(normalize('soft\u00ADhyphen and zero\u200Bwidth')).toBe('softhyphen and zerowidth');
  });

  it('maps every normal character back to the raw text', () => {
    const raw = 'a\u2019b  \n c\u2014d\u00ADe\u2026';
    const n = normalizeWithMap(raw);
    expect(n.text).toBe(normalize(raw));
    expect(n.text).toBe("a'b c-de...");
    // The collapsed run covers all three white-space characters.
    const space = n.text.indexOf(' ');
    expect(raw.slice(n.rawStart[space], n.rawEnd[space])).toBe('  \n ');
    const c = n.text.indexOf('c');
    expect(raw[n.rawStart[c] as number]).toBe('c');
    const e = n.text.indexOf('e');
    expect(raw[n.rawStart[e] as number]).toBe('e');
    expect(n.rawEnd[n.text.length - 1]).toBe(raw.length);
  });

  it('folds a backtick to an apostrophe, and the typographic spaces U+2000 to U+200A to a space', () => {
    expect(normalize('`quoted`')).toBe("'quoted'");
    expect(normalize('a\u2000b\u200ac')).toBe('a b c');
    // Their neighbours are letters and symbols, kept as they are.
    expect(normalize('\u1ffc\u2100 café')).toBe('\u1ffc\u2100 café');
  });

  it('keeps one space for white space that opens the text, and after an ellipsis', () => {
    expect(normalize('  a\u2026 b')).toBe(' a... b');
    expect(normalizeWithMap('  a\u2026 b').text).toBe(' a... b');
  });

  it('maps a single space to just itself', () => {
    const n = normalizeWithMap('a b');
    expect([...n.rawStart]).toEqual([0, 1, 2]);
    expect([...n.rawEnd]).toEqual([1, 2, 3]);
  });

  it('makes room for every ellipsis, the first at offset 0 included, and maps its dots to it', () => {
    const n = normalizeWithMap('\u2026\u2026');
    expect(n.text).toBe('......');
    expect([...n.rawStart]).toEqual([0, 0, 0, 1, 1, 1]);
    expect([...n.rawEnd]).toEqual([1, 1, 1, 2, 2, 2]);
  });

  it('folds each character once across the stretches a long text is folded in', () => {
    const raw = 'abcdefghij'.repeat(Math.ceil((STEP_CHARS + 10) / 10));
    expect(raw.length).toBeGreaterThan(STEP_CHARS);
    expect(normalizeWithMap(raw).text).toBe(raw);
  });
});
