// Names and addresses shown for an article, shared by both renderers.

import { SITE_NAMES, type Article, type LinkStyle, type Subject } from '../types';
import { collapseWhitespace, escapeMarkdownBlock, escapeMarkdownInline, markdownLink } from './escape';

/** What both renderers need of an article or an interview. */
export type ArticleFacts = Pick<
  Article,
  'url' | 'canonicalUrl' | 'site' | 'title' | 'author' | 'publication' | 'published' | 'subject'
>;

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
 */
export function bylineLine(a: ArticleFacts, linkStyle: LinkStyle): string | null {
  const parts: string[] = [];
  // Cleaned before the test: a name of control characters alone shows as nothing
  // and must not leave a stray " · " at the start of the line.
  const who = collapseWhitespace(subjectLine(a.subject) ?? a.author ?? '');
  // The line starts with this name, so it gets line-start escapes too (a name like "1. Foo").
  if (who) parts.push(escapeMarkdownBlock(who));
  const name = siteName(a);
  if (name) parts.push(linkStyle === 'none' ? escapeMarkdownInline(name) : markdownLink(name, sourceUrl(a)));
  if (a.published && /^\d{4}-\d{2}-\d{2}$/.test(a.published)) parts.push(a.published);
  return parts.length > 0 ? parts.join(' · ') : null;
}
