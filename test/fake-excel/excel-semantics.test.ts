/**
 * What Excel does with written values (typed-input conversions), worksheet names, requirement sets,
 * and the formats the gateway sets (stored for assertions).
 */
import fc from 'fast-check';
import { createFakeExcel, ErrorCodes, FakeOfficeError, type FakeExcel } from '../support/fake-excel';
import type { FakeRequestContext } from '../support/fake-excel/api-types';

async function rejection(p: Promise<unknown>): Promise<FakeOfficeError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof FakeOfficeError) return e;
    throw e;
  }
  throw new Error('expected the promise to reject');
}

/** Writes one value into B2 (optionally formatted first) and reads back values/formulas/text. */
async function writeOne(fake: FakeExcel, value: unknown, numberFormat?: string) {
  return fake.Excel.run(async (ctx) => {
    const cell = ctx.workbook.worksheets.getItem('Sheet1').getRange('B2');
    if (numberFormat) cell.numberFormat = [[numberFormat]];
    cell.values = [[value as string]];
    cell.load('values, formulas, text, numberFormat, valueTypes');
    await ctx.sync();
    return {
      value: cell.values[0]![0],
      formula: cell.formulas[0]![0],
      text: cell.text[0]![0],
      format: cell.numberFormat[0]![0],
      type: cell.valueTypes[0]![0],
    };
  });
}

