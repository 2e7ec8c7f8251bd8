import { filtersFromSearch, searchFromFilters, type LibraryFilters } from './filters';

export type View = 'library' | 'compare' | 'settings';
export const VIEWS: readonly View[] = ['library', 'compare', 'settings'];

/** What the page's URL holds: the filters, plus which view is open and the compare theme. */
export interface AddressState {
  filters: LibraryFilters;
  view: View;
  /** A built-in theme id, or `free:` followed by the reader's own words. */
  theme: string | null;
}

export function pageFromSearch(search: string): AddressState {
  const p = new URLSearchParams(search.startsWith('?') ? search.slice(1) : search);
  const view = p.get('view');
  const theme = p.get('theme');
  return {
    filters: filtersFromSearch(search),
    view: view !== null && (VIEWS as readonly string[]).includes(view) ? (view as View) : 'library',
    theme: theme !== null && theme !== '' ? theme : null,
  };
}

export function searchFromPage(s: AddressState): string {
  const p = new URLSearchParams(searchFromFilters(s.filters).slice(1));
  if (s.view !== 'library') p.set('view', s.view);
  if (s.theme !== null) p.set('theme', s.theme);
  const q = p.toString();
  return q ? `?${q}` : '';
}
