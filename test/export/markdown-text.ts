// Reads Markdown back the way a renderer would (markdown-it, CommonMark plus GFM
// tables and strikethrough, raw HTML allowed so stray HTML shows up as HTML
// tokens, no linkify) and reports its blocks, their text and their markup.

import MarkdownIt from 'markdown-it';

import { load } from 'js-yaml';

export const md = new MarkdownIt('commonmark', { html: true, linkify: false }).enable([
  'table',
  'strikethrough',
]);
type Token = ReturnType<typeof md.parse>[number];

export interface ReadBlock {
  /** h1..h6, p, li, code; `quote>` prefixed inside block quotes, `ol>`/`ul>` inside lists. */
  kind: string;
  text: string;
  links: { href: string; text: string }[];
  /** Text of emphasis and strong spans, e.g. "em:…", "strong:…". */
  marks: string[];
}

export interface ReadDocument {
  frontMatter: Record<string, unknown> | null;
  blocks: ReadBlock[];
  /** Token types that must never appear in our output. */
  forbidden: string[];
}

const FORBIDDEN = new Set([
  'html_inline',
  'html_block',
  'image',
  'code_inline',
  's_open',
  'table_open',
  'hr',
]);

export function splitFrontMatter(markdown: string): { yaml: string | null; body: string } {
  if (!markdown.startsWith('---\n')) return { yaml: null, body: markdown };
  const end = markdown.indexOf('\n---\n', 3);
  if (end < 0) return { yaml: null, body: markdown };
  return { yaml: markdown.slice(4, end + 1), body: markdown.slice(end + 5) };
}

function inlineText(children: Token[], block: ReadBlock, forbidden: string[]): string {
  let text = '';
  const open: { kind: string; from: number; href?: string }[] = [];
  for (const t of children) {
    if (FORBIDDEN.has(t.type)) forbidden.push(t.type);
    switch (t.type) {
      case 'text':
        text += t.content;
        break;
      case 'softbreak':
      case 'hardbreak':
        text += '\n';
        break;
      case 'code_inline':
        text += t.content;
        break;
      case 'link_open':
        open.push({ kind: 'link', from: text.length, href: String(t.attrGet('href') ?? '') });
        break;
      case 'em_open':
      case 'strong_open':
        open.push({ kind: t.type.replace('_open', ''), from: text.length });
        break;
      case 'link_close':
      case 'em_close':
      case 'strong_close': {
        const o = open.pop()!;
        const spanText = text.slice(o.from);
        if (o.kind === 'link') block.links.push({ href: o.href!, text: spanText });
        else block.marks.push(`${o.kind}:${spanText}`);
        break;
      }
      default:
        if (!FORBIDDEN.has(t.type)) forbidden.push(`unexpected:${t.type}`);
    }
  }
  return text;
}

export function readMarkdown(markdown: string): ReadDocument {
  const { yaml, body } = splitFrontMatter(markdown);
  const frontMatter = yaml === null ? null : (load(yaml) as Record<string, unknown>);
  const tokens = md.parse(body, {});
  const blocks: ReadBlock[] = [];
  const forbidden: string[] = [];
  const context: string[] = [];
  let current: ReadBlock | null = null;
  for (const t of tokens) {
    if (FORBIDDEN.has(t.type)) forbidden.push(t.type);
    switch (t.type) {
      case 'blockquote_open':
        context.push('quote');
        break;
      case 'bullet_list_open':
        context.push('ul');
        break;
      case 'ordered_list_open':
        context.push('ol');
        break;
      case 'blockquote_close':
      case 'bullet_list_close':
      case 'ordered_list_close':
        context.pop();
        break;
      case 'heading_open':
      case 'paragraph_open':
        current = {
          kind: [...context, t.type === 'heading_open' ? t.tag : 'p'].join('>'),
          text: '',
          links: [],
          marks: [],
        };
        break;
      case 'inline':
        if (current) current.text = inlineText(t.children ?? [], current, forbidden);
        break;
      case 'heading_close':
      case 'paragraph_close':
        if (current) blocks.push(current);
        current = null;
        break;
      case 'fence':
      case 'code_block':
        blocks.push({
          kind: [...context, t.type === 'fence' ? 'code' : 'indented-code'].join('>'),
          text: t.content.replace(/\n$/, ''),
          links: [],
          marks: [],
        });
        break;
      default:
        break;
    }
  }
  return { frontMatter, blocks, forbidden };
}

/** Whitespace runs to one space, trimmed, NFC: how the fixtures compare text. */
export function norm(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}
