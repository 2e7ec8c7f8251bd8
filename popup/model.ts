// The popup's state as signals, and the actions that change it. Components read
// signals and call actions; every effect on the world goes through PopupServices.

import { batch, computed, signal, type ReadonlySignal } from '@preact/signals';
import {
  DEFAULT_SETTINGS,
  type Article,
  type Highlight,
  type HighlightPatch,
  type Section,
  type Settings,
} from '../src/types';
import { articleFromInterview } from '../src/store/article';
import { comparePageOrder } from '../src/order';
import { parseTags } from '../src/tags';
import { isOrphan, savedParagraph, savedQa } from './order';
import { refusedAsBrowserPage } from './page-kind';
import { highlightTexts, matchesQuery, queryWords, sectionTexts } from './search';
import type { InjectResult, PageSnapshot, PopupServices } from './services';

export type Phase = 'loading' | 'ready' | 'no-receiver' | 'injecting' | 'forbidden' | 'error';

/**
 * A note is written this long after the last key, and at once on every way
 * out (blur, closing the row, the popup hiding or closing): a pause in typing
 * costs one write, not one per key.
 */
export const NOTE_WRITE_MS = 250;

/** How a row's typed edit stands: being written, written, or refused (the text stays in the field). */
export type WriteState = 'saving' | 'saved' | 'failed';

export interface Status {
  id: number;
  text: string;
  /** Rows a delete removed, offered back by Undo. */
  undo?: Highlight[];
}

export interface PopupModel {
  phase: ReadonlySignal<Phase>;
  problem: ReadonlySignal<string>;
  page: ReadonlySignal<PageSnapshot | null>;
  highlights: ReadonlySignal<Highlight[]>;
  settings: ReadonlySignal<Settings>;
  shortcut: ReadonlySignal<string | null>;
  query: ReadonlySignal<string>;
  /** The query's words in the search normal form, for matching and marks. */
  terms: ReadonlySignal<string[]>;
  /** The highlight whose row is open for editing. */
  editingId: ReadonlySignal<string | null>;
  /** Tags as typed in an open row, until they are written. */
  tagDrafts: ReadonlySignal<ReadonlyMap<string, string>>;
  writeStates: ReadonlySignal<ReadonlyMap<string, WriteState>>;
  expanded: ReadonlySignal<ReadonlySet<string>>;
  focusedId: ReadonlySignal<string | null>;
  busy: ReadonlySignal<ReadonlySet<string>>;
  status: ReadonlySignal<Status | null>;

  sections: ReadonlySignal<Section[]>;
  hasQa: ReadonlySignal<boolean>;
  visibleSections: ReadonlySignal<Section[]>;
  placedHighlights: ReadonlySignal<Highlight[]>;
  orphanHighlights: ReadonlySignal<Highlight[]>;

