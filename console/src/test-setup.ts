import { configure } from '@testing-library/dom';
import { TextEncoder } from 'node:util';
// jsdom lacks what Ant Design's responsive components ask the browser for.
Object.defineProperty(window, 'matchMedia', {
  writable: true,
  value: (query: string) => ({
    matches: false,
    media: query,
    onchange: null,
    addListener: () => undefined,
    removeListener: () => undefined,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
    dispatchEvent: () => false,
  }),
});
class NoResizeObserver {
  observe() {}
  unobserve() {}
  disconnect() {}
}
Object.defineProperty(window, 'ResizeObserver', { writable: true, value: NoResizeObserver });
// Ant Design's forms batch their notifications on a MessageChannel, which jsdom does not provide: a timer-based one
// (Node's own would keep the test worker alive).
class TimerMessageChannel {
  port1: { onmessage: ((event: { data: unknown }) => void) | null } = { onmessage: null };
  port2 = { postMessage: (data: unknown) => setTimeout(() => this.port1.onmessage?.({ data }), 0) };
}
Object.defineProperty(globalThis, 'MessageChannel', { writable: true, value: TimerMessageChannel });
// jsdom has no pseudo-element styles; Ant Design measures the scrollbar with one.
const getComputedStyleOfElement = window.getComputedStyle.bind(window);
window.getComputedStyle = (element: Element) => getComputedStyleOfElement(element);

// jsdom lacks the browser's TextEncoder (the console hashes text with it): Node's is the same standard API.
Object.defineProperty(globalThis, 'TextEncoder', { writable: true, value: TextEncoder });

// Ant Design under jsdom renders slowly on a busy 2-core machine: a findBy*/waitFor gives up after 10 s, not 1 s, so a
// loaded CI host does not turn a slow render into a failure (a test that passes still waits only as long as it needs).
configure({ asyncUtilTimeout: 10_000 });

/**
 * jsdom's getComputedStyle matches every rule of every style sheet against the element, with nwsapi, which keeps its
 * compiled selectors in an LRU cache of 1,000. Ant Design's CSS-in-JS injects more distinct selectors than that, so
 * each call walked the sheets in the same order and evicted every selector before its next use: every match compiled
 * its selector anew. Testing Library asks for computed styles for every candidate of a *ByRole query (is it hidden?
 * what is its accessible name?), and that recompiling was most of a form test's CPU time. The same caches without the
 * bound keep every compiled selector for the file; the styles and what they hide are unchanged.
 */
function unboundSelectorCaches() {
  // jsdom creates the document's two nwsapi instances on first use: one for styles, one for querySelector/matches.
  window.getComputedStyle(document.documentElement);
  document.documentElement.matches('html');
  type Engine = Record<string, object> | undefined;
  const impl = Object.getOwnPropertySymbols(document)
    .filter((symbol) => String(symbol) === 'Symbol(impl)')
    .map((symbol) => (document as unknown as Record<symbol, Record<string, Engine>>)[symbol])[0];
  const caches = [impl?._nwsapiDontThrow, impl?._nwsapi].flatMap((engine) =>
    ['matchLambdas', 'selectLambdas', 'matchResolvers', 'selectResolvers'].map((name) => engine?.[name]),
  );
  for (const cache of caches) {
    if (!cache || !('get' in cache) || !('set' in cache)) continue; // another jsdom or nwsapi: left as it is
    const entries = new Map<string, unknown>();
    Object.assign(cache, {
      get: (key: string) => entries.get(key),
      has: (key: string) => entries.has(key),
      set: (key: string, value: unknown) => (entries.set(key, value), value),
      clear: () => entries.clear(),
      size: () => entries.size,
    });
  }
}
unboundSelectorCaches();
