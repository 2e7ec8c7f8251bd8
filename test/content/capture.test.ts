// @vitest-environment happy-dom
// Highlight construction from DOM ranges on saved fixture pages: section
// lookup, speaker, quote, selectors and the article row.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Window } from 'happy-dom';
import { buildTextIndex, rangeFromOffsets, type TextIndex } from '../../src/anchor';
import { extractInterview, findArticleRoot } from '../../src/extract';
import { captureRange, captureSection, type CaptureContext } from '../../src/content/capture';
import { articleFromInterview } from '../../src/store/article';
import { checkMessage } from '../../src/messages';
import { ROW_LIMITS as LIMITS } from '../../src/store/limits';
import { checkArticle, checkHighlight } from '../../src/store/validate';
import { looseForm, findLoose, locateSections } from '../../src/content/sections';
import type { Interview } from '../../src/types';
import { articleKey } from '../../src/url';

const FIXTURES = join(__dirname, '../../../shared/fixtures');
const squash = (s: string): string => s.replace(/\s+/g, ' ').trim();

interface Expected {
  url: string;
  questions: {
    question: string;
    answerStartsWith: string;
    answerEndsWith: string;
    answerSpeakers?: string[];
  }[];
}

function load(name: string) {
  const expected = JSON.parse(readFileSync(join(FIXTURES, `${name}.expected.json`), 'utf8')) as Expected;
  const window = new Window({ url: expected.url });
  const document = window.document as unknown as Document;
  document.write(readFileSync(join(FIXTURES, `${name}.html`), 'utf8'));
  const interview: Interview = extractInterview(document, expected.url);
  const root = findArticleRoot(document) ?? document.body;
  const index = buildTextIndex(root);
  let n = 0;
  const ctx: CaptureContext = {
    interview,
    index,
    spans: locateSections(index.text, interview.sections),
    pageUrl: `${expected.url}?source=rss#intro`,
    color: 'green',
    now: 1_700_000_000_000,
    newId: () => `id-${++n}`,
  };
  return { expected, document, interview, index, ctx };
}

/** The DOM range a reader would make by dragging over `text` (white space as the page has it). */
function rangeOver(index: TextIndex, text: string, from = 0): Range {
  const hay = looseForm(index.text);
  const hit = findLoose(hay, text, from);
  if (!hit) throw new Error(`not on the page: ${text}`);
  return rangeFromOffsets(index, hit.start, hit.end);
}

describe('capturing a selection on the Pinterest Engineering interview', () => {
  const { expected, interview, index, ctx } = load('pinterest-engineering-career-interview');

  it('finds every question of the page in its text', () => {
    expect(ctx.spans.map((s) => s.id)).toEqual(interview.sections.map((s) => s.id));
    expect(interview.sections.length).toBe(expected.questions.length);
  });

  it('files a selection in an answer under its question, with quote, selectors and link', () => {
    const q = expected.questions[1]!;
    const r = captureRange(ctx, rangeOver(index, q.answerStartsWith));
    if (!r.ok) throw new Error(r.error);
    const h = r.value.highlight;
    expect(squash(h.quote)).toBe(q.answerStartsWith);
    expect(h.question).toBe(interview.sections[1]!.question);
    expect(h.sectionId).toBe(interview.sections[1]!.id);
    expect(h.kind).toBe('selection');
    expect(h.color).toBe('green');
    expect(h.articleKey).toBe(articleKey(expected.url));
    expect(h.url).toBe(`${expected.url}?source=rss`);
    expect(h.fragmentUrl.startsWith(`${expected.url}?source=rss#:~:text=`)).toBe(true);
    expect(h.selectors.find((s) => s.type === 'TextQuoteSelector')).toMatchObject({
      type: 'TextQuoteSelector',
    });
    expect(h).toMatchObject({ note: '', tags: [], orphaned: false, createdAt: ctx.now, updatedAt: ctx.now });
    expect(r.value.article).toMatchObject({
      key: h.articleKey,
      title: interview.title,
      site: interview.site,
    });
    expect(r.value.article.sections.map((s) => s.question)).toEqual(
      interview.sections.map((s) => s.question),
    );
  });

  it('makes one highlight of a selection from a question into its answer, filed under that question', () => {
    const q = expected.questions[2]!;
    const start = rangeOver(index, q.question);
    const end = rangeOver(index, q.answerStartsWith);
    const range = start.startContainer.ownerDocument!.createRange();
    range.setStart(start.startContainer, start.startOffset);
    range.setEnd(end.endContainer, end.endOffset);
    const r = captureRange(ctx, range);
    if (!r.ok) throw new Error(r.error);
    expect(squash(r.value.highlight.quote).startsWith(q.question)).toBe(true);
    expect(squash(r.value.highlight.quote).endsWith(q.answerStartsWith)).toBe(true);
    expect(r.value.highlight.sectionId).toBe(interview.sections[2]!.id);
  });

  it('leaves a selection before the first question outside any section', () => {
    const first = ctx.spans[0]!;
    const before = index.text.slice(0, first.start).trim();
    expect(before.length).toBeGreaterThan(5);
    const words = squash(before).split(' ').slice(0, 3).join(' ');
    const r = captureRange(ctx, rangeOver(index, words));
    if (!r.ok) throw new Error(r.error);
    expect(r.value.highlight.sectionId).toBeNull();
    expect(r.value.highlight.question).toBeNull();
  });

  it('refuses a selection of only white space', () => {
    const at = index.text.search(/\s\s/);
    const r = captureRange(ctx, rangeFromOffsets(index, at, at + 2));
    expect(r.ok).toBe(false);
  });

  it('describes a selection with surrounding white space by its trimmed quote', () => {
    // A drag that starts and ends on the spaces around two words.
    const at = index.text.indexOf(' midsize companies ');
    expect(at).toBeGreaterThan(0);
    const r = captureRange(ctx, rangeFromOffsets(index, at, at + ' midsize companies '.length));
    if (!r.ok) throw new Error(r.error);
    const h = r.value.highlight;
    const quote = h.selectors.find((s) => s.type === 'TextQuoteSelector');
    const position = h.selectors.find((s) => s.type === 'TextPositionSelector');
    expect(quote?.exact).toBe(h.quote);
    expect(h.quote).toBe('midsize companies');
    expect(position && index.text.slice(position.start, position.end)).toBe(h.quote);
  });

  it('saves a whole Q&A as one highlight from the question to the end of its answer', () => {
    const q = expected.questions[0]!;
    const section = interview.sections[0]!;
    const r = captureSection(ctx, section.id, undefined, (s, e) => rangeFromOffsets(index, s, e));
    if (!r.ok) throw new Error(r.error);
    const h = r.value.highlight;
    expect(h.kind).toBe('qa');
    expect(squash(h.quote).startsWith(q.question)).toBe(true);
    expect(squash(h.quote).endsWith(q.answerEndsWith)).toBe(true);
    expect(squash(h.quote)).not.toContain(expected.questions[1]!.question);
    expect(h.answer).toEqual(section.answer);
    expect(h.subQuestions).toEqual(section.subQuestions);
  });

  it('saves one answer paragraph', () => {
    const section = interview.sections[1]!;
    const i = section.answer.findIndex((b) => b.kind === 'paragraph');
    const r = captureSection(ctx, section.id, i, (s, e) => rangeFromOffsets(index, s, e));
    if (!r.ok) throw new Error(r.error);
    expect(r.value.highlight.kind).toBe('paragraph');
    expect(squash(r.value.highlight.quote)).toBe(squash(section.answer[i]!.text));
    expect(r.value.highlight.answer).toBeUndefined();
  });

  it('refuses a section that is not on the page', () => {
    expect(
      captureSection(ctx, 'no-such-question', undefined, (s, e) => rangeFromOffsets(index, s, e)).ok,
    ).toBe(false);
  });
});

