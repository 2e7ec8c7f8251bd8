// Search as the reader expects while typing: "resume" finds "Résumé", "ML" finds "ml".

import type { Highlight, Section } from '../src/types';

const COMBINING_MARKS = /[\u0300-\u036f]/g;

/** Lower case, accents dropped, white space collapsed: the form both sides are compared in. */
export function fold(text: string): string {
  return text.normalize('NFD').replace(COMBINING_MARKS, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Every word of the query must occur somewhere in the texts. */
export function matchesQuery(foldedQuery: string, texts: readonly string[]): boolean {
  if (foldedQuery === '') return true;
  const hay = fold(texts.join(' \n '));
  return foldedQuery.split(' ').every((word) => hay.includes(word));
}

export function sectionTexts(section: Section): string[] {
  return [
    section.question,
    ...section.subQuestions,
    ...section.answer.flatMap((b) => (b.speaker ? [b.speaker, b.text] : [b.text])),
  ];
}

export function highlightTexts(h: Highlight): string[] {
  return [h.quote, h.note, h.question ?? '', h.speaker ?? '', ...h.tags];
}
