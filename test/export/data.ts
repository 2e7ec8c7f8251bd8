// Hand-built articles, highlights and interviews for the export tests.

import type { Article, Block, Highlight, Interview } from '../../src/types';
import { makeArticle, makeHighlight } from '../rows';

export const CAREER_URL =
  'https://medium.com/pinterest-engineering/create-the-engineering-career-you-love-at-pinterest-4f0e6b3a2c1d';
const CLIPPED = Date.UTC(2026, 10, 21, 9, 30);

export function article(over: Partial<Article> = {}): Article {
  return makeArticle({
    url: CAREER_URL,
    title: 'Create the engineering career you love at Pinterest',
    subject: { name: 'Behnam Rezaei', role: 'Pinterest VP, Engineering' },
    sections: [
      { id: 'q-team', question: 'Can you share more about your team at Pinterest?' },
      { id: 'q-led', question: 'What led you to joining Pinterest?' },
      { id: 'q-different', question: 'What makes Pinterest Engineering different?' },
    ],
    createdAt: CLIPPED,
    updatedAt: CLIPPED,
    lastClippedAt: CLIPPED,
    ...over,
  });
}

let counter = 0;

export function highlight(over: Partial<Highlight> & { quote: string }): Highlight {
  counter++;
  const start = 1000 + counter * 100;
  return makeHighlight({
    id: `h-${String(counter).padStart(3, '0')}`,
    url: CAREER_URL,
    selectors: [
      { type: 'TextQuoteSelector', exact: over.quote, prefix: '', suffix: '' },
      { type: 'TextPositionSelector', start, end: start + over.quote.length },
    ],
    sectionId: null,
    question: null,
    fragmentUrl: '',
    createdAt: CLIPPED,
    updatedAt: CLIPPED,
    ...over,
  });
}

export function at(h: Highlight, start: number): Highlight {
  return {
    ...h,
    selectors: h.selectors.map((s) =>
      s.type === 'TextPositionSelector' ? { ...s, start, end: start + h.quote.length } : s,
    ),
  };
}

/** The spec example: one highlight under "What led you to joining Pinterest?". */
export function specExample(): { article: Article; highlights: Highlight[] } {
  return {
    article: article(),
    highlights: [
      highlight({
        quote: 'Pinterest has a very unique culture.',
        sectionId: 'q-led',
        question: 'What led you to joining Pinterest?',
        fragmentUrl: `${CAREER_URL}#:~:text=Pinterest%20has%20a%20very%20unique%20culture.`,
        note: 'Note written by the reader, kept as its own paragraph.',
        tags: ['culture', 'hiring'],
      }),
    ],
  };
}

export const p = (text: string, speaker?: string): Block =>
  speaker ? { kind: 'paragraph', text, speaker } : { kind: 'paragraph', text };

export function interview(over: Partial<Interview> = {}): Interview {
  return {
    url: CAREER_URL,
    canonicalUrl: CAREER_URL,
    site: 'pinterest-engineering-blog',
    interview: true,
    title: 'Create the engineering career you love at Pinterest',
    author: 'Pinterest Engineering',
    publication: 'Pinterest Engineering Blog',
    published: '2023-08-03',
    subject: { name: 'Behnam Rezaei', role: 'Pinterest VP, Engineering' },
    facts: [],
    intro: [p('An intro that is not part of any answer.')],
    sections: [
      {
        id: 'q-team',
        question: 'Can you share more about your team at Pinterest?',
        subQuestions: ['What’s the goal of the team? What are the biggest opportunities you see?'],
        answer: [
          p('Pinterest has three main engineering organizations.'),
          p('I lead the Machine Learning (ML) and Data Science teams.'),
        ],
      },
      {
        id: 'q-trends',
        question: 'Which trends excite you?',
        subQuestions: [],
        answer: [
          { kind: 'heading', text: 'Generative AI' },
          p('It can enhance the user experience.'),
          { kind: 'list-item', text: 'First, ranking', ordered: true },
          { kind: 'list-item', text: 'Second, retrieval', ordered: true },
          { kind: 'list-item', text: 'People' },
          { kind: 'list-item', text: 'Product' },
          { kind: 'quote', text: 'Inspiration is the product.' },
          { kind: 'code', text: 'const fence = "```";\nrun(fence)' },
        ],
      },
    ],
    ...over,
  };
}
