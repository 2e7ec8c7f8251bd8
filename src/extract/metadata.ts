// Article metadata from the page's own data: <meta> tags, the canonical link
// and JSON-LD. Read in one pass over those elements.

export interface HeadMeta {
  /** meta name/property (lower-cased) → first content seen. */
  meta: Map<string, string>;
  canonical: string | null;
  /** The <title> in <head> (document.title searches the whole tree, which overflows on very deep pages). */
  title: string | null;
  ld: LdArticle;
  /** The JSON-LD texts ld was read from. */
  ldTexts: string[];
}

export interface LdArticle {
  headline: string | null;
  author: string | null;
  publisher: string | null;
  published: string | null;
  description: string | null;
}

export function isJsonLd(el: Element): boolean {
  return (
    el.localName === 'script' &&
    (el.getAttribute('type') ?? '').trim().toLowerCase() === 'application/ld+json'
  );
}

/**
 * Meta tags, the canonical link and JSON-LD from <head>, and JSON-LD that sits
 * directly in <body>. Scans those children only, not the whole page; JSON-LD
 * inside the article is picked up by the block walk (see withJsonLd).
 */
export function readHeadMeta(document: Document): HeadMeta {
  const meta = new Map<string, string>();
  let canonical: string | null = null;
  let title: string | null = null;
  const ldTexts: string[] = [];
  const head = document.head ? Array.from(document.head.children) : [];
  for (const el of head) {
    const tag = el.localName;
    if (tag === 'meta') {
      // One pass over the attributes rather than a lookup for each possible key name.
      let property: string | null = null;
      let name: string | null = null;
      let itemprop: string | null = null;
      let content: string | null = null;
      for (const attr of el.attributes) {
        if (attr.name === 'property') property = attr.value;
        else if (attr.name === 'name') name = attr.value;
        else if (attr.name === 'itemprop') itemprop = attr.value;
        else if (attr.name === 'content') content = attr.value;
      }
      const key = (property ?? name ?? itemprop ?? '').trim().toLowerCase();
      if (key && content !== null && content.trim() !== '' && !meta.has(key)) meta.set(key, content.trim());
    } else if (tag === 'link') {
      const rel = (el.getAttribute('rel') ?? '').toLowerCase().split(/\s+/);
      const href = el.getAttribute('href');
      if (canonical === null && rel.includes('canonical') && href) canonical = href.trim();
    } else if (tag === 'title') {
      title ??= el.textContent ?? '';
    } else if (isJsonLd(el)) {
      ldTexts.push(el.textContent ?? '');
    }
  }
  if (document.body)
    for (const el of Array.from(document.body.children)) if (isJsonLd(el)) ldTexts.push(el.textContent ?? '');
  return { meta, canonical, title, ld: readJsonLd(ldTexts), ldTexts };
}

/** The same metadata with more JSON-LD blocks (found inside the article) taken into account. */
export function withJsonLd(meta: HeadMeta, more: string[]): HeadMeta {
  if (more.length === 0) return meta;
  const ldTexts = [...meta.ldTexts, ...more];
  return { ...meta, ld: readJsonLd(ldTexts), ldTexts };
}

const ARTICLE_TYPES = /Article|BlogPosting|Posting|Report|Review|WebPage|CreativeWork/;

function nameOf(v: unknown): string | null {
  if (typeof v === 'string') return v.trim() || null;
  if (Array.isArray(v)) {
    const names = v.map(nameOf).filter((n): n is string => !!n);
    return names.length ? names.join(', ') : null;
  }
  if (v && typeof v === 'object') {
    const n = (v as Record<string, unknown>).name;
    return typeof n === 'string' ? n.trim() || null : null;
  }
  return null;
}

function str(v: unknown): string | null {
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : null;
}

function readJsonLd(texts: string[]): LdArticle {
  const out: LdArticle = {
    headline: null,
    author: null,
    publisher: null,
    published: null,
    description: null,
  };
  const nodes: Record<string, unknown>[] = [];
  const visit = (v: unknown, depth: number): void => {
    if (depth > 4 || v === null || typeof v !== 'object') return;
    if (Array.isArray(v)) {
      for (const x of v) visit(x, depth + 1);
      return;
    }
    const o = v as Record<string, unknown>;
    nodes.push(o);
    if (o['@graph']) visit(o['@graph'], depth + 1);
  };
  for (const t of texts) {
    try {
      visit(JSON.parse(t), 0);
    } catch {
      // A broken JSON-LD block is the page's problem; the other sources still count.
    }
  }
  // Article-like nodes first, then a WebPage as a weaker source.
  const typeOf = (o: Record<string, unknown>): string =>
    Array.isArray(o['@type']) ? o['@type'].join(' ') : String(o['@type'] ?? '');
  const ranked = nodes
    .filter((o) => ARTICLE_TYPES.test(typeOf(o)))
    .sort((a, b) => Number(/WebPage/.test(typeOf(a))) - Number(/WebPage/.test(typeOf(b))));
  for (const o of ranked) {
    out.headline ??= str(o.headline) ?? (/WebPage/.test(typeOf(o)) ? null : str(o.name));
    out.author ??= nameOf(o.author) ?? nameOf(o.creator);
    out.publisher ??= nameOf(o.publisher);
    out.published ??= str(o.datePublished) ?? str(o.dateCreated);
    out.description ??= str(o.description);
  }
  return out;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function valid(y: number, m: number, d: number): string | null {
  if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1) return null;
  // Days past the month's end (Feb 30, Apr 31) roll over in Date.UTC: refuse them.
  if (new Date(Date.UTC(y, m - 1, d)).getUTCDate() !== d) return null;
  return `${y}-${pad(m)}-${pad(d)}`;
}

/**
 * A calendar date (YYYY-MM-DD) as the page wrote it. An ISO timestamp keeps its
 * own date part rather than being shifted into the reader's time zone.
 */
export function toIsoDate(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const s = raw.trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})/.exec(s);
  if (m) return valid(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /\b([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b/.exec(s);
  if (m) {
    const mi = MONTHS.indexOf((m[1] as string).slice(0, 3).toLowerCase());
    if (mi >= 0) return valid(Number(m[3]), mi + 1, Number(m[2]));
  }
  m = /\b(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})\b/.exec(s);
  if (m) {
    const mi = MONTHS.indexOf((m[2] as string).slice(0, 3).toLowerCase());
    if (mi >= 0) return valid(Number(m[3]), mi + 1, Number(m[1]));
  }
  return null;
}

/** An address resolved against the page URL; null when it is not one. */
export function resolveUrl(href: string | null | undefined, base: string): string | null {
  if (!href) return null;
  let url: URL;
  try {
    url = new URL(href, base);
  } catch {
    try {
      url = new URL(href);
    } catch {
      return null;
    }
  }
  // The page writes these: a javascript: or data: "canonical" link is no address to cite.
  return url.protocol === 'http:' || url.protocol === 'https:' ? url.toString() : null;
}

/** Meta values that are addresses (Medium's article:author) are not names. */
export function notUrl(v: string | null | undefined): string | null {
  if (!v) return null;
  return /^https?:\/\//i.test(v.trim()) ? null : v.trim();
}
