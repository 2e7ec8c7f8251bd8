// One page API for the real-browser scenarios, whichever browser runs them.
// Each driver (drivers/chromium.ts over Playwright, drivers/firefox.ts over
// Puppeteer and WebDriver BiDi) supplies a handful of primitives: navigate,
// evaluate, real mouse clicks and key presses. Everything else, finding
// elements included, is done here the same way for both, so a scenario reads
// and behaves the same in Chromium and Firefox.
//
// Elements are found by an engine that runs in the page (inPage below): CSS
// steps that look into open shadow roots, roles with accessible names, text
// filters, an index. A click scrolls the element into view, checks that the
// point is not covered by something else, and presses the real mouse there,
// as a reader would; like Playwright's, an action on a locator that matches
// several elements fails instead of picking one.

/** What a driver does for a page; the rest of TestPage is built on these. */
export interface PagePrimitives {
  /** The document's address now (after pushState too). */
  url(): Promise<string>;
  goto(url: string, timeoutMs: number): Promise<void>;
  reload(timeoutMs: number): Promise<void>;
  close(): Promise<void>;
  bringToFront(): Promise<void>;
  title(): Promise<string>;
  /** fn is serialised to its source and run in the page: it may use only its argument. */
  evaluate<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  waitForFunction<A>(
    fn: (arg: A) => unknown,
    arg: A,
    timeoutMs: number,
    polling: 'raf' | number,
  ): Promise<void>;
  mouseClick(x: number, y: number, button: 'left' | 'right'): Promise<void>;
  type(text: string): Promise<void>;
  press(key: string): Promise<void>;
  screenshot(path: string, fullPage: boolean): Promise<void>;
  setViewport(width: number, height: number): Promise<void>;
  /** Sets the files of the <input type=file> matched by css (in the page's own DOM). */
  setInputFiles(css: string, path: string): Promise<void>;
}

type TextMatch = { s: string } | { re: string; flags: string };

interface Step {
  css?: string;
  role?: string;
  name?: TextMatch;
  hasText?: TextMatch;
  nth?: number;
}

type Op =
  | { op: 'count' }
  | { op: 'texts' }
  | { op: 'text' }
  | { op: 'attr'; name: string }
  | { op: 'value' }
  | { op: 'visible' }
  | { op: 'point' }
  | { op: 'focus' }
  | { op: 'select' };

type Answer = { ok: true; value: unknown } | { ok: false; error: string };

/**
 * The element engine, run in the page. Self-contained: it is sent as source.
 * Text matching follows Playwright's: a string matches case-insensitively as
 * a substring of the whitespace-collapsed text, a RegExp as written.
 */
