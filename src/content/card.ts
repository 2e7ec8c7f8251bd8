// A highlight's card on the page: what it belongs to (its question, or the
// page's title), the note, the tags with suggestions from the library, the
// named colours, Copy as Markdown and Delete. Note and tags are written as the
// reader types (draft.ts); whatever closes the card flushes them first.

import type { ColorNames } from '../export/color-names';
import { formatTags, parseTags, tagKey } from '../tags';
import { HIGHLIGHT_COLORS, type HighlightColor } from '../types';
import { el } from './dom';
import { Draft, type DraftState } from './draft';

export const SWATCH: Record<HighlightColor, string> = {
  yellow: '#ffdd00',
  green: '#50c878',
  blue: '#5aa0ff',
  pink: '#ff78b4',
  purple: '#aa78ff',
};

export interface CardModel {
  /** The question the highlight belongs to, or null for the page as a whole. */
  question: string | null;
  pageTitle: string;
  note: string;
  tags: string[];
  color: HighlightColor;
  colorNames: ColorNames;
}

export interface CardEdit {
  note: string;
  tags: string[];
}

export interface CardActions {
  /** Writes note and tags; true once stored. */
  write(edit: CardEdit): Promise<boolean>;
  setColor(color: HighlightColor): void;
  copyMarkdown(): void;
  remove(): void;
  /** Tags already in the library. */
  suggestTags(): Promise<string[]>;
  /** The reader asked to close (Escape, ×, Done). */
  close(): void;
}

/** How many suggestions show at once. */
export const MAX_SUGGESTIONS = 6;

/** The word being typed at the end of the tags box ('' after a separator), without its #. */
function partialTag(typed: string): string {
  return /#*([^,\s#]*)$/.exec(typed)?.[1] ?? '';
}

