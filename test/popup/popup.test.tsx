// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src/types';
import { fakeServices, makeHighlight, sampleInterview, section, snapshot } from './fakes';
import { click, key, mount, questionTexts, settle, type, type Mounted } from './mount';

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

const ready = (interview = sampleInterview(), extra = {}) => ({
  page: { status: 'ok' as const, page: snapshot(interview, extra) },
});

function button(root: HTMLElement, label: string): HTMLButtonElement {
  const found = [...root.querySelectorAll('button')].find(
    (b) => b.getAttribute('aria-label') === label || b.textContent === label,
  );
  if (!found) throw new Error(`no button ${label}`);
  return found;
}

function qa(root: HTMLElement, id: string): HTMLElement {
  const li = root.querySelector<HTMLElement>(`li.qa[data-section-id="${id}"]`);
  if (!li) throw new Error(`no section ${id}`);
  return li;
}

describe('popup header and questions', () => {
  it('shows the title, who is interviewed, the site and date, and every question with a preview', async () => {
    const { root } = await open(ready());
    expect(root.querySelector('h1')?.textContent).toBe('Meet Ana Souza');
    expect(root.querySelector('.subject')?.textContent).toBe('Ana Souza, Staff Engineer · Ads Ranking');
    expect(root.querySelector('.meta')?.textContent).toBe('Pinterest Engineering Blog · 2024-02-03');
    expect(questionTexts(root)).toEqual([
      'What led you to joining?',
      'What does a typical day look like?',
      'How do you work across teams?',
    ]);
    expect(qa(root, 'q-joining').querySelector('.preview')?.textContent).toBe(
      'I wanted to work on a product I use every day. The team made the résumé review feel like a conversation.',
    );
    expect(qa(root, 'q-joining').querySelector('.subquestion')?.textContent).toBe('And what kept you here?');
  });

  it('names a generic page by its publication or host', async () => {
    const interview = {
      ...sampleInterview(),
      site: 'generic' as const,
      publication: null,
      url: 'https://www.example.org/a',
    };
    const { root } = await open(ready(interview));
    expect(root.querySelector('.site')?.textContent).toBe('example.org');
  });

  it('expands to the whole answer with headings, lists, code, quotes and speakers, and collapses again', async () => {
    const { root } = await open(ready());
    const day = qa(root, 'q-day');
    const toggle = day.querySelector('button.question');
    expect(toggle?.getAttribute('aria-expanded')).toBe('false');
    await click(toggle);
    expect(toggle?.getAttribute('aria-expanded')).toBe('true');
    expect(day.querySelector('h4')?.textContent).toBe('Mornings');
    expect(
      [...day.querySelectorAll('ol > li')].map((li) => li.querySelector('.answer-li')?.textContent),
    ).toEqual(['Review designs', 'Pair on code']);
    expect([...day.querySelectorAll('ul.answer-list > li')].map((li) => li.textContent)).toEqual(['Coffee☆']);
    expect(day.querySelector('pre code')?.textContent).toBe('const day = plan();');
    expect(day.querySelector('blockquote')?.textContent).toBe('Ship small, ship often.');
    expect(day.querySelector('.preview')).toBeNull();

    await click(qa(root, 'q-panel').querySelector('button.question'));
    expect([...qa(root, 'q-panel').querySelectorAll('.speaker')].map((s) => s.textContent)).toEqual([
      'Ana Souza: ',
      'Bo Chen: ',
    ]);

    await click(toggle);
    expect(toggle?.getAttribute('aria-expanded')).toBe('false');
    expect(day.querySelector('.answer')).toBeNull();
  });

  it('scrolls the page to a question when it is clicked', async () => {
    const { root, fake } = await open(ready());
    await click(qa(root, 'q-panel').querySelector('button.question'));
    expect(fake.callsTo('scrollTo')).toEqual([['q-panel']]);
  });
});

