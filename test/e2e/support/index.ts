/**
 * Browser-test support: build the e2e bundle once, serve it over http, open headless Chromium at task-pane
 * size, and check the page (screenshots, axe-core, horizontal overflow).
 *
 *   const dir = await buildOnce();                 // e2e.html, taskpane.html, trang.html, office/, bundles
 *   const server = await serve(dir);               // server.url = http://127.0.0.1:PORT
 *   const b = await openBrowser({ locale: 'vi-VN' });
 *   await b.page.goto(`${server.url}/e2e.html?lang=vi-VN`);
 *   await waitForReady(b.page);
 *   … window.__fake (test/e2e/host/fake-host.ts) to read the fake workbook …
 *   await b.close(); await server.close();
 */
export { buildOnce, buildHash, buildInputs, runWebpack, ROOT } from './build';
export { serve, CONTENT_TYPES, type Served } from './serve';
export {
  openBrowser,
  CHROMIUM,
  CHROMIUM_ARGS,
  OFFICE_IE11_UA,
  type BrowserOptions,
  type OpenBrowser,
} from './browser';
export {
  axeSerious,
  inPage,
  noHorizontalOverflow,
  overflowReport,
  scriptSources,
  shot,
  waitForReady,
  withTimeout,
  SCREENSHOTS,
  type AxeViolation,
  type OverflowReport,
} from './page';
export { browserSuite, type BrowserSuite } from './suite';
