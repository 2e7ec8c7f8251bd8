import browser from 'webextension-polyfill';
import { extractInterview } from '../extract';
import { message } from '../messages';

export function startContentScript(): void {
  const interview = extractInterview(document, location.href);
  void browser.runtime
    .sendMessage(message('page:extracted', { url: location.href, questionCount: interview.sections.length, interview: interview.interview }))
    .catch(() => undefined);
}
