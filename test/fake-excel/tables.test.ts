/**
 * Tables as Excel keeps them: found by name wherever they are, headers that follow their cells, rows
 * added (shifting what is below), resized, shrunk by deleting rows; cells shifting on delete/insert;
 * sorting as the clerk does.
 */
import { createFakeExcel, ErrorCodes, FakeOfficeError, type FakeExcel } from '../support/fake-excel';

async function rejection(p: Promise<unknown>): Promise<FakeOfficeError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof FakeOfficeError) return e;
    throw e;
  }
  throw new Error('expected the promise to reject');
}

const HEADERS = ['Mã dòng', 'Họ và tên', 'Đơn vị', 'Số điện thoại'];

/** A TongHop table on "Tổng hợp" at A3 (title in A1), with the given rows, made through the API. */
async function makeTable(fake: FakeExcel, rows: (string | number)[][]): Promise<void> {
  await fake.Excel.run(async (ctx) => {
    const ws = ctx.workbook.worksheets.add('Tổng hợp');
    ws.getRange('A1').values = [['DANH SÁCH ĐIỂN HÌNH TIÊN TIẾN']];
    const t = ws.tables.add('A3:D3', true);
    t.name = 'TongHop';
    t.getHeaderRowRange().values = [HEADERS];
    t.getDataBodyRange().numberFormat = [['@', '@', '@', '@']];
    if (rows.length) t.rows.add(null, rows);
    await ctx.sync();
  });
}

describe('making and finding tables', () => {
  test('a table made from a header-only address has no rows until rows.add, which fills its empty row first', async () => {
    const fake = createFakeExcel();
    await fake.Excel.run(async (ctx) => {
      const t = ctx.workbook.worksheets.getItem('Sheet1').tables.add('A1:C1', true);
      t.getHeaderRowRange().values = [['A', 'B', 'C']];
      t.rows.load('count');
      const body = t.getDataBodyRange().load('address');
      await ctx.sync();
      expect(t.rows.count).toBe(0);
      expect(body.address).toBe('Sheet1!A2:C2'); // Excel's empty insert row
      t.rows.add(null, [
        [1, 2, 3],
        [4, 5, 6],
      ]);
      t.rows.load('count');
      const range = t.getRange().load('address');
      await ctx.sync();
      expect(t.rows.count).toBe(2);
      expect(range.address).toBe('Sheet1!A1:C3');
    });
    expect(fake.workbook.tableValues('Table1')).toEqual([
      ['A', 'B', 'C'],
      [1, 2, 3],
      [4, 5, 6],
    ]);
  });

  test('tables are found by name (without case) whatever their sheet is called; names are checked like Excel', async () => {
    const fake = createFakeExcel();
    await makeTable(fake, [['k1', 'An', 'Sở Y tế', '0912']]);
    await fake.Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Tổng hợp').name = 'TH (đã sửa)';
      await ctx.sync();
      const t = ctx.workbook.tables.getItem('tonghop');
      const ws = t.worksheet.load('name');
      const all = ctx.workbook.tables.load('items/name');
      const cols = t.columns.load('items/name');
      await ctx.sync();
      expect(ws.name).toBe('TH (đã sửa)');
      expect(all.items.map((x) => x.name)).toEqual(['TongHop']);
      expect(cols.items.map((c) => c.name)).toEqual(HEADERS);
    });
    for (const bad of ['Tong Hop', '1Bang', 'A1', 'R2C3', 'Bảng-1']) {
      const e = await rejection(
        fake.Excel.run(async (ctx) => {
          ctx.workbook.tables.getItem('TongHop').name = bad;
          await ctx.sync();
        }),
      );
      expect(e.code).toBe(ErrorCodes.invalidArgument);
    }
    const dup = await rejection(
      fake.Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Sheet1').tables.add('H1:I2', true).name = 'TONGHOP';
        await ctx.sync();
      }),
    );
    expect(dup.code).toBe(ErrorCodes.itemAlreadyExists);
  });

  test('headers are text, never empty, unique without case (Excel renames them)', async () => {
    const fake = createFakeExcel();
    await fake.Excel.run(async (ctx) => {
      const t = ctx.workbook.worksheets.getItem('Sheet1').tables.add('A1:D2', true);
      t.getHeaderRowRange().values = [['Tên', '', 'tên', 2024]];
      await ctx.sync();
    });
    expect(fake.workbook.tableValues('Table1')[0]).toEqual(['Tên', 'Column2', 'tên2', '2024']);
  });

  test('tables cannot overlap', async () => {
    const fake = createFakeExcel();
    await makeTable(fake, [['k1', 'An', 'X', '1']]);
    const e = await rejection(
      fake.Excel.run(async (ctx) => {
        ctx.workbook.tables.add("'Tổng hợp'!C4:F6", true);
        await ctx.sync();
      }),
    );
    expect(e.code).toBe(ErrorCodes.invalidOperation);
  });
});

