/**
 * What a test file's modules register in Node's built-in modules, undone when the file ends. Jest gives every file of a
 * worker fresh modules, but the built-in modules are the worker's own, shared by all its files:
 * - a PerformanceObserver stays registered in `perf_hooks` until it is disconnected, and with its callback the whole
 *   module graph of the file that made it (its vm context): prom-client's default metrics (`platform/metrics.ts`) make
 *   one, for garbage-collection durations, when the module loads, so every file that loaded it left its modules
 *   behind (a worker's heap after a forced GC grew by some 48 MB a file that only imports the hub; README › Tests);
 * - an event-loop-delay histogram (`monitorEventLoopDelay`, prom-client's too) wakes the worker every 10 ms until it
 *   is disabled.
 * `trackRegistrations(perfHooks)` wraps the two so that those made between `begin()` and `release()` are disconnected
 * and disabled by `release()`; a production process loads its modules once, and keeps them.
 */
function trackRegistrations(perfHooks) {
  let current;
  const { observe } = perfHooks.PerformanceObserver.prototype;
  perfHooks.PerformanceObserver.prototype.observe = function (...args) {
    current?.observers.add(this);
    return observe.apply(this, args);
  };
  const { monitorEventLoopDelay } = perfHooks;
  perfHooks.monitorEventLoopDelay = function (...args) {
    const histogram = monitorEventLoopDelay.apply(this, args);
    current?.histograms.add(histogram);
    return histogram;
  };
  return {
    begin() {
      current = { observers: new Set(), histograms: new Set() };
    },
    release() {
      if (!current) return;
      for (const observer of current.observers) observer.disconnect();
      for (const histogram of current.histograms) histogram.disable();
      current = undefined;
    },
  };
}

module.exports = { trackRegistrations };
