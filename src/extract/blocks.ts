// One walk over the article root turns its DOM into a flat list of text blocks
// (paragraphs, headings, list items, quotes, code, terms) with the inline
// formatting facts the question rules need: what is bold, italic, linked, and
// where line breaks split a paragraph, which element holds it, and whether it
// sits in a figure or caption. Reads only; never touches the page.

import {
  type ElementAttributes,
  emptyAttributes,
  isChrome,
  isDisclosureHeader,
  readAttributes,
  SKIP_TAGS,
} from './chrome';
import { isJsonLd } from './metadata';
import { collapse, hasLetters, isBlank } from './text';

export type RawKind =
  | 'paragraph'
  | 'heading'
  | 'list-item'
  | 'quote'
  | 'code'
  | 'term'
  | 'definition'
  /** A rule (<hr>) or a line of "___", "***", "* * *": it closes what came before. */
  | 'separator';

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
  /**
   * All of it sits in a <figure> or an element named a caption, or it repeats the
   * alternative text of an image beside it: a caption, credit or pull quote, not body text.
   */
  insert: boolean;
  /** The block element that holds the text (the root for loose text directly in it). */
  el: Element;
}

const BLOCK_TAGS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'center',
  'dd',
  'details',
  'dialog',
  'dir',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'html',
  'legend',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
  'caption',
  'listing',
  'xmp',
  'plaintext',
  'search',
]);

/** Elements whose loose text is a paragraph of its own kind, not anonymous text. */
const NAMED_OWNERS = new Set([
  'p',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'li',
  'dt',
  'dd',
  'blockquote',
  'pre',
  'td',
  'th',
  'summary',
  'caption',
]);

/** Inline formatting whose attributes say nothing about text or chrome. */
const PLAIN_INLINE = new Set([
  'b',
  'strong',
  'em',
  'i',
  'u',
  's',
  'sup',
  'sub',
  'small',
  'mark',
  'abbr',
  'code',
  'kbd',
  'var',
  'samp',
  'q',
  'cite',
  'dfn',
  'wbr',
  'bdi',
  'bdo',
  'ins',
  'del',
  'tt',
  'big',
  'strike',
]);

/** Above this many child elements, children are walked by iterator rather than nextSibling. */
const WIDE = 32;

const BOLD = 1;
const ITALIC = 2;
const LINK_AWAY = 4;
const LINK = 8;
const INSERT = 16;

interface KindFrame {
  kind: RawKind;
  level: number;
  ordered: boolean;
}

const QUOTE: KindFrame = { kind: 'quote', level: 0, ordered: false };
const CODE: KindFrame = { kind: 'code', level: 0, ordered: false };
const TERM: KindFrame = { kind: 'term', level: 0, ordered: false };
const DEFINITION: KindFrame = { kind: 'definition', level: 0, ordered: false };
const CELL: KindFrame = { kind: 'paragraph', level: 0, ordered: false };
const ITEM: KindFrame = { kind: 'list-item', level: 0, ordered: false };
const ORDERED_ITEM: KindFrame = { kind: 'list-item', level: 0, ordered: true };
const HEADINGS: KindFrame[] = [0, 1, 2, 3, 4, 5, 6].map((level) => ({
  kind: 'heading',
  level,
  ordered: false,
}));

class SegmentBuilder {
  parts: string[] = [];
  lead: string[] = [];
  leadOpen = true;
  any = false;
  allBold = true;
  allItalic = true;
  allLinkAway = true;
  allInsert = true;

  /** Back to empty, keeping its arrays: builders are reused across blocks. */
  reset(): this {
    this.parts.length = 0;
    this.lead.length = 0;
    this.leadOpen = this.allBold = this.allItalic = this.allLinkAway = this.allInsert = true;
    this.any = false;
    return this;
  }
}

export interface WalkOptions {
  /** Site-specific widgets to skip besides the generic chrome rules (see SiteReading.skip). */
  skip?: (el: Element, name: string, attributed: boolean) => boolean;
  /** Receives the text of each JSON-LD script met on the way (they are skipped as text). */
  jsonLd?: (text: string) => void;
  /** Receives the datetime attribute of each <time> element met on the way. */
  datetime?: (value: string) => void;
  /** Receives each element marked up as a schema.org Person, other than the page's author or publisher. */
  person?: (el: Element) => void;
}

