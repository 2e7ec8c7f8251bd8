import { useMemo } from 'preact/hooks';
import { SITES, type Site } from '../../src/types';
import { facets } from '../logic/apply-filters';
import { ARTICLE_SORTS, type ArticleSort } from '../../src/order';
import { isFiltering } from '../logic/filters';
import type { LibraryModel } from '../model';
import { siteLabel } from './format';

const SORT_LABELS: Record<ArticleSort, string> = {
  clipped: 'Last clipped',
  published: 'Published date',
  title: 'Title',
};

const value = (e: Event): string => (e.currentTarget as HTMLInputElement | HTMLSelectElement).value;

export function SearchBar({ model }: { model: LibraryModel }) {
  const f = model.filters.value;
  const highlights = model.highlights.value;
  const articles = model.articles.value;
  const choices = useMemo(() => facets(highlights, articles), [highlights, articles]);

  return (
    <form class="search" role="search" onSubmit={(e) => e.preventDefault()}>
      <label class="search-box">
        <span class="visually-hidden">Search highlights</span>
        <input
          type="search"
          name="q"
          placeholder="Search quotes, notes, questions, titles, people, tags"
          value={f.text}
          onInput={(e) => {
            performance.mark('ih:search-start');
            model.setFilters({ text: value(e) });
          }}
        />
      </label>
      <div class="filters">
        <label>
          Site
          <select
            value={f.site ?? ''}
            onChange={(e) => model.setFilters({ site: (value(e) || null) as Site | null })}
          >
            <option value="">Any</option>
            {SITES.map((s) => (
              <option key={s} value={s}>
                {siteLabel(s)}
              </option>
            ))}
          </select>
        </label>
        <label>
          Tag
          <select value={f.tag ?? ''} onChange={(e) => model.setFilters({ tag: value(e) || null })}>
            <option value="">Any</option>
            {f.tag && !choices.tags.includes(f.tag) && <option value={f.tag}>{f.tag}</option>}
            {choices.tags.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </label>
        <label>
          Interviewee
          <select
            value={f.interviewee ?? ''}
            onChange={(e) => model.setFilters({ interviewee: value(e) || null })}
          >
            <option value="">Anyone</option>
            {f.interviewee && !choices.interviewees.includes(f.interviewee) && (
              <option value={f.interviewee}>{f.interviewee}</option>
            )}
            {choices.interviewees.map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </select>
        </label>
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
