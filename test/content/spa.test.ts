// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { watchPage } from '../../src/content/spa';

describe('watchPage', () => {
  let stop: (() => void) | null = null;
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  });
  afterEach(() => {
    stop?.();
    stop = null;
    vi.useRealTimers();
    document.body.replaceChildren();
  });

  // The clock moves only when told: the debounce is checked to the millisecond, never against a real wait.
  const wait = (ms: number) => vi.advanceTimersByTimeAsync(ms);

  it('reports added text once per burst, after the debounce', async () => {
    const onContentAdded = vi.fn();
    stop = watchPage(window, { onUrlChange: vi.fn(), onContentAdded }, { debounceMs: 30 });
    for (let i = 0; i < 5; i++) {
      const p = document.createElement('p');
      p.textContent = `late paragraph ${i}`;
      document.body.append(p);
    }
    await wait(29);
    expect(onContentAdded).not.toHaveBeenCalled();
    await wait(1);
    expect(onContentAdded).toHaveBeenCalledTimes(1);
    await wait(1000);
    expect(onContentAdded).toHaveBeenCalledTimes(1);
  });

  it('ignores nodes without text, scripts, and our own UI', async () => {
    const onContentAdded = vi.fn();
    const ui = document.createElement('div');
    document.documentElement.append(ui);
    stop = watchPage(
      window,
      { onUrlChange: vi.fn(), onContentAdded },
      { debounceMs: 20, ignore: (n) => n === ui || ui.contains(n) },
    );
    document.body.append(document.createElement('img'), document.createElement('div'));
    const script = document.createElement('script');
    script.textContent = 'var x = 1;';
    document.body.append(script);
    const toast = document.createElement('span');
    toast.textContent = 'Saved.';
    ui.append(toast);
    await wait(60);
    expect(onContentAdded).not.toHaveBeenCalled();
    ui.remove();
  });

  it('notices a URL change made with pushState on the next mutation or navigation event', async () => {
    const onUrlChange = vi.fn();
    stop = watchPage(window, { onUrlChange, onContentAdded: vi.fn() }, { debounceMs: 20 });
    const next = new URL('/next-article', location.href).href;
    history.pushState({}, '', next);
    document.body.append(document.createElement('div'));
    await wait(60);
    expect(onUrlChange).toHaveBeenCalledWith(next);
    expect(onUrlChange).toHaveBeenCalledTimes(1);
  });
});
