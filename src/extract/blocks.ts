// One walk over the article root turns its DOM into a flat list of text blocks
// (paragraphs, headings, list items, quotes, code, terms) with the inline
// formatting facts the question rules need: what is bold, italic, linked, and
// where line breaks split a paragraph. Reads only; never touches the page.

import { SKIP_TAGS, isChrome, readAttributes, type ElementAttributes } from './chrome';
import { isJsonLd } from './metadata';
import { collapse, hasLetters, isBlank } from './text';

export type RawKind = 'paragraph' | 'heading' | 'list-item' | 'quote' | 'code' | 'term' | 'definition';

/** A stretch of a block between line breaks. */
export interface Segment {
  text: string;
  /** Bold text that opens the segment (a question, a "Name:" or "Label:" lead); '' when none. */
  lead: string;
  allBold: boolean;
  allItalic: boolean;
}

export interface RawBlock {
  kind: RawKind;
  /** Heading rank 1–6; 0 for other blocks. */
  level: number;
  ordered: boolean;
  text: string;
  segments: Segment[];
  allBold: boolean;
  allItalic: boolean;
  /** Every word sits in a link to another page (a teaser card, a related link). */
  linkedAway: boolean;
  /** Loose text in a generic container rather than in a paragraph-like element. */
  anonymous: boolean;
}

const BLOCK_TAGS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'center', 'dd', 'details', 'dialog', 'dir', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr',
  'html', 'legend', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th',
  'thead', 'tr', 'ul', 'caption', 'listing', 'xmp', 'plaintext', 'search',
]);

/** Elements whose loose text is a paragraph of its own kind, not anonymous text. */
const NAMED_OWNERS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'dt', 'dd', 'blockquote', 'pre', 'td', 'th', 'summary', 'caption']);

const BOLD = 1;
const ITALIC = 2;
const LINK_AWAY = 4;
const LINK = 8;

interface KindFrame {
  kind: RawKind;
  level: number;
  ordered: boolean;
}

class SegmentBuilder {
  parts: string[] = [];
  lead: string[] = [];
  leadOpen = true;
  any = false;
  allBold = true;
  allItalic = true;
  allLinkAway = true;
}

export interface WalkOptions {
  /** Site-specific widgets to skip besides the generic chrome rules. */
  skip?: (el: Element) => boolean;
  /** Receives the text of each JSON-LD script met on the way (they are skipped as text). */
  jsonLd?: (text: string) => void;
  /** Receives the datetime attribute of each <time> element met on the way. */
  datetime?: (value: string) => void;
}

function inlineFlags(name: string, a: ElementAttributes | null): number {
  if (name === 'b' || name === 'strong') return BOLD;
  if (name === 'em' || name === 'i') return ITALIC;
  if (a === null) return 0;
  if (name === 'a') {
    if (a.href === null) return 0;
    const href = a.href.trim();
    return href === '' || href.startsWith('#') ? LINK : LINK_AWAY | LINK;
  }
  let f = 0;
  if (a.style && (name === 'span' || name === 'font')) {
    if (/font-weight\s*:\s*(?:bold|[6-9]00)/i.test(a.style)) f |= BOLD;
    if (/font-style\s*:\s*italic/i.test(a.style)) f |= ITALIC;
  }
  return f;
}

function headingLevel(el: Element, name: string, a: ElementAttributes | null): number {
  if (name.length === 2 && name[0] === 'h' && name[1]! >= '1' && name[1]! <= '6') return Number(name[1]);
  if (a !== null && a.role === 'heading') {
    const l = Number(el.getAttribute('aria-level'));
    return l >= 1 && l <= 6 ? l : 2;
  }
  return 0;
}

