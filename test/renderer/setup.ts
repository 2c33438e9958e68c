// Renderer tests run in jsdom, which lacks what Mantine asks the browser for (the colour
// scheme, element sizes, scrolling); these stand-ins answer once for every test file.
import { afterEach } from 'vitest';
import { cleanup } from '@testing-library/react';

window.matchMedia ??= ((query: string) => ({
  matches: false,
  media: query,
  onchange: null,
  addEventListener: () => {},
  removeEventListener: () => {},
  addListener: () => {},
  removeListener: () => {},
  dispatchEvent: () => false,
})) as unknown as typeof window.matchMedia;

globalThis.ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
} as unknown as typeof ResizeObserver;

Element.prototype.scrollIntoView ??= () => {};

afterEach(() => cleanup());
