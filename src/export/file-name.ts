// File names made from titles: safe on Windows, macOS and Linux, readable in any script.

export const MAX_FILE_NAME = 100;

// Device names Windows refuses as file names, whatever the extension.
const RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;

/**
 * File systems count bytes, not characters (ext4 and APFS allow 255 UTF-8
 * bytes): 100 CJK characters are 300. Leave room for " (99999).md".
 */
const MAX_STEM_BYTES = 255 - ' (99999).md'.length;
const encoder = new TextEncoder();

function truncate(text: string, max: number): string {
  // By code point, so a surrogate pair is never cut in half.
  const cps = Array.from(text).slice(0, max);
  let bytes = encoder.encode(cps.join('')).length;
  while (bytes > MAX_STEM_BYTES) bytes -= encoder.encode(cps.pop() ?? '').length;
  return cps.join('');
}

/**
 * What no file name may hold: path separators and the punctuation Windows
 * refuses (`/ \\ : * ? " < > |`), and `# ^ [ ]`, which Obsidian cannot link
 * to (notes are named by these rules too, src/obsidian/note-path.ts).
 */
const FORBIDDEN = /[/\\*?"<>|#^[\]]/gu;
/** Controls, format characters (bidi overrides can disguise a name) and lone surrogates vanish. */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Cs}]/gu;

/**
 * A file name stem from a title, as readable as the title: every character is
 * kept but those file systems forbid, which become a space; a colon reads as
 * a dash ("Q&A: Working" → "Q&A - Working"); spaces collapse; no leading or
 * trailing dot or space; at most 100 characters (and 244 UTF-8 bytes); never
 * without a letter or digit ("untitled"), never a Windows device name. Callers add ".md" (and any
 * " (2)" suffix) themselves.
 */
export function fileNameFor(title: string, max: number = MAX_FILE_NAME): string {
  const kept = title
    .normalize('NFC')
    .replace(/\s+/gu, ' ')
    .replace(INVISIBLE, '')
    .replace(/\s*:\s+/gu, ' - ')
    .replace(/:/gu, '-')
    .replace(FORBIDDEN, ' ')
    .replace(/ {2,}/gu, ' ');
  const edges = (s: string): string => s.replace(/^[\s.]+|[\s.]+$/gu, '');
  let name = edges(truncate(edges(kept), Math.max(1, max)));
  // Punctuation alone ("?!…") names nothing a reader would recognise.
  if (!/[\p{L}\p{N}]/u.test(name)) name = 'untitled';
  // Windows refuses "CON" and "con.txt" alike: the part before the first dot decides.
  const dot = name.indexOf('.');
  const head = dot < 0 ? name : name.slice(0, dot);
  if (RESERVED.test(head)) name = `${head}_${name.slice(head.length)}`;
  return name;
}

/**
 * Hands out `stem.ext`, `stem (2).ext`, … so that no two names match even on
 * case-insensitive file systems; the stem is shortened so name and counter
 * still fit in MAX_FILE_NAME.
 */
export class FileNamer {
  private readonly used = new Set<string>();

  constructor(private readonly ext: string) {}

  reserve(name: string): void {
    this.used.add(name.toLowerCase());
  }

  next(title: string): string {
    for (let n = 1; ; n++) {
      const counter = n === 1 ? '' : ` (${n})`;
      const stem = fileNameFor(title, MAX_FILE_NAME - counter.length);
      const name = `${stem}${counter}${this.ext}`;
      if (!this.used.has(name.toLowerCase())) {
        this.used.add(name.toLowerCase());
        return name;
      }
    }
  }
}
