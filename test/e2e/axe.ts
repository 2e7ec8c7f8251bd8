// axe-core run in a real page of either browser, for the accessibility checks
// of the popup, the library and the content script's UI on a page. The engine
// is sent as the source of the function the driver evaluates (an extension
// page's CSP forbids eval, and a driver's own evaluation is not bound by it),
// so it runs in the page's main world and sees open shadow roots.

import { createRequire } from 'node:module';
import { expect } from 'vitest';
import type { TestPage } from './page';

const axeSource = (createRequire(import.meta.url)('axe-core') as { source: string }).source;

/** The impacts a test fails on. */
export const BLOCKING_IMPACTS = ['serious', 'critical'] as const;

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  /** Each offending element: its selector path (shadow hosts first) and axe's summary of what is wrong. */
  nodes: { target: unknown; summary: string }[];
}

/**
 * What axe finds in the page, limited to context when given: a selector, or
 * axe's own context object (`{ fromShadowDom: [HOST, INNER] }` reaches into a
 * shadow root). Only the violations are returned.
 */
export async function axeViolations(page: TestPage, context?: unknown): Promise<AxeViolation[]> {
  const source = `async (ctx) => {
    ${axeSource}
    ;const found = await window.axe.run(ctx ?? document, { resultTypes: ['violations'] });
    return found.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? null,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target, summary: n.failureSummary ?? '' })),
    }));
  }`;
  // Drivers send a function as its source text; this one's source is the engine and the call.
  const run = Object.assign(() => undefined, { toString: () => source }) as unknown as (
    ctx: unknown,
  ) => AxeViolation[];
  return page.evaluate(run, context ?? null);
}

/** Fails with the list of what is wrong when axe finds a serious or critical violation. */
export async function expectNoSeriousViolations(page: TestPage, context?: unknown): Promise<void> {
  const blocking = (await axeViolations(page, context)).filter((v) =>
    (BLOCKING_IMPACTS as readonly string[]).includes(v.impact ?? ''),
  );
  const report = blocking
    .map(
      (v) =>
        `${v.impact} ${v.id}: ${v.help}\n${v.nodes.map((n) => `  ${JSON.stringify(n.target)} ${n.summary}`).join('\n')}`,
    )
    .join('\n');
  expect(blocking, report).toEqual([]);
}
