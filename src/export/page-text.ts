// A page's text for building text directives: text nodes in document order,
// with U+2029 between blocks, since a directive's terms cannot span a block
// boundary. Boundary points of DOM ranges map to offsets in that text.

import { BLOCK_BOUNDARY } from './fragment-match';

// The block elements of text-fragments-polyfill (and of the spec's notion of a block boundary).
const BLOCKS = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'BR',
  'DETAILS',
  'DIALOG',
  'DD',
  'DIV',
  'DL',
  'DT',
  'FIELDSET',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'FORM',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HGROUP',
  'HR',
  'LI',
  'MAIN',
  'NAV',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'TABLE',
  'UL',
  'TR',
  'TH',
  'TD',
  'COLGROUP',
  'COL',
  'CAPTION',
  'THEAD',
  'TBODY',
  'TFOOT',
]);
const SKIPPED = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'HEAD']);

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

export interface PageText {
  text: string;
  /** Offset in `text` of a range boundary point; null when it lies outside the root. */
  positionOf(node: Node, offset: number): number | null;
}

export function pageTextOf(root: Element): PageText {
  let text = '';
  const spans = new Map<Node, [number, number]>();
  const boundary = (): void => {
    if (text !== '' && !text.endsWith(BLOCK_BOUNDARY)) text += BLOCK_BOUNDARY;
  };
  // An explicit stack: pages nest deep enough to worry a recursive walk.
  const stack: { node: Node; leaving: boolean }[] = [{ node: root, leaving: false }];
  while (stack.length > 0) {
    const { node, leaving } = stack.pop()!;
    if (leaving) {
      if (node.nodeType === ELEMENT_NODE && BLOCKS.has((node as Element).tagName.toUpperCase())) boundary();
      spans.get(node)![1] = text.length;
      continue;
    }
    if (node.nodeType === TEXT_NODE) {
      const start = text.length;
      text += (node as Text).data;
      spans.set(node, [start, text.length]);
      continue;
    }
    if (node.nodeType !== ELEMENT_NODE) {
      spans.set(node, [text.length, text.length]);
      continue;
    }
    const el = node as Element;
    const tag = el.tagName.toUpperCase();
    if (SKIPPED.has(tag)) {
      spans.set(node, [text.length, text.length]);
      continue;
    }
    if (BLOCKS.has(tag)) boundary();
    spans.set(node, [text.length, text.length]);
    stack.push({ node, leaving: true });
    for (let i = el.childNodes.length - 1; i >= 0; i--)
      stack.push({ node: el.childNodes[i]!, leaving: false });
  }

  return {
    text,
    positionOf(node: Node, offset: number): number | null {
      const span = spans.get(node);
      if (!span) return null;
      if (node.nodeType === TEXT_NODE) return Math.min(span[0] + Math.max(0, offset), span[1]);
      const child = node.childNodes[offset];
      if (child) return spans.get(child)?.[0] ?? null;
      return span[1];
    },
  };
}
