import { SITE_NAMES, type Article, type Site } from '../../src/types';

/** The site as the filter menu and each interview's header name it. */
export function siteLabel(site: Site): string {
  return SITE_NAMES[site] ?? 'Other site';
}

/** "Name, Role · Team" with whatever the page named. */
export function personLine(a: Article): string {
  const s = a.subject;
  const who = [s.name, s.role].filter((x): x is string => !!x).join(', ');
  return [who, s.team].filter((x): x is string => !!x).join(' · ');
}