/** Collects the text blocks under root in document order. */
export function collectBlocks(root: Element, options: WalkOptions = {}): RawBlock[] {
  const out: RawBlock[] = [];
  const kinds: KindFrame[] = [];
  const owners: string[] = [];
  const lists: boolean[] = [];
  let segments: SegmentBuilder[] = [];
  let seg = new SegmentBuilder();
  let flags = 0;
  let preDepth = 0;
  const skipSite = options.skip;

  const flush = (): void => {
    if (seg.any) segments.push(seg);
    seg = new SegmentBuilder();
    const segs = segments;
    segments = [];
    if (segs.length === 0) return;
    const frame = kinds[kinds.length - 1];
    const kind: RawKind = frame ? frame.kind : 'paragraph';
    if (kind === 'code') {
      const text = segs.map((s) => s.parts.join('')).join('\n').replace(/^\n+|\s+$/g, '');
      if (text.trim() === '') return;
      out.push({
        kind, level: 0, ordered: false, text,
        segments: [{ text, lead: '', allBold: false, allItalic: false }],
        allBold: false, allItalic: false, linkedAway: false, anonymous: false,
      });
      return;
    }
    const built: Segment[] = [];
    let allBold = true;
    let allItalic = true;
    let linkedAway = true;
    for (const s of segs) {
      const text = collapse(s.parts.join(''));
      if (text === '') continue;
      let lead = s.leadOpen && s.allBold ? text : collapse(s.lead.join(''));
      if (!text.startsWith(lead)) lead = '';
      built.push({ text, lead, allBold: s.allBold, allItalic: s.allItalic });
      allBold &&= s.allBold;
      allItalic &&= s.allItalic;
      linkedAway &&= s.allLinkAway;
    }
    if (built.length === 0) return;
    const text = built.length === 1 ? built[0]!.text : built.map((s) => s.text).join(' ');
    if (!hasLetters(text)) return;
    const owner = owners[owners.length - 1];
    out.push({
      kind,
      level: frame?.level ?? 0,
      ordered: frame?.ordered ?? false,
      text,
      segments: built,
      allBold,
      allItalic,
      linkedAway,
      anonymous: owner === undefined || !NAMED_OWNERS.has(owner),
    });
  };

  const addText = (t: string): void => {
    if (preDepth > 0) {
      seg.parts.push(t);
      seg.any = true;
      return;
    }
    if (isBlank(t)) {
      if (seg.any || seg.parts.length > 0) seg.parts.push(' ');
      if (seg.leadOpen && seg.lead.length > 0) seg.lead.push(' ');
      return;
    }
    seg.any = true;
    seg.parts.push(t);
    if (flags & BOLD) {
      if (seg.leadOpen) seg.lead.push(t);
    } else {
      seg.leadOpen = false;
      seg.allBold = false;
    }
    if (!(flags & ITALIC)) seg.allItalic = false;
    if (!(flags & LINK_AWAY)) seg.allLinkAway = false;
  };

  // Explicit stack instead of recursion: deeply nested broken markup must not overflow.
  interface Frame {
    el: Element;
    /** Inline flags to restore on exit. */
    savedFlags: number;
    block: boolean;
    kind: boolean;
    list: boolean;
    pre: boolean;
  }
  const stack: Frame[] = [];

  const enter = (el: Element, a: ElementAttributes | null): void => {
    const name = el.localName;
    const block = BLOCK_TAGS.has(name) || (a !== null && a.role === 'heading');
    let kind = false;
    let pre = false;
    let list = false;
    if (block && preDepth === 0) {
      flush();
      owners.push(name);
      const level = headingLevel(el, name, a);
      let k: KindFrame | null = null;
      if (level > 0) k = { kind: 'heading', level, ordered: false };
      else if (name === 'li') k = { kind: 'list-item', level: 0, ordered: lists[lists.length - 1] ?? false };
      else if (name === 'blockquote') k = { kind: 'quote', level: 0, ordered: false };
      else if (name === 'pre' || name === 'listing' || name === 'xmp' || name === 'plaintext') {
        k = { kind: 'code', level: 0, ordered: false };
        pre = true;
      } else if (name === 'dt') k = { kind: 'term', level: 0, ordered: false };
      else if (name === 'dd') k = { kind: 'definition', level: 0, ordered: false };
      else if (name === 'td' || name === 'th') k = { kind: 'paragraph', level: 0, ordered: false };
      if (k) {
        kinds.push(k);
        kind = true;
      }
      if (name === 'ol' || name === 'ul' || name === 'dir') {
        lists.push(name === 'ol');
        list = true;
      }
    }
    const savedFlags = flags;
    flags |= inlineFlags(name, a);
    if (name === 'time' && a !== null && options.datetime) {
      const dt = el.getAttribute('datetime');
      if (dt) options.datetime(dt);
    }
    if (pre) preDepth++;
    stack.push({ el, savedFlags, block, kind, list, pre });
  };

  const exit = (f: Frame): void => {
    if (f.block) {
      if (preDepth > 0 && !f.pre) {
        // Line-per-div code highlighters: each block inside <pre> is a line.
        seg.parts.push('\n');
      } else {
        flush();
        owners.pop();
        if (f.kind) kinds.pop();
        if (f.list) lists.pop();
      }
    }
    if (f.pre) preDepth--;
    flags = f.savedFlags;
  };

  const skips = (el: Element, a: ElementAttributes | null): boolean => {
    if (SKIP_TAGS.has(el.localName)) {
      if (a !== null && options.jsonLd && isJsonLd(el)) options.jsonLd(el.textContent ?? '');
      return true;
    }
    if (preDepth > 0) return false;
    return (a !== null && isChrome(a)) || (skipSite !== undefined && skipSite(el));
  };

  owners.push(root.localName);
  // Sibling pointers: the cheapest way down a DOM tree in browsers and in happy-dom alike.
  let node: ChildNode | null = root.firstChild;
  for (;;) {
    if (node === null) {
      const f = stack.pop();
      if (f === undefined) break;
      exit(f);
      node = f.el.nextSibling;
      continue;
    }
    const type = node.nodeType;
    if (type === 3 || type === 4) {
      addText((node as CharacterData).data);
    } else if (type === 1) {
      const el = node as Element;
      if (el.localName === 'br') {
        if (preDepth > 0) seg.parts.push('\n');
        else {
          if (seg.any) segments.push(seg);
          seg = new SegmentBuilder();
        }
      } else {
        // Most elements carry no attributes; knowing that spares reading them.
        const a = el.hasAttributes() ? readAttributes(el) : null;
        if (!skips(el, a)) {
          enter(el, a);
          node = el.firstChild;
          continue;
        }
      }
    }
    node = node.nextSibling;
  }
  flush();
  return out;
}
