// Small hand-written pages for the form tests: a body (and head) in, the
// extracted interview out, and the few views of it the tests compare.

import { extractInterview } from '../../src/extract';
import type { Interview } from '../../src/types';

export const URL_ = 'https://example.com/blog/a-post';

export function page(body: string, head = ''): Document {
  return new DOMParser().parseFromString(
    `<!doctype html><html><head><title>A post</title>${head}</head><body>${body}</body></html>`,
    'text/html',
  );
}

export function extract(body: string, url = URL_, head = ''): Interview {
  return extractInterview(page(body, head), url);
}

export const questions = (iv: Interview): string[] => iv.sections.map((s) => s.question);
export const answerText = (iv: Interview, i: number): string =>
  iv.sections[i]!.answer.map((b) => b.text).join(' ');
/** Every answer's text, one string per question. */
export const answers = (iv: Interview): string[] => iv.sections.map((_, i) => answerText(iv, i));
/** Who speaks in each answer, block by block (undefined where a block carries no label). */
export const speakers = (iv: Interview): (string | undefined)[][] =>
  iv.sections.map((s) => s.answer.map((b) => b.speaker));
