// Where each question sits in the article's text, so a selection can be filed
// under the question it falls in. Pure: works on the text index's string.

import type { Block, Section } from '../types';

/** A section's stretch of the index text: from its question to the next question. */
export interface SectionSpan {
  id: string;
  /** Offset of the question's first character. */
  start: number;
  /** Offset where the question text ends. */
  questionEnd: number;
  /** Offset of the next question (or the end of the text). */
  end: number;
}

/**
 * The text with white space collapsed and lower-cased, plus the original
 * offset of every kept character: page text and extracted text differ in
 * spacing (line breaks, nbsp), never in words.
 */
export interface LooseText {
  text: string;
  /** map[i] = offset in the original text of folded character i; map[text.length] = original length. */
  map: number[];
}

export function looseForm(text: string): LooseText {
  let out = '';
  const map: number[] = [];
  let pendingSpace = -1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (/\s/.test(ch)) {
      if (pendingSpace < 0) pendingSpace = i;
      continue;
    }
    if (pendingSpace >= 0 && out.length > 0) {
      out += ' ';
      map.push(pendingSpace);
    }
    pendingSpace = -1;
    out += ch.toLowerCase();
    map.push(i);
  }
  map.push(text.length);
  return { text: out, map };
}

function looseNeedle(s: string): string {
  return looseForm(s).text;
}

/** Finds `needle` in the folded haystack from folded offset `from`; returns original [start, end) or null. */
export function findLoose(
  hay: LooseText,
  needle: string,
  from = 0,
): { start: number; end: number; foldedEnd: number } | null {
  const n = looseNeedle(needle);
  if (n === '') return null;
  const at = hay.text.indexOf(n, from);
  if (at < 0) return null;
  const start = hay.map[at] as number;
  const lastChar = hay.map[at + n.length - 1] as number;
  return { start, end: lastChar + 1, foldedEnd: at + n.length };
}

/** The loose-form offset of an original offset (the first kept character at or after it). */
export function looseOffset(hay: LooseText, original: number): number {
  let lo = 0;
  let hi = hay.map.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((hay.map[mid] as number) < original) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Strips what the extractor also leaves out of a question: a trailing colon, "Q:" markers. */
function questionNeedles(question: string): string[] {
  const q = question.trim();
  const needles = [q];
  const noColon = q.replace(/[:：]\s*$/, '');
  if (noColon !== q) needles.push(noColon);
  return needles;
}

/**
 * Locates each section's question in page order. A question that cannot be
 * found is left out; the spans that are found still cover the text after them.
 */
export function locateSections(text: string, sections: Pick<Section, 'id' | 'question'>[]): SectionSpan[] {
  // Folding costs a pass over the whole text, which is all of a huge page.
  if (sections.length === 0) return [];
  const hay = looseForm(text);
  const found: { id: string; start: number; questionEnd: number; foldedEnd: number }[] = [];
  let cursor = 0;
  for (const s of sections) {
    let hit: ReturnType<typeof findLoose> = null;
    for (const needle of questionNeedles(s.question)) {
      hit = findLoose(hay, needle, cursor);
      if (hit) break;
    }
    if (!hit) continue;
    found.push({ id: s.id, start: hit.start, questionEnd: hit.end, foldedEnd: hit.foldedEnd });
    cursor = hit.foldedEnd;
  }
  return found.map((f, i) => ({
    id: f.id,
    start: f.start,
    questionEnd: f.questionEnd,
    end: found[i + 1]?.start ?? text.length,
  }));
}

/** The section a text offset falls in: a selection starting in a section counts for that one. */
export function sectionAt(spans: SectionSpan[], offset: number): SectionSpan | null {
  for (const span of spans) if (offset >= span.start && offset < span.end) return span;
  return null;
}

/** Where each answer block sits inside its section's span (null when not found). */
export function locateBlocks(
  text: string,
  span: SectionSpan,
  blocks: Block[],
): ({ start: number; end: number } | null)[] {
  const hay = looseForm(text);
  let cursor = looseOffset(hay, span.questionEnd);
  const limit = span.end;
  return blocks.map((b) => {
    const hit = findLoose(hay, b.text, cursor);
    if (!hit || hit.end > limit) return null;
    cursor = hit.foldedEnd;
    return { start: hit.start, end: hit.end };
  });
}

/** The block whose text holds the offset, for its speaker (panel interviews). */
export function blockAt(text: string, span: SectionSpan, blocks: Block[], offset: number): Block | null {
  const places = locateBlocks(text, span, blocks);
  for (let i = 0; i < blocks.length; i++) {
    const p = places[i];
    if (p && offset >= p.start && offset < p.end) return blocks[i] as Block;
  }
  return null;
}

/** The stretch a whole Q&A covers: question start to the end of the last answer block found. */
export function qaExtent(text: string, span: SectionSpan, blocks: Block[]): { start: number; end: number } {
  const places = locateBlocks(text, span, blocks).filter(
    (p): p is { start: number; end: number } => p !== null,
  );
  const last = places[places.length - 1];
  return { start: span.start, end: last ? last.end : span.questionEnd };
}
