/**
 * The fake Excel host of the browser tests (bundled as `fakehost` into dist e2e.html, loaded BEFORE the app):
 * installs `window.Excel`, `window.Office` and `window.OfficeExtension` as the add-in sees them inside Excel,
 * backed by the in-memory fake of test/support/fake-excel, and exposes `window.__fake` for the tests.
 *
 * Query parameters of e2e.html:
 *   ?lang=en-US        Office.context.displayLanguage (default vi-VN)
 *   ?theme=dark        Office.context.officeTheme dark colours (default light)
 *   ?api=1.9           the highest ExcelApi requirement set the host supports (default 1.17)
 *   ?platform=OfficeOnline   Office.context.platform / onReady info (default PC)
 *   ?dates=mdy|dmy     how the fake Excel reads typed dates (default dmy for a vi display language, else mdy)
 *
 * Seeding before the app starts: a test can define `window.__fakeSetup = async (fake) => { … }` in
 * `page.addInitScript` (it runs before every page script); it is called with `window.__fake` once the fake
 * exists, and Office.onReady resolves only after it has finished — as Excel makes the add-in wait until
 * it is ready. It may use `fake.Excel.run(…)` or the direct helpers below.
 */
import {
  createFakeExcel,
  parseLocal,
  type CellValue,
  type FakeExcelOptions,
  type FakeStats,
  type WorkbookSnapshot,
} from '../../support/fake-excel';

export interface OfficeThemeLike {
  bodyBackgroundColor: string;
  bodyForegroundColor: string;
  controlBackgroundColor: string;
  controlForegroundColor: string;
  isDarkTheme: boolean;
}

/** What the tests reach through `window.__fake` (everything it returns is JSON-safe). */
export interface FakeHostApi {
  /** The fake's Excel namespace (same object as window.Excel). */
  Excel: ReturnType<typeof createFakeExcel>['Excel'];
  /** Everything a user could see in the workbook (sheets, cells, tables…), as plain data. */
  snapshot(): WorkbookSnapshot;
  /** Sheet names in tab order. */
  sheetNames(): string[];
  /** Values of a sheet from A1 to its last used cell. */
  sheetValues(sheet: string): CellValue[][];
  /** Values of a table's whole range, header row first. */
  tableValues(table: string): CellValue[][];
  /** A table's data rows as objects keyed by column header. */
  tableRecords(table: string): Record<string, CellValue>[];
  /** Table names, in the order they were created. */
  tableNames(): string[];
  /** One cell: value and the text Excel shows. */
  cell(sheet: string, address: string): { value: CellValue; text: string; formula: string | null };
  /** Round-trip statistics (syncs, runs, largest request…), a copy. */
  stats(): FakeStats;
  resetStats(): void;
  /** Makes the k-th round trip (over the fake's life) fail, as a dropped connection. */
  setFailSync(n: number | null, mode?: 'before' | 'after'): void;
  /** Direct seeding (no round trip counted): adds a sheet if missing and writes values from `address`. */
  seed(sheet: string, address: string, values: CellValue[][]): void;
  /** Direct seeding: turns a range (header row first) into a table. */
  seedTable(sheet: string, address: string, name: string): void;
  /** How many times the app called Office.onReady. */
  onReadyCalls(): number;
  /** The Office context as installed (language, theme, platform, requirement sets). */
  readonly settings: {
    displayLanguage: string;
    theme: 'light' | 'dark';
    platform: string;
    excelApi: string;
    dateOrder: 'mdy' | 'dmy';
  };
}

declare global {
  interface Window {
    __fake?: FakeHostApi;
    __fakeSetup?: (fake: FakeHostApi) => unknown;
  }
}

const LIGHT: OfficeThemeLike = {
  bodyBackgroundColor: '#FFFFFF',
  bodyForegroundColor: '#242424',
  controlBackgroundColor: '#FFFFFF',
  controlForegroundColor: '#242424',
  isDarkTheme: false,
};

const DARK: OfficeThemeLike = {
  bodyBackgroundColor: '#1F1F1F',
  bodyForegroundColor: '#FFFFFF',
  controlBackgroundColor: '#292929',
  controlForegroundColor: '#FFFFFF',
  isDarkTheme: true,
};

