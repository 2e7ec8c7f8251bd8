import { useModel } from './context';

/** Everything the popup says when it cannot list questions. */
export function PageNotice() {
  const model = useModel();
  switch (model.phase.value) {
    case 'loading':
      return (
        <p class="notice" aria-busy="true">
          Reading the page…
        </p>
      );
    case 'no-receiver':
      return (
        <div class="notice">
          <p>Interview Highlights does not run on this page by itself.</p>
          <button type="button" class="primary" onClick={() => void model.findOnPage()}>
            Find Q&amp;A on this page
          </button>
        </div>
      );
    case 'injecting':
      return (
        <p class="notice" aria-busy="true">
          Looking for questions and answers…
        </p>
      );
    case 'forbidden':
      return (
        <div class="notice notice-forbidden">
          <p>
            This page cannot be read by extensions: browser pages, the extension store and the PDF viewer are
            off limits.
          </p>
          {model.problem.value ? <p class="detail">{model.problem.value}</p> : null}
        </div>
      );
    case 'error':
      return (
        <div class="notice notice-error">
          <p>The page did not answer.</p>
          {model.problem.value ? <p class="detail">{model.problem.value}</p> : null}
          <button type="button" onClick={() => void model.load()}>
            Try again
          </button>
        </div>
      );
    default:
      return <NoQaNotice />;
  }
}

export function NoQaNotice() {
  const model = useModel();
  const shortcut = model.shortcut.value;
  return (
    <div class="notice notice-no-qa">
      <p>
        {model.page.value?.tooLarge
          ? 'This page is too large to read for questions.'
          : 'No questions and answers found on this page.'}
      </p>
      <p>
        You can still highlight text: select it, then{' '}
        {shortcut ? <kbd>{shortcut}</kbd> : 'press the keyboard shortcut'} or right-click it and choose “Save
        highlight”.
      </p>
    </div>
  );
}
