// Content script entry. A second injection (the background injects on demand
// when the page was not matched) must do nothing: the first one owns the page.

import { startContentScript } from './main';

const FLAG = '__interviewHighlightsContent';
const scope = globalThis as unknown as Record<string, unknown>;
if (!scope[FLAG]) {
  scope[FLAG] = true;
  startContentScript();
}
