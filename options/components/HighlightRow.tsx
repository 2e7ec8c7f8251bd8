import { useState } from 'preact/hooks';
import { HIGHLIGHT_COLORS, type Highlight, type HighlightColor } from '../../src/types';
import { isHttpUrl } from '../../src/url';
import { colorName } from '../../src/settings';
import { formatTags, parseTags } from '../../src/tags';
import type { LibraryModel } from '../model';
import { Marked } from './Marked';

interface Props {
  highlight: Highlight;
  model: LibraryModel;
  selected: boolean;
}

export function HighlightRow({ highlight: h, model, selected }: Props) {
  const [editing, setEditing] = useState(false);
  const [note, setNote] = useState(h.note);
  const [tags, setTags] = useState(formatTags(h.tags));
  const [saving, setSaving] = useState(false);
  const label = h.quote.length > 60 ? `${h.quote.slice(0, 60)}…` : h.quote;

  const open = (): void => {
    setNote(h.note);
    setTags(formatTags(h.tags));
    setEditing(true);
  };
  const save = async (): Promise<void> => {
    setSaving(true);
    const done = await model.editHighlight(h, { note, tags: parseTags(tags) });
    setSaving(false);
    if (done) setEditing(false);
  };

  return (
    <article
      class={`highlight color-${h.color}${selected ? ' selected' : ''}`}
      aria-label={`Highlight: ${label}`}
    >
      <input
        type="checkbox"
        class="pick"
        checked={selected}
        aria-label={`Select highlight: ${label}`}
        // Click, not change: only the click event says whether Shift was held.
        onClick={(e) => {
          e.preventDefault();
          model.clickCheckbox(h.id, e.shiftKey);
        }}
      />
      <div class="body">
        <blockquote class="quote">
          <Marked text={h.quote} spans={model.marksFor(h, 'quote', h.quote)} />
        </blockquote>
        {h.speaker && <p class="speaker">— {h.speaker}</p>}
        {h.orphaned && <p class="orphaned">Not found on the page at the last visit.</p>}
        {editing ? (
          <form
            class="edit"
            onSubmit={(e) => {
              e.preventDefault();
              void save();
            }}
            onKeyDown={(e) => {
              if (e.key === 'Escape') setEditing(false);
              if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
                e.preventDefault();
                void save();
              }
            }}
          >
            <label>
              Note
              <textarea
                value={note}
                rows={3}
                onInput={(e) => setNote((e.currentTarget as HTMLTextAreaElement).value)}
              />
            </label>
            <label>
              Tags <span class="hint">(comma separated)</span>
              <input
                type="text"
                value={tags}
                onInput={(e) => setTags((e.currentTarget as HTMLInputElement).value)}
              />
            </label>
            <div class="edit-actions">
              <button type="submit" disabled={saving}>
                Save
              </button>
              <button type="button" onClick={() => setEditing(false)}>
                Cancel
              </button>
            </div>
          </form>
        ) : (
          <>
            {h.note && (
              <p class="note">
                <Marked text={h.note} spans={model.marksFor(h, 'note', h.note)} />
              </p>
            )}
            {h.tags.length > 0 && (
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
          </>
        )}
        <div class="row-actions">
          {!editing && (
            <button type="button" onClick={open}>
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
