// The page as the reader sees it: the saved highlights painted (one with a
// note, one across a link), the card a click on a highlight opens, and the
// Save button beside a fresh selection.
import { SEED } from './stage.mjs';

export const surface = {
  name: 'page',
  async shoot(stage) {
    const { page } = await stage.seededSample();
    await stage.scrollTo(page, 'Product');
    await stage.shot(page, 'page-highlights');

    // The card: a real click on the highlight with a note (its question heads it, its tags below).
    await stage.scrollTo(page, SEED.noted);
    const point = await page.evaluate((quote) => {
      const range = document.createRange();
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const at = n.data.indexOf(quote.slice(0, 30));
        if (at < 0) continue;
        range.setStart(n, at);
        range.setEnd(n, at + 30);
        const box = range.getClientRects()[0];
        return { x: box.left + 40, y: box.top + box.height / 2 };
      }
      return null;
    }, SEED.noted);
    if (!point) throw new Error('the noted highlight is not on the page');
    await page.mouse.click(point.x, point.y);
    await stage.shot(page, 'page-card', { settle: 600 });
    await page.keyboard.press('Escape');
    await page.mouse.click(5, 5);

    // The Save button: a fresh selection in the next answer.
    await stage.selectText(page, 'You want to be somewhere you can have a lot of impact.');
    await stage.scrollTo(page, 'Product');
    await stage.shot(page, 'page-save-button', { settle: 600 });

    // A delete from the keyboard: the toast holds the focus on Undo.
    await page.mouse.click(5, 5);
    await stage.scrollTo(page, SEED.noted);
    await page.mouse.click(point.x, point.y);
    await page.getByRole('button', { name: 'Delete' }).focus();
    await page.keyboard.press('Enter');
    await stage.shot(page, 'page-undo', { settle: 600 });
    await page.close();
  },
};
