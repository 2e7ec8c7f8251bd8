// Fake PopupServices: an in-memory page and store that record what was asked of them.

import type { InjectResult, PageResult, PageSnapshot, PopupServices } from '../../popup/services';
import { makeHighlight as row } from '../rows';
import {
  DEFAULT_SETTINGS,
  type Article,
  type Block,
  type Highlight,
  type HighlightPatch,
  type Interview,
  type Section,
  type Settings,
} from '../../src/types';

export interface Call {
  name: string;
  args: unknown[];
}

export interface FakeOptions {
  page?: PageResult | (() => PageResult);
  afterInject?: PageResult;
  inject?: InjectResult;
  highlights?: Highlight[];
  settings?: Settings;
  /** The tab's address as the browser reports it; null when it does not. */
  tabUrl?: string | null;
  /** A write the background refuses, with this reason. */
  refuseWrites?: string;
}

export interface Fake extends PopupServices {
  calls: Call[];
  rows: Highlight[];
  clipboard: string[];
  callsTo(name: string): unknown[][];
}

let counter = 0;

/** A highlight on the popup's sample page; no selectors unless given, so page order is save order. */
export function makeHighlight(partial: Partial<Highlight> & Pick<Highlight, 'quote'>): Highlight {
  counter += 1;
  return row({
    id: `h${counter}`,
    url: 'https://example.com/interview',
    selectors: [],
    sectionId: null,
    question: null,
    canonicalUrl: null,
    fragmentUrl: 'https://example.com/interview#:~:text=x',
    createdAt: counter,
    updatedAt: counter,
    ...partial,
  });
}

export function snapshot(interview: Interview | null, extra: Partial<PageSnapshot> = {}): PageSnapshot {
  return { interview, articleKey: 'https://example.com/interview', orphanedIds: [], placedIds: [], ...extra };
}

