// Compare: the sample interview beside two more that ask why someone joined
// in other words ("Discovering the opportunity", "Why Pinterest?"), all in one
// group, at the library's size.
import { PAGE_SIZE } from './stage.mjs';

/** Two more interviews, written to the store as a save from their pages would. */
const OTHERS = [
  {
    key: 'https://www.pinterestcareers.com/life-at-pinterest/profile-ana-torres/',
    title: 'Life at Pinterest Profile: Ana Torres',
    subject: { name: 'Ana Torres', role: 'Senior Product Designer', team: 'Home Feed' },
    question: 'Discovering the opportunity',
    quote:
      'A former teammate sent me the job post. I had used Pinterest to plan my wedding, so I already knew what it meant to people.',
  },
  {
    key: 'https://medium.com/pinterest-engineering/career-kwame-mensah',
    title: 'Q&A: Working on Pinterest’s mobile performance team',
    subject: { name: 'Kwame Mensah', role: 'Staff Software Engineer', team: 'Mobile Performance' },
    question: 'Why Pinterest?',
    quote: 'The mission. I wanted my work to make people feel better when they close the app, not worse.',
  },
];

export const surface = {
  name: 'compare',
  async shoot(stage) {
    const { page } = await stage.seededSample();
    await page.close();
    await stage.worker.evaluate(async (others) => {
      const lib = await globalThis.ih.library();
      const { articles, highlights } = await lib.readAll();
      const base = highlights.find((h) => h.kind !== 'qa');
      const art = articles.find((a) => a.key === base.articleKey);
      let t = Date.now();
      for (const o of others) {
        t += 1000;
        const article = {
          ...art,
          key: o.key,
          url: o.key,
          canonicalUrl: null,
          title: o.title,
          subject: o.subject,
          sections: [{ id: 's1', question: o.question }],
          createdAt: t,
          updatedAt: t,
          lastClippedAt: t,
        };
        const { answer: _a, subQuestions: _s, ...plain } = base;
        await lib.saveHighlight(
          {
            ...plain,
            id: crypto.randomUUID(),
            articleKey: o.key,
            url: o.key,
            canonicalUrl: null,
            fragmentUrl: '',
            kind: 'selection',
            quote: o.quote,
            selectors: [{ type: 'TextQuoteSelector', exact: o.quote, prefix: '', suffix: '' }],
            sectionId: 's1',
            question: o.question,
            speaker: null,
            note: '',
            tags: [],
            color: 'yellow',
            createdAt: t,
            updatedAt: t,
          },
          article,
        );
      }
    }, OTHERS);
    const library = await stage.extensionPage('options/index.html?view=compare&theme=joining', PAGE_SIZE);
    await library.locator('.column').nth(2).waitFor();
    await stage.shot(library, 'compare', { settle: 600 });
    await library.close();
  },
};
