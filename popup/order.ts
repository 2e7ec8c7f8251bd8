// Which saved highlight belongs to which part of the page. Their order is the
// one page order of src/order.ts.

import type { Highlight, Section } from '../src/types';

function sameText(a: string, b: string): boolean {
  const norm = (s: string): string => s.normalize('NFC').replace(/\s+/g, ' ').trim();
  return norm(a) === norm(b);
}

/** The saved whole-Q&A highlights of a section. */
export function savedQa(highlights: readonly Highlight[], section: Section): Highlight[] {
  return highlights.filter((h) => h.kind === 'qa' && h.sectionId === section.id);
}

/** The saved paragraph highlights for one answer block (matched by its text: positions shift, text does not). */
export function savedParagraph(
  highlights: readonly Highlight[],
  section: Section,
  index: number,
): Highlight[] {
  const block = section.answer[index];
  if (!block) return [];
  return highlights.filter(
    (h) => h.kind === 'paragraph' && h.sectionId === section.id && sameText(h.quote, block.text),
  );
}

/** Orphans are the ones the page could not place now, or that the store remembers as unplaced and the page did not place. */
export function isOrphan(
  h: Highlight,
  orphanedIds: ReadonlySet<string>,
  placedIds: ReadonlySet<string>,
): boolean {
  if (orphanedIds.has(h.id)) return true;
  return h.orphaned && !placedIds.has(h.id);
}
