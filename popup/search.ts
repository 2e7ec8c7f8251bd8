// Search in the popup as the reader types: each word of the query must occur
// inside some word of a question or a highlight. Both sides are compared in
// the one search normal form (src/store/words.ts) the library and the store
// use too: "resume" finds "Résumé", "strasse" finds "Straße", "ML" finds "ml".

import { words } from '../src/store/words';
import type { Highlight, Section } from '../src/types';

/** The query's words in the search normal form, each once. */
export function queryWords(query: string): string[] {
  return [...new Set(words(query))];
}

/** Every query word occurs inside some word of the texts. */
export function matchesQuery(terms: readonly string[], texts: readonly string[]): boolean {
  if (terms.length === 0) return true;
  const hay = texts.map((t) => words(t).join(' ')).join('\n');
  return terms.every((word) => hay.includes(word));
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