describe('typed input: what a string written to values becomes', () => {
  test.each([
    ['=HYPERLINK("http://x.vn","bấm")', 'formula'],
    ['@SUM(A1)', 'formula'],
    ['-abc', 'formula'],
  ])('%s becomes a formula: its value is not the text written', async (input, kind) => {
    const fake = createFakeExcel();
    const got = await writeOne(fake, input);
    expect(kind).toBe('formula');
    expect(got.value).not.toBe(input);
    expect(String(got.formula)).toMatch(/^=/);
    expect(fake.workbook.cell('Sheet1', 'B2').formula).toBe(got.formula);
    if (input.startsWith('@')) expect(got.formula).toBe('=SUM(A1)');
    if (input.startsWith('-')) expect(got.formula).toBe('=-abc');
  });

  test.each([
    ['+84912345678', 84912345678],
    ['-5', -5],
    ['1.5', 1.5],
    ['0912345678', 912345678], // the leading zero of a phone number is lost
    ['1,234', 1234],
    ['(5)', -5],
    ['12345678901234567890', 12345678901234500000], // 15 significant digits
  ])('%s becomes the number %p', async (input, number) => {
    const fake = createFakeExcel();
    const got = await writeOne(fake, input);
    expect(got.value).toBe(number);
    expect(got.type).toBe('Double');
    expect(fake.workbook.cell('Sheet1', 'B2').formula).toBeNull();
  });

  test('dates, percentages and Booleans typed as text are converted too (en-US: month first)', async () => {
    const us = await writeOne(createFakeExcel(), '05/12/1980');
    expect([us.value, us.format, us.text]).toEqual([29353, 'm/d/yyyy', '5/12/1980']); // 12 May 1980, not 5 December
    expect((await writeOne(createFakeExcel(), '2024-05-12')).value).toBe(45424);
    expect((await writeOne(createFakeExcel(), '25/12/1980')).value).toBe('25/12/1980'); // no month 25: stays text
    const pct = await writeOne(createFakeExcel(), '50%');
    expect([pct.value, pct.format, pct.text]).toEqual([0.5, '0%', '50%']);
    expect((await writeOne(createFakeExcel(), 'true')).value).toBe(true);
    const vi = await writeOne(createFakeExcel({ dateOrder: 'dmy' }), '05/12/1980');
    expect([vi.value, vi.text]).toEqual([29560, '5/12/1980']); // 5 December 1980
  });

  test.each(['\'=HYPERLINK("x","y")', "'+84912345678", "'-5", "'@SUM(A1)", "'0912345678", "''quoted"])(
    'with a leading apostrophe, %s lands as the literal text after it',
    async (input) => {
      const fake = createFakeExcel();
      const got = await writeOne(fake, input);
      expect(got.value).toBe(input.slice(1));
      expect(got.type).toBe('String');
      expect(got.text).toBe(input.slice(1));
      expect(fake.workbook.cell('Sheet1', 'B2')).toMatchObject({ formula: null, quotePrefix: true });
    },
  );

  test('in a cell formatted as text (@), number-like text stays text; "=" and "@" still make formulas (deliberately strict)', async () => {
    const fake = createFakeExcel();
    expect((await writeOne(fake, '+84912345678', '@')).value).toBe('+84912345678');
    expect((await writeOne(fake, '0912345678', '@')).value).toBe('0912345678');
    expect((await writeOne(fake, '-5', '@')).value).toBe('-5');
    expect((await writeOne(fake, '=1+2', '@')).formula).toBe('=1+2');
    expect((await writeOne(fake, '@SUM(A1)', '@')).formula).toBe('=SUM(A1)');
  });

  test('text Excel cannot parse as a formula fails the sync with InvalidArgument (nothing silently lost)', async () => {
    for (const input of ['- Nguyễn Văn A', '+84 912 345 678', '=SUM((A1)', '="unterminated']) {
      const fake = createFakeExcel();
      const e = await rejection(writeOne(fake, input));
      expect(e.code).toBe(ErrorCodes.invalidArgument);
      expect(e.debugInfo.errorLocation).toBe('Range.values');
    }
  });

  test('text starting with a tab or a line break, plain text, numbers and Booleans stay as they are', async () => {
    const fake = createFakeExcel();
    expect((await writeOne(fake, '\t=1+1')).value).toBe('\t=1+1');
    expect((await writeOne(fake, '\r\n-5')).value).toBe('\r\n-5');
    expect((await writeOne(fake, 'Trần Văn Bảy')).value).toBe('Trần Văn Bảy');
    expect((await writeOne(fake, 7)).value).toBe(7);
    expect((await writeOne(fake, false)).value).toBe(false);
  });

  test('property: any text written with a leading apostrophe reads back exactly, as text', async () => {
    const fake = createFakeExcel();
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.string({ unit: 'grapheme', maxLength: 30 }), { minLength: 1, maxLength: 20 }),
        async (texts) => {
          const back = await fake.Excel.run(async (ctx) => {
            const r = ctx.workbook.worksheets.getItem('Sheet1').getRangeByIndexes(0, 0, texts.length, 1);
            r.values = texts.map((t) => ["'" + t]);
            r.load('values');
            await ctx.sync();
            return r.values.map((row) => row[0]);
          });
          expect(back).toEqual(texts);
        },
      ),
      { numRuns: 200 },
    );
  });

  test('null leaves a cell unchanged, "" clears it; a single value fills the whole range', async () => {
    const fake = createFakeExcel();
    await fake.Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Sheet1');
      ws.getRange('A1:C1').values = [['a', 'b', 'c']];
      ws.getRange('A1:C1').values = [[null, '', 'C']] as unknown as string[][];
      ws.getRange('A2:C3').values = 'x' as unknown as string[][];
      ws.getRange('A2:C3').numberFormat = '@' as unknown as string[][];
      await ctx.sync();
    });
    expect(fake.workbook.sheetValues('Sheet1')).toEqual([
      ['a', '', 'C'],
      ['x', 'x', 'x'],
      ['x', 'x', 'x'],
    ]);
    expect(fake.workbook.cell('Sheet1', 'C3').numberFormat).toBe('@');
  });

  test('a values array of the wrong size fails the sync with InvalidArgument', async () => {
    const fake = createFakeExcel();
    const e = await rejection(
      fake.Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Sheet1').getRange('A1:C2').values = [['a', 'b', 'c']];
        await ctx.sync();
      }),
    );
    expect(e.code).toBe(ErrorCodes.invalidArgument);
    expect(e.message).toMatch(/doesn't match the size/);
    expect(fake.workbook.sheet('Sheet1').usedRect(true)).toBeNull();
  });

  test('numberFormat: a 2D array per cell, null keeps, "" is General; it does not convert values already there', async () => {
    const fake = createFakeExcel();
    await fake.Excel.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Sheet1').getRange('A1:C1');
      r.values = [[45424, '0912', 5]];
      r.numberFormat = [['dd/mm/yyyy', '@', null]];
      await ctx.sync();
      r.numberFormat = [[null, '', '0.00']];
      r.load('numberFormat, text, values');
      await ctx.sync();
      expect(r.numberFormat).toEqual([['dd/mm/yyyy', 'General', '0.00']]);
      expect(r.text).toEqual([['12/05/2024', '912', '5.00']]);
      expect(r.values).toEqual([[45424, 912, 5]]); // '0912' was converted before the format was set
    });
  });
});

