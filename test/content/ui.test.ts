// @vitest-environment happy-dom
// The page's highlight card: what the reader types becomes the same note and
// tags as in the popup and the library (one tag rule, src/tags.ts), it is
// written whatever closes the card, and the library's tags are offered.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type CardActions, suggestionsFor, withSuggestion } from '../../src/content/card';
import { ContentUI, UI_ATTR } from '../../src/content/ui';
import { DEFAULT_COLOR_NAMES } from '../../src/export/color-names';
import { parseTags } from '../../src/tags';

afterEach(() => {
  for (const el of document.querySelectorAll(`[${UI_ATTR}]`)) el.remove();
});

function openCard(tags: string[] = [], library: string[] = []) {
  const ui = new ContentUI(document);
  const actions = {
    write: vi.fn(async () => true),
    setColor: vi.fn(),
    copyMarkdown: vi.fn(),
    remove: vi.fn(),
    suggestTags: vi.fn(async () => library),
    close: vi.fn(),
  } satisfies CardActions;
  ui.openMenu(
    10,
    10,
    {
      question: 'What led you to joining Pinterest?',
      pageTitle: 'Meet the team',
      note: '',
      tags,
      color: 'yellow',
      colorNames: { ...DEFAULT_COLOR_NAMES, green: 'Key idea' },
    },
    actions,
  );
  const root = ui.host.shadowRoot!;
  const type = (label: string, value: string) => {
    const field = root.querySelector<HTMLInputElement>(`[aria-label="${label}"]`)!;
    field.value = value;
    field.dispatchEvent(new Event('input'));
  };
  return { ui, actions, root, type };
}

describe('the highlight card on the page', () => {
  it('reads tags by the one tag rule: commas or spaces, # dropped, each once ignoring case', async () => {
    const { ui, actions, type } = openCard();
    const typed = 'culture hiring, Culture #growth';
    type('Tags', typed);
    ui.closeMenu();
    await vi.waitFor(() => expect(actions.write).toHaveBeenCalled());
    expect(actions.write).toHaveBeenLastCalledWith({ note: '', tags: ['culture', 'hiring', 'growth'] });
    expect(parseTags(typed)).toEqual(['culture', 'hiring', 'growth']);
  });

  it('shows saved tags the way the popup and the library do', () => {
    const { root } = openCard(['culture', 'hiring']);
    expect(root.querySelector<HTMLInputElement>('input[aria-label="Tags"]')!.value).toBe('culture, hiring');
  });

  it('keeps a typed note when Escape closes it, and says it was saved', async () => {
    const { ui, actions, root, type } = openCard();
    type('Note', 'Worth rereading');
    root
      .querySelector('[role="dialog"]')!
      .dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(ui.menuOpen).toBe(false);
    await vi.waitFor(() => expect(actions.write).toHaveBeenCalledWith({ note: 'Worth rereading', tags: [] }));
    expect(actions.write).toHaveBeenCalledTimes(1);
  });

  it('writes on flush while it stays open (the page is being hidden)', async () => {
    const { ui, actions, root, type } = openCard();
    type('Note', 'Half a tho');
    await ui.flushMenu();
    expect(actions.write).toHaveBeenCalledWith({ note: 'Half a tho', tags: [] });
    expect(ui.menuOpen).toBe(true);
    expect(root.querySelector('.state')!.textContent).toBe('Saved');
  });

  it('heads the card with its question, and names each colour in its label and tooltip', () => {
    const { root } = openCard();
    expect(root.querySelector('.context')!.textContent).toContain('What led you to joining Pinterest?');
    const green = root.querySelector<HTMLButtonElement>('.swatch[data-color="green"]')!;
    expect(green.getAttribute('aria-label')).toBe('Key idea');
    expect(green.title).toBe('Key idea');
  });

  it("offers the library's tags that are not on the highlight yet, and adds one when pressed", async () => {
    const { root, actions, type } = openCard([], ['culture', 'growth', 'hiring']);
    type('Tags', 'growth, c');
    const chips = await vi.waitFor(() => {
      const found = [...root.querySelectorAll<HTMLButtonElement>('.suggest button')];
      if (found.length === 0) throw new Error('no suggestions yet');
      return found;
    });
    expect(chips.map((c) => c.textContent)).toEqual(['culture']);
    chips[0]!.click();
    expect(root.querySelector<HTMLInputElement>('input[aria-label="Tags"]')!.value).toBe('growth, culture, ');
    await vi.waitFor(() =>
      expect(actions.write).toHaveBeenCalledWith({ note: '', tags: ['growth', 'culture'] }),
    );
  });
});

