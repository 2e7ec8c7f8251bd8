// Which saved highlight belongs to which part of the page, and in what order.

import type { Highlight, Interview, Section } from '../src/types';

function sameText(a: string, b: string): boolean {
  const norm = (s: string): string => s.normalize('NFC').replace(/\s+/g, ' ').trim();
  return norm(a) === norm(b);
}

function positionOf(h: Highlight): number | null {
  for (const s of h.selectors) if (s.type === 'TextPositionSelector') return s.start;
  return null;
}

/**
 * Page order: by text position where the highlight has one, else by its
 * question's place on the page; ties keep the order they were saved in.
 */
export function inPageOrder(highlights: readonly Highlight[], interview: Interview | null): Highlight[] {
  const sectionIndex = new Map<string, number>();
  interview?.sections.forEach((s, i) => {
    sectionIndex.set(s.id, i);
  });
  const key = (h: Highlight): [number, number, number] => [
    positionOf(h) ?? Number.MAX_SAFE_INTEGER,
    h.sectionId !== null
      ? (sectionIndex.get(h.sectionId) ?? Number.MAX_SAFE_INTEGER)
      : Number.MAX_SAFE_INTEGER,
    h.createdAt,
  ];
  return [...highlights]
    .map((h) => ({ h, k: key(h) }))
    .sort((a, b) => a.k[0] - b.k[0] || a.k[1] - b.k[1] || a.k[2] - b.k[2])
    .map(({ h }) => h);
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
