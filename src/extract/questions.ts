// Which blocks are questions. A block may read as a question in one of several
// forms (a heading of some rank, a whole-bold paragraph, a "Q:" line, a <dt>);
// a Q&A section is a run of at least two questions in one form, so a lone
// rhetorical heading or a question-shaped block of another form is not one.

import type { RawBlock, Segment } from './blocks';
import {
  cleanQuestion,
  collapse,
  endsWithQuestionMark,
  hasLetters,
  hasQuestionMarker,
  inlineAnswerMarker,
  wordCount,
} from './text';

export interface Candidate {
  index: number;
  /** h1…h6, p-bold, p-q or dt: questions of one form make one Q&A section. */
  form: string;
  /** Heading rank; 7 for paragraph-level forms, below every heading. */
  rank: number;
  question: string;
  /** Answer text printed in the same block as the question (after a line break or an "A:"). */
  rest: Segment[];
}

const PARAGRAPH_RANK = 7;
const MAX_QUESTION = 400;

function plainSegment(text: string): Segment {
  return { text, lead: '', allBold: false, allItalic: false };
}

function acceptable(q: string): boolean {
  return q.length >= 2 && q.length <= MAX_QUESTION && hasLetters(q);
}

function headingCandidate(b: RawBlock, index: number, colonPrompts: boolean): Candidate | null {
  const t = b.text;
  let q: string | null = null;
  if (hasQuestionMarker(t) || endsWithQuestionMark(t)) q = cleanQuestion(t);
  else if (colonPrompts && /[:：]$/.test(t)) q = cleanQuestion(t);
  if (q === null || !acceptable(q)) return null;
  return { index, form: `h${b.level}`, rank: b.level, question: q, rest: [] };
}

function paragraphCandidate(b: RawBlock, index: number): Candidate | null {
  const [first, ...more] = b.segments;
  if (!first) return null;
  if (hasQuestionMarker(first.text)) {
    // "Q: …?" then the answer after a break, after an inline "A:", or after the bold question.
    let question = first.text;
    const rest = [...more];
    const inline = inlineAnswerMarker(question);
    if (inline >= 0) {
      rest.unshift(plainSegment(question.slice(inline).trim()));
      question = question.slice(0, inline);
    } else if (
      first.lead &&
      first.lead !== first.text &&
      hasQuestionMarker(first.lead) &&
      endsWithQuestionMark(first.lead)
    ) {
      rest.unshift(plainSegment(first.text.slice(first.lead.length).trim()));
      question = first.lead;
    }
    const q = cleanQuestion(question);
    return acceptable(q) ? { index, form: 'p-q', rank: PARAGRAPH_RANK, question: q, rest } : null;
  }
  if (first.allBold && endsWithQuestionMark(first.text)) {
    const q = collapse(first.text);
    return acceptable(q) ? { index, form: 'p-bold', rank: PARAGRAPH_RANK, question: q, rest: more } : null;
  }
  // A bold question that runs straight into its answer in the same line.
  if (first.lead && endsWithQuestionMark(first.lead) && wordCount(first.lead) >= 3) {
    const q = collapse(first.lead);
    const after = first.text.slice(first.lead.length).trim();
    return acceptable(q)
      ? { index, form: 'p-bold', rank: PARAGRAPH_RANK, question: q, rest: [plainSegment(after), ...more] }
      : null;
  }
  return null;
}

export function candidateFor(b: RawBlock, index: number, colonPrompts: boolean): Candidate | null {
  if (b.linkedAway) return null; // a linked heading is a teaser for another page
  switch (b.kind) {
    case 'heading':
      return headingCandidate(b, index, colonPrompts);
    case 'paragraph':
      return paragraphCandidate(b, index);
    case 'term':
      return hasQuestionMarker(b.text) || endsWithQuestionMark(b.text)
        ? (() => {
            const q = cleanQuestion(b.text);
            return acceptable(q) ? { index, form: 'dt', rank: PARAGRAPH_RANK, question: q, rest: [] } : null;
          })()
        : null;
    default:
      return null;
  }
}

/**
 * The questions of the page's Q&A: the form with most questions standing in
 * runs of two or more, where a run of heading questions is broken by any other
 * heading of the same or higher rank (linked teaser headings aside).
 */
export function findQuestions(blocks: RawBlock[], colonPrompts: boolean): Map<number, Candidate> {
  const open = new Map<string, Candidate[]>();
  const kept = new Map<string, Candidate[]>();
  const close = (form: string): void => {
    const run = open.get(form);
    if (run && run.length >= 2) kept.set(form, [...(kept.get(form) ?? []), ...run]);
    open.delete(form);
  };
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    const c = candidateFor(b, i, colonPrompts);
    // A linked teaser heading is a card dropped into the page, not a section title: it leaves runs whole.
    if (b.kind === 'heading' && !b.linkedAway) {
      for (const form of [...open.keys()]) {
        if (form[0] === 'h' && Number(form.slice(1)) >= b.level && form !== c?.form) close(form);
      }
    }
    if (c) {
      const run = open.get(c.form);
      if (run) run.push(c);
      else open.set(c.form, [c]);
    }
  }
  for (const form of [...open.keys()]) close(form);

  let best: Candidate[] = [];
  for (const run of kept.values()) {
    if (
      run.length > best.length ||
      (run.length === best.length && best.length > 0 && run[0]!.index < best[0]!.index)
    )
      best = run;
  }
  return new Map(best.map((c) => [c.index, c]));
}
