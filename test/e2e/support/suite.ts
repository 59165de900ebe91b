/**
 * The set-up every browser test file shares: the e2e build served over http for the whole file, and the
 * browsers a test opens closed after it (also when it fails).
 */
import { openBrowser, type BrowserOptions, type OpenBrowser } from './browser';
import { buildOnce } from './build';
import { serve, type Served } from './serve';

export interface BrowserSuite {
  /** The build folder (e2e.html, taskpane.html, trang.html …). */
  readonly dir: string;
  /** Base URL of the server, without a trailing slash. */
  readonly url: string;
  /** Opens a browser that is closed after the current test. */
  open(opts?: BrowserOptions): Promise<OpenBrowser>;
}

export function browserSuite(): BrowserSuite {
  let dir = '';
  let server: Served | undefined;
  const open: OpenBrowser[] = [];
  beforeAll(async () => {
    dir = await buildOnce();
    server = await serve(dir);
  }, 400_000);
  afterEach(async () => {
    for (const b of open.splice(0)) await b.close();
  });
  afterAll(async () => {
    await server?.close();
  });
  return {
    get dir() {
      return dir;
    },
    get url() {
      if (!server) throw new Error('the build is not served yet (use the suite inside a test)');
      return server.url;
    },
    async open(opts) {
      const b = await openBrowser(opts);
      open.push(b);
      return b;
    },
  };
}
