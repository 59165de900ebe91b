/**
 * An .xlsx opened in the fake Excel (loadXlsx) looks to Office.js code as it would in Excel: tables by
 * name and range, values (dates as serials), number formats, widths in points, hidden columns, merges,
 * frozen rows, conditional formats, dropdowns, print setup. toXlsx writes it back.
 */
import fs from 'fs';
import os from 'os';
import path from 'path';
import ExcelJS from 'exceljs';
import { writeMasterFile } from '../../src/io/node/master-file';
import type { WritePlan } from '../../src/core/plan/write-plan';
import { createFakeExcel, widthToPoints } from '../support/fake-excel';
import { loadXlsx, toXlsx } from '../support/fake-excel/load-xlsx';

/** A small master as a clerk would have it: title, table with a hidden key column, a date column. */
async function masterLikeFile(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Cấu hình').getCell('A1').value = 'Tiêu đề';
  const ws = wb.addWorksheet('Tổng hợp của tôi'); // renamed by the clerk
  ws.properties.tabColor = { argb: 'FF00B050' };
  ws.getCell('A1').value = 'DANH SÁCH GIỚI THIỆU ĐIỂN HÌNH TIÊN TIẾN';
  ws.mergeCells(1, 1, 1, 4);
  ws.addTable({
    name: 'TongHop',
    ref: 'A3',
    headerRow: true,
    style: { theme: 'TableStyleMedium2', showRowStripes: true },
    columns: [
      { name: 'Mã dòng' },
      { name: 'Họ và tên' },
      { name: 'Ngày sinh' },
      { name: 'Số điện thoại' },
    ].map((c) => ({ ...c, filterButton: true })),
    rows: [
      ['u1-001', 'Nguyễn Thị Hồng', new Date(Date.UTC(1980, 4, 12)), '0912345678'],
      ['u2-001', 'Trần Văn Bảy', new Date(Date.UTC(1975, 11, 1)), '+84987654321'],
    ],
  });
  ws.getColumn(1).hidden = true;
  ws.getColumn(2).width = 30;
  for (const r of [4, 5]) {
    ws.getCell(r, 3).numFmt = 'dd/mm/yyyy';
    ws.getCell(r, 4).numFmt = '@';
    ws.getCell(r, 2).font = { name: 'Times New Roman', size: 12, bold: true };
    ws.getCell(r, 2).alignment = { vertical: 'middle', wrapText: true };
  }
  ws.views = [{ state: 'frozen', xSplit: 0, ySplit: 3 }];
  ws.addConditionalFormatting({
    ref: 'A4:D5',
    rules: [
      {
        type: 'expression',
        priority: 1,
        formulae: ['$B4="Trần Văn Bảy"'],
        style: { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: 'FFFFC7CE' } } },
      },
    ],
  });
  (
    ws as unknown as { dataValidations: { add(a: string, v: ExcelJS.DataValidation): void } }
  ).dataValidations.add('D4:D5', {
    type: 'list',
    allowBlank: true,
    formulae: ['"Có,Không"'],
    showErrorMessage: true,
    errorStyle: 'stop',
  });
  ws.pageSetup = {
    orientation: 'landscape',
    paperSize: 9,
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    printTitlesRow: '3:3',
  };
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('loadXlsx', () => {
  test('tables are found by name through the API, with their values, formats and the sheet’s look', async () => {
    const fake = createFakeExcel({ workbook: await loadXlsx(await masterLikeFile()) });
    await fake.Excel.run(async (ctx) => {
      const t = ctx.workbook.tables.getItem('TongHop');
      const all = t.getRange().load('address,values');
      const body = t.getDataBodyRange().load('numberFormat,text');
      const ws = t.worksheet.load('name,tabColor');
      const key = t.columns.getItem('Mã dòng').getRange().load('columnHidden');
      const name = t.columns.getItem('Họ và tên').getDataBodyRange();
      name.format.load('columnWidth,wrapText,verticalAlignment');
      name.format.font.load('name,size,bold');
      t.load('style,showBandedRows,showFilterButton');
      await ctx.sync();
      expect(ws.name).toBe('Tổng hợp của tôi');
      expect(ws.tabColor).toBe('#00B050');
      expect(all.address).toBe("'Tổng hợp của tôi'!A3:D5");
      expect(all.values).toEqual([
        ['Mã dòng', 'Họ và tên', 'Ngày sinh', 'Số điện thoại'],
        ['u1-001', 'Nguyễn Thị Hồng', 29353, '0912345678'],
        ['u2-001', 'Trần Văn Bảy', 27729, '+84987654321'],
      ]);
      expect(body.numberFormat[0]).toEqual(['General', 'General', 'dd/mm/yyyy', '@']);
      expect(body.text[0]![2]).toBe('12/05/1980');
      expect(key.columnHidden).toBe(true);
      expect(name.format.columnWidth).toBe(widthToPoints(30));
      expect([name.format.wrapText, name.format.verticalAlignment]).toEqual([true, 'Center']);
      expect([name.format.font.name, name.format.font.size, name.format.font.bold]).toEqual([
        'Times New Roman',
        12,
        true,
      ]);
      expect([t.style, t.showBandedRows, t.showFilterButton]).toEqual(['TableStyleMedium2', true, true]);
    });
    const s = fake.workbook.sheet('Tổng hợp của tôi');
    expect(s.merges).toEqual([{ r0: 0, c0: 0, r1: 0, c1: 3 }]);
    expect(s.freeze).toEqual({ rows: 3, columns: 0 });
    expect(s.conditionalFormats.map((c) => [c.formula, c.fill])).toEqual([
      ['=$B4="Trần Văn Bảy"', '#FFC7CE'],
    ]);
    expect(s.validations.map((v) => [v.rect, v.rule])).toEqual([
      [{ r0: 3, c0: 3, r1: 4, c1: 3 }, { list: { inCellDropDown: true, source: 'Có,Không' } }],
    ]);
    expect(s.pageLayout).toMatchObject({
      orientation: 'Landscape',
      paperSize: 'A4',
      centerHorizontally: true,
      printTitleRows: '$3:$3',
    });
    expect(s.pageLayout.zoom).toEqual({ horizontalFitToPages: 1, verticalFitToPages: 0 });
  });

  test('toXlsx writes what the fake holds; loading it again gives the same workbook', async () => {
    const first = await loadXlsx(await masterLikeFile());
    const fake = createFakeExcel({ workbook: first });
    await fake.Excel.run(async (ctx) => {
      ctx.workbook.tables.getItem('TongHop').rows.add(null, [['u3-001', 'Lê Thị Ánh', 30000, "'+8491"]]);
      await ctx.sync();
    });
    const again = await loadXlsx(await toXlsx(fake.workbook));
    // exceljs cannot write Excel's quote-prefix flag; the cell stays a text cell all the same.
    const withoutQuotePrefix = JSON.parse(
      JSON.stringify(fake.workbook.snapshot(), (k, v: unknown) => (k === 'qp' ? undefined : v)),
    ) as unknown;
    expect(again.snapshot()).toEqual(withoutQuotePrefix);
    expect(again.tableRecords('TongHop').at(-1)).toEqual({
      'Mã dòng': 'u3-001',
      'Họ và tên': 'Lê Thị Ánh',
      'Ngày sinh': 30000,
      'Số điện thoại': '+8491',
    });
  });

  test('a master written by the command line (writeMasterFile) opens with its tables, hidden key column and widths', async () => {
    const plan: WritePlan = {
      sheets: [
        {
          name: 'Tổng hợp',
          font: { name: 'Times New Roman', size: 12 },
          freezeRows: 3,
          title: 'DANH SÁCH',
          table: {
            name: 'TongHop',
            headerRow: 2,
            style: 'TableStyleMedium2',
            columns: [
              { header: 'Mã dòng', width: 12, hidden: true, numberFormat: '@' },
              { header: 'Họ và tên', width: 28, wrap: true },
              { header: 'Ngày sinh', width: 12, numberFormat: 'dd/mm/yyyy' },
            ],
            rows: [
              ['u1-001', '=HYPERLINK("x","y")', { date: '1980-05-12' }],
              ['u1-002', '-5', null],
            ],
          },
        },
        {
          name: 'Nhật ký',
          font: { name: 'Times New Roman', size: 12 },
          table: {
            name: 'NhatKy',
            headerRow: 0,
            style: 'TableStyleLight9',
            columns: [{ header: 'Lúc', width: 18 }],
            rows: [],
          },
        },
      ],
    };
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fake-excel-'));
    try {
      const file = path.join(dir, 'tong-hop.xlsx');
      await writeMasterFile(plan, file);
      const fake = createFakeExcel({ workbook: await loadXlsx(file) });
      await fake.Excel.run(async (ctx) => {
        const t = ctx.workbook.tables.getItem('TongHop');
        const values = t.getRange().load('values,address');
        const key = t.columns.getItem('Mã dòng').getRange().load('columnHidden');
        const width = t.columns.getItem('Họ và tên').getRange().format.load('columnWidth');
        const log = ctx.workbook.tables.getItem('NhatKy').rows.load('count');
        await ctx.sync();
        expect(values.address).toBe("'Tổng hợp'!A3:C5");
        expect(values.values).toEqual([
          ['Mã dòng', 'Họ và tên', 'Ngày sinh'],
          ['u1-001', '=HYPERLINK("x","y")', 29353],
          ['u1-002', '-5', ''],
        ]);
        expect(key.columnHidden).toBe(true);
        expect(width.columnWidth).toBe(widthToPoints(28));
        expect(log.count).toBe(1); // the one blank row the writer gives an empty table
      });
      expect(fake.workbook.sheet('Tổng hợp').freeze.rows).toBe(3);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
