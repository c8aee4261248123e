import perfHooks from 'node:perf_hooks';

// The tracker the Jest environment installs on the worker's perf_hooks (test/support/cpu-environment.js); here it
// wraps a copy, so that this file's own wrappers stay out of the worker's.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { trackRegistrations } = require('./support/process-registrations') as {
  trackRegistrations: (hooks: Hooks) => { begin(): void; release(): void };
};
interface Hooks {
  PerformanceObserver: typeof perfHooks.PerformanceObserver;
  monitorEventLoopDelay: typeof perfHooks.monitorEventLoopDelay;
}

function trackedHooks() {
  const hooks: Hooks = {
    PerformanceObserver: class extends perfHooks.PerformanceObserver {},
    monitorEventLoopDelay: perfHooks.monitorEventLoopDelay,
  };
  return { hooks, tracker: trackRegistrations(hooks) };
}

/** The marks an observer made through `hooks` sees of one `performance.mark` (delivered on a later tick). */
async function marksSeen(hooks: Hooks, name: string, release: () => void) {
  const names: string[] = [];
  let entryCame: () => void = () => undefined;
  const observer = new hooks.PerformanceObserver((list) => {
    names.push(...list.getEntriesByName(name).map((e) => e.name));
    entryCame();
  });
  observer.observe({ entryTypes: ['mark'] });
  release();
  let timer: NodeJS.Timeout | undefined;
  const delivered = new Promise<void>((resolve) => {
    entryCame = resolve;
    timer = setTimeout(resolve, 200);
  });
  performance.mark(name);
  await delivered;
  // not left pending: a worker whose last file this is would wait for it before it could exit
  clearTimeout(timer);
  observer.disconnect();
  return names;
}

it('disconnects the performance observers made since begin() when released', async () => {
  const { hooks, tracker } = trackedHooks();
  tracker.begin();
  expect(await marksSeen(hooks, 'released-observer', () => tracker.release())).toEqual([]);
});

it('leaves observers alone until released, and those made outside a file', async () => {
  const { hooks, tracker } = trackedHooks();
  tracker.begin();
  expect(await marksSeen(hooks, 'kept-observer', () => undefined)).toEqual(['kept-observer']);
  tracker.release();
  expect(await marksSeen(hooks, 'outside-a-file', () => tracker.release())).toEqual(['outside-a-file']);
});

it('disables the event-loop-delay histograms made since begin() when released', () => {
  const { hooks, tracker } = trackedHooks();
  tracker.begin();
  const made = hooks.monitorEventLoopDelay({ resolution: 10 });
  expect(made.enable()).toBe(true);
  tracker.release();
  // disable() answers false when the histogram was already disabled
  expect(made.disable()).toBe(false);
  const outside = hooks.monitorEventLoopDelay({ resolution: 10 });
  outside.enable();
  tracker.release();
  expect(outside.disable()).toBe(true);
});
