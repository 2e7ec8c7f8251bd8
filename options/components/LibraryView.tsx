import { useEffect, useRef } from 'preact/hooks';
import { isFiltering } from '../logic/filters';
import type { Row } from '../logic/grouping';
import type { LibraryModel } from '../model';
import { ArticleHeader, QuestionRow } from './ArticleHeader';
import { Facets } from './Facets';
import { HighlightRow } from './HighlightRow';
import { SearchBar } from './SearchBar';
import { SendResultToObsidian } from './SendToObsidian';
import { VirtualList } from './VirtualList';

// First guesses before a row is measured; close guesses keep the scrollbar steady.
function estimate(row: Row): number {
  switch (row.kind) {
    case 'article':
      return 110;
    case 'question':
      return 40;
    case 'highlight': {
      const lines =
        Math.ceil(row.highlight.quote.length / 70) +
        (row.highlight.note ? Math.ceil(row.highlight.note.length / 80) : 0);
      return 60 + 29 * lines + (row.highlight.tags.length ? 30 : 0);
    }
  }
}

const keyOf = (row: Row): string => row.key;

/** Keys typed into a field are the field's, not the list's. */
function typing(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName));
}

export function LibraryView({ model }: { model: LibraryModel }) {
  const rows = model.rows.value;
  const selected = model.selection.value.selected;
  const acting = model.selectedShown.value;
  const shownCount = model.shownCount.value;
  const total = model.total.value;
  const partial = model.partial.value;
  const filtering = isFiltering(model.filters.value);
  const interviews = model.groups.value.length;
  const active = model.active.value;
  const tabRow = model.tabRow.value;
  const focusSeq = model.focusRequest.value;
  const searchBox = useRef<HTMLInputElement>(null);

  // "/" focuses search from anywhere on the page but a text field, as in the popup.
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey || typing(e.target)) return;
      e.preventDefault();
      searchBox.current?.focus();
      searchBox.current?.select();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  const onListKey = (e: KeyboardEvent): void => {
    if (typing(e.target) || e.ctrlKey || e.metaKey || e.altKey) return;
    const onRow = (e.target as HTMLElement).dataset?.focusRow;
    // Keys move from the row they are pressed on, wherever the keyboard was before.
    if (onRow && onRow !== model.active.value) model.setActive(onRow);
    switch (e.key) {
      case 'j':
      case 'ArrowDown':
        e.preventDefault();
        model.moveActive(1);
        return;
      case 'k':
      case 'ArrowUp':
        e.preventDefault();
        model.moveActive(-1);
        return;
      case ' ':
        if (!onRow) return;
        e.preventDefault();
        model.clickCheckbox(onRow, e.shiftKey);
        return;
    }
  };

  const render = (row: Row) => {
    switch (row.kind) {
      case 'article':
        return <ArticleHeader group={row.group} model={model} />;
      case 'question':
        return <QuestionRow question={row.question} />;
      case 'highlight':
        return (
          <HighlightRow
            highlight={row.highlight}
            model={model}
            selected={selected.has(row.highlight.id)}
            tabbable={row.highlight.id === tabRow}
          />
        );
    }
  };

  return (
    <section class="library" aria-label="Library">
      <div class="library-top">
        <SearchBar model={model} box={searchBox} />
        <div class="toolbar">
          <p class="summary" role="status" aria-live="polite">
            {partial
              ? 'Showing the latest interviews; loading the rest of your library…'
              : filtering
                ? `${shownCount} of ${total} highlights match, in ${interviews} interview${interviews === 1 ? '' : 's'}.`
                : `${total} highlights in ${interviews} interview${interviews === 1 ? '' : 's'}.`}
          </p>
          <div class="bulk">
            <button type="button" onClick={() => model.selectAllShown()} disabled={shownCount === 0}>
              Select all shown
            </button>
            {acting.length > 0 && (
              <>
                <button type="button" onClick={() => model.clearSelection()}>
                  Clear selection
                </button>
                <button type="button" class="danger" onClick={() => void model.deleteHighlights(acting)}>
                  Delete {acting.length} selected
                </button>
              </>
            )}
          </div>
          <div class="exports">
            <button
              type="button"
              onClick={() => void model.exportShown('download')}
              disabled={shownCount === 0 || partial}
            >
              {filtering ? 'Download result' : 'Download shown'}
            </button>
            <button
              type="button"
              onClick={() => void model.exportShown('copy')}
              disabled={shownCount === 0 || partial}
            >
              {filtering ? 'Copy result as Markdown' : 'Copy shown as Markdown'}
            </button>
            <button type="button" onClick={() => void model.exportAll()} disabled={total === 0 || partial}>
              Download everything (.zip)
            </button>
            <SendResultToObsidian model={model} />
          </div>
        </div>
      </div>
      <div class="library-body">
        <Facets model={model} />
        {/* biome-ignore lint/a11y/noStaticElementInteractions: keys bubble up from the rows, which are focusable */}
        <div class="list" onKeyDown={onListKey}>
          {model.loadError.value && (
            <p class="error" role="alert">
              {model.loadError.value}
            </p>
          )}
          {model.loaded.value && rows.length === 0 ? (
            <p class="empty">
              {total === 0
                ? 'No highlights yet. Select text in an interview and choose “Save highlight”, or import a backup in Settings.'
                : 'Nothing matches this search and these filters.'}
            </p>
          ) : (
            <VirtualList
              items={rows}
              keyOf={keyOf}
              estimate={estimate}
              render={render}
              label="Highlights by interview"
              reveal={active !== null ? { key: `h:${active}`, seq: focusSeq } : null}
            />
          )}
          <p class="keys hint">
            <kbd>/</kbd> search · <kbd>j</kbd> <kbd>k</kbd> move · <kbd>Enter</kbd> note · <kbd>Space</kbd>{' '}
            select · <kbd>Esc</kbd> close
          </p>
        </div>
      </div>
    </section>
  );
}
