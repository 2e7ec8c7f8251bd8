// What a reader skips without thinking: navigation, widgets, forms, hidden and
// promotional boxes. Judged per element from its tag, ARIA role and the words
// in its class and id, never from one site's class names.

/** Elements whose whole subtree is never article text. */
export const SKIP_TAGS = new Set([
  'script', 'style', 'noscript', 'template', 'svg', 'math', 'iframe', 'frame', 'frameset', 'object', 'embed',
  'canvas', 'video', 'audio', 'img', 'picture', 'source', 'track', 'map', 'button', 'input', 'select',
  'textarea', 'label', 'form', 'nav', 'aside', 'footer', 'header', 'dialog', 'menu', 'figcaption', 'head',
  'title', 'meta', 'link', 'option', 'datalist', 'output', 'progress', 'meter', 'slot', 'portal',
]);

const SKIP_ROLES = new Set([
  'navigation', 'banner', 'contentinfo', 'complementary', 'search', 'dialog', 'alertdialog', 'menu', 'menubar',
  'toolbar', 'button', 'form', 'tablist', 'tooltip', 'status', 'marquee', 'timer',
]);

// Whole words in class or id naming page furniture. Very short words (nav, ads)
// are left out: minified class names on sites like Medium could collide with them;
// so is "hidden", which utility-class CSS puts on visible content (overflow-hidden).
const CHROME_WORDS =
  /(?:^|[\s_-])(?:comments?|comment-list|responses|related|recommend(?:ed|ations)?|share|sharing|social|newsletter|subscribe|subscription|signup|sign-up|promo|promoted|sponsored?|advert(?:isement)?s?|cookie|consent|breadcrumbs?|sidebar|navbar|navigation|masthead|footer|header|byline|meta|author-(?:box|bio|info|card)|about-the-author|sr-only|screen-reader-text|visually-hidden|popup|modal|disqus|outbrain|taboola|read-next|more-stories|paywall)(?:$|[\s_-])/i;

const classVerdicts = new Map<string, boolean>();

function chromeWords(value: string): boolean {
  let v = classVerdicts.get(value);
  if (v === undefined) {
    v = CHROME_WORDS.test(value);
    // The cache only saves regex work; bound it so odd pages cannot grow it without end.
    if (classVerdicts.size > 5000) classVerdicts.clear();
    classVerdicts.set(value, v);
  }
  return v;
}

/** True for an element (below the article root) whose subtree is page chrome. */
export function isChromeElement(el: Element): boolean {
  if (el.hasAttribute('hidden')) return true;
  if (el.getAttribute('aria-hidden') === 'true') return true;
  const role = el.getAttribute('role');
  if (role !== null && SKIP_ROLES.has(role.trim().toLowerCase())) return true;
  const cls = el.getAttribute('class');
  if (cls && chromeWords(cls)) return true;
  const id = el.id;
  if (id && chromeWords(id)) return true;
  const style = el.getAttribute('style');
  if (style && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style)) return true;
  return false;
}
