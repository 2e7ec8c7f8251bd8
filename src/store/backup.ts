// The JSON backup file.
//
//   {
//     "format": "interview-highlights-backup",
//     "version": 1,
//     "exportedAt": "2026-11-21T09:30:00.000Z",   // ISO 8601, when it was written
//     "articles": [Article, ...],                   // src/types.ts, sorted by key
//     "highlights": [Highlight, ...]                // src/types.ts, sorted by articleKey, createdAt, id
//   }
//
// Every highlight's articleKey names an article in the same file. A file is
// checked completely before anything is written, and refused with a
// BackupError naming the first bad value (`highlights[3].color: expected one
// of yellow, green, blue, pink, purple, got "red"`) when:
// - it is not that shape, names another format, or another version;
// - any field has the wrong type, an unknown enum value, or is too long
//   (see ROW_LIMITS in limits.ts), or the file is too big overall;
// - ids or article keys repeat, or a highlight's article is missing;
// - any object anywhere holds a `__proto__`, `constructor` or `prototype` key;
// - a URL field is not an http(s) or file URL (so `javascript:` links are
//   refused, never rendered).
// Unknown extra fields are dropped. Version 2 readers upgrade older files here.

import { FORBIDDEN_KEYS, type Article, type Highlight } from '../types';
import { BackupError } from './errors';
import { list, record, str, ValidationError } from '../check';
import { checkArticle, checkHighlight } from './validate';

export const BACKUP_FORMAT = 'interview-highlights-backup';
export const BACKUP_VERSION = 1;

export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  exportedAt: string;
  articles: Article[];
  highlights: Highlight[];
}

export const BACKUP_LIMITS = {
  /**
   * Characters of JSON text, and of all strings inside a parsed file: a
   * highlight with its selectors is about 1.5 kB, so this holds the 200,000
   * highlights below with room to spare, and stays under the longest string
   * a browser will make (V8's is about 536 million characters).
   */
  chars: 400_000_000,
  highlights: 200_000,
  articles: 50_000,
  depth: 16,
} as const;

const FORBIDDEN = new Set<string>(FORBIDDEN_KEYS);

/** Where a value sits in the file; its path is spelled out only for an error message. */
interface Place {
  v: unknown;
  parent: Place | null;
  key: string | number;
  depth: number;
}

function pathOf(place: Place): string {
  const keys: (string | number)[] = [];
  for (let p: Place | null = place; p?.parent; p = p.parent) keys.push(p.key);
  return (
    keys
      .reverse()
      .reduce<string>(
        (path, k) => (typeof k === 'number' ? `${path}[${k}]` : path ? `${path}.${k}` : k),
        '',
      ) || 'file'
  );
}

/**
 * Walks the whole value once: size budget, nesting depth and forbidden keys,
 * wherever they hide. Paths are not built on the way: a file of 100,000
 * highlights has millions of values, and one string each ran a page out of memory.
 */
function checkShape(root: unknown): void {
  let chars = 0;
  const stack: Place[] = [{ v: root, parent: null, key: '', depth: 0 }];
  while (stack.length) {
    const place = stack.pop()!;
    const { v, depth } = place;
    if (depth > BACKUP_LIMITS.depth)
      throw new BackupError(`${pathOf(place)}: nested deeper than ${BACKUP_LIMITS.depth} levels`);
    if (typeof v === 'string') {
      chars += v.length;
    } else if (Array.isArray(v)) {
      chars += v.length;
      v.forEach((x, i) => {
        stack.push({ v: x, parent: place, key: i, depth: depth + 1 });
      });
    } else if (typeof v === 'object' && v !== null) {
      if (Object.getPrototypeOf(v) !== Object.prototype && Object.getPrototypeOf(v) !== null) {
        throw new BackupError(`${pathOf(place)}: expected plain JSON data`);
      }
      for (const k of Object.keys(v)) {
        const child: Place = {
          v: (v as Record<string, unknown>)[k],
          parent: place,
          key: k,
          depth: depth + 1,
        };
        if (FORBIDDEN.has(k)) throw new BackupError(`${pathOf(child)}: forbidden key`);
        chars += k.length;
        stack.push(child);
      }
    } else if (v !== null && v !== undefined && typeof v !== 'number' && typeof v !== 'boolean') {
      throw new BackupError(`${pathOf(place)}: expected JSON data, got ${typeof v}`);
    }
    if (chars > BACKUP_LIMITS.chars)
      throw new BackupError(`file: larger than ${BACKUP_LIMITS.chars} characters`);
  }
}

/** A checked, cleaned copy of a parsed backup file; throws BackupError. */
export function parseBackup(data: unknown): Backup {
  try {
    checkShape(data);
    const o = record(data, 'file');
    if (o.format !== BACKUP_FORMAT) {
      throw new BackupError(
        `format: expected "${BACKUP_FORMAT}", got ${JSON.stringify(o.format) ?? 'nothing'}`,
      );
    }
    if (o.version !== BACKUP_VERSION) {
      const newer = typeof o.version === 'number' && o.version > BACKUP_VERSION;
      throw new BackupError(
        `version: expected ${BACKUP_VERSION}, got ${JSON.stringify(o.version) ?? 'nothing'}` +
          (newer ? ' (made by a newer version of Interview Highlights; update the extension)' : ''),
      );
    }
    const exportedAt = str(o.exportedAt, 'exportedAt', 64);
    if (Number.isNaN(Date.parse(exportedAt)))
      throw new BackupError(`exportedAt: expected an ISO date, got ${JSON.stringify(exportedAt)}`);
    const articles = list(checkArticle, BACKUP_LIMITS.articles)(o.articles, 'articles');
    const highlights = list(checkHighlight, BACKUP_LIMITS.highlights)(o.highlights, 'highlights');
    const keys = new Set<string>();
    articles.forEach((a, i) => {
      if (keys.has(a.key))
        throw new BackupError(`articles[${i}].key: ${JSON.stringify(a.key)} appears twice`);
      keys.add(a.key);
    });
    const ids = new Set<string>();
    highlights.forEach((h, i) => {
      if (ids.has(h.id)) throw new BackupError(`highlights[${i}].id: ${JSON.stringify(h.id)} appears twice`);
      ids.add(h.id);
      if (!keys.has(h.articleKey)) {
        throw new BackupError(
          `highlights[${i}].articleKey: no article with key ${JSON.stringify(h.articleKey)} in the file`,
        );
      }
    });
    return { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt, articles, highlights };
  } catch (e) {
    if (e instanceof ValidationError) throw new BackupError(e.message);
    throw e;
  }
}

/** Parses backup file text; a file that is not JSON is refused the same way as a malformed one. */
export function parseBackupText(text: string): Backup {
  if (text.length > BACKUP_LIMITS.chars)
    throw new BackupError(`file: larger than ${BACKUP_LIMITS.chars} characters`);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new BackupError(`file: not valid JSON (${e instanceof Error ? e.message : String(e)})`);
  }
  return parseBackup(data);
}

export function makeBackup(articles: Article[], highlights: Highlight[], now: number): Backup {
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: new Date(now).toISOString(),
    articles: [...articles].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)),
    highlights: [...highlights].sort(
      (a, b) =>
        (a.articleKey < b.articleKey ? -1 : a.articleKey > b.articleKey ? 1 : 0) ||
        a.createdAt - b.createdAt ||
        (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    ),
  };
}
