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
  /(?:^|[\s_-])(?:comments?|comment-list|responses|related|recommend(?:ed|ations)?|share|sharing|social|newsletter|subscribe|subscription|signup|sign-up|promo|promoted|sponsored?|advert(?:isement)?s?|cookie|consent|breadcrumbs?|sidebar|navbar|navigation|masthead|footer|header|byline|meta|author-(?:box|bio|info|card)|about-the-author|sr-only|screen-reader-text|visually-hidden|offscreen|off-screen|popup|modal|disqus|outbrain|taboola|read-next|more-stories|paywall)(?:$|[\s_-])/i;

// A caption is named so by most CMSs (WordPress's wp-caption and wp-caption-text,
// "media-caption", "image-caption", "Caption"): text under such an element describes
// a picture, and is never what the interviewee said.
const CAPTION_WORDS = /(?:^|[\s_-])captions?(?:$|[\s_-])/i;

/** What a class or id value says about an element's text: nothing, chrome, or a caption. */
const PLAIN = 0;
const CHROME = 1;
const CAPTION = 2;
type ClassVerdict = typeof PLAIN | typeof CHROME | typeof CAPTION;

const classVerdicts = new Map<string, ClassVerdict>();

function classVerdict(value: string): ClassVerdict {
  let v = classVerdicts.get(value);
  if (v === undefined) {
    v = CHROME_WORDS.test(value) ? CHROME : CAPTION_WORDS.test(value) ? CAPTION : PLAIN;
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
  /** An image's alternative text and title: a caption beside it repeats one of them. */
  alt: string | null;
  title: string | null;
  /** schema.org microdata: a Person marked up in the article may be the guest. */
  itemtype: string | null;
  itemprop: string | null;
  /** Set by isChrome, which reads the class and id anyway: they name a caption. */
  caption: boolean;
  hidden: boolean;
  ariaHidden: boolean;
}

export function emptyAttributes(): ElementAttributes {
  return {
    cls: null,
    id: null,
    role: null,
    style: null,
    href: null,
    alt: null,
    title: null,
    itemtype: null,
    itemprop: null,
    caption: false,
    hidden: false,
    ariaHidden: false,
  };
}

/**
 * One pass over the attribute list: cheaper than a lookup per name when most
 * elements hold one or two. Fills `a` (reused by the walk, so no allocation per element).
 */
export function readAttributes(el: Element, a: ElementAttributes = emptyAttributes()): ElementAttributes {
  a.cls = a.id = a.role = a.style = a.href = a.alt = a.title = a.itemtype = a.itemprop = null;
  a.hidden = a.ariaHidden = a.caption = false;
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
      case 'alt':
        a.alt = attr.value;
        break;
      case 'title':
        a.title = attr.value;
        break;
      case 'itemtype':
        a.itemtype = attr.value;
        break;
      case 'itemprop':
        a.itemprop = attr.value;
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

/** True for an element (below the article root) whose subtree is page chrome; notes in `a` whether it is a caption. */
export function isChrome(a: ElementAttributes): boolean {
  if (a.hidden || a.ariaHidden) return true;
  if (a.role !== null && SKIP_ROLES.has(a.role.trim().toLowerCase())) return true;
  const byClass = a.cls ? classVerdict(a.cls) : PLAIN;
  const byId = a.id ? classVerdict(a.id) : PLAIN;
  if (byClass === CHROME || byId === CHROME) return true;
  if (a.style && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(a.style)) return true;
  a.caption = byClass === CAPTION || byId === CAPTION;
  return false;
}

/**
 * A toggle that opens a box (an accordion or an expandable info box) is a button
 * holding the box's heading. The button is chrome, but its heading is the box's
 * visible title, and it ends the answer it interrupts like any other heading.
 */
export function isDisclosureHeader(el: Element, a: ElementAttributes): boolean {
  return (
    a.role !== null &&
    a.role.trim().toLowerCase() === 'button' &&
    findWithin(el, (e) => /^h[1-6]$/.test(e.localName) || e.getAttribute('role') === 'heading') !== null
  );
}

/** Elements looked at by findWithin: a toggle or an info box is small, and a page's tree may be 10,000 deep. */
const FIND_LIMIT = 400;

/**
 * The first element under el (in document order) that passes test, looking at no
 * more than FIND_LIMIT elements. An explicit stack, not querySelector: happy-dom's
 * selector engine recurses and overflows on deep trees.
 */
export function findWithin(el: Element, test: (e: Element) => boolean, limit = FIND_LIMIT): Element | null {
  const stack: Element[] = [];
  for (let c = el.lastElementChild; c !== null; c = c.previousElementSibling) stack.push(c);
  for (let seen = 0; stack.length > 0 && seen < limit; seen++) {
    const e = stack.pop()!;
    if (test(e)) return e;
    for (let c = e.lastElementChild; c !== null; c = c.previousElementSibling) stack.push(c);
  }
  return null;
}
