import type { Ref } from 'preact';
import { ARTICLE_SORTS, type ArticleSort } from '../../src/order';
import { isFiltering } from '../logic/filters';
import type { LibraryModel } from '../model';

const SORT_LABELS: Record<ArticleSort, string> = {
  clipped: 'Last clipped',
  published: 'Published date',
  title: 'Title',
};

const value = (e: Event): string => (e.currentTarget as HTMLInputElement | HTMLSelectElement).value;

export function SearchBar({ model, box }: { model: LibraryModel; box: Ref<HTMLInputElement> }) {
  const f = model.filters.value;

  return (
    <form class="search" role="search" onSubmit={(e) => e.preventDefault()}>
      <label class="search-box">
        <span class="visually-hidden">Search highlights</span>
        <input
          type="search"
          name="q"
          ref={box}
          aria-keyshortcuts="/"
          placeholder="Search quotes, notes, questions, people, tags   ( / )"
          value={f.text}
          onInput={(e) => {
            performance.mark('ih:search-start');
            model.setFilters({ text: value(e) });
          }}
        />
      </label>
      <div class="filters">
        <label>
          Published from
          <input
            type="date"
            value={f.from ?? ''}
            onChange={(e) => model.setFilters({ from: value(e) || null })}
          />
        </label>
        <label>
          to
          <input
            type="date"
            value={f.to ?? ''}
            onChange={(e) => model.setFilters({ to: value(e) || null })}
          />
        </label>
        <label class="check">
          <input
            type="checkbox"
            checked={f.hasNote}
            onChange={(e) => model.setFilters({ hasNote: (e.currentTarget as HTMLInputElement).checked })}
          />
          Has a note
        </label>
        <label class="check">
          <input
            type="checkbox"
            checked={f.orphaned}
            onChange={(e) => model.setFilters({ orphaned: (e.currentTarget as HTMLInputElement).checked })}
          />
          Not found on page
        </label>
        <label>
          Sort by
          <select value={f.sort} onChange={(e) => model.setFilters({ sort: value(e) as ArticleSort })}>
            {ARTICLE_SORTS.map((k) => (
              <option key={k} value={k}>
                {SORT_LABELS[k]}
              </option>
            ))}
          </select>
        </label>
        {isFiltering(f) && (
          <button type="button" onClick={() => model.clearFilters()}>
            Clear search and filters
          </button>
        )}
      </div>
    </form>
  );
}
