import type { HeadMeta } from '../metadata';
import { generic } from './generic';
import { lifeAtPinterest } from './lifeAtPinterest';
import { pinterestEngineering } from './pinterestEngineering';
import type { SiteProfile } from './profile';

export type { SiteProfile, SiteByline, SiteReading } from './profile';

/** Known sites first; generic last, as it matches everything. */
const PROFILES: SiteProfile[] = [pinterestEngineering, lifeAtPinterest, generic];

function parseUrl(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

export function profileFor(document: Document, url: string, meta: HeadMeta): SiteProfile {
  const u = parseUrl(url);
  for (const p of PROFILES) {
    try {
      if (p.matches(document, u, meta)) return p;
    } catch {
      // A site test that trips on odd markup just does not match.
    }
  }
  return generic;
}
