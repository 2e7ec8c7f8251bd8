// What a reader skips without thinking: navigation, widgets, forms, hidden and
// promotional boxes. Judged per element from its tag, ARIA role and the words
// in its class and id, never from one site's class names.

/** Elements whose whole subtree is never article text. */
export const SKIP_TAGS = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'math',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'canvas',
  'video',
  'audio',
  'img',
  'picture',
  'source',
  'track',
  'map',
  'button',
  'input',
  'select',
  'textarea',
  'label',
  'form',
  'nav',
  'aside',
  'footer',
  'header',
  'dialog',
  'menu',
  'figcaption',
  'head',
  'title',
  'meta',
  'link',
  'option',
  'datalist',
  'output',
  'progress',
  'meter',
  'slot',
  'portal',
]);

const SKIP_ROLES = new Set([
  'navigation',
  'banner',
  'contentinfo',
  'complementary',
  'search',
  'dialog',
  'alertdialog',
  'menu',
  'menubar',
  'toolbar',
  'button',
  'form',
  'tablist',
  'tooltip',
  'status',
  'marquee',
  'timer',
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

/** The attributes the extractor looks at, read in one pass over an element's attribute list. */
export interface ElementAttributes {
  cls: string | null;
  id: string | null;
  role: string | null;
  style: string | null;
  href: string | null;
  hidden: boolean;
  ariaHidden: boolean;
}

export function emptyAttributes(): ElementAttributes {
  return { cls: null, id: null, role: null, style: null, href: null, hidden: false, ariaHidden: false };
}

/**
 * One pass over the attribute list: cheaper than a lookup per name when most
 * elements hold one or two. Fills `a` (reused by the walk, so no allocation per element).
 */
export function readAttributes(el: Element, a: ElementAttributes = emptyAttributes()): ElementAttributes {
  a.cls = a.id = a.role = a.style = a.href = null;
  a.hidden = a.ariaHidden = false;
  for (const attr of el.attributes) {
    switch (attr.name) {
      case 'class':
        a.cls = attr.value;
        break;
      case 'id':
        a.id = attr.value;
        break;
      case 'role':
        a.role = attr.value;
        break;
      case 'style':
        a.style = attr.value;
        break;
      case 'href':
        a.href = attr.value;
        break;
      case 'hidden':
        a.hidden = true;
        break;
      case 'aria-hidden':
        a.ariaHidden = attr.value.trim().toLowerCase() === 'true';
        break;
      default:
    }
  }
  return a;
}

/** True for an element (below the article root) whose subtree is page chrome. */
export function isChrome(a: ElementAttributes): boolean {
  if (a.hidden || a.ariaHidden) return true;
  if (a.role !== null && SKIP_ROLES.has(a.role.trim().toLowerCase())) return true;
  if (a.cls && chromeWords(a.cls)) return true;
  if (a.id && chromeWords(a.id)) return true;
  if (a.style && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(a.style)) return true;
  return false;
}
