// Settings › Sync filled in as a reader would before turning it on (sync is
// not turned on here: that would need a server and its permission).
import { PAGE_SIZE } from './stage.mjs';

export const surface = {
  name: 'sync',
  async shoot(stage) {
    const page = await stage.extensionPage('options/index.html?view=settings', PAGE_SIZE);
    const server = page.locator('input[name="sync-server"]');
    await server.waitFor();
    await server.fill('https://couch.example.org');
    await page.locator('input[name="sync-username"]').fill('ann');
    await page.locator('input[name="sync-password"]').fill('a password');
    await page.evaluate(() => document.activeElement?.blur());
    await page.locator('.sync-settings').scrollIntoViewIfNeeded();
    const box = await page.locator('.sync-settings').boundingBox();
    if (!box) throw new Error('the sync settings are not on the page');
    await stage.shot(page, 'sync-settings', {
      clip: { x: 0, y: Math.max(0, box.y - 16), width: PAGE_SIZE.width * 0.6, height: box.height + 32 },
    });
    await page.close();
  },
};
