/**
 * The bundled samples (samples/lists, samples/demo.json): each file shows what it is meant to show when the
 * check engine reads it, its sender is found (or, for the one unknown file, not guessed), the committed
 * bytes are what scripts/make-samples.ts writes, and demo.json's expectations follow from the files,
 * the roster and the deadline.
 */
import fs from 'fs';
import path from 'path';
import {
  buildSamples,
  CROSS_DUPLICATE,
  demoJson,
  MY_HAO_ERRORS,
  SAMPLES,
  type Sample,
} from '../../scripts/make-samples';
import { lateness } from '../../src/core/campaign/deadline';
import { checkWorkbook, type FileReport } from '../../src/core/check';
import { a1, cellText, colLetters, type GridSheet, type GridWorkbook } from '../../src/core/grid';
import type { Issue } from '../../src/core/issues';
import { defaultSchema } from '../../src/core/schema/default-schema';
import { nameKey } from '../../src/core/text/key';
import {
  headerBlockLines,
  identifyUnit,
  UNIT_CONFIDENCE_THRESHOLD,
  type UnitMatch,
} from '../../src/core/units/identify-unit';
import { rosterFromRows, type Roster } from '../../src/core/units/roster';
import { sameNominee } from '../../src/core/validate/duplicates';
import { readWorkbook } from '../../src/io/read-workbook';

const ROOT = path.resolve(__dirname, '..', '..');
const LISTS = path.join(ROOT, 'samples', 'lists');

interface Checked {
  sample: Sample;
  bytes: Buffer;
  raw: GridWorkbook | null;
  report: FileReport | null;
  readIssues: Issue[];
  match: UnitMatch | null;
}

interface DemoJson {
  master: string;
  deadline: string;
  title: string;
  roster: string;
  issuer: string;
  superior: string;
  place: string;
  letterNo: string;
  letterDate: string;
  steps: { received: string; unit?: string; files: string[] }[];
  expect: {
    onTime: string[];
    late: { unit: string; daysLate: number }[];
    missingCount: number;
    nominees: number;
    unknownFile: string;
    unreadableFiles: string[];
    resubmissions: { unit: string; file: string; version: number }[];
    duplicateNominee: { name: string; units: string[] };
    errorsIn: { unit: string; file: string; errors: number }[];
  };
}

function loadRoster(): Roster {
  const rel = 'samples/roster.csv';
  const read = readWorkbook(new Uint8Array(fs.readFileSync(path.join(ROOT, rel))), rel);
  const sheet = read.workbook?.sheets[0];
  if (!sheet) throw new Error('samples/roster.csv cannot be read');
  const { roster, problems } = rosterFromRows(sheet.rows.map((r) => (r ?? []).map((c) => cellText(c))));
  expect(problems).toEqual([]);
  return roster;
}

/** The sheet whose header block names the sender: the first with a list (or a "no nominees" note). */
function evidenceSheet(wb: GridWorkbook, report: FileReport): GridSheet | undefined {
  const s = report.sheets.find((x) => x.status === 'read' || x.status === 'no-nominees');
  return wb.sheets.find((x) => x.name === s?.name) ?? wb.sheets[0];
}

const roster = loadRoster();
const demo = JSON.parse(fs.readFileSync(path.join(ROOT, 'samples', 'demo.json'), 'utf8')) as DemoJson;
const checked = new Map<string, Checked>();

beforeAll(() => {
  for (const sample of SAMPLES) {
    const bytes = fs.readFileSync(path.join(LISTS, sample.file));
    const read = readWorkbook(new Uint8Array(bytes), sample.file);
    const report = read.workbook ? checkWorkbook(read.workbook, defaultSchema(), read.issues) : null;
    let match: UnitMatch | null = null;
    if (report?.decoded) {
      const sheet = evidenceSheet(report.decoded, report);
      const block = sheet ? headerBlockLines(sheet) : { headerLines: [] };
      match = identifyUnit(
        { ...block, sheetNames: report.decoded.sheets.map((s) => s.name), fileName: sample.file },
        roster,
      );
    }
    checked.set(sample.file, { sample, bytes, raw: read.workbook, report, readIssues: read.issues, match });
  }
});