describe('worksheets', () => {
  async function addSheet(name: string): Promise<FakeOfficeError | null> {
    const fake = createFakeExcel();
    fake.workbook.addSheet('Tổng hợp');
    try {
      await fake.Excel.run(async (ctx) => {
        ctx.workbook.worksheets.add(name);
        await ctx.sync();
      });
      return null;
    } catch (e) {
      return e as FakeOfficeError;
    }
  }

  test('names: at most 31 characters, none of [ ] : * ? / \\, unique without case', async () => {
    expect(await addSheet('Danh sách điển hình tiên tiến 2')).toBeNull(); // 31 characters
    expect((await addSheet('Danh sách điển hình tiên tiến 24'))?.code).toBe(ErrorCodes.invalidArgument);
    for (const bad of ['Báo cáo 1/2024', 'a:b', 'x*', 'Q?', '[x]', 'a\\b', "'quoted'", '', 'History']) {
      expect((await addSheet(bad))?.code).toBe(ErrorCodes.invalidArgument);
    }
    expect((await addSheet('TỔNG HỢP'))?.code).toBe(ErrorCodes.itemAlreadyExists);
  });

  test('getItem ignores case; rename, move, hide, tab colour and delete are applied at sync', async () => {
    const fake = createFakeExcel();
    await fake.Excel.run(async (ctx: FakeRequestContext) => {
      const ws = ctx.workbook.worksheets.add('Nhật ký');
      ctx.workbook.worksheets.add('Kiểm tra');
      await ctx.sync();
      const same = ctx.workbook.worksheets.getItem('NHẬT KÝ').load('name,position');
      await ctx.sync();
      expect([same.name, same.position]).toEqual(['Nhật ký', 1]);
      ws.name = 'Nhật ký (cũ)';
      ws.position = 0;
      ws.visibility = 'Hidden';
      ws.tabColor = 'red';
      ctx.workbook.worksheets.getItem('Kiểm tra').delete();
      ws.load('name, position, visibility, tabColor');
      await ctx.sync();
      expect([ws.name, ws.position, ws.visibility, ws.tabColor]).toEqual([
        'Nhật ký (cũ)',
        0,
        'Hidden',
        '#FF0000',
      ]);
    });
    expect(fake.workbook.sheets.map((s) => s.name)).toEqual(['Nhật ký (cũ)', 'Sheet1']);
  });

  test('the last visible sheet can be neither hidden nor deleted', async () => {
    const fake = createFakeExcel();
    const e = await rejection(
      fake.Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Sheet1').visibility = 'Hidden';
        await ctx.sync();
      }),
    );
    expect(e.code).toBe(ErrorCodes.invalidOperation);
  });

  test('getUsedRangeOrNullObject: null on an empty sheet, the block of used cells otherwise', async () => {
    const fake = createFakeExcel();
    await fake.Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Sheet1');
      const empty = ws.getUsedRangeOrNullObject(true);
      await ctx.sync();
      expect(empty.isNullObject).toBe(true);
      ws.getRange('B3').values = [['x']];
      ws.getRange('D5').format.fill.color = '#FFFF00';
      const values = ws.getUsedRangeOrNullObject(true).load('address');
      const all = ws.getUsedRangeOrNullObject(false).load('address');
      await ctx.sync();
      expect([values.address, all.address]).toEqual(['Sheet1!B3', 'Sheet1!B3:D5']);
    });
  });
});

