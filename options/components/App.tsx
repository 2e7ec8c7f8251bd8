import { useEffect } from 'preact/hooks';
import { searchFromPage, type View } from '../logic/view';
import type { LibraryModel } from '../model';
import { CompareView } from './CompareView';
import { LibraryView } from './LibraryView';
import { SettingsView } from './SettingsView';
import { Toasts, type Toaster } from './Toasts';

const VIEW_LABELS: Record<View, string> = {
  library: 'Library',
  compare: 'Compare answers',
  settings: 'Settings and backup',
};

interface Props {
  model: LibraryModel;
  toaster: Toaster;
  /** Where the page keeps its URL; absent in tests that do not care. */
  history?: { replace(search: string): void };
}

export function App({ model, toaster, history }: Props) {
  const view = model.view.value;
  const search = searchFromPage({ filters: model.filters.value, view, theme: model.theme.value });

  // replaceState, not pushState: typing a search must not fill the back button.
  useEffect(() => history?.replace(search), [search]);

  return (
    <>
      <header class="top">
        <h1>Interview Highlights</h1>
        <nav aria-label="Views">
          {(Object.keys(VIEW_LABELS) as View[]).map((v) => (
            <button
              key={v}
              type="button"
              aria-current={v === view ? 'page' : undefined}
              onClick={() => model.setView(v)}
            >
              {VIEW_LABELS[v]}
            </button>
          ))}
        </nav>
      </header>
      <main>
        {!model.loaded.value ? (
          <p class="loading">Loading your library…</p>
        ) : view === 'library' ? (
          <LibraryView model={model} />
        ) : view === 'compare' ? (
          <CompareView model={model} />
        ) : (
          <SettingsView model={model} />
        )}
      </main>
      <Toasts toaster={toaster} />
    </>
  );
}
