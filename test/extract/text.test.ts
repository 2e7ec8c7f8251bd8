import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  cleanQuestion,
  collapse,
  endsWithQuestionMark,
  hasQuestionMarker,
  isBlank,
  sectionIdFor,
  wordCount,
} from '../../src/extract/text';

const textish = fc
  .array(fc.constantFrom(' ', '  ', '\n', '\t', '\u00a0', '\u2003', '\u3000', 'a', 'é', '?', 'x y', '؟'), {
    maxLength: 40,
  })
  .map((a) => a.join(''));

describe('text rules', () => {
  it('collapse equals the plain regex collapse', () => {
    fc.assert(
      fc.property(textish, (s) => collapse(s) === s.replace(/\s+/g, ' ').trim()),
      { numRuns: 5000 },
    );
  });

  it('isBlank and wordCount agree with their regex definitions', () => {
    fc.assert(
      fc.property(
        textish,
        (s) =>
          isBlank(s) === (s.trim() === '') &&
          wordCount(s) === (s.trim() === '' ? 0 : s.trim().split(/\s+/).length),
      ),
      { numRuns: 5000 },
    );
  });

  it('reads question marks and Q markers', () => {
    expect(endsWithQuestionMark('Why now?”')).toBe(true);
    expect(endsWithQuestionMark('Why now? Because.')).toBe(false);
    expect(hasQuestionMarker('Q: Tell us more')).toBe(true);
    expect(hasQuestionMarker('Quality matters')).toBe(false);
    expect(cleanQuestion('  Q1:  Discovering   the opportunity: ')).toBe('Discovering the opportunity');
  });

  it('derives ids from the question text only', () => {
    const id = sectionIdFor('What led you to joining Pinterest?');
    expect(id).toMatch(/^what-led-you-to-joining-pinterest-[0-9a-z]{7}$/);
    expect(sectionIdFor('What  led you to joining Pinterest ?')).toBe(id);
    expect(sectionIdFor('What made you join Pinterest?')).not.toBe(id);
    expect(sectionIdFor('¿Qué te trajo aquí?')).toMatch(/^que-te-trajo-aqui-/);
    expect(sectionIdFor('为什么？')).toMatch(/^q-[0-9a-z]{7}$/);
  });
});
