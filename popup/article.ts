// The export renderer needs an Article; before the background has stored one
// (or when it was removed), the popup builds the same facts from the page.

import type { Article, Interview } from '../src/types';

export function articleFromInterview(interview: Interview, key: string, now: number): Article {
  return {
    key,
    url: interview.url,
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
  };
}
