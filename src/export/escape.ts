// Page text must come out of a Markdown renderer exactly as the reader saw it:
// no link, image, HTML, heading, list, table or math that was not in the saved
// text. Everything that reaches a .md file goes through these functions.

/**
 * Bidirectional formatting characters. They are invisible yet reorder what is
 * shown around them ("Trojan Source"), so they are written as numeric character
 * references: the rendered text is unchanged, the file shows them plainly.
 */
const BIDI = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/** C0/C1 controls other than tab and line breaks; Markdown cannot show them. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;

/**
 * Punctuation a CommonMark/GFM renderer (or Obsidian) may read as markup
 * anywhere in a line: escapes, code spans, emphasis, links/images, autolinks and
 * HTML, block quotes, headings and tags, tables, strikethrough, and `$` math.
 */
const INLINE_MARKUP = /[\\`*_[\]<>#|~$]/g;

/** `&` only matters where it would start a character reference. */
const ENTITY_START = /&(?=#[0-9]{1,7};|#[xX][0-9a-fA-F]{1,6};|[A-Za-z][A-Za-z0-9]{0,31};)/g;

function bidiReference(ch: string): string {
  return `&#x${ch.codePointAt(0)!.toString(16).toUpperCase()};`;
}

/** Line breaks to LF, controls removed, NUL-free; shared by all renderers. */
export function cleanText(text: string): string {
  return text.replace(/\r\n?|[\u2028\u2029\u0085]/g, '\n').replace(CONTROL, '');
}

/** Whitespace runs (line breaks included) to one space, trimmed. */
export function collapseWhitespace(text: string): string {
  return cleanText(text).replace(/\s+/g, ' ').trim();
}

function escapeInlineCharacters(text: string): string {
  return text.replace(INLINE_MARKUP, '\\$&').replace(ENTITY_START, '\\&').replace(BIDI, bidiReference);
}

/**
 * Text placed inside a line, never at its start (a heading's text, link text,
 * emphasis, after a `**Speaker:**` label). Line breaks become spaces, since a
 * break here would end the construct it sits in.
 */
export function escapeMarkdownInline(text: string): string {
  return escapeInlineCharacters(collapseWhitespace(text));
}

/**
 * Escapes what could open a block at the start of an already inline-escaped
 * line: list markers (`-`, `+`, `1.`, `1)`), setext underlines and thematic
 * breaks (`===`, `---`). `#`, `>`, `*`, `_`, `` ` ``, `~`, `|`, `<` are escaped
 * everywhere by the inline pass.
 */
function escapeLineStart(line: string): string {
  if (/^[-+](?=[ \t]|$)/.test(line)) return `\\${line}`;
  if (/^(=+|-+)[ \t]*$/.test(line)) return `\\${line}`;
  // Three dashes with spaces among them ("-- -") are a thematic break too.
  if (/^(?:-[ \t]*){3,}$/.test(line)) return `\\${line}`;
  const ordered = /^(\d{1,9})([.)])(?=[ \t]|$)/.exec(line);
  if (ordered) return `${ordered[1]}\\${line.slice(ordered[1]!.length)}`;
  return line;
}

/**
 * Text that forms whole lines (paragraphs, list items, quote lines). Keeps its
 * line breaks; blank lines stay paragraph breaks (runs of them become one).
 * Each line is trimmed: Markdown drops leading spaces, and four of them would
 * make a code block.
 */
export function escapeMarkdownBlock(text: string): string {
  const lines = cleanText(text)
    .split('\n')
    .map((line) => line.replace(/[^\S\n]+/g, ' ').trim());
  const out: string[] = [];
  for (const line of lines) {
    if (line === '') {
      if (out.length > 0 && out[out.length - 1] !== '') out.push('');
      continue;
    }
    out.push(escapeLineStart(escapeInlineCharacters(line)));
  }
  while (out.length > 0 && out[out.length - 1] === '') out.pop();
  return out.join('\n');
}

/** Splits text into its paragraphs (blank-line separated), each kept with its own line breaks. */
export function paragraphsOf(text: string): string[] {
  return cleanText(text)
    .split(/\n[^\S\n]*\n\s*/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
}

/** Characters YAML needs escaped in a double-quoted scalar, or that would hide in one. */
const YAML_ESCAPE =
  /[\u0000-\u001F\u007F-\u009F\u061C\u200B-\u200F\u2028\u2029\u202A-\u202E\u2060-\u2069\uFEFF"\\]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const YAML_SHORT: Record<string, string> = {
  '"': '\\"',
  '\\': '\\\\',
  '\n': '\\n',
  '\t': '\\t',
  '\r': '\\r',
};

/**
 * A double-quoted YAML scalar. Line breaks, controls, bidi and zero-width
 * characters and lone surrogates become escapes, so the value is one line and a
 * `---` inside it can never close the front matter.
 */
export function yamlString(text: string): string {
  const body = text.replace(
    YAML_ESCAPE,
    (ch) => YAML_SHORT[ch] ?? `\\u${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`,
  );
  return `"${body}"`;
}

/** A code fence longer than any backtick run inside the code. */
export function codeFence(code: string): string {
  const longest = Math.max(0, ...Array.from(code.matchAll(/`+/g), (m) => m[0].length));
  return '`'.repeat(Math.max(3, longest + 1));
}

/** http and https only: any other scheme (javascript:, data:, file:) is never written as a link. */
export function safeLinkUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  // The serialised URL has spaces and controls percent-encoded; parentheses and
  // angle brackets are encoded too so the destination can never end early.
  return parsed.href.replace(/[()<> ]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** `[text](url)` when url is http(s), else the escaped text alone. */
export function markdownLink(text: string, url: string | null | undefined): string {
  const label = escapeMarkdownInline(text);
  const href = safeLinkUrl(url);
  return href === null ? label : `[${label}](${href})`;
}
