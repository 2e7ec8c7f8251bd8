// @vitest-environment happy-dom
// The popup as a reader uses it: a typed note survives every way the typing
// ends, rows are compact and open for editing, whole Q&A clips read as the
// page does, search marks what it matched and counts it.
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { NOTE_WRITE_MS } from '../../popup/model';
import { fakeServices, makeHighlight, sampleInterview, snapshot } from './fakes';
import { click, key, mount, settle, type, type Mounted } from './mount';

let mounted: Mounted | null = null;
afterEach(() => {
  mounted?.unmount();
  mounted = null;
});

async function open(...args: Parameters<typeof fakeServices>) {
  const fake = fakeServices(...args);
  mounted = await mount(fake);
  return { fake, root: mounted.root, model: mounted.model };
}

const interview = sampleInterview();
const page = (extra = {}) => ({ status: 'ok' as const, page: snapshot(interview, extra) });

/** Types into the open row's note, as keys do: no blur, no change event. */
async function typeNote(root: HTMLElement, value: string): Promise<HTMLTextAreaElement> {
  const note = root.querySelector<HTMLTextAreaElement>('textarea.hl-note');
  if (!note) throw new Error('no open note');
  await type(note, value);
  return note;
}

async function openRow(root: HTMLElement, index = 0): Promise<void> {
  await click(root.querySelectorAll('.hl-row')[index]);
}

describe('a typed note is never lost', () => {
  const setup = async () => {
    const h = makeHighlight({ quote: 'A quote worth a note' });
    const opened = await open({ page: page({ placedIds: [h.id] }), highlights: [h] });
    await openRow(opened.root);
    return { ...opened, h };
  };

  it('is written while the reader types, without leaving the field', async () => {
    const { root, fake, h } = await setup();
    await typeNote(root, 'Typed and left alone');
    expect(fake.callsTo('updateHighlight')).toEqual([]);
    await act(() => new Promise((r) => setTimeout(r, NOTE_WRITE_MS + 50)));
    await settle();
    expect(fake.callsTo('updateHighlight')).toEqual([[h.id, { note: 'Typed and left alone' }]]);
    expect(root.querySelector('.write-state')?.textContent).toBe('Saved');
  });

  for (const [way, end] of [
    [
      'the popup window blurs (the reader clicked back into the page)',
      () => window.dispatchEvent(new Event('blur')),
    ],
    ['the popup hides', () => window.dispatchEvent(new Event('pagehide'))],
    [
      'the document turns hidden',
      () => {
        Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
        document.dispatchEvent(new Event('visibilitychange'));
        Reflect.deleteProperty(document, 'visibilityState');
      },
    ],
    ['the popup unloads', () => window.dispatchEvent(new Event('beforeunload'))],
    ['the popup is taken down', () => mounted?.unmount()],
  ] as const) {
    it(`is sent at once when ${way}`, async () => {
      const { root, fake, h } = await setup();
      await typeNote(root, `Kept when ${way}`);
      end();
      // Sent synchronously: no await may stand between the way out and the send.
      expect(fake.callsTo('updateHighlight')).toEqual([[h.id, { note: `Kept when ${way}` }]]);
      mounted = null;
    });
  }

  it('hands the background every key as it is typed, for the popup that goes before its write is answered', async () => {
    const { root, fake, h } = await setup();
    await typeNote(root, 'Ty');
    await typeNote(root, 'Typed');
    await type(root.querySelector('input.hl-tags'), 'culture hir');
    expect(fake.callsTo('draftHighlight')).toEqual([
      [h.id, { note: 'Ty' }],
      [h.id, { note: 'Typed' }],
      [h.id, { tags: ['culture', 'hir'] }],
    ]);
  });

  it('Escape closes the row, keeps the note and gives focus back to the row', async () => {
    const { root, fake, h } = await setup();
    const note = await typeNote(root, 'Escape keeps me');
    const pressed = await key(note, 'Escape');
    expect(pressed.defaultPrevented).toBe(true);
    expect(fake.callsTo('updateHighlight')).toEqual([[h.id, { note: 'Escape keeps me' }]]);
    expect(root.querySelector('textarea')).toBeNull();
    expect(document.activeElement).toBe(root.querySelector('.hl-row'));
    expect(root.querySelector('.hl-note-line')?.textContent).toBe('Escape keeps me');
  });

  it('opening another row writes the first one’s note and tags', async () => {
    const h = makeHighlight({ quote: 'First quote' });
    const other = makeHighlight({ quote: 'Another quote' });
    const { root, fake } = await open({ page: page(), highlights: [h, other] });
    await openRow(root, 0);
    await typeNote(root, 'First note');
    await type(root.querySelector('input.hl-tags'), 'culture hiring');
    await openRow(root, 1);
    expect(fake.callsTo('updateHighlight')).toEqual([
      [h.id, { note: 'First note', tags: ['culture', 'hiring'] }],
    ]);
  });

  it('a read of the store that lands mid-typing does not undo what was typed', async () => {
    const { root, model, fake } = await setup();
    await typeNote(root, 'Half a thought');
    await act(() => model.refreshHighlights());
    expect(root.querySelector<HTMLTextAreaElement>('textarea')?.value).toBe('Half a thought');
    expect(fake.rows[0]?.note).toBe('');
  });

  it('a refused write says so and leaves the text in the field', async () => {
    const h = makeHighlight({ quote: 'A quote' });
    const { root } = await open({ page: page(), highlights: [h], refuseWrites: 'Your disk is full.' });
    await openRow(root);
    const note = await typeNote(root, 'Do not drop me');
    note.dispatchEvent(new FocusEvent('blur'));
    await settle();
    expect(root.querySelector('[role="status"]')?.textContent).toBe(
      'Could not save the change: Your disk is full.',
    );
    expect(root.querySelector('.write-state')?.textContent).toBe('Not saved');
    expect(root.querySelector<HTMLTextAreaElement>('textarea')?.value).toBe('Do not drop me');
  });
});

