/**
 * Every file of the odd-spreadsheet corpus (SheetJS, Apache POI, calamine and xlrd test files:
 * old, odd, encrypted, corrupt, hostile) goes through the Node reader (worker pool with time and
 * memory limits): each is read or refused with a named code, none crashes or hangs.
 */
import fs from 'fs';
import path from 'path';
import type { GridWorkbook } from '../../src/core/grid';
import type { ReadResult } from '../../src/io/read-workbook';
import { WorkbookReaderPool } from '../../src/io/node/read-file';
import { corpusPath, describeCorpus } from '../support/corpus';
import { at, rowValues } from './helpers';

const ROOT = corpusPath('corpora', 'odd_spreadsheets');
const CODES = new Set(['read', 'unreadable-file', 'encrypted-file', 'unsupported-format', 'too-large']);

function walk(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]))
    .sort();
}

/** Password-encrypted workbooks (FILES.tsv: "password-protected", "encrypted", a password given). */
const ENCRYPTED = [
  'sheetjs/biff5/password_2002_40_xor.xls',
  'sheetjs/password_2002_40_xor.xls',
  'sheetjs/password_2002_40_972000.xls',
  'sheetjs/password_2002_40_basecrypto.xls',
  'sheetjs/password_2002_128_strong.xls',
  'sheetjs/password_2002_128_enhanced.xls',
  'apache_poi/password.xls',
  'apache_poi/xor-encryption-abc.xls',
  'apache_poi/35897-type4.xls',
  'apache_poi/51832.xls',
  'apache_poi/protected_passtika.xlsx',
  'apache_poi/protected_passtika.xlsb',
  'apache_poi/58616.xlsx',
  'apache_poi/60284.xls',
  'calamine/pass_protected.xlsx',
  'calamine/pass_protected.ods',
  'calamine/issue_385.xls',
];

/** Hostile files: entity bombs and the ODS repeat bomb. */
const BOMBS = [
  'apache_poi/poc-xmlbomb.xlsx',
  'apache_poi/poc-xmlbomb-empty.xlsx',
  'apache_poi/54764.xlsx',
  'apache_poi/54764-2.xlsx',
  'calamine/issue_594_dos.ods',
];

