// The content script's own UI (floating Save button, highlight menu, toasts)
// lives in one shadow root, so page styles cannot reach it and it cannot
// reach the page. Text is always set as text, never as HTML.

import { formatTags, parseTags } from '../tags';
import { HIGHLIGHT_COLORS, type HighlightColor } from '../types';

export const UI_ATTR = 'data-interview-highlights-ui';

const CSS_TEXT = `
:host { all: initial; }
.layer { position: fixed; inset: 0; pointer-events: none; z-index: 2147483647; font: 13px/1.4 system-ui, sans-serif; color: #222; }
.save, .menu, .toast { pointer-events: auto; position: fixed; background: #fff; border: 1px solid #bbb; border-radius: 6px; box-shadow: 0 2px 10px rgba(0,0,0,.18); }
.save { padding: 4px 10px; cursor: pointer; font: inherit; }
.save:focus-visible, .menu button:focus-visible { outline: 2px solid #1a73e8; outline-offset: 1px; }
.menu { padding: 8px; width: 260px; display: flex; flex-direction: column; gap: 6px; }
.menu textarea, .menu input { font: inherit; width: 100%; box-sizing: border-box; }
.menu .row { display: flex; gap: 6px; flex-wrap: wrap; align-items: center; }
.menu button { font: inherit; cursor: pointer; }
.swatch { width: 20px; height: 20px; border-radius: 50%; border: 1px solid #888; padding: 0; }
.swatch[aria-pressed="true"] { outline: 2px solid #222; }
.toast { left: 50%; transform: translateX(-50%); bottom: 24px; padding: 8px 12px; display: flex; gap: 10px; align-items: center; }
.toast button { font: inherit; cursor: pointer; }
`;

const SWATCH: Record<HighlightColor, string> = {
  yellow: '#ffdd00',
  green: '#50c878',
  blue: '#5aa0ff',
  pink: '#ff78b4',
  purple: '#aa78ff',
};

export interface MenuModel {
  note: string;
  tags: string[];
  color: HighlightColor;
}

export interface MenuActions {
  save(patch: { note: string; tags: string[] }): void;
  setColor(color: HighlightColor): void;
  copyMarkdown(): void;
  remove(): void;
}

function el<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  props: Partial<Record<string, string>> = {},
  text?: string,
): HTMLElementTagNameMap[K] {
  const e = doc.createElement(tag);
  for (const [k, v] of Object.entries(props)) if (v !== undefined) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
}

