// The content script's session on one tab: it reads the page (page.ts),
// places and paints the saved highlights (placing.ts), captures new ones
// (saving.ts), wires the in-page UI (page-ui.ts) and answers the popup and the
// background. Everything it starts (listeners, timers, anchoring, the settings
// subscription) hangs on one AbortController, so stop() leaves nothing behind.

import { rangeFromOffsets } from '../anchor';
import {
  checkMessage,
  fail,
  ok,
  TO_CONTENT,
  type Message,
  type MessageType,
  type PageState,
  type Reply,
} from '../messages';
import { DEFAULT_SETTINGS, type Settings } from '../types';
import type { ContentEnv, MessageListener } from './env';
import { PageReader } from './page';
import { PageUI } from './page-ui';
import { fromOwnExtension } from './sender';
import { Painter } from './paint';
import { Placement } from './placing';
import { type SaveChoice, Saving } from './saving';
import { watchPage } from './spa';
import { Timer } from './timer';
import { ContentUI } from './ui';

/** After the address or the content changes, the page gets this long to swap its content in. */
export const REFRESH_DELAY_MS = 300;

export class ContentSession {
  readonly painter: Painter;
  readonly ui: ContentUI;
  readonly page: PageReader;
  settings: Settings = DEFAULT_SETTINGS;

  private readonly controller = new AbortController();
  private readonly refreshTimer = new Timer(this.controller.signal);
  readonly placement: Placement;
  private readonly saving: Saving;
  private pageUI: PageUI | null = null;

  constructor(private readonly env: ContentEnv) {
    const document = env.window.document;
    this.painter = new Painter(document);
    this.ui = new ContentUI(document);
    this.page = new PageReader(env);
    this.placement = new Placement(env, this.page, this.painter, this.controller.signal);
    this.saving = new Saving({
      env,
      page: this.page,
      placement: this.placement,
      painter: this.painter,
      ui: this.ui,
      refresh: () => this.refreshPage(),
      color: () => this.settings.defaultColor,
      open: (h, opts) => this.pageUI?.openSaved(h, opts),
    });
  }

  start(): void {
    const { signal } = this.controller;
    if (signal.aborted) return;
    void this.loadSettings();
    void this.refreshPage();
    const stopWatching = watchPage(
      this.env.window,
      { onUrlChange: () => this.onUrlChange(), onContentAdded: () => this.scheduleRefresh() },
      { ignore: (n) => this.ui.contains(n) },
    );
    signal.addEventListener('abort', stopWatching, { once: true });
    this.env.onMessage.addListener(this.onMessage);
    signal.addEventListener('abort', () => this.env.onMessage.removeListener(this.onMessage), { once: true });
    this.pageUI = new PageUI(
      {
        env: this.env,
        page: this.page,
        placement: this.placement,
        painter: this.painter,
        ui: this.ui,
        settings: () => this.settings,
        saveSelection: (choice) =>
          void this.saveSelection(choice).catch((e: unknown) => this.failed('selection:save', e)),
      },
      signal,
    );
  }

  /** Ends the session: every listener, timer and pending piece of work goes, and nothing stays painted. */
  stop(): void {
    this.controller.abort();
    this.painter.clear();
    this.ui.reset();
  }

  /**
   * The previous page's paint goes at once; extraction waits for the app to
   * swap its content in (pushState comes before the new DOM), so one pass
   * sees the new page instead of the old content under the new address.
   */
  private onUrlChange(): void {
    if (this.page.movedAway()) {
      this.placement.forget();
      this.ui.reset();
      // The background clears the badge on every move to another page; report
      // again even when the app came back before the next read (A → B → A).
      this.page.reportAgain();
    }
    this.scheduleRefresh();
  }

  private scheduleRefresh(delay = REFRESH_DELAY_MS): void {
    this.refreshTimer.start(delay, () => void this.refreshPage());
  }

  private async loadSettings(): Promise<void> {
    try {
      this.settings = await this.env.settings.load();
      this.ui.colorNames = this.settings.colorNames;
    } catch {
      // Defaults are a fine way to keep working when settings cannot be read.
    }
    const { signal } = this.controller;
    if (signal.aborted) return;
    const unsubscribe = this.env.settings.onChanged((s: Settings) => {
      this.settings = s;
      this.ui.colorNames = s.colorNames;
      if (!s.showSaveButton) this.ui.hideSaveButton();
    });
    signal.addEventListener('abort', unsubscribe, { once: true });
  }