describe('a page that claims oversized metadata', () => {
  it('still saves: the article row is cut to the store limits, and message and store checks both take it', () => {
    const { interview, index, ctx } = load('pinterest-engineering-career-interview');
    const huge: Interview = {
      ...interview,
      title: `${'T'.repeat(LIMITS.title - 1)}😀 and more`,
      author: 'A'.repeat(LIMITS.shortText + 5),
      subject: { ...interview.subject, name: 'N'.repeat(LIMITS.shortText * 3) },
      sections: [
        ...interview.sections.map((s) => ({ ...s, question: s.question + '?'.repeat(LIMITS.question) })),
        ...Array.from({ length: LIMITS.sections }, (_, i) => ({
          ...interview.sections[0]!,
          id: `extra-${i}`,
        })),
      ],
    };
    const article = articleFromInterview(huge, ctx.pageUrl, ctx.now);
    expect(article.title).toBe('T'.repeat(LIMITS.title - 1));
    expect(article.author).toHaveLength(LIMITS.shortText);
    expect(article.sections).toHaveLength(LIMITS.sections);
    expect(() => checkArticle(article)).not.toThrow();

    const hugeCtx = { ...ctx, interview: huge };
    for (const r of [
      captureRange(hugeCtx, rangeOver(index, interview.sections[0]!.question)),
      captureSection(hugeCtx, interview.sections[0]!.id, undefined, (s, e) => rangeFromOffsets(index, s, e)),
    ]) {
      if (!r.ok) throw new Error(r.error);
      expect(r.value.highlight.question).toHaveLength(LIMITS.question);
      expect(() => checkHighlight(r.value.highlight)).not.toThrow();
      expect(
        checkMessage({ type: 'highlight:save', highlight: r.value.highlight, article: r.value.article }).ok,
      ).toBe(true);
    }
  });
});

describe('speakers in a panel interview', () => {
  const { expected, interview, index, ctx } = load('synthetic-panel-interview');

  it('names the speaker of the paragraph a selection starts in', () => {
    let checked = 0;
    interview.sections.forEach((section, si) => {
      const span = ctx.spans.find((s) => s.id === section.id)!;
      for (const block of section.answer) {
        if (!block.speaker) continue;
        const words = squash(block.text).split(' ').slice(0, 4).join(' ');
        const from = looseForm(index.text);
        const hit = findLoose(from, words, 0);
        if (!hit || hit.start < span.start || hit.start >= span.end) continue;
        const r = captureRange(ctx, rangeFromOffsets(index, hit.start, hit.end));
        if (!r.ok) throw new Error(r.error);
        expect(r.value.highlight.speaker).toBe(block.speaker);
        expect(expected.questions[si]!.answerSpeakers).toContain(block.speaker);
        checked++;
      }
    });
    expect(checked).toBeGreaterThanOrEqual(3);
  });
});
