/**
 * Helpers on an open page: bounded in-page evaluation, waiting for the app, screenshots, axe-core, overflow.
 * Every wait has a timeout: a page-side promise that never settles would otherwise hang the test silently.
 */
import fs from 'fs';
import path from 'path';
import type { AxeResults } from 'axe-core';
import type { Page } from 'playwright-core';
import type { Unboxed } from 'playwright-core/types/structs';
import { ROOT } from './build';

/** Rejects with a clear message when `p` has not settled within `ms`. */
export function withTimeout<T>(p: Promise<T>, ms: number, what = 'operation'): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const t = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms);
  });
  return Promise.race([p, t]).finally(() => clearTimeout(timer));
}

/** page.evaluate with a timeout (default 10 s). */
export function inPage<R, A>(
  page: Page,
  fn: (arg: Unboxed<A>) => R | Promise<R>,
  arg: A,
  ms = 10_000,
): Promise<R> {
  return withTimeout(page.evaluate(fn, arg), ms, 'page.evaluate');
}

/** Waits until the app says it has rendered with data (document.body.dataset.ready === '1'). */
export async function waitForReady(page: Page, timeoutMs = 20_000): Promise<void> {
  await page.waitForFunction(() => document.body?.dataset.ready === '1', undefined, {
    timeout: timeoutMs,
  });
}

/** The scripts an HTML page loads: its <script src> and the files its loader script names, in order. */
export function scriptSources(html: string): string[] {
  const names = new Set<string>();
  // attributes may be unquoted: html-webpack-plugin minifies the page in production
  for (const m of html.matchAll(/<script\b[^>]*?\bsrc\s*=\s*(?:"([^"]+)"|'([^']+)'|([^\s>]+))/gi))
    names.add((m[1] ?? m[2] ?? m[3])!);
  // the pages' loader script lists its files as quoted names, in load order
  for (const m of html.matchAll(/["']([^"'\s<>]+\.js)["']/g)) names.add(m[1]!);
  return [...names];
}

export const SCREENSHOTS = path.join(ROOT, 'test-results', 'screenshots');

/** A full-page PNG under test-results/screenshots/<name>.png; returns its path. */
export async function shot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const safe = name.replace(/[^\p{L}\p{N}._-]+/gu, '-');
  const file = path.join(SCREENSHOTS, `${safe}.png`);
  await withTimeout(page.screenshot({ path: file, fullPage: true }), 20_000, `screenshot ${name}`);
  return file;
}

export interface AxeViolation {
  id: string;
  impact: string;
  help: string;
  helpUrl: string;
  /** CSS selectors and HTML of the offending elements (first 10). */
  nodes: { target: string; html: string }[];
}

/**
 * Runs axe-core (node_modules/axe-core/axe.min.js, injected into the page) on the whole document and
 * returns the violations of impact serious or critical. `disableRules` turns rules off by id.
 */
export async function axeSerious(
  page: Page,
  opts: { disableRules?: string[]; timeoutMs?: number } = {},
): Promise<AxeViolation[]> {
  const hasAxe = await inPage(page, () => typeof (window as { axe?: unknown }).axe === 'object', null);
  if (!hasAxe) await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js', { paths: [ROOT] }) });
  const rules = Object.fromEntries((opts.disableRules ?? []).map((id) => [id, { enabled: false }]));
  const violations = await inPage(
    page,
    async (r) => {
      const axe = (window as unknown as { axe: { run(c: Document, o: object): Promise<AxeResults> } }).axe;
      // Fluent UI's focus manager (Tabster) puts 1-px focus sentinels <i tabindex=0 aria-hidden data-tabster-dummy>
      // around focus zones; they hand focus on at once and are never read out. axe flags them
      // (aria-hidden-focus); they are left out of the scan, nothing else is.
      const context = { include: [document], exclude: [['[data-tabster-dummy]']] };
      const res = await axe.run(context as unknown as Document, { resultTypes: ['violations'], rules: r });
      return res.violations.map((v) => ({
        id: v.id,
        impact: String(v.impact ?? ''),
        help: v.help,
        helpUrl: v.helpUrl,
        nodes: v.nodes.slice(0, 10).map((n) => ({ target: n.target.join(' '), html: n.html.slice(0, 300) })),
      }));
    },
    rules,
    opts.timeoutMs ?? 30_000,
  );
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

export interface OverflowReport {
  scrollWidth: number;
  clientWidth: number;
  /** Elements whose right edge passes the viewport (first 5), as tag#id.class. */
  offenders: string[];
}

/** Widths of the page's scrolling element and the elements that stick out on the right. */
export function overflowReport(page: Page): Promise<OverflowReport> {
  return inPage(
    page,
    () => {
      const se = document.scrollingElement ?? document.documentElement;
      const offenders: string[] = [];
      for (const el of Array.from(document.body.querySelectorAll('*'))) {
        if (el.getBoundingClientRect().right > se.clientWidth + 0.5 && offenders.length < 5) {
          const cls =
            typeof el.className === 'string' && el.className ? '.' + el.className.split(/\s+/)[0] : '';
          offenders.push(`${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}${cls}`);
        }
      }
      return { scrollWidth: se.scrollWidth, clientWidth: se.clientWidth, offenders };
    },
    null,
  );
}

/** True when the page does not scroll sideways: document.scrollingElement.scrollWidth <= clientWidth. */
export async function noHorizontalOverflow(page: Page): Promise<boolean> {
  const r = await overflowReport(page);
  return r.scrollWidth <= r.clientWidth;
}
