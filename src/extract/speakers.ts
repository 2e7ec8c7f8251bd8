// Who speaks. Interviews and transcripts open turns with a label: "Dana Ortiz:",
// a plain "Weber:", bare initials ("JT"), a bold "Sunshine:" on a line of its own,
// the publication's "The Herald:". A label is a speaker only when the page uses it
// as one: it recurs, or it names a person the page names elsewhere. That keeps
// lead-ins ("Note:", "Fazit:", "Currently Pinning:") out. Labels that name the
// same person are one speaker ("Barenberg" is "Jasper Barenberg", "JT" is
// "Jordan Taylor"). On a transcript, the speaker whose turns are questions is the
// interviewer: each of their turns is a prompt.

import type { RawBlock, Segment } from './blocks';
import {
  collapse,
  endsWithQuestionMark,
  isAllCaps,
  isInitials,
  isNameLike,
  labelOf,
  wordCount,
} from './text';

/** A label that opens a block, and the text after it. */
export interface LabelHit {
  /** As printed, without its colon. */
  label: string;
  /** The turn's text after the label; '' when the label stands on a line of its own. */
  rest: string;
  bold: boolean;
  colon: boolean;
}

export interface Person {
  /** The fullest label the page gives this speaker. */
  name: string;
  labels: string[];
  turns: number;
  /** Turns that end in a question. */
  asks: number;
}

export interface Speakers {
  /** Per block: the label-shaped lead that opens it, accepted as a speaker's or not. */
  shapes: (LabelHit | null)[];
  /** Per block: the accepted speaker label that opens it, if any. */
  hits: (LabelHit | null)[];
  /** Per block: who the label names. */
  who: (Person | null)[];
  people: Person[];
  /** On a transcript, the speaker whose turns are the prompts. */
  asker: Person | null;
  /** Every label of an accepted speaker. */
  byLabel: Map<string, Person>;
}

// Lead-ins that read like names but introduce notes, not turns.
const NOT_SPEAKERS = new Set(
  [
    'note',
    'notes',
    'nb',
    'update',
    'updated',
    'edit',
    'correction',
    'disclaimer',
    'photo',
    'photos',
    'foto',
    'fotos',
    'image',
    'video',
    'source',
    'sources',
    'quelle',
    'quellen',
    'fuente',
    'credit',
    'credits',
    'watch',
    'read',
    'read more',
    'related',
    'see also',
    'more',
    'also',
    'tip',
    'tipp',
    'hinweis',
    'info',
    'fazit',
    'summary',
    'conclusion',
    'nota',
    'anzeige',
    'advertisement',
    'sponsored',
    'warning',
    'achtung',
    'wichtig',
    'pros',
    'cons',
    'legende',
    'caption',
    'bildunterschrift',
  ].map((w) => w.toLowerCase()),
);

const HONORIFICS =
  /^(?:mr|mrs|ms|miss|mx|dr|prof|professor|herr|frau|m|mme|mlle|monsieur|madame|sr|sra|señor|señora|don|doña|sig|signor|signora)\.?$/i;

/** A speaker label at the start of plain text: "Weber: …", "THE PRESIDENT: …", "SRF News: …". */
const PLAIN_LABEL = /^([^\s:：]{1,30}(?:\s+[^\s:：]{1,30}){0,4}?)\s*[:：]\s+(?=\S)/u;
/** Bare initials opening plain text: "JT I started out…". */
const PLAIN_INITIALS = /^((?:\p{Lu}\.?){2,3})\s+(?=\p{L})/u;

function plainHit(text: string, bold: boolean): LabelHit | null {
  const head = text.length > 80 ? text.slice(0, 80) : text;
  // Most paragraphs hold no colon near their start: no regex for them.
  if (head.indexOf(':') < 0 && head.indexOf('：') < 0) return null;
  const m = PLAIN_LABEL.exec(head);
  if (m && (isNameLike(m[1]!) || isInitials(m[1]!)))
    return { label: m[1]!, rest: text.slice(m[0].length), bold, colon: true };
  return null;
}