/** The library's tags worth offering for what is typed: not on the highlight yet, starting with the word being typed. */
export function suggestionsFor(typed: string, library: readonly string[]): string[] {
  const partial = tagKey(partialTag(typed));
  const have = new Set(parseTags(typed.replace(/#*[^,\s]*$/, '')).map(tagKey));
  return library
    .filter((t) => {
      const key = tagKey(t);
      return !have.has(key) && key.startsWith(partial) && key !== partial;
    })
    .slice(0, MAX_SUGGESTIONS);
}

/** The typed tags with the word being typed replaced by tag. */
export function withSuggestion(typed: string, tag: string): string {
  const kept = typed.replace(/#*[^,\s]*$/, '');
  return formatTags([...parseTags(kept), tag]).concat(', ');
}

const STATE_TEXT: Record<DraftState, string> = { saving: 'Saving…', saved: 'Saved', failed: 'Not saved' };

export class Card {
  readonly element: HTMLElement;
  private readonly note: HTMLTextAreaElement;
  private readonly tags: HTMLInputElement;
  private readonly draft: Draft<CardEdit>;

  constructor(doc: Document, model: CardModel, actions: CardActions) {
    const id = `ih-card-${Math.random().toString(36).slice(2, 8)}`;
    const card = el(doc, 'div', {
      class: 'menu',
      role: 'dialog',
      'aria-label': 'Highlight',
      'aria-describedby': `${id}-context`,
    });
    const head = el(doc, 'div', { class: 'head' });
    const context = el(doc, 'div', { class: 'context', id: `${id}-context` });
    context.append(
      el(doc, 'span', { class: 'kicker' }, model.question ? 'Question' : 'Page'),
      el(doc, 'span', { class: 'title' }, model.question ?? (model.pageTitle || 'This page')),
    );
    const close = el(
      doc,
      'button',
      { type: 'button', class: 'close', 'aria-label': 'Close', title: 'Close (Esc)' },
      '×',
    );
    close.addEventListener('click', () => actions.close());
    head.append(context, close);

    const noteLabel = el(doc, 'label', {}, 'Note');
    this.note = el(doc, 'textarea', {
      rows: '3',
      placeholder: 'What this means to you…',
      'aria-label': 'Note',
    });
    this.note.value = model.note;
    noteLabel.append(this.note);

    const tagsLabel = el(doc, 'label', {}, 'Tags');
    this.tags = el(doc, 'input', {
      type: 'text',
      placeholder: 'culture, hiring',
      'aria-label': 'Tags',
      autocomplete: 'off',
      spellcheck: 'false',
    });
    this.tags.value = formatTags(model.tags);
    tagsLabel.append(this.tags);
    const suggest = el(doc, 'div', { class: 'suggest', role: 'group', 'aria-label': 'Suggested tags' });
    let library: string[] = [];
    const renderSuggestions = (): void => {
      suggest.replaceChildren(
        ...suggestionsFor(this.tags.value, library).map((t) => {
          const b = el(doc, 'button', { type: 'button', class: 'chip', 'aria-label': `Add tag ${t}` }, t);
          b.addEventListener('click', () => {
            this.tags.value = withSuggestion(this.tags.value, t);
            this.changed();
            renderSuggestions();
            this.tags.focus();
          });
          return b;
        }),
      );
    };
    void actions.suggestTags().then(
      (tags) => {
        library = tags;
        renderSuggestions();
      },
      () => undefined,
    );

    const colors = el(doc, 'div', { class: 'colors', role: 'group', 'aria-label': 'Colour' });
    for (const c of HIGHLIGHT_COLORS) {
      const name = model.colorNames[c];
      const s = el(doc, 'button', {
        type: 'button',
        class: 'swatch',
        'aria-label': name,
        title: name,
        'aria-pressed': String(c === model.color),
        'data-color': c,
      });
      s.style.background = SWATCH[c];
      s.addEventListener('click', () => {
        for (const other of colors.querySelectorAll('button'))
          other.setAttribute('aria-pressed', String(other === s));
        colorName.textContent = name;
        actions.setColor(c);
      });
      colors.append(s);
    }
    // The chosen colour's name, for a sighted reader (the swatches carry theirs in tooltips and labels).
    const colorName = el(
      doc,
      'span',
      { class: 'color-name', 'aria-hidden': 'true' },
      model.colorNames[model.color],
    );
    colors.append(colorName);

    const state = el(doc, 'span', { class: 'state' });
    const row = el(doc, 'div', { class: 'actions' });
    const copy = el(
      doc,
      'button',
      { type: 'button', class: 'plain', 'data-action': 'copy' },
      'Copy as Markdown',
    );
    const del = el(
      doc,
      'button',
      { type: 'button', class: 'plain danger', 'data-action': 'delete' },
      'Delete',
    );
    const done = el(doc, 'button', { type: 'button', class: 'primary', 'data-action': 'done' }, 'Done');
    copy.addEventListener('click', () => actions.copyMarkdown());
    del.addEventListener('click', () => actions.remove());
    done.addEventListener('click', () => actions.close());
    row.append(state, copy, del, done);

    this.draft = new Draft<CardEdit>(
      { note: model.note, tags: model.tags },
      (edit) => actions.write(edit),
      (s) => {
        state.textContent = STATE_TEXT[s];
      },
    );
    for (const field of [this.note, this.tags]) {
      field.addEventListener('input', () => this.changed());
      // Leaving a field is a way out of typing: write at once.
      field.addEventListener('blur', () => void this.flush());
    }
    this.tags.addEventListener('input', renderSuggestions);

    card.append(head, noteLabel, tagsLabel, suggest, colors, row);
    card.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') {
        e.preventDefault();
        e.stopPropagation();
        actions.close();
      }
    });
    this.element = card;
  }

  private changed(): void {
    this.draft.change({ note: this.note.value, tags: parseTags(this.tags.value) });
  }

  /** Writes what is typed and not yet written. */
  flush(): Promise<void> {
    // Read the fields again: the last key's input event may not have run yet. An unchanged edit writes nothing.
    this.changed();
    return this.draft.flush();
  }

  focusNote(): void {
    this.note.focus();
    const end = this.note.value.length;
    this.note.setSelectionRange(end, end);
  }
}
