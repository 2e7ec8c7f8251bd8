import { describe, expect, it } from 'vitest';
import { renderHighlights, type HighlightExportOptions } from '../../src/export';
import type { Article, Highlight } from '../../src/types';
import { CAREER_URL, article, highlight, p, specExample } from './data';
import { highlightBlocks, seen, type ExpectedGroup, type ShownParts } from './expected-blocks';
import { expectGolden } from './golden';
import { readMarkdown } from './markdown-text';

function checkReadBack(
  md: string,
  a: Article,
  site: string,
  groups: ExpectedGroup[],
  parts: ShownParts,
): void {
  const doc = readMarkdown(md);
  expect(doc.forbidden).toEqual([]);
  expect(seen(doc.blocks)).toEqual(highlightBlocks(a, site, groups, parts));
  const links = doc.blocks.flatMap((b) => b.links);
  for (const l of links) expect(l.href).toMatch(/^https?:\/\//);
  const sourceLinks = links.filter((l) => l.text === 'source');
  const count = groups.reduce((n, g) => n + g.highlights.length, 0);
  expect(sourceLinks.length).toBe(parts.link ? count : 0);
  expect(links.filter((l) => l.text !== 'source').map((l) => l.text)).toEqual(parts.link ? [site] : []);
  expect(md.endsWith('\n') && !md.endsWith('\n\n')).toBe(true);
  expect(md).not.toContain('\r');
}

describe('renderHighlights: the spec example', () => {
  const { article: a, highlights } = specExample();
  const groups: ExpectedGroup[] = [{ heading: 'What led you to joining Pinterest?', highlights }];
  const site = 'Pinterest Engineering Blog';

  // The design document's example, byte for byte except its tags line: the
  // example lists ["interview", "culture"] while its one highlight is tagged
  // #culture #hiring, so the rule it states (tags = union of the highlights'
  // tags) gives ["culture", "hiring"]. The rule wins.
  it('reproduces the design document example', () => {
    const md = renderHighlights(a, highlights, { clipped: '2026-11-21' });
    expectGolden('spec-example', md);
    checkReadBack(md, a, site, groups, { notes: true, tags: true, link: true });
    const fm = readMarkdown(md).frontMatter!;
    expect(fm.title).toBe(a.title);
    expect(fm.interviewee).toBe('Behnam Rezaei');
    expect(fm.tags).toEqual(['culture', 'hiring']);
    expect(String(fm.clipped instanceof Date ? fm.clipped.toISOString().slice(0, 10) : fm.clipped)).toBe(
      '2026-11-21',
    );
  });

  it('takes the clipped day from the article when not given', () => {
    expect(renderHighlights(a, highlights)).toBe(
      renderHighlights(a, highlights, { clipped: new Date(a.lastClippedAt) }),
    );
  });

  const variants: [string, HighlightExportOptions, ShownParts][] = [
    ['spec-example-no-front-matter', { frontMatter: false }, { notes: true, tags: true, link: true }],
    ['spec-example-no-notes', { includeNotes: false }, { notes: false, tags: true, link: true }],
    ['spec-example-no-tags', { includeTags: false }, { notes: true, tags: false, link: true }],
    ['spec-example-plain-links', { linkStyle: 'plain' }, { notes: true, tags: true, link: true }],
    ['spec-example-no-links', { linkStyle: 'none' }, { notes: true, tags: true, link: false }],
  ];
  it.each(variants)('%s', (name, options, parts) => {
    const md = renderHighlights(a, highlights, { clipped: '2026-11-21', ...options });
    expectGolden(name, md);
    checkReadBack(md, a, site, groups, parts);
    const doc = readMarkdown(md);
    if (options.frontMatter === false) expect(doc.frontMatter).toBeNull();
    if (options.includeTags === false) expect(doc.frontMatter).not.toHaveProperty('tags');
    const hrefs = doc.blocks.flatMap((b) => b.links.filter((l) => l.text === 'source').map((l) => l.href));
    if (options.linkStyle === 'plain') expect(hrefs).toEqual([CAREER_URL]);
  });
});

describe('renderHighlights: grouping, whole Q&A, paragraphs, outside the Q&A', () => {
  const a = article();
  const at = (start: number): Highlight['selectors'] => [
    { type: 'TextPositionSelector', start, end: start + 10 },
  ];
  const qa = highlight({
    kind: 'qa',
    quote:
      'Can you share more about your team at Pinterest? Pinterest has three main engineering organizations. …',
    selectors: at(1900),
    sectionId: 'q-team',
    question: 'Can you share more about your team at Pinterest?',
    subQuestions: ['What’s the goal of the team? What are the biggest opportunities you see?'],
    answer: [
      p('Pinterest has three main engineering organizations.'),
      { kind: 'heading', text: 'People' },
      { kind: 'list-item', text: 'Ranking', ordered: true },
      { kind: 'list-item', text: 'Retrieval', ordered: true },
      { kind: 'code', text: 'a `b` c' },
    ],
    fragmentUrl: `${CAREER_URL}#:~:text=Pinterest%20has%20three,continue%20this%20flywheel.`,
    tags: ['team'],
  });
  const inTeam = highlight({
    quote: 'I lead the Machine Learning (ML) and Data Science teams',
    selectors: at(2000),
    sectionId: 'q-team',
    question: 'Can you share more about your team at Pinterest?',
    fragmentUrl: `${CAREER_URL}#:~:text=I%20lead%20the%20Machine%20Learning`,
    note: 'See [docs](javascript:alert(1)) <b>now</b>\n\n# Not a heading\n- nor a list',
    tags: ['ml', 'team'],
  });
  const hostileLink = highlight({
    quote: 'it’s something I’m really proud of.',
    selectors: at(3000),
    sectionId: 'q-led',
    question: 'What led you to joining Pinterest?',
    fragmentUrl: 'javascript:alert(document.cookie)',
  });
  const twoParagraphs = highlight({
    quote: 'For companies of our size (mid-size companies), we move fast.\n\nEveryone has a big impact.',
    selectors: at(5000),
    sectionId: 'q-different',
    question: 'What makes Pinterest Engineering different?',
    tags: ['culture'],
  });
  const oldQuestion = highlight({
    quote: 'A quote under a question the page no longer has.',
    selectors: at(7000),
    sectionId: 'q-gone',
    question: 'What did the page used to ask?',
    orphaned: true,
    fragmentUrl: `${CAREER_URL}#:~:text=A%20quote%20under`,
  });
  const outro = highlight({
    quote: 'Thanks to Behnam for chatting with us.',
    selectors: at(9000),
    fragmentUrl: `${CAREER_URL}#:~:text=Thanks%20to%20Behnam`,
    tags: ['outro'],
  });
  const intro = highlight({
    quote: 'We sat down with Behnam Rezaei.',
    selectors: at(100),
    fragmentUrl: `${CAREER_URL}#:~:text=We%20sat%20down`,
  });
  const all = [outro, twoParagraphs, inTeam, intro, hostileLink, oldQuestion, qa];
  const groups: ExpectedGroup[] = [
    { heading: 'Can you share more about your team at Pinterest?', highlights: [qa, inTeam] },
    { heading: 'What led you to joining Pinterest?', highlights: [hostileLink] },
    { heading: 'What makes Pinterest Engineering different?', highlights: [twoParagraphs] },
    { heading: 'What did the page used to ask?', highlights: [oldQuestion] },
    { heading: 'Highlights', highlights: [intro, outro] },
  ];

  it('groups under questions in page order, whatever the input order', () => {
    const md = renderHighlights(a, all, { clipped: '2026-11-21' });
    expectGolden('mixed-highlights', md);
    checkReadBack(md, a, 'Pinterest Engineering Blog', groups, { notes: true, tags: true, link: true });
    expect(renderHighlights(a, [...all].reverse(), { clipped: '2026-11-21' })).toBe(md);
    expect(readMarkdown(md).frontMatter!.tags).toEqual(['team', 'ml', 'culture', 'outro']);
  });

  it('never writes a non-http link, falling back to a directive built from the quote', () => {
    const md = renderHighlights(a, [hostileLink], { clipped: '2026-11-21' });
    expect(md).not.toContain('javascript:');
    const hrefs = readMarkdown(md).blocks.flatMap((b) => b.links.map((l) => l.href));
    expect(hrefs).toContain(
      `${CAREER_URL}#:~:text=it%E2%80%99s%20something%20I%E2%80%99m%20really%20proud%20of.`,
    );
  });
});

describe('renderHighlights: panel interview', () => {
  const url = 'https://medium.com/pinterest-engineering/three-engineers-on-building-search-5d4c3b2a1f0e';
  const a = article({
    key: url,
    url,
    canonicalUrl: url,
    title: 'Three engineers on building search',
    published: '2022-11-09',
    subject: {},
    sections: [
      { id: 'q-how', question: 'How did each of you end up working on search?' },
      { id: 'q-advice', question: 'What advice would you give someone joining the team?' },
    ],
  });
  const kwame = highlight({
    articleKey: url,
    url,
    canonicalUrl: url,
    quote: 'Ask questions early.',
    selectors: [{ type: 'TextPositionSelector', start: 1500, end: 1520 }],
    sectionId: 'q-advice',
    question: 'What advice would you give someone joining the team?',
    speaker: 'Kwame Mensah',
    fragmentUrl: `${url}#:~:text=Ask%20questions%20early.`,
  });
  const lena = highlight({
    articleKey: url,
    url,
    canonicalUrl: url,
    kind: 'paragraph',
    quote: 'My thesis was on query understanding, so it felt like a natural fit.',
    selectors: [{ type: 'TextPositionSelector', start: 900, end: 960 }],
    sectionId: 'q-how',
    question: 'How did each of you end up working on search?',
    speaker: 'Lena Vogel',
    fragmentUrl: `${url}#:~:text=My%20thesis%20was%20on%20query%20understanding%2C%20so%20it%20felt%20like%20a%20natural%20fit.`,
  });
  it('names the speaker of each quote', () => {
    const md = renderHighlights(a, [kwame, lena], { clipped: '2026-11-22' });
    expectGolden('panel-highlights', md);
    checkReadBack(
      md,
      a,
      'Pinterest Engineering Blog',
      [
        { heading: 'How did each of you end up working on search?', highlights: [lena] },
        { heading: 'What advice would you give someone joining the team?', highlights: [kwame] },
      ],
      { notes: true, tags: true, link: true },
    );
    expect(readMarkdown(md).frontMatter).not.toHaveProperty('interviewee');
  });
});
