// Mounts the library page in happy-dom over the real store (fake-indexeddb),
// with recording fakes for settings, clipboard, downloads, tabs and messages.

import 'fake-indexeddb/auto';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { App } from '../../options/components/App';
import { createToaster } from '../../options/components/Toasts';
import { pageFromSearch } from '../../options/logic/view';
import { createLibraryModel, type LibraryModel } from '../../options/model';
import type { ExporterPort, LibraryPort, Services } from '../../options/services';
import { libraryPort } from '../../options/storeAdapter';
import { Library } from '../../src/store';
import { DEFAULT_SETTINGS, type Article, type Highlight, type Settings } from '../../src/types';

let dbSeq = 0;

export interface Recorded {
  downloads: { name: string; type: string; text: string }[];
  clipboard: string[];
  announced: string[][];
  tabs: string[];
  urls: string[];
  settingsSaved: Partial<Settings>[];
}

export interface Mounted {
  root: HTMLElement;
  model: LibraryModel;
  library: Library;
  rec: Recorded;
  unmount(): void;
}

// A stand-in renderer: the export format has its own golden tests; these check what reaches it.
const exporter: ExporterPort = {
  renderHighlights: (a, hs, o) =>
    `# ${a.title}\n${o.includeNotes ? 'notes' : 'no-notes'}\n${hs.map((h) => `> ${h.quote}${o.includeNotes && h.note ? `\n${h.note}` : ''}`).join('\n')}\n`,
  renderLibraryZip: (entries) =>
    new TextEncoder().encode(entries.map((e) => `${e.article.title}:${e.highlights.length}`).join('\n')),
  fileNameFor: (t) => t.replace(/[^\p{L}\p{N} _-]/gu, '').slice(0, 100) || 'interview',
};

/** Lets the page's pending work (store reads, renders) run: a few turns of the event loop, not a wait for time to pass. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 4; i++) {
    await act(async () => {
      await new Promise((r) => setTimeout(r, 0));
    });
  }
}

export async function waitFor<T>(
  probe: () => T | null | undefined | false,
  what: string,
  timeout = 3000,
): Promise<T> {
  const until = Date.now() + timeout;
  for (;;) {
    const v = probe();
    if (v) return v;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await settle();
  }
}

export async function eventually(probe: () => Promise<boolean>, what: string, timeout = 3000): Promise<void> {
  const until = Date.now() + timeout;
  while (!(await probe())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await settle();
  }
}

/** The select or input inside the label whose text starts with name. */
export function control<T extends HTMLElement = HTMLSelectElement>(root: ParentNode, name: string): T {
  const label = [...root.querySelectorAll('label')].find((l) =>
    (l.textContent ?? '').trim().startsWith(name),
  );
  const el = label?.querySelector('select, input, textarea');
  if (!el) throw new Error(`no control labelled ${name}`);
  return el as unknown as T;
}

export async function seed(
  library: Library,
  rows: { article: Article; highlights: Highlight[] }[],
): Promise<void> {
  for (const { article, highlights } of rows)
    for (const h of highlights) await library.saveHighlight(h, article);
}

export interface MountOptions {
  search?: string;
  seed?: { article: Article; highlights: Highlight[] }[];
  /** Wraps the store's port, e.g. to hold a load back. */
  port?: (p: LibraryPort) => LibraryPort;
  /** Do not wait for the model to finish starting. */
  noWait?: boolean;
  /** Stored settings the page starts from. */
  settings?: Partial<Settings>;
}

export async function mount(opts: MountOptions = {}): Promise<Mounted> {
  const library = new Library(`library-page-test-${++dbSeq}-${Date.now()}`);
  if (opts.seed) await seed(library, opts.seed);
  const rec: Recorded = {
    downloads: [],
    clipboard: [],
    announced: [],
    tabs: [],
    urls: [],
    settingsSaved: [],
  };
  let settings: Settings = { ...structuredClone(DEFAULT_SETTINGS), ...opts.settings };
  const toaster = createToaster({ plain: 60_000, action: 60_000 });
  const services: Services = {
    library: (opts.port ?? ((p) => p))(libraryPort(library)),
    settings: {
      load: async () => settings,
      save: async (patch) => {
        rec.settingsSaved.push(patch);
        settings = { ...settings, ...patch };
      },
      onChanged: () => () => undefined,
    },
    exporter,
    clipboard: { writeText: async (t) => void rec.clipboard.push(t) },
    download: (name, blob) => {
      // Blob.text() is async; record the bytes once they are read.
      const entry = { name, type: blob.type, text: '' };
      rec.downloads.push(entry);
      void blob.text().then((t) => (entry.text = t));
    },
    notify: toaster.notify,
    openTab: async (url) => void rec.tabs.push(url),
    announce: (keys) => void rec.announced.push([...keys]),
    browser: 'chrome',
  };
  const page = pageFromSearch(opts.search ?? '');
  const model = createLibraryModel(services, page);
  const root = document.createElement('div');
  document.body.appendChild(root);
  await act(() => {
    render(<App model={model} toaster={toaster} history={{ replace: (s) => void rec.urls.push(s) }} />, root);
  });
  const started = model.start();
  if (!opts.noWait) await started;
  await settle();
  return {
    root,
    model,
    library,
    rec,
    unmount: () => {
      model.stop();
      render(null, root);
      root.remove();
      library.close();
    },
  };
}

export async function click(el: Element | null | undefined, init: MouseEventInit = {}): Promise<void> {
  if (!el) throw new Error('nothing to click');
  await act(() => {
    el.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, ...init }));
  });
  await settle();
}

export async function typeInto(el: Element | null | undefined, value: string): Promise<void> {
  if (!el) throw new Error('nothing to type in');
  const input = el as HTMLInputElement | HTMLTextAreaElement;
  await act(() => {
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await settle();
}

export async function choose(el: Element | null | undefined, value: string): Promise<void> {
  if (!el) throw new Error('nothing to choose in');
  const select = el as HTMLSelectElement | HTMLInputElement;
  await act(() => {
    select.value = value;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await settle();
}

export function buttonNamed(root: ParentNode, name: string | RegExp): HTMLButtonElement | undefined {
  return [...root.querySelectorAll('button')].find((b) => {
    const label = b.getAttribute('aria-label') ?? b.textContent ?? '';
    return typeof name === 'string' ? label.trim() === name : name.test(label);
  });
}