/** Two capitals (or a capital and a full stop) open the text: it may start with initials. */
function opensWithCapitals(s: string): boolean {
  const a = s.charAt(0);
  const b = s.charAt(1);
  return a !== a.toLowerCase() && (b === '.' || (b !== b.toLowerCase() && b === b.toUpperCase()));
}

/**
 * The label that opens one line of a paragraph, if its shape is a label's. The
 * turn's text runs on over the lines after it (segments from `from + 1` on),
 * unless `alone`.
 */
export function lineLabel(segments: Segment[], from = 0, alone = false): LabelHit | null {
  const first = segments[from];
  if (!first) return null;
  const lead = first.lead;
  // The turn's text, built only once a label is found: most lines have none.
  const restOf = (head: string): string => {
    if (alone || from + 1 >= segments.length) return collapse(head);
    const parts = [head];
    for (let k = from + 1; k < segments.length; k++) parts.push(segments[k]!.text);
    return collapse(parts.join(' '));
  };
  if (lead !== '') {
    const after = first.text.slice(lead.length);
    const label = labelOf(lead, after);
    if (label !== null) {
      if (!isNameLike(label) && !isInitials(label)) return null;
      return { label, rest: restOf(after.replace(/^\s*[:：]/, '')), bold: true, colon: true };
    }
    // A whole-bold line may carry its label inside the bold ("SRF News: …?").
    if (lead === first.text) {
      const hit = plainHit(first.text, true);
      if (hit) hit.rest = restOf(hit.rest);
      return hit;
    }
    // A bold name or initials without a colon, the turn running on after it.
    const l = lead.trim();
    if ((isNameLike(l) || isInitials(l)) && wordCount(l) <= 4 && /^\s/.test(after))
      return { label: l, rest: restOf(after), bold: true, colon: false };
    return null;
  }
  const text = first.text;
  const hit = plainHit(text, false);
  if (hit) {
    hit.rest = restOf(hit.rest);
    return hit;
  }
  if (!opensWithCapitals(text)) return null;
  const m = PLAIN_INITIALS.exec(text);
  return m ? { label: m[1]!, rest: restOf(text.slice(m[0].length)), bold: false, colon: false } : null;
}

/** The label that opens a paragraph, if its shape is a label's (whether the page uses it as one is decided later). */
export function openingLabel(b: RawBlock): LabelHit | null {
  return b.kind === 'paragraph' ? lineLabel(b.segments) : null;
}

/** Whether `text` holds `phrase` as whole words: "Anne" is in "Anne Lück", not in "Johanne". */
function holdsWords(text: string, phrase: string): boolean {
  for (let at = text.indexOf(phrase); at >= 0; at = text.indexOf(phrase, at + 1)) {
    const before = at > 0 ? text.charAt(at - 1) : ' ';
    const after = text.charAt(at + phrase.length) || ' ';
    if (!/[\p{L}\p{N}]/u.test(before) && !/[\p{L}\p{N}]/u.test(after)) return true;
  }
  return false;
}

const words = (s: string): string[] => s.toLowerCase().split(/\s+/);
const withoutHonorific = (ws: string[]): string[] =>
  ws.length > 1 && HONORIFICS.test(ws[0]!) ? ws.slice(1) : ws;
const initialsOf = (ws: string[]): string => ws.map((w) => w[0]).join('');

/** Whether two labels name the same person: one is the other's first or last name(s), or its initials. */
export function sameSpeaker(a: string, b: string): boolean {
  if (a === b) return true;
  let x = withoutHonorific(words(a));
  let y = withoutHonorific(words(b));
  if (x.length > y.length) [x, y] = [y, x];
  if (x.length === 1 && isInitials(x[0]!.toUpperCase()) && y.length >= 2) {
    if (x[0]!.replace(/\./g, '') === initialsOf(y)) return true;
  }
  if (x.length >= y.length) return x.join(' ') === y.join(' ');
  const head = y.slice(0, x.length).join(' ');
  const tail = y.slice(y.length - x.length).join(' ');
  const short = x.join(' ');
  return short === head || short === tail;
}

/**
 * The page's speakers. `context` is text the page prints about itself (title,
 * description, the opening blocks): a label used once counts when it names a
 * person named there ("Der Politologe Thomas Jäger…" then "Thomas Jäger: …").
 */
