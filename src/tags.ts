// Tags as the reader types them in the popup and the library:
// "culture, #hiring  growth" → culture, hiring, growth.

import { LIMITS } from './store/validate';

/** Comma or space separated, a leading # dropped, cut to the store's tag length, duplicates (ignoring case) once. */
export function parseTags(input: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of input.split(/[,\s]+/)) {
    const tag = raw.replace(/^#+/, '').trim().slice(0, LIMITS.tag);
    if (tag === '' || seen.has(tag.toLowerCase())) continue;
    seen.add(tag.toLowerCase());
    out.push(tag);
  }
  return out;
}

export function formatTags(tags: readonly string[]): string {
  return tags.join(', ');
}
