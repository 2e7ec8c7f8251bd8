// Hands the first screen from the boot script to the page. boot.js runs
// before the main bundle has loaded and starts reading the store; the
// page's store adapter takes that read instead of starting its own.

import { readFirstScreen, type FirstScreen } from '../src/store/first-screen';
import { DEFAULT_DB_NAME } from '../src/store/schema';
import { isFiltering } from './logic/filters';
import { pageFromSearch } from './logic/view';

/** Interviews on the first screen, read before the rest of the library. */
export const FIRST_SCREEN_ARTICLES = 8;

interface Started {
  name: string;
  count: number;
  read: Promise<FirstScreen | null>;
}

const KEY = Symbol.for('interview-highlights.first-screen');
type Holder = { [KEY]?: Started };

/** Starts the read when the page opens on the default first screen: no search or filter, newest first. */
export function startFirstScreen(search: string): void {
  const { filters } = pageFromSearch(search);
  if (isFiltering(filters) || filters.sort !== 'clipped') return;
  const read = readFirstScreen(DEFAULT_DB_NAME, FIRST_SCREEN_ARTICLES);
  // Whoever takes the read sees its failure; until then it must not count as unhandled.
  read.catch(() => undefined);
  (globalThis as Holder)[KEY] = { name: DEFAULT_DB_NAME, count: FIRST_SCREEN_ARTICLES, read };
}

/** The read the boot script started for this database and count, handed out once. */
export function takeFirstScreen(name: string, count: number): Promise<FirstScreen | null> | undefined {
  const holder = globalThis as Holder;
  const started = holder[KEY];
  delete holder[KEY];
  return started && started.name === name && started.count === count ? started.read : undefined;
}
