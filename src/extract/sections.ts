// From blocks and the chosen questions to sections: each question takes the
// blocks after it until the next question or a heading of its own rank or
// higher. Follow-up questions right under it become sub-questions; speaker
// labels move into Block.speaker; pull quotes that repeat answer text, and the
// closing outro, are not answer text.

import type { Block, Section } from '../types';
import type { RawBlock, Segment } from './blocks';
import type { Candidate } from './questions';
import {
  endsWithQuestionMark,
  isNameLike,
  labelOf,
  sectionIdFor,
  stripAnswerMarker,
  wordCount,
} from './text';

/** Closing lines that speak for the publisher, not the interviewee. */
const OUTRO =
  /^(?:to (?:learn|find out|read|hear|see) more\b|thanks? (?:you )?(?:to .{1,80} )?for (?:chatting|talking|speaking|sharing|joining|taking the time|your time)|interested in (?:joining|working|learning)\b|want to (?:join|work)\b|(?:this|the) (?:interview|conversation) (?:has been|was|is) (?:edited|condensed|lightly)|editor['’]s note\b|check out our open roles\b)/i;

const MARKER_LABEL = /^(?:A|Answer)$/i;

function isOutro(b: RawBlock, trailingOfArticle: boolean): boolean {
  if (b.kind !== 'paragraph') return false;
  if (OUTRO.test(b.text)) return true;
  // An all-italic closing paragraph is the editor's voice, not the interviewee's.
  return trailingOfArticle && b.allItalic;
}

/** A segment as answer text: its "Name:" label moved to speaker, its "A:" marker dropped. */
function speakerSegment(s: Segment, looseMarkers: boolean): { speaker?: string; text: string } {
  if (s.lead) {
    const after = s.text.slice(s.lead.length);
    const label = labelOf(s.lead, after);
    if (label !== null && (isNameLike(label) || MARKER_LABEL.test(label))) {
      const text = after.replace(/^\s*[:：]?\s*/, '');
      if (text !== '') return MARKER_LABEL.test(label) ? { text } : { speaker: label, text };
    }
  }
  return { text: stripAnswerMarker(s.text, looseMarkers) };
}

function paragraphBlocks(segments: Segment[], looseMarkers: boolean): Block[] {
  const parts = segments.map((s) => speakerSegment(s, looseMarkers)).filter((p) => p.text !== '');
  if (parts.length === 0) return [];
  // Several speakers in one paragraph (labels after line breaks): one block per speaker.
  if (parts.slice(1).some((p) => p.speaker)) {
    const out: Block[] = [];
    for (const p of parts) {
      const last = out[out.length - 1];
      if (!p.speaker && last) last.text = `${last.text} ${p.text}`;
      else
        out.push(
          p.speaker
            ? { kind: 'paragraph', text: p.text, speaker: p.speaker }
            : { kind: 'paragraph', text: p.text },
        );
    }
    return out;
  }
  const first = parts[0]!;
  const text = parts.map((p) => p.text).join(' ');
  return first.speaker
    ? [{ kind: 'paragraph', text, speaker: first.speaker }]
    : [{ kind: 'paragraph', text }];
}

/** Answer blocks from a raw block; `speakers: false` keeps "Label:" leads as text (intro facts). */
export function toBlocks(b: RawBlock, looseMarkers: boolean, speakers = true): Block[] {
  switch (b.kind) {
    case 'heading':
      return [{ kind: 'heading', text: b.text }];
    case 'list-item':
      return [{ kind: 'list-item', text: b.text, ordered: b.ordered }];
    case 'quote':
      return [{ kind: 'quote', text: b.text }];
    case 'code':
      return [{ kind: 'code', text: b.text }];
    default:
      // Intro text keeps its labels and markers as printed.
      return speakers ? paragraphBlocks(b.segments, looseMarkers) : [{ kind: 'paragraph', text: b.text }];
  }
}

/** Loose chrome text (a "Published in" label beside a byline link) that says nothing on its own. */
export function isStrayLabel(b: RawBlock): boolean {
  return (
    b.anonymous &&
    b.kind === 'paragraph' &&
    b.text.length < 40 &&
    wordCount(b.text) < 4 &&
    !/[.!?:;]/.test(b.text)
  );
}

const QUOTE_MARKS = /^[\s"'“”‘’«»„]+|[\s"'“”‘’«»„]+$/g;

/** Drops quote blocks whose words are already answer text somewhere on the page. */
function dropRepeatedQuotes(sections: Section[], intro: RawBlock[]): void {
  if (!sections.some((s) => s.answer.some((b) => b.kind === 'quote'))) return;
  // Block texts are already collapsed, so a space join keeps one normal form.
  const said = [
    ...intro.map((b) => b.text),
    ...sections.flatMap((s) => s.answer.filter((b) => b.kind !== 'quote').map((b) => b.text)),
  ].join(' ');
  for (const s of sections) {
    s.answer = s.answer.filter((b) => {
      if (b.kind !== 'quote') return true;
      const t = b.text.replace(QUOTE_MARKS, '');
      return t.length < 12 || !said.includes(t);
    });
  }
}

export interface Assembled {
  intro: RawBlock[];
  sections: Section[];
}

export function assemble(blocks: RawBlock[], questions: Map<number, Candidate>): Assembled {
  const intro: RawBlock[] = [];
  const sections: Section[] = [];
  const raw: RawBlock[][] = [];
  const looseMarkers = [...questions.values()].some((c) => c.form === 'p-q');
  let current: Section | null = null;
  let currentRaw: RawBlock[] = [];
  let rank = 0;
  let seenQuestion = false;
  const usedIds = new Map<string, number>();

  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    const c = questions.get(i);
    if (c) {
      seenQuestion = true;
      const base = sectionIdFor(c.question);
      const n = (usedIds.get(base) ?? 0) + 1;
      usedIds.set(base, n);
      current = {
        id: n === 1 ? base : `${base}-${n}`,
        question: c.question,
        subQuestions: [],
        answer: paragraphBlocks(c.rest, looseMarkers),
      };
      currentRaw = [];
      sections.push(current);
      raw.push(currentRaw);
      rank = c.rank;
      if (c.rest.length === 0) {
        // Follow-up questions printed in italics right under the question belong to the prompt.
        while (i + 1 < blocks.length && !questions.has(i + 1)) {
          const n1 = blocks[i + 1]!;
          if (n1.kind !== 'paragraph' || !n1.allItalic || !endsWithQuestionMark(n1.text)) break;
          current.subQuestions.push(n1.text);
          i++;
        }
      }
      continue;
    }
    if (!seenQuestion) {
      intro.push(b);
      continue;
    }
    if (current && b.kind === 'heading' && b.level <= rank) current = null;
    if (!current) continue; // between sections: a grouping heading and what follows it
    current.answer.push(...toBlocks(b, looseMarkers));
    currentRaw.push(b);
  }

  trimOutros(sections, raw, blocks, looseMarkers);
  dropRepeatedQuotes(
    sections,
    intro.filter((b) => b.kind !== 'quote'),
  );
  return { intro, sections };
}

/** Removes closing outro paragraphs from the end of answers. */
function trimOutros(sections: Section[], raw: RawBlock[][], blocks: RawBlock[], looseMarkers: boolean): void {
  const lastBlock = blocks[blocks.length - 1];
  sections.forEach((s, k) => {
    const rs = raw[k]!;
    const endsArticle = rs.length > 0 && rs[rs.length - 1] === lastBlock;
    let cut = rs.length;
    while (cut > 0 && isOutro(rs[cut - 1]!, endsArticle)) cut--;
    if (cut === rs.length) return;
    // Keep an answer that would be left empty by the italic rule alone: then it is the answer.
    if (cut === 0 && !rs.some((b) => OUTRO.test(b.text))) return;
    const dropped = rs.slice(cut).reduce((n, b) => n + toBlocks(b, looseMarkers).length, 0);
    s.answer.splice(s.answer.length - dropped, dropped);
    raw[k] = rs.slice(0, cut);
  });
}
