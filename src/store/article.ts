// The one way to make an Article row: from what the extractor read off a page
// (a save, a copy as Markdown, the popup before the store has the row), or
// from a highlight alone (an undo after its article row was pruned, a highlight
// whose article row is missing). Either way the row is cut to the store's
// limits, so the store never refuses an article the extension made.

import type { Article, Highlight, Interview, Subject } from '../types';
import { articleKey, withoutFragment } from '../url';
import { cut, cutOrNull, ROW_LIMITS as L } from './limits';

/**
 * Highlights are filed under the address the browser reports for the tab (the
 * background refuses any other key from a content script, see
 * messages/sender.ts), because a canonical link is the page's own claim. Where
 * the canonical URL agrees with the address, the usual case, it is the same key.
 */
export function articleFromInterview(interview: Interview, pageUrl: string, now: number): Article {
  return fitted({
    key: articleKey(pageUrl),
    url: withoutFragment(pageUrl),
    canonicalUrl: interview.canonicalUrl,
    site: interview.site,
    title: interview.title,
    author: interview.author,
    publication: interview.publication,
    published: interview.published,
    subject: interview.subject,
    sections: interview.sections.map((s) => ({ id: s.id, question: s.question })),
    createdAt: now,
    updatedAt: now,
    lastClippedAt: now,
  });
}

/** An article row made from what a highlight carries; its address stands for the title. */
export function articleFromHighlight(h: Highlight, now: number): Article {
  return fitted({
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
  });
}

/** A page may claim a title or a byline of any length: cut to what the store keeps. */
function fitted(a: Article): Article {
  const subject: Subject = {};
  for (const [k, v] of Object.entries(a.subject) as [keyof Subject, string | undefined][]) {
    if (v !== undefined) subject[k] = cut(v, L.shortText);
  }
  return {
    ...a,
    title: cut(a.title, L.title),
    author: cutOrNull(a.author, L.shortText),
    publication: cutOrNull(a.publication, L.shortText),
    subject,
    sections: a.sections
      .slice(0, L.sections)
      .map((s) => ({ id: s.id, question: cut(s.question, L.question) })),
  };
}