function install(): void {
  const q = new URLSearchParams(window.location.search);
  const displayLanguage = q.get('lang') || 'vi-VN';
  const theme: 'light' | 'dark' = q.get('theme') === 'dark' ? 'dark' : 'light';
  const platform = q.get('platform') || 'PC';
  const excelApi = q.get('api') || '1.17';
  const datesParam = q.get('dates');
  const dateOrder: 'mdy' | 'dmy' =
    datesParam === 'mdy' || datesParam === 'dmy'
      ? datesParam
      : displayLanguage.toLowerCase().startsWith('vi')
        ? 'dmy'
        : 'mdy';

  const options: FakeExcelOptions = { requirementSets: { ExcelApi: excelApi }, dateOrder };
  const fake = createFakeExcel(options);
  const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;
  let readyCalls = 0;

  const api: FakeHostApi = {
    Excel: fake.Excel,
    snapshot: () => clone(fake.workbook.snapshot()),
    sheetNames: () => fake.workbook.sheets.map((s) => s.name),
    sheetValues: (sheet) => clone(fake.workbook.sheetValues(sheet)),
    tableValues: (table) => clone(fake.workbook.tableValues(table)),
    tableRecords: (table) => clone(fake.workbook.tableRecords(table)),
    tableNames: () => fake.workbook.tables.map((t) => t.name),
    cell: (sheet, address) => {
      const c = fake.workbook.cell(sheet, address);
      return { value: c.value, text: c.text, formula: c.formula };
    },
    stats: () => clone(fake.stats),
    resetStats: () => fake.resetStats(),
    setFailSync: (n, mode) => fake.setFailSync(n === null ? undefined : n, mode),
    seed: (sheet, address, values) => {
      const wb = fake.workbook;
      const s = wb.findSheet(sheet) ?? wb.addSheet(sheet);
      const at = parseLocal(address);
      const width = Math.max(0, ...values.map((r) => r.length));
      if (values.length === 0 || width === 0) return;
      const rows = values.map((r) => [...r, ...Array<CellValue>(width - r.length).fill('')]);
      wb.writeValues(s, { r0: at.r0, c0: at.c0, r1: at.r0 + rows.length - 1, c1: at.c0 + width - 1 }, rows);
    },
    seedTable: (sheet, address, name) => {
      const wb = fake.workbook;
      const t = wb.addTable(wb.sheet(sheet), parseLocal(address), true);
      wb.renameTable(t, name);
    },
    onReadyCalls: () => readyCalls,
    settings: { displayLanguage, theme, platform, excelApi, dateOrder },
  };

  // The test's seeding hook (page.addInitScript) runs before Office is ready, as Excel would make it.
  let setup: Promise<unknown> = Promise.resolve();
  if (typeof window.__fakeSetup === 'function') {
    try {
      setup = Promise.resolve(window.__fakeSetup(api));
    } catch (e) {
      setup = Promise.reject(e);
    }
    setup.catch((e: unknown) => console.error('__fakeSetup failed:', e));
  }

  const info = { host: 'Excel', platform };
  const Office = {
    ...fake.Office,
    context: {
      ...fake.Office.context,
      host: 'Excel',
      platform,
      displayLanguage,
      contentLanguage: displayLanguage,
      officeTheme: theme === 'dark' ? DARK : LIGHT,
      diagnostics: { host: 'Excel', platform, version: '16.0.17928.20114' },
    },
    onReady(callback?: (i: { host: string; platform: string }) => void) {
      readyCalls++;
      return setup.then(
        () => {
          callback?.(info);
          return info;
        },
        () => {
          callback?.(info);
          return info;
        },
      );
    },
    HostType: { ...fake.Office.HostType },
    PlatformType: { ...fake.Office.PlatformType },
  };

  const w = window as unknown as Record<string, unknown>;
  w.Excel = fake.Excel;
  w.Office = Office;
  w.OfficeExtension = fake.OfficeExtension;
  w.__fake = api;
}

install();