describe('reader first', () => {
  it('lists the page’s highlights before the questions', async () => {
    const { root } = await open({ page: page(), highlights: [makeHighlight({ quote: 'Mine' })] });
    const sections = [...root.querySelectorAll('main > section')].map((s) => s.className);
    expect(sections).toEqual(['on-page', 'qa-section']);
  });

  it('shows a whole Q&A as the page does: the question once, no markers, speakers and paragraphs kept', async () => {
    const qa = makeHighlight({
      kind: 'qa',
      sectionId: 'q-panel',
      question: 'Q: What are you proud of?',
      quote: 'Q: What are you proud of?\n    A: Ana Torres\n  The team.Bo Chen\n    The launch.',
      answer: [
        { kind: 'paragraph', text: 'A:   The team.', speaker: 'Ana Torres' },
        { kind: 'paragraph', text: '\n      The launch.', speaker: 'Bo Chen' },
      ],
    });
    const { root } = await open({ page: page(), highlights: [qa] });
    expect(root.querySelector('.hl-question')?.textContent).toBe('What are you proud of?');
    expect([...root.querySelectorAll('.hl-quote .hl-par')].map((p) => p.textContent)).toEqual([
      'Ana Torres: The team.',
      'Bo Chen: The launch.',
    ]);
    expect(root.querySelector('.hl-quote')?.textContent).not.toContain('proud of');
  });
});

describe('search marks and counts', () => {
  it('marks the matched letters in questions and highlights and counts what is left', async () => {
    const rows = [
      makeHighlight({ quote: 'The résumé review', tags: ['hiring'] }),
      makeHighlight({ quote: 'Something else', note: 'a note' }),
    ];
    const { root } = await open({ page: page(), highlights: rows });
    const counts = () => [...root.querySelectorAll('main h2 .count')].map((c) => c.textContent);
    expect(counts()).toEqual(['(2)', '(3)']);
    await type(root.querySelector('input[type="search"]'), 'resum');
    expect(counts()).toEqual(['(1 of 2)', '(1 of 3)']);
    expect([...root.querySelectorAll('.on-page mark')].map((m) => m.textContent)).toEqual(['résum']);
    expect([...root.querySelectorAll('.qa-section mark')].map((m) => m.textContent)).toEqual(['résum']);
    await type(root.querySelector('input[type="search"]'), 'HIRING');
    expect([...root.querySelectorAll('.chip mark')].map((m) => m.textContent)).toEqual(['hiring']);
  });
});

describe('pages extensions may not read', () => {
  it('blames the browser only on a browser page', async () => {
    const refusal = { status: 'forbidden' as const, message: 'Cannot access contents of the page.' };
    const ordinary = await open({
      page: { status: 'no-receiver' },
      inject: refusal,
      tabUrl: 'https://example.com/post',
    });
    await click(
      [...ordinary.root.querySelectorAll('button')].find((b) => b.textContent === 'Find Q&A on this page'),
    );
    expect(ordinary.root.querySelector('.notice-forbidden')).toBeNull();
    expect(ordinary.root.querySelector('.notice-error')?.textContent).toContain(
      'Cannot access contents of the page.',
    );
    mounted?.unmount();

    const browserPage = await open({
      page: { status: 'no-receiver' },
      inject: refusal,
      tabUrl: 'chrome://settings/',
    });
    await click(
      [...browserPage.root.querySelectorAll('button')].find((b) => b.textContent === 'Find Q&A on this page'),
    );
    expect(browserPage.root.querySelector('.notice-forbidden')?.textContent).toContain(
      'cannot be read by extensions',
    );
  });
});
