import type { Article, Site } from '../../src/types';

export const SITE_LABELS: Record<Site, string> = {
  'pinterest-engineering-blog': 'Pinterest Engineering Blog',
  'life-at-pinterest': 'Life at Pinterest',
  generic: 'Other site',
};

/** "Name, Role · Team" with whatever the page named. */
export function personLine(a: Article): string {
  const s = a.subject;
  const who = [s.name, s.role].filter((x): x is string => !!x).join(', ');
  return [who, s.team].filter((x): x is string => !!x).join(' · ');
}
