// The page's state as signals, and every action the components can take. The
// components stay small: they read these signals and call these functions.

import { batch, computed, signal, type ReadonlySignal } from '@preact/signals';
import {
  DEFAULT_SETTINGS,
  type Article,
  type ExportOptions,
  type Highlight,
  type HighlightColor,
  type Settings,
} from '../src/types';
import { messageOf } from './errors';
import {
  facetCounts,
  facetCountsSteps,
  filterHighlights,
  filterHighlightsSteps,
  isoDate,
  type FacetCounts,
} from './logic/apply-filters';
import { formatTags, parseTags } from '../src/tags';
import { EMPTY_FILTERS, isFiltering, searchFromFilters, type LibraryFilters } from './logic/filters';
import {
  groupLibrary,
  listingSteps,
  narrowListing,
  type InterviewGroup,
  type Listing,
  type Row,
} from './logic/grouping';
import { runSliced, runSteps, type Steps } from '../src/anchor';
import { clickRow, keepVisible, NO_SELECTION, selectAll, type SelectionState } from './logic/selection';
import type { Span } from './logic/marks';
import { matchesIn, queryTerms, type SearchField } from '../src/store/search';
import type { View } from './logic/view';
import type { ExportEntry, ImportCounts, SearchHits, Services } from './services';

export interface SearchResult {
  text: string;
  /** Best first, as the store ranks them. */
  hits: SearchHits;
}

export interface LibraryModel {
  services: Services;
  loaded: ReadonlySignal<boolean>;
  loadError: ReadonlySignal<string | null>;
  articles: ReadonlySignal<ReadonlyMap<string, Article>>;
  highlights: ReadonlySignal<readonly Highlight[]>;
  filters: ReadonlySignal<LibraryFilters>;
  view: ReadonlySignal<View>;
  theme: ReadonlySignal<string | null>;
  settings: ReadonlySignal<Settings>;
  /** True once the stored settings are read (or could not be): fields typed into before would be reset. */
  settingsLoaded: ReadonlySignal<boolean>;
  selection: ReadonlySignal<SelectionState>;
  /** Checked rows that are on show, in shown order. */
  selectedShown: ReadonlySignal<readonly string[]>;
  /** The search answer for the current text, or null when not searching. */
  search: ReadonlySignal<SearchResult | null>;
  /** Highlights after search and filters. */
  shown: ReadonlySignal<readonly Highlight[]>;
  shownCount: ReadonlySignal<number>;
  groups: ReadonlySignal<readonly InterviewGroup[]>;
  rows: ReadonlySignal<readonly Row[]>;
  order: ReadonlySignal<readonly string[]>;
  /** True while only the first interviews are loaded; the rest follow. */
  partial: ReadonlySignal<boolean>;
  /** Highlights loaded (all of them once partial is false). */
  total: ReadonlySignal<number>;
  /** Text for a polite live region: counts after a search, import results. */
  status: ReadonlySignal<string>;
  /** Counts for the facet lists beside the list. */
  facets: ReadonlySignal<FacetCounts>;
  /** The highlight the keyboard is on (the row that takes Tab), or null for the first. */
  active: ReadonlySignal<string | null>;
  /** The highlight row Tab enters the list on: the active one while it is on show, else the first. */
  tabRow: ReadonlySignal<string | null>;
  /** Bumped when a row should take focus (after j/k, Escape in the editor). */
  focusRequest: ReadonlySignal<number>;
  /** The open note editor and what is typed in it; kept here so scrolling the row away loses nothing. */
  draft: ReadonlySignal<Draft | null>;
  /** Moves the keyboard by delta highlights in shown order and focuses that row. */
  moveActive(delta: number): void;
  /** Makes a row the keyboard's; focus: also focus it. */
  setActive(id: string, focus?: boolean): void;
  openEditor(h: Highlight): void;
  /** What is typed; saved after a pause (AUTOSAVE_MS), or at once by flushDraft. */
  updateDraft(patch: Partial<Pick<Draft, 'note' | 'tags'>>): void;
  /** Saves what is typed now (blur, view switch, pagehide). */
  flushDraft(): Promise<void>;
  /** Saves and closes the editor; focus goes back to its row. */
  closeEditor(): Promise<void>;

