// Marks in the library's text: the places search matched, as plain and
// marked runs the components render as text nodes.

/** A stretch of a text, in UTF-16 offsets. */
export interface Span {
  start: number;
  end: number;
}

export interface Segment {
  text: string;
  mark: boolean;
}

/**
 * Cuts text into plain and marked runs from match positions. Overlapping or
 * touching spans merge and out-of-range spans are clipped, so whatever the
 * store reports, the pieces join back to exactly the original text.
 */
export function segments(text: string, spans: readonly Span[]): Segment[] {
  const clean = spans
    .map((s) => ({
      start: Math.max(0, Math.min(text.length, s.start)),
      end: Math.max(0, Math.min(text.length, s.end)),
    }))
    .filter((s) => s.end > s.start)
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: Span[] = [];
  for (const s of clean) {
    const last = merged[merged.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else merged.push({ ...s });
  }
  const out: Segment[] = [];
  let at = 0;
  for (const s of merged) {
    if (s.start > at) out.push({ text: text.slice(at, s.start), mark: false });
    out.push({ text: text.slice(s.start, s.end), mark: true });
    at = s.end;
  }
  if (at < text.length || out.length === 0) out.push({ text: text.slice(at), mark: false });
  return out;
}
