/**
 * The browser-safe master writer (src/io/master-xlsx.ts): the bytes the standalone page offers for
 * download read back as the same master, keep the clerk's own sheets, and keep submitted text as text.
 */
import fs from 'fs';
import os from 'os';
import path from 'path';
import ExcelJS from 'exceljs';
import { mergeLists } from '../../src/core/master/merge';
import type { MasterModel } from '../../src/core/master/model';
import { buildWritePlan } from '../../src/core/master/plan';
import { masterFromGrid } from '../../src/core/master/read-master';
import { MasterBaseError, writeMasterBytes } from '../../src/io/master-xlsx';
import { writeMasterFile } from '../../src/io/node/master-file';
import { readWorkbook } from '../../src/io/read-workbook';
import { emptyMaster, HOA, HTX, incoming, KHOA, TUAN } from '../core/master/lists';
import { workbookOf } from './helpers';
import { masterPlan, TRICKY } from './support/master-plan';

const FORMULA_TEXT = '=HYPERLINK("http://evil.example/x","Bấm vào đây")';

/** A master after three lists, one of them carrying text that looks like a formula. */
function merged(): MasterModel {
  const lists = [
    incoming('UBND_huyen_Van_Lam.xlsx', 'UBND huyện Văn Lâm', { nominees: [HTX, HOA] }, '2023-05-18'),
    incoming(
      'So_Y_te.xlsx',
      'Sở Y tế',
      { nominees: [{ ...TUAN, thanhTich: FORMULA_TEXT, ghiChu: '+84912345678' }] },
      '2023-05-23',
    ),
    incoming('MyHao.xlsx', 'UBND thị xã Mỹ Hào', { nominees: [KHOA] }, '2023-05-19'),
  ];
  return mergeLists(emptyMaster(), lists, '2023-05-24 08:00:00').model;
}

function readBack(bytes: Uint8Array) {
  const wb = workbookOf(readWorkbook(bytes, 'TongHop.xlsx'));
  return { wb, master: masterFromGrid(wb) };
}

async function excel(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as Parameters<ExcelJS.Xlsx['load']>[0]);
  return wb;
}

test('model → plan → bytes → readWorkbook → masterFromGrid gives the same master', async () => {
  const m = merged();
  const bytes = await writeMasterBytes(buildWritePlan(m, '2023-05-24'), null);
  // an .xlsx (zip) a clerk can open
  expect(Buffer.from(bytes.subarray(0, 2)).toString('latin1')).toBe('PK');
  const { master } = readBack(bytes);
  expect(master.problems).toEqual([]);
  const b = master.model!;
  expect(b.config).toEqual(m.config);
  expect(b.roster).toEqual(m.roster);
  expect(b.schema).toEqual(m.schema);
  expect(b.log).toEqual(m.log);
  expect(b.issues).toEqual(m.issues);
  expect(b.rows).toEqual(m.rows);
  expect(b.rows.map((r) => r.values['ten'])).toEqual([
    'Hợp tác xã Nông nghiệp Lạc Hồng',
    'Nguyễn Thị Hoa',
    'Lê Minh Tuấn',
    'Khoa Công nghệ thông tin',
  ]);
});

test('text starting with "=" (or "+", "-", "@") stays text, never a formula', async () => {
  const m = merged();
  const bytes = await writeMasterBytes(buildWritePlan(m, '2023-05-24'), null);
  const back = readBack(bytes).master.model!;
  const tuan = back.rows.find((r) => r.values['ten'] === 'Lê Minh Tuấn')!;
  expect(tuan.values['thanhTich']).toBe(FORMULA_TEXT);
  expect(tuan.values['ghiChu']).toBe('+84912345678');

  const wb = await excel(bytes);
  const ws = wb.getWorksheet('Tổng hợp')!;
  let seen = 0;
  ws.eachRow((row) =>
    row.eachCell((cell) => {
      expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
      if (cell.value === FORMULA_TEXT) {
        expect(cell.type).toBe(ExcelJS.ValueType.String);
        seen++;
      }
    }),
  );
  expect(seen).toBe(1);

  // the same for the test plan's tricky texts, written straight from a plan
  const plain = readBack(await writeMasterBytes(masterPlan(6), null)).wb;
  const texts = plain.sheets
    .find((s) => s.name === 'Tổng hợp')!
    .rows.flatMap((r) => (r ?? []).map((c) => c?.v));
  for (const t of TRICKY) expect(texts).toContain(t);
});

