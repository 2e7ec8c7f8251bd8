// The page's readable text as one string, with the text nodes it came from, so
// selectors (offsets and quotes into that string) and DOM ranges can be turned
// into each other. Built once per page visit; everything else in anchor/ reads it.

import { runSteps, STEP_CHARS, type Steps } from './steps';

export interface TextIndex {
  root: Element;
  /** The root's text nodes concatenated in document order, without separators. */
  text: string;
  nodes: Text[];
  /** starts[i]: offset in `text` where nodes[i] begins. */
  starts: number[];
}

/** Marks the extension's own in-page UI hosts, whose text is not the page's. */
export const UI_HOST_ATTRIBUTE = 'data-interview-highlights-ui';

const SKIPPED_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA']);

// NodeFilter's numeric constants, spelled out so this module also runs where no
// global NodeFilter exists (a DOM built by a library in Node).
const SHOW_ELEMENT = 0x1;
const SHOW_TEXT = 0x4;
const FILTER_ACCEPT = 1;
const FILTER_REJECT = 2;
const FILTER_SKIP = 3;
const TEXT_NODE = 3;

function isSkipped(el: Element): boolean {
  return SKIPPED_TAGS.has(el.tagName.toUpperCase()) || el.hasAttribute(UI_HOST_ATTRIBUTE);
}

export function buildTextIndex(root: Element): TextIndex {
  return runSteps(buildTextIndexSteps(root));
}

/** Text nodes, and characters, read per step of buildTextIndexSteps. */
const NODES_PER_STEP = 2000;
const CHARS_PER_STEP = 4 * STEP_CHARS;

/** buildTextIndex, pausing every few thousand text nodes (a page of megabytes takes a few hundred milliseconds). */
export function* buildTextIndexSteps(root: Element): Steps<TextIndex> {
  const doc = root.ownerDocument;
  const walker = doc.createTreeWalker(root, SHOW_ELEMENT | SHOW_TEXT, {
    acceptNode(node: Node): number {
      if (node.nodeType === TEXT_NODE) return FILTER_ACCEPT;
      // Rejecting an element skips its whole subtree in the same pass.
      return isSkipped(node as Element) ? FILTER_REJECT : FILTER_SKIP;
    },
  });
  const nodes: Text[] = [];
  const starts: number[] = [];
  // Concatenated, not collected and joined: engines keep `+=` as a rope of the
  // page's own strings and copy once when it is first read, which in Firefox
  // takes about half as long as Array.join over tens of thousands of parts and
  // leaves no second copy of the text behind as garbage.
  let text = '';
  let offset = 0;
  let stepNodes = 0;
  let stepOffset = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const data = (node as Text).data;
    if (data.length === 0) continue;
    if (nodes.length - stepNodes >= NODES_PER_STEP || offset - stepOffset >= CHARS_PER_STEP) {
      yield;
      stepNodes = nodes.length;
      stepOffset = offset;
    }
    nodes.push(node as Text);
    starts.push(offset);
    text += data;
    offset += data.length;
  }
  // Flattening a page of megabytes is a step of its own: reading one character
  // makes the engine copy the rope into one string here, not in a later step.
  if (offset >= CHARS_PER_STEP) yield;
  text.charCodeAt(0);
  return { root, text, nodes, starts };
}

/** Index of the last node starting at or before `offset` (0 when none do). */
function nodeAtOrBefore(index: TextIndex, offset: number): number {
  const { starts } = index;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] as number) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * A live Range over text[start, end). Boundaries that fall between two nodes
 * are placed inside the text they border (start at the next node's beginning,
 * end at the previous node's end), so the range holds no stray empty edges.
 */
export function rangeFromOffsets(index: TextIndex, start: number, end: number): Range {
  const len = index.text.length;
  const s = Math.max(0, Math.min(start, len));
  const e = Math.max(s, Math.min(end, len));
  const range = index.root.ownerDocument.createRange();
  if (index.nodes.length === 0) {
    range.setStart(index.root, 0);
    range.collapse(true);
    return range;
  }
  const si = s === len ? index.nodes.length - 1 : nodeAtOrBefore(index, s);
  const sNode = index.nodes[si] as Text;
  range.setStart(sNode, s - (index.starts[si] as number));
  // An end exactly at a node's start belongs to the node before it.
  let ei = nodeAtOrBefore(index, e);
  if (ei > 0 && (index.starts[ei] as number) === e && e > s) ei--;
  if (ei < si) ei = si;
  const eNode = index.nodes[ei] as Text;
  range.setEnd(eNode, Math.min(e - (index.starts[ei] as number), eNode.data.length));
  return range;
}

const nodeLookup = new WeakMap<TextIndex, Map<Node, number>>();

function nodePosition(index: TextIndex, node: Node): number | undefined {
  let map = nodeLookup.get(index);
  if (!map) {
    map = new Map();
    for (let i = 0; i < index.nodes.length; i++) map.set(index.nodes[i] as Node, i);
    nodeLookup.set(index, map);
  }
  return map.get(node);
}

/** Text offset of a DOM boundary point; points outside the indexed text snap to the next indexed text. */
function offsetOfPoint(index: TextIndex, container: Node, offset: number): number {
  const i = nodePosition(index, container);
  if (i !== undefined) {
    const node = index.nodes[i] as Text;
    return (index.starts[i] as number) + Math.max(0, Math.min(offset, node.data.length));
  }
  // An element boundary (or text we do not index): the first indexed node at or
  // after the point starts here. Binary search, comparing node starts to the point.
  const probe = index.root.ownerDocument.createRange();
  probe.setStart(container, offset);
  probe.collapse(true);
  const { nodes } = index;
  let lo = 0;
  let hi = nodes.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    // comparePoint: -1 when (node, 0) lies before the probe point.
    if (probe.comparePoint(nodes[mid] as Node, 0) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo < nodes.length ? (index.starts[lo] as number) : index.text.length;
}

/** Offsets in index.text covered by `range`, clamped to the root; null when the range misses the root. */
export function offsetsFromRange(index: TextIndex, range: Range): { start: number; end: number } | null {
  const root = index.root;
  if (
    range.startContainer.ownerDocument !== root.ownerDocument &&
    range.startContainer !== root.ownerDocument
  ) {
    return null;
  }
  if (!range.intersectsNode(root)) return null;
  const start = offsetOfPoint(index, range.startContainer, range.startOffset);
  const end = offsetOfPoint(index, range.endContainer, range.endOffset);
  return { start, end: Math.max(start, end) };
}
