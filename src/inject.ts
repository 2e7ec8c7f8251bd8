// Injecting the content script into a tab on demand, from the background (the
// shortcut and the context menu) and from the popup ("Find Q&A on this page").
// The browsers differ in two ways, both met here:
// - a relative `files` path is resolved against the calling page in Firefox
//   (the popup would ask for popup/content.js) and against the extension root
//   in Chromium: the path is absolute;
// - on a page no extension may touch (about: pages) Chromium throws, but
//   Firefox resolves with no result for the frame, having injected nothing:
//   that is turned into the same error.

export const CONTENT_SCRIPT_FILE = '/content.js';

export const NOT_INJECTABLE = 'The browser does not let extensions run on this page.';

/** The slice of the `scripting` API this needs (a test seam). */
export interface ScriptingApi {
  executeScript(o: { target: { tabId: number }; files: string[] }): Promise<unknown[]>;
}

/** Injects the content script into the tab's top frame, or throws saying why it could not. */
export async function injectContentScript(scripting: ScriptingApi, tabId: number): Promise<void> {
  const results = await scripting.executeScript({ target: { tabId }, files: [CONTENT_SCRIPT_FILE] });
  if (!results.some((r) => typeof r === 'object' && r !== null)) throw new Error(NOT_INJECTABLE);
}
