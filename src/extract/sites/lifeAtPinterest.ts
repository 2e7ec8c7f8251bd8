// Life at Pinterest profiles on the Pinterest careers site.
// Tested on: www.pinterestcareers.com/life-at-pinterest/life-at-pinterest-profile-aayush-mudgal/ (saved in test/fixtures).
// Profiles print their prompts as headings ending in a colon.

import type { SiteProfile } from './profile';

export const lifeAtPinterest: SiteProfile = {
  site: 'life-at-pinterest',
  colonPrompts: true,
  matches(_document, url) {
    return (
      url !== null &&
      /(^|\.)pinterestcareers\.com$/i.test(url.hostname) &&
      /\/life-at-pinterest\//i.test(url.pathname)
    );
  },
};
