import { describe, expect, it } from 'vitest';
import { normalize, normalizeWithMap } from '../../src/anchor/normalize';

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
});
