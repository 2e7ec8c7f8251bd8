// What a reader should see when a rendered file is read back, built from the
// data the file was made from: block kinds and their text, in order.

import type { Article, Block, Highlight, Interview } from '../../src/types';
import { norm, type ReadBlock } from './markdown-text';

export interface Seen {
  kind: string;
  text: string;
}

export function seen(blocks: ReadBlock[]): Seen[] {
  // Code keeps its exact text; prose compares with white space normalised.
  return blocks.map((b) => ({ kind: b.kind, text: b.kind.endsWith('code') ? b.text : norm(b.text) }));
}

export function answerBlocks(answer: readonly Block[]): Seen[] {
  return answer.map((b) => {
    switch (b.kind) {
      case 'heading':
        return { kind: 'h3', text: norm(b.text) };
      case 'list-item':
        return { kind: b.ordered ? 'ol>p' : 'ul>p', text: norm(b.text) };
      case 'quote':
        return { kind: 'quote>p', text: norm(b.text) };
      case 'code':
        return { kind: 'code', text: b.text };
      default:
        return { kind: 'p', text: norm(b.speaker ? `${b.speaker}: ${b.text}` : b.text) };
    }
  });
}

function bylineText(
  title: { subjectName?: string | undefined; role?: string | undefined; author: string | null },
  site: string,
  published: string | null,
): string {
  const who = [title.subjectName, title.role].filter(Boolean).join(', ') || title.author || '';
  return norm([who, site, published ?? ''].filter(Boolean).join(' · '));
}

export function interviewBlocks(i: Interview, site: string): Seen[] {
  const out: Seen[] = [{ kind: 'h1', text: norm(i.title) }];
  out.push({
    kind: 'p',
    text: bylineText(
      { subjectName: i.subject.name, role: i.subject.role, author: i.author },
      site,
      i.published,
    ),
  });
  for (const s of i.sections) {
    out.push({ kind: 'h2', text: norm(s.question) });
    if (s.subQuestions.length > 0) out.push({ kind: 'p', text: norm(s.subQuestions.join(' ')) });
    out.push(...answerBlocks(s.answer));
  }
  return out;
}

export interface ExpectedGroup {
  heading: string;
  highlights: Highlight[];
}

export interface ShownParts {
  notes: boolean;
  tags: boolean;
  link: boolean;
}

/** The blocks of renderHighlights output, with groups and their order given by the test. */
export function highlightBlocks(
  a: Article,
  site: string,
  groups: ExpectedGroup[],
  parts: ShownParts,
): Seen[] {
  const out: Seen[] = [{ kind: 'h1', text: norm(a.title) }];
  out.push({
    kind: 'p',
    text: bylineText(
      { subjectName: a.subject.name, role: a.subject.role, author: a.author },
      site,
      a.published,
    ),
  });
  for (const g of groups) {
    out.push({ kind: 'h2', text: norm(g.heading) });
    const subs = g.highlights.find((h) => h.kind === 'qa' && h.subQuestions?.length)?.subQuestions;
    if (subs) out.push({ kind: 'p', text: norm(subs.join(' ')) });
    for (const h of g.highlights) {
      const who = h.speaker ?? a.subject.name;
      const attribution = norm(
        ['—', [who, parts.link ? 'source' : ''].filter(Boolean).join(' · ')].join(' '),
      );
      if (h.kind === 'qa') {
        out.push(...answerBlocks(h.answer ?? []));
        out.push({ kind: 'p', text: attribution });
      } else {
        const paragraphs = h.quote.split(/\n\s*\n/);
        paragraphs.forEach((p, i) => {
          out.push({ kind: 'quote>p', text: norm(i === paragraphs.length - 1 ? `${p} ${attribution}` : p) });
        });
      }
      if (parts.notes && h.note.trim())
        for (const p of h.note.split(/\n\s*\n/)) out.push({ kind: 'p', text: norm(p) });
      if (parts.tags && h.tags.length > 0)
        out.push({ kind: 'p', text: h.tags.map((t) => `#${t}`).join(' ') });
    }
  }
  return out;
}
