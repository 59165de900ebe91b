/**
 * The browser-test infrastructure itself, on whatever task pane is built: the e2e bundle builds and is
 * served over http, e2e.html runs the app on the fake Excel host at task-pane width (a real Excel.run from
 * inside the page reaches the fake workbook), the Office IE11 webview gets the "unsupported" message, and
 * the page checks (axe-core, horizontal overflow) find what they must find.
 */
import fs from 'fs';
import http from 'http';
import {
  axeSerious,
  browserSuite,
  type BrowserSuite,
  inPage,
  noHorizontalOverflow,
  OFFICE_IE11_UA,
  scriptSources,
  shot,
} from './support';
import type { FakeHostApi } from './host/fake-host';

type Win = Window & { __fake: FakeHostApi; Excel: FakeHostApi['Excel']; Office: OfficeLike };
interface OfficeLike {
  onReady(): Promise<{ host: string; platform: string }>;
  context: {
    displayLanguage: string;
    officeTheme: { bodyBackgroundColor: string; isDarkTheme: boolean };
    requirements: { isSetSupported(name: string, v?: string): boolean };
  };
}

/** Status of a GET sent with the path exactly as written (fetch would normalise it). */
function rawStatus(url: string): Promise<number> {
  const u = new URL(url);
  return new Promise((resolve, reject) => {
    http
      .get({ host: u.hostname, port: u.port, path: url.slice(u.origin.length) }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      })
      .on('error', reject);
  });
}

const suite = browserSuite();
let b: Awaited<ReturnType<BrowserSuite['open']>>;

test('the e2e build has the three pages, and the server gives them with their content types', async () => {
  for (const page of ['e2e.html', 'taskpane.html', 'trang.html'])
    expect(fs.existsSync(`${suite.dir}/${page}`)).toBe(true);
  const html = await fetch(`${suite.url}/e2e.html`);
  expect(html.status).toBe(200);
  expect(html.headers.get('content-type')).toBe('text/html; charset=utf-8');
  const scripts = scriptSources(await html.text());
  // fakehost first, then the app's chunks (the same ones taskpane.html loads)
  expect(scripts.length).toBeGreaterThanOrEqual(2);
  expect(scripts[0]).toMatch(/^fakehost[.-]/);
  const js = await fetch(`${suite.url}/${scripts[1]}`);
  expect(js.status).toBe(200);
  expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  expect((await js.text()).length).toBeGreaterThan(1000);
  expect((await fetch(`${suite.url}/khong-co.js`)).status).toBe(404);
  // an encoded slash must not lead out of the folder
  expect(await rawStatus(`${suite.url}/..%2Fpackage.json`)).toBe(403);
});

test('e2e.html at 350 px: the app starts on the fake Excel, and Excel.run in the page writes the fake workbook', async () => {
  b = await suite.open({ locale: 'vi-VN', width: 350 });
  const { page } = b;
  await page.goto(`${suite.url}/e2e.html`);
  // The app bundle ran after fakehost and asked the fake Office whether it is ready.
  await page.waitForFunction(() => ((window as unknown as Win).__fake?.onReadyCalls() ?? 0) > 0, undefined, {
    timeout: 15_000,
  });
  const office = await inPage(
    page,
    () => {
      const w = window as unknown as Win;
      return {
        lang: w.Office.context.displayLanguage,
        dark: w.Office.context.officeTheme.isDarkTheme,
        api117: w.Office.context.requirements.isSetSupported('ExcelApi', '1.17'),
        width: window.innerWidth,
      };
    },
    null,
  );
  expect(office).toEqual({ lang: 'vi-VN', dark: false, api117: true, width: 350 });

  const before = await inPage(page, () => (window as unknown as Win).__fake.stats().syncs, null);
  const readBack = await inPage(
    page,
    () => {
      const w = window as unknown as Win;
      return w.Excel.run(async (ctx) => {
        const sheet = ctx.workbook.worksheets.add('Kiểm tra');
        const range = sheet.getRange('A1:B2');
        range.values = [
          ['Họ và tên', 'Năm sinh'],
          ['Nguyễn Thị Hoa', 1985],
        ];
        await ctx.sync();
        const again = ctx.workbook.worksheets.getItem('Kiểm tra').getRange('A1:B2');
        again.load('values');
        await ctx.sync();
        return again.values;
      });
    },
    null,
  );
  expect(readBack).toEqual([
    ['Họ và tên', 'Năm sinh'],
    ['Nguyễn Thị Hoa', 1985],
  ]);
  const fake = await inPage(
    page,
    () => {
      const f = (window as unknown as Win).__fake;
      const sheet = f.snapshot().sheets.find((s) => s.name === 'Kiểm tra');
      return { values: f.sheetValues('Kiểm tra'), a2: sheet?.cells['A2']?.v, syncs: f.stats().syncs };
    },
    null,
  );
  expect(fake.values).toEqual([
    ['Họ và tên', 'Năm sinh'],
    ['Nguyễn Thị Hoa', 1985],
  ]);
  expect(fake.a2).toBe('Nguyễn Thị Hoa');
  expect(fake.syncs - before).toBe(2);

  const png = await shot(page, 'infra-e2e-350');
  expect(fs.readFileSync(png).subarray(1, 4).toString()).toBe('PNG');
  expect(b.errors).toEqual([]);
});

