import { signal, type ReadonlySignal } from '@preact/signals';
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
  return (
    <div class="toasts" role="status" aria-live="polite">
      {toaster.toasts.value.map((t) => (
        <div key={t.id} class="toast">
          <span>{t.message}</span>
          {t.action && (
            <button
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
