import { marksIn } from '../search';
import { useModel } from './context';

/** Text with what the search matched in <mark>: the reader sees why a row is still listed. */
export function Marked({ text }: { text: string }) {
  const terms = useModel().terms.value;
  const marks = marksIn(text, terms);
  if (marks.length === 0) return <>{text}</>;
  const parts = [];
  let at = 0;
  for (const m of marks) {
    if (m.start > at) parts.push(text.slice(at, m.start));
    parts.push(<mark key={m.start}>{text.slice(m.start, m.end)}</mark>);
    at = m.end;
  }
  if (at < text.length) parts.push(text.slice(at));
  return <>{parts}</>;
}
