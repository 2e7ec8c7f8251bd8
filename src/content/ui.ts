// The content script's own UI (the Save bar beside a selection, a highlight's
// card, the marker the keyboard steps through highlights with, toasts) lives
// in one shadow root, so page styles cannot reach it and it cannot reach the
// page. Text is always set as text, never as HTML (dom.ts). One live region
// (the toast) tells screen readers about saves, deletes and undo.

import { DEFAULT_COLOR_NAMES, type ColorNames } from '../export/color-names';
import { HIGHLIGHT_COLORS, type HighlightColor } from '../types';
import { Card, type CardActions, type CardModel, SWATCH } from './card';
import { el } from './dom';
import { wantsDark } from './theme';
import { UI_CSS } from './ui-css';

export const UI_ATTR = 'data-interview-highlights-ui';

export type { CardActions, CardModel } from './card';

export interface SaveBarActions {
  /** Save the selection, in color when given (else the default). */
  save(color?: HighlightColor): void;
  /** Save, then open the card with the note focused. */
  saveWithNote(): void;
}

export interface CardOptions {
  /** Put the caret in the note (after "add a note"). */
  focusNote?: boolean;
  /** The highlight's box on screen: the card sits below it (or above when there is no room). */
  near?: DOMRect;
}

const GAP = 8;

/** The element that has the focus, looking into shadow roots. */
function deepActive(doc: Document): Element | null {
  let a: Element | null = doc.activeElement;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  return a;
}

/** A Save bar swatch's name: what it does, in the reader's word for the colour. */
const saveIn = (colorName: string): string => `Save ${colorName}`;

export class ContentUI {
  readonly host: HTMLElement;
  private readonly root: ShadowRoot;
  private readonly layer: HTMLElement;
  private readonly live: HTMLElement;
  private saveBar: HTMLElement | null = null;
  private barActions: SaveBarActions | null = null;
  private card: Card | null = null;
  private cardClosed: (() => void) | null = null;
  private cardWatch: ResizeObserver | null = null;
  private returnFocus: Element | null = null;
  private pointer: HTMLButtonElement | null = null;
  private toastTimer: ReturnType<typeof setTimeout> | null = null;
  private toastReturn: Element | null = null;
  private names: ColorNames = DEFAULT_COLOR_NAMES;

  /** The reader's colour names (Settings); the Save bar and the card say them. */
  get colorNames(): ColorNames {
    return this.names;
  }

  set colorNames(names: ColorNames) {
    this.names = names;
    for (const c of HIGHLIGHT_COLORS) {
      const swatch = this.saveBar?.querySelector(`.swatch[data-color="${c}"]`);
      swatch?.setAttribute('aria-label', saveIn(names[c]));
      swatch?.setAttribute('title', saveIn(names[c]));
    }
  }

  constructor(private readonly doc: Document) {
    this.host = el(doc, 'div', { [UI_ATTR]: '' });
    this.root = this.host.attachShadow({ mode: 'open' });
    this.layer = el(doc, 'div', { class: 'layer' });
    try {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(UI_CSS);
      this.root.adoptedStyleSheets = [sheet];
    } catch {
      // Constructed sheets can be refused across worlds (Firefox Xrays); a style inside our own shadow root is still not the page's.
      this.root.append(el(doc, 'style', {}, UI_CSS));
    }
    // There from the first time the UI shows, so what it says later is announced.
    this.live = el(doc, 'div', { class: 'toast', role: 'status', 'aria-live': 'polite' });
    this.layer.append(this.live);
    this.root.append(this.layer);
  }

  /** Attached lazily, outside <body>, so a single-page app swapping its body leaves it alone. */
  private mount(near: Element | null = null): void {
    if (!this.host.isConnected) this.doc.documentElement.append(this.host);
    const win = this.doc.defaultView;
    if (win) this.layer.classList.toggle('dark', wantsDark(win, near));
  }

  contains(node: Node | null): boolean {
    if (!node) return false;
    return node === this.host || this.host.contains(node) || this.root.contains(node);
  }

