// Hostile page text through the pure Markdown renderers: whatever a page puts
// in titles, questions, answers, speakers, quotes, notes and tags, the file
// renders (markdown-it, CommonMark + GFM tables/strikethrough, raw HTML on, any
// link scheme allowed so nothing hides behind markdown-it's own URL filter)
// back to the same text, with no HTML, no image and no link but http(s)
// source links; the front matter parses to the same strings; file names stay
// safe. FUZZ_RUNS=N raises (or lowers) every property's number of runs.

import fc from 'fast-check';
import { load } from 'js-yaml';
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { fileNameFor, FileNamer, MAX_FILE_NAME, renderHighlights, renderInterview } from '../../src/export';
import { siteName, sourceUrl } from '../../src/export/site';
import {
  BLOCK_KINDS,
  HIGHLIGHT_COLORS,
  HIGHLIGHT_KINDS,
  LINK_STYLES,
  SITES,
  type Article,
  type Block,
  type Highlight,
  type Interview,
} from '../../src/types';
import { runs, withinBound } from './dom';

const FUZZ_TIMEOUT = 240_000;

const md = new MarkdownIt('commonmark', { html: true, linkify: false }).enable(['table', 'strikethrough']);
// markdown-it drops javascript:/data: links by itself; our output must not rely on that.
md.validateLink = () => true;
type Token = ReturnType<typeof md.parse>[number];

const BIG = 100_000;
const HOSTILE = [
  '<script>alert(1)</script>',
  '<img src=x onerror="alert(1)">',
  '<a href="javascript:alert(1)">click</a>',
  '<svg onload=alert(1)><circle/></svg>',
  '<iframe srcdoc="<script>parent.alert(1)</script>"></iframe>',
  '" onmouseover="alert(1)',
  "'><script>alert(document.cookie)</script>",
  'javascript:alert(1)',
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  '[click me](javascript:alert(1))',
  '[x](data:text/html,<script>alert(1)</script>)',
  '![tracker](https://evil.example/pixel.png)',
  '![x][ref]\n\n[ref]: https://evil.example/y.png',
  '<https://evil.example>',
  '<javascript:alert(1)>',
  '[ref]: https://evil.example "title"',
  '[^1] and [^1]: footnote',
  '---\ntitle: "pwned"\n---',
  '---',
  '"quoted" and \'single\' and \\"escaped\\"',
  'line one\nline two\r\nline three\u2028four\u2029five\u0085six',
  'key: value\n- list: item',
  '# heading\n## another',
  '> quote\n>> nested',
  '* star\n+ plus\n- minus\n1. one\n2) two',
  '```js\ncode\n```',
  '~~~\nfence\n~~~',
  '    indented code',
  '| a | b |\n|---|---|\n| 1 | 2 |',
  '**bold** __bold__ *em* _em_ `code` ~~strike~~',
  '&lt;script&gt; &amp;amp; &#60;b&#62; &#x3C;i&#x3E; &copy;',
  '\\ trailing backslash \\',
  'a\u202Eevil\u202C b\u2066iso\u2069 c\u200F\u200E d\u061C',
  'zero\u200Bwidth\u200Djoin\uFEFFbom\u00ADshy',
  'nul\u0000bell\u0007esc\u001B[31mred\u009Bc1',
  '$$ math $$ and $x$',
  '{{template}} {% raw %} <%= erb %>',
  'A'.repeat(BIG),
  '*'.repeat(BIG),
  '['.repeat(BIG),
  '<'.repeat(BIG),
  '\\'.repeat(BIG),
  `javascript:${'a'.repeat(BIG)}`,
  '\u202E'.repeat(BIG / 10),
];

const SMALL = HOSTILE.filter((h) => h.length < 1000);
const HUGE = HOSTILE.filter((h) => h.length >= 1000);

/**
 * A line of dashes with a space after the first two or more ("-- -") is a
 * thematic break the escaper misses: that bug has its own failing test in
 * found-export-thematic-break.test.ts, so the properties here step around it
 * to keep checking everything else.
 */