  /** The first load, once: the entry starts it before the first render so the tab is asked at once. */
  start(): Promise<void>;
  load(): Promise<void>;
  findOnPage(): Promise<void>;
  refreshHighlights(): Promise<void>;
  setQuery(q: string): void;
  toggleExpanded(sectionId: string): void;
  focus(sectionId: string | null): void;
  scrollTo(sectionId: string): Promise<void>;
  qaSaved(section: Section): boolean;
  paragraphSaved(section: Section, index: number): boolean;
  toggleQa(section: Section): Promise<void>;
  saveQa(section: Section): Promise<void>;
  toggleParagraph(section: Section, index: number): Promise<void>;
  editHighlight(id: string, patch: HighlightPatch): Promise<void>;
  /** Opens a row for editing (or closes it), and shows the highlight on the page. */
  openHighlight(id: string): void;
  closeEditor(): void;
  showHighlight(id: string): Promise<void>;
  typeNote(id: string, note: string): void;
  typeTags(id: string, text: string): void;
  /** Writes every typed edit now; synchronous up to the send, so a closing popup still sends it. */
  flushEdits(): void;
  deleteHighlights(ids: string[]): Promise<void>;
  undo(): Promise<void>;
  copyHighlights(): Promise<void>;
  copyInterview(): Promise<void>;
  openLibraryPage(): Promise<void>;
  dispose(): void;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

export function createPopupModel(services: PopupServices): PopupModel {
  const phase = signal<Phase>('loading');
  const problem = signal('');
  const page = signal<PageSnapshot | null>(null);
  const highlights = signal<Highlight[]>([]);
  const settings = signal<Settings>(DEFAULT_SETTINGS);
  const shortcut = signal<string | null>(null);
  const query = signal('');
  const expanded = signal<ReadonlySet<string>>(new Set());
  const focusedId = signal<string | null>(null);
  const busy = signal<ReadonlySet<string>>(new Set());
  const status = signal<Status | null>(null);
  const editingId = signal<string | null>(null);
  const tagDrafts = signal<ReadonlyMap<string, string>>(new Map());
  const writeStates = signal<ReadonlyMap<string, WriteState>>(new Map());
  // Typed and not yet sent; sent and not yet answered. Both stay over rows read
  // back from the store, which may not hold them yet.
  const typedNotes = new Map<string, string>();
  const unanswered = new Map<string, HighlightPatch>();
  let noteTimer: ReturnType<typeof setTimeout> | null = null;
  let statusCounter = 0;
  let unsubscribe: (() => void) | null = null;
  let started: Promise<void> | null = null;

  const say = (text: string, undo?: Highlight[]): void => {
    statusCounter += 1;
    status.value = undo ? { id: statusCounter, text, undo } : { id: statusCounter, text };
  };

  const sections = computed(() => page.value?.interview?.sections ?? []);
  const hasQa = computed(() => Boolean(page.value?.interview?.interview) && sections.value.length > 0);
  const terms = computed(() => queryWords(query.value));
  const visibleSections = computed(() => {
    const q = terms.value;
    return hasQa.value ? sections.value.filter((s) => matchesQuery(q, sectionTexts(s))) : [];
  });
  const ordered = computed(() => [...highlights.value].sort(comparePageOrder));
  const orphanSets = computed(() => ({
    orphaned: new Set(page.value?.orphanedIds ?? []),
    placed: new Set(page.value?.placedIds ?? []),
  }));
  const matching = computed(() => ordered.value.filter((h) => matchesQuery(terms.value, highlightTexts(h))));
  const placedHighlights = computed(() =>
    matching.value.filter((h) => !isOrphan(h, orphanSets.value.orphaned, orphanSets.value.placed)),
  );
  const orphanHighlights = computed(() =>
    matching.value.filter((h) => isOrphan(h, orphanSets.value.orphaned, orphanSets.value.placed)),
  );

  const withBusy = async <T>(key: string, work: () => Promise<T>): Promise<T | undefined> => {
    if (busy.value.has(key)) return undefined;
    busy.value = new Set([...busy.value, key]);
    try {
      return await work();
    } finally {
      const next = new Set(busy.value);
      next.delete(key);
      busy.value = next;
    }
  };

  const articleKey = (): string | null => page.value?.articleKey ?? null;

  // A saved row may arrive twice (our reply and the store's change event): one row per id.
  const upsert = (rows: Highlight[]): void => {
    const byId = new Map(highlights.value.map((h) => [h.id, h]));
    for (const r of rows) byId.set(r.id, r);
    highlights.value = [...byId.values()];
  };

  const withTyped = (h: Highlight): Highlight => {
    const sent = unanswered.get(h.id);
    const note = typedNotes.get(h.id);
    if (!sent && note === undefined) return h;
    return { ...h, ...sent, ...(note === undefined ? {} : { note }) };
  };

  const setWriteState = (id: string, state: WriteState | null): void => {
    const next = new Map(writeStates.value);
    if (state === null) next.delete(id);
    else next.set(id, state);
    writeStates.value = next;
  };

  /** Sends one edit. The send happens before the first await: a popup closing right after still delivers it. */
  const write = (id: string, patch: HighlightPatch): Promise<void> => {
    const key = articleKey();
    if (key === null) return Promise.resolve();
    const merged = { ...unanswered.get(id), ...patch };
    unanswered.set(id, merged);
    setWriteState(id, 'saving');
    let sending: Promise<void>;
    try {
      sending = services.updateHighlight(id, patch, key);
    } catch (e) {
      sending = Promise.reject(e);
    }
    return sending.then(
      () => {
        if (unanswered.get(id) === merged) {
          unanswered.delete(id);
          setWriteState(id, 'saved');
        }
      },
      (e: unknown) => {
        if (unanswered.get(id) === merged) unanswered.delete(id);
        setWriteState(id, 'failed');
        say(`Could not save the change: ${errorText(e)}`);
      },
    );
  };

  const flushEdits = (): void => {
    if (noteTimer !== null) clearTimeout(noteTimer);
    noteTimer = null;
    const ids = new Set([...typedNotes.keys(), ...tagDrafts.value.keys()]);
    if (ids.size === 0) return;
    const patches = new Map<string, HighlightPatch>();
    for (const id of ids) {
      const patch: HighlightPatch = {};
      const note = typedNotes.get(id);
      if (note !== undefined) patch.note = note;
      const tags = tagDrafts.value.get(id);
      if (tags !== undefined) patch.tags = parseTags(tags);
      patches.set(id, patch);
    }
    typedNotes.clear();
    tagDrafts.value = new Map();
    highlights.value = highlights.value.map((h) => {
      const patch = patches.get(h.id);
      return patch ? { ...h, ...patch } : h;
    });
    for (const [id, patch] of patches) void write(id, patch);
  };

  const draft = (id: string, patch: HighlightPatch): void => {
    const key = articleKey();
    if (key !== null) services.draftHighlight(id, patch, key);
  };

  const typeNote = (id: string, note: string): void => {
    typedNotes.set(id, note);
    draft(id, { note });
    highlights.value = highlights.value.map((h) => (h.id === id ? { ...h, note } : h));
    if (noteTimer !== null) clearTimeout(noteTimer);
    noteTimer = setTimeout(() => {
      noteTimer = null;
      const typed = [...typedNotes];
      typedNotes.clear();
      for (const [noteId, value] of typed) void write(noteId, { note: value });
    }, NOTE_WRITE_MS);
  };

  const typeTags = (id: string, text: string): void => {
    tagDrafts.value = new Map([...tagDrafts.value, [id, text]]);
    draft(id, { tags: parseTags(text) });
  };

  const closeEditor = (): void => {
    flushEdits();
    editingId.value = null;
  };

  const showHighlight = async (id: string): Promise<void> => {
    try {
      await services.showHighlight(id);
    } catch (e) {
      say(`Could not show it on the page: ${errorText(e)}`);
    }
  };

  const openHighlight = (id: string): void => {
    const wasOpen = editingId.value === id;
    flushEdits();
    editingId.value = wasOpen ? null : id;
    const row = highlights.value.find((h) => h.id === id);
    const onPage = row !== undefined && !isOrphan(row, orphanSets.value.orphaned, orphanSets.value.placed);
    if (!wasOpen && onPage) void showHighlight(id);
  };

  const refreshHighlights = async (): Promise<void> => {
    const key = articleKey();
    if (key === null) return;
    try {
      const rows = await services.highlightsForArticle(key);
      if (articleKey() === key) highlights.value = rows.map(withTyped);
    } catch (e) {
      say(`Could not read saved highlights: ${errorText(e)}`);
    }
  };

  const adopt = (snapshot: PageSnapshot): void => {
    batch(() => {
      page.value = snapshot;
      phase.value = 'ready';
      const first = snapshot.interview?.sections[0];
      if (focusedId.value === null && first) focusedId.value = first.id;
    });
    // The questions paint first; the store and settings fill in after.
    void refreshHighlights();
    unsubscribe ??= services.onLibraryChange(() => void refreshHighlights());
  };

  const load = async (): Promise<void> => {
    phase.value = 'loading';
    void services.loadSettings().then(
      (s) => (settings.value = s),
      () => undefined,
    );
    void services.selectionShortcut().then(
      (s) => (shortcut.value = s),
      () => undefined,
    );
    const result = await services.getPage();
    if (result.status === 'ok') adopt(result.page);
    else if (result.status === 'no-receiver') phase.value = 'no-receiver';
    else {
      problem.value = result.message;
      phase.value = 'error';
    }
  };

  const findOnPage = async (): Promise<void> => {
    phase.value = 'injecting';
    let injected: InjectResult;
    try {
      injected = await services.inject();
    } catch (e) {
      injected = { status: 'forbidden' as const, message: errorText(e) };
    }
    if (injected.status === 'forbidden') {
      const url = await services.tabUrl().catch(() => null);
      problem.value = injected.message;
      phase.value = refusedAsBrowserPage(injected.message, url) ? 'forbidden' : 'error';
      return;
    }
    // The script registers its listener as it runs, but give a slow page a moment.
    for (let attempt = 0; attempt < 5; attempt++) {
      const result = await services.getPage();
      if (result.status === 'ok') return adopt(result.page);
      if (result.status === 'error') {
        problem.value = result.message;
        phase.value = 'error';
        return;
      }
      await sleep(100 * (attempt + 1));
    }
    problem.value = 'The page did not answer after the script was added.';
    phase.value = 'error';
  };

  const afterWrite = async (): Promise<void> => {
    const key = articleKey();
    if (key !== null) await services.libraryChanged([key]).catch(() => undefined);
  };

  const remove = async (rows: Highlight[], what: string): Promise<void> => {
    if (rows.length === 0) return;
    const ids = new Set(rows.map((h) => h.id));
    const before = highlights.value;
    highlights.value = before.filter((h) => !ids.has(h.id));
    try {
      const removed = await services.deleteHighlights([...ids]);
      await afterWrite();
      say(`${what} removed.`, removed.length > 0 ? removed : rows);
    } catch (e) {
      highlights.value = before;
      say(`Could not remove: ${errorText(e)}`);
    }
  };

  const qaSaved = (section: Section): boolean => savedQa(highlights.value, section).length > 0;
  const paragraphSaved = (section: Section, index: number): boolean =>
    savedParagraph(highlights.value, section, index).length > 0;

  const save = async (section: Section, index?: number): Promise<void> => {
    const key = index === undefined ? `qa:${section.id}` : `p:${section.id}:${index}`;
    await withBusy(key, async () => {
      try {
        const saved = await services.saveSection(section.id, index);
        upsert([saved]);
        say(index === undefined ? `Saved “${section.question}”.` : 'Paragraph saved.');
      } catch (e) {
        say(`Could not save: ${errorText(e)}`);
      }
    });
  };

  const saveQa = async (section: Section): Promise<void> => {
    if (qaSaved(section)) say(`Already saved: “${section.question}”.`);
    else await save(section);
  };

  const toggleQa = async (section: Section): Promise<void> => {
    const rows = savedQa(highlights.value, section);
    if (rows.length > 0) await remove(rows, 'Q&A');
    else await save(section);
  };

  const toggleParagraph = async (section: Section, index: number): Promise<void> => {
    const rows = savedParagraph(highlights.value, section, index);
    if (rows.length > 0) await remove(rows, 'Paragraph');
    else await save(section, index);
  };

  const editHighlight = async (id: string, patch: HighlightPatch): Promise<void> => {
    highlights.value = highlights.value.map((h) => (h.id === id ? { ...h, ...patch } : h));
    await write(id, patch);
  };

  const deleteHighlights = async (ids: string[]): Promise<void> => {
    const wanted = new Set(ids);
    const rows = highlights.value.filter((h) => wanted.has(h.id));
    if (editingId.value !== null && wanted.has(editingId.value)) editingId.value = null;
    await remove(rows, rows.length === 1 ? 'Highlight' : `${rows.length} highlights`);
  };

  const undo = async (): Promise<void> => {
    const rows = status.value?.undo;
    if (!rows || rows.length === 0) return;
    try {
      await services.restoreHighlights(rows);
      upsert(rows);
      await afterWrite();
      say(rows.length === 1 ? 'Restored.' : `Restored ${rows.length} highlights.`);
    } catch (e) {
      say(`Could not restore: ${errorText(e)}`);
    }
  };

  const copy = async (render: () => Promise<string>, done: string): Promise<void> => {
    try {
      await services.copyText(await render());
      say(done);
    } catch (e) {
      say(`Could not copy: ${errorText(e)}`);
    }
  };

  const copyHighlights = async (): Promise<void> => {
    const snapshot = page.value;
    if (!snapshot) return;
    const rows = ordered.value;
    if (rows.length === 0) return say('No highlights on this page yet.');
    let article: Article | undefined;
    try {
      article = await services.getArticle(snapshot.articleKey);
    } catch {
      article = undefined;
    }
    article ??= snapshot.interview
      ? articleFromInterview(snapshot.interview, snapshot.interview.url, Date.now())
      : undefined;
    if (!article) return say('Could not find this page in the library.');
    const found = article;
    await copy(
      () => services.renderHighlights(found, rows, settings.value.export),
      rows.length === 1 ? 'Copied 1 highlight as Markdown.' : `Copied ${rows.length} highlights as Markdown.`,
    );
  };

  const copyInterview = async (): Promise<void> => {
    const interview = page.value?.interview;
    if (!interview || !hasQa.value) return say('No Q&A on this page to copy.');
    await copy(
      () => services.renderInterview(interview),
      `Copied the whole interview (${interview.sections.length} questions) as Markdown.`,
    );
  };

  return {
    phase,
    problem,
    page,
    highlights,
    settings,
    shortcut,
    query,
    terms,
    editingId,
    tagDrafts,
    writeStates,
    expanded,
    focusedId,
    busy,
    status,
    sections,
    hasQa,
    visibleSections,
    placedHighlights,
    orphanHighlights,
    start: () => (started ??= load()),
    load,
    findOnPage,
    refreshHighlights,
    setQuery: (q) => (query.value = q),
    toggleExpanded: (id) => {
      const next = new Set(expanded.value);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      expanded.value = next;
    },
    focus: (id) => (focusedId.value = id),
    scrollTo: async (id) => {
      try {
        await services.scrollTo(id);
      } catch (e) {
        say(`Could not scroll the page: ${errorText(e)}`);
      }
    },
    qaSaved,
    paragraphSaved,
    toggleQa,
    saveQa,
    toggleParagraph,
    editHighlight,
    openHighlight,
    closeEditor,
    showHighlight,
    typeNote,
    typeTags,
    flushEdits,
    deleteHighlights,
    undo,
    copyHighlights,
    copyInterview,
    openLibraryPage: async () => {
      try {
        await services.openLibraryPage();
      } catch (e) {
        say(`Could not open the library: ${errorText(e)}`);
      }
    },
    dispose: () => {
      flushEdits();
      unsubscribe?.();
      unsubscribe = null;
    },
  };
}
