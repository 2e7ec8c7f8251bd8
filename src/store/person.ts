// How an interviewee is named wherever the library shows or searches them.

import type { Subject } from '../types';

/** "Name, Role · Team" with whatever the page named; '' when it named nothing. */
export function personLine(s: Subject): string {
  const who = [s.name, s.role].filter((x): x is string => !!x).join(', ');
  return [who, s.team].filter((x): x is string => !!x).join(' · ');
}