export class ContentUI {
  readonly host: HTMLElement;
  private readonly root: ShadowRoot;
  private readonly layer: HTMLElement;
  private saveButton: HTMLButtonElement | null = null;
  private menu: HTMLElement | null = null;
  private toastEl: HTMLElement | null = null;
  private toastTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly doc: Document) {
    this.host = el(doc, 'div', { [UI_ATTR]: '' });
    this.root = this.host.attachShadow({ mode: 'open' });
    this.layer = el(doc, 'div', { class: 'layer' });
    try {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(CSS_TEXT);
      this.root.adoptedStyleSheets = [sheet];
    } catch {
      // Constructed sheets can be refused across worlds (Firefox Xrays); a style inside our own shadow root is still not the page's.
      this.root.append(el(doc, 'style', {}, CSS_TEXT));
    }
    this.root.append(this.layer);
  }

  /** Attached lazily, outside <body>, so a single-page app swapping its body leaves it alone. */
  private mount(): void {
    if (!this.host.isConnected) this.doc.documentElement.append(this.host);
  }

  contains(node: Node | null): boolean {
    if (!node) return false;
    return node === this.host || this.host.contains(node) || this.root.contains(node);
  }

  showSaveButton(rect: DOMRect, onSave: () => void): void {
    this.mount();
    if (!this.saveButton) {
      const b = el(
        this.doc,
        'button',
        { class: 'save', type: 'button', 'aria-label': 'Save highlight' },
        'Save',
      );
      b.addEventListener('mousedown', (e) => e.preventDefault()); // keep the page selection
      b.addEventListener('keydown', (e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          this.hideSaveButton();
        }
      });
      this.layer.append(b);
      this.saveButton = b;
    }
    const b = this.saveButton;
    b.onclick = (e) => {
      e.preventDefault();
      onSave();
    };
    // Beside the selection's end, nudged inside the viewport.
    const vw = this.doc.defaultView?.innerWidth ?? 1024;
    const vh = this.doc.defaultView?.innerHeight ?? 768;
    const left = Math.min(Math.max(4, rect.right + 6), vw - 70);
    const top = Math.min(Math.max(4, rect.bottom + 6), vh - 34);
    b.style.left = `${left}px`;
    b.style.top = `${top}px`;
  }

  get saveButtonShown(): boolean {
    return this.saveButton !== null;
  }

  focusSaveButton(): void {
    this.saveButton?.focus();
  }

  hideSaveButton(): void {
    this.saveButton?.remove();
    this.saveButton = null;
  }

  openMenu(x: number, y: number, model: MenuModel, actions: MenuActions): void {
    this.mount();
    this.closeMenu();
    const d = this.doc;
    const menu = el(d, 'div', { class: 'menu', role: 'dialog', 'aria-label': 'Highlight' });
    const note = el(d, 'textarea', { rows: '3', placeholder: 'Note', 'aria-label': 'Note' });
    note.value = model.note;
    const tags = el(d, 'input', { type: 'text', placeholder: 'tags, comma separated', 'aria-label': 'Tags' });
    tags.value = formatTags(model.tags);
    const swatches = el(d, 'div', { class: 'row', role: 'group', 'aria-label': 'Color' });
    for (const c of HIGHLIGHT_COLORS) {
      const s = el(d, 'button', {
        type: 'button',
        class: 'swatch',
        'aria-label': c,
        'aria-pressed': String(c === model.color),
        'data-color': c,
      });
      s.style.background = SWATCH[c];
      s.addEventListener('click', () => {
        for (const other of swatches.querySelectorAll('button'))
          other.setAttribute('aria-pressed', String(other === s));
        actions.setColor(c);
      });
      swatches.append(s);
    }
    const buttons = el(d, 'div', { class: 'row' });
    const save = el(d, 'button', { type: 'button', 'data-action': 'save' }, 'Save note');
    const copy = el(d, 'button', { type: 'button', 'data-action': 'copy' }, 'Copy as Markdown');
    const del = el(d, 'button', { type: 'button', 'data-action': 'delete' }, 'Delete');
    save.addEventListener('click', () => {
      actions.save({ note: note.value, tags: parseTags(tags.value) });
      this.closeMenu();
    });
    copy.addEventListener('click', () => actions.copyMarkdown());
    del.addEventListener('click', () => {
      this.closeMenu();
      actions.remove();
    });
    buttons.append(save, copy, del);
    menu.append(note, tags, swatches, buttons);
    menu.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') this.closeMenu();
    });
    const vw = d.defaultView?.innerWidth ?? 1024;
    const vh = d.defaultView?.innerHeight ?? 768;
    menu.style.left = `${Math.min(Math.max(4, x), vw - 276)}px`;
    menu.style.top = `${Math.min(Math.max(4, y + 12), vh - 200)}px`;
    this.layer.append(menu);
    this.menu = menu;
    note.focus();
  }

  get menuOpen(): boolean {
    return this.menu !== null;
  }

  closeMenu(): void {
    this.menu?.remove();
    this.menu = null;
  }

  toast(text: string, action?: { label: string; run: () => void }, ms = 5000): void {
    this.mount();
    this.toastEl?.remove();
    if (this.toastTimer !== null) clearTimeout(this.toastTimer);
    const t = el(this.doc, 'div', { class: 'toast', role: 'status', 'aria-live': 'polite' });
    t.append(el(this.doc, 'span', {}, text));
    if (action) {
      const b = el(this.doc, 'button', { type: 'button', 'data-action': 'toast' }, action.label);
      b.addEventListener('click', () => {
        t.remove();
        action.run();
      });
      t.append(b);
    }
    this.layer.append(t);
    this.toastEl = t;
    this.toastTimer = setTimeout(() => {
      t.remove();
      if (this.toastEl === t) this.toastEl = null;
    }, ms);
  }

  /** Leaves nothing behind on the page. */
  reset(): void {
    this.hideSaveButton();
    this.closeMenu();
    this.toastEl?.remove();
    this.toastEl = null;
    if (this.toastTimer !== null) clearTimeout(this.toastTimer);
    this.toastTimer = null;
  }
}
