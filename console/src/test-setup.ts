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
