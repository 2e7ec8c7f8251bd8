// A saved page's bytes as the document a browser would have built from them,
// for the CLI and the tests (the extension reads the live page instead).
// Two things differ from a plain `DOMParser` in happy-dom: the bytes are
// decoded in the charset the page declares, as a browser does (a page in
// ISO-8859-1 read as UTF-8 loses every accented letter), and the tree is the
// one the HTML standard's parser builds. parse5 implements that standard;
// happy-dom's own parser stops reading the page at a <style> inside <svg> and
// never leaves an unclosed <svg>, so whole articles went missing.

import { type DefaultTreeAdapterMap, parse } from 'parse5';

type P5Node = DefaultTreeAdapterMap['node'];
type P5Element = DefaultTreeAdapterMap['element'];

/** How far into the page a browser looks for a <meta> charset (the HTML standard's prescan). */
const PRESCAN_BYTES = 1024;

/** The charset label a page's own bytes declare: a byte-order mark, else a <meta> in the first 1024 bytes. */
export function declaredCharset(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  // Markup before the charset is ASCII in every charset a page may declare, so a byte-wise read is enough.
  let head = '';
  for (let i = 0; i < Math.min(bytes.length, PRESCAN_BYTES); i++) head += String.fromCharCode(bytes[i]!);
  for (const tag of head.match(/<meta\b[^>]*>/gi) ?? []) {
    const m = /charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(tag);
    if (m) return m[1]!.toLowerCase();
  }
  return null;
}

/** The page's text, decoded as a browser would decode it (UTF-8 when it declares nothing it can use). */
export function decodeHtml(bytes: Uint8Array): string {
  const label = declaredCharset(bytes);
  if (label !== null) {
    try {
      return new TextDecoder(label).decode(bytes);
    } catch {
      // An unknown label: browsers fall back to their default, which for saved pages is UTF-8.
    }
  }
  return new TextDecoder('utf-8').decode(bytes);
}

function copyAttributes(from: P5Element, to: Element): void {
  for (const a of from.attrs) {
    try {
      if (a.namespace) to.setAttributeNS(a.namespace, a.prefix ? `${a.prefix}:${a.name}` : a.name, a.value);
      else to.setAttribute(a.name, a.value);
    } catch {
      // A name the DOM refuses (a stray quote in the markup) is dropped, as browsers drop it from the DOM API.
    }
  }
}

/** Appends copies of parse5's nodes under `parent`; an explicit stack, as pages nest deeper than the call stack. */
function appendAll(document: Document, nodes: P5Node[], parent: Node): void {
  const work: [P5Node[], number, Node][] = [[nodes, 0, parent]];
  while (work.length > 0) {
    const top = work[work.length - 1]!;
    const [list, i, into] = top;
    if (i >= list.length) {
      work.pop();
      continue;
    }
    top[1] = i + 1;
    const n = list[i]!;
    if (n.nodeName === '#text')
      into.appendChild(document.createTextNode((n as DefaultTreeAdapterMap['textNode']).value));
    else if ('tagName' in n) {
      const el = document.createElementNS(n.namespaceURI, n.tagName);
      copyAttributes(n, el);
      into.appendChild(el);
      const kids =
        n.nodeName === 'template'
          ? (n as DefaultTreeAdapterMap['template']).content.childNodes
          : n.childNodes;
      const target = n.nodeName === 'template' ? ((el as HTMLTemplateElement).content ?? el) : el;
      if (kids.length > 0) work.push([kids, 0, target]);
    }
    // Comments and doctypes carry no article text.
  }
}

/**
 * Fills `document` (an empty HTML document of any DOM implementation) with the tree
 * the HTML standard builds from `html`, and returns it.
 */
function parseHtmlInto(document: Document, html: string): Document {
  const tree = parse(html);
  const root = tree.childNodes.find((n): n is P5Element => n.nodeName === 'html');
  const target = document.documentElement;
  if (!root || !target) return document;
  copyAttributes(root, target);
  for (const part of root.childNodes) {
    if (!('tagName' in part)) continue;
    const into = part.nodeName === 'head' ? document.head : part.nodeName === 'body' ? document.body : null;
    if (into === null) continue;
    copyAttributes(part, into);
    appendAll(document, part.childNodes, into);
  }
  return document;
}

/** The document a browser would build from `html`, made with the given DOM implementation's parser. */
export function documentFrom(parser: Pick<DOMParser, 'parseFromString'>, html: string): Document {
  const blank = parser.parseFromString('<!doctype html><html><head></head><body></body></html>', 'text/html');
  return parseHtmlInto(blank, html);
}
