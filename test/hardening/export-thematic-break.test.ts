// Regression (found by fuzzing, fixed): a text line of dashes with spaces between them, starting with two or
// more dashes ("-- -", "--- ---", "-- - -"), passes escapeMarkdownBlock
// unescaped, and CommonMark reads it as a thematic break: the line vanishes
// from the rendered note and an <hr> appears instead. escapeLineStart in
// src/export/escape.ts catches "- - -" (a dash then a space) and "---" (dashes
// only) but not this form. Suggested fix: in escapeLineStart, escape the first
// character of any line matching /^(?:-[ \t]*){3,}$/ (three or more dashes,
// spaces or tabs anywhere between them).

import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { escapeMarkdownBlock, renderInterview } from '../../src/export';
import type { Interview } from '../../src/types';

const md = new MarkdownIt('commonmark', { html: true });

function tokenTypes(markdown: string): string[] {
  return md.parse(markdown, {}).map((t) => t.type);
}

describe('dash lines with inner spaces', () => {
  it.each(['-- -', '--- ---', '-- - -', '--\t-', '---- -'])(
    'escapeMarkdownBlock(%j) renders as that text, not a rule',
    (line) => {
      const out = escapeMarkdownBlock(line);
      expect(tokenTypes(`${out}\n`)).not.toContain('hr');
      expect(md.renderInline(out)).toBe(line.replace(/[ \t]+/g, ' '));
    },
  );

  it('an answer paragraph "title: x" + "--- ---" keeps both lines as text in renderInterview', () => {
    const iv: Interview = {
      url: 'https://example.org/a',
      canonicalUrl: null,
      site: 'generic',
      interview: true,
      title: 'T',
      author: null,
      publication: null,
      published: null,
      subject: {},
      facts: [],
      intro: [],
      sections: [
        {
          id: 'q',
          question: 'Q?',
          subQuestions: [],
          answer: [{ kind: 'paragraph', text: 'title: x\n--- ---' }],
        },
      ],
    };
    const html = md.render(renderInterview(iv).replace(/^---\n[\s\S]*?\n---\n/, ''));
    expect(html).not.toContain('<hr');
    expect(html).toContain('--- ---');
  });
});
