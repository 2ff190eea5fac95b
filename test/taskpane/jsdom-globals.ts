/**
 * What every browser has and jsdom (jest 29) lacks: TextDecoder/TextEncoder (the reader and the CSV encoder)
 * and ResizeObserver (Fluent's TabList and MessageBar; jsdom does no layout, so it never reports).
 * Import this first in a jsdom test.
 */
import { TextDecoder, TextEncoder } from 'node:util';

class NoLayoutResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}

Object.assign(globalThis, { TextDecoder, TextEncoder });
if (!('ResizeObserver' in globalThis)) Object.assign(globalThis, { ResizeObserver: NoLayoutResizeObserver });
