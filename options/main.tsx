performance.mark('t:script');
import { render } from 'preact';
import browser from 'webextension-polyfill';
import { message } from '../src/messages';
import { Library } from '../src/store';
import { browserServices } from './browserServices';
import { App } from './components/App';
import { createToaster } from './components/Toasts';
import { pageFromSearch } from './logic/view';
import { createLibraryModel, type Draft } from './model';

const root = document.getElementById('app');
if (!root) throw new Error('library page: #app is missing');

const library = new Library();
const toaster = createToaster();
const services = browserServices(library, toaster.notify);
const page = pageFromSearch(location.search);

// Benchmarks time a search from the keystroke (ih:search-start, marked in the
// search box) to the frame that shows its results.
const DRAFT_KEY = 'ih:note-draft';
const draftStore = {
  read(): Draft | null {
    try {
      const d = JSON.parse(sessionStorage.getItem(DRAFT_KEY) ?? 'null') as Draft | null;
      return d && typeof d.id === 'string' && typeof d.note === 'string' && typeof d.tags === 'string'
        ? d
        : null;
    } catch {
      return null;
    }
  },
  write(d: Draft | null): void {
    try {
      if (d) sessionStorage.setItem(DRAFT_KEY, JSON.stringify(d));
      else sessionStorage.removeItem(DRAFT_KEY);
    } catch {
      // Storage full or refused: the debounced save still runs.
    }
  },
};

const model = createLibraryModel(services, {
  ...page,
  draftStore,
  // The frame that shows the first rows; a benchmark reads this mark.
  onFirstRows: () =>
    requestAnimationFrame(() => {
      performance.mark('ih:library-first-paint');
      // Opening the library syncs (src/background/sync.ts; with sync off the background does
      // nothing), once the first rows are up: the run's reads of the store would otherwise
      // compete with the page's own first read.
      void browser.runtime.sendMessage(message('sync:opened', {})).catch(() => undefined);
    }),
  onSearchSettled: () => {
    requestAnimationFrame(() => {
      if (performance.getEntriesByName('ih:search-start', 'mark').length === 0) return;
      performance.mark('ih:search-end');
      performance.measure('ih:search', 'ih:search-start', 'ih:search-end');
      performance.clearMarks('ih:search-start');
    });
  },
});

// The address follows the page once typing pauses: a replaceState per keystroke
// cost 5–15 ms of each search at 100,000 highlights. Leaving the page writes it.
let address: string | null = null;
let addressTimer: ReturnType<typeof setTimeout> | undefined;
function writeAddress(): void {
  clearTimeout(addressTimer);
  if (address === null) return;
  window.history.replaceState(window.history.state, '', `${location.pathname}${address}`);
  address = null;
}
const history = {
  replace(search: string) {
    address = search;
    clearTimeout(addressTimer);
    addressTimer = setTimeout(writeAddress, 250);
  },
};

render(<App model={model} toaster={toaster} history={history} />, root);

// Closing or reloading the tab mid-word: what was typed in a note is saved first.
addEventListener('pagehide', () => {
  writeAddress();
  void model.flushDraft();
});
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'hidden') void model.flushDraft();
});

// Once every row is in, so preparing search never delays the first rows.
// Benchmarks wait for 'ih:library-idle' so that one load's work does not spill into the next.
void model
  .start()
  .then(() => new Promise((r) => setTimeout(r, 0)))
  .then(() => model.warmSearch())
  .finally(() => performance.mark('ih:library-idle'));

// Dev and benchmark hook: the page's own store, to fill it or clear it.
(globalThis as { ihLibrary?: unknown }).ihLibrary = { library, model };
