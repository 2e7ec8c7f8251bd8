import { ARTICLE_SORTS, type ArticleSort } from '../../src/order';
import { HIGHLIGHT_COLORS, SITES, type HighlightColor, type Site } from '../../src/types';

/** Everything the reader chose on the page; kept in the URL so it can be bookmarked. */
export interface LibraryFilters {
  text: string;
  site: Site | null;
  tag: string | null;
  interviewee: string | null;
  color: HighlightColor | null;
  /** YYYY-MM-DD, inclusive, against the published date (clip date when unpublished). */
  from: string | null;
  to: string | null;
  hasNote: boolean;
  orphaned: boolean;
  sort: ArticleSort;
}

export const EMPTY_FILTERS: LibraryFilters = {
  text: '',
  site: null,
  tag: null,
  interviewee: null,
  color: null,
  from: null,
  to: null,
  hasNote: false,
  orphaned: false,
  sort: 'clipped',
};

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function isSite(v: string): v is Site {
  return (SITES as readonly string[]).includes(v);
}
function isColor(v: string): v is HighlightColor {
  return (HIGHLIGHT_COLORS as readonly string[]).includes(v);
}
function isSort(v: string): v is ArticleSort {
  return (ARTICLE_SORTS as readonly string[]).includes(v);
}

/** Reads filters from a query string; unknown or malformed values fall back to defaults. */
export function filtersFromSearch(search: string): LibraryFilters {
  const p = new URLSearchParams(search.startsWith('?') ? search.slice(1) : search);
  const str = (k: string): string | null => {
    const v = p.get(k);
    return v === null || v.trim() === '' ? null : v;
  };
  const site = str('site');
  const sort = str('sort');
  const color = str('color');
  const from = str('from');
  const to = str('to');
  return {
    text: p.get('q') ?? '',
    site: site && isSite(site) ? site : null,
    tag: str('tag'),
    interviewee: str('who'),
    color: color && isColor(color) ? color : null,
    from: from && DATE.test(from) ? from : null,
    to: to && DATE.test(to) ? to : null,
    hasNote: p.get('note') === '1',
    orphaned: p.get('orphaned') === '1',
    sort: sort && isSort(sort) ? sort : 'clipped',
  };
}

/** The query string for filters (with leading `?`, or '' when all are default); stable key order. */
export function searchFromFilters(f: LibraryFilters): string {
  const p = new URLSearchParams();
  if (f.text !== '') p.set('q', f.text);
  if (f.site) p.set('site', f.site);
  if (f.tag) p.set('tag', f.tag);
  if (f.interviewee) p.set('who', f.interviewee);
  if (f.color) p.set('color', f.color);
  if (f.from) p.set('from', f.from);
  if (f.to) p.set('to', f.to);
  if (f.hasNote) p.set('note', '1');
  if (f.orphaned) p.set('orphaned', '1');
  if (f.sort !== 'clipped') p.set('sort', f.sort);
  const s = p.toString();
  return s ? `?${s}` : '';
}

export function isFiltering(f: LibraryFilters): boolean {
  return (
    f.text.trim() !== '' ||
    f.site !== null ||
    f.tag !== null ||
    f.interviewee !== null ||
    f.color !== null ||
    f.from !== null ||
    f.to !== null ||
    f.hasNote ||
    f.orphaned
  );
}