const KNOWN_THEMATIC_BREAK = /^[ \t]*--+[ \t]+-[ \t-]*$/m;

/** Hostile text: the list (its 100 KB words rarely, they are slow to read back), combinations of it, and random strings (lone surrogates included). */
const hostile = fc
  .oneof(
    { weight: 8, arbitrary: fc.constantFrom(...SMALL) },
    { weight: 1, arbitrary: fc.constantFrom(...HUGE) },
    {
      weight: 4,
      arbitrary: fc.array(fc.constantFrom(...SMALL), { minLength: 2, maxLength: 4 }).map((a) => a.join(' ')),
    },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
    { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  )
  .filter((t) => !KNOWN_THEMATIC_BREAK.test(t.replace(/\r\n?|[\u2028\u2029\u0085]/g, '\n')));

const hostileUrl = fc.constantFrom(
  'https://medium.com/pinterest-engineering/a-post-123',
  'https://example.org/a)b(c"d<e>f g',
  'https://example.org/path#:~:text=x',
  'http://example.org/[brackets]',
  'javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'file:///etc/passwd',
  'vbscript:msgbox(1)',
  ' https://example.org/with-spaces ',
  'not a url',
  '',
);

const block: fc.Arbitrary<Block> = fc.record(
  {
    kind: fc.constantFrom(...BLOCK_KINDS),
    text: hostile,
    speaker: hostile,
    ordered: fc.boolean(),
  },
  { requiredKeys: ['kind', 'text'] },
);

const interview: fc.Arbitrary<Interview> = fc.record({
  url: hostileUrl,
  canonicalUrl: fc.option(hostileUrl),
  site: fc.constantFrom(...SITES),
  interview: fc.constant(true),
  title: hostile,
  author: fc.option(hostile),
  publication: fc.option(hostile),
  published: fc.option(fc.constantFrom('2023-08-03', '2023-02-31', '"2023"\n---', 'yesterday')),
  subject: fc.record({ name: hostile, role: hostile, team: hostile }, { requiredKeys: [] }),
  facts: fc.constant([]),
  intro: fc.constant([]),
  sections: fc.array(
    fc.record({
      id: fc.uuid(),
      question: hostile,
      subQuestions: fc.array(hostile, { maxLength: 2 }),
      answer: fc.array(block, { maxLength: 4 }),
    }),
    { maxLength: 4 },
  ),
});

// ---- Reading the Markdown back ----

/** Text as a reader sees it: line separators as spaces, controls gone, white space collapsed. */
function shown(text: string): string {
  return text
    .replace(/[\u2028\u2029\u0085]/g, ' ')
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function splitFrontMatter(markdown: string): { yaml: string | null; body: string } {
  if (!markdown.startsWith('---\n')) return { yaml: null, body: markdown };
  const end = markdown.indexOf('\n---\n', 3);
  return end < 0
    ? { yaml: null, body: markdown }
    : { yaml: markdown.slice(4, end + 1), body: markdown.slice(end + 5) };
}

const FORBIDDEN = new Set([
  'html_block',
  'html_inline',
  'image',
  'hr',
  'table_open',
  's_open',
  'code_inline',
]);
const ALLOWED_TAGS = new Set([
  'h1',
  'h2',
  'h3',
  'p',
  'em',
  'strong',
  'a',
  'blockquote',
  'ul',
  'ol',
  'li',
  'pre',
  'code',
  'br',
]);

interface Read {
  texts: string[];
  links: string[];
  forbidden: string[];
  badTags: string[];
}

function read(body: string): Read {
  const out: Read = { texts: [], links: [], forbidden: [], badTags: [] };
  const visit = (tokens: Token[]): void => {
    for (const t of tokens) {
      if (FORBIDDEN.has(t.type)) out.forbidden.push(`${t.type}: ${t.content.slice(0, 60)}`);
      if (t.type === 'link_open') out.links.push(String(t.attrGet('href')));
      if (t.type === 'text' || t.type === 'code_block' || t.type === 'fence') out.texts.push(t.content);
      if (t.type === 'softbreak' || t.type === 'hardbreak') out.texts.push(' ');
      if (t.children) visit(t.children);
    }
  };
  const tokens = md.parse(body, {});
  visit(tokens);
  // Block boundaries as spaces, so texts of neighbouring blocks do not run together.
  out.texts = out.texts.map((t) => ` ${t} `);
  const html = md.render(body);
  for (const m of html.matchAll(/<\/?([a-zA-Z][a-zA-Z0-9-]*)([^>]*)>/g)) {
    const tag = m[1]!.toLowerCase();
    const attrs = m[2]!.trim().replace(/\/$/, '').trim();
    if (!ALLOWED_TAGS.has(tag)) out.badTags.push(m[0].slice(0, 80));
    else if (attrs !== '' && !(tag === 'a' && /^href="[^"]*"$/.test(attrs)))
      out.badTags.push(m[0].slice(0, 80));
  }
  return out;
}

function isHttpLink(href: string): boolean {
  return /^https?:\/\//i.test(href);
}

function expectSafe(markdown: string, maxLinks: number): Read {
  expect(markdown.endsWith('\n') && !markdown.endsWith('\n\n')).toBe(true);
  expect(markdown).not.toMatch(/\r/);
  const { yaml, body } = splitFrontMatter(markdown);
  if (yaml !== null) {
    // A line that could end the front matter early must not be inside it.
    expect(yaml.split('\n').filter((l) => l.trim() === '---')).toEqual([]);
  }
  const r = read(body);
  expect(r.forbidden).toEqual([]);
  expect(r.badTags).toEqual([]);
  expect(r.links.filter((h) => !isHttpLink(h))).toEqual([]);
  expect(r.links.length).toBeLessThanOrEqual(maxLinks);
  return r;
}

function frontMatterOf(markdown: string): Record<string, unknown> {
  const { yaml } = splitFrontMatter(markdown);
  expect(yaml).not.toBeNull();
  return load(yaml!) as Record<string, unknown>;
}

/** The text renderInterview promises to show: title, byline, then each question, its sub-questions and its answer. */
function expectedInterviewText(iv: Interview): string {
  const parts: string[] = [];
  if (iv.title.trim()) parts.push(iv.title);
  const who =
    [iv.subject.name, iv.subject.role]
      .map((s) => s?.trim())
      .filter((s): s is string => !!s)
      .join(', ') ||
    iv.author?.trim() ||
    '';
  const site = siteName(iv);
  const byline = [
    who,
    site ?? '',
    iv.published && /^\d{4}-\d{2}-\d{2}$/.test(iv.published) ? iv.published : '',
  ].filter((p) => shown(p) !== '');
  if (byline.length > 0) parts.push(byline.join(' · '));
  for (const s of iv.sections) {
    parts.push(s.question, ...s.subQuestions);
    for (const b of s.answer) {
      if (
        shown(b.text) === '' ||
        (b.kind === 'code' &&
          b.text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g, '').trim() === '')
      )
        continue;
      const speaker = b.kind === 'paragraph' && b.speaker && shown(b.speaker) !== '' ? `${b.speaker}: ` : '';
      parts.push(`${speaker}${b.text}`);
    }
  }
  return shown(parts.join(' '));
}

describe('renderInterview with hostile page text', () => {
  it(
    'renders back to the same text, with no HTML, image or non-http link, and front matter that parses to the same strings',
    () => {
      fc.assert(
        fc.property(interview, (iv) => {
          const { value: markdown } = withinBound(() => renderInterview(iv));
          const r = expectSafe(markdown, 1);
          const source = sourceUrl(iv);
          for (const href of r.links) expect(href.startsWith(new URL(source.trim()).origin)).toBe(true);
          expect(shown(r.texts.join(''))).toBe(expectedInterviewText(iv));
          const fm = frontMatterOf(markdown);
          if (iv.title.trim()) expect(fm.title).toBe(iv.title);
          if (iv.author?.trim()) expect(fm.author).toBe(iv.author);
          if (iv.subject.name?.trim()) expect(fm.interviewee).toBe(iv.subject.name);
          if (iv.subject.role?.trim()) expect(fm.role).toBe(iv.subject.role);
          if (fm.published !== undefined) expect(fm.published).toBeInstanceOf(Date);
          expect(
            Object.keys(fm).every((k) =>
              ['title', 'source', 'site', 'author', 'interviewee', 'role', 'published'].includes(k),
            ),
          ).toBe(true);
        }),
        { numRuns: runs(200) },
      );
    },
    FUZZ_TIMEOUT,
  );

  it.each(HOSTILE.map((h, i) => [i, h] as const))(
    'keeps hostile string #%i as literal text in every field',
    (_i, h) => {
      const iv: Interview = {
        url: 'https://medium.com/pinterest-engineering/a-post-123',
        canonicalUrl: null,
        site: 'generic',
        interview: true,
        title: h,
        author: h,
        publication: h,
        published: null,
        subject: { name: h, role: h },
        facts: [],
        intro: [],
        sections: [
          {
            id: 'a',
            question: h,
            subQuestions: [h],
            answer: BLOCK_KINDS.map((kind) => ({
              kind,
              text: h,
              speaker: h,
            })),
          },
          {
            id: 'b',
            question: `${h}?`,
            subQuestions: [],
            answer: [{ kind: 'list-item', text: h, ordered: true }],
          },
        ],
      };
      const { value: markdown } = withinBound(() => renderInterview(iv));
      const r = expectSafe(markdown, 1);
      expect(shown(r.texts.join(''))).toBe(expectedInterviewText(iv));
      expect(frontMatterOf(markdown).title).toBe(h.trim() ? h : undefined);
    },
    FUZZ_TIMEOUT,
  );
});

// ---- renderHighlights ----

const article: fc.Arbitrary<Article> = fc.record({
  key: hostileUrl,
  url: hostileUrl,
  canonicalUrl: fc.option(hostileUrl),
  site: fc.constantFrom(...SITES),
  title: hostile,
  author: fc.option(hostile),
  publication: fc.option(hostile),
  published: fc.option(fc.constantFrom('2023-08-03', '2023-02-31', 'x\n---')),
  subject: fc.record({ name: hostile, role: hostile }, { requiredKeys: [] }),
  sections: fc.array(fc.record({ id: fc.constantFrom('s1', 's2', 's3'), question: hostile }), {
    maxLength: 3,
  }),
  createdAt: fc.nat(),
  updatedAt: fc.nat(),
  lastClippedAt: fc.nat({ max: 4_102_444_800_000 }),
});

const highlight: fc.Arbitrary<Highlight> = fc.record(
  {
    id: fc.uuid(),
    articleKey: fc.constant('k'),
    kind: fc.constantFrom(...HIGHLIGHT_KINDS),
    quote: hostile.filter((q) => q.trim() !== ''),
    selectors: fc.constant([]),
    sectionId: fc.option(fc.constantFrom('s1', 's2', 's9')),
    question: fc.option(hostile),
    speaker: fc.option(hostile),
    url: hostileUrl,
    canonicalUrl: fc.option(hostileUrl),
    fragmentUrl: fc.oneof(
      hostileUrl,
      hostileUrl.map((u) => `${u}#:~:text=${encodeURIComponent('x)y')}`),
    ),
    color: fc.constantFrom(...HIGHLIGHT_COLORS),
    note: hostile,
    tags: fc.array(hostile, { maxLength: 3 }),
    createdAt: fc.nat({ max: 4_102_444_800_000 }),
    updatedAt: fc.nat(),
    orphaned: fc.boolean(),
    answer: fc.array(block, { maxLength: 3 }),
    subQuestions: fc.array(hostile, { maxLength: 2 }),
  },
  {
    requiredKeys: [
      'id',
      'articleKey',
      'kind',
      'quote',
      'selectors',
      'sectionId',
      'question',
      'speaker',
      'url',
      'canonicalUrl',
      'fragmentUrl',
      'color',
      'note',
      'tags',
      'createdAt',
      'updatedAt',
      'orphaned',
    ],
  },
);

describe('renderHighlights with hostile quotes, notes, tags, questions and speakers', () => {
  it(
    'writes no HTML, image or non-http link, keeps every quote and note as text, and front matter parses back',
    () => {
      fc.assert(
        fc.property(
          article,
          fc.array(highlight, { maxLength: 4 }),
          fc.record({
            linkStyle: fc.constantFrom(...LINK_STYLES),
            includeNotes: fc.boolean(),
            includeTags: fc.boolean(),
            frontMatter: fc.boolean(),
          }),
          (a, hs, options) => {
            const { value: markdown } = withinBound(() => renderHighlights(a, hs, options));
            const r = expectSafe(markdown, 1 + hs.length);
            const text = shown(r.texts.join(''));
            for (const h of hs) {
              const quoted = h.kind === 'qa' && h.answer && h.answer.length > 0 ? '' : shown(h.quote);
              expect(text).toContain(quoted);
              if (options.includeNotes) expect(text).toContain(shown(h.note));
            }
            if (options.frontMatter) {
              const fm = frontMatterOf(markdown);
              if (a.title.trim()) expect(fm.title).toBe(a.title);
              if (fm.tags !== undefined)
                expect(
                  Array.isArray(fm.tags) && (fm.tags as unknown[]).every((t) => typeof t === 'string'),
                ).toBe(true);
            } else expect(markdown.startsWith('---\n')).toBe(false);
          },
        ),
        { numRuns: runs(150) },
      );
    },
    FUZZ_TIMEOUT,
  );
});

// ---- File names ----

const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;

function fileNameProblems(name: string): string[] {
  const out: string[] = [];
  if (name === '') out.push('empty');
  if (/[/\\:*?"<>|]/.test(name)) out.push('path or reserved punctuation');
  if (/[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}]/u.test(name))
    out.push('control, format, surrogate or line separator');
  if (name.startsWith('.')) out.push('leading dot');
  if (/[ .]$/.test(name) || name.startsWith(' ')) out.push('leading or trailing space or dot');
  if (Array.from(name).length > MAX_FILE_NAME) out.push(`${Array.from(name).length} characters`);
  if (WINDOWS_RESERVED.test(name)) out.push('Windows device name');
  if (name === '.' || name === '..') out.push('dot name');
  return out;
}

describe('fileNameFor and FileNamer with hostile titles', () => {
  it(
    'gives safe names: no separators or controls, no leading dot, at most 100 characters, never a device name',
    () => {
      fc.assert(
        fc.property(
          fc.oneof(
            hostile,
            fc.constantFrom(
              '..',
              '.',
              '../../etc/passwd',
              '..\\..\\win.ini',
              'CON',
              'nul',
              'com1',
              ' .hidden',
              '.md',
              '~',
              '-rf',
              'A/B',
            ),
          ),
          (title) => {
            const { value: name } = withinBound(() => fileNameFor(title));
            expect(fileNameProblems(name)).toEqual([]);
          },
        ),
        { numRuns: runs(1500) },
      );
    },
    FUZZ_TIMEOUT,
  );

  it(
    'hands out names that differ even on case-insensitive file systems, all safe with their counter and extension',
    () => {
      fc.assert(
        fc.property(
          fc.array(fc.oneof(hostile, fc.constantFrom('Same', 'same', 'SAME', 'same (2)')), {
            minLength: 1,
            maxLength: 12,
          }),
          (titles) => {
            const namer = new FileNamer('.md');
            namer.reserve('index.md');
            const names = titles.map((t) => namer.next(t));
            expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
            expect(names.map((n) => n.toLowerCase())).not.toContain('index.md');
            for (const n of names) {
              expect(n.endsWith('.md')).toBe(true);
              expect(fileNameProblems(n.slice(0, -3))).toEqual([]);
            }
          },
        ),
        { numRuns: runs(400) },
      );
    },
    FUZZ_TIMEOUT,
  );
});
