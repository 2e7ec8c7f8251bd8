// A whole saved Q&A copied or exported reads as the popup shows it (src/clip.ts):
// the question once, as the heading; no "Q:"/"A:" markers; a panel's
// speakers and paragraphs apart; none of the page's indentation (issue 12, point 5).

import { describe, expect, it } from 'vitest';
import { renderHighlights } from '../../src/export/highlights';
import { article, highlight } from './data';

describe('a whole Q&A in the highlights note', () => {
  it('shows the question once, without markers, with speakers and paragraph breaks kept', () => {
    const question = 'Q: What is a problem you solved recently that you are proud of?';
    const qa = highlight({
      kind: 'qa',
      sectionId: 'q-proud',
      question,
      quote: `${question}\n    A: Ana Torres\n      We cut the build time.Bo Chen: The launch.`,
      answer: [
        { kind: 'paragraph', text: 'A:   We cut the build\n        time.', speaker: 'Ana Torres' },
        { kind: 'paragraph', text: '\n      The launch.', speaker: 'Bo Chen' },
        { kind: 'code', text: 'make  build\n  --fast' },
      ],
    });
    const md = renderHighlights(article({ sections: [] }), [qa], { frontMatter: false, linkStyle: 'none' });
    expect(md.match(/proud of\?/g)).toHaveLength(1);
    expect(md).toContain('## What is a problem you solved recently that you are proud of?\n');
    expect(md).toContain('**Ana Torres:** We cut the build time.\n\n**Bo Chen:** The launch.');
    expect(md).not.toMatch(/\b[QA]:/);
    expect(md.replace(/```[\s\S]*```/, '')).not.toMatch(/^ +\S/m);
    // Code is the one block whose white space is its meaning.
    expect(md).toContain('```\nmake  build\n  --fast\n```');
  });

  it('drops the question from the head of a Q&A saved without its blocks', () => {
    const qa = highlight({
      kind: 'qa',
      sectionId: 'q-led',
      question: 'What led you to joining Pinterest?',
      quote: 'What led you to joining Pinterest?\n   A: The people.',
    });
    const md = renderHighlights(article(), [qa], { frontMatter: false, linkStyle: 'none' });
    expect(md.match(/What led you/g)).toHaveLength(1);
    expect(md).toContain('The people.');
    expect(md).not.toContain('A:');
  });
});