describe('rows', () => {
  test('rows.add inserts within the table’s columns: cells below shift down, cells beside stay', async () => {
    const fake = createFakeExcel();
    await makeTable(fake, [['k1', 'An', 'Sở Y tế', '0912']]);
    const sheet = fake.workbook.sheet('Tổng hợp');
    fake.workbook.writeValues(sheet, { r0: 5, c0: 0, r1: 5, c1: 0 }, [['Ghi chú dưới bảng']]); // A6
    fake.workbook.writeValues(sheet, { r0: 4, c0: 5, r1: 4, c1: 5 }, [['bên cạnh']]); // F5
    await fake.Excel.run(async (ctx) => {
      const t = ctx.workbook.tables.getItem('TongHop');
      t.rows.add(null, [
        ['k2', 'Bình', 'Sở Tài chính', '+84912345678'],
        ['k3', 'Chi', 'UBND huyện', '-5'],
      ]);
      await ctx.sync();
    });
    expect(fake.workbook.cell('Tổng hợp', 'A8').value).toBe('Ghi chú dưới bảng');
    expect(fake.workbook.cell('Tổng hợp', 'F5').value).toBe('bên cạnh');
    // New rows take the format of the row above: '@', so the phone numbers stay text.
    expect(fake.workbook.tableRecords('TongHop').map((r) => r['Số điện thoại'])).toEqual([
      '0912',
      '+84912345678',
      '-5',
    ]);
  });

  test('rows.add at an index inserts there; a values row of the wrong width fails', async () => {
    const fake = createFakeExcel();
    await makeTable(fake, [
      ['k1', 'An', 'X', '1'],
      ['k3', 'Chi', 'X', '3'],
    ]);
    await fake.Excel.run(async (ctx) => {
      const row = ctx.workbook.tables.getItem('TongHop').rows.add(1, [['k2', 'Bình', 'X', '2']]);
      row.load('index,values');
      await ctx.sync();
      expect(row.index).toBe(1);
      expect(row.values).toEqual([['k2', 'Bình', 'X', '2']]);
    });
    expect(fake.workbook.tableRecords('TongHop').map((r) => r['Mã dòng'])).toEqual(['k1', 'k2', 'k3']);
    const e = await rejection(
      fake.Excel.run(async (ctx) => {
        ctx.workbook.tables.getItem('TongHop').rows.add(null, [['too', 'short']]);
        await ctx.sync();
      }),
    );
    expect(e.code).toBe(ErrorCodes.invalidArgument);
  });

  test('deleting table rows with range.delete("Up") shrinks the table and pulls what is below up', async () => {
    const fake = createFakeExcel();
    await makeTable(fake, [
      ['k1', 'An', 'X', '1'],
      ['k2', 'Bình', 'X', '2'],
      ['k3', 'Chi', 'X', '3'],
      ['k4', 'Dũng', 'X', '4'],
    ]);
    fake.workbook.writeValues(fake.workbook.sheet('Tổng hợp'), { r0: 9, c0: 0, r1: 9, c1: 0 }, [['dưới']]); // A10
    await fake.Excel.run(async (ctx) => {
      const t = ctx.workbook.tables.getItem('TongHop');
      const body = t.getDataBodyRange();
      body.getRow(1).getResizedRange(1, 0).delete('Up'); // rows k2, k3
      const range = t.getRange().load('address');
      t.rows.load('count');
      await ctx.sync();
      expect(range.address).toBe("'Tổng hợp'!A3:D5");
      expect(t.rows.count).toBe(2);
    });
    expect(fake.workbook.tableRecords('TongHop').map((r) => r['Mã dòng'])).toEqual(['k1', 'k4']);
    expect(fake.workbook.cell('Tổng hợp', 'A8').value).toBe('dưới');
  });

  test('deleting part of a table’s columns, or its header row alone, is an InsertDeleteConflict', async () => {
    const fake = createFakeExcel();
    await makeTable(fake, [
      ['k1', 'An', 'X', '1'],
      ['k2', 'Bình', 'X', '2'],
    ]);
    for (const address of ['A4:B4', 'A3:D3', 'A1:B10']) {
      const e = await rejection(
        fake.Excel.run(async (ctx) => {
          ctx.workbook.worksheets.getItem('Tổng hợp').getRange(address).delete('Up');
          await ctx.sync();
        }),
      );
      expect(e.code).toBe(ErrorCodes.insertDeleteConflict);
    }
    expect(fake.workbook.tableValues('TongHop')).toHaveLength(3);
  });

  test('deleting every data row leaves the header and one empty row (Excel keeps an insert row)', async () => {
    const fake = createFakeExcel();
    await makeTable(fake, [
      ['k1', 'An', 'X', '1'],
      ['k2', 'Bình', 'X', '2'],
    ]);
    await fake.Excel.run(async (ctx) => {
      const t = ctx.workbook.tables.getItem('TongHop');
      t.getDataBodyRange().getEntireRow().delete('Up');
      t.rows.load('count');
      await ctx.sync();
      expect(t.rows.count).toBe(0);
      t.rows.add(null, [['k9', 'Mới', 'Y', '9']]);
      await ctx.sync();
    });
    expect(fake.workbook.tableValues('TongHop')).toEqual([HEADERS, ['k9', 'Mới', 'Y', '9']]);
  });

  test('resize grows or shrinks the table (ExcelApi 1.13); the header must stay in its row', async () => {
    const fake = createFakeExcel();
    await makeTable(fake, [['k1', 'An', 'X', '1']]);
    await fake.Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Tổng hợp');
      ws.getRange('A5:E6').values = [
        ['k2', 'Bình', 'Y', '2', 'thêm'],
        ['k3', 'Chi', 'Z', '3', 'thêm'],
      ];
      const t = ctx.workbook.tables.getItem('TongHop');
      t.resize("'Tổng hợp'!A3:E6");
      const body = t.getDataBodyRange().load('address,values');
      const cols = t.columns.load('items/name');
      await ctx.sync();
      expect(body.address).toBe("'Tổng hợp'!A4:E6");
      expect(cols.items.map((c) => c.name)).toEqual([...HEADERS, 'Column5']);
      t.resize('A3:D4');
      await ctx.sync();
    });
    expect(fake.workbook.tableValues('TongHop')).toEqual([HEADERS, ['k1', 'An', 'X', '1']]);
    const e = await rejection(
      fake.Excel.run(async (ctx) => {
        ctx.workbook.tables.getItem('TongHop').resize('A2:D6');
        await ctx.sync();
      }),
    );
    expect(e.code).toBe(ErrorCodes.invalidArgument);
  });

  test('columns.add appends a column with its values and name', async () => {
    const fake = createFakeExcel();
    await makeTable(fake, [
      ['k1', 'An', 'X', '1'],
      ['k2', 'Bình', 'Y', '2'],
    ]);
    await fake.Excel.run(async (ctx) => {
      ctx.workbook.tables.getItem('TongHop').columns.add(null, [['ignored'], ['a'], ['b']], 'Ghi chú');
      await ctx.sync();
    });
    expect(fake.workbook.tableRecords('TongHop').map((r) => r['Ghi chú'])).toEqual(['a', 'b']);
  });
});

