// Paints highlights with the CSS Custom Highlight API: the page's DOM is never
// touched. One registry entry per color, one for highlights with notes, one for
// the temporary flash when the popup jumps to a question.

import { HIGHLIGHT_COLORS, type HighlightColor } from '../types';

export interface PaintItem {
  id: string;
  range: Range;
  color: HighlightColor;
  hasNote: boolean;
}

export const PAINT_NAMES = [...HIGHLIGHT_COLORS.map((c) => `ih-${c}`), 'ih-note', 'ih-flash'] as const;

const COLORS: Record<HighlightColor, string> = {
  yellow: 'rgba(255, 221, 0, 0.45)',
  green: 'rgba(80, 200, 120, 0.40)',
  blue: 'rgba(90, 160, 255, 0.40)',
  pink: 'rgba(255, 120, 180, 0.40)',
  purple: 'rgba(170, 120, 255, 0.40)',
};

export const PAINT_CSS = [
  ...HIGHLIGHT_COLORS.map((c) => `::highlight(ih-${c}) { background-color: ${COLORS[c]}; }`),
  '::highlight(ih-note) { text-decoration: underline dotted 2px; text-decoration-color: rgba(200, 90, 0, 0.9); text-underline-offset: 3px; }',
  '::highlight(ih-flash) { background-color: rgba(255, 150, 0, 0.65); }',
].join('\n');

/**
 * The flash paints above the saved highlights. Equal priorities stack in the
 * order the entries were registered, which changes as colors come and go and
 * is not worth relying on in either browser, so the order is explicit.
 */
const PRIORITY: Readonly<Record<string, number>> = { 'ih-flash': 1 };

function prioritised(name: string, h: Highlight): Highlight {
  h.priority = PRIORITY[name] ?? 0;
  return h;
}

export function paintSupported(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';
}

export class Painter {
  private items = new Map<string, PaintItem>();
  private sheet: CSSStyleSheet | null = null;
  private flashTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly doc: Document) {}

  private ensureStyles(): void {
    if (this.sheet) return;
    try {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(PAINT_CSS);
      try {
        this.doc.adoptedStyleSheets = [...this.doc.adoptedStyleSheets, sheet];
      } catch {
        // Firefox content scripts see the page's array through an Xray wrapper that may refuse a new array.
        this.doc.adoptedStyleSheets.push(sheet);
      }
      this.sheet = sheet;
    } catch (e) {
      console.warn('[interview-highlights] cannot adopt the highlight styles', e);
    }
  }

  /** Replaces everything painted with these items. */
  setAll(items: PaintItem[]): void {
    this.items = new Map(items.map((i) => [i.id, i]));
    this.render();
  }

  upsert(item: PaintItem): void {
    this.items.set(item.id, item);
    this.render();
  }

  remove(id: string): void {
    if (this.items.delete(id)) this.render();
  }

  /** Nothing painted any more, the flash included. */
  clear(): void {
    this.items.clear();
    this.render();
    if (this.flashTimer !== null) {
      clearTimeout(this.flashTimer);
      this.flashTimer = null;
      if (paintSupported()) CSS.highlights.delete('ih-flash');
    }
  }

  ids(): string[] {
    return [...this.items.keys()];
  }

  get(id: string): PaintItem | undefined {
    return this.items.get(id);
  }

  private render(): void {
    if (!paintSupported()) return;
    if (this.items.size > 0) this.ensureStyles();
    for (const color of HIGHLIGHT_COLORS) {
      const ranges = [...this.items.values()].filter((i) => i.color === color).map((i) => i.range);
      this.setEntry(`ih-${color}`, ranges);
    }
    this.setEntry(
      'ih-note',
      [...this.items.values()].filter((i) => i.hasNote).map((i) => i.range),
    );
  }

  private setEntry(name: string, ranges: Range[]): void {
    if (ranges.length === 0) CSS.highlights.delete(name);
    else CSS.highlights.set(name, prioritised(name, new Highlight(...ranges)));
  }

  flash(range: Range, ms = 1600): void {
    if (!paintSupported()) return;
    this.ensureStyles();
    CSS.highlights.set('ih-flash', prioritised('ih-flash', new Highlight(range)));
    if (this.flashTimer !== null) clearTimeout(this.flashTimer);
    this.flashTimer = setTimeout(() => {
      CSS.highlights.delete('ih-flash');
      this.flashTimer = null;
    }, ms);
  }

  /** The painted highlight under a viewport point: the innermost (shortest) when they overlap. */
  hitTest(x: number, y: number): PaintItem | null {
    const caret = caretAt(this.doc, x, y);
    if (!caret) return null;
    let best: PaintItem | null = null;
    let bestLength = Infinity;
    for (const item of this.items.values()) {
      const r = item.range;
      let inside = false;
      try {
        inside =
          r.isPointInRange(caret.node, caret.offset) &&
          !(caret.node === r.endContainer && caret.offset === r.endOffset);
      } catch {
        inside = false;
      }
      if (!inside) continue;
      // A click on a line's far side reports a caret outside the text; check the point is on the range's boxes.
      if (!onRects(r, x, y)) continue;
      const length = r.toString().length;
      if (length < bestLength) {
        best = item;
        bestLength = length;
      }
    }
    return best;
  }
}

function onRects(range: Range, x: number, y: number): boolean {
  if (typeof range.getClientRects !== 'function') return true;
  const rects = range.getClientRects();
  if (rects.length === 0) return true;
  for (const r of rects)
    if (x >= r.left - 1 && x <= r.right + 1 && y >= r.top - 1 && y <= r.bottom + 1) return true;
  return false;
}

type CaretDoc = Document & {
  caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
  caretRangeFromPoint?: (x: number, y: number) => Range | null;
};

function caretAt(doc: Document, x: number, y: number): { node: Node; offset: number } | null {
  const d = doc as CaretDoc;
  if (typeof d.caretPositionFromPoint === 'function') {
    const p = d.caretPositionFromPoint(x, y);
    if (p) return { node: p.offsetNode, offset: p.offset };
  }
  if (typeof d.caretRangeFromPoint === 'function') {
    const r = d.caretRangeFromPoint(x, y);
    if (r) return { node: r.startContainer, offset: r.startOffset };
  }
  return null;
}
