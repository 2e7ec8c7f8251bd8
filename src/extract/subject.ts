// Who the interview is with, and the labelled facts a profile prints before
// its first prompt ("Team / Location: …", "Tenure at Pinterest: …"). The page's
// own markup says it best (a schema.org Person in the article), then the one
// speaker who answers, then how the page introduces its guest in prose ("we sat
// down with NAME, ROLE", "une conversation avec NAME", "Im Gespräch: NAME"), a
// headline that quotes them ("NAME: „…“"), or the name the interviewer addresses.

import type { Fact, Subject } from '../types';
import type { RawBlock } from './blocks';
import { findWithin } from './chrome';
import { addressedName, capitalisedRuns, fullName, repairMojibake } from './names';
import { collapse, isNameLike, labelOf } from './text';

/** Labelled values: a bold "Label:" lead and its value, or a <dt>/<dd> pair. */
export function readFacts(blocks: RawBlock[]): Fact[] {
  const facts: Fact[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    if (b.kind === 'term') {
      const next = blocks[i + 1];
      if (next?.kind === 'definition') {
        facts.push({ label: b.text.replace(/\s*[:：]$/, ''), value: next.text });
        i++;
      }
      continue;
    }
    if (b.kind !== 'paragraph' && b.kind !== 'list-item') continue;
    for (const s of b.segments) {
      if (!s.lead || s.lead === s.text) continue;
      const after = s.text.slice(s.lead.length);
      const label = labelOf(s.lead, after);
      const value = collapse(after.replace(/^\s*[:：]\s*/, ''));
      if (label !== null && value !== '') facts.push({ label, value });
    }
  }
  return facts;
}

const INTRODUCTION = [
  /^(?:an?\s+)?(?:interview|conversation|q\s*&\s*a|chat)\s+with\s+(.+)$/i,
  /^meet\s+(.+)$/i,
];

/** "NAME | ROLE", "NAME, ROLE", "NAME — ROLE" → name and role. */
function nameAndRole(rest: string): Subject | null {
  const m = /^(.+?)\s*(?:\s[|–—-]\s|,\s)\s*(.+)$/.exec(rest.trim());
  const name = (m ? m[1]! : rest).trim().replace(/[.,;:]+$/, '');
  if (!isNameLike(name)) return null;
  const role = m ? m[2]!.trim().replace(/[.;:]+$/, '') : undefined;
  return role ? { name, role } : { name };
}

/** Name and role from a page's own introduction line ("An interview with …", "Meet …"). */
export function subjectFromText(lines: (string | null | undefined)[]): Subject {
  for (const line of lines) {
    // An introduction line is short; long paragraphs are not worth the regexes.
    if (!line || line.length > 300) continue;
    const t = collapse(line);
    for (const re of INTRODUCTION) {
      const m = re.exec(t);
      const s = m ? nameAndRole(m[1]!) : null;
      if (s) return s;
    }
  }
  return {};
}

/** Subject fields named by profile facts; a combined "Team / Location: TEAM in PLACE" splits in two. */
export function subjectFromFacts(facts: Fact[]): Subject {
  const s: Subject = {};
  for (const { label, value } of facts) {
    const l = label.toLowerCase();
    if (/team/.test(l) && /location|based|office/.test(l)) {
      const m = /^(.+?)\s+in\s+(.+)$/.exec(value);
      if (m) {
        s.team ??= m[1]!.trim();
        s.location ??= m[2]!.trim();
      } else s.team ??= value;
    } else if (/^(?:team|org|organi[sz]ation|department)\b/.test(l)) s.team ??= value;
    else if (/^(?:location|based in|office|city|home base)\b/.test(l)) s.location ??= value;
    else if (/tenure|time at|years at|joined/.test(l)) s.tenure ??= value;
    else if (/^(?:role|title|job title|position)\b/.test(l)) s.role ??= value;
    else if (/^name\b/.test(l)) s.name ??= value;
  }
  return s;
}

/** A profile title such as "… Profile: NAME". */
export function nameFromTitle(title: string): string | null {
  const m = /profile\s*[:–—-]\s*(.+)$/i.exec(title);
  const name = m?.[1]?.trim();
  return name && isNameLike(name) ? name : null;
}

/**
 * Prose that introduces the guest; the name follows. English, German, French,
 * Spanish, Italian: "an interview with", "we sat down with", "a Q&A with",
 * "spoke to", "Interview mit", "im Gespräch mit", "Im Gespräch:", "une conversation
 * avec", "entretien avec", "entrevista con".
 */