function inPage(req: { steps: Step[]; op: Op }): Answer {
  const squash = (s: string | null | undefined): string => (s ?? '').replace(/\s+/g, ' ').trim();
  const matches = (m: TextMatch, text: string): boolean =>
    're' in m
      ? new RegExp(m.re, m.flags).test(squash(text))
      : squash(text).toLowerCase().includes(squash(m.s).toLowerCase());
  const ROLES: Record<string, string> = {
    alert: '[role="alert"]',
    button: 'button, [role="button"], input[type="button"], input[type="submit"]',
    checkbox: 'input[type="checkbox"], [role="checkbox"]',
    dialog: 'dialog, [role="dialog"]',
    link: 'a[href], [role="link"]',
    searchbox: 'input[type="search"], [role="searchbox"]',
    status: 'output, [role="status"]',
    textbox: 'textarea, input:not([type]), input[type="text"], [role="textbox"]',
  };
  const nameOf = (el: Element): string => {
    const label = el.getAttribute('aria-label');
    if (label) return label;
    const by = el.getAttribute('aria-labelledby');
    const root = el.getRootNode() as Document | ShadowRoot;
    if (by)
      return by
        .split(/\s+/)
        .map((id) => root.getElementById(id)?.textContent ?? '')
        .join(' ');
    const labels = (el as HTMLInputElement).labels;
    if (labels && labels.length > 0) return Array.from(labels, (l) => l.textContent ?? '').join(' ');
    if (el.matches('input, textarea'))
      return el.getAttribute('title') ?? el.getAttribute('placeholder') ?? '';
    return el.textContent ?? '';
  };
  /** css matches under root, in the light tree and in every open shadow root below it. */
  const deepAll = (root: Document | Element | ShadowRoot, css: string): Element[] => {
    const out: Element[] = [];
    const walk = (r: Document | Element | ShadowRoot): void => {
      out.push(...Array.from(r.querySelectorAll(css)));
      if (r instanceof Element && r.shadowRoot) walk(r.shadowRoot);
      for (const el of Array.from(r.querySelectorAll('*'))) if (el.shadowRoot) walk(el.shadowRoot);
    };
    walk(root);
    return [...new Set(out)];
  };
  let found: (Document | Element)[] = [document];
  for (const step of req.steps) {
    let next: Element[] = [];
    if (step.css !== undefined || step.role !== undefined) {
      const css = step.css ?? ROLES[step.role!];
      if (!css) return { ok: false, error: `no selector for role ${step.role}` };
      for (const root of found) next.push(...deepAll(root, css));
      next = [...new Set(next)];
    } else {
      next = found.filter((f): f is Element => f instanceof Element);
    }
    if (step.name) next = next.filter((el) => matches(step.name!, nameOf(el)));
    if (step.hasText) next = next.filter((el) => matches(step.hasText!, el.textContent ?? ''));
    if (step.nth !== undefined) {
      const el = step.nth < 0 ? next[next.length + step.nth] : next[step.nth];
      next = el ? [el] : [];
    }
    found = next;
  }
  const els = found as Element[];
  const op = req.op;
  if (op.op === 'count') return { ok: true, value: els.length };
  if (op.op === 'texts') return { ok: true, value: els.map((e) => e.textContent ?? '') };
  if (els.length !== 1) return { ok: false, error: `${els.length} elements match` };
  const el = els[0] as HTMLElement;
  const rectOf = (): DOMRect => el.getBoundingClientRect();
  const visible = (): boolean => {
    const r = rectOf();
    return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden';
  };
  switch (op.op) {
    case 'text':
      return { ok: true, value: el.textContent ?? '' };
    case 'attr':
      return { ok: true, value: el.getAttribute(op.name) };
    case 'value':
      return { ok: true, value: (el as HTMLInputElement).value };
    case 'visible':
      return { ok: true, value: visible() };
    case 'focus':
      el.focus();
      return { ok: true, value: null };
    case 'select':
      el.focus();
      if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) el.select();
      return { ok: true, value: null };
    case 'point': {
      if (!visible()) return { ok: false, error: 'not visible' };
      const r = rectOf();
      if (r.top < 0 || r.left < 0 || r.bottom > innerHeight || r.right > innerWidth) {
        // Measured again on the next try: a windowed list lays itself out again after a scroll.
        el.scrollIntoView({ block: 'center', inline: 'center' });
        return { ok: false, error: 'scrolled into view' };
      }
      const x = r.left + r.width / 2;
      const y = r.top + r.height / 2;
      // What the mouse would hit there, looking into shadow roots.
      let hit: Element | null = document.elementFromPoint(x, y);
      while (hit?.shadowRoot) {
        const inner = hit.shadowRoot.elementFromPoint(x, y);
        if (!inner || inner === hit) break;
        hit = inner;
      }
      let n: Node | null = hit;
      while (n && n !== el) n = n.parentNode ?? (n instanceof ShadowRoot ? n.host : null);
      if (!n) {
        // Under a sticky bar, say: the middle of the view is clear of it. Then measured again.
        el.scrollIntoView({ block: 'center', inline: 'center' });
        return { ok: false, error: `covered by ${hit?.outerHTML.slice(0, 80) ?? 'nothing'}` };
      }
      return { ok: true, value: { x, y } };
    }
  }
}

const toMatch = (m: string | RegExp): TextMatch =>
  typeof m === 'string' ? { s: m } : { re: m.source, flags: m.flags };

