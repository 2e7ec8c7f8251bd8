// renderInterview: goldens for hand-built interviews and for every interview
// fixture page run through the extractor, each read back with markdown-it and
// compared block by block with the Interview it came from.

import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { renderInterview } from '../../src/export';
import { extractInterview } from '../../src/extract';
import type { Interview } from '../../src/types';
import { interview, p } from './data';
import { interviewBlocks, seen } from './expected-blocks';
import { expectGolden } from './golden';
import { norm, readMarkdown } from './markdown-text';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');

function displaySite(i: Interview): string {
  if (i.site === 'pinterest-engineering-blog') return 'Pinterest Engineering Blog';
  if (i.site === 'life-at-pinterest') return 'Life at Pinterest';
  return i.publication ?? new URL(i.canonicalUrl ?? i.url).hostname.replace(/^www\./, '');
}

function checkReadBack(md: string, i: Interview): void {
  const doc = readMarkdown(md);
  expect(doc.forbidden).toEqual([]);
  expect(seen(doc.blocks)).toEqual(interviewBlocks(i, displaySite(i)));
  const links = doc.blocks.flatMap((b) => b.links);
  expect(links).toEqual([{ href: i.canonicalUrl ?? i.url, text: displaySite(i) }]);
  for (const b of doc.blocks) {
    const speakerMarks = b.marks.filter((m) => m.startsWith('strong:'));
    if (b.kind === 'p' && speakerMarks.length > 0)
      expect(speakerMarks).toEqual([`strong:${b.text.slice(0, b.text.indexOf(':') + 1)}`]);
  }
  const fm = doc.frontMatter!;
  expect(fm.title).toBe(i.title);
  expect(fm.source).toBe(i.canonicalUrl ?? i.url);
  expect(fm).not.toHaveProperty('clipped');
  expect(fm).not.toHaveProperty('tags');
  expect(md.endsWith('\n') && !md.endsWith('\n\n')).toBe(true);
}

describe('renderInterview on hand-built interviews', () => {
  it('renders questions, sub-questions, headings, lists, quotes and code', () => {
    const i = interview();
    const md = renderInterview(i);
    expectGolden('interview-hand-built', md);
    checkReadBack(md, i);
    expect(md).toContain('````\nconst fence = "```";\nrun(fence)\n````');
  });

  it('leads each paragraph of a panel answer with its speaker', () => {
    const i = interview({
      title: 'Three engineers on building search',
      subject: {},
      published: '2022-11-09',
      sections: [
        {
          id: 'q-how',
          question: 'How did each of you end up working on search?',
          subQuestions: [],
          answer: [
            p('I started on the indexing pipeline as an intern.', 'Ana Torres'),
            p('I moved over from notifications.', 'Kwame Mensah'),
            p('And I stayed.', 'Kwame Mensah'),
          ],
        },
      ],
    });
    const md = renderInterview(i);
    expectGolden('interview-panel-hand-built', md);
    checkReadBack(md, i);
    expect(md).toContain(
      '**Kwame Mensah:** I moved over from notifications.\n\n**Kwame Mensah:** And I stayed.',
    );
  });

  it('keeps hostile page text as text', () => {
    const i = interview({
      title: '<script>alert(1)</script> # [x](javascript:y)',
      author: '"Quoted"\n---\nauthor',
      subject: { name: '1. Not a list', role: '![img](https://x.example/i.png)' },
      sections: [
        {
          id: 'q',
          question: 'Is *this* a `question`? <b>bold</b>',
          subQuestions: ['_And_ this?', '| a | b |'],
          answer: [
            p('- not a list\n===\n> not a quote'),
            { kind: 'heading', text: '## deeper' },
            { kind: 'list-item', text: '1. inner number' },
            { kind: 'quote', text: '```not code```' },
            p('trailing backslash \\', '**Bold** Speaker'),
          ],
        },
      ],
    });
    const md = renderInterview(i);
    expectGolden('interview-hostile', md);
    checkReadBack(md, i);
    expect(readMarkdown(md).frontMatter!.author).toBe('"Quoted"\n---\nauthor');
  });
});

const fixtures = readdirSync(FIXTURES)
  .filter((f) => f.endsWith('.expected.json'))
  .map((f) => f.replace(/\.expected\.json$/, ''))
  .sort();

interface Expected {
  url: string;
  interview: boolean;
  questions?: { question: string }[];
}

describe('renderInterview on the fixture pages', () => {
  it('has interview fixtures to render', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(3);
  });

  it.each(fixtures)('%s', (name) => {
    const expected = JSON.parse(readFileSync(join(FIXTURES, `${name}.expected.json`), 'utf8')) as Expected;
    const window = new Window({ url: expected.url });
    const document = window.document as unknown as Document;
    document.write(readFileSync(join(FIXTURES, `${name}.html`), 'utf8'));
    const i = extractInterview(document, expected.url);
    const md = renderInterview(i);
    expectGolden(`fixture-${name}`, md);
    checkReadBack(md, i);
    // The questions a careful reader wrote down are the file's headings, in order.
    const headings = readMarkdown(md)
      .blocks.filter((b) => b.kind === 'h2')
      .map((b) => norm(b.text).replace(/:$/, ''));
    if (expected.interview) expect(headings).toEqual((expected.questions ?? []).map((q) => norm(q.question)));
    expect(renderInterview(i)).toBe(md);
    window.happyDOM.abort();
  });
});
