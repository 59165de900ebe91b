/**
 * The fake Excel behaves like Office.js where a gateway can get it wrong: properties are unreadable
 * until loaded AND synced, writes happen at sync in queue order, missing items fail the sync,
 * *OrNullObject objects, round trips counted.
 */
import { createFakeExcel, ErrorCodes, FakeOfficeError } from '../support/fake-excel';

async function rejection(p: Promise<unknown>): Promise<FakeOfficeError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof FakeOfficeError) return e;
    throw e;
  }
  throw new Error('expected the promise to reject');
}

function thrown(f: () => unknown): FakeOfficeError {
  try {
    f();
  } catch (e) {
    if (e instanceof FakeOfficeError) return e;
    throw e;
  }
  throw new Error('expected a throw');
}

describe('loading properties', () => {
  test('a property throws PropertyNotLoaded until load() and sync(), then holds the value at that sync', async () => {
    const fake = createFakeExcel();
    fake.workbook.writeValues(fake.workbook.sheet('Sheet1'), { r0: 0, c0: 0, r1: 0, c1: 1 }, [
      ['Hà Nội', 42],
    ]);
    await fake.Excel.run(async (ctx) => {
      const range = ctx.workbook.worksheets.getItem('Sheet1').getRange('A1:B1');
      const before = thrown(() => range.values);
      expect(before.code).toBe(ErrorCodes.propertyNotLoaded);
      expect(before.message).toBe(
        `The property 'values' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
      );
      range.load('values');
      expect(thrown(() => range.values).code).toBe('PropertyNotLoaded'); // loaded but not yet synced
      await ctx.sync();
      expect(range.values).toEqual([['Hà Nội', 42]]);
      expect(thrown(() => range.address).code).toBe('PropertyNotLoaded'); // only what was loaded

      // A later change in the workbook does not reach the loaded snapshot until it is loaded again.
      ctx.workbook.worksheets.getItem('Sheet1').getRange('B1').values = [[43]];
      await ctx.sync();
      expect(range.values).toEqual([['Hà Nội', 42]]);
      range.load('values');
      await ctx.sync();
      expect(range.values).toEqual([['Hà Nội', 43]]);
    });
  });

  test('load takes a list, an array, an object and paths to child objects', async () => {
    const fake = createFakeExcel();
    await fake.Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Sheet1');
      const r = ws.getRange('B2:C3');
      r.format.font.name = 'Times New Roman';
      r.format.columnWidth = 105;
      await ctx.sync();
      const a = ws.getRange('B2:C3').load('address, rowCount ,columnIndex');
      const b = ws.getRange('B2:C3').load(['numberFormat', 'format/columnWidth']);
      const c = ws.getRange('B2:C3').load({ format: { font: { name: true, size: true } } });
      await ctx.sync();
      expect([a.address, a.rowCount, a.columnIndex]).toEqual(['Sheet1!B2:C3', 2, 1]);
      expect(b.numberFormat).toEqual([
        ['General', 'General'],
        ['General', 'General'],
      ]);
      expect(b.format.columnWidth).toBe(105);
      expect([c.format.font.name, c.format.font.size]).toEqual(['Times New Roman', 11]);
      expect(thrown(() => c.format.font.bold).code).toBe('PropertyNotLoaded');
    });
  });

  test("collections give items after load('items/name') or load('name') and a sync", async () => {
    const fake = createFakeExcel();
    await fake.Excel.run(async (ctx) => {
      ctx.workbook.worksheets.add('Tổng hợp');
      ctx.workbook.worksheets.add('Theo dõi').visibility = 'Hidden';
      const sheets = ctx.workbook.worksheets;
      expect(thrown(() => sheets.items).code).toBe('PropertyNotLoaded');
      sheets.load('items/name,items/position,items/visibility');
      await ctx.sync();
      expect(sheets.items.map((s) => [s.name, s.position, s.visibility])).toEqual([
        ['Sheet1', 0, 'Visible'],
        ['Tổng hợp', 1, 'Visible'],
        ['Theo dõi', 2, 'Hidden'],
      ]);
      expect(thrown(() => sheets.items[0]!.tabColor).code).toBe('PropertyNotLoaded');
      const again = ctx.workbook.worksheets.load('name');
      await ctx.sync();
      expect(again.items.map((s) => s.name)).toEqual(['Sheet1', 'Tổng hợp', 'Theo dõi']);
      // Items are live proxies: they can be used in later requests.
      again.items[1]!.getRange('A1').values = [['x']];
    });
    expect(fake.workbook.cell('Tổng hợp', 'A1').value).toBe('x');
  });
});

describe('writes', () => {
  test('nothing is written before sync; operations apply in queue order; a load between writes sees the first', async () => {
    const fake = createFakeExcel();
    await fake.Excel.run(async (ctx) => {
      const a1 = ctx.workbook.worksheets.getItem('Sheet1').getRange('A1');
      a1.values = [['first']];
      expect(fake.workbook.cell('Sheet1', 'A1').value).toBe('');
      const seen = ctx.workbook.worksheets.getItem('Sheet1').getRange('A1').load('values');
      a1.values = [['second']];
      await ctx.sync();
      expect(seen.values).toEqual([['first']]);
      expect(fake.workbook.cell('Sheet1', 'A1').value).toBe('second');
    });
  });

  test('a set property reads back locally as set (Office.js keeps it), not as Excel stored it', async () => {
    const fake = createFakeExcel();
    await fake.Excel.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Sheet1').getRange('A1');
      r.values = [['+84912345678']];
      expect(r.values).toEqual([['+84912345678']]);
      r.load('values');
      await ctx.sync();
      expect(r.values).toEqual([[84912345678]]);
    });
  });

  test('getItem of a missing sheet fails that sync with ItemNotFound; what came before in the request stays, what came after does not', async () => {
    const fake = createFakeExcel();
    const e = await rejection(
      fake.Excel.run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem('Sheet1');
        ws.getRange('A1').values = [['before']];
        ctx.workbook.worksheets.getItem('Không có').getRange('A1').values = [['x']];
        ws.getRange('A2').values = [['after']];
        await ctx.sync();
      }),
    );
    expect(e.code).toBe(ErrorCodes.itemNotFound);
    expect(e.debugInfo.errorLocation).toBe('Range.values');
    expect(fake.workbook.cell('Sheet1', 'A1').value).toBe('before');
    expect(fake.workbook.cell('Sheet1', 'A2').value).toBe('');
  });

  test('an unused getItem of a missing name costs nothing and fails nothing', async () => {
    const fake = createFakeExcel();
    await fake.Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Không có');
      ctx.workbook.worksheets.getItem('Sheet1').getRange('A1').values = [[1]];
      await ctx.sync();
    });
    expect(fake.workbook.cell('Sheet1', 'A1').value).toBe(1);
  });

  test('getItemOrNullObject: isNullObject after the sync; writes to a null object do nothing', async () => {
    const fake = createFakeExcel();
    await fake.Excel.run(async (ctx) => {
      const missing = ctx.workbook.worksheets.getItemOrNullObject('Nhật ký');
      const present = ctx.workbook.worksheets.getItemOrNullObject('SHEET1'); // names without case, as Excel
      expect(thrown(() => missing.isNullObject).code).toBe('PropertyNotLoaded');
      await ctx.sync();
      expect(missing.isNullObject).toBe(true);
      expect(present.isNullObject).toBe(false);
      missing.getRange('A1').values = [['lost']];
      missing.name = 'Renamed';
      present.getRange('A1').values = [['kept']];
      await ctx.sync();
      const t = ctx.workbook.tables.getItemOrNullObject('TongHop').load('name');
      await ctx.sync();
      expect(t.isNullObject).toBe(true);
      expect(t.name).toBeUndefined();
    });
    expect(fake.workbook.sheets.map((s) => s.name)).toEqual(['Sheet1']);
    expect(fake.workbook.cell('Sheet1', 'A1').value).toBe('kept');
  });

  test('a member the fake does not implement, or a misspelt property, throws at once', async () => {
    const fake = createFakeExcel();
    await fake.Excel.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Sheet1').getRange('A1') as unknown as Record<
        string,
        unknown
      >;
      expect(thrown(() => r.hyperlink).code).toBe(ErrorCodes.fakeNotImplemented);
      expect(
        thrown(() => {
          r.value = [[1]];
        }).code,
      ).toBe(ErrorCodes.fakeNotImplemented);
      expect(() => {
        r.address = 'B2';
      }).toThrow(TypeError); // read-only in Office.js too
    });
  });
});

describe('round trips', () => {
  test('each sync with work is one round trip; empty syncs are free; Excel.run sends what is left at the end', async () => {
    const fake = createFakeExcel();
    await fake.Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Sheet1');
      await ctx.sync(); // nothing queued
      ws.getRange('A1').values = [[1]];
      await ctx.sync();
      ws.getRange('A2').values = [[2]];
      ws.getRange('A3').values = [[3]];
      await ctx.sync();
      ws.getRange('A4').values = [[4]]; // sent by Excel.run's final sync
    });
    expect(fake.stats.syncs).toBe(3);
    expect(fake.stats.emptySyncs).toBe(1);
    expect(fake.stats.requests.map((r) => r.ops)).toEqual([1, 2, 1]);
    expect(fake.workbook.sheetValues('Sheet1')).toEqual([[1], [2], [3], [4]]);
  });

  test('when the batch throws, what it queued is dropped; its proxies are dead after the run', async () => {
    const fake = createFakeExcel();
    let kept: { values: unknown } | null = null;
    await expect(
      fake.Excel.run(async (ctx) => {
        const r = ctx.workbook.worksheets.getItem('Sheet1').getRange('A1');
        kept = r;
        r.values = [['never']];
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(fake.stats.syncs).toBe(0);
    expect(fake.workbook.cell('Sheet1', 'A1').value).toBe('');
    expect(
      thrown(() => {
        kept!.values = [['late']];
      }).code,
    ).toBe(ErrorCodes.invalidObjectPath);
  });

  test('suspendApiCalculationUntilNextSync is recorded on its request', async () => {
    const fake = createFakeExcel();
    await fake.Excel.run(async (ctx) => {
      ctx.application.suspendApiCalculationUntilNextSync();
      ctx.workbook.worksheets.getItem('Sheet1').getRange('A1').values = [[1]];
      await ctx.sync();
      ctx.workbook.worksheets.getItem('Sheet1').getRange('A2').values = [[2]];
      await ctx.sync();
    });
    expect(fake.stats.requests.map((r) => r.calcSuspended)).toEqual([true, false]);
  });

  test('new Excel.RequestContext() works outside Excel.run, and getCount gives a ClientResult', async () => {
    const fake = createFakeExcel();
    const ctx = new fake.Excel.RequestContext();
    ctx.workbook.worksheets.add('Đơn vị');
    const n = ctx.workbook.worksheets.getCount();
    expect(() => n.value).toThrow(FakeOfficeError);
    await ctx.sync();
    expect(n.value).toBe(2);
  });
});