  start(): Promise<void>;
  /** Prepares search in the background; call after the first paint. */
  warmSearch(): Promise<void>;
  stop(): void;
  reload(): Promise<void>;
  setFilters(patch: Partial<LibraryFilters>): void;
  clearFilters(): void;
  setView(view: View): void;
  setTheme(theme: string | null): void;
  /** Mark spans for a field of a highlight under the current search. */
  marksFor(h: Highlight, field: SearchField, text: string, index?: number): Span[];
  /** Mark spans for text shown in another shape than stored (a whole Q&A's paragraphs) under the current search. */
  marksIn(text: string, field: SearchField): Span[];

  clickCheckbox(id: string, shift: boolean): void;
  selectAllShown(): void;
  clearSelection(): void;

  editHighlight(
    h: Highlight,
    edit: { note?: string; tags?: string[]; color?: HighlightColor },
  ): Promise<boolean>;
  deleteHighlights(ids: readonly string[]): Promise<void>;

  exportOne(group: InterviewGroup, how: 'download' | 'copy'): Promise<void>;
  exportShown(how: 'download' | 'copy'): Promise<void>;
  exportAll(): Promise<void>;
  downloadBackup(): Promise<void>;
  /** Reads, checks and imports a backup file, reporting each stage in importProgress. */
  importBackupFile(file: Blob): Promise<ImportCounts | null>;
  importError: ReadonlySignal<string | null>;
  /** While an import runs: what it is doing, and for writes how far it is (0..1). */
  importProgress: ReadonlySignal<{ label: string; fraction: number | null } | null>;
  saveSettings(patch: Partial<Settings>): Promise<void>;
  saveExportOptions(patch: Partial<ExportOptions>): Promise<void>;
}

/**
 * Resolves once the page has had a frame to paint in; in a hidden tab, where
 * frames stop, after 50 ms instead, so an import never waits for the reader.
 */
function nextPaint(): Promise<void> {
  return new Promise((resolve) => {
    setTimeout(resolve, 50);
    if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(resolve, 0));
  });
}

export interface Draft {
  id: string;
  note: string;
  /** As typed: "a, b". */
  tags: string;
}

/** A pause in typing this long saves the note. */
export const AUTOSAVE_MS = 600;