test("the clerk's own sheets of the base are kept, in place, and the plan's sheets are rebuilt", async () => {
  const m1 = merged();
  const first = await writeMasterBytes(buildWritePlan(m1, '2023-05-24'), null);

  // the clerk adds a sheet of their own between two of tonghop's, with a merge and a formula
  const wb = await excel(first);
  const own = wb.addWorksheet('Ghi chú của VP');
  own.getCell('A1').value = 'Danh sách cần gọi điện';
  own.getCell('A2').value = 'Sở Nội vụ';
  own.getCell('B2').value = 3;
  own.getCell('B3').value = { formula: 'B2*2', result: 6 };
  own.mergeCells('A1:C1');
  const names = wb.worksheets.map((w) => w.name);
  // put it right after Tổng hợp
  const at = names.indexOf('Tổng hợp');
  wb.worksheets.forEach((w) => {
    const i = names.indexOf(w.name);
    (w as unknown as { orderNo: number }).orderNo = w === own ? at + 1.5 : i + 1;
  });
  const base = new Uint8Array(await wb.xlsx.writeBuffer());
  const orderBefore = (await excel(base)).worksheets.map((w) => w.name);
  expect(orderBefore.indexOf('Ghi chú của VP')).toBe(orderBefore.indexOf('Tổng hợp') + 1);

  // a later merge, written over that base
  const m2 = mergeLists(
    readBack(base).master.model!,
    [incoming('SNV.xlsx', 'Sở Nội vụ', { nominees: [HOA] }, '2023-05-25')],
    '2023-05-25 10:00:00',
  ).model;
  const second = await writeMasterBytes(buildWritePlan(m2, '2023-05-25'), base);

  const after = await excel(second);
  expect(after.worksheets.map((w) => w.name)).toEqual(orderBefore);
  const kept = after.getWorksheet('Ghi chú của VP')!;
  expect(kept.getCell('A1').value).toBe('Danh sách cần gọi điện');
  expect(kept.getCell('A2').value).toBe('Sở Nội vụ');
  expect(kept.getCell('B2').value).toBe(3);
  expect(kept.getCell('B3').formula).toBe('B2*2');
  expect(kept.model.merges).toContain('A1:C1');

  const back = readBack(second).master.model!;
  expect(back.rows).toEqual(m2.rows);
  expect(back.rows.filter((r) => r.unit === 'Sở Nội vụ')).toHaveLength(1);
  expect(back.log).toHaveLength(4);
});

test('the browser writer and the command line writer give the same workbook', async () => {
  // 300 rows: the command line writes these rows through its fast path (sheet XML + zlib)
  const plan = masterPlan(300);
  const bytes = await writeMasterBytes(plan, null);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tonghop-xlsx-'));
  try {
    const file = path.join(dir, 'TongHop.xlsx');
    await writeMasterFile(plan, file);
    const a = readBack(bytes).wb;
    const b = readBack(new Uint8Array(fs.readFileSync(file))).wb;
    expect(a.sheets.map((s) => s.name)).toEqual(b.sheets.map((s) => s.name));
    a.sheets.forEach((s, i) => {
      const t = b.sheets[i]!;
      const vals = (x: typeof s) => x.rows.map((r) => (r ?? []).map((c) => c?.v ?? null));
      expect(vals(s)).toEqual(vals(t));
      expect(s.merges).toEqual(t.merges);
      expect(s.visibility).toEqual(t.visibility);
    });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('a base that is not a workbook is refused with a Vietnamese message', async () => {
  const plan = buildWritePlan(merged(), '2023-05-24');
  const junk = new TextEncoder().encode('Đây không phải tệp Excel');
  await expect(writeMasterBytes(plan, junk)).rejects.toBeInstanceOf(MasterBaseError);
  await expect(writeMasterBytes(plan, junk)).rejects.toThrow(/không đọc được tệp tổng hợp cũ/);
});

test('the module imports no Node API (it is bundled for the browser page)', () => {
  const src = fs.readFileSync(path.join(__dirname, '../../src/io/master-xlsx.ts'), 'utf8');
  const specs = [...src.matchAll(/^import\s+(type\s+)?[^'"]*from\s+'([^']+)'/gm)].map((x) => ({
    typeOnly: !!x[1],
    spec: x[2]!,
  }));
  expect(specs.length).toBeGreaterThan(0);
  for (const { typeOnly, spec } of specs) {
    if (typeOnly) continue;
    expect(spec).not.toMatch(/^(node:|fs$|path$|zlib$|os$|stream$|crypto$|child_process$)|\/node\//);
  }
});
