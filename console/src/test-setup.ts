import { configure } from '@testing-library/dom';
import { TextDecoder, TextEncoder } from 'node:util';
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
// …nor its TextDecoder (a CSV file's bytes are decoded as UTF-8 or GB 18030, csv-import.tsx).
Object.defineProperty(globalThis, 'TextDecoder', { writable: true, value: TextDecoder });

// Ant Design under jsdom renders slowly on a busy 2-core machine: a findBy*/waitFor gives up after 10 s, not 1 s, so a
// loaded CI host does not turn a slow render into a failure (a test that passes still waits only as long as it needs).
configure({ asyncUtilTimeout: 10_000 });

/** jsdom's implementation object behind `document` (where it keeps its nwsapi engines and its style cache). */
function documentImpl(): Record<string, unknown> | undefined {
  return Object.getOwnPropertySymbols(document)
    .filter((symbol) => String(symbol) === 'Symbol(impl)')
    .map((symbol) => (document as unknown as Record<symbol, Record<string, unknown>>)[symbol])[0];
}

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
  const impl = documentImpl() as Record<string, Engine> | undefined;
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

/**
 * The classes and ids an element must carry for one of the selector's comma-separated parts to match it: those written
 * at the top level of each part's last compound (`.ant-btn` in `:where(.css-x).ant-btn`; nothing inside `:not(…)`,
 * `[…]` or quotes, nothing escaped), lowercased. Undefined when some part requires none, so it may match anything.
 */
function requiredTokensOf(selector: string): string[][] | undefined {
  const parts: string[][] = [];
  let depth = 0;
  let quote = '';
  let tokens: string[] = [];
  for (let i = 0; i <= selector.length; i++) {
    const c = selector[i] ?? ',';
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
    } else if (c === '\\') i++;
    else if (c === '"' || c === "'") quote = c;
    else if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') depth--;
    else if (depth > 0) continue;
    else if (c === ',') {
      if (tokens.length === 0) return undefined;
      parts.push(tokens);
      tokens = [];
    } else if (c === ' ' || c === '>' || c === '+' || c === '~' || c === '\n' || c === '\t') tokens = [];
    else if (c === '.' || c === '#') {
      const name = /^[\w\u00a0-\uffff-]+/.exec(selector.slice(i + 1))?.[0];
      if (name && selector[i + 1 + name.length] !== '\\') tokens.push(c + name.toLowerCase());
    }
  }
  return parts;
}

/**
 * jsdom's getComputedStyle matches every rule of every sheet against the element and each of its ancestors; Ant
 * Design's CSS-in-JS holds some 1,400 rules, so one `*ByRole` query after a render asked nwsapi 118,000 times (3 s on
 * a loaded machine). Nearly every rule names a class the element lacks: those are answered "no" here from the rule's
 * required classes and ids, and only the others go to nwsapi. A necessary condition only, so every answer is nwsapi's.
 */
function classPrefilteredStyleMatching() {
  const impl = documentImpl();
  const engine = impl?._nwsapiDontThrow as { match?: (s: string, e: Element, cb?: unknown) => boolean } | undefined;
  const match = engine?.match;
  if (!impl || !engine || !match) return; // another jsdom or nwsapi: left as it is
  const required = new Map<string, string[][] | undefined>();
  // The element's tokens, read once per element and style computation (jsdom drops its style cache on any change).
  let last: { element: Element; cache: unknown; tokens: Set<string> } | undefined;
  engine.match = (selector, element, callback) => {
    if (typeof selector === 'string' && !callback) {
      if (!required.has(selector)) required.set(selector, requiredTokensOf(selector));
      const parts = required.get(selector);
      if (parts) {
        if (last?.element !== element || last.cache !== impl._styleCache) {
          const tokens = new Set(
            (element.getAttribute('class') ?? '')
              .toLowerCase()
              .split(/\s+/)
              .map((c) => `.${c}`),
          );
          if (element.id) tokens.add(`#${element.id.toLowerCase()}`);
          last = { element, cache: impl._styleCache, tokens };
        }
        const { tokens } = last;
        if (!parts.some((part) => part.every((token) => tokens.has(token)))) return false;
      }
    }
    return match.call(engine, selector, element, callback);
  };
}
classPrefilteredStyleMatching();