describe('tag suggestions', () => {
  const library = ['Career', 'culture', 'growth', 'hiring'];
  it('start with the word being typed, ignore case, skip tags already there', () => {
    expect(suggestionsFor('', library)).toEqual(library);
    expect(suggestionsFor('c', library)).toEqual(['Career', 'culture']);
    expect(suggestionsFor('culture, #C', library)).toEqual(['Career']);
    expect(suggestionsFor('growth ', library)).toEqual(['Career', 'culture', 'hiring']);
    expect(suggestionsFor('culture', library)).toEqual([]);
  });

  it('replace the word being typed', () => {
    expect(withSuggestion('growth, cu', 'culture')).toBe('growth, culture, ');
    expect(withSuggestion('', 'culture')).toBe('culture, ');
    expect(withSuggestion('growth #cu', 'culture')).toBe('growth, culture, ');
  });
});

describe('a toast with an action', () => {
  const setup = () => {
    vi.useFakeTimers();
    const ui = new ContentUI(document);
    const before = document.createElement('button');
    document.body.append(before);
    before.focus();
    const run = vi.fn();
    ui.toast('Highlight deleted.', { label: 'Undo', run, focus: true });
    const undo = ui.host.shadowRoot!.querySelector<HTMLButtonElement>('[data-action="toast"]')!;
    const shown = () => ui.host.shadowRoot!.querySelector('.toast.shown') !== null;
    return { ui, before, run, undo, shown };
  };
  afterEach(() => {
    vi.useRealTimers();
    document.body.replaceChildren();
  });

  it('takes the keyboard, waits while it has it, and gives the focus back when it goes', () => {
    const { before, undo, shown } = setup();
    expect(deepFocus()).toBe(undo);
    vi.advanceTimersByTime(20_000);
    expect(shown()).toBe(true);
    undo.blur();
    vi.advanceTimersByTime(4_999);
    expect(shown()).toBe(true);
    vi.advanceTimersByTime(1);
    expect(shown()).toBe(false);
    // Focus left by itself: nothing is moved.
    expect(document.activeElement).not.toBe(before);
  });

  it('runs on Enter-click and puts the focus back where the reader was', () => {
    const { before, undo, run, shown } = setup();
    undo.click();
    expect(run).toHaveBeenCalledOnce();
    expect(shown()).toBe(false);
    expect(document.activeElement).toBe(before);
  });

  it('goes on Escape without running, the focus back where the reader was', () => {
    const { before, undo, run, shown } = setup();
    undo.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(run).not.toHaveBeenCalled();
    expect(shown()).toBe(false);
    expect(document.activeElement).toBe(before);
  });

  it('without focus asked, leaves the focus alone and goes after its time', () => {
    vi.useFakeTimers();
    const ui = new ContentUI(document);
    const before = document.createElement('button');
    document.body.append(before);
    before.focus();
    ui.toast('Highlight deleted.', { label: 'Undo', run: vi.fn() });
    expect(document.activeElement).toBe(before);
    vi.advanceTimersByTime(5_000);
    expect(ui.host.shadowRoot!.querySelector('.toast.shown')).toBeNull();
  });
});

function deepFocus(): Element | null {
  let a: Element | null = document.activeElement;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  return a;
}
