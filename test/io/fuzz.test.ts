/**
 * Corrupted files never throw and always end in a named outcome. Runs with native zlib, as the Node
 * reader does (SheetJS's pure-JavaScript inflater can loop forever on some corrupt deflate data: that
 * case is what the worker time limit, or a Web Worker in the browser, is for).
 */
import zlib from 'zlib';
import ExcelJS from 'exceljs';
import * as XLSX from '@e965/xlsx';
import fc from 'fast-check';
import { readWorkbook, useZlib } from '../../src/io/read-workbook';
import { countCells } from './helpers';

/** Longer than any read of these small files may take, however loaded the machine. */
const HANG_MS = 30_000;

const CODES = new Set(['read', 'unreadable-file', 'encrypted-file', 'unsupported-format', 'too-large']);

async function sources(): Promise<{ name: string; bytes: Uint8Array }[]> {
  const ex = new ExcelJS.Workbook();
  const ws = ex.addWorksheet('Danh sách');
  ws.getCell('A1').value = 'UBND HUYỆN VĂN LÂM';
  ws.mergeCells('A1:C1');
  for (let r = 3; r < 40; r++) {
    ws.getRow(r).values = [r - 2, `NguyÔn ThÞ Hoa ${r}`, 'Cá nhân', 1970 + r, 'Cải cách hành chính'];
    ws.getCell(r, 2).font = { name: '.VnTime' };
  }
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(
    book,
    XLSX.utils.aoa_to_sheet([
      ['Họ tên', 'Năm sinh'],
      ['Nguyễn Văn A', 1980],
    ]),
    'S',
  );
  const w = (t: XLSX.BookType) =>
    new Uint8Array(XLSX.write(book, { bookType: t, type: 'array' }) as ArrayBuffer);
  return [
    { name: 'a.xlsx', bytes: new Uint8Array((await ex.xlsx.writeBuffer()) as ArrayBuffer) },
    { name: 'a.xls', bytes: w('biff8') },
    { name: 'a.ods', bytes: w('ods') },
    { name: 'a.xlsb', bytes: w('xlsb') },
  ];
}

describe('corrupted files', () => {
  beforeAll(() => useZlib(zlib));

  it('property: flipping bytes or cutting a valid file never throws and gives a named outcome', async () => {
    const src = await sources();
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: src.length - 1 }),
        fc.array(fc.tuple(fc.nat(), fc.nat({ max: 255 })), { minLength: 1, maxLength: 8 }),
        fc.option(fc.nat(), { nil: undefined }),
        (k, edits, cut) => {
          const b = src[k].bytes.slice();
          for (const [pos, val] of edits) b[pos % b.length] = val;
          const bytes = cut === undefined ? b : b.subarray(0, cut % b.length);
          const t0 = performance.now();
          const r = readWorkbook(bytes, src[k].name);
          // A hang, not a slow read: some corrupt bytes keep SheetJS busy for a second or more (an .xlsb
          // string whose length became 2³¹ takes 1.5 s alone, 9 s beside the other test files). The
          // command line stops such a read at its worker's time limit and names the file.
          expect(performance.now() - t0).toBeLessThan(HANG_MS);
          expect(CODES.has(r.workbook ? 'read' : r.issues[0]?.code)).toBe(true);
          if (!r.workbook) expect(r.issues).toHaveLength(1);
          else expect(countCells(r.workbook)).toBeGreaterThanOrEqual(0);
        },
      ),
      // the .xlsb whose string length became 2³¹ (found by this property)
      { numRuns: 300, examples: [[3, [[2147483645, 0]], undefined]] },
    );
  });
});
