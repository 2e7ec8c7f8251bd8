// What "Send to Obsidian" sends, from the reader's settings: the note of an
// interview (its part between markers, so a later export through the REST API
// can merge into it) or one highlight, as an obsidian:// handoff or as the
// pieces a REST export writes. The shells (popup, library) only open the
// address, write the clipboard and call the client.

import type { Templates } from '../export/template-defaults';
import { renderHighlightWith, renderNoteWith } from '../export/template-export';
import { type TemplateSettings, templateOptions } from '../export/template-settings';
import type { NoteViewOptions } from '../export/template-view';
import type { Article, ExportOptions, Highlight } from '../types';
import { mergeNote, type NotePart, notePart, partText } from './merge';
import { type NotePath, notePath } from './note-path';
import type { ObsidianSettings } from './settings';
import { type Handoff, obsidianHandoff } from './uri';

export interface SendContext {
  obsidian: ObsidianSettings;
  templates: Templates;
  templateSettings: TemplateSettings;
  colorNames: unknown;
  export: ExportOptions;
}

function viewOptions(ctx: SendContext): NoteViewOptions {
  return { ...ctx.export, ...templateOptions(ctx.templateSettings, ctx.colorNames, true) };
}

export function interviewNotePath(ctx: SendContext, article: Article): NotePath {
  return notePath(ctx.obsidian.folder, article.title);
}

/** The interview's note as the templates write it, split for mergeNote. */
export function interviewNotePart(
  ctx: SendContext,
  article: Article,
  highlights: readonly Highlight[],
): NotePart {
  return notePart(article.key, renderNoteWith(ctx.templates, article, highlights, viewOptions(ctx)));
}

/**
 * The handoff for an interview's note. A new or overwritten note gets its front
 * matter and its part; a note added to (or the daily note) gets the part alone,
 * since front matter only means something at the top of a note.
 */
export function interviewHandoff(
  ctx: SendContext,
  article: Article,
  highlights: readonly Highlight[],
  options: { clipboard: boolean },
): Handoff {
  const part = interviewNotePart(ctx, article, highlights);
  const mode = ctx.obsidian.noteMode;
  const whole = mode === 'create' || mode === 'overwrite';
  return obsidianHandoff(
    {
      vault: ctx.obsidian.vault,
      path: interviewNotePath(ctx, article),
      mode,
      content: whole ? mergeNote('', part).text : `${partText(part)}\n`,
      open: ctx.obsidian.openNote,
    },
    options,
  );
}

/** One highlight as the highlight template writes it; null when it is not among them. */
export function highlightContent(
  ctx: SendContext,
  article: Article,
  highlights: readonly Highlight[],
  highlightId: string,
): string | null {
  return renderHighlightWith(ctx.templates, article, highlights, highlightId, viewOptions(ctx));
}

/** The handoff for one highlight: added to its interview's note, or to today's daily note. Null when it is not among them. */
export function highlightHandoff(
  ctx: SendContext,
  article: Article,
  highlights: readonly Highlight[],
  highlightId: string,
  options: { clipboard: boolean },
): Handoff | null {
  const content = highlightContent(ctx, article, highlights, highlightId);
  if (content === null) return null;
  return obsidianHandoff(
    {
      vault: ctx.obsidian.vault,
      path: interviewNotePath(ctx, article),
      mode: ctx.obsidian.highlightTarget === 'daily' ? 'daily' : 'append',
      content,
      open: ctx.obsidian.openNote,
    },
    options,
  );
}
