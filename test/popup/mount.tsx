// Renders the popup into happy-dom with the given services and waits for it to settle.

import { render } from 'preact';
import { act } from 'preact/test-utils';
import { App } from '../../popup/components/App';
import { createPopupModel, type PopupModel } from '../../popup/model';
import type { PopupServices } from '../../popup/services';

export interface Mounted {
  root: HTMLElement;
  model: PopupModel;
  unmount(): void;
}

export async function settle(): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await act(async () => {
      await new Promise((r) => setTimeout(r, 0));
    });
  }
}

export async function mount(services: PopupServices): Promise<Mounted> {
  const root = document.createElement('div');
  document.body.appendChild(root);
  const model = createPopupModel(services);
  await act(() => {
    render(<App model={model} />, root);
  });
  await settle();
  return {
    root,
    model,
    unmount: () => {
      render(null, root);
      root.remove();
    },
  };
}

export async function click(el: Element | null | undefined): Promise<void> {
  if (!el) throw new Error('nothing to click');
  await act(() => {
    (el as HTMLElement).click();
  });
  await settle();
}

export async function key(el: Element | null | undefined, k: string): Promise<KeyboardEvent> {
  if (!el) throw new Error('nothing to press a key on');
  const event = new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true });
  await act(() => {
    el.dispatchEvent(event);
  });
  await settle();
  return event;
}

export async function type(el: Element | null | undefined, value: string): Promise<void> {
  if (!el) throw new Error('nothing to type in');
  const input = el as HTMLInputElement;
  await act(() => {
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await settle();
}

export function questionTexts(root: HTMLElement): string[] {
  return [...root.querySelectorAll('.question-text')].map((e) => e.textContent ?? '');
}
