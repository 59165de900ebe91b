/**
 * Request-size accounting (Excel on the web refuses requests over 5 MB) and injected failures of a
 * chosen round trip (a dropped connection before or after Excel ran the request).
 */
import {
  createFakeExcel,
  DEFAULT_LIMIT_BYTES,
  ErrorCodes,
  FakeOfficeError,
  utf8Length,
} from '../support/fake-excel';

async function rejection(p: Promise<unknown>): Promise<FakeOfficeError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof FakeOfficeError) return e;
    throw e;
  }
  throw new Error('expected the promise to reject');
}

/** Rows like a Tổng hợp table: Vietnamese names, units, dates as serials. */
function rows(n: number, cols = 12): (string | number)[][] {
  const out: (string | number)[][] = [];
  for (let i = 0; i < n; i++) {
    const row: (string | number)[] = [
      `k${i}`,
      `Nguyễn Thị Hồng Nhung ${i}`,
      'Phòng Tổ chức cán bộ, Sở Nội vụ tỉnh Quảng Ngãi',
      45000 + (i % 300),
    ];
    while (row.length < cols) row.push(`Chiến sĩ thi đua cơ sở năm 2024 — đợt ${i % 7}`);
    out.push(row);
  }
  return out;
}

async function writeRequest(values: (string | number)[][]): Promise<number> {
  const fake = createFakeExcel({ requestLimitBytes: Number.MAX_SAFE_INTEGER });
  await fake.Excel.run(async (ctx) => {
    const ws = ctx.workbook.worksheets.getItem('Sheet1');
    ws.getRangeByIndexes(0, 0, values.length, values[0]!.length).values = values;
    await ctx.sync();
  });
  return fake.stats.requests[0]!.bytes;
}

describe('request size', () => {
  test('grows with the values written, in UTF-8 bytes, close to the JSON of the values', async () => {
    const sizes: number[] = [];
    for (const n of [10, 100, 1000]) {
      const values = rows(n);
      const bytes = await writeRequest(values);
      const json = utf8Length(JSON.stringify(values));
      expect(bytes).toBeGreaterThan(json);
      expect(bytes - json).toBeLessThan(600); // the action and its object path around the values
      sizes.push(bytes);
    }
    expect(sizes[1]! / sizes[0]!).toBeGreaterThan(8);
    expect(sizes[2]! / sizes[1]!).toBeGreaterThan(9);
    // Vietnamese letters count 2-3 bytes each: the same number of characters weighs more than ASCII.
    const vi = await writeRequest([['Nguyễn Thị Ánh Hồng']]);
    const ascii = await writeRequest([['Nguyen Thi Anh Hong']]);
    expect('Nguyễn Thị Ánh Hồng'.length).toBe('Nguyen Thi Anh Hong'.length);
    expect(vi - ascii).toBe(utf8Length('Nguyễn Thị Ánh Hồng') - 'Nguyen Thi Anh Hong'.length);
  });

  test('a 6 MB values write is refused with RequestPayloadSizeLimitExceeded and nothing of the request is applied', async () => {
    const fake = createFakeExcel();
    const values = rows(11500); // ≈ 6.4 MB of JSON
    expect(utf8Length(JSON.stringify(values))).toBeGreaterThan(6 * 1024 * 1024);
    const e = await rejection(
      fake.Excel.run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem('Sheet1');
        ws.name = 'Tổng hợp';
        ws.getRange('A1:L1').format.font.bold = true;
        ws.getRangeByIndexes(1, 0, values.length, 12).values = values;
        await ctx.sync();
      }),
    );
    expect(e.code).toBe(ErrorCodes.requestPayloadSizeLimitExceeded);
    expect(fake.stats.requests[0]).toMatchObject({
      outcome: 'too-large',
      error: 'RequestPayloadSizeLimitExceeded',
    });
    expect(fake.stats.largestRequest).toBeGreaterThan(DEFAULT_LIMIT_BYTES);
    expect(fake.workbook.sheets.map((s) => s.name)).toEqual(['Sheet1']);
    expect(fake.workbook.cell('Sheet1', 'A1').style.font.bold).toBe(false);
    expect(fake.workbook.sheet('Sheet1').usedRect(false)).toBeNull();
  });

  test('the same rows in chunks, each followed by its sync, all land and every request is under 5 MB', async () => {
    const fake = createFakeExcel();
    const values = rows(11000);
    const chunk = 4000;
    await fake.Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Sheet1');
      for (let i = 0; i < values.length; i += chunk) {
        const part = values.slice(i, i + chunk);
        ws.getRangeByIndexes(i, 0, part.length, 12).values = part;
        await ctx.sync();
      }
    });
    expect(fake.stats.syncs).toBe(3);
    expect(fake.stats.requests.every((r) => r.outcome === 'ok' && r.bytes < DEFAULT_LIMIT_BYTES)).toBe(true);
    expect(fake.stats.largestRequest).toBe(Math.max(...fake.stats.requests.map((r) => r.bytes)));
    expect(fake.workbook.sheetValues('Sheet1')).toEqual(values);
  });

  test('a response over the limit: the request ran (its writes stay) but the loaded values are not delivered', async () => {
    const fake = createFakeExcel({ responseLimitBytes: 50_000 });
    fake.workbook.writeValues(fake.workbook.sheet('Sheet1'), { r0: 0, c0: 0, r1: 999, c1: 11 }, rows(1000));
    let range: { values: unknown } | null = null;
    const e = await rejection(
      fake.Excel.run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem('Sheet1');
        ws.getRange('N1').values = [['written']];
        range = ws.getRange('A1:L1000').load('values');
        await ctx.sync();
      }),
    );
    expect(e.code).toBe(ErrorCodes.responsePayloadSizeLimitExceeded);
    expect(fake.workbook.cell('Sheet1', 'N1').value).toBe('written');
    expect(() => range!.values).toThrow(FakeOfficeError);
  });
});

