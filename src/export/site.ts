// Names and addresses shown for an article, shared by both renderers.

import { SITE_COMPANIES, SITE_NAMES, type Article, type LinkStyle, type Subject } from '../types';
import { collapseWhitespace, escapeMarkdownBlock, escapeMarkdownInline, markdownLink } from './escape';
import { fileNameFor } from './file-name';

/** What both renderers need of an article or an interview. */
export type ArticleFacts = Pick<
  Article,
  'url' | 'canonicalUrl' | 'site' | 'title' | 'author' | 'publication' | 'published' | 'subject'
>;

/** The company the interviewee works for, where the site says it: only the known sites do. */
export function companyName(a: Pick<ArticleFacts, 'site'>): string | null {
  return SITE_COMPANIES[a.site];
}

/**
 * `[[Name]]`: an Obsidian link to the note named after a person or company. The
 * target follows the file-name rules and then keeps letters, digits, spaces,
 * `-` and `_` only: other Markdown readers act on punctuation even inside
 * `[[ ]]` (backticks, asterisks), and the link can never close early or hide
 * text behind `|`, `#` or `^`. Null when nothing of the name is left to link to.
 */
export function wikilink(name: string | null | undefined): string | null {
  const text = collapseWhitespace(name ?? '');
  if (!/[\p{L}\p{N}]/u.test(text)) return null;
  const target = fileNameFor(text)
    .replace(/[^\p{L}\p{M}\p{N} _-]/gu, ' ')
    .replace(/ {2,}/gu, ' ')
    .trim();
  return `[[${target || 'untitled'}]]`;
}

/** The page's own address: its canonical link when it has one. */
export function sourceUrl(a: Pick<ArticleFacts, 'url' | 'canonicalUrl'>): string {
  return a.canonicalUrl?.trim() || a.url;
}

export function siteName(
  a: Pick<ArticleFacts, 'site' | 'publication' | 'url' | 'canonicalUrl'>,
): string | null {
  const known = SITE_NAMES[a.site];
  if (known) return known;
  if (a.publication?.trim()) return a.publication.trim();
  try {
    // As a reader says it: "example.org", not "www.example.org".
    return new URL(sourceUrl(a)).hostname.replace(/^www\./, '') || null;
  } catch {
    return null;
  }
}

/** "Name, Role", or just the one that is known. */
export function subjectLine(subject: Subject): string | null {
  const parts = [subject.name, subject.role].map((s) => s?.trim()).filter((s): s is string => !!s);
  return parts.length > 0 ? parts.join(', ') : null;
}

/**
 * "Interviewee, Role · [Site](source) · published". Without an interviewee the
 * author stands first; parts that are unknown are left out; null when none is.
 * With `wikilinks` the interviewee's name is an Obsidian `[[link]]`.
 */
export function bylineLine(a: ArticleFacts, linkStyle: LinkStyle, wikilinks = false): string | null {
  const parts: string[] = [];
  const name = wikilinks ? wikilink(a.subject.name) : null;
  if (name) {
    const role = collapseWhitespace(a.subject.role ?? '');
    parts.push(role ? `${name}, ${escapeMarkdownInline(role)}` : name);
  } else {
    // Cleaned before the test: a name of control characters alone shows as nothing
    // and must not leave a stray " · " at the start of the line.
    const who = collapseWhitespace(subjectLine(a.subject) ?? a.author ?? '');
    // The line starts with this name, so it gets line-start escapes too (a name like "1. Foo").
    if (who) parts.push(escapeMarkdownBlock(who));
  }
  const site = siteName(a);
  if (site) parts.push(linkStyle === 'none' ? escapeMarkdownInline(site) : markdownLink(site, sourceUrl(a)));
  if (a.published && /^\d{4}-\d{2}-\d{2}$/.test(a.published)) parts.push(a.published);
  return parts.length > 0 ? parts.join(' · ') : null;
}
