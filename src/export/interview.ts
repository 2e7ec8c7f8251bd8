// A whole interview as Markdown: every question with its full answer.

import type { Interview } from '../types';
import { renderBlocks } from './blocks';
import { escapeMarkdownInline } from './escape';
import { type FrontMatterValue, renderFrontMatter } from './front-matter';
import { type ArticleFacts, bylineLine, siteName, sourceUrl } from './site';
import { joinChunks } from './join';

/**
 * Front matter, `# Title`, the byline, then `## Question`, its sub-questions in
 * italics and the answer's blocks for each section.
 *
 * The front matter describes the page only: no `clipped` date and no `tags`,
 * because nothing was clipped and no highlight carries tags here, and a date of
 * "now" would make the same page export to different bytes on different days.
 * The intro before the first question is not part of the Q&A and is left out.
 */
export function renderInterview(interview: Interview): string {
  const chunks: string[] = [renderFrontMatter(pageFrontMatter(interview))];
  if (interview.title.trim()) chunks.push(`# ${escapeMarkdownInline(interview.title)}`);
  const byline = bylineLine(interview, 'plain');
  if (byline) chunks.push(byline);
  for (const section of interview.sections) {
    chunks.push(renderQuestion(section.question, section.subQuestions));
    chunks.push(...renderBlocks(section.answer));
  }
  return joinChunks(chunks);
}

/** The front matter fields that describe the page (a whole interview's all of them), in their fixed order. */
export function pageFrontMatter(a: ArticleFacts): [key: string, value: FrontMatterValue][] {
  return [
    ['title', a.title],
    ['source', sourceUrl(a)],
    ['site', siteName(a)],
    ['author', a.author],
    ['interviewee', a.subject.name],
    ['role', a.subject.role],
    ['published', a.published ? { date: a.published } : null],
  ];
}

/** `## Question` and, on the next line, each sub-question in italics (one chunk). */
export function renderQuestion(question: string, subQuestions: readonly string[] = []): string {
  const subs = subQuestions.map((q) => escapeMarkdownInline(q)).filter((q) => q !== '');
  // A heading is one line, so the italics on the line after it are already a
  // paragraph of their own: no blank line needed.
  return [`## ${escapeMarkdownInline(question)}`, ...subs.map((q) => `*${q}*`)].join('\n');
}
