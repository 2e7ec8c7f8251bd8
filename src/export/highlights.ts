// The reader's highlights of one interview as Markdown, grouped under the
// questions they fall in (src/order.ts), in the format design/markdown-export.md
// of the project's shared design notes describes.

import { clipParagraph, clipQuestion, clipView } from '../clip';
import type { Article, Block, ExportOptions, Highlight } from '../types';
import { DEFAULT_SETTINGS } from '../types';
import { withoutFragment } from '../url';
import { groupByQuestion, type QuestionGroup } from '../order';
import { renderBlocks } from './blocks';
import {
  collapseWhitespace,
  escapeMarkdownBlock,
  escapeMarkdownInline,
  markdownLink,
  paragraphsOf,
  safeLinkUrl,
} from './escape';
import { dayOf, type FrontMatterValue, renderFrontMatter } from './front-matter';
import { pageFrontMatter, renderQuestion } from './interview';
import { joinChunks } from './join';
import { bylineLine, sourceUrl } from './site';
import { fallbackFragmentUrl } from './text-fragment';

export interface HighlightExportOptions extends Partial<ExportOptions> {
  /**
   * The day written as `clipped`: a Date/epoch is taken as its UTC day, a
   * "YYYY-MM-DD" string as it is. Defaults to the article's lastClippedAt, else
   * the newest highlight's createdAt, so output depends on its input alone.
   */
  clipped?: Date | string | number;
}

const OUTSIDE_HEADING = 'Highlights';

/**
 * A tag as written after `#`: white space becomes `-`, characters that are not
 * letters, digits, `_`, `-` or `/` are dropped (Obsidian's tag alphabet), and an
 * `_` that could open or close emphasis is escaped.
 */