function get(file: string): Checked & { report: FileReport; raw: GridWorkbook } {
  const c = checked.get(file);
  if (!c?.report || !c.raw) throw new Error(`${file} was not read`);
  return c as Checked & { report: FileReport; raw: GridWorkbook };
}

function sampleWhere(pred: (s: Sample) => boolean): Sample {
  const s = SAMPLES.find(pred);
  if (!s) throw new Error('no such sample');
  return s;
}

const errorsOf = (r: FileReport) => r.issues.filter((i) => i.severity === 'error');
const byCode = (r: FileReport, code: string) => r.issues.filter((i) => i.code === code);
const readable = SAMPLES.filter((s) => s.format !== 'broken');

describe('the sample files as the check engine reads them', () => {
  test('12 to 14 files, every format a clerk receives', () => {
    expect(SAMPLES.length).toBeGreaterThanOrEqual(12);
    expect(SAMPLES.length).toBeLessThanOrEqual(14);
    expect(fs.readdirSync(LISTS).sort()).toEqual(SAMPLES.map((s) => s.file).sort());
    const formats = new Set(readable.map((s) => get(s.file).raw.format));
    for (const f of ['xlsx', 'xls', 'csv', 'ods'] as const) expect(formats).toContain(f);
  });

  test.each(readable.map((s) => [s.file, s] as const))(
    '%s: the nominees the unit wrote, decoded, in reading order',
    (_file, s) => {
      const { report } = get(s.file);
      expect(report.rows).toBe(s.nominees.length);
      expect(report.records.map((r) => r.values['ten'])).toEqual(
        s.nominees.map((n) => n.ten.normalize('NFC')),
      );
      expect(report.records.map((r) => r.values['loai'])).toEqual(s.nominees.map((n) => n.loai));
      // only the list with deliberate mistakes has errors
      if (s.file !== 'UBND_TX_My_Hao.xlsx') expect(errorsOf(report)).toEqual([]);
    },
  );

  test('TCVN3 list: .VnTime/.VnTimeH text, reported as legacy-encoding, names decoded', () => {
    const { raw, report } = get('UBND_huyen_Van_Lam.xlsx');
    const legacy = byCode(report, 'legacy-encoding');
    expect(legacy).toHaveLength(1);
    expect(legacy[0]?.severity).toBe('info');
    expect(legacy[0]?.message).toContain('TCVN3');
    const hoa = report.records.find((r) => r.values['ten'] === 'Nguyễn Thị Hoa');
    const c = hoa?.cols?.['ten'];
    expect(c).toBeDefined();
    const cell = raw.sheets[0]?.rows[hoa!.r]?.[c!];
    expect(cell?.font).toBe('.VnTime');
    expect(cellText(cell)).not.toBe('Nguyễn Thị Hoa'); // gibberish until decoded
    // capitals in the H font: the header block "UBND HUYỆN VĂN LÂM"
    expect(raw.sheets[0]?.rows[0]?.[0]?.font).toBe('.VnTimeH');
    expect(cellText(report.decoded?.sheets[0]?.rows[0]?.[0])).toBe('UBND HUYỆN VĂN LÂM');
  });

  test('VNI-Windows list: VNI-Times text, reported as legacy-encoding, names decoded', () => {
    const { raw, report } = get('UBND huyện Yên Mỹ - danh sách.xlsx');
    const legacy = byCode(report, 'legacy-encoding');
    expect(legacy).toHaveLength(1);
    expect(legacy[0]?.message).toContain('VNI');
    const huy = report.records.find((r) => r.values['ten'] === 'Phạm Quang Huy');
    expect(huy).toBeDefined();
    const cell = raw.sheets[0]?.rows[huy!.r]?.[huy!.cols!['ten']!];
    expect(cell?.font).toBe('VNI-Times');
    expect(cellText(cell)).not.toBe('Phạm Quang Huy');
    expect(huy?.values['donViCongTac']).toBe('Trung tâm Dịch vụ nông nghiệp huyện Yên Mỹ');
  });

  test('two-row merged header over a numbering row and section rows: every column mapped', () => {
    const { raw, report } = get('UBND_huyen_Van_Lam.xlsx');
    const sheet = report.sheets[0]!;
    expect(sheet.headerRows).toHaveLength(2);
    const [top, bottom] = sheet.headerRows.map((r) => r - 1) as [number, number];
    expect(bottom).toBe(top + 1);
    const rawSheet = raw.sheets[0]!;
    const decoded = report.decoded!.sheets[0]!;
    // "Thành tích" spans "Lĩnh vực" and "Tóm tắt thành tích"
    const thanhTich = decoded.rows[top]!.findIndex((c) => cellText(c) === 'Thành tích');
    expect(thanhTich).toBeGreaterThanOrEqual(0);
    expect(rawSheet.merges).toContainEqual({ s: { r: top, c: thanhTich }, e: { r: top, c: thanhTich + 1 } });
    expect(cellText(decoded.rows[bottom]?.[thanhTich])).toBe('Lĩnh vực');
    expect(cellText(decoded.rows[bottom]?.[thanhTich + 1])).toBe('Tóm tắt thành tích');
    const fieldAt = (col: number) => sheet.columns.find((x) => x.col === colLetters(col))?.field;
    expect(fieldAt(thanhTich)).toBe('linhVuc');
    expect(fieldAt(thanhTich + 1)).toBe('thanhTich');
    for (const f of ['ten', 'namSinh', 'chucVu', 'donViCongTac', 'ghiChu']) {
      expect(sheet.columns.map((x) => x.field)).toContain(f);
    }
    // the numbering row "(1) (2) (3)…" is not a nominee, nor are the section rows
    expect(cellText(rawSheet.rows[bottom + 1]?.[0])).toBe('(1)');
    expect(Math.min(...report.records.map((r) => r.r))).toBeGreaterThan(bottom + 1);
    // no "Loại" column: the type comes from "I. TẬP THỂ" / "II. CÁ NHÂN"
    expect(sheet.columns.map((x) => x.field)).not.toContain('loai');
    expect(new Set(report.records.map((r) => r.values['loai']))).toEqual(new Set(['Tập thể', 'Cá nhân']));
  });

  test('sheets named "Tập thể" and "Cá nhân" give the type of their rows', () => {
    const { report } = get('So NN&PTNT - DS dien hinh 2023.xlsx');
    expect(report.sheets.map((s) => [s.name, s.status])).toEqual([
      ['Tập thể', 'read'],
      ['Cá nhân', 'read'],
    ]);
    for (const s of report.sheets) expect(s.columns.map((c) => c.field)).not.toContain('loai');
    for (const r of report.records) expect(r.values['loai']).toBe(r.sheet);
    expect(report.records.filter((r) => r.sheet === 'Tập thể').length).toBeGreaterThan(0);
    expect(report.records.filter((r) => r.sheet === 'Cá nhân').length).toBeGreaterThan(0);
  });

  test('renamed headers (TT, Tên tập thể cá nhân, Chức danh, Cơ quan đơn vị, Thành tích nổi bật) are mapped', () => {
    const { report } = get('Giong cay trong HY - de nghi DHTT.xlsx');
    const cols = Object.fromEntries(report.sheets[0]!.columns.map((c) => [c.header, c.field]));
    expect(cols).toMatchObject({
      'Tên tập thể, cá nhân': 'ten',
      'Chức danh': 'chucVu',
      'Cơ quan, đơn vị': 'donViCongTac',
      'Thành tích nổi bật': 'thanhTich',
    });
  });

  test('.xls (BIFF8), .ods and .csv (UTF-8 BOM, semicolons) are read as such', () => {
    expect(get('So_Y_te_DS_dien_hinh.xls').raw.format).toBe('xls');
    expect(get('Phong_Quan_ly_chuyen_nganh.ods').raw.format).toBe('ods');
    const csv = get('Truong_Dai_hoc_SPKT_Hung_Yen.csv');
    expect(csv.raw.format).toBe('csv');
    expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.raw.delimiter).toBe(';');
    // an abbreviated field ("ĐMST") is read as the letter's field
    const huong = get('So_Y_te_DS_dien_hinh.xls').report.records.find(
      (r) => r.values['ten'] === 'Đỗ Thị Thanh Hương',
    );
    expect(huong?.values['linhVuc']).toBe('Khởi nghiệp, đổi mới sáng tạo');
  });

  test('the empty list: 0 rows, no error, the "no nominees" note', () => {
    const { report } = get('Phong_Quan_ly_chuyen_nganh.ods');
    expect(report.rows).toBe(0);
    expect(errorsOf(report)).toEqual([]);
    expect(report.sheets[0]?.status).toBe('no-nominees');
    const note = byCode(report, 'no-nominees');
    expect(note).toHaveLength(1);
    expect(note[0]?.message).toContain('Đơn vị không có tập thể, cá nhân đề nghị');
  });

  test('the errors a clerk must see are reported at their cells', () => {
    const { raw, report } = get('UBND_TX_My_Hao.xlsx');
    const sheet = raw.sheets[0]!;
    const errors = errorsOf(report);
    expect(errors).toHaveLength(3);
    const cellOf = (pred: (text: string, v: unknown) => boolean): string => {
      for (let r = 0; r < sheet.rows.length; r++) {
        const row = sheet.rows[r] ?? [];
        for (let c = 0; c < row.length; c++) if (pred(cellText(row[c]), row[c]?.v)) return a1(r, c);
      }
      throw new Error('cell not found');
    };
    const at = (field: string) => errors.find((e) => e.field === field);
    // a field of achievement outside the letter's list
    expect(at('linhVuc')?.cell).toBe(cellOf((t) => t === MY_HAO_ERRORS.linhVuc.value));
    expect(at('linhVuc')?.message).toContain(MY_HAO_ERRORS.linhVuc.value);
    // a year of birth with one digit too many
    expect(at('namSinh')?.cell).toBe(cellOf((_t, v) => v === MY_HAO_ERRORS.namSinh.value));
    expect(at('namSinh')?.message).toContain(String(MY_HAO_ERRORS.namSinh.value));
    // a required value left empty: Đơn vị công tác of an individual, on the row of that individual
    const tung = report.records.find((r) => r.values['ten'] === MY_HAO_ERRORS.donViCongTac.ten);
    const headerRow = report.sheets[0]!.headerRows[0]! - 1;
    const dvCol = (sheet.rows[headerRow] ?? []).findIndex((c) => cellText(c) === 'Đơn vị công tác');
    expect(tung).toBeDefined();
    expect(at('donViCongTac')?.cell).toBe(a1(tung!.r, dvCol));
    expect(cellText(sheet.rows[tung!.r]?.[dvCol])).toBe('');
    // every error sits on a nominee row of the list
    for (const e of errors) expect(report.records.some((r) => r.issues.includes(e))).toBe(true);
  });

  test('the broken file is unreadable-file, and nothing else', () => {
    const c = checked.get('tep_hong.xlsx')!;
    expect(c.raw).toBeNull();
    expect(c.readIssues.map((i) => [i.code, i.severity])).toEqual([['unreadable-file', 'error']]);
  });

  test('the same person proposed by two units, written with the other tone placement', () => {
    const [a, b] = CROSS_DUPLICATE.units.map((u) => sampleWhere((s) => s.unit === u && s.identifiable));
    const find = (s: Sample) =>
      get(s.file).report.records.filter(
        (r) => nameKey(String(r.values['ten'])) === nameKey(CROSS_DUPLICATE.name),
      );
    const ra = find(a!);
    const rb = find(b!);
    expect(ra).toHaveLength(1);
    expect(rb).toHaveLength(1);
    expect(ra[0]!.values['ten']).not.toBe(rb[0]!.values['ten']); // "Thủy" / "Thuỷ"
    expect(sameNominee(ra[0]!.values, rb[0]!.values)).toBe(true);
    // not a duplicate within either file: only the merge across units can tell
    for (const s of [a!, b!]) expect(byCode(get(s.file).report, 'duplicate-nominee')).toEqual([]);
  });

  test('the re-submission keeps the first list and adds to it, under another file name', () => {
    const files = SAMPLES.filter((s) => s.unit === 'Chi cục Tiêu chuẩn Đo lường Chất lượng');
    expect(files).toHaveLength(2);
    const [first, second] = files.map((s) => get(s.file).report);
    const names = (r: FileReport) => r.records.map((x) => nameKey(String(x.values['ten'])));
    expect(names(second!)).toEqual(expect.arrayContaining(names(first!)));
    expect(second!.rows).toBeGreaterThan(first!.rows);
    expect(files[0]!.file).not.toBe(files[1]!.file);
  });
});

