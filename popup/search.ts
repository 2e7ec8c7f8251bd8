// Search in the popup as the reader types: each word of the query must occur
// inside some word of a question or a highlight. Both sides are compared in
// the one search normal form (src/store/words.ts) the library and the store
// use too: "resume" finds "Résumé", "strasse" finds "Straße", "ML" finds "ml".

import { originalPrefixLength, tokenize, words } from '../src/store/words';
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

/** A stretch of a text the search matched, in UTF-16 offsets of the original text. */
export interface Mark {
  start: number;
  end: number;
}

/**
 * Where the query words occur in a text, by the same rule as matchesQuery (a
 * word anywhere inside a word), mapped back from the normal form to the
 * original letters so only what matched is marked ("sum" in "Résumé" marks "sum").
 */
export function marksIn(text: string, terms: readonly string[]): Mark[] {
  if (terms.length === 0 || text === '') return [];
  const found: Mark[] = [];
  for (const tok of tokenize(text)) {
    const original = text.slice(tok.start, tok.end);
    for (const term of terms) {
      for (let at = tok.word.indexOf(term); at >= 0; at = tok.word.indexOf(term, at + 1)) {
        const start = tok.start + originalPrefixLength(original, at);
        const end = tok.start + originalPrefixLength(original, at + term.length);
        if (end > start) found.push({ start, end });
      }
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: Mark[] = [];
  for (const m of found) {
    const last = merged[merged.length - 1];
    if (last && m.start <= last.end) last.end = Math.max(last.end, m.end);
    else merged.push({ ...m });
  }
  return merged;
}
