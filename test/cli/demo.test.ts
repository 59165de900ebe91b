/**
 * The demo of the README (`npm run demo`), step by step through the real command: init from the
 * sample roster, one merge per day of samples/demo.json, then the tracker, the master's sheets and
 * what samples/demo.json says the clerk should see.
 */
import fs from 'fs';
import path from 'path';
import { tonghop, scratchDir } from './cli-harness';
import { readWorkbook } from '../../src/io/read-workbook';
import { cellText, type GridWorkbook } from '../../src/core/grid';

const root = path.join(__dirname, '..', '..');
const demo = JSON.parse(fs.readFileSync(path.join(root, 'samples', 'demo.json'), 'utf8'));
const dir = scratchDir('tonghop-demo-');
const master = path.join(dir, 'tong_hop.xlsx');
const at = (f: string) => path.join(root, f);

interface Status {
  units: { name: string; status: string; daysLate: number; rows: number }[];
  totals: { onTime: number; late: number; missing: number; rows: number; errors: number };
}

let status: Status;
let merges: {
  stdout: string;
  json: { files: { file: string; action: string; unit: unknown; version: number }[] };
}[] = [];
let wb: GridWorkbook;

function sheetText(name: string): string[][] {
  const s = wb.sheets.find((x) => x.name === name)!;
  return s.rows.map((r) => (r ?? []).map((c) => cellText(c)));
}

beforeAll(async () => {
  const init = await tonghop(
    'init',
    master,
    '--deadline',
    demo.deadline,
    '--roster',
    at(demo.roster),
    '--title',
    demo.title,
    '--letter-no',
    demo.letterNo,
    '--letter-date',
    demo.letterDate,
    '--issuer',
    demo.issuer,
    '--superior',
    demo.superior,
    '--place',
    demo.place,
  );
  expect(init.code).toBe(0);
  merges = [];
  for (const [i, step] of (demo.steps as { received: string; unit?: string; files: string[] }[]).entries()) {
    const out = path.join(dir, `merge-${i}.json`);
    const args = ['merge', master, ...step.files.map(at), '--received', step.received, '--json', out];
    if (step.unit) args.push('--unit', step.unit);
    const r = await tonghop(...args);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    merges.push({ stdout: r.stdout, json: JSON.parse(fs.readFileSync(out, 'utf8')) });
  }
  const out = path.join(dir, 'status.json');
  expect((await tonghop('status', master, '--json', out)).code).toBe(0);
  status = JSON.parse(fs.readFileSync(out, 'utf8'));
  wb = readWorkbook(fs.readFileSync(master), 'tong_hop.xlsx').workbook!;
}, 120_000);

test('the tracker shows the on-time, late and missing units the samples are made for', () => {
  const by = new Map(status.units.map((u) => [u.name, u]));
  for (const name of demo.expect.onTime) expect(by.get(name)).toMatchObject({ status: 'on-time' });
  for (const l of demo.expect.late)
    expect(by.get(l.unit)).toMatchObject({ status: 'late', daysLate: l.daysLate });
  expect(status.totals).toMatchObject({
    onTime: demo.expect.onTime.length,
    late: demo.expect.late.length,
    missing: demo.expect.missingCount,
    rows: demo.expect.nominees,
  });
});

test('the unknown file is refused first, then merged once the clerk names the unit', () => {
  const name = path.basename(demo.expect.unknownFile);
  const outcomes = merges.flatMap((m) => m.json.files).filter((f) => f.file === name);
  expect(outcomes.map((f) => f.action)).toEqual(['not-merged', 'merged']);
  expect(outcomes[0]!.unit).toBeNull();
});

test('the broken file is reported and merged nowhere; the re-submission replaces the first list', () => {
  const files = merges.flatMap((m) => m.json.files);
  for (const f of demo.expect.unreadableFiles as string[]) {
    expect(files.find((x) => x.file === path.basename(f))!.action).toBe('not-merged');
  }
  for (const r of demo.expect.resubmissions as { file: string; version: number }[]) {
    expect(files.find((x) => x.file === path.basename(r.file))).toMatchObject({
      action: 'replaced',
      version: r.version,
    });
  }
});

test('the master holds every sheet of GUIDE §3 with the merged rows, the tracker, the report, the findings and the log', () => {
  expect(wb.sheets.map((s) => s.name)).toEqual([
    'Cấu hình',
    'Đơn vị',
    'Trường dữ liệu',
    'Tổng hợp',
    'Theo dõi',
    'Báo cáo',
    'Kiểm tra',
    'Nhật ký',
  ]);
  const th = sheetText('Tổng hợp');
  expect(th[0]![0]).toBe(demo.title);
  expect(th[1]!.slice(0, 3)).toEqual(['STT', 'Đơn vị gửi', 'Họ và tên / Tên tập thể']);
  expect(th.slice(2).filter((r) => r.some((c) => c !== ''))).toHaveLength(demo.expect.nominees);
  const td = sheetText('Theo dõi');
  const late = td.filter((r) => r[3] === 'Trễ hạn').map((r) => r[1]);
  expect(late.sort()).toEqual(demo.expect.late.map((l: { unit: string }) => l.unit).sort());
  expect(td.filter((r) => r[3] === 'Chưa nộp')).toHaveLength(demo.expect.missingCount);
  const bc = sheetText('Báo cáo').flat().join('\n');
  expect(bc).toContain('BÁO CÁO TỔNG HỢP');
  expect(bc).toContain('ĐƠN VỊ CHƯA NỘP');
  for (const l of demo.expect.late) expect(bc).toContain(l.unit);
  const kt = sheetText('Kiểm tra');
  const dup = demo.expect.duplicateNominee;
  const dupRows = kt.filter((r) => r[6] === 'duplicate-nominee' && dup.units.includes(r[2]));
  expect(dupRows.length).toBeGreaterThanOrEqual(2);
  for (const e of demo.expect.errorsIn) {
    expect(kt.filter((r) => r[2] === e.unit && r[7] === 'Lỗi')).toHaveLength(e.errors);
  }
  const nk = sheetText('Nhật ký');
  const merged = demo.steps.flatMap((s: { files: string[] }) => s.files).length;
  expect(nk.slice(1).filter((r) => r[2] !== '')).toHaveLength(merged);
});
