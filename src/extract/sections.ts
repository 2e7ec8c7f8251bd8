// From blocks and the chosen prompts to sections. Each question takes the blocks
// after it until the next question, a heading of its own rank or higher, a rule,
// a block in the prompts' own form that is not a prompt (a bold sidebar title
// among bold questions), or a closing line ("Vielen Dank für das Gespräch",
// "Das Gespräch führte …"). Inside, a reader skips what is not the
// interviewee's words: captions, related links and boxes dropped into the
// answer, pull quotes repeating it, teasers. Speaker labels move into
// Block.speaker. Follow-up questions right under a question are sub-questions.

import type { Block, Section } from '../types';
import { BOX_TAGS, childOf, type RawBlock, type Segment } from './blocks';
import { authorLine, isCallToAction, isClosing, isTeaser } from './editorial';
import { type Prompt, PARAGRAPH_RANK } from './prompts';
import type { QuestionReading } from './questions';
import { isSubQuestion } from './questions';
import { lineLabel, type Speakers } from './speakers';
import { isAllCaps, isNameLike, isUtterance, sectionIdFor, stripAnswerMarker, wordCount } from './text';
import type { VerdictSink } from './verdicts';

const MARKER_LABEL = /^(?:A|Answer)$/i;

/** How an answer block's speaker and text are read: the page's speakers and whether loose "A." markers are in use. */
interface Reading {
  speakers: Speakers;
  looseMarkers: boolean;
}

/** A line as answer text: its speaker's label moved to speaker, an "A:" marker dropped. */
function speakerLine(segments: Segment[], k: number, r: Reading): { speaker?: string; text: string } {
  const s = segments[k]!;
  const hit = lineLabel(segments, k, true);
  if (hit !== null && hit.rest !== '') {
    if (MARKER_LABEL.test(hit.label)) return { text: hit.rest };
    const p = r.speakers.byLabel.get(hit.label);
    // A bold "Name:" always names a speaker (panels print each once); a plain one only when the page uses it.
    if (p) return { speaker: p.name, text: hit.rest };
    if (hit.bold && hit.colon && isNameLike(hit.label)) return { speaker: hit.label, text: hit.rest };
  }
  return { text: stripAnswerMarker(s.text, r.looseMarkers) };
}

function paragraphBlocks(
  segments: Segment[],
  r: Reading,
  first?: { speaker: string; text: string },
): Block[] {
  const parts = segments
    .map((_, k) => (k === 0 && first ? first : speakerLine(segments, k, r)))
    .filter((p) => p.text !== '');
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
  const head = parts[0]!;
  const text = parts.map((p) => p.text).join(' ');
  return head.speaker ? [{ kind: 'paragraph', text, speaker: head.speaker }] : [{ kind: 'paragraph', text }];
}

