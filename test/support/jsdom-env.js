/**
 * jsdom for the task pane's component tests, with what every browser the pane runs in has and jsdom 20
 * lacks: TextEncoder/TextDecoder, WebCrypto (SHA-256 of dropped files), structuredClone, ResizeObserver (no layout here, so it never fires).
 */
const JsdomEnvironment = require('jest-environment-jsdom').default;
const { TextEncoder, TextDecoder } = require('util');
const { webcrypto } = require('crypto');

class PaneEnvironment extends JsdomEnvironment {
  async setup() {
    await super.setup();
    const g = this.global;
    if (!g.TextEncoder) g.TextEncoder = TextEncoder;
    if (!g.TextDecoder) g.TextDecoder = TextDecoder;
    // Node's WebCrypto, taking the test realm's buffers (jsdom's FileReader makes them in another realm than
    // Node's, which WebCrypto refuses; in a browser there is one realm).
    const subtle = {
      digest: (alg, data) =>
        webcrypto.subtle.digest(alg, Buffer.from(ArrayBuffer.isView(data) ? data : new Uint8Array(data))),
    };
    Object.defineProperty(g, 'crypto', {
      value: { subtle, getRandomValues: (a) => webcrypto.getRandomValues(a), randomUUID: () => webcrypto.randomUUID() },
      configurable: true,
    });
    if (!g.structuredClone) g.structuredClone = globalThis.structuredClone;
    // jsdom has no layout: a ResizeObserver that never reports (Fluent's TabList and overflow use it).
    if (!g.ResizeObserver) {
      g.ResizeObserver = class {
        observe() {}
        unobserve() {}
        disconnect() {}
      };
    }
  }
}

module.exports = PaneEnvironment;
