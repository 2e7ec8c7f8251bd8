// The reader's highlights of one interview as Markdown, grouped under the
// questions they fall in (src/order.ts), in the format design/markdown-export.md
// of the project's shared design notes describes.

import type { Article, ExportOptions, Highlight } from '../types';
import { DEFAULT_SETTINGS } from '../types';
import { withoutFragment } from '../url';
import { groupByQuestion } from '../order';
import { renderBlocks } from './blocks';
import {
  collapseWhitespace,
  escapeMarkdownBlock,
  escapeMarkdownInline,
  markdownLink,
  paragraphsOf,
  safeLinkUrl,
} from './escape';
import { dayOf, renderFrontMatter } from './front-matter';
import { renderQuestion } from './interview';
import { joinChunks } from './join';
import { bylineLine, siteName, sourceUrl } from './site';
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

function tagsOf(h: Highlight): string[] {
  const seen = new Set<string>();
  for (const t of h.tags) {
    const text = tagText(t);
    if (text !== '') seen.add(text);
  }
  return [...seen];
}

function linkFor(h: Highlight, article: Article, style: ExportOptions['linkStyle']): string | null {
  if (style === 'none') return null;
  const page = safeLinkUrl(h.canonicalUrl) ?? safeLinkUrl(h.url) ?? safeLinkUrl(sourceUrl(article));
  if (style === 'plain') return page ? withoutFragment(page) : null;
  const saved = safeLinkUrl(h.fragmentUrl);
  if (saved?.includes('#:~:text=')) return saved;
  return page ? safeLinkUrl(fallbackFragmentUrl(page, h.quote)) : null;
}

/** "— Speaker · [source](link)"; null when there is neither a name nor a link. */
function attribution(h: Highlight, article: Article, style: ExportOptions['linkStyle']): string | null {
  const parts: string[] = [];
  const who = h.speaker?.trim() || article.subject.name?.trim();
  if (who) parts.push(escapeMarkdownInline(who));
  const link = linkFor(h, article, style);
  if (link) parts.push(markdownLink('source', link));
  return parts.length > 0 ? `— ${parts.join(' · ')}` : null;
}

function blockquote(quote: string, attributionLine: string | null): string {
  const lines: string[] = [];
  for (const [i, p] of paragraphsOf(quote).entries()) {
    if (i > 0) lines.push('>');
    for (const line of escapeMarkdownBlock(p).split('\n')) lines.push(line === '' ? '>' : `> ${line}`);
  }
  if (attributionLine) lines.push(`> ${attributionLine}`);
  return lines.join('\n');
}

function renderHighlight(h: Highlight, article: Article, o: ExportOptions): string[] {
  const chunks: string[] = [];
  const attr = attribution(h, article, o.linkStyle);
  if (h.kind === 'qa') {
    // A whole saved Q&A: the answer as the interview renders it, then where it came from.
    const answer =
      h.answer && h.answer.length > 0
        ? renderBlocks(h.answer)
        : paragraphsOf(h.quote).map((p) => escapeMarkdownBlock(p));
    chunks.push(...answer);
    if (attr) chunks.push(attr);
  } else {
    chunks.push(blockquote(h.quote, attr));
  }
  if (o.includeNotes) chunks.push(...paragraphsOf(h.note).map((p) => escapeMarkdownBlock(p)));
  if (o.includeTags) {
    const tags = tagsOf(h);
    if (tags.length > 0) chunks.push(tags.map((t) => `#${t}`).join(' '));
  }
  return chunks;
}

function clippedDay(
  article: Article,
  highlights: readonly Highlight[],
  clipped: HighlightExportOptions['clipped'],
): string | null {
  if (clipped !== undefined) return dayOf(clipped);
  if (article.lastClippedAt > 0) return dayOf(article.lastClippedAt);
  const newest = Math.max(0, ...highlights.map((h) => h.createdAt));
  return newest > 0 ? dayOf(newest) : null;
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
  const d = DEFAULT_SETTINGS.export;
  const o: ExportOptions = {
    frontMatter: options.frontMatter ?? d.frontMatter,
    includeNotes: options.includeNotes ?? d.includeNotes,
    includeTags: options.includeTags ?? d.includeTags,
    linkStyle: options.linkStyle ?? d.linkStyle,
  };
  const groups = groupByQuestion(article, highlights);
  const chunks: string[] = [];
  if (o.frontMatter) {
    const clipped = clippedDay(article, highlights, options.clipped);
    const tags: string[] = [];
    for (const g of groups)
      for (const h of g.highlights) for (const t of tagsOf(h)) if (!tags.includes(t)) tags.push(t);
    chunks.push(
      renderFrontMatter([
        ['title', article.title],
        ['source', sourceUrl(article)],
        ['site', siteName(article)],
        ['author', article.author],
        ['interviewee', article.subject.name],
        ['role', article.subject.role],
        ['published', article.published ? { date: article.published } : null],
        ['clipped', clipped ? { date: clipped } : null],
        // Tags in the front matter are raw YAML strings, but in the same cleaned form as the `#tag` lines.
        ['tags', o.includeTags ? tags.map((t) => t.replace(/\\_/g, '_')) : null],
      ]),
    );
  }
  if (article.title.trim()) chunks.push(`# ${escapeMarkdownInline(article.title)}`);
  const byline = bylineLine(article, o.linkStyle === 'none' ? 'none' : 'plain');
  if (byline) chunks.push(byline);
  for (const g of groups) {
    const qa = g.highlights.find((h) => h.kind === 'qa' && (h.subQuestions?.length ?? 0) > 0);
    chunks.push(
      g.question === null ? `## ${OUTSIDE_HEADING}` : renderQuestion(g.question, qa?.subQuestions ?? []),
    );
    for (const h of g.highlights) chunks.push(...renderHighlight(h, article, o));
  }
  return joinChunks(chunks);
}
