// Hostile page text through the pure Markdown renderers: whatever a page puts
// in titles, questions, answers, speakers, quotes, notes and tags, the file
// renders (markdown-it, CommonMark + GFM tables/strikethrough, raw HTML on, any
// link scheme allowed so nothing hides behind markdown-it's own URL filter)
// back to the same text, with no HTML, no image and no link but http(s)
// source links; the front matter parses to the same strings; file names stay
// safe. FUZZ_RUNS=N raises (or lowers) every property's number of runs.

import fc from 'fast-check';
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
import { expectSafe, frontMatterOf, HOSTILE, hostile, hostileUrl, shown } from './hostile';

const FUZZ_TIMEOUT = 240_000;

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
