// Tags: as the reader types them ("culture, #hiring  growth" → culture,
// hiring, growth) on the page, in the popup and in the library, and which
// ones are the same tag. The store keeps each tag once by the same rule.

import { ROW_LIMITS } from './store/limits';

/** Two tags are one tag when they differ only in case: the first spelling is kept. */
export function tagKey(tag: string): string {
  return tag.toLowerCase();
}

/** Each tag once (see tagKey), empty ones dropped, in the order given. */
export function uniqueTags(tags: Iterable<string>): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const tag of tags) {
    const key = tagKey(tag);
    if (tag === '' || seen.has(key)) continue;
    seen.add(key);
    out.push(tag);
  }
  return out;
}

/** Comma or space separated, a leading # dropped, cut to the store's tag length, each tag once. */
export function parseTags(input: string): string[] {
  return uniqueTags(
    input.split(/[,\s]+/).map((raw) => raw.replace(/^#+/, '').trim().slice(0, ROW_LIMITS.tag)),
  );
}

export function formatTags(tags: readonly string[]): string {
  return tags.join(', ');
}
