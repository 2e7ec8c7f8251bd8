import type { Interview, Site } from '../../src/types';

const SITE_NAMES: Record<Site, string | null> = {
  'pinterest-engineering-blog': 'Pinterest Engineering Blog',
  'life-at-pinterest': 'Life at Pinterest',
  generic: null,
};

function siteName(interview: Interview): string {
  const known = SITE_NAMES[interview.site];
  if (known) return known;
  if (interview.publication) return interview.publication;
  try {
    return new URL(interview.url).hostname.replace(/^www\./, '');
  } catch {
    return interview.url;
  }
}

export function Header({ interview }: { interview: Interview }) {
  const { name, role, team } = interview.subject;
  const who = [role, team].filter((part): part is string => Boolean(part));
  return (
    <header class="header">
      <h1 class="title">{interview.title || 'Untitled page'}</h1>
      {name || who.length > 0 ? (
        <p class="subject">
          {name ? <span class="subject-name">{name}</span> : null}
          {name && who.length > 0 ? ', ' : null}
          {who.length > 0 ? <span class="subject-role">{who.join(' · ')}</span> : null}
        </p>
      ) : null}
      <p class="meta">
        <span class="site">{siteName(interview)}</span>
        {interview.published ? (
          <>
            {' · '}
            <time dateTime={interview.published}>{interview.published}</time>
          </>
        ) : null}
      </p>
    </header>
  );
}