const DEFAULT_TIMEOUT = 10_000;
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** A description of elements, resolved afresh on every call (like Playwright's Locator). */
export class Locator {
  constructor(
    private readonly page: PagePrimitives,
    private readonly steps: Step[],
    private readonly label: string,
  ) {}

  private with(step: Step, label: string): Locator {
    return new Locator(this.page, [...this.steps, step], `${this.label} ${label}`);
  }

  locator(css: string, opts: { hasText?: string | RegExp } = {}): Locator {
    return this.with({ css, ...(opts.hasText !== undefined ? { hasText: toMatch(opts.hasText) } : {}) }, css);
  }

  getByRole(role: string, opts: { name?: string | RegExp } = {}): Locator {
    return this.with(
      { role, ...(opts.name !== undefined ? { name: toMatch(opts.name) } : {}) },
      `role=${role}${opts.name !== undefined ? `[name=${String(opts.name)}]` : ''}`,
    );
  }

  filter(opts: { hasText: string | RegExp }): Locator {
    return this.with({ hasText: toMatch(opts.hasText) }, `:has-text(${String(opts.hasText)})`);
  }

  nth(i: number): Locator {
    return this.with({ nth: i }, `>> nth=${i}`);
  }

  first(): Locator {
    return this.nth(0);
  }

  private async ask(op: Op): Promise<Answer> {
    return this.page.evaluate(inPage, { steps: this.steps, op });
  }

  /** Retries op until the locator resolves to one element, then returns its value. */
  private async one<T>(op: Op, timeoutMs = DEFAULT_TIMEOUT): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const a = await this.ask(op);
      if (a.ok) return a.value as T;
      if (Date.now() > deadline) throw new Error(`${this.label}: ${a.error} (after ${timeoutMs} ms)`);
      await sleep(100);
    }
  }

  async count(): Promise<number> {
    return this.one<number>({ op: 'count' }, 0);
  }

  async allTextContents(): Promise<string[]> {
    return this.one<string[]>({ op: 'texts' }, 0);
  }

  textContent(opts: { timeout?: number } = {}): Promise<string> {
    return this.one({ op: 'text' }, opts.timeout);
  }

  getAttribute(name: string): Promise<string | null> {
    return this.one({ op: 'attr', name });
  }

  inputValue(): Promise<string> {
    return this.one({ op: 'value' });
  }

  /** False when nothing matches, like Playwright's. */
  async isVisible(): Promise<boolean> {
    const a = await this.ask({ op: 'visible' });
    if (a.ok) return a.value as boolean;
    if (a.error.startsWith('0 ')) return false;
    throw new Error(`${this.label}: ${a.error}`);
  }

  async waitFor(opts: { timeout?: number } = {}): Promise<void> {
    const deadline = Date.now() + (opts.timeout ?? DEFAULT_TIMEOUT);
    for (;;) {
      const a = await this.ask({ op: 'visible' });
      if (a.ok && a.value === true) return;
      // Several matches is an error, as for an action (use first() or nth()).
      if (!a.ok && !a.error.startsWith('0 ')) throw new Error(`${this.label}: ${a.error}`);
      if (Date.now() > deadline)
        throw new Error(`${this.label}: not visible after ${opts.timeout ?? DEFAULT_TIMEOUT} ms`);
      await sleep(100);
    }
  }

  /** A real mouse click on the middle of the element, once it is visible and not covered. */
  async click(opts: { timeout?: number } = {}): Promise<void> {
    // Like Playwright's "stable" check: the same point twice, a few frames apart, so a list
    // still settling after the last action does not move the target from under the mouse.
    const deadline = Date.now() + (opts.timeout ?? DEFAULT_TIMEOUT);
    let at = await this.one<{ x: number; y: number }>({ op: 'point' }, opts.timeout);
    for (;;) {
      await sleep(80);
      const now = await this.one<{ x: number; y: number }>(
        { op: 'point' },
        Math.max(0, deadline - Date.now()),
      );
      if ((now.x === at.x && now.y === at.y) || Date.now() > deadline) break;
      at = now;
    }
    await this.page.mouseClick(at.x, at.y, 'left');
  }

  async focus(): Promise<void> {
    await this.one({ op: 'focus' });
  }

  /** Replaces the field's text by typing it with real key presses. */
  async fill(text: string): Promise<void> {
    await this.one({ op: 'select' });
    if (text === '') await this.page.press('Backspace');
    else await this.page.type(text);
  }
}

/** A tab in either browser, with the page API the scenarios use. */
export class TestPage {
  readonly keyboard: { type(text: string): Promise<void>; press(key: string): Promise<void> };
  readonly mouse: { click(x: number, y: number, opts?: { button?: 'left' | 'right' }): Promise<void> };

  constructor(private readonly driver: PagePrimitives) {
    this.keyboard = { type: (t) => driver.type(t), press: (k) => driver.press(k) };
    this.mouse = { click: (x, y, opts) => driver.mouseClick(x, y, opts?.button ?? 'left') };
  }

  url(): Promise<string> {
    return this.driver.url();
  }

  goto(url: string, opts: { timeout?: number } = {}): Promise<void> {
    return this.driver.goto(url, opts.timeout ?? 30_000);
  }

  reload(opts: { timeout?: number } = {}): Promise<void> {
    return this.driver.reload(opts.timeout ?? 30_000);
  }

  close(): Promise<void> {
    return this.driver.close();
  }

  bringToFront(): Promise<void> {
    return this.driver.bringToFront();
  }

  title(): Promise<string> {
    return this.driver.title();
  }

  evaluate<R>(fn: () => R | Promise<R>): Promise<R>;
  evaluate<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  evaluate<R, A>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R> {
    return this.driver.evaluate(fn, arg as A);
  }

  waitForFunction<A>(
    fn: (arg: A) => unknown,
    arg: A,
    opts: { timeout?: number; polling?: 'raf' | number } = {},
  ): Promise<void> {
    return this.driver.waitForFunction(fn, arg, opts.timeout ?? 30_000, opts.polling ?? 'raf');
  }

  waitForTimeout(ms: number): Promise<void> {
    return sleep(ms);
  }

  screenshot(opts: { path: string; fullPage?: boolean }): Promise<void> {
    return this.driver.screenshot(opts.path, opts.fullPage ?? false);
  }

  setViewportSize(size: { width: number; height: number }): Promise<void> {
    return this.driver.setViewport(size.width, size.height);
  }

  setInputFiles(css: string, path: string): Promise<void> {
    return this.driver.setInputFiles(css, path);
  }

  locator(css: string, opts: { hasText?: string | RegExp } = {}): Locator {
    return new Locator(this.driver, [], '').locator(css, opts);
  }

  getByRole(role: string, opts: { name?: string | RegExp } = {}): Locator {
    return new Locator(this.driver, [], '').getByRole(role, opts);
  }
}
