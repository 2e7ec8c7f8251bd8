// The templated export: a note of highlights, one highlight, or a whole
// interview, each rendered through the reader's templates (or the shipped
// ones) with the views of template-view.ts.

import type { Article, Highlight, Interview } from '../types';
import { renderTemplate } from './template';
import type { Templates } from './template-defaults';
import type { TemplateOptions } from './template-settings';
import { highlightViews, interviewView, type NoteViewOptions, noteView } from './template-view';

export function renderNoteWith(
  templates: Templates,
  article: Article,
  highlights: readonly Highlight[],
  options: NoteViewOptions = {},
): string {
  return renderTemplate(templates.note, [noteView(article, highlights, options)], templates.highlight);
}

/** One highlight as the highlight template writes it, within its note; null when it is not among them. */
export function renderHighlightWith(
  templates: Templates,
  article: Article,
  highlights: readonly Highlight[],
  highlightId: string,
  options: NoteViewOptions = {},
): string | null {
  const views = highlightViews(article, highlights, highlightId, options);
  return views ? renderTemplate(templates.highlight, views) : null;
}

export function renderInterviewWith(
  templates: Templates,
  interview: Interview,
  options: Partial<TemplateOptions> = {},
): string {
  return renderTemplate(templates.interview, [interviewView(interview, options)]);
}
