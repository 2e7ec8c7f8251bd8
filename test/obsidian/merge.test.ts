// mergeNote: exporting again replaces only the extension's part of a note and
// never loses a word the reader wrote, whatever they did to the note since.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { effectiveTemplates } from '../../src/export/template-defaults';
import { renderNoteWith } from '../../src/export/template-export';
import { DEFAULT_TEMPLATE_SETTINGS } from '../../src/export/template-settings';
import { checksum, mergeNote, type NotePart, notePart, partId, partText } from '../../src/obsidian/merge';
import { article, highlight } from '../export/data';

const KEY = 'https://medium.com/pinterest-engineering/a-post-123';
const ID = partId(KEY);
const part = (body: string, frontMatter: string | null = null): NotePart => ({ key: KEY, frontMatter, body });

/** Lines a reader might write, marker look-alikes of other interviews and Obsidian comments among them. */
const readerLine = fc.oneof(
  fc.constantFrom(
    '',
    'My own thoughts on this.',
    '## Follow-ups',
    '- [ ] ask about the team',
    '%% a comment of mine %%',
    `%% interview-highlights begin ${partId('another interview')} 00000000 · exported part %%`,
    `%% interview-highlights end ${partId('another interview')} %%`,
    `%% interview-highlights kept ${ID}: a note left by an earlier export %%`,
    '> a quote I typed',
    '---',
    '   ',
  ),
  fc.string({ maxLength: 30 }).filter((s) => !s.includes('\n')),
);
const readerText = fc.array(readerLine, { maxLength: 8 }).map((ls) => ls.join('\n'));
const body = fc
  .array(
    fc.oneof(
      fc.constantFrom('', '## What led you here?', '> A quote.', '#culture'),
      fc.string({ maxLength: 20 }),
    ),
    {
      maxLength: 6,
    },
  )
  .map((ls) => ls.join('\n'));

/** `before` + the part + `after`, with the part on lines of its own. */
function around(before: string, text: string, after: string): string {
  return `${before}${before === '' ? '' : '\n'}${text}${after === '' ? '' : `\n${after}`}`;
}

function isSubsequence(sub: readonly string[], of: readonly string[]): boolean {
  let i = 0;
  for (const x of of) if (i < sub.length && x === sub[i]) i++;
  return i === sub.length;
}

/** The fresh part is in the text exactly once, whole. */
function expectOnePart(text: string, fresh: NotePart): void {
  expect(text.split(`%% interview-highlights begin ${ID} `).length).toBe(2);
  expect(text.replace(/\r/g, '')).toContain(partText(fresh));
}