describe('saving', () => {
  it('saves a whole Q&A, shows it saved, and unsaves it', async () => {
    const { root, fake } = await open(ready());
    const save = qa(root, 'q-joining').querySelector('button.save');
    expect(save?.getAttribute('aria-pressed')).toBe('false');
    await click(save);
    expect(fake.callsTo('saveSection')).toEqual([['q-joining', undefined]]);
    expect(save?.getAttribute('aria-pressed')).toBe('true');
    expect(save?.textContent).toBe('Saved');
    expect(root.querySelectorAll('.on-page li.highlight')).toHaveLength(1);
    expect(root.querySelector('[role="status"]')?.textContent).toContain('Saved');

    await click(save);
    const savedId = fake.callsTo('deleteHighlights')[0]?.[0];
    expect(savedId).toHaveLength(1);
    expect(fake.rows).toHaveLength(0);
    expect(fake.callsTo('libraryChanged')).toEqual([[['https://example.com/interview']]]);
    expect(save?.getAttribute('aria-pressed')).toBe('false');
  });

  it('saves a single answer paragraph by its index and marks only that one', async () => {
    const { root, fake } = await open(ready());
    await click(qa(root, 'q-joining').querySelector('button.question'));
    const clips = qa(root, 'q-joining').querySelectorAll('button.clip');
    expect(clips).toHaveLength(2);
    await click(clips[1]);
    expect(fake.callsTo('saveSection')).toEqual([['q-joining', 1]]);
    expect(clips[1]?.getAttribute('aria-pressed')).toBe('true');
    expect(clips[0]?.getAttribute('aria-pressed')).toBe('false');
    expect(qa(root, 'q-joining').querySelector('button.save')?.getAttribute('aria-pressed')).toBe('false');

    await click(clips[1]);
    expect(fake.callsTo('deleteHighlights')).toHaveLength(1);
    expect(clips[1]?.getAttribute('aria-pressed')).toBe('false');
  });

  it('recognises what was saved before the popup opened', async () => {
    const interview = sampleInterview();
    const rows = [
      makeHighlight({
        kind: 'qa',
        sectionId: 'q-day',
        quote: 'whole',
        question: 'What does a typical day look like?',
      }),
      makeHighlight({
        kind: 'paragraph',
        sectionId: 'q-joining',
        quote: '  I wanted to work on a product\nI use every day. ',
      }),
    ];
    const { root } = await open({ ...ready(interview), highlights: rows });
    expect(qa(root, 'q-day').querySelector('button.save')?.getAttribute('aria-pressed')).toBe('true');
    expect(qa(root, 'q-joining').querySelector('button.save')?.getAttribute('aria-pressed')).toBe('false');
    await click(qa(root, 'q-joining').querySelector('button.question'));
    expect(
      [...qa(root, 'q-joining').querySelectorAll('button.clip')].map((b) => b.getAttribute('aria-pressed')),
    ).toEqual(['true', 'false']);
  });

  it('says so when saving fails', async () => {
    const interview = sampleInterview();
    const { root, fake } = await open(ready(interview));
    fake.saveSection = async () => {
      throw new Error('That question is not on this page.');
    };
    await click(qa(root, 'q-day').querySelector('button.save'));
    expect(root.querySelector('[role="status"]')?.textContent).toBe(
      'Could not save: That question is not on this page.',
    );
    expect(qa(root, 'q-day').querySelector('button.save')?.getAttribute('aria-pressed')).toBe('false');
  });
});

