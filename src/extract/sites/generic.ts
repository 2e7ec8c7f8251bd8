// Any other page: only the generic rules apply.

import type { SiteProfile } from './profile';

export const generic: SiteProfile = {
  site: 'generic',
  colonPrompts: false,
  matches: () => true,
};
