// @vitest-environment happy-dom
// A settings field saved on leaving it: a re-render with what is stored (a save
// of another field) never puts old text back under the reader's typing.

import { vi } from 'vitest';

// The test harness reaches the Settings view, whose Obsidian panel imports the browser shell.
vi.mock('webextension-polyfill', () => import('./no-extension'));
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, expect, it } from 'vitest';
import { SavedField } from '../../options/components/SavedField';
import { settle, typeInto } from './harness';

const host = document.createElement('div');
document.body.append(host);
afterEach(() => render(null, host));

function mount(value: string, saved: string[]): HTMLInputElement {
  render(<SavedField type="text" aria-label="Folder" value={value} onSave={(t) => saved.push(t)} />, host);
  return host.querySelector('input')!;
}

it('keeps what is typed through a re-render with the stored value, saves it on leaving, then shows what was stored', async () => {
  const saved: string[] = [];
  const field = mount('Inbox', saved);
  expect(field.value).toBe('Inbox');
  await typeInto(field, 'Interv');
  // Another field was saved: the panel renders again with the stored settings.
  await act(() => void mount('Inbox', saved));
  expect(field.value).toBe('Interv');
  await typeInto(field, 'Interviews/2026');
  await act(() => void field.dispatchEvent(new Event('change')));
  expect(saved).toEqual(['Interviews/2026']);
  // Until the save comes back the field still shows the reader's text, then the stored (cleaned) one.
  expect(field.value).toBe('Interviews/2026');
  await act(() => void mount('Interviews/2026', saved));
  await settle();
  expect(field.value).toBe('Interviews/2026');
  await act(() => void mount('Elsewhere', saved));
  expect(field.value).toBe('Elsewhere');
});

it('keeps text its check refuses in the field, unsaved, with the reason beside it until it is mended', async () => {
  const saved: string[] = [];
  const check = (t: string): string | null => (/^\d+$/.test(t) ? null : 'A whole number, please.');
  render(
    <SavedField type="text" aria-label="Port" value="27124" check={check} onSave={(t) => saved.push(t)} />,
    host,
  );
  const field = host.querySelector('input')!;
  await typeInto(field, '27l23');
  await act(() => void field.dispatchEvent(new Event('change')));
  expect(saved).toEqual([]);
  expect(field.value).toBe('27l23');
  expect(field.getAttribute('aria-invalid')).toBe('true');
  const reason = host.querySelector('[role="alert"]')!;
  expect(reason.textContent).toBe('A whole number, please.');
  expect(field.getAttribute('aria-describedby')).toBe(reason.id);
  await typeInto(field, '27123');
  await act(() => void field.dispatchEvent(new Event('change')));
  expect(saved).toEqual(['27123']);
  expect(host.querySelector('[role="alert"]')).toBeNull();
  expect(field.hasAttribute('aria-invalid')).toBe(false);
});
