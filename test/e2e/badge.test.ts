// The action badge in real Chromium and Firefox: every interview fixture served
// at its real address shows its question count; a page that is not an
// interview shows none.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  badgeText,
  eachBrowser,
  FIXTURE_DIRS,
  fixtureExpected,
  launchExtension,
  ROOT,
  serveFixture,
  tabIdOf,
  type NetworkLog,
  type Session,
} from './harness';

interface SourceManifest {
  content_scripts: { matches: string[] }[];
}

/** Chrome match pattern (scheme://host/path*) as a RegExp; enough for the patterns we ship. */
function matchPattern(pattern: string): RegExp {
  const escaped = pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
  return new RegExp(`^${escaped}$`);
}

const manifest = JSON.parse(readFileSync(join(ROOT, 'manifest.json'), 'utf8')) as SourceManifest;
const patterns = manifest.content_scripts.flatMap((cs) => cs.matches).map(matchPattern);
const coveredByContentScript = (url: string): boolean => patterns.some((p) => p.test(url));

const fixtureNames = [
  ...new Set(
    FIXTURE_DIRS.flatMap((dir) => {
      try {
        return readdirSync(dir);
      } catch {
        return [];
      }
    })
      .filter((f) => f.endsWith('.expected.json'))
      .map((f) => f.slice(0, -'.expected.json'.length)),
  ),
].sort();

const fixtures = fixtureNames
  .map((name) => ({ name, expected: fixtureExpected(name) }))
  .filter(({ expected }) => coveredByContentScript(expected.url));
const interviews = fixtures.filter((f) => f.expected.interview);
const others = fixtures.filter((f) => !f.expected.interview);

/** The badge keeps `text` for the whole window, so a late write would be caught. */
async function badgeStays(ext: Session, tabId: number, text: string, ms = 2_000): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    expect(await badgeText(ext, tabId)).toBe(text);
    await new Promise((r) => setTimeout(r, 200));
  }
}

eachBrowser('action badge', (browser) => {
  let ext: Session;
  let network: NetworkLog;

  beforeAll(async () => {
    ext = await launchExtension(browser);
    network = await ext.blockNetwork();
    for (const { name } of fixtures) await serveFixture(ext, name);
  });

  afterAll(async () => {
    await ext?.close();
  });

  it('has fixtures of both kinds to look at', () => {
    expect(interviews.length).toBeGreaterThanOrEqual(2);
    expect(others.length).toBeGreaterThanOrEqual(1);
  });

  for (const { name, expected } of interviews) {
    it(`shows the question count on ${name}`, async () => {
      const page = await ext.newPage();
      await page.goto(expected.url);
      const tabId = await tabIdOf(ext, page);
      const count = String(expected.questions?.length ?? 0);
      await expect.poll(() => badgeText(ext, tabId), { timeout: 15_000 }).toBe(count);
      await page.close();
    });
  }

  for (const { name, expected } of others) {
    it(`shows no badge on ${name}`, async () => {
      const page = await ext.newPage();
      await page.goto(expected.url);
      const tabId = await tabIdOf(ext, page);
      await badgeStays(ext, tabId, '');
      await page.close();
    });

    it(`clears the badge when a tab goes from an interview to ${name}`, async () => {
      const first = interviews[0]!.expected;
      const page = await ext.newPage();
      await page.goto(first.url);
      const tabId = await tabIdOf(ext, page);
      await expect
        .poll(() => badgeText(ext, tabId), { timeout: 15_000 })
        .toBe(String(first.questions?.length ?? 0));
      await page.goto(expected.url);
      await expect.poll(() => badgeText(ext, tabId), { timeout: 15_000 }).toBe('');
      await badgeStays(ext, tabId, '');
      await page.close();
    });
  }

  it('made no network request of its own', () => {
    expect(network.scripted()).toEqual([]);
  });
});
