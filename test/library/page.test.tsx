// @vitest-environment happy-dom
// The Settings view's Obsidian panel imports the browser shell.
vi.mock('webextension-polyfill', () => import('./no-extension'));
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AUTOSAVE_MS } from '../../options/model';
import { type Article, DEFAULT_SETTINGS, type Highlight } from '../../src/types';
import { article, highlight } from './fixtures';
import {
  buttonNamed,
  choose,
  click,
  control,
  eventually,
  mount,
  settle,
  typeInto,
  waitFor,
  type Mounted,
} from './harness';

let mounted: Mounted | null = null;
afterEach(() => {
  mounted?.unmount();
  mounted = null;
});

function twoInterviews(): { a: Article; b: Article; ha: Highlight[]; hb: Highlight[] } {
  const a = article({
    key: 'https://medium.com/pinterest-engineering/career',
    title: 'Create the engineering career you love',
    site: 'pinterest-engineering-blog',
    published: '2023-08-03',
    subject: { name: 'Behnam Rezaei', role: 'VP, Engineering', team: 'Core' },
    lastClippedAt: 5000,
    sections: [
      { id: 's-join', question: 'What led you to joining Pinterest?' },
      { id: 's-advice', question: 'What advice would you give?' },
    ],
  });
  const b = article({
    key: 'https://www.pinterestcareers.com/life/profile',
    title: 'Life at Pinterest: Zoë',
    site: 'life-at-pinterest',
    published: '2022-01-10',
    subject: { name: 'Zoë Ng', role: 'Recruiter' },
    lastClippedAt: 9000,
    sections: [{ id: 't-advice', question: 'Any tips for candidates?' }],
  });
  const ha = [
    highlight(a, {
      id: 'a-advice',
      sectionId: 's-advice',
      question: 'What advice would you give?',
      quote: 'Be curious about the product.',
      start: 900,
    }),
    highlight(a, {
      id: 'a-join-2',
      sectionId: 's-join',
      question: 'What led you to joining Pinterest?',
      quote: 'The mission felt personal.',
      start: 300,
    }),
    highlight(a, {
      id: 'a-join-1',
      sectionId: 's-join',
      question: 'What led you to joining Pinterest?',
      quote: 'Pinterest has a very unique culture.',
      start: 100,
      tags: ['culture'],
    }),
  ];
  const hb = [
    highlight(b, {
      id: 'b-tip',
      sectionId: 't-advice',
      question: 'Any tips for candidates?',
      quote: 'Practise explaining your résumé out loud.',
      start: 50,
      note: 'Useful for mentoring',
    }),
  ];
  return { a, b, ha, hb };
}

const texts = (root: ParentNode, sel: string): string[] =>
  [...root.querySelectorAll(sel)].map((e) => (e.textContent ?? '').trim());

/** The row whose text holds text, once it shows, with its note editor opened. */
async function openEditor(root: ParentNode, text: string): Promise<Element> {
  const row = await waitFor(
    () => [...root.querySelectorAll('.highlight')].find((e) => e.textContent?.includes(text)),
    'the row',
  );
  await click(buttonNamed(row, 'Add note or tags'));
  return row;
}

