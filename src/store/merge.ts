// How a row already in the library and a new copy of it become one: when the
// reader clips the same page again, and when a backup file is imported.

import type { Article, Highlight } from '../types';

/** The article row after clipping again from the page: page facts refreshed, history kept. */
export function mergeArticle(
  old: Article | undefined,
  incoming: Article,
  clippedAt: number,
  now: number,
): Article {
  if (!old)
    return { ...incoming, updatedAt: now, lastClippedAt: Math.max(incoming.lastClippedAt, clippedAt) };
  const sectionIds = new Set(incoming.sections.map((s) => s.id));
  const subject = { ...old.subject };
  for (const [k, v] of Object.entries(incoming.subject) as [keyof Article['subject'], string | undefined][]) {
    if (v) subject[k] = v;
  }
  return {
    key: old.key,
    url: incoming.url || old.url,
    canonicalUrl: incoming.canonicalUrl ?? old.canonicalUrl,
    site: incoming.site,
    title: incoming.title || old.title,
    author: incoming.author ?? old.author,
    publication: incoming.publication ?? old.publication,
    published: incoming.published ?? old.published,
    subject,
    // The page's current order first; questions no longer on the page are kept
    // because older highlights may still sit under them.
    sections: [...incoming.sections, ...old.sections.filter((s) => !sectionIds.has(s.id))],
    createdAt: old.createdAt,
    updatedAt: now,
    lastClippedAt: Math.max(old.lastClippedAt, clippedAt),
  };
}

/**
 * A backup's article against the one here: the file's when it was edited
 * later (keeping the earliest first clip and the latest clip of both), else
 * null, and ours stays.
 */
export function importedArticle(old: Article | undefined, incoming: Article): Article | null {
  if (!old) return incoming;
  if (incoming.updatedAt <= old.updatedAt) return null;
  return {
    ...incoming,
    createdAt: Math.min(incoming.createdAt, old.createdAt),
    lastClippedAt: Math.max(incoming.lastClippedAt, old.lastClippedAt),
  };
}

/** A backup's highlight replaces ours only when it was edited later: an import never undoes a newer edit. */
export function importReplaces(old: Highlight | undefined, incoming: Highlight): boolean {
  return !old || incoming.updatedAt > old.updatedAt;
}
