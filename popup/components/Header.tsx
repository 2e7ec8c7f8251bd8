import { siteName } from '../../src/export/site';
import type { Interview } from '../../src/types';

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
        <span class="site">{siteName(interview) ?? interview.url}</span>
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