  get articleKey(): string {
    return this.page.articleKey;
  }

  /** Re-extracts when the URL changed or the article's text did; repaints for the new state. */
  async refreshPage(): Promise<void> {
    if (this.controller.signal.aborted) return;
    this.refreshTimer.cancel();
    const changed = this.page.refresh();
    if (!changed) return;
    // Paint and UI of the previous page must not linger on the next one.
    if (changed.pageChanged) {
      this.placement.clear();
      this.ui.reset();
    }
    await this.placement.load();
  }

  saveSelection(choice: SaveChoice = {}): ReturnType<Saving['saveSelection']> {
    return this.saving.saveSelection(choice);
  }

  saveSection(sectionId: string, paragraphIndex?: number): ReturnType<Saving['saveSection']> {
    return this.saving.saveSection(sectionId, paragraphIndex);
  }

  // ---- Popup requests ----

  pageState(): PageState {
    const placed = this.painter.ids();
    const state: PageState = {
      interview: this.page.interview,
      articleKey: this.articleKey,
      orphanedIds: [...this.placement.orphaned],
      placedIds: placed,
    };
    return this.page.tooLarge ? { ...state, tooLarge: true } : state;
  }

  scrollTo(sectionId: string): Reply<null> {
    const span = this.page.getSpans().find((s) => s.id === sectionId);
    if (!span) return fail('That question is not on this page.');
    const range = rangeFromOffsets(this.page.getIndex(), span.start, span.questionEnd);
    if (!range) return fail('That question is not on this page.');
    const node = range.startContainer;
    const target = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
    target?.scrollIntoView({ behavior: 'smooth', block: 'center' });
    this.painter.flash(range);
    return ok(null);
  }

  /** The popup's "show me this one": the page scrolls to a painted highlight and flashes it. */
  showHighlight(id: string): Reply<null> {
    const range = this.painter.get(id)?.range;
    if (!range) return fail('That highlight is not on the page now.');
    const node = range.startContainer;
    const target = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
    target?.scrollIntoView({ behavior: 'smooth', block: 'center' });
    this.painter.flash(range);
    return ok(null);
  }

  // ---- Messages ----

  private readonly onMessage: MessageListener = (raw, sender) => {
    if (!fromOwnExtension(sender, this.env.extensionId, this.env.extensionOrigin)) return undefined;
    const parsed = checkMessage(raw);
    if (!parsed.ok) return Promise.resolve(fail(parsed.error));
    if (!(TO_CONTENT as readonly string[]).includes(parsed.message.type)) return undefined;
    const type = parsed.message.type;
    return this.handle(parsed.message).catch((e: unknown) => this.failed(type, e));
  };

  /** An error no handler expected: the reader is told when it was a save, and the sender gets the reason. */
  private failed(type: MessageType, e: unknown): Reply<never> {
    const reason = e instanceof Error ? e.message : String(e);
    console.error('[interview-highlights]', type, 'failed', e);
    if (type === 'selection:save' || type === 'page:saveSection')
      this.ui.toast(`Could not save the highlight: ${reason}`);
    return fail(reason);
  }

  private async handle(m: Message): Promise<Reply<unknown>> {
    switch (m.type) {
      case 'selection:save':
        return this.saveSelection();
      case 'highlights:changed':
        if (m.articleKeys.includes(this.articleKey)) await this.placement.load();
        return ok(null);
      case 'page:get':
        await this.refreshPage();
        return ok(this.pageState());
      case 'page:scrollTo':
        return this.scrollTo(m.sectionId);
      case 'page:saveSection':
        return this.saveSection(m.sectionId, m.paragraphIndex);
      case 'page:stepHighlight':
        return ok(this.pageUI?.step(m.direction) ?? null);
      case 'page:showHighlight':
        return this.showHighlight(m.id);
      default:
        return fail(`${m.type} is not for the page`);
    }
  }
}
