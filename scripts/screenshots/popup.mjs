// The toolbar popup on the sample with highlights saved, at the size Chromium
// gives it (it runs as a page for the sample's tab, which it reads from ?tab=):
// the page's highlights first, then the questions; and one row open for
// editing, a note being typed.
import { POPUP_SIZE } from './stage.mjs';

export const surface = {
  name: 'popup',
  async shoot(stage) {
    const { tabId } = await stage.seededSample();
    const popup = await stage.extensionPage(`popup/index.html?tab=${tabId}`, POPUP_SIZE);
    await popup.locator('.question-text').first().waitFor();
    await popup.locator('.on-page li.highlight').nth(2).waitFor();
    await stage.shot(popup, 'popup', { settle: 800 });
    await popup.locator('.on-page .hl-row').first().click();
    await popup
      .locator('.hl-edit textarea')
      .fill('The people came first: worth rereading before a review. Quote it in the write-up.');
    await popup.locator('.write-state', { hasText: 'Saved' }).waitFor();
    await stage.shot(popup, 'popup-editing', { settle: 300 });
    await popup.close();
  },
};