test('e2e.html?lang=en-US&theme=dark&api=1.9: the fake says so, and a test can seed the workbook before the app is ready', async () => {
  b = await suite.open({ locale: 'en-US' });
  const { page } = b;
  await page.addInitScript(() => {
    (window as unknown as { __fakeSetup: (f: FakeHostApi) => Promise<void> }).__fakeSetup = async (f) => {
      await f.Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Sheet1').getRange('A1').values = [['đã có sẵn']];
        await ctx.sync();
      });
      f.seed('Danh sách', 'B2', [
        ['Tên', 'Loại'],
        ['Trường THCS Như Quỳnh', 'Tập thể'],
      ]);
      f.seedTable('Danh sách', 'B2:C3', 'DanhSach');
    };
  });
  await page.goto(`${suite.url}/e2e.html?lang=en-US&theme=dark&api=1.9`);
  const seen = await inPage(
    page,
    async () => {
      const w = window as unknown as Win;
      const info = await w.Office.onReady();
      const a1 = await w.Excel.run(async (ctx) => {
        const r = ctx.workbook.worksheets.getItem('Sheet1').getRange('A1');
        r.load('values');
        await ctx.sync();
        return r.values[0]![0];
      });
      return {
        info,
        a1,
        lang: w.Office.context.displayLanguage,
        theme: w.Office.context.officeTheme,
        api19: w.Office.context.requirements.isSetSupported('ExcelApi', '1.9'),
        api110: w.Office.context.requirements.isSetSupported('ExcelApi', '1.10'),
        table: w.__fake.tableRecords('DanhSach'),
        tables: w.__fake.tableNames(),
      };
    },
    null,
  );
  expect(seen).toEqual({
    info: { host: 'Excel', platform: 'PC' },
    a1: 'đã có sẵn',
    lang: 'en-US',
    theme: expect.objectContaining({ isDarkTheme: true, bodyBackgroundColor: '#1F1F1F' }),
    api19: true,
    api110: false,
    table: [{ Tên: 'Trường THCS Như Quỳnh', Loại: 'Tập thể' }],
    tables: ['DanhSach'],
  });
});

test('taskpane.html in the Office IE11 webview shows #unsupported (and not the app); in Chromium it does not', async () => {
  b = await suite.open({ userAgent: OFFICE_IE11_UA });
  await b.page.goto(`${suite.url}/taskpane.html`);
  await b.page.locator('#unsupported').waitFor({ state: 'visible', timeout: 5_000 });
  expect(await b.page.locator('#root').isVisible()).toBe(false);
  await shot(b.page, 'infra-taskpane-ie11');

  b = await suite.open({});
  await b.page.goto(`${suite.url}/taskpane.html`);
  await b.page.locator('#root').waitFor({ state: 'visible', timeout: 5_000 });
  expect(await b.page.locator('#unsupported').isVisible()).toBe(false);
});

test('axeSerious finds serious and critical violations, and noHorizontalOverflow finds a too-wide page', async () => {
  b = await suite.open({ width: 350 });
  const { page } = b;
  await page.goto(`${suite.url}/e2e.html`);
  await page.setContent(
    '<!doctype html><html lang="vi"><head><title>Thử</title></head><body><main><h1>Thử</h1>' +
      '<img src="assets/khong-co.png"><button></button><div style="width:600px">rộng</div></main></body></html>',
  );
  const bad = await axeSerious(page);
  expect(bad.map((v) => v.id).sort()).toEqual(['button-name', 'image-alt']);
  expect(bad.every((v) => v.nodes.length === 1)).toBe(true);
  expect(await noHorizontalOverflow(page)).toBe(false);

  await page.setContent(
    '<!doctype html><html lang="vi"><head><title>Thử</title></head><body><main><h1>Thử</h1>' +
      '<img src="assets/khong-co.png" alt="Biểu tượng"><button>Gộp danh sách</button><p>Vừa khung</p></main></body></html>',
  );
  expect(await axeSerious(page)).toEqual([]);
  expect(await noHorizontalOverflow(page)).toBe(true);
});
