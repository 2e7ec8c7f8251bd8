// What "Send to Obsidian" hands over, from the reader's settings: checked by the
// address and clipboard text, and by merging what a later export writes.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { effectiveTemplates } from '../../src/export/template-defaults';
import { DEFAULT_TEMPLATE_SETTINGS } from '../../src/export/template-settings';
import { mergeNote } from '../../src/obsidian/merge';
import { DEFAULT_OBSIDIAN_SETTINGS } from '../../src/obsidian/settings';
import {
  highlightHandoff,
  interviewHandoff,
  interviewNotePart,
  type SendContext,
} from '../../src/obsidian/send';
import { DEFAULT_SETTINGS } from '../../src/types';
import { article, highlight } from '../export/data';

const ctx = (over: Partial<SendContext['obsidian']> = {}): SendContext => ({
  obsidian: { ...DEFAULT_OBSIDIAN_SETTINGS, vault: 'Notes', ...over },
  templates: effectiveTemplates(DEFAULT_TEMPLATE_SETTINGS).templates,
  templateSettings: DEFAULT_TEMPLATE_SETTINGS,
  colorNames: { green: 'Key idea' },
  export: DEFAULT_SETTINGS.export,
});
const a = article();
const hs = [
  highlight({
    id: '3f2a9c1e-5b7d-4e8f-9a0b-1c2d3e4f5a6b',
    quote: 'Pinterest has a very unique culture.',
    sectionId: 'q-led',
    question: 'What led you to joining Pinterest?',
    color: 'green',
  }),
];

describe('Send to Obsidian', () => {
  it('creates the interview’s note: front matter, then the part between markers, block ids on', () => {
    const h = interviewHandoff(ctx(), a, hs, { clipboard: false });
    const q = new URL(h.url);
    expect(q.protocol).toBe('obsidian:');
    expect(q.searchParams.get('vault')).toBe('Notes');
    expect(q.searchParams.get('file')).toBe('Interviews/Create the engineering career you love at Pinterest');
    const content = q.searchParams.get('content')!;
    expect(content).toBe(mergeNote('', interviewNotePart(ctx(), a, hs)).text);
    expect(content.startsWith('---\ntitle: ')).toBe(true);
    expect(content).toContain('%% interview-highlights begin ');
    expect(content).toContain('\n^h-3f2a9c1e5b7d\n');
    // A later export through the REST API finds the part and replaces it, nothing else.
    expect(mergeNote(`${content}\nMine.\n`, interviewNotePart(ctx(), a, hs)).outcome).toBe('unchanged');
  });

  it('adds to an existing note without front matter, through the clipboard when long', () => {
    const long = [
      ...hs,
      ...Array.from({ length: 30 }, (_, i) =>
        highlight({ quote: `Quote number ${i}, long enough to matter.` }),
      ),
    ];
    const h = interviewHandoff(ctx({ noteMode: 'append' }), a, long, { clipboard: true });
    expect(h.clipboardText!.startsWith('\n\n%% interview-highlights begin ')).toBe(true);
    expect(h.clipboardText).not.toContain('title: ');
    expect(new URL(h.url).searchParams.get('append')).toBe('true');
  });

  it('adds one highlight to its note, or to the daily note', () => {
    const toNote = highlightHandoff(ctx(), a, hs, hs[0]!.id, { clipboard: false })!;
    expect(new URL(toNote.url).searchParams.get('content')).toBe(
      '\n\n> Pinterest has a very unique culture.\n> — Behnam Rezaei · [source](https://medium.com/pinterest-engineering/create-the-engineering-career-you-love-at-pinterest-4f0e6b3a2c1d#:~:text=Pinterest%20has%20a%20very%20unique%20culture.)\n\n^h-3f2a9c1e5b7d\n',
    );
    const daily = highlightHandoff(ctx({ highlightTarget: 'daily', openNote: false }), a, hs, hs[0]!.id, {
      clipboard: false,
    })!;
    expect(daily.url.startsWith('obsidian://daily?vault=Notes&append=true&silent=true&content=')).toBe(true);
    expect(highlightHandoff(ctx(), a, hs, 'gone', { clipboard: false })).toBeNull();
  });
});

describe('the README’s example note (docs/example-note.md)', () => {
  it('is what the shipped template sends today, with the reader’s line kept below it', () => {
    const noted = highlight({
      id: '3f2a9c1e-5b7d-4e8f-9a0b-1c2d3e4f5a6b',
      quote: 'Pinterest has a very unique culture.',
      sectionId: 'q-led',
      question: 'What led you to joining Pinterest?',
      color: 'green',
      note: 'Ask about this in my own interview.',
      tags: ['culture'],
    });
    const sent = new URL(interviewHandoff(ctx(), a, [noted], { clipboard: false }).url).searchParams.get(
      'content',
    )!;
    const example = readFileSync(join(import.meta.dirname, '../../docs/example-note.md'), 'utf8');
    const mine = '\nMy own thoughts on this interview, kept on every export.\n';
    expect(example).toBe(`${sent}${mine}`);
    // Sent again, the reader's line stays where it was.
    expect(mergeNote(example, interviewNotePart(ctx(), a, [noted])).text).toBe(example);
  });
});
