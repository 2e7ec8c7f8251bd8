// A whole Q&A clip shows its question once, no markers, its paragraphs and
// speakers apart, and none of the page's indentation (issue 12, point 5).

import { describe, expect, it } from 'vitest';
import { clipPlainText, clipView } from '../src/clip';
import { makeHighlight } from './rows';

describe('clipView', () => {
  it('shows a whole Q&A from its answer blocks: the question once, speakers kept apart, markers gone', () => {
    const h = makeHighlight({
      kind: 'qa',
      question: 'Q: What is a problem you solved recently that you are proud of?',
      quote:
        'What is a problem you solved recently that you are proud of?Ana Torres: We cut the time\n      it takes.Kwame Mensah: Me too.',
      answer: [
        { kind: 'paragraph', text: 'We cut the time\n      it takes.', speaker: 'Ana Torres' },
        { kind: 'paragraph', text: 'A: Me too.', speaker: 'Kwame Mensah' },
        { kind: 'list-item', text: '  first  ', ordered: true },
      ],
      subQuestions: ['  And then?  '],
    });
    const v = clipView(h);
    expect(v.question).toBe('What is a problem you solved recently that you are proud of?');
    expect(v.subQuestions).toEqual(['And then?']);
    expect(v.paragraphs).toEqual([
      { kind: 'paragraph', text: 'We cut the time it takes.', speaker: 'Ana Torres', ordered: false },
      { kind: 'paragraph', text: 'Me too.', speaker: 'Kwame Mensah', ordered: false },
      { kind: 'list-item', text: 'first', speaker: null, ordered: true },
    ]);
    expect(clipPlainText(v)).toBe('Ana Torres: We cut the time it takes.\nKwame Mensah: Me too.\nfirst');
  });

  it('drops the question from the head of a Q&A saved without its blocks', () => {
    const v = clipView(
      makeHighlight({ kind: 'qa', question: 'Why Pinterest?', quote: 'Why Pinterest?  A: The people.' }),
    );
    expect(v.paragraphs.map((p) => p.text)).toEqual(['The people.']);
  });

  it('shows a selection as its quote with the white space of the page collapsed, under its question', () => {
    const v = clipView(
      makeHighlight({
        kind: 'selection',
        question: 'Why?',
        quote: '\n   The   people\n  here.  ',
        speaker: 'Dana',
      }),
    );
    expect(v).toEqual({
      question: 'Why?',
      subQuestions: [],
      paragraphs: [{ kind: 'paragraph', text: 'The people here.', speaker: 'Dana', ordered: false }],
    });
  });
});