export interface ModelInit {
  filters?: LibraryFilters;
  view?: View;
  theme?: string | null;
  /** Called once, when the first rows are in the signals (for timing). */
  onFirstRows?: () => void;
  /** Called when a search's results are in the signals (for timing). */
  onSearchSettled?: (text: string) => void;
  /**
   * Keeps the open draft synchronously (the page: sessionStorage), so words
   * typed just before the tab closes or reloads, when a store write cannot
   * finish, are saved on the next load.
   */
  draftStore?: { read(): Draft | null; write(d: Draft | null): void };
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

const FIRST_SCREEN_ARTICLES = 8;

/** What the list and facets show of a full load before any search, for the filters it was built under. */
interface Prepared {
  articles: ReadonlyMap<string, Article>;
  highlights: readonly Highlight[];
  filters: LibraryFilters;
  filtered: readonly Highlight[];
  listing: Listing;
  facets: FacetCounts;
}

function* prepareSteps(
  articles: ReadonlyMap<string, Article>,
  highlights: readonly Highlight[],
  filters: LibraryFilters,
): Steps<Prepared> {
  const filtered = isFiltering(filters)
    ? yield* filterHighlightsSteps(highlights, articles, filters)
    : highlights;
  const listing = yield* listingSteps(articles, filtered, filters.sort);
  const facets = yield* facetCountsSteps(highlights, articles, filters);
  return { articles, highlights, filters, filtered, listing, facets };
}

export function importSummary(c: ImportCounts): string {
  const parts = [`${plural(c.added, 'new highlight', 'new highlights')}`];
  if (c.updated > 0) parts.push(`${c.updated} updated`);
  if (c.unchanged > 0) parts.push(`${c.unchanged} already in the library`);
  return `Imported ${parts.join(', ')}; ${plural(c.articles, 'interview', 'interviews')} added or refreshed.`;
}

export function createLibraryModel(services: Services, init: ModelInit = {}): LibraryModel {
  const loaded = signal(false);
  const loadError = signal<string | null>(null);
  const articles = signal<ReadonlyMap<string, Article>>(new Map());
  const highlights = signal<readonly Highlight[]>([]);
  const filters = signal<LibraryFilters>(init.filters ?? EMPTY_FILTERS);
  const view = signal<View>(init.view ?? 'library');
  const theme = signal<string | null>(init.theme ?? null);
  const settings = signal<Settings>(DEFAULT_SETTINGS);
  const settingsLoaded = signal(false);
  const selection = signal<SelectionState>(NO_SELECTION);
  const search = signal<SearchResult | null>(null);
  const status = signal('');
  const partial = signal(false);
  const total = computed(() => highlights.value.length);
  const importError = signal<string | null>(null);
  const importProgress = signal<{ label: string; fraction: number | null } | null>(null);
  const active = signal<string | null>(null);
  const focusRequest = signal(0);
  const draft = signal<Draft | null>(null);

  const searchText = computed(() => filters.value.text.trim());

  // The filters without the text, the same object while they do not change: a
  // keystroke then regroups nothing until the store's answer arrives.
  let lastOther: LibraryFilters | null = null;
  const otherFilters = computed<LibraryFilters>(() => {
    const f = { ...filters.value, text: '' };
    if (lastOther && searchFromFilters(lastOther) === searchFromFilters(f)) return lastOther;
    lastOther = f;
    return f;
  });

  // A full load's list and facets, built in slices before its rows reach the
  // signals (at 100,000 rows, building them in the computeds below held the
  // page for seconds). Used while the signals still hold what it was built
  // from, and dropped once they do not, so it keeps no old rows alive.
  let prepared: Prepared | null = null;
  function preparedFor(
    a: ReadonlyMap<string, Article>,
    h: readonly Highlight[],
    f: LibraryFilters,
  ): Prepared | null {
    if (prepared && prepared.articles === a && prepared.highlights === h && prepared.filters === f)
      return prepared;
    prepared = null;
    return null;
  }

  const filtered = computed<readonly Highlight[]>(() => {
    const f = otherFilters.value;
    const a = articles.value;
    const h = highlights.value;
    const p = preparedFor(a, h, f);
    if (p) return p.filtered;
    return isFiltering(f) ? filterHighlights(h, a, f) : h;
  });
  // Grouped once per change of rows or filters; a search only narrows these.
  const listing = computed<Listing>(() => {
    const f = otherFilters.value;
    const a = articles.value;
    const h = highlights.value;
    const shownRows = filtered.value;
    return preparedFor(a, h, f)?.listing ?? runSteps(listingSteps(a, shownRows, f.sort));
  });
  const narrowed = computed(() => {
    const s = search.value;
    return s === null ? null : narrowListing(listing.value, s.hits);
  });
  const groups = computed(() => narrowed.value?.groups ?? listing.value.groups);
  const shown = computed<readonly Highlight[]>(() =>
    search.value === null
      ? filtered.value
      : groups.value.flatMap((g) => g.questions.flatMap((q) => q.highlights)),
  );
  const shownCount = computed(() => groups.value.reduce((n, g) => n + g.count, 0));
  // Clearing a search shows the whole library again: the same rows, not new ones.
  const rows = computed(() => narrowed.value?.rows ?? listing.value.rows);
  const order = computed(() => narrowed.value?.order ?? listing.value.order);
  // Without reading order, which a search at 100,000 would otherwise build on every keystroke.
  const tabRow = computed<string | null>(() => {
    const a = active.value;
    const n = narrowed.value;
    if (a !== null && (n ? n.hitOf(a) !== undefined : listing.value.placement.index.has(a))) return a;
    for (const r of rows.value) if (r.kind === 'highlight') return r.highlight.id;
    return null;
  });
  const facets = computed(() => {
    const f = otherFilters.value;
    const a = articles.value;
    const h = highlights.value;
    return preparedFor(a, h, f)?.facets ?? facetCounts(h, a, f);
  });
  // Only rows on show can be acted on: a search may hide rows that stay checked.
  const selectedShown = computed<readonly string[]>(() => {
    const sel = selection.value.selected;
    return sel.size === 0 ? [] : order.value.filter((id) => sel.has(id));
  });

  let searchSeq = 0;
  async function runSearch(): Promise<void> {
    const text = searchText.value;
    const seq = ++searchSeq;
    if (text === '') {
      search.value = null;
      init.onSearchSettled?.(text);
      return;
    }
    try {
      const hits = await services.library.search(text);
      // A slower answer to an older query must not replace a newer one.
      if (seq !== searchSeq) return;
      search.value = { text, hits };
      init.onSearchSettled?.(text);
    } catch (e) {
      if (seq === searchSeq) services.notify({ message: messageOf(e) });
    }
  }

  let reloading: Promise<void> | null = null;
  let again = false;
  async function reload(): Promise<void> {
    // Changes arrive in bursts (a multi-delete, an import); one load follows them.
    if (reloading) {
      again = true;
      return reloading;
    }
    reloading = (async () => {
      do {
        again = false;
        try {
          const show = await prepareAll(await services.library.loadAll());
          batch(() => {
            show?.();
            loaded.value = true;
            loadError.value = null;
          });
        } catch (e) {
          loadError.value = messageOf(e);
          loaded.value = true;
        }
        if (searchText.value !== '') await runSearch();
      } while (again);
    })();
    try {
      await reloading;
    } finally {
      reloading = null;
    }
  }

  const unsubscribers: (() => void)[] = [];

  let loadSeq = 0;
  /**
   * Builds what a full load shows in slices, then answers the step that puts
   * it in the signals (call it in one batch); null when a later load started
   * meanwhile, whose rows are newer.
   */
  async function prepareAll(all: {
    articles: Article[];
    highlights: Highlight[];
  }): Promise<(() => void) | null> {
    const seq = ++loadSeq;
    const byKey = new Map(all.articles.map((a) => [a.key, a]));
    const built = await runSliced(prepareSteps(byKey, all.highlights, otherFilters.value));
    if (seq !== loadSeq) return null;
    return () => {
      prepared = built;
      articles.value = byKey;
      highlights.value = all.highlights;
      partial.value = false;
    };
  }

  async function start(): Promise<void> {
    unsubscribers.push(services.library.onChange(() => void reload()));
    unsubscribers.push(services.settings.onChanged((s) => (settings.value = s)));
    const settingsLoad = services.settings
      .load()
      .then(
        (s) => (settings.value = s),
        () => undefined,
      )
      .finally(() => (settingsLoaded.value = true));
    const text = searchText.value;
    // Reading every row takes a while in a large library, and decoding it holds
    // the page's thread; without a search or filter, the first interviews are
    // read and shown first, and the rest only then.
    if (!isFiltering(filters.value)) {
      try {
        const first = await services.library.loadFirst(filters.value.sort, FIRST_SCREEN_ARTICLES);
        if (!loaded.value) {
          batch(() => {
            articles.value = new Map(first.articles.map((a) => [a.key, a]));
            highlights.value = first.highlights;
            partial.value = true;
            loaded.value = true;
          });
          init.onFirstRows?.();
        }
      } catch {
        // The full load below reports what went wrong.
      }
    }
    const [all, hits] = await Promise.allSettled([
      services.library.loadAll().then(prepareAll),
      text === '' ? Promise.resolve(null) : services.library.search(text),
    ]);
    const wasLoaded = loaded.value;
    batch(() => {
      if (all.status === 'fulfilled') all.value?.();
      else loadError.value = messageOf(all.reason);
      if (hits.status === 'fulfilled' && hits.value !== null) search.value = { text, hits: hits.value };
      loaded.value = true;
    });
    if (!wasLoaded) init.onFirstRows?.();
    await settingsLoad;
    await saveLeftDraft();
  }

  function stop(): void {
    for (const u of unsubscribers.splice(0)) u();
  }

  function setFilters(patch: Partial<LibraryFilters>): void {
    const before = filters.value;
    const next = { ...before, ...patch };
    filters.value = next;
    if (selection.value.selected.size > 0) selection.value = keepVisible(selection.value, order.value);
    if (next.text.trim() !== before.text.trim()) void runSearch();
  }

  function marksFor(h: Highlight, field: SearchField, text: string, index?: number): Span[] {
    const s = search.value;
    if (s === null) return [];
    const hit = narrowed.value?.hitOf(h.id);
    // The hit's positions when the search sent them; else the same matcher worked out here.
    if (hit && hit.matches.length > 0)
      return hit.matches.filter((m) => m.field === field && (index === undefined || m.index === index));
    return marksIn(text, field);
  }

  function marksIn(text: string, field: SearchField): Span[] {
    const s = search.value;
    return s === null ? [] : matchesIn(text, queryTerms(s.text), field);
  }

  function announceKeys(keys: Iterable<string>): void {
    services.announce([...new Set(keys)]);
  }

  async function editHighlight(
    h: Highlight,
    edit: { note?: string; tags?: string[]; color?: HighlightColor },
  ): Promise<boolean> {
    try {
      await services.library.updateHighlight(h.id, edit);
      // Show the change at once; the reload that follows brings the stored row.
      highlights.value = highlights.value.map((x) => (x.id === h.id ? { ...x, ...edit } : x));
      announceKeys([h.articleKey]);
      void reload();
      return true;
    } catch (e) {
      services.notify({ message: messageOf(e) });
      return false;
    }
  }

  async function deleteHighlights(ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    try {
      const rows = await services.library.deleteHighlights(ids);
      const gone = new Set(ids);
      batch(() => {
        highlights.value = highlights.value.filter((h) => !gone.has(h.id));
        selection.value = keepVisible(selection.value, order.value);
      });
      announceKeys(rows.map((r) => r.articleKey));
      void reload();
      const n = rows.length;
      services.notify({
        message: n === 1 ? 'Deleted 1 highlight.' : `Deleted ${n} highlights.`,
        action: {
          label: 'Undo',
          run: async () => {
            try {
              await services.library.restoreHighlights(rows);
              announceKeys(rows.map((r) => r.articleKey));
              await reload();
              // The keyboard is where the deleted row was, on the row that came back.
              if (rows[0]) setActive(rows[0].id, true);
              services.notify({ message: n === 1 ? 'Restored 1 highlight.' : `Restored ${n} highlights.` });
            } catch (e) {
              services.notify({ message: messageOf(e) });
            }
          },
        },
      });
    } catch (e) {
      services.notify({ message: messageOf(e) });
    }
  }

  function setActive(id: string, focus = false): void {
    active.value = id;
    if (focus) focusRequest.value++;
  }

  function moveActive(delta: number): void {
    const ids = order.value;
    if (ids.length === 0) return;
    const at = active.value === null ? -1 : ids.indexOf(active.value);
    const next =
      at < 0 ? (delta > 0 ? 0 : ids.length - 1) : Math.max(0, Math.min(ids.length - 1, at + delta));
    setActive(ids[next]!, true);
  }

  let autosave: ReturnType<typeof setTimeout> | null = null;
  // What the last save sent per highlight, so a flush with nothing new writes nothing.
  const sent = new Map<string, { note: string; tags: string }>();

  async function flushDraft(): Promise<void> {
    if (autosave !== null) clearTimeout(autosave);
    autosave = null;
    const d = draft.value;
    if (!d) return;
    const h = highlights.value.find((x) => x.id === d.id);
    if (!h) return;
    const tags = parseTags(d.tags);
    const last = sent.get(d.id) ?? { note: h.note, tags: formatTags(h.tags) };
    if (last.note === d.note && last.tags === formatTags(tags)) return;
    sent.set(d.id, { note: d.note, tags: formatTags(tags) });
    if (await editHighlight(h, { note: d.note, tags })) {
      const kept = init.draftStore?.read();
      if (kept && kept.id === d.id && kept.note === d.note && kept.tags === d.tags)
        init.draftStore?.write(null);
    }
  }

  /** A draft left by a page that closed before it was saved. */
  async function saveLeftDraft(): Promise<void> {
    const left = init.draftStore?.read();
    if (!left) return;
    const h = highlights.value.find((x) => x.id === left.id);
    if (!h) {
      init.draftStore?.write(null);
      return;
    }
    draft.value = left;
    await flushDraft();
    draft.value = null;
  }

  function openEditor(h: Highlight): void {
    const d = draft.value;
    if (d?.id === h.id) return;
    if (d) void flushDraft();
    sent.delete(h.id);
    active.value = h.id;
    draft.value = { id: h.id, note: h.note, tags: formatTags(h.tags) };
  }

  function updateDraft(patch: Partial<Pick<Draft, 'note' | 'tags'>>): void {
    const d = draft.value;
    if (!d) return;
    draft.value = { ...d, ...patch };
    init.draftStore?.write(draft.value);
    if (autosave !== null) clearTimeout(autosave);
    autosave = setTimeout(() => void flushDraft(), AUTOSAVE_MS);
  }

  async function closeEditor(): Promise<void> {
    const d = draft.value;
    if (!d) return;
    const saving = flushDraft();
    draft.value = null;
    setActive(d.id, true);
    await saving;
  }

  function entriesOf(gs: readonly InterviewGroup[]): ExportEntry[] {
    return gs.map((g) => ({ article: g.article, highlights: g.questions.flatMap((q) => q.highlights) }));
  }

  async function deliver(how: 'download' | 'copy', fileName: string, text: string): Promise<void> {
    if (how === 'download') {
      services.download(fileName, new Blob([text], { type: 'text/markdown;charset=utf-8' }));
      return;
    }
    try {
      await services.clipboard.writeText(text);
      services.notify({ message: 'Copied Markdown to the clipboard.' });
    } catch (e) {
      services.notify({ message: `Could not copy: ${messageOf(e)}` });
    }
  }

  async function markdownOf(entry: ExportEntry): Promise<string> {
    return services.exporter.renderHighlights(entry.article, entry.highlights, settings.value.export);
  }

  async function exportOne(group: InterviewGroup, how: 'download' | 'copy'): Promise<void> {
    const [entry] = entriesOf([group]);
    if (!entry) return;
    await deliver(
      how,
      `${await services.exporter.fileNameFor(entry.article.title)}.md`,
      await markdownOf(entry),
    );
  }

  async function downloadZip(entries: readonly ExportEntry[], name: string): Promise<void> {
    const bytes = await services.exporter.renderLibraryZip(entries, settings.value.export);
    services.download(name, new Blob([bytes.slice().buffer], { type: 'application/zip' }));
  }

  async function exportShown(how: 'download' | 'copy'): Promise<void> {
    const entries = entriesOf(groups.value);
    if (entries.length === 0) {
      services.notify({ message: 'Nothing to export: no highlights match.' });
      return;
    }
    if (how === 'copy' || entries.length === 1) {
      const text = (await Promise.all(entries.map(markdownOf))).join('\n');
      const name =
        entries.length === 1
          ? `${await services.exporter.fileNameFor(entries[0]!.article.title)}.md`
          : 'interview-highlights.md';
      await deliver(how, name, text);
      return;
    }
    await downloadZip(entries, `interview-highlights-selection-${isoDate(Date.now())}.zip`);
  }

  async function exportAll(): Promise<void> {
    const all = groupLibrary(articles.value, highlights.value, filters.value.sort);
    if (all.length === 0) {
      services.notify({ message: 'The library is empty.' });
      return;
    }
    await downloadZip(entriesOf(all), `interview-highlights-${isoDate(Date.now())}.zip`);
  }

  async function downloadBackup(): Promise<void> {
    try {
      const data = await services.library.exportBackup();
      const json = `${JSON.stringify(data, null, 2)}\n`;
      services.download(
        `interview-highlights-backup-${isoDate(Date.now())}.json`,
        new Blob([json], { type: 'application/json' }),
      );
    } catch (e) {
      services.notify({ message: messageOf(e) });
    }
  }

  async function importBackupFile(file: Blob): Promise<ImportCounts | null> {
    importError.value = null;
    importProgress.value = { label: 'Reading the file…', fraction: null };
    try {
      const text = await file.text();
      importProgress.value = { label: 'Checking the file…', fraction: null };
      // Parsing and checking a large file hold the thread for seconds: let the
      // page paint the line above before they start.
      await nextPaint();
      let data: unknown;
      try {
        data = JSON.parse(text);
      } catch {
        importError.value = 'This file cannot be imported: it is not JSON.';
        return null;
      }
      const counts = await services.library.importBackup(data, ({ written, total }) => {
        importProgress.value = {
          label: `Writing ${written.toLocaleString('en')} of ${total.toLocaleString('en')} highlights…`,
          fraction: total === 0 ? 1 : written / total,
        };
      });
      importProgress.value = { label: 'Loading the library…', fraction: null };
      status.value = importSummary(counts);
      services.notify({ message: status.value });
      await reload();
      announceKeys(articles.value.keys());
      return counts;
    } catch (e) {
      importError.value = messageOf(e);
      return null;
    } finally {
      importProgress.value = null;
    }
  }

  async function saveSettings(patch: Partial<Settings>): Promise<void> {
    const before = settings.value;
    settings.value = { ...before, ...patch };
    try {
      await services.settings.save(patch);
    } catch (e) {
      settings.value = before;
      services.notify({ message: messageOf(e) });
    }
  }

  return {
    services,
    loaded,
    loadError,
    articles,
    highlights,
    filters,
    view,
    theme,
    settings,
    settingsLoaded,
    selection,
    selectedShown,
    search,
    shown,
    shownCount,
    groups,
    rows,
    order,
    status,
    facets,
    active,
    tabRow,
    focusRequest,
    draft,
    moveActive,
    setActive,
    openEditor,
    updateDraft,
    flushDraft,
    closeEditor,
    partial,
    total,
    importError,
    importProgress,
    start,
    stop,
    warmSearch: () => services.library.warmSearch().catch(() => undefined),
    reload,
    setFilters,
    clearFilters: () => setFilters({ ...EMPTY_FILTERS, sort: filters.value.sort }),
    setView: (v) => {
      // A view switch unmounts the editor: what was typed is saved first.
      void flushDraft();
      draft.value = null;
      view.value = v;
    },
    setTheme: (t) => (theme.value = t),
    marksFor,
    marksIn,
    clickCheckbox: (id, shift) => (selection.value = clickRow(selection.value, order.value, id, shift)),
    selectAllShown: () => (selection.value = selectAll(order.value)),
    clearSelection: () => (selection.value = NO_SELECTION),
    editHighlight,
    deleteHighlights,
    exportOne,
    exportShown,
    exportAll,
    downloadBackup,
    importBackupFile,
    saveSettings,
    saveExportOptions: (patch) => saveSettings({ export: { ...settings.value.export, ...patch } }),
  };
}