/** No block opens with a label: most pages. Reading hits[i] or who[i] gives undefined, as good as null. */
const NO_SPEAKERS: Omit<Speakers, 'shapes'> = {
  hits: [],
  who: [],
  people: [],
  asker: null,
  byLabel: new Map(),
};

export function readSpeakers(blocks: RawBlock[], context: string[]): Speakers {
  const raw: (LabelHit | null)[] = blocks.map(openingLabel);
  if (!raw.some((h) => h !== null)) return { shapes: raw, ...NO_SPEAKERS };
  const people: Person[] = [];
  const personOf = new Map<string, Person>();
  const counts = new Map<string, number>();
  for (const h of raw) if (h) counts.set(h.label, (counts.get(h.label) ?? 0) + 1);

  for (const label of counts.keys()) {
    if (NOT_SPEAKERS.has(label.toLowerCase())) continue;
    let p = people.find((q) => q.labels.some((l) => sameSpeaker(l, label)));
    if (!p) {
      p = { name: label, labels: [], turns: 0, asks: 0 };
      people.push(p);
    }
    p.labels.push(label);
    if (label.length > p.name.length && !isInitials(label)) p.name = label;
    personOf.set(label, p);
  }

  const accepted = new Set<Person>();
  for (const p of people) {
    const hits = p.labels.reduce((n, l) => n + counts.get(l)!, 0);
    const plainInitialsOnly = p.labels.every((l) => isInitials(l));
    if (hits >= 2 && !plainInitialsOnly) accepted.add(p);
    else if (hits >= 3) accepted.add(p);
    else {
      // Used once: a person the page names elsewhere ("Thomas Jäger"), or whose surname it prints
      // ("Weber"); not in the labelled line itself, and not a label in capitals ("LE PUEDE INTERESAR:").
      const own = new Set(
        raw.flatMap((h, i) => (h !== null && p.labels.includes(h.label) ? [blocks[i]!.text] : [])),
      );
      const named = p.labels.some(
        (l) => !isInitials(l) && !isAllCaps(l) && context.some((t) => !own.has(t) && holdsWords(t, l)),
      );
      if (named) accepted.add(p);
    }
  }

  const hits: (LabelHit | null)[] = new Array(blocks.length).fill(null);
  const who: (Person | null)[] = new Array(blocks.length).fill(null);
  for (let i = 0; i < blocks.length; i++) {
    const h = raw[i];
    const p = h ? personOf.get(h.label) : undefined;
    if (!h || !p || !accepted.has(p)) continue;
    // Plain initials with no colon ("AI is…", "US officials…") count only for a speaker seen with a colon too.
    if (!h.bold && !h.colon && !p.labels.some((l) => l !== h.label)) {
      if (!raw.some((r) => r?.colon && personOf.get(r.label) === p)) continue;
    }
    hits[i] = h;
    who[i] = p;
    p.turns++;
    const said = h.rest !== '' ? h.rest : (blocks[i + 1]?.text ?? '');
    if (endsWithQuestionMark(said)) p.asks++;
  }
  const speaking = people.filter((p) => accepted.has(p) && p.turns > 0);
  const byLabel = new Map<string, Person>();
  for (const p of speaking) for (const l of p.labels) byLabel.set(l, p);
  return { shapes: raw, hits, who, people: speaking, asker: askerOf(speaking), byLabel };
}

/**
 * The interviewer of a transcript: the speaker most of whose turns are questions,
 * clearly more than anyone else's, answered by others. A two-speaker address
 * with no questions, or a talk where everyone asks, has none.
 */
function askerOf(people: Person[]): Person | null {
  if (people.length < 2) return null;
  const share = (p: Person): number => p.asks / p.turns;
  const byShare = [...people].sort((a, b) => share(b) - share(a));
  const top = byShare[0]!;
  const next = byShare[1]!;
  if (top.asks < 2 || share(top) < 0.5 || share(top) - share(next) < 0.25) return null;
  const answers = people.reduce((n, p) => n + (p === top ? 0 : p.turns), 0);
  return answers >= 2 ? top : null;
}
