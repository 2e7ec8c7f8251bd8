import { signal, type ReadonlySignal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import { focusLost } from '../../src/focus';
import type { Toast } from '../services';

interface Shown extends Toast {
  id: number;
}

export interface Toaster {
  toasts: ReadonlySignal<readonly Shown[]>;
  notify(t: Toast): void;
  dismiss(id: number): void;
}

/** Toasts with an action (Undo) stay longer: the reader needs time to change their mind. */
export function createToaster(ms = { plain: 5000, action: 12000 }): Toaster {
  const toasts = signal<readonly Shown[]>([]);
  let next = 1;
  const dismiss = (id: number): void => {
    toasts.value = toasts.value.filter((t) => t.id !== id);
  };
  return {
    toasts,
    dismiss,
    notify(t) {
      const id = next++;
      toasts.value = [...toasts.value.slice(-3), { ...t, id }];
      setTimeout(() => dismiss(id), t.action ? ms.action : ms.plain);
    },
  };
}

export function Toasts({ toaster }: { toaster: Toaster }) {
  const shown = toaster.toasts.value;
  const latest = shown.at(-1);
  const action = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    // A delete took the focused row away: the keyboard goes to Undo, not to the top of the page.
    if (latest?.action && focusLost()) action.current?.focus();
  }, [latest?.id]);
  return (
    <div class="toasts" role="status" aria-live="polite">
      {shown.map((t) => (
        <div key={t.id} class="toast">
          <span>{t.message}</span>
          {t.action && (
            <button
              ref={t === latest ? action : null}
              type="button"
              onClick={() => {
                toaster.dismiss(t.id);
                void t.action?.run();
              }}
            >
              {t.action.label}
            </button>
          )}
          <button type="button" class="close" aria-label="Dismiss" onClick={() => toaster.dismiss(t.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
