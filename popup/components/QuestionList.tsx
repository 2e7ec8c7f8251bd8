import { useLayoutEffect, useRef } from 'preact/hooks';
import { useModel } from './context';
import { QuestionItem } from './QuestionItem';

export const FIRST_QUESTIONS_MARK = 'ih:first-questions';
let marked = false;

export function QuestionList() {
  const model = useModel();
  const list = useRef<HTMLOListElement>(null);
  const sections = model.visibleSections.value;
  const focused = model.focusedId.value;
  const tabbableId = sections.some((s) => s.id === focused) ? focused : (sections[0]?.id ?? null);

  // The benchmark reads this mark: the moment the reader first sees the questions.
  useLayoutEffect(() => {
    if (
      !marked &&
      sections.length > 0 &&
      typeof performance !== 'undefined' &&
      typeof performance.mark === 'function'
    ) {
      marked = true;
      performance.mark(FIRST_QUESTIONS_MARK);
    }
  }, [sections.length]);

  // Roving focus: one question is in the Tab order; arrows move between them.
  const onNavigate = (from: string, key: string): void => {
    const buttons = [
      ...(list.current?.querySelectorAll<HTMLButtonElement>('button[data-role="question"]') ?? []),
    ];
    if (buttons.length === 0) return;
    const at = buttons.findIndex((b) => b.dataset.sectionId === from);
    const next =
      key === 'Home'
        ? 0
        : key === 'End'
          ? buttons.length - 1
          : key === 'ArrowDown'
            ? Math.min(at + 1, buttons.length - 1)
            : Math.max(at - 1, 0);
    const target = buttons[next];
    if (!target) return;
    model.focus(target.dataset.sectionId ?? null);
    target.focus();
  };

  if (model.sections.value.length > 0 && sections.length === 0) {
    return <p class="empty">No question matches “{model.query.value}”.</p>;
  }
  return (
    <ol ref={list} class="questions" aria-label="Questions">
      {sections.map((s) => (
        <QuestionItem key={s.id} section={s} tabbable={s.id === tabbableId} onNavigate={onNavigate} />
      ))}
    </ol>
  );
}