  /** Keeps a fixed element inside the viewport, at (left, top) when it fits. */
  private place(node: HTMLElement, left: number, top: number, above?: number): void {
    const win = this.doc.defaultView;
    const vw = win?.innerWidth ?? 1024;
    const vh = win?.innerHeight ?? 768;
    const { width, height } = node.getBoundingClientRect();
    let y = top;
    if (y + height > vh - GAP && above !== undefined) y = above - height;
    node.style.left = `${Math.max(GAP, Math.min(left, vw - width - GAP))}px`;
    node.style.top = `${Math.max(GAP, Math.min(y, vh - height - GAP))}px`;
  }

  // ---- The Save bar beside a selection ----

  showSaveButton(rect: DOMRect, actions: SaveBarActions, near: Element | null = null): void {
    this.mount(near);
    if (!this.saveBar) {
      const d = this.doc;
      const bar = el(d, 'div', { class: 'savebar', role: 'toolbar', 'aria-label': 'Save highlight' });
      const save = el(d, 'button', { type: 'button', class: 'save', 'aria-label': 'Save highlight' }, 'Save');
      save.addEventListener('click', () => this.barActions?.save());
      bar.append(save);
      for (const c of HIGHLIGHT_COLORS) {
        const name = this.colorNames[c];
        const s = el(d, 'button', {
          type: 'button',
          class: 'swatch',
          'data-color': c,
          'aria-label': saveIn(name),
          title: saveIn(name),
        });
        s.style.background = SWATCH[c];
        s.addEventListener('click', () => this.barActions?.save(c));
        bar.append(s);
      }
      bar.append(el(d, 'span', { class: 'sep', 'aria-hidden': 'true' }));
      const note = el(
        d,
        'button',
        { type: 'button', class: 'with-note', 'aria-label': 'Save and add a note' },
        '+ Note',
      );
      note.addEventListener('click', () => this.barActions?.saveWithNote());
      bar.append(note);
      // Keep the page's selection: a press on the bar must not move it.
      bar.addEventListener('mousedown', (e) => e.preventDefault());
      bar.addEventListener('keydown', (e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          this.hideSaveButton();
        }
      });
      this.layer.append(bar);
      this.saveBar = bar;
    }
    this.barActions = actions;
    // Beside the selection's end, nudged inside the viewport.
    this.place(this.saveBar, rect.right + 6, rect.bottom + 6, rect.top - 6);
  }

  get saveButtonShown(): boolean {
    return this.saveBar !== null;
  }

  focusSaveButton(): void {
    this.saveBar?.querySelector<HTMLButtonElement>('button.save')?.focus();
  }

  hideSaveButton(): void {
    this.saveBar?.remove();
    this.saveBar = null;
  }

  // ---- The card of a highlight ----

  openMenu(x: number, y: number, model: CardModel, actions: CardActions, opts: CardOptions = {}): void {
    this.closeMenu({ restoreFocus: false });
    const before = deepActive(this.doc);
    // Focus goes back where the reader was: the page, or the keyboard marker.
    this.returnFocus = before && (!this.contains(before) || before === this.pointer) ? before : this.pointer;
    this.mount(this.doc.elementFromPoint?.(x, y) ?? null);
    const card = new Card(this.doc, model, {
      ...actions,
      close: () => this.closeMenu({ restoreFocus: true }),
    });
    this.layer.append(card.element);
    this.card = card;
    this.cardClosed = () => actions.close();
    const near = opts.near;
    const place = (): void => {
      if (near) this.place(card.element, near.left, near.bottom + GAP, near.top - GAP);
      else this.place(card.element, x, y + 12, y - 12);
    };
    place();
    // The card grows after it opens (the library's tags arrive): keep it inside the viewport.
    if (typeof ResizeObserver === 'function') {
      this.cardWatch = new ResizeObserver(place);
      this.cardWatch.observe(card.element);
    }
    card.focusNote();
  }

  get menuOpen(): boolean {
    return this.card !== null;
  }

  /** Writes what the card holds and not yet stored, whatever happens next (the page hidden or unloaded). */
  flushMenu(): Promise<void> {
    return this.card?.flush() ?? Promise.resolve();
  }

  /** Closes the card, keeping what was typed; focus goes back where the reader was when asked. */
  closeMenu(opts: { restoreFocus?: boolean } = {}): void {
    const card = this.card;
    if (!card) return;
    void card.flush();
    this.cardWatch?.disconnect();
    this.cardWatch = null;
    card.element.remove();
    this.card = null;
    const closed = this.cardClosed;
    this.cardClosed = null;
    const target = this.returnFocus;
    this.returnFocus = null;
    if (opts.restoreFocus && target instanceof HTMLElement && target.isConnected) target.focus();
    closed?.();
  }

  // ---- The marker the keyboard moves from highlight to highlight ----

  /** A focused marker at a highlight: Enter opens its card, Escape puts it away. */
  showPointer(rect: DOMRect, label: string, onOpen: () => void): void {
    this.mount(this.doc.elementFromPoint?.(rect.left + 1, rect.top + 1) ?? null);
    if (!this.pointer) {
      const b = el(this.doc, 'button', { type: 'button', class: 'pointer' });
      b.addEventListener('keydown', (e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          this.hidePointer();
        }
      });
      this.layer.append(b);
      this.pointer = b;
    }
    const b = this.pointer;
    b.textContent = label;
    b.onclick = () => onOpen();
    this.place(b, rect.left, rect.top - 30, rect.bottom + 4);
    b.focus({ preventScroll: true });
  }

  get pointerRect(): DOMRect | null {
    return this.pointer?.getBoundingClientRect() ?? null;
  }

  hidePointer(): void {
    this.pointer?.remove();
    this.pointer = null;
  }

  // ---- Toasts, which are also the live region ----

  /**
   * Shows a line in the live region. An action given `focus` takes the keyboard (a reader who
   * deleted with keys undoes with Enter), holds the toast while it has it, and gives the focus
   * back where it was when the toast goes.
   */
  toast(text: string, action?: { label: string; run: () => void; focus?: boolean }, ms = 5000): void {
    this.mount();
    this.clearToast();
    const t = this.live;
    t.replaceChildren(el(this.doc, 'span', {}, text));
    const later = (): void => {
      if (this.toastTimer !== null) clearTimeout(this.toastTimer);
      this.toastTimer = setTimeout(() => this.clearToast(), ms);
    };
    if (action) {
      const b = el(this.doc, 'button', { type: 'button', 'data-action': 'toast' }, action.label);
      b.addEventListener('click', () => {
        this.clearToast();
        action.run();
      });
      // Time to read and reach it: the toast waits while its button has the focus.
      b.addEventListener('focus', () => {
        if (this.toastTimer !== null) clearTimeout(this.toastTimer);
        this.toastTimer = null;
      });
      b.addEventListener('blur', () => {
        if (b.isConnected) later();
      });
      b.addEventListener('keydown', (e) => {
        if (e.key !== 'Escape') return;
        e.preventDefault();
        e.stopPropagation();
        this.clearToast();
      });
      t.append(b);
      if (action.focus) {
        const before = deepActive(this.doc);
        this.toastReturn = before && !this.live.contains(before) ? before : null;
        b.focus({ preventScroll: true });
      }
    }
    t.classList.add('shown');
    if (!this.live.contains(deepActive(this.doc))) later();
  }

  /** Tells a screen reader, without showing anything (a save the reader sees painted). */
  announce(text: string): void {
    this.mount();
    if (this.live.classList.contains('shown')) return;
    if (this.toastTimer !== null) clearTimeout(this.toastTimer);
    this.live.replaceChildren(el(this.doc, 'span', {}, text));
    this.toastTimer = setTimeout(() => this.clearToast(), 5000);
  }

  private clearToast(): void {
    const focused = this.live.contains(deepActive(this.doc));
    this.live.classList.remove('shown');
    this.live.replaceChildren();
    // After the children go: a browser that blurs a removed button would start the timer again.
    if (this.toastTimer !== null) clearTimeout(this.toastTimer);
    this.toastTimer = null;
    const back = this.toastReturn;
    this.toastReturn = null;
    if (focused && back instanceof HTMLElement && back.isConnected) back.focus({ preventScroll: true });
  }

  /** Leaves nothing behind on the page. */
  reset(): void {
    this.hideSaveButton();
    this.closeMenu();
    this.hidePointer();
    this.clearToast();
  }
}
