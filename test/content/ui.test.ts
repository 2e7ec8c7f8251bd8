// @vitest-environment happy-dom
// The page's own highlight menu: what the reader types becomes the same note,
// tags and colour as in the popup and the library.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ContentUI, UI_ATTR } from '../../src/content/ui';
import { parseTags } from '../../src/tags';

afterEach(() => {
  for (const el of document.querySelectorAll(`[${UI_ATTR}]`)) el.remove();
});

function openMenu(tags: string[] = []) {
  const ui = new ContentUI(document);
  const actions = { save: vi.fn(), setColor: vi.fn(), copyMarkdown: vi.fn(), remove: vi.fn() };
  ui.openMenu(10, 10, { note: '', tags, color: 'yellow' }, actions);
  const root = ui.host.shadowRoot!;
  return { ui, actions, root };
}

describe('the highlight menu on the page', () => {
  it('reads tags by the one tag rule: commas or spaces, # dropped, each once ignoring case', () => {
    const { actions, root } = openMenu();
    const input = root.querySelector<HTMLInputElement>('input[aria-label="Tags"]')!;
    const typed = 'culture hiring, Culture #growth';
    input.value = typed;
    root.querySelector<HTMLButtonElement>('[data-action="save"]')!.click();
    expect(actions.save).toHaveBeenCalledWith({ note: '', tags: ['culture', 'hiring', 'growth'] });
    expect(actions.save.mock.calls[0]![0].tags).toEqual(parseTags(typed));
  });

  it('shows saved tags the way the popup and the library do', () => {
    const { root } = openMenu(['culture', 'hiring']);
    expect(root.querySelector<HTMLInputElement>('input[aria-label="Tags"]')!.value).toBe('culture, hiring');
  });
});
