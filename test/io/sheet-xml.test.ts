/**
 * The master writer writes the data rows of big tables as sheet XML itself (src/io/node/sheet-xml.ts).
 * The workbook must be the same, read back with exceljs, as the one exceljs writes alone from the plan.
 */
import fs from 'fs';
import os from 'os';
import path from 'path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import type { PlanValue, WritePlan } from '../../src/core/plan/write-plan';
import { rowHeights } from '../../src/core/plan/row-heights';
import { applyPlan, writeMasterFile } from '../../src/io/node/master-file';
import { xmlEncode } from '../../src/io/node/sheet-xml';
import { kiemTraSheet, masterPlan, tongHopRows, tongHopSheet } from './support/master-plan';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tonghop-sheetxml-'));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

/** The workbook as exceljs alone writes it from the plan (every cell through exceljs). */
async function exceljsOnly(plan: WritePlan, base?: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  if (base) await wb.xlsx.readFile(base);
  applyPlan(wb, plan);
  const out = new ExcelJS.Workbook();
  await out.xlsx.load((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  return out;
}

async function written(plan: WritePlan, base?: string): Promise<ExcelJS.Workbook> {
  const file = path.join(dir, `m${Math.random().toString(36).slice(2)}.xlsx`);
  if (base) fs.copyFileSync(base, file);
  await writeMasterFile(plan, file, { base: base ? file : null });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

const norm = (x: unknown) =>
  JSON.stringify(x, (_k, v: unknown) => (v instanceof Date ? `D:${v.toISOString()}` : v));

/** Every difference between two workbooks, as exceljs reads them. */
function differences(a: ExcelJS.Workbook, b: ExcelJS.Workbook): string[] {
  const out: string[] = [];
  const names = (wb: ExcelJS.Workbook) => wb.worksheets.map((w) => w.name);
  if (norm(names(a)) !== norm(names(b))) out.push(`sheets ${norm(names(a))} / ${norm(names(b))}`);
  for (const wa of a.worksheets) {
    const wb = b.getWorksheet(wa.name);
    if (!wb) continue;
    const props = (w: ExcelJS.Worksheet) => {
      const x = w as unknown as {
        tables: Record<string, { table?: object }>;
        dataValidations: { model: unknown };
      };
      return {
        dims: w.dimensions.range,
        cols: w.columns?.map((c) => [c.width, c.hidden]),
        tables: Object.values(x.tables).map((t) => ({ ...t.table, rows: undefined })),
        dv: x.dataValidations.model,
        cf: (w as unknown as { conditionalFormattings: unknown }).conditionalFormattings,
        merges: w.model.merges,
        rows: w.rowCount,
      };
    };
    const pa = props(wa);
    const pb = props(wb);
    for (const k of Object.keys(pa) as (keyof typeof pa)[]) {
      if (norm(pa[k]) !== norm(pb[k])) out.push(`${wa.name} ${k}: ${norm(pa[k])} / ${norm(pb[k])}`);
    }
    for (let r = 1; r <= Math.max(wa.rowCount, wb.rowCount); r++) {
      const ra = wa.getRow(r);
      const rb = wb.getRow(r);
      if (ra.height !== rb.height) out.push(`${wa.name} row ${r} height ${ra.height} / ${rb.height}`);
      for (let c = 1; c <= Math.max(wa.columnCount, wb.columnCount); c++) {
        const ca = ra.getCell(c);
        const cb = rb.getCell(c);
        const x = norm({ v: ca.value, t: ca.type, s: ca.style });
        const y = norm({ v: cb.value, t: cb.type, s: cb.style });
        if (x !== y) out.push(`${wa.name}!${ca.address}: ${x} / ${y}`);
      }
    }
  }
  return out;
}

describe('big tables written as sheet XML', () => {
  it('gives the same master as exceljs alone: values, types, styles, heights, table and ranges', async () => {
    const plan = masterPlan(60, { withKiemTra: true });
    const got = await written(plan);
    const want = await exceljsOnly(plan);
    expect(differences(got, want)).toEqual([]);
    // The rows are really there, after the first one too, and the table covers them.
    const ws = got.getWorksheet('Tổng hợp')!;
    expect(ws.rowCount).toBe(62);
    const table = (ws as unknown as { tables: Record<string, { table: { tableRef: string } }> }).tables[
      'TongHop'
    ]!;
    expect(table.table.tableRef).toBe('A2:I62');
    const heights = rowHeights(plan.sheets[0]!);
    for (const [r, h] of heights) expect(ws.getRow(r + 1).height).toBe(h);
  });

  it('keeps every kind of value: text that looks like a formula, odd characters, dates, numbers, blanks', async () => {
    const rows = tongHopRows(6);
    rows[2]![2] = ' lead & <trail> "q" \'a\' ';
    rows[3]![2] = 'a\u0001b\u0008c\u000bd\u001fe\u007ff\tg\nh';
    rows[4]![5] = { date: '2023-02-29' }; // not a day: written as its text, in the date style
    rows[4]![0] = 1.5e-7;
    rows[5]![7] = null;
    rows[5]![2] = '=1+1';
    const plan: WritePlan = {
      sheets: [tongHopSheet(rows), kiemTraSheet([['a.xlsx', 'X', 'S', 'C7', 'c', 'Lỗi', '=A1']])],
    };
    const got = await written(plan);
    expect(differences(got, await exceljsOnly(plan))).toEqual([]);
    const ws = got.getWorksheet('Tổng hợp')!;
    expect(ws.getCell('C8').value).toBe('=1+1');
    expect(ws.getCell('C8').type).toBe(ExcelJS.ValueType.String);
    expect(ws.getCell('C5').value).toBe(' lead & <trail> "q" \'a\' ');
    expect(ws.getCell('C6').value).toBe('abcdef\tg\nh');
  });

  it('rewrites an old master with the clerk’s sheets the same way as exceljs alone', async () => {
    const base = path.join(dir, 'old.xlsx');
    await writeMasterFile(masterPlan(5), base);
    const clerk = new ExcelJS.Workbook();
    await clerk.xlsx.readFile(base);
    const own = clerk.addWorksheet('Ghi chú riêng');
    own.getCell('A1').value = 'ghi chú';
    own.getCell('B3').value = new Date(Date.UTC(2023, 4, 2));
    await clerk.xlsx.writeFile(base);
    const plan = masterPlan(40, { withKiemTra: true });
    expect(differences(await written(plan, base), await exceljsOnly(plan, base))).toEqual([]);
  });

  it('writes dates in the 1904 date system of an old master as exceljs does', async () => {
    const base = path.join(dir, 'old1904.xlsx');
    await writeMasterFile(masterPlan(3), base);
    const clerk = new ExcelJS.Workbook();
    await clerk.xlsx.readFile(base);
    clerk.properties.date1904 = true;
    await clerk.xlsx.writeFile(base);
    const plan = masterPlan(20);
    const got = await written(plan, base);
    expect(got.properties.date1904).toBe(true);
    expect(differences(got, await exceljsOnly(plan, base))).toEqual([]);
  });

  it('writes any text, number and date as exceljs does (property)', async () => {
    const value = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 12 }),
      fc.string({
        unit: fc.constantFrom('a', ' ', '\n', '\r', '\u0000', '\u001f', '&', '<', '"', 'ệ', '='),
        maxLength: 8,
      }),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.integer({ min: 1900, max: 2100 }).map((y): PlanValue => ({ date: `${y}-01-31` })),
      fc.constant(null),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(value, value, value), { minLength: 2, maxLength: 6 }),
        async (cells) => {
          const rows = tongHopRows(cells.length);
          cells.forEach(([a, b, c], i) => {
            rows[i]![2] = a;
            rows[i]![5] = b;
            rows[i]![7] = c;
          });
          const plan: WritePlan = { sheets: [tongHopSheet(rows)] };
          expect(differences(await written(plan), await exceljsOnly(plan))).toEqual([]);
        },
      ),
      { numRuns: 20 },
    );
  });
});

describe('xmlEncode', () => {
  it('escapes markup and drops the control characters XML 1.0 forbids, as exceljs does', () => {
    expect(xmlEncode('a<b>&"c\'')).toBe('a&lt;b&gt;&amp;&quot;c&apos;');
    expect(xmlEncode('x\u0000\u0007\u000b\u000c\u001f\u007fy')).toBe('xy');
    expect(xmlEncode('tab\tline\ncr\r')).toBe('tab\tline\ncr\r');
    expect(xmlEncode('Nguyễn Văn A')).toBe('Nguyễn Văn A');
  });
});
