// A small classic script the library page runs before its main bundle:
// opening IndexedDB is the slowest step of the first paint, so it starts
// while the bundle is still loading (see first-screen.ts).
import { startFirstScreen } from './first-screen';

startFirstScreen(location.search);
