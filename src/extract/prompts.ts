// What each block would be if it were a prompt, and in which form. A form is how
// a page marks its questions: a heading rank, a whole-bold (or bold-italic, or
// italic) paragraph or bold lead-in, a "Q:" prefix, a <dt>, a line set in
// capitals, a dialogue dash, or the interviewer's speaker label. Which blocks
// really are prompts is decided over the whole page (questions.ts): a run of
// them in one form with answers between. Here a block only says whether it asks
// (ends in a question mark of any script) or is a statement a prompt may be
// ("You left a stable job for this.", "–Le pasó de todo.").

import type { RawBlock, Segment } from './blocks';
import { isCallToAction, isClosing, isReplyTitle, isTeaser } from './editorial';
import type { Speakers } from './speakers';
import {
  cleanQuestion,
  endsWithQuestionMark,
  hasLetters,
  hasQuestionMarker,
  inlineAnswerMarker,
  isAllCaps,
  isUtterance,
  startsWithDialogueDash,
  wordCount,
} from './text';

export interface Prompt {
  index: number;
  /** h1…h6, p-bold, p-bold-i, p-italic, p-caps, p-dash, p-q, dt or turn. */
  form: string;
  /** Heading rank; 7 for paragraph-level forms, below every heading. */
  rank: number;
  question: string;
  /** Ends in a question (or carries a "Q:" marker); else a statement prompt. */
  asks: boolean;
  /** Answer text printed in the same block as the question (after a line break, an "A:" or the bold lead). */
  rest: Segment[];
  /** Unemphasised forms (capitals, dashes, italics) occur in ordinary prose too: their runs must be longer. */
  weak: boolean;
  /** The interviewer's label taken out of the question ("SRF News", "The Herald"). */
  label?: string;
}

export interface PromptContext {
  /** The site writes prompts as headings ending in a colon (profiles). */
  colonPrompts: boolean;
  speakers: Speakers;
  /** Words of the publication's own names (site name, publisher, page title), lower-cased; read when first needed. */
  publication: () => Set<string>;
}

export const PARAGRAPH_RANK = 7;
const MAX_QUESTION = 400;
/** A transcript's turn is a prompt by its label, so it may be as long as the interviewer talks. */
const MAX_TURN = 2000;

function plainSegment(text: string): Segment {
  return { text, lead: '', allBold: false, allItalic: false };
}

function acceptable(q: string, max = MAX_QUESTION): boolean {
  return q.length >= 2 && q.length <= max && hasLetters(q);
}

/** Lines that are never prompts whatever their form: closings, teasers, reply titles, calls to action. */
function editorial(text: string, asks: boolean): boolean {
  return isClosing(text) || isTeaser(text, false) || isReplyTitle(text) || (asks && isCallToAction(text));
}

function make(
  index: number,
  form: string,
  rank: number,
  text: string,
  rest: Segment[],
  weak: boolean,
  label?: string,
): Prompt | null {
  // A statement prompt reads as something said; a title ("Design", "Results") is a section, not a prompt.
  // Checked on the raw text first: most headings and bold lines are titles, and cleaning costs.
  const marked = hasQuestionMarker(text);
  if (!marked && !isUtterance(text)) return null;
  const question = cleanQuestion(text);
  if (!acceptable(question)) return null;
  const asks = marked || endsWithQuestionMark(question);
  if (editorial(question, asks)) return null;
  const p: Prompt = { index, form, rank, question, asks, rest, weak };
  if (label !== undefined) p.label = label;
  return p;
}

function headingPrompt(b: RawBlock, index: number, colonPrompts: boolean): Prompt | null {
  const t = b.text;
  // Profiles write prompts as "Getting started:"; elsewhere a colon heading is a section title.
  // Among them a prompt may lack its colon ("Best advice"): a statement the run takes in.
  if (colonPrompts && !endsWithQuestionMark(t) && !isUtterance(t)) {
    const q = cleanQuestion(t);
    if (!acceptable(q)) return null;
    return {
      index,
      form: `h${b.level}`,
      rank: b.level,
      question: q,
      asks: /[:：]$/.test(t),
      rest: [],
      weak: false,
    };
  }
  if (/[:：]$/.test(t)) return null;
  return make(index, `h${b.level}`, b.level, t, [], false);
}

/**
 * The interviewer's label printed inside a question ("SRF News: Wie …?"), taken out
 * when the page shows it is one: it names the publication, or the answer right after
 * opens with a speaker's label (a label on the first question and answer only).
 */
