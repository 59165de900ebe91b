/**
 * Bench section "ui" (issue 5, task pane): builds the production bundle (webpack.config.js, as `npm run
 * build` does, into a temporary folder) and measures
 *  - initialJsGzipKb: the JavaScript taskpane.html loads at start (the scripts the page names; Microsoft's
 *    office/ files excluded), each gzipped at level 9, summed, in KB (1024 bytes). Budget 300 KB.
 *  - firstRenderMs: in headless Chromium, from navigation start to document.body.dataset.ready === '1'
 *    on trang.html (the browser page); the median of 5 loads, each in a fresh browser profile (cold cache).
 *  - parse60: the browser page with a master of 60 units open, 60 returned lists × 300 rows picked at once
 *    (the merge bench's lists): the time until every card is read, and the longest task of the UI thread
 *    meanwhile (PerformanceObserver 'longtask'). Goal: no task over 200 ms (parsing runs in Web Workers).
 */
import fs from 'fs';
import os from 'os';
import path from 'path';
import zlib from 'zlib';
import type { BenchOptions, Section } from './merge-bench';

// playwright-core and the e2e support are loaded only when this section runs (merge-bench.ts forks
// itself for its cold measures, which must not carry them).
type Support = typeof import('../test/e2e/support');
const support = (): Promise<Support> => import('../test/e2e/support');

const BUDGET_KB = 300;
const LOADS = 5;

