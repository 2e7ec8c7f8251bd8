// YAML front matter: every string double-quoted and escaped, dates bare,
// keys without a value left out, keys always in the same order.

import { yamlString } from './escape';

export type FrontMatterValue = string | string[] | { date: string } | null | undefined;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** YYYY-MM-DD when it names a real calendar day, else null. */
export function calendarDate(value: string | null | undefined): string | null {
  if (!value) return null;
  const m = DATE.exec(value.trim());
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  if (t.getUTCFullYear() !== y || t.getUTCMonth() !== mo - 1 || t.getUTCDate() !== d) return null;
  return m[0];
}

/** The UTC calendar day of an instant, or of a YYYY-MM-DD / ISO string. */
export function dayOf(value: Date | string | number): string | null {
  if (typeof value === 'string') {
    const plain = calendarDate(value);
    if (plain) return plain;
  }
  const t = new Date(value);
  return Number.isNaN(t.getTime()) ? null : t.toISOString().slice(0, 10);
}

export function renderFrontMatter(fields: [key: string, value: FrontMatterValue][]): string {
  const lines = ['---'];
  for (const [key, value] of fields) {
    if (value === null || value === undefined) continue;
    if (typeof value === 'string') {
      if (value.trim() === '') continue;
      lines.push(`${key}: ${yamlString(value)}`);
    } else if (Array.isArray(value)) {
      if (value.length === 0) continue;
      lines.push(`${key}: [${value.map(yamlString).join(', ')}]`);
    } else {
      const day = calendarDate(value.date);
      // A date that is not YYYY-MM-DD is left out rather than written as a string
      // under a key that readers (Obsidian, Dataview) expect to hold a date.
      if (day) lines.push(`${key}: ${day}`);
    }
  }
  lines.push('---');
  return lines.join('\n');
}
