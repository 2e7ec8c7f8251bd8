// What differs between the sites the extractor knows: how a site is recognised,
// which of its elements are widgets, how it writes prompts, where its byline is.

import type { Site } from '../../types';
import type { HeadMeta } from '../metadata';

export interface SiteByline {
  author?: string | null;
  publication?: string | null;
  published?: string | null;
}

export interface SiteProfile {
  site: Site;
  /** True when this page belongs to the site. */
  matches(document: Document, url: URL | null, meta: HeadMeta): boolean;
  /** Site widgets below the article root that generic chrome rules would miss. */
  skip?(el: Element): boolean;
  /** Prompts may be headings that end in a colon instead of a question mark. */
  colonPrompts: boolean;
  /** Byline facts the site prints in its own elements. */
  byline?(document: Document): SiteByline;
}
