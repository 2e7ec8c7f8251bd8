// Similarity of short strings (a quote's 32 characters of context against the
// text beside a candidate), from 0 (nothing alike) to 1 (equal).

import { normalize } from './normalize';

/** Edit distance (insertions, deletions, substitutions), two rows at a time. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  let prev = new Uint32Array(b.length + 1);
  let cur = new Uint32Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const sub = (prev[j - 1] as number) + (ca === b.charCodeAt(j - 1) ? 0 : 1);
      const del = (prev[j] as number) + 1;
      const ins = (cur[j - 1] as number) + 1;
      cur[j] = sub < del ? Math.min(sub, ins) : Math.min(del, ins);
    }
    [prev, cur] = [cur, prev];
  }
  return prev[b.length] as number;
}

export function similarity(a: string, b: string): number {
  if (a === b) return 1;
  const longest = Math.max(a.length, b.length);
  return longest === 0 ? 1 : 1 - editDistance(a, b) / longest;
}

/** Similarity after typographic normalisation, so a curly apostrophe in the context costs nothing. */
export function textSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  return similarity(normalize(a), normalize(b));
}