const INTRODUCES = new RegExp(
  [
    String.raw`\b(?:interview|conversation|q\s*&\s*a|chat|talk|discussion|entretien|échange|entrevista|charla|conversación|intervista|gespräch|unterhaltung)s?\s+(?:with|avec|mit|con|a)\s+`,
    String.raw`\b(?:sat|sit|sits|sitting) down with\s+`,
    String.raw`\b(?:spoke|speaks|talked|talks|chatted|chats|caught up) (?:to|with)\s+`,
    String.raw`\b(?:sprachen|sprach|redeten|haben) mit\s+`,
    String.raw`^meet\s+`,
    String.raw`^im gespräch\s*[:：]\s*`,
  ].join('|'),
  'giu',
);

/** "NAME and NAME": an introduction of several guests names no single subject. */
const SEVERAL = /^\s*(?:and|und|et|y|e|&)\s+\p{Lu}/u;

/** The name (and role) an introduction gives: the capitalised run right after it, "NAME, ROLE" when the role is short. */
function introduced(line: string, texts: string[]): Subject | null {
  INTRODUCES.lastIndex = 0;
  for (let m = INTRODUCES.exec(line); m !== null; m = INTRODUCES.exec(line)) {
    const after = line.slice(m.index + m[0].length);
    const run = capitalisedRuns(after.split(/\s+/).slice(0, 7).join(' '))[0];
    if (!run || run.length === 0) continue;
    const at = after.indexOf(run[0]!);
    // The run must follow at once (an article or adjective between is fine: "mit der Schauspielerin …").
    if (at < 0 || at > 24) continue;
    const end = after.indexOf(run[run.length - 1]!, at) + run[run.length - 1]!.length;
    if (SEVERAL.test(after.slice(end))) return null;
    // "ROLE NAME": the name is at the run's end; the page repeats it more than the role word.
    const tail = run.slice(-2).join(' ');
    const name = run.length >= 2 ? (fullName(tail, texts) ?? tail) : fullName(run[0]!, texts);
    if (!name || !isNameLike(name)) continue;
    const role =
      /^,\s*([^,;.!?()]{2,80}?)\s*(?:[,;.!?()]|\s(?:to|who|about|on|pour|sur|für|über|um|para|sobre)\s|$)/u.exec(
        after.slice(end),
      );
    const roleText = role ? role[1]!.trim() : '';
    return roleText && roleText.split(/\s+/).length <= 10 && !/^(?:and|und|et|y)\b/i.test(roleText)
      ? { name, role: roleText }
      : { name };
  }
  return null;
}

export interface SubjectClues {
  title: string;
  /** Kicker, standfirst and descriptions: where a page introduces its guest. */
  prose: string[];
  /** All text the page prints, to tell a name from a role word by how often it recurs. */
  texts: string[];
  /** The speakers labelled in the answers. */
  answerers: string[];
  questions: string[];
  /** A person marked up in the article (schema.org Person microdata). */
  marked: Subject | null;
}

/** The guest as the page marks them up, or as the one speaker who answers. */
export function subjectFromSpeakers(c: SubjectClues): Subject {
  if (c.marked?.name) return c.marked;
  if (c.answerers.length === 1) {
    const name = fullName(c.answerers[0]!, c.texts) ?? c.answerers[0]!;
    if (isNameLike(name)) return { name };
  }
  return {};
}

/** The guest as the page's prose introduces, quotes or addresses them. */
export function subjectFromProse(c: SubjectClues): Subject {
  for (const line of [c.title, ...c.prose]) {
    if (!line || line.length > 600) continue;
    const s = introduced(collapse(line), c.texts);
    if (s) return s;
  }
  // A headline quoting its guest: "Sheila Atim: „…“", "Andrés Iniesta: "…"".
  const headline = /^(.{3,60}?)\s*[:：]\s*[„“"«‚‘'‹]/u.exec(repairMojibake(c.title));
  if (headline && isNameLike(headline[1]!.trim())) {
    const name = fullName(headline[1]!.trim(), c.texts);
    if (name) return { name };
  }
  for (const q of c.questions.slice(0, 3)) {
    const addressed = addressedName(q);
    const name = addressed ? fullName(addressed, [c.title, ...c.prose]) : null;
    if (name && name !== addressed) return { name };
  }
  return {};
}

/** The name and job title of a schema.org Person element (an info box on the guest). */
export function markedPerson(el: Element): Subject | null {
  const value = (prop: string): string | undefined => {
    const p = findWithin(el, (e) => e.getAttribute('itemprop') === prop);
    const v = collapse(p?.getAttribute('content') ?? p?.textContent ?? '');
    return v === '' ? undefined : v;
  };
  const name = value('name');
  if (!name || !isNameLike(name)) return null;
  const role = value('jobTitle');
  return role ? { name, role } : { name };
}