export function tagText(tag: string): string {
  const plain = collapseWhitespace(tag)
    .replace(/^#+/, '')
    .replace(/ /g, '-')
    .replace(/[^\p{L}\p{N}\p{M}_\-/]/gu, '');
  return plain.replace(/_/g, (_m, i: number) => {
    const word = /[\p{L}\p{N}\p{M}]/u;
    return word.test(plain[i - 1] ?? '') && word.test(plain[i + 1] ?? '') ? '_' : '\\_';
  });
}

export function tagsOf(h: Highlight): string[] {
  const seen = new Set<string>();
  for (const t of h.tags) {
    const text = tagText(t);
    if (text !== '') seen.add(text);
  }
  return [...seen];
}

export function linkFor(h: Highlight, article: Article, style: ExportOptions['linkStyle']): string | null {
  if (style === 'none') return null;
  const page = safeLinkUrl(h.canonicalUrl) ?? safeLinkUrl(h.url) ?? safeLinkUrl(sourceUrl(article));
  if (style === 'plain') return page ? withoutFragment(page) : null;
  const saved = safeLinkUrl(h.fragmentUrl);
  if (saved?.includes('#:~:text=')) return saved;
  return page ? safeLinkUrl(fallbackFragmentUrl(page, h.quote)) : null;
}

/** "— Speaker · [source](link)"; null when there is neither a name nor a link. */
export function attribution(
  h: Highlight,
  article: Article,
  style: ExportOptions['linkStyle'],
): string | null {
  const parts: string[] = [];
  const who = h.speaker?.trim() || article.subject.name?.trim();
  if (who) parts.push(escapeMarkdownInline(who));
  const link = linkFor(h, article, style);
  if (link) parts.push(markdownLink('source', link));
  return parts.length > 0 ? `— ${parts.join(' · ')}` : null;
}

export function blockquote(quote: string, attributionLine: string | null): string {
  const lines: string[] = [];
  for (const [i, p] of paragraphsOf(quote).entries()) {
    if (i > 0) lines.push('>');
    for (const line of escapeMarkdownBlock(p).split('\n')) lines.push(line === '' ? '>' : `> ${line}`);
  }
  if (attributionLine) lines.push(`> ${attributionLine}`);
  return lines.join('\n');
}

/** An answer block as a clip shows it (src/clip.ts): no "A:" marker, the page's indentation gone; code kept as it was. */
function clipBlock(b: Block): Block[] {
  if (b.kind === 'code') return [b];
  const p = clipParagraph(b);
  if (!p) return [];
  return [{ ...b, text: p.text }];
}

/**
 * A whole saved Q&A's answer, as the popup and the library show it: the
 * question only in the heading above, speakers and paragraphs kept, no
 * "Q:"/"A:" markers. A Q&A saved without its blocks has only its quote.
 */
export function answerChunks(h: Highlight): string[] {
  return h.answer && h.answer.length > 0
    ? renderBlocks(h.answer.flatMap(clipBlock))
    : clipView(h).paragraphs.map((p) => escapeMarkdownBlock(p.text));
}

/** The reader's note, one chunk per paragraph. */
export function noteChunks(h: Highlight): string[] {
  return paragraphsOf(h.note).map((p) => escapeMarkdownBlock(p));
}

/** "#a #b", or '' when the highlight has no tag left after cleaning. */
export function tagLine(tags: readonly string[]): string {
  return tags.map((t) => `#${t}`).join(' ');
}

function renderHighlight(h: Highlight, article: Article, o: ExportOptions): string[] {
  const chunks: string[] = [];
  const attr = attribution(h, article, o.linkStyle);
  if (h.kind === 'qa') {
    // A whole saved Q&A: the answer as the interview renders it, then where it came from.
    chunks.push(...answerChunks(h));
    if (attr) chunks.push(attr);
  } else {
    chunks.push(blockquote(h.quote, attr));
  }
  if (o.includeNotes) chunks.push(...noteChunks(h));
  if (o.includeTags) chunks.push(tagLine(tagsOf(h)));
  return chunks;
}

export function clippedDay(
  article: Article,
  highlights: readonly Highlight[],
  clipped: HighlightExportOptions['clipped'],
): string | null {
  if (clipped !== undefined) return dayOf(clipped);
  if (article.lastClippedAt > 0) return dayOf(article.lastClippedAt);
  const newest = Math.max(0, ...highlights.map((h) => h.createdAt));
  return newest > 0 ? dayOf(newest) : null;
}

/** The export options with every one left out taken from the defaults. */
export function exportOptions(options: Partial<ExportOptions> = {}): ExportOptions {
  const d = DEFAULT_SETTINGS.export;
  return {
    frontMatter: options.frontMatter ?? d.frontMatter,
    includeNotes: options.includeNotes ?? d.includeNotes,
    includeTags: options.includeTags ?? d.includeTags,
    linkStyle: options.linkStyle ?? d.linkStyle,
  };
}

/** Tags in the front matter are raw YAML strings, but in the same cleaned form as the `#tag` lines. */
export function yamlTag(tag: string): string {
  return tag.replace(/\\_/g, '_');
}

/** The union of the highlights' cleaned tags, in the order the note shows them. */
export function noteTags(groups: readonly QuestionGroup[]): string[] {
  const tags: string[] = [];
  for (const g of groups)
    for (const h of g.highlights) for (const t of tagsOf(h)) if (!tags.includes(t)) tags.push(t);
  return tags;
}

/** The front matter fields of a highlights note, in their fixed order. */
export function noteFrontMatter(
  article: Article,
  clipped: string | null,
  tags: readonly string[] | null,
): [key: string, value: FrontMatterValue][] {
  return [
    ...pageFrontMatter(article),
    ['clipped', clipped ? { date: clipped } : null],
    ['tags', tags ? tags.map(yamlTag) : null],
  ];
}

/**
 * One interview's highlights as a Markdown note: front matter (with `clipped`
 * and the union of the highlights' tags), title, byline, then the highlights
 * under their questions in page order and those outside any Q&A under
 * `## Highlights`. Same input, same bytes; LF; one final newline.
 */
export function renderHighlights(
  article: Article,
  highlights: readonly Highlight[],
  options: HighlightExportOptions = {},
): string {
  const o = exportOptions(options);
  const groups = groupByQuestion(article, highlights);
  const chunks: string[] = [];
  if (o.frontMatter) {
    const clipped = clippedDay(article, highlights, options.clipped);
    chunks.push(
      renderFrontMatter(noteFrontMatter(article, clipped, o.includeTags ? noteTags(groups) : null)),
    );
  }
  if (article.title.trim()) chunks.push(`# ${escapeMarkdownInline(article.title)}`);
  const byline = bylineLine(article, o.linkStyle === 'none' ? 'none' : 'plain');
  if (byline) chunks.push(byline);
  for (const g of groups) {
    chunks.push(groupHeading(g));
    for (const h of g.highlights) chunks.push(...renderHighlight(h, article, o));
  }
  return joinChunks(chunks);
}

/** `## Question` (with the sub-questions a saved Q&A kept), or `## Highlights`. */
export function groupHeading(g: QuestionGroup): string {
  return g.question === null
    ? `## ${OUTSIDE_HEADING}`
    : renderQuestion(clipQuestion(g.question) ?? g.question, groupSubQuestions(g));
}

/** The sub-questions of a group: those its first saved Q&A kept. */
export function groupSubQuestions(g: QuestionGroup): string[] {
  return g.highlights.find((h) => h.kind === 'qa' && (h.subQuestions?.length ?? 0) > 0)?.subQuestions ?? [];
}
