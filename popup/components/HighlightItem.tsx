import { useEffect, useRef, useState } from 'preact/hooks';
import { HIGHLIGHT_COLORS, type Highlight, type HighlightColor } from '../../src/types';
import { formatTags, parseTags } from '../../src/tags';
import { colorName } from '../../src/settings';
import { useModel } from './context';
import { SendToObsidian } from './SendToObsidian';

const NOTE_DELAY_MS = 400;

function short(text: string, max = 60): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}

export function HighlightItem({ highlight }: { highlight: Highlight }) {
  const model = useModel();
  const [note, setNote] = useState(highlight.note);
  const [tags, setTags] = useState(formatTags(highlight.tags));
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const label = short(highlight.kind === 'qa' && highlight.question ? highlight.question : highlight.quote);

  // A change from elsewhere (the library page) shows up unless the reader is typing here.
  useEffect(() => {
    if (timer.current === null) setNote(highlight.note);
  }, [highlight.note]);
  useEffect(() => setTags(formatTags(highlight.tags)), [highlight.tags.join('\u0000')]);

  const saveNote = (value: string): void => {
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = null;
    if (value !== highlight.note) void model.editHighlight(highlight.id, { note: value });
  };
  useEffect(
    () => () => {
      if (timer.current !== null) clearTimeout(timer.current);
    },
    [],
  );

  const saveTags = (value: string): void => {
    const parsed = parseTags(value);
    setTags(formatTags(parsed));
    if (parsed.join('\u0000') !== highlight.tags.join('\u0000'))
      void model.editHighlight(highlight.id, { tags: parsed });
  };

  const idBase = `hl-${highlight.id}`;
  return (
    <li class={`highlight color-${highlight.color}`} data-highlight-id={highlight.id}>
      {highlight.kind === 'qa' ? (
        <p class="hl-question">
          <span class="hl-kind">Q&amp;A </span>
          {highlight.question}
        </p>
      ) : highlight.question ? (
        <p class="hl-context">{highlight.question}</p>
      ) : null}
      <blockquote class="hl-quote">
        {highlight.kind === 'qa' && highlight.answer
          ? highlight.answer.map((b) => b.text).join(' ')
          : highlight.quote}
      </blockquote>
      <div class="hl-edit">
        <label class="hl-field" for={`${idBase}-note`}>
          Note
        </label>
        <textarea
          id={`${idBase}-note`}
          class="hl-note"
          rows={2}
          value={note}
          aria-label={`Note for “${label}”`}
          onInput={(e) => {
            const value = e.currentTarget.value;
            setNote(value);
            if (timer.current !== null) clearTimeout(timer.current);
            timer.current = setTimeout(() => saveNote(value), NOTE_DELAY_MS);
          }}
          onBlur={(e) => saveNote(e.currentTarget.value)}
        />
        <label class="hl-field" for={`${idBase}-tags`}>
          Tags
        </label>
        <input
          id={`${idBase}-tags`}
          class="hl-tags"
          type="text"
          value={tags}
          placeholder="culture, hiring"
          aria-label={`Tags for “${label}”, separated by commas`}
          onInput={(e) => setTags(e.currentTarget.value)}
          onChange={(e) => saveTags(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') saveTags(e.currentTarget.value);
          }}
        />
        <div class="hl-actions">
          <select
            class="hl-color"
            value={highlight.color}
            aria-label={`Color for “${label}”`}
            onChange={(e) =>
              void model.editHighlight(highlight.id, { color: e.currentTarget.value as HighlightColor })
            }
          >
            {HIGHLIGHT_COLORS.map((c) => (
              <option key={c} value={c}>
                {colorName(model.settings.value, c)}
              </option>
            ))}
          </select>
          <SendToObsidian highlightId={highlight.id} />
          <button
            type="button"
            class="delete"
            aria-label={`Delete highlight “${label}”`}
            onClick={() => void model.deleteHighlights([highlight.id])}
          >
            Delete
          </button>
        </div>
      </div>
    </li>
  );
}
