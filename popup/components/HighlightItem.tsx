import { useLayoutEffect, useRef } from 'preact/hooks';
import { type ClipView, clipPlainText, clipView } from '../../src/clip';
import { colorName } from '../../src/settings';
import { formatTags } from '../../src/tags';
import { HIGHLIGHT_COLORS, type Highlight } from '../../src/types';
import { useModel } from './context';
import { Marked } from './Marked';
import { SendToObsidian } from './SendToObsidian';

function short(text: string, max = 60): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}

/** The clip's paragraphs, one a line, each with its speaker: the question is shown once, above. */
function ClipText({ view }: { view: ClipView }) {
  return (
    <>
      {view.paragraphs.map((p, i) => (
        <span key={i} class="hl-par">
          {p.speaker ? (
            <strong class="speaker">
              <Marked text={p.speaker} />:{' '}
            </strong>
          ) : null}
          <Marked text={p.text} />
        </span>
      ))}
    </>
  );
}

const WRITE_SAID = { saving: 'Saving…', saved: 'Saved', failed: 'Not saved' } as const;

function Editor({
  highlight,
  label,
  onPage,
  row,
}: {
  highlight: Highlight;
  label: string;
  onPage: boolean;
  row: { current: HTMLButtonElement | null };
}) {
  const model = useModel();
  const id = highlight.id;
  const idBase = `hl-${id}`;
  const state = model.writeStates.value.get(id);
  const noteField = useRef<HTMLTextAreaElement>(null);
  // The reader opened the row to write in it. Whatever closes it (a click on
  // another row, a delete, the list filtered away) writes what was typed.
  useLayoutEffect(() => {
    noteField.current?.focus();
    return () => model.flushEdits();
  }, [model]);

  const close = (e: KeyboardEvent): void => {
    if (e.key !== 'Escape') return;
    // Escape closes the row and keeps what was typed; the popup stays open.
    e.preventDefault();
    e.stopPropagation();
    model.closeEditor();
    row.current?.focus();
  };

  return (
    <div id={`${idBase}-edit`} class="hl-edit" role="group" aria-label={`Edit “${label}”`}>
      <div class="hl-field-head">
        <label class="hl-field" for={`${idBase}-note`}>
          Note
        </label>
        {state ? <span class={`write-state write-${state}`}>{WRITE_SAID[state]}</span> : null}
      </div>
      <textarea
        id={`${idBase}-note`}
        class="hl-note"
        rows={3}
        value={highlight.note}
        ref={noteField}
        onInput={(e) => model.typeNote(id, e.currentTarget.value)}
        onBlur={() => model.flushEdits()}
        onKeyDown={close}
      />
      <label class="hl-field" for={`${idBase}-tags`}>
        Tags
      </label>
      <input
        id={`${idBase}-tags`}
        class="hl-tags"
        type="text"
        value={model.tagDrafts.value.get(id) ?? formatTags(highlight.tags)}
        placeholder="Add tags: culture, hiring"
        aria-describedby={`${idBase}-tags-hint`}
        onInput={(e) => model.typeTags(id, e.currentTarget.value)}
        onBlur={() => model.flushEdits()}
        onKeyDown={(e) => {
          if (e.key === 'Enter') model.flushEdits();
          else close(e);
        }}
      />
      <span id={`${idBase}-tags-hint`} class="visually-hidden">
        Separated by commas or spaces
      </span>
      <div class="hl-actions">
        <div class="swatches" role="group" aria-label="Colour">
          {HIGHLIGHT_COLORS.map((c) => (
            <button
              key={c}
              type="button"
              class={`swatch swatch-${c}`}
              aria-pressed={highlight.color === c}
              aria-label={colorName(model.settings.value, c)}
              title={colorName(model.settings.value, c)}
              onClick={() => void model.editHighlight(id, { color: c })}
            />
          ))}
        </div>
        {onPage ? (
          <button type="button" class="show" onClick={() => void model.showHighlight(id)}>
            Show on page
          </button>
        ) : null}
        <SendToObsidian highlightId={id} />
        <button
          type="button"
          class="delete"
          aria-label={`Delete highlight “${label}”`}
          onClick={() => void model.deleteHighlights([id])}
        >
          Delete
        </button>
      </div>
    </div>
  );
}

export function HighlightItem({ highlight, onPage }: { highlight: Highlight; onPage: boolean }) {
  const model = useModel();
  const row = useRef<HTMLButtonElement>(null);
  const editing = model.editingId.value === highlight.id;
  const view = clipView(highlight);
  const label = short(highlight.kind === 'qa' && view.question ? view.question : clipPlainText(view));
  return (
    <li
      class={`highlight color-${highlight.color}${editing ? ' editing' : ''}`}
      data-highlight-id={highlight.id}
    >
      <button
        ref={row}
        type="button"
        class="hl-row"
        aria-expanded={editing}
        aria-controls={editing ? `hl-${highlight.id}-edit` : undefined}
        onClick={() => model.openHighlight(highlight.id)}
      >
        {view.question ? (
          <span class={highlight.kind === 'qa' ? 'hl-question' : 'hl-context'}>
            <Marked text={view.question} />
          </span>
        ) : null}
        <span class="hl-quote">
          <ClipText view={view} />
        </span>
        {highlight.note && !editing ? (
          <span class="hl-note-line">
            <Marked text={highlight.note} />
          </span>
        ) : null}
        {highlight.tags.length > 0 && !editing ? (
          <span class="chips">
            {highlight.tags.map((t) => (
              <span key={t} class="chip">
                <Marked text={t} />
              </span>
            ))}
          </span>
        ) : null}
      </button>
      {editing ? <Editor highlight={highlight} label={label} onPage={onPage} row={row} /> : null}
    </li>
  );
}
