// Search, theme matching and marks all compare text the same way: case- and
// accent-insensitive, word by word. One helper keeps them agreeing.

/** Lower-cased, accents dropped. Lengths may differ from the input: callers that need positions use foldWithMap. */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

/** The folded text plus, for each folded char, the index of the original char it came from. */
export function foldWithMap(text: string): { folded: string; map: number[] } {
  let folded = '';
  const map: number[] = [];
  let i = 0;
  for (const ch of text) {
    const f = ch
      .normalize('NFD')
      .replace(/\p{M}+/gu, '')
      .toLowerCase();
    for (let k = 0; k < f.length; k++) {
      folded += f[k];
      map.push(i);
    }
    i += ch.length;
  }
  map.push(text.length);
  return { folded, map };
}

/** Query words, folded; punctuation separates words. */
export function words(text: string): string[] {
  return fold(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0);
}

export interface Span {
  start: number;
  end: number;
}

/**
 * Where each query word occurs in text as a word prefix; positions are in the
 * original text. Used when the store does not give positions for a field.
 */
export function prefixMatches(text: string, queryWords: string[]): Span[] {
  if (queryWords.length === 0 || text.length === 0) return [];
  const { folded, map } = foldWithMap(text);
  const spans: Span[] = [];
  const re = /[\p{L}\p{N}]+/gu;
  for (const m of folded.matchAll(re)) {
    const w = m[0];
    const at = m.index ?? 0;
    let best = 0;
    for (const q of queryWords) if (q.length > best && w.startsWith(q)) best = q.length;
    if (best > 0) spans.push({ start: map[at] ?? 0, end: map[at + best] ?? text.length });
  }
  return spans;
}