describe('the sender of every sample file (identifyUnit on the header block, roster from samples/roster.csv)', () => {
  test('the roster has 49 units', () => {
    expect(roster.units).toHaveLength(49);
  });

  test.each(readable.map((s) => [s.file, s] as const))('%s', (_file, s) => {
    const m = checked.get(s.file)?.match;
    expect(m).toBeTruthy();
    if (s.identifiable) {
      expect(m?.unit?.name).toBe(s.unit);
      expect(m!.confidence).toBeGreaterThanOrEqual(UNIT_CONFIDENCE_THRESHOLD);
    } else {
      expect(m?.unit).toBeNull();
      expect(m!.confidence).toBeLessThan(UNIT_CONFIDENCE_THRESHOLD);
    }
  });

  test('only the unknown file (and the broken one) is left to the clerk', () => {
    const unknown = readable.filter((s) => checked.get(s.file)?.match?.unit == null);
    expect(unknown.map((s) => s.file)).toEqual([path.basename(demo.expect.unknownFile)]);
  });
});

describe('samples/demo.json agrees with the files, the roster and the deadline', () => {
  const inRoster = (name: string) => roster.units.some((u) => u.name === name);
  const fileOf = (p: string) => path.basename(p);

  test('the campaign: the letter of the Sở KH&CN Hưng Yên, deadline 20/5/2023', () => {
    expect(demo.deadline).toBe('2023-05-20');
    expect(demo.issuer).toBe('SỞ KHOA HỌC VÀ CÔNG NGHỆ');
    expect(demo.superior).toBe('UBND TỈNH HƯNG YÊN');
    expect(fs.existsSync(path.join(ROOT, demo.roster))).toBe(true);
    expect(demo.master).toMatch(/^samples\/out\/.+\.xlsx$/);
    expect(demo.letterNo).toMatch(/^\d+\/SKHCN-VP$/);
    expect(demo.letterDate < demo.deadline).toBe(true);
  });

  test('every file of every step exists; every sample is merged at least once; units named are in the roster', () => {
    const merged = new Set<string>();
    let previous = '';
    for (const step of demo.steps) {
      expect(step.received).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(step.received >= previous).toBe(true);
      previous = step.received;
      if (step.unit !== undefined) expect(inRoster(step.unit)).toBe(true);
      for (const f of step.files) {
        expect(fs.existsSync(path.join(ROOT, f))).toBe(true);
        merged.add(fileOf(f));
      }
    }
    expect([...merged].sort()).toEqual(SAMPLES.map((s) => s.file).sort());
  });

  test('on time, late, missing and the number of nominees follow from the steps as the engine reads them', () => {
    const first = new Map<string, string>();
    const current = new Map<string, FileReport>();
    for (const step of demo.steps) {
      for (const f of step.files) {
        const c = checked.get(fileOf(f))!;
        if (!c.report) continue; // unreadable: not merged
        const unit = step.unit ?? c.match?.unit?.name ?? null;
        if (!unit) continue; // unknown: not merged until the clerk names it
        if (!first.has(unit)) first.set(unit, step.received);
        current.set(unit, c.report);
      }
    }
    const late = [...first].map(([unit, d]) => ({ unit, ...lateness(d, demo.deadline) }));
    expect(new Set(demo.expect.onTime)).toEqual(new Set(late.filter((l) => !l.late).map((l) => l.unit)));
    expect(demo.expect.late).toEqual(
      late.filter((l) => l.late).map((l) => ({ unit: l.unit, daysLate: l.daysLate })),
    );
    for (const u of [...demo.expect.onTime, ...demo.expect.late.map((l) => l.unit)])
      expect(inRoster(u)).toBe(true);
    expect(demo.expect.missingCount).toBe(roster.units.length - first.size);
    expect(demo.expect.nominees).toBe([...current.values()].reduce((n, r) => n + r.rows, 0));
    // what the brief asks of the demo
    expect(demo.expect.missingCount).toBeGreaterThanOrEqual(35);
    expect(demo.expect.late.length).toBeGreaterThanOrEqual(2);
    expect(Object.values(Object.fromEntries(first))).toContain(demo.deadline); // deadline day, on time
  });

  test('the unknown file is not identified by itself and is merged with --unit', () => {
    const c = checked.get(fileOf(demo.expect.unknownFile))!;
    expect(c.report).not.toBeNull();
    expect(c.match?.unit).toBeNull();
    const named = demo.steps.find((s) => s.unit && s.files.includes(demo.expect.unknownFile));
    expect(named?.unit).toBe(sampleWhere((s) => s.file === fileOf(demo.expect.unknownFile)).unit);
  });

  test('the unreadable file is reported as such', () => {
    expect(demo.expect.unreadableFiles.length).toBeGreaterThan(0);
    for (const f of demo.expect.unreadableFiles) {
      expect(checked.get(fileOf(f))?.readIssues.map((i) => i.code)).toEqual(['unreadable-file']);
    }
  });

  test('the re-submission comes after the deadline, its unit stays on time', () => {
    expect(demo.expect.resubmissions.length).toBeGreaterThan(0);
    for (const r of demo.expect.resubmissions) {
      const sends = demo.steps.flatMap((s) =>
        s.files
          .filter((f) => (s.unit ?? checked.get(fileOf(f))?.match?.unit?.name) === r.unit)
          .map((f) => ({ f, received: s.received })),
      );
      expect(sends).toHaveLength(r.version);
      expect(sends[sends.length - 1]!.f).toBe(r.file);
      expect(new Set(sends.map((x) => fileOf(x.f))).size).toBe(sends.length); // different file names
      expect(sends[0]!.received <= demo.deadline).toBe(true);
      expect(sends[sends.length - 1]!.received > demo.deadline).toBe(true);
      expect(demo.expect.onTime).toContain(r.unit);
    }
  });

  test('the duplicate nominee and the errors are where demo.json says', () => {
    const d = demo.expect.duplicateNominee;
    expect(d.units).toHaveLength(2);
    for (const u of d.units) {
      expect(inRoster(u)).toBe(true);
      const s = sampleWhere((x) => x.unit === u);
      const names = get(s.file).report.records.map((r) => nameKey(String(r.values['ten'])));
      expect(names).toContain(nameKey(d.name));
    }
    for (const e of demo.expect.errorsIn) {
      const c = get(fileOf(e.file));
      expect(c.match?.unit?.name).toBe(e.unit);
      expect(errorsOf(c.report)).toHaveLength(e.errors);
    }
  });
});

describe('scripts/make-samples.ts', () => {
  test('the committed samples are exactly what the script writes (reproducible bytes)', async () => {
    const built = await buildSamples();
    for (const s of SAMPLES) {
      const onDisk = checked.get(s.file)!.bytes;
      const fresh = built.get(s.file);
      expect({ file: s.file, same: fresh !== undefined && onDisk.equals(fresh) }).toEqual({
        file: s.file,
        same: true,
      });
    }
    expect(fs.readFileSync(path.join(ROOT, 'samples', 'demo.json'), 'utf8')).toBe(
      JSON.stringify(demoJson(roster.units.length), null, 2) + '\n',
    );
  });
});
