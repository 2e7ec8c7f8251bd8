import { personLine as personOf } from '../../src/store/person';
import { SITE_NAMES, type Article, type Site } from '../../src/types';

/** The site as the filter menu and each interview's header name it. */
export function siteLabel(site: Site): string {
  return SITE_NAMES[site] ?? 'Other site';
}

/** "Name, Role · Team" with whatever the page named: the text search marks (src/store/person.ts). */
export function personLine(a: Article): string {
  return personOf(a.subject);
}