describe('requirement sets', () => {
  test('isSetSupported answers from requirementSets', () => {
    const fake = createFakeExcel({ requirementSets: { ExcelApi: '1.12' } });
    const req = fake.Office.context.requirements;
    expect(req.isSetSupported('ExcelApi', '1.9')).toBe(true);
    expect(req.isSetSupported('ExcelApi', '1.12')).toBe(true);
    expect(req.isSetSupported('ExcelApi', '1.13')).toBe(false);
    expect(req.isSetSupported('ExcelApi', 1.1)).toBe(true);
    expect(req.isSetSupported('WordApi', '1.1')).toBe(false);
  });

  test.each([
    ['1.12', 'table.resize', (ctx: FakeRequestContext) => ctx.workbook.tables.getItem('T').resize('A1:B5')],
    [
      '1.8',
      'pageLayout',
      (ctx: FakeRequestContext) =>
        (ctx.workbook.worksheets.getItem('Sheet1').pageLayout.orientation = 'Landscape'),
    ],
    [
      '1.5',
      'conditionalFormats',
      (ctx: FakeRequestContext) =>
        ctx.workbook.worksheets.getItem('Sheet1').getRange('A2:B3').conditionalFormats.add('Custom'),
    ],
    [
      '1.7',
      'dataValidation',
      (ctx: FakeRequestContext) =>
        (ctx.workbook.worksheets.getItem('Sheet1').getRange('A2:A3').dataValidation.rule = {
          list: { inCellDropDown: true, source: 'a,b' },
        }),
    ],
    [
      '1.6',
      'freezePanes',
      (ctx: FakeRequestContext) => ctx.workbook.worksheets.getItem('Sheet1').freezePanes.freezeRows(1),
    ],
    [
      '1.6',
      'tabColor',
      (ctx: FakeRequestContext) => (ctx.workbook.worksheets.getItem('Sheet1').tabColor = '#00B050'),
    ],
    [
      '1.5',
      'suspendApiCalculationUntilNextSync',
      (ctx: FakeRequestContext) => ctx.application.suspendApiCalculationUntilNextSync(),
    ],
    [
      '1.3',
      'getItemOrNullObject',
      (ctx: FakeRequestContext) =>
        ctx.workbook.worksheets.getItemOrNullObject('Sheet1').getRange('A1').load('values'),
    ],
    [
      '1.3',
      'rows.add of several rows',
      (ctx: FakeRequestContext) =>
        ctx.workbook.tables.getItem('T').rows.add(null, [
          [1, 2],
          [3, 4],
        ]),
    ],
  ])(
    'with ExcelApi %s, %s fails the sync with ApiNotFound; the operations before it stay',
    async (version, _what, use) => {
      const fake = createFakeExcel({ requirementSets: { ExcelApi: version } });
      const sheet = fake.workbook.sheet('Sheet1');
      fake.workbook.addTable(sheet, { r0: 0, c0: 0, r1: 1, c1: 1 }, true).name = 'T';
      const e = await rejection(
        fake.Excel.run(async (ctx) => {
          ctx.workbook.worksheets.getItem('Sheet1').getRange('D1').values = [['before']];
          use(ctx);
          await ctx.sync();
        }),
      );
      expect(e.code).toBe(ErrorCodes.apiNotFound);
      expect(fake.workbook.cell('Sheet1', 'D1').value).toBe('before');
      // One step up, the same call works.
      const next = createFakeExcel({ requirementSets: { ExcelApi: '1.17' } });
      next.workbook.addTable(next.workbook.sheet('Sheet1'), { r0: 0, c0: 0, r1: 1, c1: 1 }, true).name = 'T';
      await next.Excel.run(async (ctx) => {
        use(ctx);
        await ctx.sync();
      });
    },
  );
});

