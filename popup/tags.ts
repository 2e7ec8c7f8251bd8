// Tags as the reader types them: "culture, #hiring  growth" → culture, hiring, growth.

export function parseTags(input: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of input.split(/[,\s]+/)) {
    const tag = raw.replace(/^#+/, '').trim().slice(0, 100);
    if (tag === '' || seen.has(tag.toLowerCase())) continue;
    seen.add(tag.toLowerCase());
    out.push(tag);
  }
  return out;
}

export function formatTags(tags: readonly string[]): string {
  return tags.join(', ');
}