describe('failing the k-th round trip', () => {
  async function threeSyncs(fake: ReturnType<typeof createFakeExcel>): Promise<void> {
    await fake.Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Sheet1');
      for (const [i, v] of ['a', 'b', 'c'].entries()) {
        ws.getRange(`A${i + 1}`).values = [[v]];
        await ctx.sync();
      }
    });
  }

  test("failMode 'before' (default): the request is lost, nothing of it applied; earlier syncs stay", async () => {
    const fake = createFakeExcel({ failSync: 2 });
    const e = await rejection(threeSyncs(fake));
    expect(e.code).toBe(ErrorCodes.generalException);
    expect(fake.workbook.sheetValues('Sheet1')).toEqual([['a']]);
    expect(fake.stats.requests.map((r) => r.outcome)).toEqual(['ok', 'failed-before']);
  });

  test("failMode 'after': Excel ran the request but the answer was lost", async () => {
    const fake = createFakeExcel({ failSync: 2, failMode: 'after' });
    await rejection(threeSyncs(fake));
    expect(fake.workbook.sheetValues('Sheet1')).toEqual([['a'], ['b']]);
    expect(fake.stats.requests.map((r) => r.outcome)).toEqual(['ok', 'failed-after']);
  });

  test('round trips are counted over the fake’s life, across runs; a predicate picks several', async () => {
    const fake = createFakeExcel({ failSync: 4 });
    await threeSyncs(fake); // round trips 1-3
    await rejection(threeSyncs(fake)); // its first round trip is number 4
    expect(fake.workbook.sheetValues('Sheet1')).toEqual([['a'], ['b'], ['c']]);

    const odd = createFakeExcel({ failSync: (n) => n % 2 === 1, failMode: 'after' });
    const outcomes: string[] = [];
    for (let i = 0; i < 4; i++) {
      await odd.Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Sheet1').getRange('A1').values = [[i]];
        await ctx.sync();
      }).then(
        () => outcomes.push('ok'),
        (err: FakeOfficeError) => outcomes.push(err.code),
      );
    }
    expect(outcomes).toEqual(['GeneralException', 'ok', 'GeneralException', 'ok']);
    expect(odd.workbook.cell('Sheet1', 'A1').value).toBe(3);
  });

  test('setFailSync changes the failure between runs (e.g. after a clean run counted the syncs)', async () => {
    const fake = createFakeExcel();
    await threeSyncs(fake);
    const clean = fake.stats.syncs;
    fake.setFailSync(clean + 3);
    await rejection(threeSyncs(fake));
    expect(fake.stats.requests.at(-1)!.outcome).toBe('failed-before');
  });
});