describe('search', () => {
  it('filters questions by question and answer text, ignoring case and accents', async () => {
    const { root } = await open(ready());
    const search = root.querySelector<HTMLInputElement>('input[type="search"]');
    await type(search, 'RESUME');
    expect(questionTexts(root)).toEqual(['What led you to joining?']);
    await type(search, 'pair   CODE');
    expect(questionTexts(root)).toEqual(['What does a typical day look like?']);
    await type(search, 'bo chen');
    expect(questionTexts(root)).toEqual(['How do you work across teams?']);
    await type(search, 'nothing like this');
    expect(questionTexts(root)).toEqual([]);
    expect(root.querySelector('.qa-section .empty')?.textContent).toContain('nothing like this');
  });

  it('filters highlights by quote, note and tag', async () => {
    const rows = [
      makeHighlight({ quote: 'First quote', note: 'Très important' }),
      makeHighlight({ quote: 'Second quote', tags: ['hiring'] }),
    ];
    const { root } = await open({ ...ready(), highlights: rows });
    const search = root.querySelector<HTMLInputElement>('input[type="search"]');
    const shown = () => [...root.querySelectorAll('.hl-quote')].map((q) => q.textContent);
    expect(shown()).toEqual(['First quote', 'Second quote']);
    await type(search, 'tres');
    expect(shown()).toEqual(['First quote']);
    await type(search, 'HIRING');
    expect(shown()).toEqual(['Second quote']);
  });

  it('Escape clears the search, / focuses it', async () => {
    const { root } = await open(ready());
    const search = root.querySelector<HTMLInputElement>('input[type="search"]');
    const first = root.querySelector<HTMLButtonElement>('button.question');
    first?.focus();
    const slash = await key(first, '/');
    expect(slash.defaultPrevented).toBe(true);
    expect(document.activeElement).toBe(search);
    await type(search, 'typical');
    expect(questionTexts(root)).toHaveLength(1);
    await key(search, 'Escape');
    expect(search?.value).toBe('');
    expect(questionTexts(root)).toHaveLength(3);
    await type(search, 'typical');
    const only = root.querySelector<HTMLButtonElement>('button.question');
    only?.focus();
    await key(only, 'Escape');
    expect(search?.value).toBe('');
    expect(questionTexts(root)).toHaveLength(3);
  });

  it('typing / inside a text field types it', async () => {
    const rows = [makeHighlight({ quote: 'A quote' })];
    const { root } = await open({ ...ready(), highlights: rows });
    await click(root.querySelector('.hl-row'));
    const note = root.querySelector<HTMLTextAreaElement>('textarea');
    note?.focus();
    const slash = await key(note, '/');
    expect(slash.defaultPrevented).toBe(false);
    expect(document.activeElement).toBe(note);
  });
});

describe('keyboard', () => {
  it('keeps one question in the Tab order and moves it with the arrow keys, Home and End', async () => {
    const { root } = await open(ready());
    const buttons = () => [...root.querySelectorAll<HTMLButtonElement>('button.question')];
    expect(buttons().map((b) => b.tabIndex)).toEqual([0, -1, -1]);
    buttons()[0]?.focus();
    await key(buttons()[0], 'ArrowDown');
    expect(document.activeElement).toBe(buttons()[1]);
    expect(buttons().map((b) => b.tabIndex)).toEqual([-1, 0, -1]);
    await key(buttons()[1], 'End');
    expect(document.activeElement).toBe(buttons()[2]);
    await key(buttons()[2], 'ArrowDown');
    expect(document.activeElement).toBe(buttons()[2]);
    await key(buttons()[2], 'ArrowUp');
    expect(document.activeElement).toBe(buttons()[1]);
    await key(buttons()[1], 'Home');
    expect(document.activeElement).toBe(buttons()[0]);
  });

  it('Enter expands and collapses the focused question without scrolling the page', async () => {
    const { root, fake } = await open(ready());
    const first = root.querySelector<HTMLButtonElement>('button.question');
    first?.focus();
    const enter = await key(first, 'Enter');
    expect(enter.defaultPrevented).toBe(true);
    expect(first?.getAttribute('aria-expanded')).toBe('true');
    await key(first, 'Enter');
    expect(first?.getAttribute('aria-expanded')).toBe('false');
    expect(fake.callsTo('scrollTo')).toEqual([]);
  });

  it('S saves the focused Q&A, and only once', async () => {
    const { root, fake } = await open(ready());
    const second = root.querySelectorAll<HTMLButtonElement>('button.question')[1];
    second?.focus();
    await key(second, 's');
    expect(fake.callsTo('saveSection')).toEqual([['q-day', undefined]]);
    expect(qa(root, 'q-day').querySelector('button.save')?.getAttribute('aria-pressed')).toBe('true');
    await key(second, 'S');
    expect(fake.callsTo('saveSection')).toHaveLength(1);
    expect(root.querySelector('[role="status"]')?.textContent).toContain('Already saved');
  });

  it('labels every control', async () => {
    const rows = [makeHighlight({ quote: 'A quote' })];
    const { root } = await open({ ...ready(), highlights: rows });
    await click(root.querySelector('button.question'));
    for (const el of root.querySelectorAll('button, input, textarea, select')) {
      const name = el.getAttribute('aria-label') ?? el.textContent?.trim();
      expect(name, el.outerHTML).toBeTruthy();
    }
  });
});