/** A raw block as plain blocks, labels and markers kept as printed (the intro, facts). */
export function plainBlocks(b: RawBlock): Block[] {
  switch (b.kind) {
    case 'heading':
      return [{ kind: 'heading', text: b.text }];
    case 'list-item':
      return [{ kind: 'list-item', text: b.text, ordered: b.ordered }];
    case 'quote':
      return [{ kind: 'quote', text: b.text }];
    case 'code':
      return [{ kind: 'code', text: b.text }];
    case 'separator':
      return [];
    default:
      return [{ kind: 'paragraph', text: b.text }];
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

/** The whole-block emphasis a paragraph shares with paragraph-form prompts. */
function emphasisForm(b: RawBlock): string | null {
  if (b.kind !== 'paragraph') return null;
  if (b.allBold) return b.allItalic ? 'p-bold-i' : 'p-bold';
  if (b.allItalic) return 'p-italic';
  if (isAllCaps(b.text)) return 'p-caps';
  return null;
}

/** Forms whose answers never share the prompts' emphasis, so a block in it that is no prompt closes the answer. */
const CLOSED_BY_OWN_FORM = new Set(['p-bold', 'p-bold-i', 'p-italic', 'p-caps']);

/** A short title with no sentence to it ("Zum Thema", "Weiterführende Links:") right before related links. */
function isBoxTitle(b: RawBlock, next: RawBlock | undefined): boolean {
  return (
    next?.linkedAway === true &&
    !b.linkedAway &&
    b.kind !== 'heading' &&
    wordCount(b.text) <= 6 &&
    (!isUtterance(b.text) || /[:：]$/.test(b.text))
  );
}

interface Entry {
  index: number;
  blocks: Block[];
}

interface Draft {
  section: Section;
  prompt: Prompt;
  entries: Entry[];
  closed: boolean;
  /** A box dropped into the answer, with its own heading: skipped until the answer resumes after it. */
  box: Element | null;
}

export interface AssembleContext {
  speakers: Speakers;
  /** Full names of people the page is by or about (author, subject): a paragraph opening with one after the last answer is a bio. */
  people: string[];
}

export interface Assembled {
  intro: RawBlock[];
  sections: Section[];
}

export function assemble(
  blocks: RawBlock[],
  reading: QuestionReading,
  ctx: AssembleContext,
  verdicts: VerdictSink,
): Assembled {
  const { prompts, why } = reading;
  if (prompts.size === 0) {
    // Not an interview: every block is intro text.
    for (let i = 0; i < blocks.length; i++) verdicts.set(i, 'intro', 'before the first question');
    return { intro: blocks, sections: [] };
  }
  const intro: RawBlock[] = [];
  const drafts: Draft[] = [];
  const r: Reading = {
    speakers: ctx.speakers,
    looseMarkers: [...prompts.values()].some((c) => c.form === 'p-q'),
  };
  const forms = new Map<string, number>();
  for (const p of prompts.values()) forms.set(p.form, (forms.get(p.form) ?? 0) + 1);
  const runForm = [...forms.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
  const usedIds = new Map<string, number>();
  const lastPrompt = Math.max(-1, ...prompts.keys());
  const { hits, who, asker } = ctx.speakers;
  let cur: Draft | null = null;
  let pendingSpeaker: string | null = null;
  const close = (i: number, rule: string): void => {
    if (cur) cur.closed = true;
    verdicts.set(i, 'chrome', rule);
  };

  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    const p = prompts.get(i);
    if (p) {
      const base = sectionIdFor(p.question);
      const n = (usedIds.get(base) ?? 0) + 1;
      usedIds.set(base, n);
      const section: Section = {
        id: n === 1 ? base : `${base}-${n}`,
        question: p.question,
        subQuestions: [],
        answer: [],
      };
      cur = { section, prompt: p, entries: [], closed: false, box: null };
      drafts.push(cur);
      pendingSpeaker = null;
      verdicts.set(i, 'question', why.get(i) ?? 'a prompt');
      if (p.rest.length > 0) cur.entries.push({ index: i, blocks: paragraphBlocks(p.rest, r) });
      else {
        while (i + 1 < blocks.length && !prompts.has(i + 1) && isSubQuestion(blocks[i + 1]!)) {
          section.subQuestions.push(blocks[++i]!.text);
          verdicts.set(
            i,
            'sub-question',
            'an italic question right under the question belongs to the prompt',
          );
        }
      }
      continue;
    }
    const hit = hits[i];
    // A speaker's label on a line of its own: the turn is the next block.
    if (hit && hit.rest === '') {
      pendingSpeaker = who[i] === asker ? null : who[i]!.name;
      verdicts.set(i, 'speaker label', `the label of ${who[i]!.name}, whose turn follows`);
      if (!cur) intro.push(b);
      continue;
    }
    if (drafts.length === 0) {
      intro.push(b);
      verdicts.set(i, 'intro', 'before the first question');
      continue;
    }
    if (b.kind === 'separator') {
      if (cur && cur.entries.length > 0) close(i, 'a rule closes the answer before it');
      continue;
    }
    if (!cur || cur.closed) {
      verdicts.set(i, 'chrome', 'after an answer closed, before any next question');
      continue;
    }
    if (cur.box !== null) {
      if (cur.box.contains(b.el)) {
        verdicts.set(i, 'insert', 'inside a box dropped into the answer');
        continue;
      }
      cur.box = null;
    }
    if (b.kind === 'heading' && b.level <= cur.prompt.rank) {
      const box = boxAround(blocks, i, blocks[cur.prompt.index]!.el, prompts);
      if (box !== null) {
        cur.box = box;
        verdicts.set(i, 'insert', 'the heading of a box nested in the answer, which goes on after it');
        continue;
      }
      close(i, `a heading of the question's rank or higher (h${b.level}) ends the answer`);
      continue;
    }
    if (isClosing(b.text)) {
      close(i, 'a closing line (thanks, credits, "to learn more") ends the interview');
      continue;
    }
    if (authorLine(b.text) !== null) {
      close(i, 'an author line ends the interview');
      continue;
    }
    const emphasis = emphasisForm(b);
    if (emphasis !== null && emphasis === runForm && CLOSED_BY_OWN_FORM.has(emphasis) && !hit) {
      close(i, "a block in the prompts' own form that is no prompt (a box or sidebar title) ends the answer");
      continue;
    }
    if (i > lastPrompt && cur.entries.length > 0 && opensWithName(b.text, ctx.people)) {
      close(i, 'a paragraph about the author or the interviewee, by name, after the last answer is a bio');
      continue;
    }
    const insert = insertRule(blocks, i, cur, hit !== null);
    if (insert !== null) {
      verdicts.set(i, insert[0], insert[1]);
      continue;
    }
    const speaker = hit ? { speaker: who[i]!.name, text: hit.rest } : undefined;
    const out = b.kind === 'paragraph' ? paragraphBlocks(b.segments, r, speaker) : plainBlocks(b);
    if (pendingSpeaker !== null && out[0] && out[0].kind === 'paragraph' && !out[0].speaker)
      out[0].speaker = pendingSpeaker;
    pendingSpeaker = null;
    if (out.length === 0) continue;
    cur.entries.push({ index: i, blocks: out });
    verdicts.set(
      i,
      'answer',
      out[0]!.speaker ? `answer text; the label "${out[0]!.speaker}" is kept as its speaker` : 'answer text',
    );
  }

  for (let k = 0; k < drafts.length; k++) {
    dropBoxes(blocks, drafts[k]!, drafts[k + 1]?.prompt, verdicts);
  }
  trimTail(blocks, drafts, verdicts);
  dropRepeatedQuotes(drafts, intro, blocks, verdicts);
  // A last prompt left with no answer was a teaser or a form's label.
  while (drafts.length > 0 && drafts[drafts.length - 1]!.entries.length === 0) {
    const d = drafts.pop()!;
    verdicts.set(
      d.prompt.index,
      'chrome',
      'a question-shaped line after the last answer, with no answer of its own',
    );
  }
  for (const d of drafts) d.section.answer = d.entries.flatMap((e) => e.blocks);
  return { intro, sections: drafts.map((d) => d.section) };
}

/**
 * The box holding heading i, when it is one dropped into an answer: a container
 * beside the question (not around it) that the heading sits inside, after which
 * the answer goes on. A heading with nothing of the answer after its box ends the
 * answer as any heading of its rank does.
 */
function boxAround(
  blocks: RawBlock[],
  i: number,
  question: Element,
  prompts: Map<number, Prompt>,
): Element | null {
  const el = blocks[i]!.el;
  let common: Element | null = el.parentElement;
  while (common !== null && !common.contains(question)) common = common.parentElement;
  if (common === null) return null;
  const top = childOf(el, common);
  if (top === null || top === el || !BOX_TAGS.has(top.localName)) return null;
  let j = i + 1;
  while (j < blocks.length && top.contains(blocks[j]!.el)) j++;
  const next = blocks[j];
  const resumes =
    next !== undefined &&
    !prompts.has(j) &&
    (next.kind === 'paragraph' || next.kind === 'list-item' || next.kind === 'quote') &&
    !next.insert &&
    !next.linkedAway;
  return resumes ? top : null;
}

/** Opens with one of the names, as a third-person bio does ("Stewart Brand, Jahrgang 1938, …", "Dana Ortiz is …"). */
function opensWithName(text: string, names: string[]): boolean {
  return names.some((n) => text.startsWith(n) && /^[,\s(]/.test(text.slice(n.length)));
}

/** Why a block inside an answer is not answer text, or null when it is. */
function insertRule(
  blocks: RawBlock[],
  i: number,
  cur: Draft,
  speakerLabel: boolean,
): [role: 'insert' | 'chrome', rule: string] | null {
  const b = blocks[i]!;
  if (b.insert)
    return ['insert', "a caption or credit (in a figure, named a caption, or repeating an image's alt text)"];
  if (b.linkedAway) {
    // A list the answer announces ("…my favourites:") is the answer's; links after it ended are a related box.
    const prev = cur.entries[cur.entries.length - 1];
    const said = prev ? blocks[prev.index]!.text : '';
    if (!/[:：]$/.test(said)) return ['insert', 'every word links to another page: a related link or tag'];
  }
  if (isBoxTitle(b, blocks[i + 1])) return ['insert', 'the title of a box of related links'];
  if (isTeaser(b.text, speakerLabel))
    return ['insert', 'a teaser lead-in ("WATCH:", "Read more:") sending the reader elsewhere'];
  if (isCallToAction(b.text)) return ['insert', 'a call to action addressed to the reader'];
  if (isStrayLabel(b)) return ['chrome', 'a stray label in the page furniture'];
  return null;
}

function signature(el: Element): string {
  return `${el.localName}.${el.getAttribute('class') ?? ''}`;
}

/**
 * Boxes dropped into an answer (an info box with its own title, an author box, a
 * "related" box): blocks nested in a container that holds none of the answer's
 * own paragraphs and none of the questions. The answer's own paragraphs are
 * those standing where the question stands (its siblings), or, where every
 * paragraph is wrapped, in wrappers like the first one.
 */
function dropBoxes(blocks: RawBlock[], d: Draft, next: Prompt | undefined, verdicts: VerdictSink): void {
  const own = d.entries.filter((e) => e.index !== d.prompt.index);
  if (own.length === 0) return;
  const q = blocks[d.prompt.index]!.el;
  const depth = new Map<Element, number>();
  for (let e: Element | null = q, k = 0; e !== null; e = e.parentElement, k++) depth.set(e, k);
  let common = q;
  let deepest = 0;
  for (const e of own) {
    let el: Element | null = blocks[e.index]!.el;
    while (el !== null && !depth.has(el)) el = el.parentElement;
    if (el !== null && depth.get(el)! > deepest) {
      deepest = depth.get(el)!;
      common = el;
    }
  }
  let scope = common;
  // Answers wrapped whole ("<div class=answer>…</div>"): look inside the wrapper.
  for (;;) {
    const tops = own.map((e) => childOf(blocks[e.index]!.el, scope));
    const t = tops[0];
    if (!t || !tops.every((x) => x === t) || t.contains(q) || own.some((e) => blocks[e.index]!.el === t))
      break;
    scope = t;
  }
  const nextEl = next ? blocks[next.index]!.el : null;
  const main = new Set<string>();
  const qTop = childOf(q, scope);
  if (qTop) main.add(signature(qTop));
  const tops = own.map((e) => {
    const el = blocks[e.index]!.el;
    return el === scope ? null : childOf(el, scope);
  });
  const boxed = (top: Element | null, e: Entry): boolean =>
    top !== null &&
    top !== blocks[e.index]!.el &&
    BOX_TAGS.has(top.localName) &&
    !(nextEl !== null && top.contains(nextEl));
  const flow = own.some((e, k) => !boxed(tops[k]!, e));
  if (!flow) return;
  if (!own.some((e, k) => !boxed(tops[k]!, e) && tops[k] !== null && !BOX_TAGS.has(tops[k]!.localName))) {
    // Every paragraph sits in a wrapper: the first answer paragraph's wrapper is the answer's own kind.
    const firstTop = tops.find((t) => t !== null);
    if (firstTop) main.add(signature(firstTop));
  }
  const drop = new Set<number>();
  own.forEach((e, k) => {
    const top = tops[k]!;
    if (boxed(top, e) && !main.has(signature(top!))) drop.add(e.index);
  });
  if (drop.size === 0 || drop.size === own.length) return;
  d.entries = d.entries.filter((e) => !drop.has(e.index));
  for (const i of drop)
    verdicts.set(
      i,
      'insert',
      "a box nested beside the answer's own paragraphs (an info, author or related box)",
    );
}

/**
 * The end of the last answer: an all-italic closing paragraph at the article's
 * end is the editor's voice ("Dana Ortiz spoke to us from Lisbon."), unless the
 * answers themselves are set in italics, or it is the whole answer.
 */
function trimTail(blocks: RawBlock[], drafts: Draft[], verdicts: VerdictSink): void {
  const d = drafts[drafts.length - 1];
  if (!d || d.entries.length === 0) return;
  let end = blocks.length - 1;
  while (end > 0 && isFurniture(blocks[end]!)) end--;
  if (d.entries[d.entries.length - 1]!.index !== end) return;
  const italic = (e: Entry): boolean =>
    e.index !== d.prompt.index && blocks[e.index]!.kind === 'paragraph' && blocks[e.index]!.allItalic;
  let cut = d.entries.length;
  while (cut > 0 && italic(d.entries[cut - 1]!)) cut--;
  const kept = d.entries.slice(0, cut);
  if (cut === d.entries.length || kept.length === 0 || kept.every(italic)) return;
  for (const e of d.entries.slice(cut))
    verdicts.set(
      e.index,
      'chrome',
      "an italic closing paragraph at the end of the article: the editor's voice",
    );
  d.entries = kept;
}

/** Blocks a reader's eye passes over at an article's end: captions, links, rules, stray labels. */
function isFurniture(b: RawBlock): boolean {
  return b.insert || b.linkedAway || b.kind === 'separator' || isStrayLabel(b);
}

/**
 * Letters and digits only, lower-cased: a pull quote repeats answer text with its
 * punctuation changed ("Il y a, d’abord, le poids…"). A loop, not a Unicode regex:
 * it runs over every answer's text on pages with quotes.
 */
function letters(s: string): string {
  const t = s.toLowerCase();
  let out = '';
  let from = 0;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    const keep =
      (c >= 97 && c <= 122) ||
      (c >= 48 && c <= 57) ||
      (c > 0xbf &&
        !(c >= 0x2000 && c <= 0x206f) &&
        !(c >= 0x3000 && c <= 0x303f) &&
        c !== 0xd7 &&
        c !== 0xf7);
    if (!keep) {
      if (i > from) out += t.slice(from, i);
      from = i + 1;
    }
  }
  return from === 0 ? t : out + t.slice(from);
}

/** Drops quote blocks whose words are already answer text somewhere on the page. */
function dropRepeatedQuotes(
  drafts: Draft[],
  intro: RawBlock[],
  blocks: RawBlock[],
  verdicts: VerdictSink,
): void {
  const isQuote = (e: Entry): boolean => blocks[e.index]!.kind === 'quote';
  if (!drafts.some((d) => d.entries.some(isQuote))) return;
  const said = letters(
    [
      ...intro.filter((b) => b.kind !== 'quote').map((b) => b.text),
      ...drafts.flatMap((d) =>
        d.entries.filter((e) => !isQuote(e)).flatMap((e) => e.blocks.map((x) => x.text)),
      ),
    ].join(' '),
  );
  for (const d of drafts) {
    d.entries = d.entries.filter((e) => {
      if (!isQuote(e)) return true;
      const t = letters(blocks[e.index]!.text);
      if (t.length < 12 || !said.includes(t)) return true;
      verdicts.set(e.index, 'insert', 'a pull quote repeating answer text');
      return false;
    });
  }
}

export { PARAGRAPH_RANK };