describe('formats are stored for assertions', () => {
  test('column widths (points), wrapping, fonts, fills, borders, alignment, hidden columns, merges', async () => {
    const fake = createFakeExcel();
    await fake.Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Sheet1');
      const r = ws.getRange('A1:C3');
      r.format.columnWidth = 105;
      r.format.rowHeight = 30;
      r.format.wrapText = true;
      r.format.horizontalAlignment = 'Center';
      r.format.verticalAlignment = 'Top';
      r.format.font.set({ name: 'Times New Roman', size: 13, bold: true, color: '#C00000' });
      r.format.fill.color = '#DDEBF7';
      r.format.borders.getItem('EdgeBottom').style = 'Continuous';
      ws.getRange('D:D').columnHidden = true;
      ws.getRange('A5:C5').merge();
      ws.getRange('A5').values = [['Tiêu đề']];
      await ctx.sync();
      const f = r.format.load('columnWidth,rowHeight,wrapText,horizontalAlignment,verticalAlignment');
      f.font.load('name,size,bold,color');
      f.fill.load('color');
      const bottom = r.format.borders.getItem('EdgeBottom').load('style');
      const top = r.format.borders.getItem('EdgeTop').load('style');
      const hidden = ws.getRange('D1').load('columnHidden');
      const mixed = ws.getRange('C1:D1').format.load('columnWidth');
      await ctx.sync();
      expect([f.columnWidth, f.rowHeight, f.wrapText, f.horizontalAlignment, f.verticalAlignment]).toEqual([
        105,
        30,
        true,
        'Center',
        'Top',
      ]);
      expect([f.font.name, f.font.size, f.font.bold, f.font.color, f.fill.color]).toEqual([
        'Times New Roman',
        13,
        true,
        '#C00000',
        '#DDEBF7',
      ]);
      expect([bottom.style, top.style, hidden.columnHidden, mixed.columnWidth]).toEqual([
        'Continuous',
        'None',
        true,
        null,
      ]);
    });
    const s = fake.workbook.sheet('Sheet1');
    expect(s.merges).toEqual([{ r0: 4, c0: 0, r1: 4, c1: 2 }]);
    expect(fake.workbook.cell('Sheet1', 'C3').style.borders.bottom).toMatchObject({ style: 'Continuous' });
    expect(fake.workbook.cell('Sheet1', 'C2').style.borders.bottom).toBeNull();
  });

  test('merge(true) merges each row apart; merging keeps the top-left value only; tables cannot be merged', async () => {
    const fake = createFakeExcel();
    await fake.Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Sheet1');
      ws.getRange('A1:C2').values = [
        ['a', 'b', 'c'],
        ['d', 'e', 'f'],
      ];
      ws.getRange('A1:C2').merge(true);
      ws.getRange('A4:B5').merge();
      await ctx.sync();
      ws.tables.add('E1:F2', true);
      ws.getRange('E1:F1').merge();
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'InvalidOperation' });
    });
    const s = fake.workbook.sheet('Sheet1');
    expect(s.merges.map((m) => [m.r0, m.c0, m.r1, m.c1])).toEqual([
      [0, 0, 0, 2],
      [1, 0, 1, 2],
      [3, 0, 4, 1],
    ]);
    expect(fake.workbook.sheetValues('Sheet1').slice(0, 2)).toEqual([
      ['a', '', '', '', 'Column1', 'Column2'],
      ['d', '', '', '', '', ''],
    ]);
  });

  test('alignment values are Office.js enum names: "middle" is refused (it is "Center")', async () => {
    const fake = createFakeExcel();
    const e = await rejection(
      fake.Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Sheet1').getRange('A1').format.verticalAlignment = 'middle';
        await ctx.sync();
      }),
    );
    expect(e.code).toBe(ErrorCodes.invalidArgument);
  });

  test('conditional formats, dropdown lists, frozen rows and print setup', async () => {
    const fake = createFakeExcel();
    await fake.Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Sheet1');
      const cf = ws.getRange('A2:F100').conditionalFormats.add('Custom');
      cf.custom.rule.formula = '=$F2="Trùng"';
      cf.custom.format.fill.color = '#FFC7CE';
      cf.custom.format.font.color = '#9C0006';
      const dv = ws.getRange('E2:E100').dataValidation;
      dv.clear();
      dv.rule = { list: { inCellDropDown: true, source: 'Có,Không' } };
      dv.errorAlert = { showAlert: true, style: 'Stop', title: 'Sai', message: 'Chọn trong danh sách' };
      ws.freezePanes.freezeRows(3);
      const pl = ws.pageLayout;
      pl.orientation = 'Landscape';
      pl.paperSize = 'A4';
      pl.leftMargin = 85.04;
      pl.centerHorizontally = true;
      pl.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
      pl.setPrintTitleRows('$3:$3');
      await ctx.sync();
      const rule = ws.getRange('E10').dataValidation.load('rule,type');
      const count = ws.getRange('C50').conditionalFormats.load('count');
      await ctx.sync();
      expect(rule.type).toBe('List');
      expect(rule.rule).toEqual({ list: { inCellDropDown: true, source: 'Có,Không' } });
      expect(count.count).toBe(1);
      const bad = ws.getRange('A1:C1').dataValidation;
      bad.rule = { list: { inCellDropDown: true, source: 'x,'.repeat(200) } };
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'InvalidArgument' }); // over 255 characters
      ws.pageLayout.setPrintTitleRows('A3:C3');
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'InvalidArgument' }); // not whole rows
    });
    const s = fake.workbook.sheet('Sheet1');
    expect(s.conditionalFormats).toHaveLength(1);
    expect(s.conditionalFormats[0]).toMatchObject({
      formula: '=$F2="Trùng"',
      fill: '#FFC7CE',
      fontColor: '#9C0006',
    });
    expect(s.freeze).toEqual({ rows: 3, columns: 0 });
    expect(s.pageLayout).toMatchObject({
      orientation: 'Landscape',
      paperSize: 'A4',
      leftMargin: 85.04,
      centerHorizontally: true,
      printTitleRows: '$3:$3',
    });
    expect(s.pageLayout.zoom).toEqual({ horizontalFitToPages: 1, verticalFitToPages: 0 });
  });
});
