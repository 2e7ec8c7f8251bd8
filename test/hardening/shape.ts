// Well-formedness of what the core hands out, checked field by field at run
// time: the compiler vouches for the source, not for what a hostile page makes
// the code return. Each function lists every problem it finds (empty = fine).

import type { AnchorMatch, TextIndex } from '../../src/anchor';
import { BLOCK_KINDS as BLOCK_KIND_LIST, SITES as SITE_LIST } from '../../src/types';

const SITES = new Set<string>(SITE_LIST);
const BLOCK_KINDS = new Set<string>(BLOCK_KIND_LIST);
const SUBJECT_KEYS = new Set(['name', 'role', 'team', 'location', 'tenure']);
const INTERVIEW_KEYS = [
  'url',
  'canonicalUrl',
  'site',
  'interview',
  'title',
  'author',
  'publication',
  'published',
  'subject',
  'facts',
  'intro',
  'sections',
];

type Problems = string[];

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** Whole UTF-16: no half of a surrogate pair left behind by slicing. */
function wellFormed(s: string): boolean {
  return !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s);
}

function text(x: unknown, path: string, out: Problems, opts: { nonEmpty?: boolean } = {}): void {
  if (typeof x !== 'string') {
    out.push(`${path}: ${typeof x}, not a string`);
    return;
  }
  if (opts.nonEmpty && x.trim() === '') out.push(`${path}: empty`);
  if (!wellFormed(x)) out.push(`${path}: lone surrogate`);
}

function nullableText(x: unknown, path: string, out: Problems): void {
  if (x !== null) text(x, path, out);
}

function block(x: unknown, path: string, out: Problems): void {
  if (!isRecord(x)) {
    out.push(`${path}: not an object`);
    return;
  }
  if (typeof x.kind !== 'string' || !BLOCK_KINDS.has(x.kind)) out.push(`${path}.kind: ${String(x.kind)}`);
  text(x.text, `${path}.text`, out);
  if (x.speaker !== undefined) text(x.speaker, `${path}.speaker`, out, { nonEmpty: true });
  if (x.ordered !== undefined && typeof x.ordered !== 'boolean') out.push(`${path}.ordered: not a boolean`);
}

function blocks(x: unknown, path: string, out: Problems): void {
  if (!Array.isArray(x)) {
    out.push(`${path}: not an array`);
    return;
  }
  x.forEach((b, i) => {
    block(b, `${path}[${i}]`, out);
  });
}

/** Every field of an Interview, for the page at `url`. */
export function interviewProblems(x: unknown, url: string): Problems {
  const out: Problems = [];
  if (!isRecord(x)) return ['interview: not an object'];
  for (const k of INTERVIEW_KEYS) if (!(k in x)) out.push(`${k}: missing`);
  if (x.url !== url) out.push(`url: ${String(x.url)} is not the page's ${url}`);
  nullableText(x.canonicalUrl, 'canonicalUrl', out);
  if (typeof x.site !== 'string' || !SITES.has(x.site)) out.push(`site: ${String(x.site)}`);
  if (typeof x.interview !== 'boolean') out.push('interview: not a boolean');
  text(x.title, 'title', out);
  nullableText(x.author, 'author', out);
  nullableText(x.publication, 'publication', out);
  if (x.published !== null) {
    // The form only: that it is a real calendar day (no 02-31) is checked in found-extract-metadata.test.ts.
    if (typeof x.published !== 'string' || !/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/.test(x.published))
      out.push(`published: ${String(x.published)}`);
  }
  if (!isRecord(x.subject)) out.push('subject: not an object');
  else {
    for (const [k, v] of Object.entries(x.subject)) {
      if (!SUBJECT_KEYS.has(k)) out.push(`subject.${k}: unknown key`);
      else if (v !== undefined) text(v, `subject.${k}`, out, { nonEmpty: true });
    }
  }
  if (!Array.isArray(x.facts)) out.push('facts: not an array');
  else {
    x.facts.forEach((f: unknown, i) => {
      if (!isRecord(f)) out.push(`facts[${i}]: not an object`);
      else {
        text(f.label, `facts[${i}].label`, out);
        text(f.value, `facts[${i}].value`, out);
      }
    });
  }
  blocks(x.intro, 'intro', out);
  if (!Array.isArray(x.sections)) {
    out.push('sections: not an array');
    return out;
  }
  const ids = new Set<string>();
  x.sections.forEach((s: unknown, i) => {
    const p = `sections[${i}]`;
    if (!isRecord(s)) {
      out.push(`${p}: not an object`);
      return;
    }
    text(s.id, `${p}.id`, out, { nonEmpty: true });
    if (typeof s.id === 'string') {
      if (ids.has(s.id)) out.push(`${p}.id: ${s.id} is not unique`);
      ids.add(s.id);
    }
    text(s.question, `${p}.question`, out, { nonEmpty: true });
    if (!Array.isArray(s.subQuestions)) out.push(`${p}.subQuestions: not an array`);
    else
      s.subQuestions.forEach((q: unknown, j) => {
        text(q, `${p}.subQuestions[${j}]`, out, { nonEmpty: true });
      });
    blocks(s.answer, `${p}.answer`, out);
  });
  if (x.interview === true && x.sections.length < 2)
    out.push(`interview: true with ${x.sections.length} sections`);
  // The Interview crosses the message boundary as JSON (structured clone): it must survive it.
  try {
    const back: unknown = JSON.parse(JSON.stringify(x));
    if (JSON.stringify(back) !== JSON.stringify(x)) out.push('does not survive a JSON round trip');
  } catch (e) {
    out.push(`JSON: ${String(e)}`);
  }
  return out;
}

/** A text index is its nodes' text, in order, with consistent offsets. */
export function indexProblems(index: TextIndex): Problems {
  const out: Problems = [];
  if (index.nodes.length !== index.starts.length) out.push('nodes and starts differ in length');
  let offset = 0;
  for (let i = 0; i < index.nodes.length; i++) {
    if (index.starts[i] !== offset) {
      out.push(`starts[${i}] = ${index.starts[i]}, expected ${offset}`);
      break;
    }
    const data = index.nodes[i]!.data;
    if (index.text.slice(offset, offset + data.length) !== data) {
      out.push(`text at node ${i} is not the node's data`);
      break;
    }
    offset += data.length;
  }
  if (offset !== index.text.length) out.push(`text length ${index.text.length}, nodes sum to ${offset}`);
  return out;
}

/** An anchor result lies inside the text, start before end, with a sane score and method. */
export function matchProblems(m: AnchorMatch | null, textLength: number): Problems {
  if (m === null) return [];
  const out: Problems = [];
  if (!Number.isInteger(m.start) || !Number.isInteger(m.end))
    out.push(`non-integer offsets ${m.start}..${m.end}`);
  if (m.start < 0 || m.end > textLength) out.push(`offsets ${m.start}..${m.end} outside 0..${textLength}`);
  if (m.start > m.end) out.push(`start ${m.start} after end ${m.end}`);
  if (!(m.score >= 0 && m.score <= 1)) out.push(`score ${m.score}`);
  if (!['position', 'quote', 'fuzzy'].includes(m.method)) out.push(`method ${m.method}`);
  return out;
}
