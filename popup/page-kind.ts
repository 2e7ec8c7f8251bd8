// Which pages no extension may script. The popup says "this page cannot be
// read by extensions" only for those; any other refusal (a page the browser
// has not granted yet, a frame that failed) is an error with its reason, since
// the reader can do something about it.

/** Schemes of the browser's own pages: settings, new tab, other extensions, source views. */
const BROWSER_SCHEMES = new Set([
  'about:',
  'brave:',
  'chrome:',
  'chrome-extension:',
  'chrome-search:',
  'chrome-untrusted:',
  'devtools:',
  'edge:',
  'moz-extension:',
  'opera:',
  'resource:',
  'view-source:',
  'vivaldi:',
]);

/** The extension stores, where every browser refuses extensions. */
const STORE_PAGES: readonly [host: string, path: string][] = [
  ['chromewebstore.google.com', '/'],
  ['chrome.google.com', '/webstore'],
  ['addons.mozilla.org', '/'],
  ['microsoftedge.microsoft.com', '/addons'],
];

export function isBrowserPage(url: string): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if (BROWSER_SCHEMES.has(u.protocol)) return true;
  return STORE_PAGES.some(([host, path]) => u.hostname === host && u.pathname.startsWith(path));
}

/**
 * When the tab's address is not known (the browser shows it only to an
 * extension granted the tab), the browsers' own refusals still name a
 * browser page: "Cannot access a chrome:// URL", "The extensions gallery
 * cannot be scripted", or src/inject.ts's NOT_INJECTABLE for Firefox's about: pages.
 */
const BROWSER_PAGE_REFUSAL =
  /\b(?:chrome|edge|about|brave|opera|vivaldi|chrome-extension|moz-extension|view-source)(?::\/\/|:)|extensions gallery|cannot be scripted|does not let extensions run on this page/i;

export function refusedAsBrowserPage(message: string, url: string | null): boolean {
  if (url !== null && url !== '') return isBrowserPage(url);
  return BROWSER_PAGE_REFUSAL.test(message);
}
