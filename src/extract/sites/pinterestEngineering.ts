// The Pinterest Engineering Blog, published on Medium.
// Tested on: medium.com/pinterest-engineering/create-the-engineering-career-you-love-at-pinterest-4f0e6b3a2c1d,
// medium.com/pinterest-engineering/serving-ads-features-at-low-latency-2b7c9d1e0f3a (saved in test/fixtures).
// Medium's class names are generated; its data-testid and meta markers are stable.

import type { HeadMeta } from '../metadata';
import type { SiteProfile } from './profile';

const PUBLICATION_PATH = /^\/pinterest-engineering(?:\/|$)/i;
const PUBLICATION_NAME = /^pinterest engineering(?: blog)?$/i;

/** Meta tags that only Medium pages carry; on medium.com itself, Medium's story title element too. */
export function hasMediumMarkers(document: Document, meta: HeadMeta, onMedium: boolean): boolean {
  const isMedium = (k: string): boolean => /^@?medium$/i.test(meta.meta.get(k) ?? '');
  return (
    isMedium('al:android:app_name') ||
    isMedium('og:site_name') ||
    isMedium('twitter:app:name:iphone') ||
    isMedium('twitter:site') ||
    // A page-wide query: only worth it where the address already says Medium.
    (onMedium && document.querySelector('[data-testid="storyTitle"]') !== null)
  );
}

function testIdText(document: Document, id: string): string | null {
  const t = document.querySelector(`[data-testid="${id}"]`)?.textContent?.replace(/\s+/g, ' ').trim();
  return t ? t : null;
}

/** The publication the page says it belongs to, from Medium's byline or the structured data. */
function publicationNames(document: Document, meta: HeadMeta): string[] {
  const names = [testIdText(document, 'publicationName'), meta.ld.publisher];
  const title = meta.meta.get('title') ?? document.title ?? '';
  for (const part of title.split('|')) names.push(part.trim());
  return names.filter((n): n is string => !!n);
}

export const pinterestEngineering: SiteProfile = {
  site: 'pinterest-engineering-blog',
  colonPrompts: false,
  matches(document, url, meta) {
    const onMedium = url !== null && /(^|\.)medium\.com$/i.test(url.hostname);
    if (!hasMediumMarkers(document, meta, onMedium)) return false;
    if (onMedium && PUBLICATION_PATH.test(url.pathname)) return true;
    if (url !== null && /^pinterest-engineering\.medium\.com$/i.test(url.hostname)) return true;
    // A custom domain: Medium's markup plus the publication's name.
    return publicationNames(document, meta).some((n) => PUBLICATION_NAME.test(n));
  },
  reading() {
    // Widgets met by the walk, by data-testid: the byline is among them, so it
    // costs no page-wide lookup unless it sat outside the article.
    const seen = new Map<string, Element>();
    const byTestId = (document: Document, id: string): string | null => {
      const el = seen.get(id) ?? document.querySelector(`[data-testid="${id}"]`);
      const t = el?.textContent?.replace(/\s+/g, ' ').trim();
      return t ? t : null;
    };
    return {
      // Medium's byline, clap and share widgets carry data-testid; body text
      // never does. A paragraph holding one is a byline line ("Published in" + link).
      skip(el, name, attributed) {
        if (name.length === 2 && name[0] === 'h') return false;
        const id = attributed ? el.getAttribute('data-testid') : null;
        if (id !== null) {
          if (!seen.has(id)) seen.set(id, el);
          return true;
        }
        if (name !== 'p') return false;
        for (let c = el.firstElementChild; c !== null; c = c.nextElementSibling) {
          const childId = c.getAttribute('data-testid');
          if (childId !== null) {
            if (!seen.has(childId)) seen.set(childId, c);
            return true;
          }
        }
        return false;
      },
      byline(document) {
        return {
          author: byTestId(document, 'authorName'),
          publication: byTestId(document, 'publicationName'),
          published: byTestId(document, 'storyPublishDate'),
        };
      },
    };
  },
};
