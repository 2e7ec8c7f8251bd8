import type { Ref } from 'preact';
import { useModel } from './context';

export function SearchBox({ inputRef }: { inputRef: Ref<HTMLInputElement> }) {
  const model = useModel();
  return (
    <div class="search" role="search">
      <input
        ref={inputRef}
        type="search"
        class="search-input"
        placeholder="Search questions, answers, highlights  ( / )"
        aria-label="Search questions, answers and highlights"
        aria-keyshortcuts="/"
        value={model.query.value}
        onInput={(e) => model.setQuery(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && model.query.value !== '') {
            // Keep the popup open: the first Escape only clears the search.
            e.preventDefault();
            e.stopPropagation();
            model.setQuery('');
          }
        }}
      />
    </div>
  );
}