describe('hostile page text', () => {
  it('shows markup literally and never creates elements from it', async () => {
    const evil = '<img src=x onerror=alert(1)>';
    const interview = sampleInterview([
      section('q-evil', evil, [{ kind: 'paragraph', text: '<script>alert(2)</script><b>bold</b>' }]),
      section('q-ok', 'Fine?', [{ kind: 'paragraph', text: 'Yes.' }]),
    ]);
    const rows = [
      makeHighlight({ quote: '<iframe src="javascript:alert(3)">', note: '<svg onload=alert(4)>' }),
    ];
    const { root } = await open({
      ...ready({ ...interview, title: '<a href="javascript:x">t</a>' }),
      highlights: rows,
    });
    expect(root.querySelector('.hl-note-line')?.textContent).toBe('<svg onload=alert(4)>');
    await click(root.querySelector('.hl-row'));
    await click(qa(root, 'q-evil').querySelector('button.question'));
    expect(questionTexts(root)[0]).toBe(evil);
    expect(root.querySelector('h1')?.textContent).toBe('<a href="javascript:x">t</a>');
    expect(qa(root, 'q-evil').querySelector('.answer-p')?.textContent).toBe(
      '<script>alert(2)</script><b>bold</b>',
    );
    expect(root.querySelector('.hl-quote')?.textContent).toBe('<iframe src="javascript:alert(3)">');
    expect(root.querySelector('textarea')?.value).toBe('<svg onload=alert(4)>');
    expect(root.querySelectorAll('img, script, b, iframe, svg, a')).toHaveLength(0);
  });
});

describe('pages without Q&A', () => {
  it('says text can still be highlighted where no Q&A is found', async () => {
    const interview = {
      ...sampleInterview([section('q1', 'Why fast?', [{ kind: 'paragraph', text: 'Because.' }])]),
      interview: false,
    };
    const { root } = await open(ready(interview));
    expect(root.querySelector('.questions')).toBeNull();
    const notice = root.querySelector('.notice-no-qa')?.textContent ?? '';
    expect(notice).toContain('No questions and answers found');
    expect(notice).toContain('Alt+Shift+H');
    expect(button(root, 'Copy whole interview').disabled).toBe(true);
  });

  it('says why when the page was too large to read for questions', async () => {
    const interview = { ...sampleInterview([]), interview: false };
    const { root } = await open(ready(interview, { tooLarge: true }));
    const notice = root.querySelector('.notice-no-qa')?.textContent ?? '';
    expect(notice).toContain('This page is too large to read for questions.');
    expect(notice).not.toContain('No questions and answers found');
    expect(notice).toContain('Alt+Shift+H');
  });

  it('offers to look for Q&A where the content script does not run, then shows what it found', async () => {
    const { root, fake } = await open({ page: { status: 'no-receiver' }, afterInject: ready().page });
    expect(root.querySelector('.questions')).toBeNull();
    await click(button(root, 'Find Q&A on this page'));
    expect(fake.callsTo('inject')).toHaveLength(1);
    expect(questionTexts(root)).toHaveLength(3);
  });

  it('says plainly when the page cannot be scripted at all', async () => {
    const { root } = await open({
      page: { status: 'no-receiver' },
      inject: { status: 'forbidden', message: 'Cannot access a chrome:// URL' },
    });
    await click(button(root, 'Find Q&A on this page'));
    const notice = root.querySelector('.notice-forbidden')?.textContent ?? '';
    expect(notice).toContain('cannot be read by extensions');
    expect(notice).toContain('Cannot access a chrome:// URL');
  });
});