export function fakeServices(options: FakeOptions = {}): Fake {
  const calls: Call[] = [];
  const listeners = new Set<() => void>();
  let injected = false;
  const fake: Fake = {
    calls,
    rows: [...(options.highlights ?? [])],
    clipboard: [],
    callsTo: (name) => calls.filter((c) => c.name === name).map((c) => c.args),

    async getPage() {
      calls.push({ name: 'getPage', args: [] });
      if (injected && options.afterInject) return options.afterInject;
      const p = options.page ?? { status: 'ok', page: snapshot(null) };
      return typeof p === 'function' ? p() : p;
    },
    async inject() {
      calls.push({ name: 'inject', args: [] });
      const r = options.inject ?? { status: 'ok' };
      if (r.status === 'ok') injected = true;
      return r;
    },
    async saveSection(sectionId, paragraphIndex) {
      calls.push({ name: 'saveSection', args: [sectionId, paragraphIndex] });
      const page = await fake.getPage();
      const section =
        page.status === 'ok' ? page.page.interview?.sections.find((s) => s.id === sectionId) : undefined;
      if (!section) throw new Error('That question is not on this page.');
      const block: Block | undefined =
        paragraphIndex === undefined ? undefined : section.answer[paragraphIndex];
      const h = makeHighlight({
        kind: paragraphIndex === undefined ? 'qa' : 'paragraph',
        quote: block ? block.text : [section.question, ...section.answer.map((b) => b.text)].join('\n\n'),
        sectionId,
        question: section.question,
        ...(paragraphIndex === undefined
          ? { answer: section.answer, subQuestions: section.subQuestions }
          : {}),
      });
      fake.rows.push(h);
      return h;
    },
    async scrollTo(sectionId) {
      calls.push({ name: 'scrollTo', args: [sectionId] });
    },
    draftHighlight(id, patch) {
      calls.push({ name: 'draftHighlight', args: [id, patch] });
    },
    async showHighlight(id) {
      calls.push({ name: 'showHighlight', args: [id] });
    },
    async tabUrl() {
      return options.tabUrl ?? null;
    },
    async highlightsForArticle(key) {
      calls.push({ name: 'highlightsForArticle', args: [key] });
      return fake.rows.filter((h) => h.articleKey === key);
    },
    async getArticle(key): Promise<Article | undefined> {
      calls.push({ name: 'getArticle', args: [key] });
      return undefined;
    },
    updateHighlight(id, patch: HighlightPatch) {
      // Recorded when called, as the real one sends its message before answering.
      calls.push({ name: 'updateHighlight', args: [id, patch] });
      if (options.refuseWrites) return Promise.reject(new Error(options.refuseWrites));
      fake.rows = fake.rows.map((h) => (h.id === id ? { ...h, ...patch } : h));
      return Promise.resolve();
    },
    async deleteHighlights(ids) {
      calls.push({ name: 'deleteHighlights', args: [ids] });
      const removed = fake.rows.filter((h) => ids.includes(h.id));
      fake.rows = fake.rows.filter((h) => !ids.includes(h.id));
      return removed;
    },
    async restoreHighlights(rows) {
      calls.push({ name: 'restoreHighlights', args: [rows] });
      fake.rows.push(...rows);
    },
    async libraryChanged(keys) {
      calls.push({ name: 'libraryChanged', args: [keys] });
    },
    onLibraryChange(cb) {
      listeners.add(cb);
      return () => listeners.delete(cb);
    },
    async loadSettings() {
      return options.settings ?? DEFAULT_SETTINGS;
    },
    async renderHighlights(article, highlights, exportOptions) {
      calls.push({ name: 'renderHighlights', args: [article, highlights, exportOptions] });
      return `# ${article.title}\n\n${highlights.map((h) => `> ${h.quote}`).join('\n\n')}\n`;
    },
    async renderInterview(interview) {
      calls.push({ name: 'renderInterview', args: [interview] });
      return `# ${interview.title}\n\n${interview.sections.map((s) => `## ${s.question}`).join('\n\n')}\n`;
    },
    async copyText(text) {
      calls.push({ name: 'copyText', args: [text] });
      fake.clipboard.push(text);
    },
    async openLibraryPage() {
      calls.push({ name: 'openLibraryPage', args: [] });
    },
    async selectionShortcut() {
      return 'Alt+Shift+H';
    },
  };
  return fake;
}

export function section(id: string, question: string, answer: Block[], subQuestions: string[] = []): Section {
  return { id, question, subQuestions, answer };
}

/** A hand-made interview holding every kind of answer block. */
export function sampleInterview(sections?: Section[]): Interview {
  return {
    url: 'https://example.com/interview',
    canonicalUrl: null,
    site: 'pinterest-engineering-blog',
    interview: true,
    title: 'Meet Ana Souza',
    author: 'Example Engineering',
    publication: 'Example Blog',
    published: '2024-02-03',
    subject: { name: 'Ana Souza', role: 'Staff Engineer', team: 'Ads Ranking' },
    facts: [],
    intro: [],
    sections: sections ?? [
      section(
        'q-joining',
        'What led you to joining?',
        [
          { kind: 'paragraph', text: 'I wanted to work on a product I use every day.' },
          { kind: 'paragraph', text: 'The team made the résumé review feel like a conversation.' },
        ],
        ['And what kept you here?'],
      ),
      section('q-day', 'What does a typical day look like?', [
        { kind: 'heading', text: 'Mornings' },
        { kind: 'list-item', text: 'Review designs', ordered: true },
        { kind: 'list-item', text: 'Pair on code', ordered: true },
        { kind: 'list-item', text: 'Coffee', ordered: false },
        { kind: 'code', text: 'const day = plan();' },
        { kind: 'quote', text: 'Ship small, ship often.' },
      ]),
      section('q-panel', 'How do you work across teams?', [
        { kind: 'paragraph', text: 'We meet every week.', speaker: 'Ana Souza' },
        { kind: 'paragraph', text: 'And we write things down.', speaker: 'Bo Chen' },
      ]),
    ],
  };
}
