/**
 * openBrowser(): Debian's headless Chromium (/usr/bin/chromium) driven by playwright-core, on a fresh
 * profile each time, sized like an Excel task pane (350 × 800 by default).
 */
import fs from 'fs';
import os from 'os';
import path from 'path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
] as const;

/** The Internet Explorer 11 webview of Office 2016/2019 volume editions. */
export const OFFICE_IE11_UA =
  'Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; .NET4.0C; .NET4.0E; ms-office; MSOffice 16) like Gecko';

export interface BrowserOptions {
  /** navigator.language and Accept-Language (default vi-VN; headless Chromium would say en-US). */
  locale?: string;
  /** Viewport width in CSS pixels (default 350, a narrow Excel task pane). */
  width?: number;
  height?: number;
  userAgent?: string;
  /** Default timeout of Playwright actions and waits on this page (default 15 s). */
  timeoutMs?: number;
}

export interface OpenBrowser {
  context: BrowserContext;
  page: Page;
  /**
   * Uncaught page errors, console.error messages and failed requests (HTTP status ≥ 400, /favicon.ico
   * excepted), in order: assert it is empty where it matters.
   */
  errors: string[];
  /** Closes Chromium and removes the profile. */
  close(): Promise<void>;
}

export async function openBrowser(opts: BrowserOptions = {}): Promise<OpenBrowser> {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium is missing: ${CHROMIUM} does not exist. The browser tests use Debian's chromium package: ` +
        'install it with `sudo apt-get install -y chromium` (.ci/run does this).',
    );
  }
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'tonghop-pw-'));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: [...CHROMIUM_ARGS],
      locale: opts.locale ?? 'vi-VN',
      viewport: { width: opts.width ?? 350, height: opts.height ?? 800 },
      acceptDownloads: true,
      timeout: 30_000,
      ...(opts.userAgent ? { userAgent: opts.userAgent } : {}),
    });
  } catch (e) {
    fs.rmSync(profile, { recursive: true, force: true });
    throw e;
  }
  const page = context.pages()[0] ?? (await context.newPage());
  const timeout = opts.timeoutMs ?? 15_000;
  page.setDefaultTimeout(timeout);
  page.setDefaultNavigationTimeout(timeout);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    // a failed request is reported below, with its URL
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource'))
      errors.push(`console.error: ${m.text()}`);
  });
  page.on('response', (r) => {
    // Chromium asks for /favicon.ico by itself: not the app's request
    if (r.status() >= 400 && !/\/favicon\.ico$/.test(r.url())) errors.push(`http ${r.status()}: ${r.url()}`);
  });
  let closed = false;
  return {
    context,
    page,
    errors,
    async close() {
      if (closed) return;
      closed = true;
      try {
        await context.close();
      } finally {
        fs.rmSync(profile, { recursive: true, force: true });
      }
    },
  };
}