describe('on this page', () => {
  const interview = sampleInterview();
  const pos = (start: number) => [{ type: 'TextPositionSelector' as const, start, end: start + 5 }];

  it('lists highlights in page order and orphans apart, each deletable with Undo', async () => {
    const late = makeHighlight({ quote: 'Late on the page', selectors: pos(900) });
    const early = makeHighlight({ quote: 'Early on the page', selectors: pos(10) });
    const lost = makeHighlight({ quote: 'Text that is gone', orphaned: true });
    const { root, fake } = await open({
      ...ready(interview, { orphanedIds: [lost.id], placedIds: [late.id, early.id] }),
      highlights: [late, lost, early],
    });
    const placed = () =>
      [...root.querySelectorAll('.on-page > .highlights .hl-quote')].map((q) => q.textContent);
    expect(placed()).toEqual(['Early on the page', 'Late on the page']);
    expect([...root.querySelectorAll('.orphans .hl-quote')].map((q) => q.textContent)).toEqual([
      'Text that is gone',
    ]);

    await click(root.querySelector('.orphans .hl-row'));
    await click(root.querySelector('.orphans button.delete'));
    expect(fake.callsTo('deleteHighlights')).toEqual([[[lost.id]]]);
    expect(root.querySelector('.orphans')).toBeNull();
    await click(button(root, 'Undo delete'));
    expect(fake.callsTo('restoreHighlights')[0]?.[0]).toEqual([lost]);
    expect([...root.querySelectorAll('.orphans .hl-quote')].map((q) => q.textContent)).toEqual([
      'Text that is gone',
    ]);
    expect(fake.callsTo('libraryChanged')).toHaveLength(2);
  });

  it('puts the keyboard on Undo when a delete takes the focused row away, and on the row when it comes back', async () => {
    const row = makeHighlight({ quote: 'Early on the page', selectors: pos(10) });
    const { root } = await open({ ...ready(interview, { placedIds: [row.id] }), highlights: [row] });
    await click(root.querySelector('.hl-row'));
    const del = root.querySelector<HTMLButtonElement>('button.delete')!;
    del.focus();
    await click(del);
    expect(document.activeElement).toBe(button(root, 'Undo delete'));
    await click(button(root, 'Undo delete'));
    expect(document.activeElement).toBe(root.querySelector(`[data-highlight-id="${row.id}"] .hl-row`));
  });

  it('treats a stored orphan the page has placed again as placed', async () => {
    const back = makeHighlight({ quote: 'Found again', orphaned: true });
    const { root } = await open({ ...ready(interview, { placedIds: [back.id] }), highlights: [back] });
    expect(root.querySelector('.orphans')).toBeNull();
    expect(root.querySelector('.hl-quote')?.textContent).toBe('Found again');
  });

  it('edits notes, tags and color in a row opened by a click, which also shows it on the page', async () => {
    const h = makeHighlight({ quote: 'Editable', tags: ['a'] });
    const { root, fake } = await open({ ...ready(interview, { placedIds: [h.id] }), highlights: [h] });
    expect(root.querySelector('textarea')).toBeNull();
    expect([...root.querySelectorAll('.chip')].map((c) => c.textContent)).toEqual(['a']);
    const row = root.querySelector<HTMLButtonElement>('.hl-row');
    await click(row);
    expect(row?.getAttribute('aria-expanded')).toBe('true');
    expect(fake.callsTo('showHighlight')).toEqual([[h.id]]);
    const note = root.querySelector<HTMLTextAreaElement>('textarea');
    expect(document.activeElement).toBe(note);
    await type(note, 'My note');
    note?.dispatchEvent(new FocusEvent('blur'));
    const tags = root.querySelector<HTMLInputElement>('input.hl-tags');
    await type(tags, '#culture, hiring culture');
    await key(tags, 'Enter');
    await click(root.querySelector('button[aria-label="Blue"]'));
    await settle();
    const updates = fake.callsTo('updateHighlight');
    expect(updates).toContainEqual([h.id, { note: 'My note' }]);
    expect(updates).toContainEqual([h.id, { tags: ['culture', 'hiring'] }]);
    expect(updates).toContainEqual([h.id, { color: 'blue' }]);
    expect(fake.rows[0]).toMatchObject({ note: 'My note', tags: ['culture', 'hiring'], color: 'blue' });
    expect(root.querySelector('button[aria-label="Blue"]')?.getAttribute('aria-pressed')).toBe('true');
    expect(root.querySelector('.write-state')?.textContent).toBe('Saved');
    // A second click closes the row, and does not scroll the page again.
    await click(row);
    expect(root.querySelector('textarea')).toBeNull();
    expect(fake.callsTo('showHighlight')).toHaveLength(1);
    expect(root.querySelector('.hl-note-line')?.textContent).toBe('My note');
  });

  it('does not ask the page to show a highlight it could not place', async () => {
    const lost = makeHighlight({ quote: 'Gone', orphaned: true });
    const { root, fake } = await open({ ...ready(interview), highlights: [lost] });
    await click(root.querySelector('.orphans .hl-row'));
    expect(root.querySelector('.orphans textarea')).not.toBeNull();
    expect(fake.callsTo('showHighlight')).toEqual([]);
    expect(root.textContent).not.toContain('Show on page');
  });
});

