import { describe, expect, it } from 'vitest';
import { blockAt, looseForm, locateSections, qaExtent, sectionAt } from '../../src/content/sections';
import type { Block } from '../../src/types';

const TEXT = [
  'Site chrome: What is Medium?',
  'What led you to\n joining  Pinterest?',
  'Pinterest has a very unique culture.',
  'Ann: We knew.',
  'What do you do?',
  'I build things.',
  'Where are you based:',
  'San Francisco.',
  'To learn more, visit our site.',
].join('\n\n');

const sections = [
  { id: 'led', question: 'What led you to joining Pinterest?' },
  { id: 'do', question: 'What do you do?' },
  { id: 'where', question: 'Where are you based:' },
];

describe('locateSections', () => {
  const spans = locateSections(TEXT, sections);

  it('finds each question in page order despite different white space', () => {
    expect(spans.map((s) => s.id)).toEqual(['led', 'do', 'where']);
    for (const s of spans)
      expect(TEXT.slice(s.start, s.questionEnd).replace(/\s+/g, ' ')).toBe(
        sections.find((x) => x.id === s.id)?.question,
      );
  });

  it('spans each section to the next question and the last to the end', () => {
    expect(spans[0]?.end).toBe(spans[1]?.start);
    expect(spans[1]?.end).toBe(spans[2]?.start);
    expect(spans[2]?.end).toBe(TEXT.length);
  });

  it('files an offset under the section it starts in, and nothing before the first question', () => {
    expect(sectionAt(spans, TEXT.indexOf('unique'))?.id).toBe('led');
    expect(sectionAt(spans, TEXT.indexOf('I build'))?.id).toBe('do');
    expect(sectionAt(spans, TEXT.indexOf('What do you do'))?.id).toBe('do');
    expect(sectionAt(spans, TEXT.indexOf('Site chrome'))).toBeNull();
  });

  it('skips a question that is not in the text without losing the rest', () => {
    const s = locateSections(TEXT, [
      sections[0]!,
      { id: 'gone', question: 'Not on the page?' },
      sections[2]!,
    ]);
    expect(s.map((x) => x.id)).toEqual(['led', 'where']);
  });

  it('does not match a question before the previous one', () => {
    const repeated = 'Why? intro. Q1 text? answer one. Why? answer two.';
    const s = locateSections(repeated, [
      { id: 'q1', question: 'Q1 text?' },
      { id: 'why', question: 'Why?' },
    ]);
    expect(s.map((x) => x.start)).toEqual([repeated.indexOf('Q1'), repeated.lastIndexOf('Why?')]);
  });
});

describe('blocks inside a section', () => {
  const spans = locateSections(TEXT, sections);
  const answer: Block[] = [
    { kind: 'paragraph', text: 'Pinterest has a very unique culture.' },
    { kind: 'paragraph', text: 'We knew.', speaker: 'Ann' },
  ];

  it('finds the speaker of the block holding an offset', () => {
    expect(blockAt(TEXT, spans[0]!, answer, TEXT.indexOf('knew'))?.speaker).toBe('Ann');
    expect(blockAt(TEXT, spans[0]!, answer, TEXT.indexOf('unique'))?.speaker).toBeUndefined();
  });

  it('extends a whole Q&A from the question to the end of its last answer block', () => {
    const { start, end } = qaExtent(TEXT, spans[0]!, answer);
    expect(TEXT.slice(start, end)).toMatch(/^What led you[\s\S]*We knew\.$/);
    const last = qaExtent(TEXT, spans[2]!, [{ kind: 'paragraph', text: 'San Francisco.' }]);
    expect(TEXT.slice(last.start, last.end)).not.toMatch(/learn more/);
  });
});

describe('looseForm', () => {
  it('collapses white space and maps back to original offsets', () => {
    const f = looseForm('  A\u00a0 b\n\nc ');
    expect(f.text).toBe('a b c');
    expect(f.map.slice(0, 5)).toEqual([2, 3, 5, 6, 8]);
  });
});