describe('deleting rows and tables', () => {
  test('rows.getItemAt(i).delete() removes that row; table.delete() removes the table and its cells', async () => {
    const fake = createFakeExcel();
    await makeTable(fake, [
      ['k1', 'An', 'X', '1'],
      ['k2', 'Bình', 'X', '2'],
      ['k3', 'Chi', 'X', '3'],
    ]);
    await fake.Excel.run(async (ctx) => {
      ctx.workbook.tables.getItem('TongHop').rows.getItemAt(1).delete();
      await ctx.sync();
    });
    expect(fake.workbook.tableRecords('TongHop').map((r) => r['Mã dòng'])).toEqual(['k1', 'k3']);
    await fake.Excel.run(async (ctx) => {
      ctx.workbook.tables.getItem('TongHop').delete();
      const gone = ctx.workbook.tables.getItemOrNullObject('TongHop');
      await ctx.sync();
      expect(gone.isNullObject).toBe(true);
    });
    expect(fake.workbook.sheetValues('Tổng hợp')).toEqual([['DANH SÁCH ĐIỂN HÌNH TIÊN TIẾN']]);
  });
});

describe('cells shifting', () => {
  test('insert("Down") shifts cells, tables below and ranges held by proxies', async () => {
    const fake = createFakeExcel();
    await makeTable(fake, [['k1', 'An', 'X', '1']]);
    await fake.Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Tổng hợp');
      const title = ws.getRange('A1').load('values');
      const held = ctx.workbook.tables.getItem('TongHop').getRange();
      held.load('address');
      await ctx.sync();
      ws.getRange('2:3').insert('Down');
      held.load('address');
      const t = ctx.workbook.tables.getItem('TongHop').getRange().load('address');
      await ctx.sync();
      expect(title.values).toEqual([['DANH SÁCH ĐIỂN HÌNH TIÊN TIẾN']]);
      expect(t.address).toBe("'Tổng hợp'!A5:D6");
      expect(held.address).toBe("'Tổng hợp'!A5:D6");
    });
  });

  test('delete("Up") of a block moves only the cells below it in its columns', async () => {
    const fake = createFakeExcel();
    const s = fake.workbook.sheet('Sheet1');
    fake.workbook.writeValues(s, { r0: 0, c0: 0, r1: 3, c1: 2 }, [
      ['a1', 'b1', 'c1'],
      ['a2', 'b2', 'c2'],
      ['a3', 'b3', 'c3'],
      ['a4', 'b4', 'c4'],
    ]);
    await fake.Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Sheet1').getRange('A2:B3').delete('Up');
      await ctx.sync();
    });
    expect(fake.workbook.sheetValues('Sheet1')).toEqual([
      ['a1', 'b1', 'c1'],
      ['a4', 'b4', 'c2'],
      ['', '', 'c3'],
      ['', '', 'c4'],
    ]);
  });

  test('insert returns the blank range; getOffsetRange, getCell and getLastRow count from their range', async () => {
    const fake = createFakeExcel();
    fake.workbook.writeValues(fake.workbook.sheet('Sheet1'), { r0: 0, c0: 0, r1: 1, c1: 0 }, [['a'], ['b']]);
    await fake.Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Sheet1');
      const blank = ws.getRange('A2:B2').insert('Down').load('address');
      const block = ws.getRange('B2:D5');
      const moved = block.getOffsetRange(1, -1).load('address');
      const cell = block.getCell(2, 1).load('address');
      const last = block.getLastRow().load('address');
      await ctx.sync();
      expect([blank.address, moved.address, cell.address, last.address]).toEqual([
        'Sheet1!A2:B2',
        'Sheet1!A3:C6',
        'Sheet1!C4',
        'Sheet1!B5:D5',
      ]);
    });
    expect(fake.workbook.sheetValues('Sheet1')).toEqual([['a'], [''], ['b']]);
  });

  test('insert("Down") that would push values off the sheet fails', async () => {
    const fake = createFakeExcel();
    fake.workbook.writeValues(fake.workbook.sheet('Sheet1'), { r0: 1048575, c0: 0, r1: 1048575, c1: 0 }, [
      ['cuối'],
    ]);
    const e = await rejection(
      fake.Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Sheet1').getRange('A1').insert('Down');
        await ctx.sync();
      }),
    );
    expect(e.code).toBe(ErrorCodes.nonBlankCellOffSheet);
  });
});

