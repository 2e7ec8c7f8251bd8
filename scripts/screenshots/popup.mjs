// The toolbar popup on the sample with highlights saved, at the size Chromium
// gives it (it runs as a page for the sample's tab, which it reads from ?tab=).
import { POPUP_SIZE } from './stage.mjs';

export const surface = {
  name: 'popup',
  async shoot(stage) {
    const { tabId } = await stage.seededSample();
    const popup = await stage.extensionPage(`popup/index.html?tab=${tabId}`, POPUP_SIZE);
    await popup.locator('.question-text').first().waitFor();
    await stage.shot(popup, 'popup', { settle: 800 });
    await popup.close();
  },
};
