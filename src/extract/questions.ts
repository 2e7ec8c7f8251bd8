// Which blocks are the questions. A Q&A section is a run of prompts in one form
// (prompts.ts) with answers between them: a lone rhetorical heading, or a
// question-shaped block of another form (an info box's title, a related-story
// card, a pull quote), is not one of its questions. Within a run, statement
// prompts count where questions surround them; the page's most-used form wins.

import { BOX_TAGS, childOf, type RawBlock } from './blocks';
import { isPostByline } from './editorial';
import { PARAGRAPH_RANK, type Prompt, type PromptContext, promptOf } from './prompts';
import { endsWithQuestionMark } from './text';

/** Questions a run needs: two in a marked form, three where the form also occurs in plain prose. */
const MIN_QUESTIONS = 2;
const MIN_WEAK_QUESTIONS = 3;
/** How far back from a heading run a bold first question may stand (answer blocks between). */
const LEAD_IN_REACH = 4;

export interface Run {
  form: string;
  members: Prompt[];
}

export interface QuestionReading {
  /** The chosen prompts by block index. */
  prompts: Map<number, Prompt>;
  /** Why each was chosen: the run it belongs to, or the rule that added it. */
  why: Map<number, string>;
}

const asks = (run: Prompt[]): number => run.reduce((n, p) => n + (p.asks ? 1 : 0), 0);

/**
 * A run as a reader takes it: statements count only between questions of the run
 * (before the first they are the standfirst, after the last an outro or credit),
 * and only once the prompt before them has had an answer (a statement right after
 * a question, in the same form, is its answer: "– Et le premier client ?" "– Mon
 * voisin."). A statement whose answer follows in the same block counts at either
 * end too, in a run whose questions carry their answers so. On a transcript every
 * turn of the interviewer counts.
 */
function trimmed(form: string, run: Prompt[], blocks: RawBlock[]): Prompt[] {
  if (form === 'turn') return run;
  const inline = run.filter((p) => p.asks && p.rest.length > 0).length * 2 >= asks(run);
  const kept = (p: Prompt): boolean => p.asks || (inline && p.rest.length > 0);
  let start = 0;
  while (start < run.length && !kept(run[start]!)) start++;
  let end = run.length;
  while (end > start && !kept(run[end - 1]!)) end--;
  const out: Prompt[] = [];
  for (let k = start; k < end; k++) {
    const p = run[k]!;
    const prev = out[out.length - 1];
    if (!p.asks && prev && prev.rest.length === 0 && !answeredBetween(blocks, prev.index, p.index)) continue;
    out.push(p);
  }
  return out;
}

/** Some block between two prompts is text, not furniture: the first prompt had an answer. */
function answeredBetween(blocks: RawBlock[], from: number, to: number): boolean {
  for (let j = from + 1; j < to; j++) {
    const b = blocks[j]!;
    if (!b.insert && !b.linkedAway && b.kind !== 'separator') return true;
  }
  return false;
}

/** Every run of two or more questions in one form; a heading run ends at any other heading of its rank or higher. */
export function findRuns(blocks: RawBlock[], shapes: (Prompt | null)[]): Run[] {
  const open = new Map<string, Prompt[]>();
  const runs: Run[] = [];
  const close = (form: string): void => {
    const run = trimmed(form, open.get(form) ?? [], blocks);
    open.delete(form);
    const need = run[0]?.weak ? MIN_WEAK_QUESTIONS : MIN_QUESTIONS;
    if (asks(run) >= need) runs.push({ form, members: run });
  };
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    const c = shapes[i] ?? null;
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
  return runs;
}

/**
 * A bold question standing before a run of heading questions, with its answer
 * between: the first question, printed in the body before the headings start
 * (one CMS field for the first question, headings for the rest).
 */
function leadIn(blocks: RawBlock[], shapes: (Prompt | null)[], first: Prompt): Prompt | null {
  if (first.rank >= PARAGRAPH_RANK) return null;
  let answerBlocks = 0;
  for (let j = first.index - 1; j >= 0 && answerBlocks <= LEAD_IN_REACH; j--) {
    const b = blocks[j]!;
    if (b.insert || b.linkedAway) continue;
    const s = shapes[j];
    if (s && s.form === 'p-bold' && s.asks && s.rest.length === 0) return answerBlocks > 0 ? s : null;
    if (b.kind === 'heading' || b.kind === 'separator' || s) return null;
    answerBlocks++;
  }
  return null;
}

