// What the reader types is written after a pause, or at once on flush (every
// way out of the card), never twice for the same text, in order.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DRAFT_DELAY_MS, Draft, type DraftState } from '../../src/content/draft';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('a draft of a note', () => {
  it('writes the last change once typing pauses, and says so', async () => {
    const written: string[] = [];
    const states: DraftState[] = [];
    const d = new Draft<string>(
      '',
      async (v: string) => {
        written.push(v);
        return true;
      },
      (s) => states.push(s),
    );
    d.change('W');
    d.change('Wo');
    await vi.advanceTimersByTimeAsync(DRAFT_DELAY_MS - 1);
    expect(written).toEqual([]);
    d.change('Word');
    await vi.advanceTimersByTimeAsync(DRAFT_DELAY_MS);
    expect(written).toEqual(['Word']);
    expect(states).toEqual(['saving', 'saved']);
  });

  it('writes at once on flush, and nothing when the text is what was last written', async () => {
    const write = vi.fn(async () => true);
    const d = new Draft<string>('kept', write);
    d.change('kept');
    await d.flush();
    expect(write).not.toHaveBeenCalled();
    d.change('typed');
    await d.flush();
    expect(write).toHaveBeenCalledExactlyOnceWith('typed');
    await vi.advanceTimersByTimeAsync(DRAFT_DELAY_MS * 2);
    expect(write).toHaveBeenCalledTimes(1);
  });

  it('writes in order: a slow write never lands after a later one', async () => {
    const landed: string[] = [];
    const d = new Draft<string>('', async (v: string) => {
      await new Promise((r) => setTimeout(r, v === 'a' ? 50 : 1));
      landed.push(v);
      return true;
    });
    d.change('a');
    const first = d.flush();
    d.change('ab');
    const second = d.flush();
    await vi.advanceTimersByTimeAsync(100);
    await Promise.all([first, second]);
    expect(landed).toEqual(['a', 'ab']);
  });

  it('writes the same text again after a failed write, and says it was not saved', async () => {
    const states: DraftState[] = [];
    const write = vi.fn(async () => write.mock.calls.length > 1);
    const d = new Draft<string>('', write, (s) => states.push(s));
    d.change('typed');
    await d.flush();
    expect(states).toEqual(['saving', 'failed']);
    d.change('typed');
    await d.flush();
    expect(write).toHaveBeenCalledTimes(2);
    expect(states.at(-1)).toBe('saved');
  });
});