function inlineFlags(name: string, a: ElementAttributes | null): number {
  if (name === 'b' || name === 'strong') return BOLD;
  if (name === 'em' || name === 'i') return ITALIC;
  // A figure's text is its caption, credit or pull quote.
  if (name === 'figure') return INSERT;
  if (a === null) return 0;
  if (a.caption) return INSERT;
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

/** A line made only of rule characters ("___", "***", "* * *", "———"). */
const RULE_LINE = /^[\s_*#=~•·–—-]{3,}$/;

function separator(el: Element): RawBlock {
  return {
    kind: 'separator',
    level: 0,
    ordered: false,
    text: '',
    segments: [],
    allBold: false,
    allItalic: false,
    linkedAway: false,
    anonymous: false,
    insert: false,
    el,
  };
}

/** Collects the text blocks under root in document order. */
export function collectBlocks(root: Element, options: WalkOptions = {}): RawBlock[] {
  const out: RawBlock[] = [];
  const kinds: KindFrame[] = [];
  const owners: string[] = [];
  const ownerEls: Element[] = [];
  // Alternative texts of the images met since the last block: a caption repeats one.
  const imageTexts: string[] = [];
  const lists: boolean[] = [];
  let segments: SegmentBuilder[] = [];
  const pool: SegmentBuilder[] = [];
  const freshSegment = (): SegmentBuilder => pool.pop()?.reset() ?? new SegmentBuilder();
  let seg = freshSegment();
  let flags = 0;
  let preDepth = 0;
  const skipSite = options.skip;
  // Attributes of the element being entered; read fresh for each element and used at once.
  const scratch = emptyAttributes();

  const flush = (): void => {
    // Called at every block boundary; most find nothing buffered and must not allocate.
    if (!seg.any && segments.length === 0) {
      seg.parts.length = 0;
      return;
    }
    if (seg.any) segments.push(seg);
    else pool.push(seg);
    seg = freshSegment();
    const segs = segments;
    segments = [];
    if (segs.length === 0) return;
    build(segs);
    for (const used of segs) pool.push(used);
  };

  const build = (segs: SegmentBuilder[]): void => {
    const frame = kinds[kinds.length - 1];
    const kind: RawKind = frame ? frame.kind : 'paragraph';
    if (kind === 'code') {
      const text = segs
        .map((s) => s.parts.join(''))
        .join('\n')
        .replace(/^\n+|\s+$/g, '');
      if (text.trim() === '') return;
      out.push({
        kind,
        level: 0,
        ordered: false,
        text,
        segments: [{ text, lead: '', allBold: false, allItalic: false }],
        allBold: false,
        allItalic: false,
        linkedAway: false,
        anonymous: false,
        insert: false,
        el: ownerEls[ownerEls.length - 1]!,
      });
      return;
    }
    const built: Segment[] = [];
    let allBold = true;
    let allItalic = true;
    let linkedAway = true;
    let insert = true;
    for (const s of segs) {
      const text = collapse(s.parts.join(''));
      if (text === '') continue;
      let lead = s.leadOpen && s.allBold ? text : collapse(s.lead.join(''));
      if (!text.startsWith(lead)) lead = '';
      built.push({ text, lead, allBold: s.allBold, allItalic: s.allItalic });
      allBold &&= s.allBold;
      allItalic &&= s.allItalic;
      linkedAway &&= s.allLinkAway;
      insert &&= s.allInsert;
    }
    if (built.length === 0) return;
    const text = built.length === 1 ? built[0]!.text : built.map((s) => s.text).join(' ');
    const el = ownerEls[ownerEls.length - 1]!;
    if (!hasLetters(text)) {
      if (RULE_LINE.test(text)) out.push(separator(el));
      return;
    }
    if (!insert && imageTexts.length > 0) insert = imageTexts.includes(text);
    imageTexts.length = 0;
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
      insert,
      el,
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
    if (!(flags & INSERT)) seg.allInsert = false;
  };

  // Explicit stacks instead of recursion: deeply nested broken markup must not
  // overflow. Per open element: the element, and its facts packed in one number.
  const elements: Element[] = [];
  const infos: number[] = [];
  const IS_BLOCK = 1 << 8;
  const HAS_KIND = 1 << 9;
  const HAS_LIST = 1 << 10;
  const IS_PRE = 1 << 11;

  const enter = (el: Element, name: string, a: ElementAttributes | null): void => {
    const block = BLOCK_TAGS.has(name) || (a !== null && a.role === 'heading');
    let info = flags | (block ? IS_BLOCK : 0);
    if (block && preDepth === 0) {
      flush();
      owners.push(name);
      ownerEls.push(el);
      if (name === 'hr') out.push(separator(el));
      const level = headingLevel(el, name, a);
      let k: KindFrame | null = null;
      if (level > 0) k = HEADINGS[level]!;
      else if (name === 'li') k = lists[lists.length - 1] ? ORDERED_ITEM : ITEM;
      else if (name === 'blockquote') k = QUOTE;
      else if (name === 'pre' || name === 'listing' || name === 'xmp' || name === 'plaintext') {
        k = CODE;
        info |= IS_PRE;
      } else if (name === 'dt') k = TERM;
      else if (name === 'dd') k = DEFINITION;
      else if (name === 'td' || name === 'th') k = CELL;
      if (k) {
        kinds.push(k);
        info |= HAS_KIND;
      }
      if (name === 'ol' || name === 'ul' || name === 'dir') {
        lists.push(name === 'ol');
        info |= HAS_LIST;
      }
    }
    flags |= inlineFlags(name, a);
    if (a !== null && a.itemtype !== null && options.person && /Person/.test(a.itemtype)) {
      if (!/author|creator|editor|publisher|contributor|reviewer/i.test(a.itemprop ?? '')) options.person(el);
    }
    if (name === 'time' && a !== null && options.datetime) {
      const dt = el.getAttribute('datetime');
      if (dt) options.datetime(dt);
    }
    if (info & IS_PRE) preDepth++;
    elements.push(el);
    infos.push(info);
  };

  const exit = (info: number): void => {
    if (info & IS_BLOCK) {
      if (preDepth > 0 && !(info & IS_PRE)) {
        // Line-per-div code highlighters: each block inside <pre> is a line.
        seg.parts.push('\n');
      } else {
        flush();
        owners.pop();
        ownerEls.pop();
        if (info & HAS_KIND) kinds.pop();
        if (info & HAS_LIST) lists.pop();
      }
    }
    if (info & IS_PRE) preDepth--;
    flags = info & 0xff;
  };

  const skips = (el: Element, name: string, a: ElementAttributes | null): boolean => {
    if (SKIP_TAGS.has(name)) {
      if (a !== null) {
        if (options.jsonLd && isJsonLd(el)) options.jsonLd(el.textContent ?? '');
        else if (name === 'img') {
          if (a.alt) imageTexts.push(collapse(a.alt));
          if (a.title) imageTexts.push(collapse(a.title));
        }
      }
      return true;
    }
    if (preDepth > 0) return false;
    if (a !== null && isChrome(a)) return !isDisclosureHeader(el, a);
    return skipSite?.(el, name, a !== null) ?? false;
  };

  owners.push(root.localName);
  ownerEls.push(root);
  // Sibling pointers are the cheapest way down a tree, but some DOMs (happy-dom)
  // find nextSibling by searching the parent's child list: for elements with
  // many children, walk them with the child list's iterator to stay linear.
  const cursors: (Iterator<ChildNode> | null)[] = [];
  const childrenOf = (el: Element): Iterator<ChildNode> | null =>
    el.childElementCount > WIDE ? el.childNodes[Symbol.iterator]() : null;
  const advance = (it: Iterator<ChildNode>): ChildNode | null => {
    const r = it.next();
    return r.done ? null : r.value;
  };
  let cursor = childrenOf(root);
  let node: ChildNode | null = cursor ? advance(cursor) : root.firstChild;
  for (;;) {
    if (node === null) {
      const el = elements.pop();
      if (el === undefined) break;
      exit(infos.pop()!);
      cursor = cursors.pop() ?? null;
      node = cursor ? advance(cursor) : el.nextSibling;
      continue;
    }
    const type = node.nodeType;
    if (type === 3 || type === 4) {
      addText((node as CharacterData).data);
    } else if (type === 1) {
      const el = node as Element;
      // One read of localName per element: DOM getters are not free (happy-dom especially).
      const name = el.localName;
      if (name === 'br') {
        if (preDepth > 0) seg.parts.push('\n');
        else {
          if (seg.any) {
            segments.push(seg);
            seg = freshSegment();
          } else seg.reset();
        }
      } else {
        // Most elements carry no attributes, and inline formatting never
        // needs them: either way the attribute list is not read.
        const a = !PLAIN_INLINE.has(name) && el.hasAttributes() ? readAttributes(el, scratch) : null;
        if (!skips(el, name, a)) {
          enter(el, name, a);
          cursors.push(cursor);
          // Only block containers grow wide; inline elements keep the cheap path.
          cursor = infos[infos.length - 1]! & IS_BLOCK ? childrenOf(el) : null;
          node = cursor ? advance(cursor) : el.firstChild;
          continue;
        }
      }
    }
    node = cursor ? advance(cursor) : node.nextSibling;
  }
  flush();
  return out;
}

/** Tags that make a box: a block nested in one of these, beside the answer's own paragraphs, was dropped in. */
export const BOX_TAGS = new Set([
  'div',
  'section',
  'aside',
  'article',
  'figure',
  'details',
  'table',
  'center',
  'fieldset',
]);

/** The child of `ancestor` that holds `el` (el itself when it is one); null when el is not below it. */
export function childOf(el: Element, ancestor: Element): Element | null {
  let e: Element | null = el;
  while (e !== null && e.parentElement !== ancestor) e = e.parentElement;
  return e;
}
