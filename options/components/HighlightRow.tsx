import { useLayoutEffect, useRef } from 'preact/hooks';
import { HIGHLIGHT_COLORS, type Highlight, type HighlightColor } from '../../src/types';
import { clipPlainText, clipView } from '../../src/clip';
import { isHttpUrl } from '../../src/url';
import { colorName } from '../../src/settings';
import type { LibraryModel } from '../model';
import { ClipQuote } from './ClipQuote';
import { Marked } from './Marked';

interface Props {
  highlight: Highlight;
  model: LibraryModel;
  selected: boolean;
  /** The row Tab lands on: the keyboard's row, or the first when there is none. */
  tabbable: boolean;
}

export function HighlightRow({ highlight: h, model, selected, tabbable }: Props) {
  const draft = model.draft.value;
  const editing = draft?.id === h.id ? draft : null;
  // A whole Q&A shows (and is named by) its answer, as the popup and Compare
  // show it: its question is the row above.
  const qa = h.kind === 'qa' ? clipView(h) : null;
  const text = qa ? clipPlainText(qa).replace(/\n/g, ' ') : h.quote;
  const label = text.length > 60 ? `${text.slice(0, 60)}…` : text;
  const note = useRef<HTMLTextAreaElement>(null);
  // A row scrolled back into view with its editor open must not take focus; one whose editor just opened does.
  const wasEditing = useRef(editing !== null);
  useLayoutEffect(() => {
    if (editing && !wasEditing.current) note.current?.focus();
    wasEditing.current = editing !== null;
  }, [editing !== null]);

  return (
    <article
      class={`highlight color-${h.color}${selected ? ' selected' : ''}`}
      aria-label={`Highlight: ${label}`}
      tabIndex={tabbable ? 0 : -1}
      data-focus-row={h.id}
      onFocus={(e) => {
        if (e.target === e.currentTarget) model.setActive(h.id);
      }}
      onKeyDown={(e) => {
        if (e.target !== e.currentTarget) return;
        if (e.key === 'Enter') {
          e.preventDefault();
          model.openEditor(h);
        }
      }}
    >
      <input
        type="checkbox"
        class="pick"
        checked={selected}
        tabIndex={-1}
        aria-label={`Select highlight: ${label}`}
        // Click, not change: only the click event says whether Shift was held.
        onClick={(e) => model.clickCheckbox(h.id, e.shiftKey)}
      />
      <div class="body">
        {qa ? (
          <ClipQuote view={qa} marks={(t) => model.marksIn(t, 'quote')} />
        ) : (
          <blockquote class="quote">
            <Marked text={h.quote} spans={model.marksFor(h, 'quote', h.quote)} />
          </blockquote>
        )}
        {/* A whole Q&A names its speakers in its paragraphs. */}
        {h.speaker && !qa && (
          <p class="speaker">
            — <Marked text={h.speaker} spans={model.marksFor(h, 'speaker', h.speaker)} />
          </p>
        )}
        {h.orphaned && <p class="orphaned">Not found on the page at the last visit.</p>}
        {editing ? (
          <form
            class="edit"
            onSubmit={(e) => {
              e.preventDefault();
              void model.closeEditor();
            }}
            onKeyDown={(e) => {
              // Escape closes and keeps what was typed (it is saved), as the popup's editor does.
              if (e.key === 'Escape' || (e.key === 'Enter' && (e.ctrlKey || e.metaKey))) {
                e.preventDefault();
                e.stopPropagation();
                void model.closeEditor();
              }
            }}
          >
            <label>
              Note
              <textarea
                ref={note}
                value={editing.note}
                rows={3}
                onInput={(e) => model.updateDraft({ note: (e.currentTarget as HTMLTextAreaElement).value })}
                onBlur={() => void model.flushDraft()}
              />
            </label>
            <label>
              Tags <span class="hint">(comma separated)</span>
              <input
                type="text"
                value={editing.tags}
                onInput={(e) => model.updateDraft({ tags: (e.currentTarget as HTMLInputElement).value })}
                onBlur={() => void model.flushDraft()}
              />
            </label>
            <div class="edit-actions">
              <button type="submit">Save</button>
              <span class="hint">Saved as you type · Esc closes</span>
            </div>
          </form>
        ) : (
          h.note && (
            <p class="note">
              <Marked text={h.note} spans={model.marksFor(h, 'note', h.note)} />
            </p>
          )
        )}
        {!editing && h.tags.length > 0 && (
          <ul class="tags" aria-label="Tags">
            {h.tags.map((t, i) => (
              <li key={t}>
                <button
                  type="button"
                  class="tag"
                  onClick={() => model.setFilters({ tag: t })}
                  aria-label={`Show highlights tagged ${t}`}
                >
                  #<Marked text={t} spans={model.marksFor(h, 'tag', t, i)} />
                </button>
              </li>
            ))}
          </ul>
        )}
        <div class="row-actions">
          {!editing && (
            <button type="button" onClick={() => model.openEditor(h)}>
              {h.note || h.tags.length ? 'Edit note and tags' : 'Add note or tags'}
            </button>
          )}
          <label class="color">
            <span class="visually-hidden">Color</span>
            <select
              value={h.color}
              aria-label="Highlight color"
              onChange={(e) =>
                void model.editHighlight(h, {
                  color: (e.currentTarget as HTMLSelectElement).value as HighlightColor,
                })
              }
            >
              {HIGHLIGHT_COLORS.map((c) => (
                <option key={c} value={c}>
                  {colorName(model.settings.value, c)}
                </option>
              ))}
            </select>
          </label>
          {isHttpUrl(h.fragmentUrl) && (
            <a class="open" href={h.fragmentUrl} target="_blank" rel="noopener noreferrer">
              Open at quote
            </a>
          )}
          <button
            type="button"
            class="danger"
            onClick={() => void model.deleteHighlights([h.id])}
            aria-label={`Delete highlight: ${label}`}
          >
            Delete
          </button>
        </div>
      </div>
    </article>
  );
}