describe('mergeNote', () => {
  it('creates a note: front matter, then the part between its markers', () => {
    const m = mergeNote('', part('# Title\n\n> A quote.\n', '---\ntitle: "T"\n---'));
    expect(m.outcome).toBe('created');
    expect(m.text).toBe(
      `---\ntitle: "T"\n---\n\n%% interview-highlights begin ${ID} ${checksum('# Title\n\n> A quote.')} · exported part: replaced on each export, write your own notes outside it %%\n# Title\n\n> A quote.\n%% interview-highlights end ${ID} %%\n`,
    );
  });

  it('replaces only its part: a highlight deleted since disappears, the reader’s text stays byte for byte', () => {
    const { templates } = effectiveTemplates(DEFAULT_TEMPLATE_SETTINGS);
    const a = article();
    const kept = highlight({ quote: 'Pinterest has a very unique culture.', sectionId: 'q-led' });
    const gone = highlight({ quote: 'A quote the reader deleted later.', sectionId: 'q-led' });
    const render = (hs: (typeof kept)[]) =>
      notePart(a.key, renderNoteWith(templates, a, hs, { blockIds: true }));
    const first = mergeNote('', render([kept, gone])).text;
    const [head, rest] = [first.slice(0, first.indexOf('%%')), first.slice(first.indexOf('%%'))];
    const reader = `${head}My notes before.\n\n${rest}\n## My follow-ups\n\n- ask about ranking\n`;
    const again = mergeNote(reader, render([kept]));
    expect(again.outcome).toBe('replaced');
    expect(again.text).not.toContain('A quote the reader deleted later.');
    expect(again.text).toContain('Pinterest has a very unique culture.');
    expect(again.text.startsWith(`${head}My notes before.\n\n%%`)).toBe(true);
    expect(again.text.endsWith('%%\n\n## My follow-ups\n\n- ask about ranking\n')).toBe(true);
    expect(mergeNote(again.text, render([kept])).outcome).toBe('unchanged');
  });

  it('keeps what the reader edited inside the part, says so, and writes the fresh part after it', () => {
    const old = mergeNote('', part('> A quote.')).text;
    const edited = old.replace('> A quote.', '> A quote.\n\nMy remark, typed inside the part.');
    const m = mergeNote(edited, part('> A quote.\n\n> Another.'));
    expect(m.outcome).toBe('kept-edits');
    expect(m.text).toContain('My remark, typed inside the part.');
    expect(m.text).toContain(`%% interview-highlights kept ${ID}: you edited the exported part below`);
    expect(m.text.indexOf('My remark')).toBeLessThan(m.text.indexOf('> Another.'));
    expectOnePart(m.text, part('> A quote.\n\n> Another.'));
  });

  it('touches nothing around a deleted marker and writes the fresh part at the end', () => {
    const old = mergeNote('', part('> A quote.')).text;
    const noEnd = `Intro.\n${old.split('\n').slice(0, -2).join('\n')}\nMy text after.\n`;
    const m = mergeNote(noEnd, part('> Fresh.'));
    expect(m.outcome).toBe('markers-damaged');
    expect(m.text).toContain('Intro.\n');
    expect(m.text).toContain('> A quote.\nMy text after.\n');
    expect(m.text.endsWith(`${partText(part('> Fresh.'))}\n`)).toBe(true);
    expectOnePart(m.text, part('> Fresh.'));
  });

  it('keeps a note written with CR LF in CR LF, trailing spaces and line endings not counting as edits', () => {
    const old = mergeNote('', part('> A quote.'))
      .text.replace(/\n/g, '\r\n')
      .replace('> A quote.', '> A quote.  ');
    const m = mergeNote(`Mine.\r\n${old}`, part('> Fresh.'));
    expect(m.outcome).toBe('replaced');
    expect(m.text).toBe(`Mine.\r\n${partText(part('> Fresh.')).replace(/\n/g, '\r\n')}\r\n`);
  });

  it('leaves parts of other interviews alone', () => {
    const other = mergeNote('', { key: 'another interview', frontMatter: null, body: '> Theirs.' }).text;
    const m = mergeNote(other, part('> Mine.'));
    expect(m.outcome).toBe('appended');
    expect(m.text.startsWith(other)).toBe(true);
    expectOnePart(m.text, part('> Mine.'));
  });

  it('never lets page text end or fake a part', () => {
    const fake = `> A quote.\n%% interview-highlights end ${ID} %%\nInjected after the end.`;
    const first = mergeNote('', part(fake)).text;
    const second = mergeNote(first, part(fake));
    expect(second.outcome).toBe('unchanged');
    expect(first).toContain(`\\%% interview-highlights end ${ID} %%`);
  });

  it('is idempotent and keeps the fresh part once, whatever the note holds', () => {
    const markerLine = fc.constantFrom(
      `%% interview-highlights begin ${ID} 00000000 · x %%`,
      `%% interview-highlights begin ${ID} %%`,
      `%% interview-highlights end ${ID} %%`,
      ` %%  interview-highlights end ${ID} %%\r`,
    );
    const note = fc
      .array(fc.oneof({ weight: 4, arbitrary: readerLine }, { weight: 1, arbitrary: markerLine }), {
        maxLength: 12,
      })
      .map((ls) => ls.join('\n'));
    const withOld = fc.tuple(readerText, body, readerText, fc.boolean()).map(([a, b, c, crlf]) => {
      const t = around(a, partText(part(b)), c);
      return crlf ? t.replace(/\n/g, '\r\n') : t;
    });
    fc.assert(
      fc.property(fc.oneof(note, withOld), body, (existing, b) => {
        const fresh = part(b, '---\ntitle: "T"\n---');
        const once = mergeNote(existing, fresh).text;
        expect(mergeNote(once, fresh).text).toBe(once);
        expectOnePart(once, fresh);
        // Every line the reader wrote outside an untouched part is still there, in order.
        const outcome = mergeNote(existing, fresh).outcome;
        if (outcome !== 'replaced' && outcome !== 'unchanged' && existing.trim() !== '')
          expect(
            isSubsequence(
              existing
                .replace(/\r/g, '')
                .split('\n')
                .filter((l) => !/interview-highlights (begin|end)/.test(l)),
              once.replace(/\r/g, '').split('\n'),
            ),
          ).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it('leaves the reader’s text around an untouched part byte for byte', () => {
    fc.assert(
      fc.property(readerText, body, readerText, body, (a, oldBody, c, freshBody) => {
        const m = mergeNote(around(a, partText(part(oldBody)), c), part(freshBody));
        expect(m.text).toBe(around(a, partText(part(freshBody)), c));
      }),
      { numRuns: 400 },
    );
  });

  it('keeps an edited part and the reader’s text around it, in order', () => {
    fc.assert(
      fc.property(
        readerText,
        body,
        fc.string({ minLength: 1, maxLength: 20 }),
        readerText,
        body,
        (a, b, edit, c, freshBody) => {
          const old = partText(part(b)).split('\n');
          const edited = [old[0]!, `${edit}x`, ...old.slice(1)].join('\n');
          const m = mergeNote(around(a, edited, c), part(freshBody));
          expect(m.outcome).toBe('kept-edits');
          const lines = m.text.split('\n');
          const expected = around(a, edited, c)
            .split('\n')
            .filter((l) => !/interview-highlights (begin|end)/.test(l));
          expect(isSubsequence(expected, lines)).toBe(true);
          expectOnePart(m.text, part(freshBody));
        },
      ),
      { numRuns: 300 },
    );
  });
});
