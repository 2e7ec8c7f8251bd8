// Component tests render the Settings view, whose Obsidian panel imports the
// browser shell (src/obsidian-browser.ts); the real webextension-polyfill
// refuses to load outside an extension. This stand-in holds nothing and grants
// nothing, so a test that needs browser behaviour must hand in its own port.
// Used as: vi.mock('webextension-polyfill', () => import('./no-extension'));

export default (() => {
  const event = { addListener: () => undefined, removeListener: () => undefined };
  return {
    storage: { local: { get: async () => ({}), set: async () => undefined }, onChanged: event },
    permissions: { request: async () => false, contains: async () => false, remove: async () => false },
    // A background that never answers: panels that ask it stay as they open.
    runtime: { sendMessage: () => new Promise<never>(() => undefined), onMessage: event },
  };
})();