/** Ordinary files that must be read (POI refuses many of them as "old format"; we must not). */
const MUST_READ = [
  'sheetjs/merge_cells.xlsx',
  'sheetjs/merge_cells.xls',
  'sheetjs/merge_cells.ods',
  'sheetjs/biff5/merge_cells.xls',
  'sheetjs/biff5/number_format_vietnamese.xls',
  'sheetjs/biff5/sushi.xls',
  'sheetjs/biff5/text_and_numbers.xls',
  'sheetjs/sheet_visibility.xlsx',
  'sheetjs/sheet_visibility.xls',
  'sheetjs/sheet_visibility.ods',
  'sheetjs/sheet_visibility5.xls',
  'sheetjs/sheet_visibility_strict.xlsx',
  'sheetjs/wtf_path.xlsx',
  'sheetjs/crlf/CRLFX5_2.XLS',
  'sheetjs/crlf/CRLFX5_3.XLS',
  'sheetjs/crlf/CRLFX5_4.XLS',
  'sheetjs/crlf/CRLFX5_5.XLS',
  'sheetjs/crlf/crlf.fods',
  'sheetjs/sushi.xlsx',
  'sheetjs/1904/1904.xlsx',
  'sheetjs/ErrorTypes.csv',
  'sheetjs/minimal_112.tsv',
  'apache_poi/workbookProtection-workbook_password-2013.xlsx',
  'apache_poi/workbookProtection_worksheet_protected.xlsx',
  'apache_poi/sheetProtection_allLocked.xlsx',
  'apache_poi/ReadOnlyRecommended.xls',
  'apache_poi/testEXCEL_3.xls',
  'apache_poi/testEXCEL_4.xls',
  'apache_poi/testEXCEL_5.xls',
  'apache_poi/testEXCEL_95.xls',
  'apache_poi/46904.xls',
  'apache_poi/59074.xls',
  'apache_poi/64130.xls',
  'apache_poi/43493.xls',
  'apache_poi/44958_1.xls',
  'apache_poi/BOOK_in_capitals.xls',
  'apache_poi/WORKBOOK_in_capitals.xls',
  'apache_poi/xlsx-corrupted.xlsx',
  'apache_poi/sample-beta.xlsx',
  'apache_poi/SampleSS.strict.xlsx',
  'apache_poi/SampleSS.xml',
  'apache_poi/SampleSS.ods',
  'apache_poi/Simple.xlsb',
  'apache_poi/xxe_in_schema.xlsx',
  'apache_poi/TwoSheetsOneHidden.xlsx',
  'apache_poi/TwoSheetsOneHidden.xls',
  'apache_poi/59746_NoRowNums.xlsx',
  'calamine/header-row.xlsx',
  'calamine/merged_range.xlsx',
  'calamine/merged_range.xls',
  'calamine/merge_cells.xlsx',
  'calamine/merge_cells.xls',
  'calamine/merged_cells.ods',
  'calamine/number_rows_repeated.ods',
  'calamine/OOM_alloc.xls',
  'calamine/OOM_alloc2.xls',
  'calamine/gh548_incorrect_sst_unique_count.xls',
  'calamine/sst_continue.xls',
  'calamine/malformed_format.xls',
  'calamine/capitalized_wbook_stream.xls',
  'calamine/empty-string.xls',
  'calamine/biff5_write.xls',
  'calamine/misc_biff5_parsing.xls',
  'calamine/biff5-rich-text-string.xls',
  'calamine/issue_261.xlsx',
  'calamine/issue_419.xlsx',
  'calamine/issue_530.xlsx',
  'calamine/whitespace_trim.xlsx',
  'calamine/any_sheets.xlsx',
  'calamine/any_sheets.ods',
  'xlrd/ragged.xls',
  'xlrd/biff4_no_format_no_window2.xls',
];