describe('library page', () => {
  it('groups highlights by interview, under their questions in page order', async () => {
    const { a, b, ha, hb } = twoInterviews();
    mounted = await mount({
      seed: [
        { article: a, highlights: ha },
        { article: b, highlights: hb },
      ],
    });
    const { root } = mounted;
    await waitFor(() => root.querySelector('.article-title'), 'the first interview');
    // Last clipped first: Zoë's profile was clipped later.
    expect(texts(root, '.article-title')).toEqual([b.title, a.title]);
    const meta = texts(root, '.article');
    expect(meta[1]).toContain('Behnam Rezaei, VP, Engineering · Core');
    expect(meta[1]).toContain('Pinterest Engineering Blog');
    expect(meta[1]).toContain('2023-08-03');
    expect(meta[1]).toContain('3 highlights');
    expect(texts(root, '.question')).toEqual([
      'Any tips for candidates?',
      'What led you to joining Pinterest?',
      'What advice would you give?',
    ]);
    expect(texts(root, '.quote')).toEqual([
      'Practise explaining your résumé out loud.',
      'Pinterest has a very unique culture.',
      'The mission felt personal.',
      'Be curious about the product.',
    ]);

    await choose(control(root, 'Sort by'), 'title');
    expect(texts(root, '.article-title')).toEqual([a.title, b.title]);
    expect(mounted.rec.urls.at(-1)).toBe('?sort=title');
  });

  it('shows a whole Q&A once: the question above it, the answer in paragraphs and lists with no "A:", marked when searched', async () => {
    const { a } = twoInterviews();
    const qa = highlight(a, {
      id: 'a-qa',
      kind: 'qa',
      sectionId: 's-join',
      question: 'What led you to joining Pinterest?',
      quote: 'What led you to joining Pinterest?A: The mission felt personal.Kwame Mensah: Me too.first',
      answer: [
        { kind: 'paragraph', text: 'A: The mission felt personal.' },
        { kind: 'paragraph', text: 'Me too.', speaker: 'Kwame Mensah' },
        { kind: 'list-item', text: 'first', ordered: false },
      ],
      subQuestions: ['And the team?'],
      speaker: 'Kwame Mensah',
      start: 100,
    });
    mounted = await mount({ seed: [{ article: a, highlights: [qa] }] });
    const { root } = mounted;
    const row = await waitFor(() => root.querySelector('.highlight'), 'the row');
    expect(texts(root, '.question')).toEqual(['What led you to joining Pinterest?']);
    expect(row.textContent).not.toContain('What led you to joining Pinterest?');
    expect(row.textContent).not.toContain('A:');
    expect(texts(row, '.sub-question')).toEqual(['And the team?']);
    expect(texts(row, '.quote p')).toEqual(['The mission felt personal.', 'Kwame Mensah: Me too.']);
    expect(texts(row, '.quote li')).toEqual(['first']);
    // Its speakers are in its paragraphs, not again under it.
    expect(row.querySelector('p.speaker')).toBeNull();
    expect(row.getAttribute('aria-label')).toBe(
      'Highlight: The mission felt personal. Kwame Mensah: Me too. first',
    );

    await typeInto(root.querySelector('input[type="search"]')!, 'mission');
    await waitFor(() => row.isConnected && root.querySelector('.quote mark'), 'a mark');
    expect(texts(root, '.quote mark')).toEqual(['mission']);
  });

  it('searches across fields with marks built as elements, and keeps the search in the URL', async () => {
    const { a, b, ha, hb } = twoInterviews();
    mounted = await mount({
      seed: [
        { article: a, highlights: ha },
        { article: b, highlights: hb },
      ],
    });
    const { root, rec } = mounted;
    const box = root.querySelector('input[type="search"]');
    await typeInto(box, 'RESUM');
    await waitFor(() => texts(root, '.quote').length === 1, 'one result');
    expect(texts(root, '.quote')).toEqual(['Practise explaining your résumé out loud.']);
    expect(texts(root, '.quote mark')).toEqual(['résum']);
    expect(rec.urls.at(-1)).toBe('?q=RESUM');

    // A note and a question match too; marks land in the field that matched.
    await typeInto(box, 'mentor');
    await waitFor(() => texts(root, '.note mark').length === 1, 'a note match');
    expect(texts(root, '.note mark')).toEqual(['mentor']);

    await typeInto(box, 'cultur');
    await waitFor(
      () => texts(root, '.quote').length === 1 && texts(root, '.quote')[0]!.startsWith('Pinterest'),
      'the culture quote',
    );
    expect(texts(root, '.quote mark')).toEqual(['cultur']);
    expect(texts(root, '.tag mark')).toEqual(['cultur']);

    // Filters combine with the search.
    const facet = [...root.querySelectorAll<HTMLButtonElement>('.facets button')].find((b) =>
      b.textContent?.startsWith('Life at Pinterest'),
    );
    await click(facet);
    await waitFor(() => root.querySelector('.empty'), 'no match');
    expect(rec.urls.at(-1)).toBe('?q=cultur&site=life-at-pinterest');
  });

  it('names the colour facet as the reader named the colour in Settings', async () => {
    const { a, b, ha, hb } = twoInterviews();
    mounted = await mount({
      settings: { colorNames: { ...DEFAULT_SETTINGS.colorNames, yellow: 'key idea' } },
      seed: [
        { article: a, highlights: ha },
        { article: b, highlights: hb },
      ],
    });
    const { root } = mounted;
    await waitFor(() => root.querySelector('.quote'), 'results');
    const colours = [...root.querySelectorAll('.facet')].find(
      (f) => f.querySelector('h2')?.textContent === 'Colours',
    );
    expect([...(colours?.querySelectorAll('.facet-label') ?? [])].map((l) => l.textContent)).toContain(
      'key idea',
    );
  });

  it('restores a bookmarked search and filters from the URL', async () => {
    const { a, b, ha, hb } = twoInterviews();
    mounted = await mount({
      search: '?q=curious&who=Behnam%20Rezaei&sort=title',
      seed: [
        { article: a, highlights: ha },
        { article: b, highlights: hb },
      ],
    });
    const { root } = mounted;
    await waitFor(() => root.querySelector('.quote'), 'results');
    expect((root.querySelector('input[type="search"]') as HTMLInputElement).value).toBe('curious');
    const pressed = [...root.querySelectorAll('.facets button[aria-pressed="true"]')];
    expect(pressed.map((b) => b.querySelector('.facet-label')?.textContent)).toEqual(['Behnam Rezaei']);
    expect(control(root, 'Sort by').value).toBe('title');
    expect(texts(root, '.quote')).toEqual(['Be curious about the product.']);
    expect(texts(root, '.quote mark')).toEqual(['curious']);
  });

  it('edits a note and tags in place, and the store keeps them', async () => {
    const { a, ha } = twoInterviews();
    mounted = await mount({ seed: [{ article: a, highlights: ha }] });
    const { root, library, rec } = mounted;
    const row = await openEditor(root, 'mission felt');
    await typeInto(row.querySelector('textarea'), 'Ask about this in my own interview.');
    await typeInto(row.querySelector('.edit input[type="text"]'), '#mission, values');
    await click(buttonNamed(row, 'Save'));
    await eventually(async () => (await library.getHighlight('a-join-2'))?.note !== '', 'the note saved');
    const stored = await library.getHighlight('a-join-2');
    expect(stored?.note).toBe('Ask about this in my own interview.');
    expect(stored?.tags).toEqual(['mission', 'values']);
    await waitFor(
      () => texts(root, '.note').includes('Ask about this in my own interview.'),
      'the note shown',
    );
    expect(rec.announced).toContainEqual([a.key]);

    await choose(row.querySelector('select[aria-label="Highlight color"]'), 'green');
    await eventually(
      async () => (await library.getHighlight('a-join-2'))?.color === 'green',
      'the color saved',
    );
    await waitFor(() => row.isConnected && row.classList.contains('color-green'), 'the row repainted');
  });

  it('selects with Space and Shift+Space on the rows, the checkboxes showing it', async () => {
    const { a, b, ha, hb } = twoInterviews();
    mounted = await mount({
      seed: [
        { article: a, highlights: ha },
        { article: b, highlights: hb },
      ],
    });
    const { root } = mounted;
    const rows = (): HTMLElement[] => [...root.querySelectorAll<HTMLElement>('.highlight')];
    const boxes = (): boolean[] =>
      [...root.querySelectorAll<HTMLInputElement>('input.pick')].map((x) => x.checked);
    await waitFor(() => rows().length === 4, 'four rows');
    expect(rows().map((r) => r.tabIndex)).toEqual([0, -1, -1, -1]);
    const key = async (el: HTMLElement, k: string, shiftKey = false) =>
      act(() => {
        el.dispatchEvent(new KeyboardEvent('keydown', { key: k, shiftKey, bubbles: true, cancelable: true }));
      });
    await key(rows()[0]!, ' ');
    await key(rows()[0]!, 'j');
    await settle();
    expect(document.activeElement).toBe(rows()[1]);
    await key(rows()[2]!, ' ', true);
    expect(boxes()).toEqual([true, true, true, false]);
    expect(rows().map((r) => r.classList.contains('selected'))).toEqual([true, true, true, false]);
    expect(buttonNamed(root, 'Delete 3 selected')).toBeDefined();
    // The row the keys were last pressed on is the one Tab lands on.
    expect(rows().map((r) => r.tabIndex)).toEqual([-1, -1, 0, -1]);
  });

  it('saves a note after a pause in typing, and what was typed survives closing the editor', async () => {
    const { a, ha } = twoInterviews();
    mounted = await mount({ seed: [{ article: a, highlights: ha }] });
    const { root, library, model } = mounted;
    await openEditor(root, 'mission felt');
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      // What the textarea's input handler does, without the event loop turns the fake clock would hold up.
      model.updateDraft({ note: 'Half a thou' });
      vi.advanceTimersByTime(AUTOSAVE_MS - 100);
      model.updateDraft({ note: 'Half a thought, then a pause' });
      expect(model.draft.value?.note).toBe('Half a thought, then a pause');
      vi.advanceTimersByTime(AUTOSAVE_MS - 1);
      expect(mounted.rec.announced).toEqual([]);
      vi.advanceTimersByTime(1);
    } finally {
      vi.useRealTimers();
    }
    await eventually(
      async () => (await library.getHighlight('a-join-2'))?.note === 'Half a thought, then a pause',
      'the note saved after the pause',
    );
    // Escape closes the editor; the text stays, in the store and on the row.
    await act(() => {
      root
        .querySelector('textarea')!
        .dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    });
    await waitFor(() => texts(root, '.note').includes('Half a thought, then a pause'), 'the note shown');
    expect(root.querySelector('textarea')).toBeNull();
  });

  it('deletes a shift-click range and Undo brings the same rows back', async () => {
    const { a, b, ha, hb } = twoInterviews();
    mounted = await mount({
      seed: [
        { article: a, highlights: ha },
        { article: b, highlights: hb },
      ],
    });
    const { root, library, model } = mounted;
    const before = (await library.exportBackup()).highlights;
    const boxes = (): HTMLInputElement[] => [...root.querySelectorAll<HTMLInputElement>('input.pick')];
    await waitFor(() => boxes().length === 4, 'four rows');
    // The page holds its rows without quote selectors; Undo brings back the store's whole rows.
    expect(before.every((h) => h.selectors.some((s) => s.type === 'TextQuoteSelector'))).toBe(true);
    expect(model.highlights.value.some((h) => h.selectors.some((s) => s.type === 'TextQuoteSelector'))).toBe(
      false,
    );
    await click(boxes()[0]);
    await click(boxes()[2], { shiftKey: true });
    expect(boxes().map((b) => b.checked)).toEqual([true, true, true, false]);
    await click(buttonNamed(root, 'Delete 3 selected'));
    await waitFor(() => boxes().length === 1, 'one row left');
    expect(await library.countHighlights()).toBe(1);
    expect(texts(root, '.quote')).toEqual(['Be curious about the product.']);

    const undo = await waitFor(() => buttonNamed(root, 'Undo'), 'the Undo toast');
    // The button pressed went with the selection: the keyboard is on Undo.
    await waitFor(() => document.activeElement === undo, 'Undo focused');
    await click(undo);
    await waitFor(() => boxes().length === 4, 'rows back');
    expect((await library.exportBackup()).highlights).toEqual(before);
    // And then on a row that came back.
    const focusedRow = (): string | undefined =>
      (document.activeElement as HTMLElement | null)?.dataset?.focusRow;
    await waitFor(() => focusedRow() !== undefined, 'a row focused');
    const restored = before.filter((h) => h.quote !== 'Be curious about the product.').map((h) => h.id);
    expect(restored).toHaveLength(3);
    expect(restored).toContain(focusedRow());
  });

  it('never deletes checked rows that a search has hidden', async () => {
    const { a, b, ha, hb } = twoInterviews();
    mounted = await mount({
      seed: [
        { article: a, highlights: ha },
        { article: b, highlights: hb },
      ],
    });
    const { root, library } = mounted;
    const boxes = (): HTMLInputElement[] => [...root.querySelectorAll<HTMLInputElement>('input.pick')];
    await waitFor(() => boxes().length === 4, 'four rows');
    await click(buttonNamed(root, 'Select all shown'));
    await typeInto(root.querySelector('input[type="search"]'), 'mission');
    await waitFor(() => boxes().length === 1, 'one result');
    await click(buttonNamed(root, 'Delete 1 selected'));
    await eventually(async () => (await library.countHighlights()) === 3, 'one deleted');
    expect(await library.getHighlight('a-join-2')).toBeUndefined();
  });

  it('refuses a bad backup with the store’s message and changes nothing; a good one reports counts', async () => {
    const { a, b, ha, hb } = twoInterviews();
    mounted = await mount({ seed: [{ article: a, highlights: ha }] });
    const { root, library, model } = mounted;
    await click(buttonNamed(root, 'Settings and backup'));
    const good = await library.exportBackup();
    const before = JSON.stringify(good);

    const input = root.querySelector<HTMLInputElement>('input[type="file"]')!;
    const pick = async (text: string): Promise<void> => {
      Object.defineProperty(input, 'files', {
        configurable: true,
        value: [new File([text], 'backup.json', { type: 'application/json' })],
      });
      input.dispatchEvent(new Event('change', { bubbles: true }));
      await settle();
    };

    const broken = structuredClone(good);
    (broken.highlights[1] as { quote: unknown }).quote = 42;
    broken.highlights.push(hb[0]!);
    await pick(JSON.stringify(broken));
    const alert = await waitFor(() => root.querySelector('[role="alert"]'), 'the refusal');
    expect(alert.textContent).toMatch(/cannot be imported/i);
    expect(alert.textContent).toMatch(/quote/);
    expect(JSON.stringify({ ...(await library.exportBackup()), exportedAt: good.exportedAt })).toBe(before);

    await pick('{not json');
    await waitFor(
      () => /not JSON/i.test(root.querySelector('[role="alert"]')?.textContent ?? ''),
      'the JSON refusal',
    );

    const more = { ...good, articles: [...good.articles, b], highlights: [...good.highlights, ...hb] };
    await pick(JSON.stringify(more));
    await waitFor(
      () => /Imported 1 new highlight, 3 already in the library/.test(root.textContent ?? ''),
      'the import report',
    );
    expect(root.querySelector('[role="alert"]')).toBeNull();
    expect(await library.countHighlights()).toBe(4);
    // The page reads the library again after the store reports the change.
    await waitFor(() => model.highlights.value.length === 4, 'the page to list the imported highlight');
  });

  it('renders hostile text as text', async () => {
    const evil = article({
      key: 'https://evil.example/x',
      title: '<img src=x onerror="window.__pwned=1">Title',
      subject: { name: '<b>Mallory</b>' },
      sections: [{ id: 'q', question: '<script>window.__pwned=2</script>Why?' }],
    });
    const h = highlight(evil, {
      id: 'evil',
      sectionId: 'q',
      question: '<script>window.__pwned=2</script>Why?',
      quote: '<a href="javascript:alert(1)">click</a> & <iframe>',
      note: '<svg onload=alert(1)>',
      tags: ['<i>tag</i>'],
      fragmentUrl: 'file:///etc/passwd',
    });
    mounted = await mount({ seed: [{ article: evil, highlights: [h] }] });
    const { root } = mounted;
    await waitFor(() => root.querySelector('.quote'), 'the row');
    for (const tag of ['img', 'script', 'iframe', 'svg', 'b', 'i'])
      expect(root.querySelector(`main ${tag}`)).toBeNull();
    expect(root.querySelector('main a[href^="javascript"], main a[href^="file"]')).toBeNull();
    expect(texts(root, '.quote')).toEqual(['<a href="javascript:alert(1)">click</a> & <iframe>']);
    expect(texts(root, '.article-title')).toEqual([evil.title]);
    expect(texts(root, '.note')).toEqual(['<svg onload=alert(1)>']);
    expect((globalThis as { __pwned?: unknown }).__pwned).toBeUndefined();

    await typeInto(root.querySelector('input[type="search"]'), 'iframe');
    await waitFor(() => texts(root, '.quote mark').length === 1, 'a mark');
    expect(root.querySelector('main iframe')).toBeNull();
    expect(texts(root, '.quote mark')).toEqual(['iframe']);
  });

  it('links to the source only over http(s), at the saved fragment', async () => {
    const { a, ha } = twoInterviews();
    mounted = await mount({ seed: [{ article: a, highlights: ha }] });
    const links = [...mounted.root.querySelectorAll<HTMLAnchorElement>('a.open')];
    const byId = new Map(ha.map((h) => [h.id, h.fragmentUrl]));
    expect(links.map((l) => l.getAttribute('href'))).toEqual(
      ['a-join-1', 'a-join-2', 'a-advice'].map((id) => byId.get(id)),
    );
    expect(links.every((l) => l.target === '_blank' && l.rel.includes('noopener'))).toBe(true);
  });

  it('exports one interview, the current result and everything', async () => {
    const { a, b, ha, hb } = twoInterviews();
    mounted = await mount({
      seed: [
        { article: a, highlights: ha },
        { article: b, highlights: hb },
      ],
    });
    const { root, rec } = mounted;
    await click(buttonNamed(root, `Download Markdown for ${a.title}`));
    await waitFor(() => rec.downloads[0], 'the download');
    expect(rec.downloads[0]!.name).toBe('Create the engineering career you love.md');
    expect(rec.downloads[0]!.text).toBe(
      `# ${a.title}\nnotes\n> Pinterest has a very unique culture.\n> The mission felt personal.\n> Be curious about the product.\n`,
    );

    await click(buttonNamed(root, `Copy Markdown for ${b.title}`));
    expect(rec.clipboard[0]).toContain('Practise explaining');

    // Export options are the saved settings.
    await click(buttonNamed(root, 'Settings and backup'));
    const notes = [...root.querySelectorAll('label')]
      .find((l) => l.textContent?.includes('Include my notes'))!
      .querySelector('input')!;
    await click(notes);
    expect(rec.settingsSaved.at(-1)).toEqual({
      export: { frontMatter: true, includeNotes: false, includeTags: true, linkStyle: 'text-fragment' },
    });
    await click(buttonNamed(root, 'Library'));
    await typeInto(root.querySelector('input[type="search"]'), 'résumé');
    await waitFor(() => texts(root, '.quote').length === 1, 'one result');
    await click(buttonNamed(root, 'Copy result as Markdown'));
    expect(rec.clipboard[1]).toBe(`# ${b.title}\nno-notes\n> Practise explaining your résumé out loud.\n`);

    await click(buttonNamed(root, 'Download everything (.zip)'));
    const zip = await waitFor(() => rec.downloads.find((d) => d.name.endsWith('.zip')), 'the zip');
    expect(zip.name).toMatch(/^interview-highlights-\d{4}-\d{2}-\d{2}\.zip$/);
    expect(zip.type).toBe('application/zip');
    expect(zip.text.split('\n').sort()).toEqual([`${a.title}:3`, `${b.title}:1`].sort());
  });

  it('compares answers on a theme side by side', async () => {
    const { a, b, ha, hb } = twoInterviews();
    mounted = await mount({
      seed: [
        { article: a, highlights: ha },
        { article: b, highlights: hb },
      ],
    });
    const { root, rec } = mounted;
    await click(buttonNamed(root, 'Compare answers'));
    const advice = [...root.querySelectorAll('label.theme')]
      .find((l) => l.textContent?.includes('Advice'))!
      .querySelector('input')!;
    await click(advice);
    expect(texts(root, '.column h2')).toEqual([b.title, a.title]);
    expect(texts(root, '.column .question')).toEqual([
      'Any tips for candidates?',
      'What advice would you give?',
    ]);
    expect(rec.urls.at(-1)).toBe('?view=compare&theme=advice');

    await typeInto(root.querySelector('.themes input[type="text"]'), 'joining');
    expect(texts(root, '.column .quote')).toEqual([
      'Pinterest has a very unique culture.',
      'The mission felt personal.',
    ]);
  });

  it('renders only the rows in view of a large library', async () => {
    const a = article({ key: 'https://example.com/big', sections: [] });
    const many = Array.from({ length: 600 }, (_, i) =>
      highlight(a, { id: `big-${i}`, quote: `Quote number ${i}`, start: i * 10 }),
    );
    mounted = await mount({ seed: [{ article: a, highlights: many }] });
    const shown = mounted.root.querySelectorAll('.highlight').length;
    expect(shown).toBeGreaterThan(5);
    expect(shown).toBeLessThan(60);
    expect(mounted.root.textContent).toContain('600 highlights in 1 interview');
  });

  it('shows the first interviews before the whole library has loaded', async () => {
    const arts = Array.from({ length: 40 }, (_, i) =>
      article({
        key: `https://example.com/p${i}`,
        title: `Interview ${String(i).padStart(2, '0')}`,
        lastClippedAt: 100_000 + i,
      }),
    );
    const seedRows = arts.map((a) => ({
      article: a,
      highlights: Array.from({ length: 4 }, (_, j) =>
        highlight(a, { quote: `Answer ${j} in ${a.title}`, start: j * 10 }),
      ),
    }));
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    mounted = await mount({
      seed: seedRows,
      noWait: true,
      port: (p) => ({
        ...p,
        loadAll: async () => {
          await held;
          return p.loadAll();
        },
      }),
    });
    const { root } = mounted;
    await waitFor(() => root.querySelector('.article-title'), 'the first rows');
    // Most recently clipped first, and only a screen's worth of interviews.
    expect(texts(root, '.article-title')[0]).toBe('Interview 39');
    expect(mounted.model.highlights.value.length).toBeLessThan(160);
    expect(root.querySelector('.summary')?.textContent).toBe(
      'Showing the latest interviews; loading the rest of your library…',
    );
    expect(buttonNamed(root, 'Download everything (.zip)')?.disabled).toBe(true);
    release();
    await waitFor(() => mounted!.model.highlights.value.length === 160, 'everything');
    await waitFor(
      () => root.querySelector('.summary')?.textContent === '160 highlights in 40 interviews.',
      'the full summary',
    );
  });

  it('offers the browser’s shortcut settings', async () => {
    mounted = await mount();
    await click(buttonNamed(mounted.root, 'Settings and backup'));
    await click(buttonNamed(mounted.root, 'Open the browser’s shortcut settings'));
    expect(mounted.rec.tabs).toEqual(['chrome://extensions/shortcuts']);
  });
});
