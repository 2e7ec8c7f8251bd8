// What a saved clip shows the reader, wherever it is shown (popup, page card,
// library, Compare): the question once, then the quote as paragraphs with
// their speakers. A whole Q&A is shown from the answer blocks saved with it,
// not from its quote: the quote is the page's raw text, with the question at
// its head, "Q:"/"A:" markers, no break between paragraphs ("proud of?Ana
// Torres") and the page's indentation.

import { collapseWhitespace } from './export/escape';
import { stripAnswerMarker, stripQuestionMarker } from './extract/text';
import type { Block, BlockKind, Highlight } from './types';

export interface ClipParagraph {
  kind: BlockKind;
  text: string;
  /** Who says it, when the page labelled it ("Ana Torres"). */
  speaker: string | null;
  /** For list items: numbered. */
  ordered: boolean;
}

export interface ClipView {
  /** The question the clip is filed under, without a "Q:" marker; null outside any Q&A. */
  question: string | null;
  /** The follow-up questions a saved Q&A kept. */
  subQuestions: string[];
  paragraphs: ClipParagraph[];
}

type ClipFields = Pick<Highlight, 'kind' | 'quote' | 'question' | 'speaker' | 'answer' | 'subQuestions'>;

/** A question as a clip shows it: on one line, without its "Q:" marker; null when nothing is left. */
export function clipQuestion(question: string): string | null {
  return stripQuestionMarker(collapseWhitespace(question)) || null;
}

/** One saved answer block as a clip shows it: on one line, no "A:" marker; null when nothing is left. */
export function clipParagraph(b: Block): ClipParagraph | null {
  const text = collapseWhitespace(stripAnswerMarker(collapseWhitespace(b.text), false));
  return text ? { kind: b.kind, text, speaker: b.speaker ?? null, ordered: b.ordered ?? false } : null;
}

export function clipView(h: ClipFields): ClipView {
  const question = h.question === null ? null : clipQuestion(h.question);
  if (h.kind === 'qa' && h.answer && h.answer.length > 0) {
    const paragraphs = h.answer.flatMap((b): ClipParagraph[] => {
      const p = clipParagraph(b);
      return p ? [p] : [];
    });
    return {
      question,
      subQuestions: (h.subQuestions ?? []).map(collapseWhitespace).filter((q) => q !== ''),
      paragraphs,
    };
  }
  let text = collapseWhitespace(h.quote);
  // A Q&A saved without its blocks: its quote starts with the question, already shown above it.
  if (h.kind === 'qa' && question && text.startsWith(question)) text = text.slice(question.length).trim();
  if (h.kind === 'qa') text = stripAnswerMarker(text, false);
  return {
    question,
    subQuestions: [],
    paragraphs: text ? [{ kind: 'paragraph', text, speaker: h.speaker, ordered: false }] : [],
  };
}

/** The clip as plain text on one line each paragraph, for search, a row's summary or an accessible name. */
export function clipPlainText(view: ClipView): string {
  return view.paragraphs.map((p) => (p.speaker ? `${p.speaker}: ${p.text}` : p.text)).join('\n');
}
