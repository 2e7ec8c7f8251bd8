import type { ClipParagraph, ClipView } from '../../src/clip';
import type { Span } from '../logic/marks';
import { Marked } from './Marked';

/** A search's marks for one paragraph's text (none when not searching). */
type MarksIn = (text: string) => readonly Span[];

const NO_MARKS: MarksIn = () => [];

/** The paragraphs of a clip: list items as lists, speakers named, breaks kept. */
function ClipBody({ paragraphs, marks }: { paragraphs: readonly ClipParagraph[]; marks: MarksIn }) {
  const out: preact.JSX.Element[] = [];
  for (let i = 0; i < paragraphs.length; ) {
    const p = paragraphs[i]!;
    if (p.kind === 'list-item') {
      const items: ClipParagraph[] = [];
      while (
        i < paragraphs.length &&
        paragraphs[i]!.kind === 'list-item' &&
        paragraphs[i]!.ordered === p.ordered
      )
        items.push(paragraphs[i++]!);
      const List = p.ordered ? 'ol' : 'ul';
      out.push(
        <List key={i}>
          {items.map((x, j) => (
            <li key={j}>
              <Marked text={x.text} spans={marks(x.text)} />
            </li>
          ))}
        </List>,
      );
      continue;
    }
    out.push(
      <p key={i}>
        {p.speaker && (
          <strong class="speaker">
            <Marked text={p.speaker} spans={marks(p.speaker)} />:{' '}
          </strong>
        )}
        <Marked text={p.text} spans={marks(p.text)} />
      </p>,
    );
    i++;
  }
  return <>{out}</>;
}

/**
 * A clip as the library and Compare show it under its question: its
 * sub-questions, then its quote or answer (src/clip.ts: the question once, no
 * "A:" marker).
 */
export function ClipQuote({ view, marks = NO_MARKS }: { view: ClipView; marks?: MarksIn }) {
  return (
    <>
      {view.subQuestions.map((q) => (
        <p key={q} class="sub-question">
          <Marked text={q} spans={marks(q)} />
        </p>
      ))}
      <blockquote class="quote">
        <ClipBody paragraphs={view.paragraphs} marks={marks} />
      </blockquote>
    </>
  );
}