export function findQuestions(blocks: RawBlock[], ctx: PromptContext): QuestionReading {
  const shapes = blocks.map((_, i) => promptOf(blocks, i, ctx));
  const runs = findRuns(blocks, shapes);
  // The form with the most questions in runs; on a tie, the one that starts first.
  const byForm = new Map<string, Run[]>();
  for (const r of runs) byForm.set(r.form, [...(byForm.get(r.form) ?? []), r]);
  let best: Run[] = [];
  let bestAsks = 0;
  for (const rs of byForm.values()) {
    const n = rs.reduce((k, r) => k + asks(r.members), 0);
    if (n > bestAsks || (n === bestAsks && n > 0 && rs[0]!.members[0]!.index < best[0]!.members[0]!.index)) {
      best = rs;
      bestAsks = n;
    }
  }
  const prompts = new Map<number, Prompt>();
  const why = new Map<number, string>();
  const chosen = best.flatMap((r) => r.members);
  if (chosen.length === 0 || isThread(blocks, chosen)) return { prompts, why };
  for (const r of best) r.members = withoutCards(r.members, blocks);
  for (const r of best) {
    const described = `a run of ${r.members.length} ${describeForm(r.form)} prompts (${asks(r.members)} questions)`;
    for (const p of r.members) {
      prompts.set(p.index, p);
      why.set(p.index, p.asks ? described : `a statement inside ${described}`);
    }
  }
  const lead = leadIn(blocks, shapes, best[0]!.members[0]!);
  if (lead) {
    prompts.set(lead.index, lead);
    why.set(lead.index, `a bold question right before ${describeForm(best[0]!.form)} questions, answered`);
  }
  return { prompts, why };
}

/**
 * A thread: posts under their own bylines ("by kim on May 2", "dana schrieb:")
 * between the questions. Replies by several people to one question, or to each
 * other, are no interview.
 */
function isThread(blocks: RawBlock[], prompts: Prompt[]): boolean {
  let bylines = 0;
  const last = prompts[prompts.length - 1]!.index;
  for (let j = prompts[0]!.index + 1; j < last; j++)
    if (isPostByline(blocks[j]!.text) && ++bylines >= 2) return true;
  return false;
}

/**
 * Headings of cards in a carousel or box, in the same form as the questions but
 * nested in containers of their own: the questions stand in the article's flow
 * (or each directly in a wrapper), a card's heading one level deeper, inside the
 * card inside the carousel. Dropped where at least two questions stand in the flow.
 */
function withoutCards(members: Prompt[], blocks: RawBlock[]): Prompt[] {
  if (members.length < 3) return members;
  const els = members.map((p) => blocks[p.index]!.el);
  let common: Element | null = els[0]!.parentElement;
  while (common !== null && !els.every((e) => common!.contains(e))) common = common.parentElement;
  if (common === null) return members;
  const card = (el: Element): boolean => {
    const parent = el.parentElement;
    if (parent === null || parent === common) return false;
    const top = childOf(el, common!);
    return top !== null && top !== el && top !== parent && BOX_TAGS.has(top.localName);
  };
  const flow = members.filter((_, k) => !card(els[k]!));
  return flow.length >= 2 && flow.length < members.length ? flow : members;
}

/** A form's name as the --explain output gives it. */
export function describeForm(form: string): string {
  switch (form) {
    case 'p-bold':
      return 'bold';
    case 'p-bold-i':
      return 'bold-italic';
    case 'p-italic':
      return 'italic';
    case 'p-caps':
      return 'capitals';
    case 'p-dash':
      return 'dialogue-dash';
    case 'p-q':
      return '"Q:"';
    case 'dt':
      return 'definition-term';
    case 'turn':
      return "interviewer's turn";
    default:
      return `<${form}>`;
  }
}

/** Italic follow-up questions printed right under a question belong to the prompt. */
export function isSubQuestion(b: RawBlock): boolean {
  return b.kind === 'paragraph' && b.allItalic && endsWithQuestionMark(b.text);
}