describe('export and library', () => {
  it('copies the page highlights with the saved export settings, and the whole interview', async () => {
    const settings = {
      ...DEFAULT_SETTINGS,
      defaultColor: 'green' as const,
      showSaveButton: true,
      export: { frontMatter: false, includeNotes: true, includeTags: false, linkStyle: 'plain' as const },
    };
    const rows = [
      makeHighlight({ quote: 'Quote one', selectors: [{ type: 'TextPositionSelector', start: 5, end: 9 }] }),
    ];
    const { root, fake } = await open({ ...ready(), highlights: rows, settings });
    await click(button(root, 'Copy highlights'));
    const [article, highlights, options] = fake.callsTo('renderHighlights')[0] ?? [];
    expect((article as { title: string }).title).toBe('Meet Ana Souza');
    expect(highlights).toEqual(rows);
    expect(options).toEqual(settings.export);
    expect(fake.clipboard[0]).toBe('# Meet Ana Souza\n\n> Quote one\n');
    expect(root.querySelector('[role="status"]')?.textContent).toBe('Copied 1 highlight as Markdown.');

    await click(button(root, 'Copy whole interview'));
    expect(fake.clipboard[1]).toContain('## What does a typical day look like?');
    expect(root.querySelector('[role="status"]')?.textContent).toContain('3 questions');

    await click(button(root, 'Open library'));
    expect(fake.callsTo('openLibraryPage')).toHaveLength(1);
  });

  it('reports a clipboard that refuses', async () => {
    const rows = [makeHighlight({ quote: 'Quote one' })];
    const { root, fake } = await open({ ...ready(), highlights: rows });
    fake.copyText = async () => {
      throw new Error('Document is not focused.');
    };
    await click(button(root, 'Copy highlights'));
    expect(root.querySelector('[role="status"]')?.textContent).toBe(
      'Could not copy: Document is not focused.',
    );
  });
});
