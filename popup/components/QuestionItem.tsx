import type { Section } from '../../src/types';
import { AnswerBlocks } from './AnswerBlocks';
import { useModel } from './context';
import { Marked } from './Marked';

const PREVIEW_CHARS = 600;

/** Enough text for the clamped lines; the rest is hidden by CSS anyway. */
export function previewText(section: Section): string {
  let text = '';
  for (const block of section.answer) {
    if (text.length >= PREVIEW_CHARS) break;
    const part = block.speaker ? `${block.speaker}: ${block.text}` : block.text;
    text = text ? `${text} ${part}` : part;
  }
  return text.length > PREVIEW_CHARS ? `${text.slice(0, PREVIEW_CHARS)}…` : text;
}

interface Props {
  section: Section;
  tabbable: boolean;
  onNavigate(from: string, key: string): void;
}

export function QuestionItem({ section, tabbable, onNavigate }: Props) {
  const model = useModel();
  const open = model.expanded.value.has(section.id);
  const saved = model.qaSaved(section);
  const busy = model.busy.value.has(`qa:${section.id}`);
  const answerId = `answer-${section.id}`;

  const onKeyDown = (e: KeyboardEvent): void => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    switch (e.key) {
      case 'Enter':
        // Keyboard: Enter only opens or closes; the click (mouse) also scrolls the page.
        e.preventDefault();
        model.toggleExpanded(section.id);
        return;
      case 's':
      case 'S':
        e.preventDefault();
        void model.saveQa(section);
        return;
      case 'ArrowDown':
      case 'ArrowUp':
      case 'Home':
      case 'End':
        e.preventDefault();
        onNavigate(section.id, e.key);
        return;
      default:
    }
  };

  return (
    <li class={`qa${saved ? ' saved' : ''}`} data-section-id={section.id}>
      <div class="qa-head">
        <h3 class="qa-question">
          <button
            type="button"
            class="question"
            data-role="question"
            data-section-id={section.id}
            tabIndex={tabbable ? 0 : -1}
            aria-expanded={open}
            aria-controls={answerId}
            onFocus={() => model.focus(section.id)}
            onKeyDown={onKeyDown}
            onClick={() => {
              model.toggleExpanded(section.id);
              void model.scrollTo(section.id);
            }}
          >
            <span class="chevron" aria-hidden="true">
              {open ? '▾' : '▸'}
            </span>
            <span class="question-text">
              <Marked text={section.question} />
            </span>
          </button>
        </h3>
        <button
          type="button"
          class="save"
          aria-pressed={saved}
          aria-label={`${saved ? 'Saved' : 'Save'} Q&A: ${section.question}`}
          title={saved ? 'Saved: click to unsave' : 'Save the whole question and answer'}
          disabled={busy}
          onClick={() => void model.toggleQa(section)}
        >
          {saved ? 'Saved' : 'Save'}
        </button>
      </div>
      {section.subQuestions.length > 0 ? (
        <ul class="subquestions">
          {section.subQuestions.map((q, i) => (
            <li key={i} class="subquestion">
              <Marked text={q} />
            </li>
          ))}
        </ul>
      ) : null}
      {open ? (
        <div id={answerId} class="answer" role="region" aria-label={`Answer: ${section.question}`}>
          <AnswerBlocks section={section} />
        </div>
      ) : (
        <p id={answerId} class="preview">
          <Marked text={previewText(section)} />
        </p>
      )}
    </li>
  );
}
