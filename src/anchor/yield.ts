// Giving the page's main thread back between slices of work, by the best means
// the environment has: scheduler.yield() keeps our place at the front of the
// queue; a message-channel task runs sooner than a clamped setTimeout.

interface SchedulerWithYield {
  yield(): Promise<void>;
}

function scheduler(): SchedulerWithYield | null {
  const s = (globalThis as { scheduler?: Partial<SchedulerWithYield> }).scheduler;
  return s && typeof s.yield === 'function' ? (s as SchedulerWithYield) : null;
}

export function yieldToMain(): Promise<void> {
  const s = scheduler();
  if (s) return s.yield();
  if (typeof MessageChannel === 'function') {
    return new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        resolve();
      };
      channel.port2.postMessage(null);
    });
  }
  return new Promise((resolve) => setTimeout(resolve, 0));
}