describe('sorting as the clerk does (test helper)', () => {
  test('sortTableBy moves whole table rows, the hidden key column included, and leaves other cells alone', async () => {
    const fake = createFakeExcel();
    await makeTable(fake, [
      ['k1', 'Trần Bình', 'Sở Y tế', '3'],
      ['k2', 'Âu Cơ', 'Sở Tài chính', '1'],
      ['k3', '', 'UBND', '2'],
      ['k4', 'Lê An', 'Sở Nội vụ', '4'],
    ]);
    const sheet = fake.workbook.sheet('Tổng hợp');
    sheet.colProp(0).hidden = true;
    fake.workbook.writeValues(sheet, { r0: 3, c0: 5, r1: 3, c1: 5 }, [['ngoài bảng']]); // F4
    fake.workbook.sortTableBy('TongHop', 'Họ và tên');
    expect(fake.workbook.tableRecords('TongHop').map((r) => [r['Mã dòng'], r['Họ và tên']])).toEqual([
      ['k2', 'Âu Cơ'],
      ['k4', 'Lê An'],
      ['k1', 'Trần Bình'],
      ['k3', ''], // blanks last
    ]);
    fake.workbook.sortTableBy('TongHop', 'Số điện thoại', true);
    expect(fake.workbook.tableRecords('TongHop').map((r) => r['Mã dòng'])).toEqual(['k4', 'k1', 'k3', 'k2']);
    expect(fake.workbook.cell('Tổng hợp', 'F4').value).toBe('ngoài bảng');
  });
});
