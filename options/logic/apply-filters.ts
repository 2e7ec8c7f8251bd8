import type { Article, Highlight } from '../../src/types';
import type { LibraryFilters } from './filters';
import { searchKey } from '../../src/store/words';

/** YYYY-MM-DD in UTC. */
export function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** The date the range filter compares: the interview's published date, else the day it was clipped. */
export function dateOf(h: Highlight, article: Article | undefined): string {
  return article?.published ?? isoDate(h.createdAt);
}

/** The non-text filters; the text search is the store's job. */
export function matchesFilters(h: Highlight, article: Article | undefined, f: LibraryFilters): boolean {
  if (f.site && (article?.site ?? 'generic') !== f.site) return false;
  if (f.tag) {
    const t = searchKey(f.tag);
    if (!h.tags.some((x) => searchKey(x) === t)) return false;
  }
  if (f.interviewee) {
    const name = article?.subject.name;
    if (!name || searchKey(name) !== searchKey(f.interviewee)) return false;
  }
  if (f.from || f.to) {
    const d = dateOf(h, article);
    if (f.from && d < f.from) return false;
    if (f.to && d > f.to) return false;
  }
  if (f.hasNote && h.note.trim() === '') return false;
  if (f.orphaned && !h.orphaned) return false;
  return true;
}

export function filterHighlights(
  highlights: readonly Highlight[],
  articles: ReadonlyMap<string, Article>,
  f: LibraryFilters,
): Highlight[] {
  return highlights.filter((h) => matchesFilters(h, articles.get(h.articleKey), f));
}

/** Choices for the filter menus, from what is saved. */
export function facets(
  highlights: readonly Highlight[],
  articles: ReadonlyMap<string, Article>,
): { tags: string[]; interviewees: string[] } {
  const tags = new Map<string, string>();
  for (const h of highlights) for (const t of h.tags) if (!tags.has(searchKey(t))) tags.set(searchKey(t), t);
  const people = new Map<string, string>();
  for (const a of articles.values()) {
    const n = a.subject.name;
    if (n && !people.has(searchKey(n))) people.set(searchKey(n), n);
  }
  const collator = new Intl.Collator(undefined, { sensitivity: 'base' });
  const sort = (xs: Iterable<string>): string[] => [...xs].sort(collator.compare);
  return { tags: sort(tags.values()), interviewees: sort(people.values()) };
}
