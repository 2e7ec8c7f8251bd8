import { segments } from '../logic/marks';
import type { Span } from '../logic/marks';

/** Text with <mark> runs, built as nodes: the text is never parsed as HTML. */
export function Marked({ text, spans }: { text: string; spans: readonly Span[] }) {
  if (spans.length === 0) return <>{text}</>;
  return <>{segments(text, spans).map((s, i) => (s.mark ? <mark key={i}>{s.text}</mark> : s.text))}</>;
}
