// Who the interview is with, and the labelled facts a profile prints before
// its first prompt ("Team / Location: …", "Tenure at Pinterest: …").

import type { Fact, Subject } from '../types';
import type { RawBlock } from './blocks';
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
