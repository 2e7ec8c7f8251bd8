// Article rows the store can rebuild from what a highlight carries.

import type { Article, Highlight } from '../types';

/**
 * An article row made from a highlight alone: for undo without the removed
 * article, and for showing highlights whose article row is missing.
 */
export function articleFromHighlight(h: Highlight, now: number): Article {
  return {
    key: h.articleKey,
    url: h.url,
    canonicalUrl: h.canonicalUrl,
    site: 'generic',
    title: h.url,
    author: null,
    publication: null,
    published: null,
    subject: {},
    sections: h.sectionId && h.question ? [{ id: h.sectionId, question: h.question }] : [],
    createdAt: h.createdAt,
    updatedAt: now,
    lastClippedAt: h.createdAt,
  };
}
