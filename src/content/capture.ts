// Turns what the reader picked (a selection, a whole Q&A, one paragraph) into
// a Highlight row and its Article row. Pure apart from the DOM ranges it reads.

import { describeOffsets, offsetsFromRange, type TextIndex } from '../anchor';
import { fallbackFragmentUrl, fragmentFromRange, fragmentFromText } from '../export';
import type { Article, Block, Highlight, HighlightColor, HighlightKind, Interview, Selector } from '../types';
import { articleFromInterview } from '../store/article';
import { cut, cutOrNull, ROW_LIMITS as LIMITS } from '../store/limits';
import { withoutFragment } from '../url';
import { blockAt, qaExtent, sectionAt, locateBlocks, type SectionSpan } from './sections';

export interface CaptureContext {
  interview: Interview;
  index: TextIndex;
  spans: SectionSpan[];
  /** location.href */
  pageUrl: string;
  color: HighlightColor;
  now: number;
  newId: () => string;
  /**
   * The page is too large to check a link against (building a checked
   * text-fragment link scans the whole page, synchronously): link with the
   * quote's own first and last words instead.
   */
  unchecked?: boolean;
}

function fragmentFor(ctx: CaptureContext, range: Range | null, start: number, end: number): string {
  const pageUrl = withoutFragment(ctx.pageUrl);
  if (ctx.unchecked) return fallbackFragmentUrl(pageUrl, ctx.index.text.slice(start, end));
  if (range) {
    try {
      const f = fragmentFromRange(range, pageUrl);
      if (typeof f === 'string' && f !== '') return f;
    } catch {
      // Generation can fail on odd DOM; the text-based directive still links to the quote.
    }
  }
  return fragmentFromText(ctx.index.text, start, end, pageUrl);
}

export interface Captured {
  highlight: Highlight;
  article: Article;
  start: number;
  end: number;
}

function make(
  ctx: CaptureContext,
  kind: HighlightKind,
  start: number,
  end: number,
  selectors: Selector[],
  range: Range | null,
  extra: Partial<Pick<Highlight, 'answer' | 'subQuestions' | 'speaker'>> & { sectionId?: string | null },
): Captured {
  const { interview } = ctx;
  const span =
    extra.sectionId !== undefined
      ? (ctx.spans.find((s) => s.id === extra.sectionId) ?? null)
      : sectionAt(ctx.spans, start);
  const section = span ? (interview.sections.find((s) => s.id === span.id) ?? null) : null;
  let speaker: string | null = extra.speaker ?? null;
  if (speaker === null && span && section)
    speaker = blockAt(ctx.index.text, span, section.answer, start)?.speaker ?? null;
  const article = articleFromInterview(interview, ctx.pageUrl, ctx.now);
  const highlight: Highlight = {
    id: ctx.newId(),
    articleKey: article.key,
    kind,
    quote: ctx.index.text.slice(start, end),
    selectors,
    sectionId: section?.id ?? null,
    question: cutOrNull(section?.question ?? null, LIMITS.question),
    speaker: cutOrNull(speaker, LIMITS.shortText),
    url: withoutFragment(ctx.pageUrl),
    canonicalUrl: interview.canonicalUrl,
    fragmentUrl: fragmentFor(ctx, range, start, end),
    color: ctx.color,
    note: '',
    tags: [],
    createdAt: ctx.now,
    updatedAt: ctx.now,
    orphaned: false,
  };
  if (extra.answer) {
    highlight.answer = extra.answer.slice(0, LIMITS.blocks).map((b) => {
      const fitted: Block = { ...b, text: cut(b.text, LIMITS.blockText) };
      if (b.speaker !== undefined) fitted.speaker = cut(b.speaker, LIMITS.shortText);
      return fitted;
    });
  }
  if (extra.subQuestions)
    highlight.subQuestions = extra.subQuestions
      .slice(0, LIMITS.subQuestions)
      .map((q) => cut(q, LIMITS.question));
  return { highlight, article, start, end };
}

export type CaptureResult = { ok: true; value: Captured } | { ok: false; error: string };

/** A highlight from a DOM range the reader selected. */
export function captureRange(ctx: CaptureContext, range: Range): CaptureResult {
  const offsets = offsetsFromRange(ctx.index, range);
  if (!offsets) return { ok: false, error: 'That selection is outside the article.' };
  let { start, end } = offsets;
  // Leading and trailing white space is not part of what the reader meant.
  while (start < end && /\s/.test(ctx.index.text[start] as string)) start++;
  while (end > start && /\s/.test(ctx.index.text[end - 1] as string)) end--;
  if (end <= start) return { ok: false, error: 'Select some text first.' };
  // Describe the trimmed offsets, so the selectors agree with the saved quote.
  const selectors = describeOffsets(ctx.index, start, end);
  return { ok: true, value: make(ctx, 'selection', start, end, selectors, range, {}) };
}

/** A highlight of a whole Q&A (question through the end of its answer) or of one answer block. */
export function captureSection(
  ctx: CaptureContext,
  sectionId: string,
  paragraphIndex: number | undefined,
  rangeOf: (start: number, end: number) => Range | null,
): CaptureResult {
  const section = ctx.interview.sections.find((s) => s.id === sectionId);
  const span = ctx.spans.find((s) => s.id === sectionId);
  if (!section || !span) return { ok: false, error: 'That question is not on this page any more.' };
  let start: number;
  let end: number;
  let kind: HighlightKind;
  let block: Block | undefined;
  if (paragraphIndex === undefined) {
    ({ start, end } = qaExtent(ctx.index.text, span, section.answer));
    kind = 'qa';
  } else {
    block = section.answer[paragraphIndex];
    const place = block ? locateBlocks(ctx.index.text, span, section.answer)[paragraphIndex] : null;
    if (!block || !place) return { ok: false, error: 'That paragraph is not on this page any more.' };
    ({ start, end } = place);
    kind = 'paragraph';
  }
  const range = rangeOf(start, end);
  const selectors = range ? describeOffsets(ctx.index, start, end) : [];
  if (selectors.length === 0) return { ok: false, error: 'Could not place that text on the page.' };
  const extra: Parameters<typeof make>[6] = { sectionId };
  if (kind === 'qa') {
    extra.answer = section.answer.map((b) => ({ ...b }));
    extra.subQuestions = [...section.subQuestions];
  } else if (block?.speaker) {
    extra.speaker = block.speaker;
  }
  return { ok: true, value: make(ctx, kind, start, end, selectors, range, extra) };
}