describeCorpus('corpora/odd_spreadsheets', 'odd-spreadsheet corpus through the worker pool', () => {
  const results = new Map<string, { r: ReadResult; ms: number }>();
  let pool: WorkbookReaderPool;

  beforeAll(async () => {
    pool = new WorkbookReaderPool();
    const files = walk(ROOT);
    // At most pool.size files in flight, so each time is the file's own (plus waiting for a worker to start).
    let next = 0;
    const lane = async () => {
      while (next < files.length) {
        const f = files[next++];
        const t0 = performance.now();
        const r = await pool.readFile(f);
        results.set(path.relative(ROOT, f).split(path.sep).join('/'), { r, ms: performance.now() - t0 });
      }
    };
    await Promise.all(Array.from({ length: pool.size }, lane));
  }, 600_000);

  afterAll(async () => {
    await pool.close();
  });

  const get = (rel: string): ReadResult => {
    const x = results.get(rel);
    if (!x) throw new Error(`not in the corpus run: ${rel}`);
    return x.r;
  };
  const codeOf = (r: ReadResult) => (r.workbook ? 'read' : r.issues[0]?.code);
  const wbOf = (rel: string): GridWorkbook => {
    const r = get(rel);
    if (!r.workbook) throw new Error(`${rel}: ${r.issues[0]?.message}`);
    return r.workbook;
  };

  it('every file is read or refused with one named issue, within 10 s; summary', () => {
    expect(results.size).toBeGreaterThanOrEqual(200);
    const counts: Record<string, number> = {};
    let slowest = { f: '', ms: 0 };
    for (const [f, { r, ms }] of results) {
      const code = codeOf(r);
      counts[code] = (counts[code] ?? 0) + 1;
      expect(CODES.has(code)).toBe(true);
      if (!r.workbook) {
        expect(r.issues).toHaveLength(1);
        expect(r.issues[0].message).toContain(path.basename(f));
        expect(r.issues[0].messageEn).toContain(path.basename(f));
      }
      expect(ms).toBeLessThan(10_000);
      if (ms > slowest.ms) slowest = { f, ms };
    }
    const table = Object.entries(counts)
      .sort((a, b) => b[1] - a[1])
      .map(([c, n]) => `  ${c.padEnd(20)} ${String(n).padStart(4)}`)
      .join('\n');
    console.log(
      `odd_spreadsheets: ${results.size} files\n${table}\n  slowest: ${slowest.f} ${Math.round(slowest.ms)} ms\n` +
        `  workers started: ${pool.stats.workersStarted}, timeouts: ${pool.stats.timeouts}, crashes: ${pool.stats.crashes}`,
    );
    expect(pool.stats.timeouts).toBe(0);
    expect(pool.stats.crashes).toBe(0);
  });

  it('password-encrypted files are reported as encrypted (not unreadable), and only those', () => {
    for (const f of ENCRYPTED) expect([f, codeOf(get(f))]).toEqual([f, 'encrypted-file']);
    const flagged = [...results].filter(([, x]) => codeOf(x.r) === 'encrypted-file').map(([f]) => f);
    expect(flagged.sort()).toEqual([...ENCRYPTED].sort());
    // Cross-check with FILES.tsv: every workbook xlrd found encrypted is in the list.
    const tsv = fs.readFileSync(path.join(ROOT, 'FILES.tsv'), 'utf8').split('\n');
    for (const line of tsv)
      if (/Workbook is encrypted/.test(line)) expect(ENCRYPTED).toContain(line.split('\t')[0]);
  });

  it('XML entity bombs and the ODS repeat bomb are refused quickly', () => {
    for (const f of BOMBS) {
      const x = results.get(f);
      expect([f, ['too-large', 'unreadable-file'].includes(codeOf(x?.r as ReadResult))]).toEqual([f, true]);
      expect(x?.ms).toBeLessThan(3000);
    }
  });

  it('ordinary, old and odd files are read', () => {
    for (const f of MUST_READ) expect([f, codeOf(get(f))]).toEqual([f, 'read']);
  });

  it('merged cells come through in every format', () => {
    // README: vertical, horizontal and rectangular merges (BIFF5 has no merge record: not checked).
    const key = (f: string) =>
      wbOf(f)
        .sheets[0].merges.map((m) => `${m.s.r},${m.s.c}:${m.e.r},${m.e.c}`)
        .sort();
    expect(key('sheetjs/merge_cells.xlsx')).toEqual(['0,0:1,1', '0,2:1,2', '0,3:1,3', '2,0:2,1', '3,0:3,1']);
    expect(key('sheetjs/merge_cells.xls')).toEqual(key('sheetjs/merge_cells.xlsx'));
    expect(key('sheetjs/merge_cells.ods')).toEqual(key('sheetjs/merge_cells.xlsx'));
    expect(wbOf('calamine/merge_cells.xlsx').sheets[0].merges.length).toBeGreaterThan(0);
    expect(wbOf('calamine/merge_cells.xls').sheets[0].merges.length).toBeGreaterThan(0);
    expect(wbOf('calamine/merged_cells.ods').sheets[0].merges.length).toBeGreaterThan(0);
  });

  it('sheet visibility: hidden and very hidden, in xlsx, strict xlsx, xls, BIFF5 and ods', () => {
    const vis = (f: string) => wbOf(f).sheets.map((s) => `${s.name}:${s.visibility}`);
    const three = ['Visible:visible', 'Hidden:hidden', 'VeryHidden:veryHidden'];
    expect(vis('sheetjs/sheet_visibility.xlsx')).toEqual(three);
    expect(vis('sheetjs/sheet_visibility_strict.xlsx')).toEqual(three);
    expect(vis('sheetjs/sheet_visibility.xls')).toEqual(three);
    expect(vis('sheetjs/sheet_visibility5.xls')).toEqual(three);
    // ODS has no "very hidden".
    expect(vis('sheetjs/sheet_visibility.ods')).toEqual([
      'Visible:visible',
      'Hidden:hidden',
      'VeryHidden:hidden',
    ]);
    expect(vis('apache_poi/TwoSheetsOneHidden.xls').filter((v) => v.endsWith(':hidden'))).toHaveLength(1);
  });

  it('what the source test suites expect of specific files', () => {
    // calamine test_header_row_xlsx: first non-empty row (2,0) ["", "", "Note 1"], row 8 the header.
    const hr = wbOf('calamine/header-row.xlsx').sheets[0];
    expect(rowValues(hr, 2)).toEqual([undefined, undefined, 'Note 1']);
    expect(rowValues(hr, 8)).toEqual(['Columns', 'Column A', 'Column B', 'Column C']);
    // calamine issue_374: first sheet "SheetJS", row 2 col 4 == "sheetjs".
    const b5 = wbOf('calamine/biff5_write.xls');
    expect(b5.sheets[0].name).toBe('SheetJS');
    expect(at(b5.sheets[0], 'D2')?.v).toBe('sheetjs');
    // calamine xls_empty_string: A1 is an empty string, not an empty cell.
    expect(at(wbOf('calamine/empty-string.xls').sheets[0], 'A1')).toMatchObject({ v: '' });
    // calamine test_incorrect_sst_unique_count: "11th May 2023" in C10 of each data sheet.
    for (const s of wbOf('calamine/gh548_incorrect_sst_unique_count.xls').sheets.filter(
      (x) => x.visibility === 'visible',
    )) {
      expect(at(s, 'C10')?.v).toBe('11th May 2023');
    }
    // calamine whitespace: leading and trailing whitespace preserved.
    expect(at(wbOf('calamine/whitespace_trim.xlsx').sheets[0], 'A1')?.v).toBe('  trimmed value  ');
    // calamine test_oom_allocation: one worksheet named "Colsale (Aug".
    expect(wbOf('calamine/OOM_alloc2.xls').sheets.map((s) => s.name)).toEqual(['Colsale (Aug']);
    // xlrd test_missing_records: A1 is text.
    expect(at(wbOf('xlrd/biff4_no_format_no_window2.xls').sheets[0], 'A1')?.v).toEqual(expect.any(String));
    // SheetJS sushi: the astral character survives.
    expect(JSON.stringify(wbOf('sheetjs/sushi.xlsx').sheets[0].rows)).toContain('\u{1F363}');
    // number_format_vietnamese.xls (BIFF5, codepage 1258): five sheets.
    expect(wbOf('sheetjs/biff5/number_format_vietnamese.xls').sheets).toHaveLength(5);
    // Fonts come through for old and odd xls too.
    expect(at(wbOf('sheetjs/crlf/CRLFX5_2.XLS').sheets[0], 'A1')?.font).toBe('Arial');
    expect(at(wbOf('apache_poi/BOOK_in_capitals.xls').sheets[0], 'A1')?.font).toEqual(expect.any(String));
  });

  it('1904 date system: serial numbers are given in the 1900 system every consumer assumes', () => {
    for (const f of ['sheetjs/1904/1904.xlsx', 'sheetjs/1904/1904.biff5']) {
      let dates = 0;
      for (const row of wbOf(f).sheets[0].rows) {
        for (const c of row) {
          if (!c || typeof c.v !== 'number' || !c.z || !/yyyy/.test(c.z)) continue;
          // A 1900-system serial (after 1 March 1900) counts days since 1899-12-30.
          const iso = new Date(Math.round((c.v - 25569) * 86_400_000)).toISOString().slice(0, 10);
          expect([f, iso]).toEqual([f, c.w]);
          dates++;
        }
      }
      expect(dates).toBeGreaterThan(3);
    }
  });

  it('non-spreadsheets in the folder are named as such', () => {
    expect(codeOf(get('xlrd/sample.txt'))).toBe('unsupported-format');
    expect(codeOf(get('calamine/too_small.xls'))).toBe('unreadable-file');
    expect(codeOf(get('FILES.tsv'))).toBe('read'); // a real TSV
  });
});
