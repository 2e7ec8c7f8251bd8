// What differs between the sites the extractor knows: how a site is recognised,
// which of its elements are widgets, how it writes prompts, where its byline is.

import type { Site } from '../../types';
import type { HeadMeta } from '../metadata';

export interface SiteByline {
  author?: string | null;
  publication?: string | null;
  published?: string | null;
}

/** What a site looks for during one extraction: its widgets, and the byline they carry. */
export interface SiteReading {
  /**
   * Site widgets below the article root that generic chrome rules would miss.
   * name is el.localName; attributed is false when el has no attributes worth reading.
   */
  skip(el: Element, name: string, attributed: boolean): boolean;
  /** Byline facts the site prints in its own elements (seen by skip, or looked up). */
  byline(document: Document): SiteByline;
}

export interface SiteProfile {
  site: Site;
  /** True when this page belongs to the site. */
  matches(document: Document, url: URL | null, meta: HeadMeta): boolean;
  /** Prompts may be headings that end in a colon instead of a question mark. */
  colonPrompts: boolean;
  /** A fresh reading for one extraction; absent when only generic rules apply. */
  reading?(): SiteReading;
}
