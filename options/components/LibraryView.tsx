import { isFiltering } from '../logic/filters';
import type { Row } from '../logic/grouping';
import type { LibraryModel } from '../model';
import { ArticleHeader, QuestionRow } from './ArticleHeader';
import { HighlightRow } from './HighlightRow';
import { SearchBar } from './SearchBar';
import { SendResultToObsidian } from './SendToObsidian';
import { VirtualList } from './VirtualList';

// First guesses before a row is measured; close guesses keep the scrollbar steady.
function estimate(row: Row): number {
  switch (row.kind) {
    case 'article':
      return 120;
    case 'question':
      return 44;
    case 'highlight': {
      const lines =
        Math.ceil(row.highlight.quote.length / 90) +
        (row.highlight.note ? Math.ceil(row.highlight.note.length / 100) : 0);
      return 84 + 22 * lines + (row.highlight.tags.length ? 30 : 0);
    }
  }
}

const keyOf = (row: Row): string => row.key;

export function LibraryView({ model }: { model: LibraryModel }) {
  const rows = model.rows.value;
  const selected = model.selection.value.selected;
  const acting = model.selectedShown.value;
  const shownCount = model.shownCount.value;
  const total = model.total.value;
  const partial = model.partial.value;
  const filtering = isFiltering(model.filters.value);
  const interviews = model.groups.value.length;

  const render = (row: Row) => {
    switch (row.kind) {
      case 'article':
        return <ArticleHeader group={row.group} model={model} />;
      case 'question':
        return <QuestionRow question={row.question} />;
      case 'highlight':
        return (
          <HighlightRow highlight={row.highlight} model={model} selected={selected.has(row.highlight.id)} />
        );
    }
  };

  return (
    <section class="library" aria-label="Library">
      <SearchBar model={model} />
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
        />
      )}
    </section>
  );
}