function log(s: string): void {
  process.stderr.write(s + '\n');
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/**
 * The scripts an HTML page loads at start, relative to its folder: `src` attributes and the quoted `.js`
 * names of a loader script (taskpane.html creates its script elements itself). Only files that exist.
 */
export function initialScripts(
  html: string,
  dir: string,
  scriptSources: (html: string) => string[],
): string[] {
  return scriptSources(html)
    .map((n) => n.replace(/^\.?\//, '').split(/[?#]/)[0]!)
    .filter((n) => !/^[a-z]+:/i.test(n) && !n.startsWith('office/'))
    .filter((n) => fs.existsSync(path.join(dir, n)));
}

const gzipKb = (file: string): number => zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length / 1024;

const READY_STAMP = `(function () {
  function stamp() {
    if (window.__readyAt === undefined && document.body && document.body.dataset.ready === '1')
      window.__readyAt = performance.now();
  }
  new MutationObserver(stamp).observe(document, {
    subtree: true, childList: true, attributes: true, attributeFilter: ['data-ready'],
  });
})();`;

/** One load of `url` in a fresh Chromium: ms from navigation start until body[data-ready="1"]. */
async function firstRender(url: string): Promise<number> {
  const { openBrowser } = await support();
  const b = await openBrowser({ locale: 'vi-VN', width: 1024, height: 768 });
  try {
    // Stamped by a MutationObserver set up before any page script: the moment the app sets data-ready.
    // (A string, not a function: tsx would add __name() calls that do not exist in the page.)
    await b.page.addInitScript(READY_STAMP);
    await b.page.goto(url);
    await b.page.waitForFunction(() => document.body?.dataset.ready === '1', undefined, { timeout: 30_000 });
    const at = await b.page.evaluate(
      () => (window as unknown as { __readyAt?: number }).__readyAt ?? performance.now(),
    );
    if (b.errors.length > 0) log(`ui: lỗi trong trang: ${b.errors.join(' | ')}`);
    return at;
  } finally {
    await b.close();
  }
}

const LONGTASKS = `(function () {
  window.__longTasks = [];
  try {
    new PerformanceObserver(function (list) {
      list.getEntries().forEach(function (e) { window.__longTasks.push({ start: e.startTime, ms: e.duration }); });
    }).observe({ type: 'longtask', buffered: true });
  } catch (e) {}
})();`;

/** 60 lists picked at once on the browser page: ms until all are read, and the UI thread's longest task. */
async function parse60(
  url: string,
  dir: string,
): Promise<{ files: number; ms: number; longestTaskMs: number; longTasks: number }> {
  const { openBrowser } = await support();
  const { buildCampaign, initMaster } = await import('./merge-bench');
  const campaign = await buildCampaign(path.join(dir, 'campaign'));
  const master = path.join(dir, 'master.xlsx');
  await initMaster(campaign, master);
  const b = await openBrowser({ locale: 'vi-VN', width: 400, height: 900 });
  try {
    await b.page.addInitScript(LONGTASKS);
    await b.page.goto(url);
    await b.page.waitForFunction(() => document.body?.dataset.ready === '1', undefined, { timeout: 30_000 });
    await b.page.getByTestId('open-master').setInputFiles(master);
    await b.page.getByTestId('tracker-counts').waitFor({ timeout: 60_000 });
    await b.page.getByRole('tab', { name: /Nhận tệp/ }).click();
    const t0 = await b.page.evaluate(() => performance.now());
    await b.page.getByTestId('pick-files').setInputFiles(campaign.lists.map((l) => l.path));
    const n = campaign.lists.length;
    await b.page.waitForFunction(
      (k) =>
        document.querySelectorAll('[data-file]').length === k &&
        ![...document.querySelectorAll('[data-file]')].some((c) => c.textContent?.endsWith('…')),
      n,
      { timeout: 300_000, polling: 250 },
    );
    const r = await b.page.evaluate((start) => {
      const all = (window as unknown as { __longTasks: { start: number; ms: number }[] }).__longTasks;
      const during = all.filter((x) => x.start >= start);
      return {
        end: performance.now(),
        longest: Math.max(0, ...during.map((x) => x.ms)),
        count: during.length,
      };
    }, t0);
    return { files: n, ms: Math.round(r.end - t0), longestTaskMs: Math.round(r.longest), longTasks: r.count };
  } finally {
    await b.close();
  }
}

const fmt = (n: number, digits = 1): string => n.toFixed(digits).replace('.', ',');
const round = (n: number, digits = 0): number => Math.round(n * 10 ** digits) / 10 ** digits;

export const uiSection: Section = {
  name: 'ui',
  async run(opts: BenchOptions) {
    const { serve, runWebpack, scriptSources } = await support();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tonghop-ui-bench-'));
    const out = path.join(dir, 'web');
    try {
      log(`ui: webpack --mode production vào ${out} …`);
      const t0 = performance.now();
      await runWebpack('webpack.config.js', out);
      log(`ui: đã build trong ${fmt((performance.now() - t0) / 1000)} s`);

      const paneHtml = path.join(out, 'taskpane.html');
      if (!fs.existsSync(paneHtml)) throw new Error('the build wrote no taskpane.html');
      const files = initialScripts(fs.readFileSync(paneHtml, 'utf8'), out, scriptSources);
      if (files.length === 0) throw new Error('taskpane.html names no script of the app');
      const perFile = files.map((f) => ({ file: f, gzipKb: round(gzipKb(path.join(out, f)), 1) }));
      const initialKb = files.reduce((s, f) => s + gzipKb(path.join(out, f)), 0);
      log(
        `ui: JavaScript ban đầu của taskpane.html: ${perFile.map((p) => `${p.file} ${fmt(p.gzipKb)} KB`).join(', ')}`,
      );

      if (!fs.existsSync(path.join(out, 'trang.html'))) throw new Error('the build wrote no trang.html');
      const server = await serve(out);
      const times: number[] = [];
      let parse: Awaited<ReturnType<typeof parse60>>;
      try {
        for (let i = 1; i <= LOADS; i++) {
          times.push(await firstRender(`${server.url}/trang.html`));
          log(`ui: lần tải ${i}/${LOADS}: ${Math.round(times[i - 1]!)} ms`);
        }
        log('ui: đọc 60 danh sách × 300 dòng trên trang web …');
        parse = await parse60(`${server.url}/trang.html`, dir);
        log(
          `ui: 60 tệp đọc xong sau ${parse.ms} ms; tác vụ dài nhất của luồng giao diện ${parse.longestTaskMs} ms ` +
            `(${parse.longTasks} tác vụ trên 50 ms).`,
        );
      } finally {
        await server.close();
      }
      const renderMs = median(times);
      const ok = initialKb <= BUDGET_KB && parse.longestTaskMs <= 200;
      process.stdout.write(
        `Giao diện: JavaScript tải ban đầu của taskpane.html ${fmt(initialKb)} KB (gzip, ${files.length} tệp, ` +
          `không tính office/) — ${ok ? 'ĐẠT' : 'VƯỢT'} ngân sách ${BUDGET_KB} KB; trang.html hiển thị lần đầu ` +
          `sau ${Math.round(renderMs)} ms (trung vị ${LOADS} lần tải, Chromium không giao diện, hồ sơ mới mỗi lần).\n`,
      );
      if (!ok) log(`ui: NGÂN SÁCH CHƯA ĐẠT — ${fmt(initialKb)} KB > ${BUDGET_KB} KB (budget missed).`);
      return {
        bench: 'ui',
        initialJsGzipKb: round(initialKb, 1),
        budgetKb: BUDGET_KB,
        firstRenderMs: Math.round(renderMs),
        ok,
        initialFiles: perFile,
        loads: LOADS,
        firstRenderAllMs: times.map((t) => Math.round(t)),
        parse60: { ...parse, goalMs: 200 },
      };
    } finally {
      if (opts.keep) log(`ui: giữ lại bản build trong ${out}`);
      else fs.rmSync(dir, { recursive: true, force: true });
    }
  },
};
