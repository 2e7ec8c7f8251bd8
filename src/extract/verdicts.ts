// What the extractor took each block of the article for, and the rule that
// decided it: kept only when asked for (`--explain`), so a reader who reports a
// misread page can be shown why. Plain data; explain.ts prints it.

export const ROLES = [
  'chrome',
  'intro',
  'question',
  'sub-question',
  'answer',
  'speaker label',
  'insert',
] as const;
export type Role = (typeof ROLES)[number];

export interface Verdict {
  role: Role;
  /** The rule, in words: why the block was taken for this. */
  rule: string;
}

/** Per block index; a no-op sink when nobody asked. */
export interface VerdictSink {
  set(index: number, role: Role, rule: string): void;
}

export const IGNORE: VerdictSink = { set() {} };

export class Verdicts implements VerdictSink {
  readonly byBlock: (Verdict | undefined)[] = [];
  set(index: number, role: Role, rule: string): void {
    this.byBlock[index] = { role, rule };
  }
}