function interviewerLabel(blocks: RawBlock[], index: number, ctx: PromptContext): string | null {
  const hit = ctx.speakers.shapes[index];
  if (!hit || hit.rest === '') return null;
  if (ctx.speakers.who[index]) return hit.label;
  const names = hit.label.toLowerCase().split(/\s+/);
  const publication = ctx.publication();
  if (names.some((w) => w.length >= 2 && publication.has(w))) return hit.label;
  for (let j = index + 1; j < blocks.length && j <= index + 3; j++) {
    if (ctx.speakers.who[j]) return ctx.speakers.who[j]!.name !== hit.label ? hit.label : null;
    if (!blocks[j]!.insert) break;
  }
  return null;
}

function paragraphPrompt(blocks: RawBlock[], index: number, ctx: PromptContext): Prompt | null {
  const b = blocks[index]!;
  const first = b.segments[0];
  if (!first) return null;
  // The lines after the first: copied only for the few paragraphs that become prompts.
  const more = (): Segment[] => b.segments.slice(1);
  if (hasQuestionMarker(first.text)) {
    // "Q: …?" then the answer after a break, after an inline "A:", or after the bold question.
    let question = first.text;
    const rest = more();
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
    return acceptable(q)
      ? { index, form: 'p-q', rank: PARAGRAPH_RANK, question: q, asks: true, rest, weak: false }
      : null;
  }
  if (first.lead !== '' && first.lead === first.text) {
    // A whole-bold line: the question, with any answer after a line break.
    const label = interviewerLabel(blocks, index, ctx);
    const text = label !== null ? first.text.replace(/^[^:：]*[:：]\s*/, '') : first.text;
    const form = first.allItalic ? 'p-bold-i' : 'p-bold';
    return make(index, form, PARAGRAPH_RANK, text, more(), false, label ?? undefined);
  }
  if (first.lead !== '') {
    // A bold lead-in that runs straight into its answer: "<b>Why?</b> Because…", "<b>You left.</b> I did."
    const lead = first.lead.trim();
    if (/[:：]$/.test(lead) || /^\s*[:：]/.test(first.text.slice(first.lead.length))) return null;
    const after = first.text.slice(first.lead.length).trim();
    if (!endsWithQuestionMark(lead) && wordCount(lead) < 2) return null;
    return make(index, 'p-bold', PARAGRAPH_RANK, lead, [plainSegment(after), ...more()], false);
  }
  const text = b.text;
  if (b.allItalic) return make(index, 'p-italic', PARAGRAPH_RANK, text, [], true);
  if (startsWithDialogueDash(text)) return make(index, 'p-dash', PARAGRAPH_RANK, text, [], true);
  if (isAllCaps(text) && wordCount(text) >= 2) return make(index, 'p-caps', PARAGRAPH_RANK, text, [], true);
  return null;
}

/**
 * The interviewer's turn on a transcript, after its label (inline, or on the line
 * before): every turn of the interviewer is a prompt, whatever it ends in. A turn
 * of anyone else is never one. undefined: the page is no transcript, or the block is no one's turn.
 */
function turnPrompt(blocks: RawBlock[], index: number, ctx: PromptContext): Prompt | null | undefined {
  const { asker, who, hits } = ctx.speakers;
  if (asker === null) return undefined;
  const p = who[index];
  let text: string;
  let label: string | undefined;
  if (p) {
    if (p !== asker || hits[index]!.rest === '') return null;
    text = hits[index]!.rest;
    label = hits[index]!.label;
  } else {
    const prev = index > 0 ? who[index - 1] : null;
    if (!prev || hits[index - 1]!.rest !== '' || blocks[index]!.kind !== 'paragraph') return undefined;
    if (prev !== asker) return null;
    text = blocks[index]!.text;
  }
  const question = cleanQuestion(text);
  if (!acceptable(question, MAX_TURN)) return null;
  const turn: Prompt = {
    index,
    form: 'turn',
    rank: PARAGRAPH_RANK,
    question,
    asks: endsWithQuestionMark(question),
    rest: [],
    weak: false,
  };
  if (label !== undefined) turn.label = label;
  return turn;
}

/** The prompt block i would be, in its form; null when it cannot be one. */
export function promptOf(blocks: RawBlock[], index: number, ctx: PromptContext): Prompt | null {
  const b = blocks[index]!;
  if (b.linkedAway || b.insert) return null; // a linked line is a teaser for another page; a caption is no prompt
  const turn = turnPrompt(blocks, index, ctx);
  if (turn !== undefined) return turn;
  switch (b.kind) {
    case 'heading':
      return headingPrompt(b, index, ctx.colonPrompts);
    case 'paragraph':
      return paragraphPrompt(blocks, index, ctx);
    case 'term':
      return hasQuestionMarker(b.text) || endsWithQuestionMark(b.text)
        ? make(index, 'dt', PARAGRAPH_RANK, b.text, [], false)
        : null;
    default:
      return null;
  }
}
