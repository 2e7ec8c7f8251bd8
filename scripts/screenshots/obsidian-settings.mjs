// The Obsidian part of Settings (vault, folder, how notes are written, colour
// names, templates with their live preview on a saved interview), with a few
// colours named the way a reader would.
import { PAGE_SIZE } from './stage.mjs';

export const surface = {
  name: 'obsidian-settings',
  async shoot(stage) {
    await stage.seededSample();
    const page = await stage.extensionPage('options/index.html?view=settings', PAGE_SIZE);
    await page.evaluate(async () => {
      const { chrome } = globalThis;
      const { settings = {} } = await chrome.storage.local.get('settings');
      await chrome.storage.local.set({
        settings: {
          ...settings,
          colorNames: {
            yellow: 'Key idea',
            green: 'Question to ask',
            blue: 'Surprise',
            pink: 'Pink',
            purple: 'Purple',
          },
        },
        obsidian: {
          vault: 'Research',
          folder: 'Interviews/2026',
          noteMode: 'create',
          highlightTarget: 'note',
          openNote: true,
        },
      });
    });
    await page.reload();
    await page.locator('.obsidian-settings .preview').waitFor();
    await page.evaluate(() => document.querySelector('.obsidian-settings')?.scrollIntoView());
    await stage.shot(page, 'obsidian-settings', { settle: 600 });
    await page.close();
  },
};
