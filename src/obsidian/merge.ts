// Exporting into a note the reader already has must never cost them a word.
// The extension owns one part of an interview's note, between two visible
// marker lines (Obsidian comments: shown while editing, hidden when reading);
// everything outside them is the reader's and is kept byte for byte. The begin
// marker carries a checksum of what was written, so an export can tell whether
// the reader has since edited inside the part:
//
// - untouched: the part is replaced by the fresh export (a highlight deleted
//   since the last export disappears from it);
// - edited inside: their edited part is kept as it is, its markers are turned
//   into plain notes saying so, and the fresh part follows it;
// - a marker deleted (or doubled, or out of order): nothing around the markers
//   is touched, the remaining markers are turned into notes, and the fresh part
//   goes at the end of the note.
//
// The front matter is written when the note is created; after that it is the
// reader's (Obsidian keeps their own properties there).

/** Which interview a part belongs to, and what it holds. */
export interface NotePart {
  /** The interview's key (Article.key): parts of other interviews in the same note are left alone. */
  key: string;
  /** `---` … `---`, written only when the note is created; null for none. */
  frontMatter: string | null;
  body: string;
}

export type MergeOutcome =
  | 'created'
  | 'replaced'
  | 'unchanged'
  | 'appended'
  | 'kept-edits'
  | 'markers-damaged';

export interface Merged {
  text: string;
  outcome: MergeOutcome;
}

/** 32-bit FNV-1a as 8 hex digits: enough to tell an edit from none (a clash is 1 in 4 billion). */
export function checksum(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

/** Line endings, trailing spaces and blank lines at either end do not count as edits. */
function normalised(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => l.replace(/[ \t]+$/, ''))
    .join('\n')
    .replace(/^\n+|\n+$/g, '');
}

const MARKER = /^[ \t]*%%[ \t]*interview-highlights[ \t]+(begin|end)[ \t]+([0-9a-f]{8})\b(.*)$/;

export function partId(key: string): string {
  return checksum(key);
}

function beginLine(id: string, sum: string): string {
  return `%% interview-highlights begin ${id} ${sum} · exported part: replaced on each export, write your own notes outside it %%`;
}

function endLine(id: string): string {
  return `%% interview-highlights end ${id} %%`;
}

/** A marker turned into a note to the reader; it no longer matches MARKER, so no export reads it again. */
function retired(kind: 'begin' | 'end', id: string, why: 'edited' | 'damaged'): string {
  if (kind === 'end') return `%% interview-highlights kept ${id}: end of the part kept above %%`;
  return why === 'edited'
    ? `%% interview-highlights kept ${id}: you edited the exported part below, so it is kept as you left it and no longer updated; the new export follows it %%`
    : `%% interview-highlights kept ${id}: a marker of the exported part was missing or doubled, so nothing here was replaced; the new export is at the end of the note %%`;
}

/** The part as written into a note: begin marker, body, end marker. */
export function partText(part: NotePart): string {
  const id = partId(part.key);
  // A line of page text that reads as a marker (any interview's) is escaped, so
  // the page can never end or fake a part.
  const body = part.body
    .replace(/\r\n?/g, '\n')
    .replace(/^\n+|\n+$/g, '')
    .split('\n')
    .map((l) => (MARKER.test(l) ? `\\${l}` : l))
    .join('\n');
  return `${beginLine(id, checksum(normalised(body)))}\n${body === '' ? '' : `${body}\n`}${endLine(id)}`;
}

/** A note made from a rendered export: its leading front matter, if any, apart from the body. */
export function notePart(key: string, rendered: string): NotePart {
  const m = /^---\r?\n(?:[\s\S]*?\r?\n)?---[ \t]*(?:\r?\n|$)/.exec(rendered);
  return m
    ? { key, frontMatter: m[0].replace(/\r?\n$/, ''), body: rendered.slice(m[0].length) }
    : { key, frontMatter: null, body: rendered };
}

interface Marker {
  line: number;
  kind: 'begin' | 'end';
  /** For a begin marker: the checksum it carries, or null when it was edited away. */
  sum: string | null;
}

/** The separator that leaves one blank line between the reader's text and what follows. */
function gapAfter(text: string): string {
  if (text === '' || /\r?\n\r?\n$/.test(text)) return '';
  return /\r?\n$/.test(text) ? '\n' : '\n\n';
}

/** Merges a fresh export into the note as it is now; see the top of this file. */
export function mergeNote(existing: string, fresh: NotePart): Merged {
  const id = partId(fresh.key);
  const part = partText(fresh);
  if (existing.trim() === '') {
    const text = `${fresh.frontMatter ? `${fresh.frontMatter}\n\n` : ''}${part}\n`;
    return { text, outcome: 'created' };
  }
  // Written in the note's own line endings, so a note kept with CR LF stays so.
  const eol = existing.includes('\r\n') ? '\r' : '';
  const partLines = part.split('\n').map((l) => l + eol);
  const lines = existing.split('\n');
  const mine: Marker[] = [];
  for (const [i, line] of lines.entries()) {
    const m = MARKER.exec(line.replace(/\r$/, ''));
    if (m?.[2] !== id) continue;
    const sum = m[1] === 'begin' ? (/^[ \t]+([0-9a-f]{8})\b/.exec(m[3]!)?.[1] ?? null) : null;
    mine.push({ line: i, kind: m[1] as 'begin' | 'end', sum });
  }
  const appended = (outcome: MergeOutcome): Merged => {
    const kept = lines.join('\n');
    return {
      text: `${kept}${gapAfter(kept).replace(/\n/g, `${eol}\n`)}${partLines.join('\n')}\n`,
      outcome,
    };
  };
  if (mine.length === 0) return appended('appended');
  const [begin, end] = mine;
  if (mine.length !== 2 || begin!.kind !== 'begin' || end!.kind !== 'end') {
    for (const m of mine) lines[m.line] = retired(m.kind, id, 'damaged') + eol;
    return appended('markers-damaged');
  }
  const inner = lines.slice(begin!.line + 1, end!.line).join('\n');
  if (begin!.sum === checksum(normalised(inner))) {
    const before = lines.slice(0, begin!.line);
    const after = lines.slice(end!.line + 1);
    const text = [...before, ...partLines, ...after].join('\n');
    return { text, outcome: text === existing ? 'unchanged' : 'replaced' };
  }
  lines[begin!.line] = retired('begin', id, 'edited') + eol;
  lines[end!.line] = retired('end', id, 'edited') + eol;
  lines.splice(end!.line + 1, 0, eol, ...partLines);
  return { text: lines.join('\n'), outcome: 'kept-edits' };
}
