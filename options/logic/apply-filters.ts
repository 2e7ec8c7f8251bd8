import {
  HIGHLIGHT_COLORS,
  SITES,
  type Article,
  type Highlight,
  type HighlightColor,
  type Site,
} from '../../src/types';
import type { LibraryFilters } from './filters';
import { runSteps, type Steps } from '../../src/anchor';
import { searchKey } from '../../src/store/words';
import { ROWS_PER_STEP } from './grouping';

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
  if (f.color && h.color !== f.color) return false;
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
  return runSteps(filterHighlightsSteps(highlights, articles, f));
}

export function* filterHighlightsSteps(
  highlights: readonly Highlight[],
  articles: ReadonlyMap<string, Article>,
  f: LibraryFilters,
): Steps<Highlight[]> {
  const kept: Highlight[] = [];
  for (let i = 0; i < highlights.length; i++) {
    if (i % ROWS_PER_STEP === ROWS_PER_STEP - 1) yield;
    const h = highlights[i]!;
    if (matchesFilters(h, articles.get(h.articleKey), f)) kept.push(h);
  }
  return kept;
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

export interface FacetCount<T extends string = string> {
  value: T;
  count: number;
}

export interface FacetCounts {
  sites: FacetCount<Site>[];
  tags: FacetCount[];
  interviewees: FacetCount[];
  colors: FacetCount<HighlightColor>[];
}

/**
 * Counts for the facet lists beside the library: each facet counts the
 * highlights that every other filter lets through, so choosing a site still
 * shows how many the other sites hold. Tags and people are counted in the one
 * search normal form, named as first saved; most frequent first. The text
 * search is not applied (the store ranks it; counts stay put while typing).
 */
export function facetCounts(
  highlights: readonly Highlight[],
  articles: ReadonlyMap<string, Article>,
  f: LibraryFilters,
): FacetCounts {
  return runSteps(facetCountsSteps(highlights, articles, f));
}

export function* facetCountsSteps(
  highlights: readonly Highlight[],
  articles: ReadonlyMap<string, Article>,
  f: LibraryFilters,
): Steps<FacetCounts> {
  const sites = new Map<Site, number>();
  const colors = new Map<HighlightColor, number>();
  const tags = new Map<string, FacetCount>();
  const people = new Map<string, FacetCount>();
  const without = {
    site: { ...f, site: null },
    tag: { ...f, tag: null },
    interviewee: { ...f, interviewee: null },
    color: { ...f, color: null },
  };
  const bump = <K>(m: Map<K, number>, k: K): void => {
    m.set(k, (m.get(k) ?? 0) + 1);
  };
  const named = (m: Map<string, FacetCount>, name: string): void => {
    const key = searchKey(name);
    const c = m.get(key);
    if (c) c.count++;
    else m.set(key, { value: name, count: 1 });
  };
  for (let i = 0; i < highlights.length; i++) {
    if (i % ROWS_PER_STEP === ROWS_PER_STEP - 1) yield;
    const h = highlights[i]!;
    const a = articles.get(h.articleKey);
    if (matchesFilters(h, a, without.site)) bump(sites, a?.site ?? 'generic');
    if (matchesFilters(h, a, without.color)) bump(colors, h.color);
    if (matchesFilters(h, a, without.tag)) {
      const seen = new Set<string>();
      for (const t of h.tags) {
        const k = searchKey(t);
        if (seen.has(k)) continue;
        seen.add(k);
        named(tags, t);
      }
    }
    const name = a?.subject.name;
    if (name && matchesFilters(h, a, without.interviewee)) named(people, name);
  }
  const collator = new Intl.Collator(undefined, { sensitivity: 'base' });
  const ranked = (xs: Iterable<FacetCount>): FacetCount[] =>
    [...xs].sort((x, y) => y.count - x.count || collator.compare(x.value, y.value));
  return {
    sites: SITES.filter((s) => sites.has(s)).map((value) => ({ value, count: sites.get(value)! })),
    tags: ranked(tags.values()),
    interviewees: ranked(people.values()),
    colors: HIGHLIGHT_COLORS.filter((c) => colors.has(c)).map((value) => ({
      value,
      count: colors.get(value)!,
    })),
  };
}
