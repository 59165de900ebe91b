import fc from 'fast-check';
import type {
  CampaignConfig,
  LogEntry,
  MasterModel,
  MasterRow,
  TrackerRow,
  TrackerStatus,
} from '../../../src/core/master/model';
import {
  buildReportSheet,
  reportTotals,
  letterLine,
  FIELD_UNKNOWN,
  GROUP_OTHER,
  GROUP_OUTSIDE,
  type ReportInput,
} from '../../../src/core/master/report-sheet';
import { computeTracker, trackerTotals } from '../../../src/core/master/tracker';
import type { CellPlan, SheetPlan } from '../../../src/core/plan/write-plan';
import { defaultSchema, LINH_VUC } from '../../../src/core/schema/default-schema';
import type { TableSchema } from '../../../src/core/schema/types';
import type { Roster } from '../../../src/core/units/roster';

// ---------------------------------------------------------------------------------------------------------
// Realistic campaign: 11 roster units in 3 groups (+ one without a group), one unit outside the roster.

const G_HUYEN = 'UBND huyện, thị xã, thành phố';
const G_SO = 'Sở, ban, ngành';
const G_TRUONG = 'Trường đại học, cao đẳng';

const CONFIG: CampaignConfig = {
  title: 'Danh sách giới thiệu điển hình tiên tiến năm 2023',
  letterNo: '512/SKHCN-VP',
  letterDate: '2023-05-05',
  deadline: '2023-05-20',
  deadlineDayCounts: true,
  timeZone: 'Asia/Ho_Chi_Minh',
  issuer: 'Sở Khoa học và Công nghệ',
  superior: 'UBND tỉnh Hưng Yên',
  place: 'Hưng Yên',
};

const ROSTER: Roster = {
  units: [
    { name: 'UBND huyện Văn Lâm', group: G_HUYEN, aliases: ['Văn Lâm'] },
    { name: 'Sở Y tế', group: G_SO, aliases: ['SYT'], contact: 'Trần Văn Hùng', phone: '0221 3862 317' },
    { name: 'UBND thị xã Mỹ Hào', group: G_HUYEN, aliases: ['TX Mỹ Hào'] },
    {
      name: 'UBND huyện Khoái Châu',
      group: G_HUYEN,
      aliases: [],
      contact: 'Phạm Thị Lan',
      phone: '0221 3910 123',
    },
    { name: 'UBND thành phố Hưng Yên', group: G_HUYEN, aliases: ['TP Hưng Yên'] },
    { name: 'Sở Nội vụ', group: G_SO, aliases: [] },
    { name: 'Sở Giáo dục và Đào tạo', group: G_SO, aliases: ['Sở GD&ĐT'] },
    { name: 'Sở Tài chính', group: G_SO, aliases: [], contact: 'Đỗ Minh Châu', phone: '0912 345 678' },
    { name: 'Trường Đại học Sư phạm Kỹ thuật Hưng Yên', group: G_TRUONG, aliases: ['ĐH SPKT Hưng Yên'] },
    { name: 'Trường Cao đẳng Y tế Hưng Yên', group: G_TRUONG, aliases: [] },
    { name: 'Hội Liên hiệp Phụ nữ tỉnh', aliases: [] },
  ],
};

const OUTSIDE = 'Công ty CP Dược phẩm Phố Hiến';

function tr(unit: string, status: TrackerStatus, o: Partial<TrackerRow> = {}): TrackerRow {
  const u = ROSTER.units.find((x) => x.name === unit);
  return {
    unit,
    group: u?.group ?? '',
    inRoster: !!u,
    status,
    daysLate: 0,
    received: status === 'missing' ? null : '2023-05-18',
    lastReceived: null,
    tapThe: 0,
    caNhan: 0,
    otherRows: 0,
    rows: 0,
    errors: 0,
    file: status === 'missing' ? '' : 'danh-sach.xlsx',
    timesSent: status === 'missing' ? 0 : 1,
    email: u?.email ?? '',
    contact: u?.contact ?? '',
    phone: u?.phone ?? '',
    ...o,
  };
}

const TRACKER: TrackerRow[] = [
  tr('UBND huyện Văn Lâm', 'on-time', { received: '2023-05-18' }),
  tr('Sở Y tế', 'late', { received: '2023-05-21', daysLate: 1 }),
  tr('UBND thị xã Mỹ Hào', 'late', { received: '2023-05-23', daysLate: 3 }),
  tr('UBND huyện Khoái Châu', 'missing'),
  tr('UBND thành phố Hưng Yên', 'on-time', { received: '2023-05-20' }),
  tr('Sở Nội vụ', 'missing'),
  tr('Sở Giáo dục và Đào tạo', 'on-time'),
  tr('Sở Tài chính', 'missing'),
  tr('Trường Đại học Sư phạm Kỹ thuật Hưng Yên', 'on-time', { received: '2023-05-19' }),
  tr('Trường Cao đẳng Y tế Hưng Yên', 'late', { received: '2023-05-27', daysLate: 7 }),
  tr('Hội Liên hiệp Phụ nữ tỉnh', 'on-time'),
  tr(OUTSIDE, 'on-time'),
];

const [QLNN, UNGDUNG, KHOINGHIEP, SHTT, TDC, CCHC, CUOCTHI] = LINH_VUC.map((l) => l.value);

let rowN = 0;
function row(unit: string, ten: string, loai: string | null, linhVuc: string | null): MasterRow {
  rowN++;
  return {
    key: `k|d|${rowN}`,
    unit,
    values: { ten, loai, linhVuc, thanhTich: 'Có nhiều đóng góp trong ứng dụng KH&CN.' },
    received: '2023-05-18',
    status: 'Hợp lệ',
    file: 'danh-sach.xlsx',
    source: `Danh sách!B${6 + rowN}`,
    check: [],
  };
}

const ROWS: MasterRow[] = [
  row('UBND huyện Văn Lâm', 'Nguyễn Thị Hoa', 'Cá nhân', UNGDUNG!),
  row('UBND huyện Văn Lâm', 'Hợp tác xã Nông nghiệp Lạc Hồng', 'Tập thể', KHOINGHIEP!),
  row('UBND huyện Văn Lâm', 'Trần Văn Nam', 'Cá nhân', 'Khởi nghiệp ĐMST'), // alias of KHOINGHIEP
  row('Sở Y tế', 'Lê Minh Tuấn', 'Cá nhân', 'Ứng dụng, chuyển giao tiến bộ khoa học và công nghệ'), // expanded form
  row('Sở Y tế', 'Khoa Hồi sức tích cực', 'Tập thể', CCHC!),
  row('UBND thị xã Mỹ Hào', 'Phòng Kinh tế thị xã Mỹ Hào', 'Tập thể', QLNN!),
  row('UBND thị xã Mỹ Hào', 'Vũ Thị Thu', 'Cá nhân', 'Nông nghiệp công nghệ cao'), // not a field of the letter
  row('UBND thành phố Hưng Yên', 'Đặng Quốc Khánh', 'Cá nhân', SHTT!),
  row('UBND thành phố Hưng Yên', '=HYPERLINK("x")', null, TDC!), // no type
  row('Sở Giáo dục và Đào tạo', 'Trường THPT chuyên Hưng Yên', 'Tập thể', CUOCTHI!),
  row('Sở Giáo dục và Đào tạo', 'Nguyễn Văn Bình', 'Cá nhân', CUOCTHI!),
  row('Trường Đại học Sư phạm Kỹ thuật Hưng Yên', 'Khoa Công nghệ thông tin', 'Tập thể', CUOCTHI!),
  row('Trường Đại học Sư phạm Kỹ thuật Hưng Yên', 'Phạm Văn Đức', 'Cá nhân', null), // no field
  row('Trường Cao đẳng Y tế Hưng Yên', 'Bùi Thị Mai', 'Cá nhân', UNGDUNG!),
  row('Hội Liên hiệp Phụ nữ tỉnh', 'Hội Phụ nữ xã Tân Quang', 'Tập thể', 'An sinh xã hội'),
  row(OUTSIDE, 'Ngô Thanh Sơn', 'Cá nhân', UNGDUNG!),
];

const TODAY = '2023-05-27';

function input(o: Partial<ReportInput> = {}): ReportInput {
  return {
    config: CONFIG,
    roster: ROSTER,
    tracker: TRACKER,
    rows: ROWS,
    schema: defaultSchema(),
    today: TODAY,
    ...o,
  };
}

// ---------------------------------------------------------------------------------------------------------
// Reading the plan

function findCell(plan: SheetPlan, text: string): CellPlan {
  const hits = (plan.cells ?? []).filter((c) => c.value === text);
  if (hits.length !== 1) throw new Error(`expected one cell “${text}”, found ${hits.length}`);
  return hits[0]!;
}

function findCellStarting(plan: SheetPlan, prefix: string): CellPlan[] {
  return (plan.cells ?? []).filter((c) => typeof c.value === 'string' && c.value.startsWith(prefix));
}

function at(plan: SheetPlan, r: number, c: number): CellPlan | undefined {
  return (plan.cells ?? []).find((x) => x.r === r && x.c === c);
}

/** Values of a plan row from column c0 to c1. */
function rowValues(plan: SheetPlan, r: number, c0: number, c1: number): unknown[] {
  const out: unknown[] = [];
  for (let c = c0; c <= c1; c++) out.push(at(plan, r, c)?.value);
  return out;
}

/** The text lines of a section (cells in column 0 after the heading up to the next blank row). */
function sectionLines(plan: SheetPlan, heading: string): string[] {
  const h = findCell(plan, heading);
  const out: string[] = [];
  for (let r = h.r + 1; ; r++) {
    const v = at(plan, r, 0)?.value;
    if (typeof v !== 'string') return out;
    out.push(v);
  }
}

// ---------------------------------------------------------------------------------------------------------

describe('reportTotals on a realistic campaign', () => {
  const t = reportTotals(input());

  test('groups in roster order, units without a group under "Khác", units outside the roster last', () => {
    expect(t.byGroup.map((g) => g.group)).toEqual([G_HUYEN, G_SO, G_TRUONG, GROUP_OTHER, GROUP_OUTSIDE]);
  });

  test('each group counts its units by status and its rows by type', () => {
    const huyen = t.byGroup.find((g) => g.group === G_HUYEN)!;
    expect(huyen).toMatchObject({
      units: 4,
      onTime: 2,
      late: 1,
      missing: 1,
      tapThe: 2,
      caNhan: 4,
      otherType: 1,
      rows: 7,
    });
    const so = t.byGroup.find((g) => g.group === G_SO)!;
    expect(so).toMatchObject({ units: 4, onTime: 1, late: 1, missing: 2, tapThe: 2, caNhan: 2, rows: 4 });
    const truong = t.byGroup.find((g) => g.group === G_TRUONG)!;
    expect(truong).toMatchObject({ units: 2, onTime: 1, late: 1, missing: 0, tapThe: 1, caNhan: 2, rows: 3 });
    expect(t.byGroup.find((g) => g.group === GROUP_OTHER)).toMatchObject({
      units: 1,
      onTime: 1,
      tapThe: 1,
      rows: 1,
    });
    expect(t.byGroup.find((g) => g.group === GROUP_OUTSIDE)).toMatchObject({
      units: 1,
      onTime: 1,
      caNhan: 1,
      rows: 1,
    });
  });

  test('group sums equal the grand totals, which match the tracker and the rows', () => {
    const sum = (k: 'units' | 'onTime' | 'late' | 'missing' | 'tapThe' | 'caNhan' | 'rows') =>
      t.byGroup.reduce((s, g) => s + g[k], 0);
    expect(t.grand).toMatchObject({
      units: 12,
      onTime: 6,
      late: 3,
      missing: 3,
      tapThe: 6,
      caNhan: 9,
      otherType: 1,
      rows: 16,
    });
    for (const k of ['units', 'onTime', 'late', 'missing', 'tapThe', 'caNhan', 'rows'] as const)
      expect(sum(k)).toBe(t.grand[k]);
    expect(t.byType).toEqual({ tapThe: 6, caNhan: 9, otherType: 1, rows: ROWS.length });
  });

  test('by field: schema order, aliases and expanded forms counted under their value, unknown values apart', () => {
    const f = t.byField!;
    expect(f.map((x) => x.label)).toEqual([...LINH_VUC.map((l) => l.value), FIELD_UNKNOWN]);
    const get = (label: string) => f.find((x) => x.label === label)!;
    expect(get(UNGDUNG!)).toMatchObject({ tapThe: 0, caNhan: 4, rows: 4 });
    expect(get(KHOINGHIEP!)).toMatchObject({ tapThe: 1, caNhan: 1, rows: 2 }); // "Khởi nghiệp ĐMST" included
    expect(get(CUOCTHI!)).toMatchObject({ tapThe: 2, caNhan: 1, rows: 3 });
    expect(get(TDC!)).toMatchObject({ tapThe: 0, caNhan: 0, otherType: 1, rows: 1 }); // row without a type
    expect(get(FIELD_UNKNOWN)).toMatchObject({ value: null, caNhan: 2, rows: 2 }); // "Nông nghiệp công nghệ cao", blank
    expect(f.reduce((s, x) => s + x.rows, 0)).toBe(ROWS.length);
  });

  test('late and missing lists name exactly the late and missing units, with days and contacts', () => {
    expect(t.late).toEqual([
      { unit: 'Sở Y tế', group: G_SO, received: '2023-05-21', daysLate: 1 },
      { unit: 'UBND thị xã Mỹ Hào', group: G_HUYEN, received: '2023-05-23', daysLate: 3 },
      { unit: 'Trường Cao đẳng Y tế Hưng Yên', group: G_TRUONG, received: '2023-05-27', daysLate: 7 },
    ]);
    expect(t.missing.map((m) => [m.unit, m.contact, m.phone])).toEqual([
      ['UBND huyện Khoái Châu', 'Phạm Thị Lan', '0221 3910 123'],
      ['Sở Nội vụ', '', ''],
      ['Sở Tài chính', 'Đỗ Minh Châu', '0912 345 678'],
    ]);
  });

  test('a contact missing from the tracker row is taken from the roster', () => {
    const tracker = TRACKER.map((x) => (x.unit === 'Sở Tài chính' ? { ...x, contact: '', phone: '' } : x));
    const m = reportTotals(input({ tracker })).missing.find((x) => x.unit === 'Sở Tài chính')!;
    expect([m.contact, m.phone]).toEqual(['Đỗ Minh Châu', '0912 345 678']);
  });

  test('no "Chưa xác định" row when every row has a known field', () => {
    const rows = ROWS.filter((r) => LINH_VUC.some((l) => l.value === r.values['linhVuc']));
    const f = reportTotals(input({ rows })).byField!;
    expect(f.map((x) => x.label)).not.toContain(FIELD_UNKNOWN);
    expect(f.reduce((s, x) => s + x.rows, 0)).toBe(rows.length);
  });

  test('a schema without linhVuc has no field totals', () => {
    const schema: TableSchema = { fields: defaultSchema().fields.filter((f) => f.name !== 'linhVuc') };
    expect(reportTotals(input({ schema })).byField).toBeNull();
  });
});

describe('buildReportSheet layout', () => {
  const plan = buildReportSheet(input());

  test('sheet, font and A4 landscape print setup with Decree 30 margins', () => {
    expect(plan.name).toBe('Báo cáo');
    expect(plan.font).toEqual({ name: 'Times New Roman', size: 13 });
    expect(plan.print).toEqual({
      paper: 'A4',
      orientation: 'landscape',
      fitToWidth: true,
      margins: { top: 2, bottom: 2, left: 3, right: 1.5 },
      centerHorizontally: true,
    });
  });

  test('columns fit between the margins of A4 landscape and every cell lies inside them', () => {
    const widths = plan.columnWidths!;
    // Excel column width → pixels with the default 7-pixel digit (Calibri 11): w * 7 + 5; 96 px per inch.
    const px = widths.reduce((s, w) => s + w * 7 + 5, 0);
    const printable = ((29.7 - 3 - 1.5) / 2.54) * 96;
    expect(px).toBeLessThanOrEqual(printable);
    for (const c of plan.cells!) expect(c.c + (c.merge?.cols ?? 1)).toBeLessThanOrEqual(widths.length);
  });

  test('no two cells share a position and merged areas hold no other value', () => {
    const cells = plan.cells!;
    const seen = new Set<string>();
    for (const c of cells) {
      const k = `${c.r},${c.c}`;
      expect(seen.has(k)).toBe(false);
      seen.add(k);
    }
    for (const m of cells.filter((c) => c.merge)) {
      for (const o of cells) {
        if (o === m) continue;
        const inside = o.r >= m.r && o.r < m.r + m.merge!.rows && o.c >= m.c && o.c < m.c + m.merge!.cols;
        if (inside) expect(o.value).toBeNull();
      }
    }
  });

  test('header block: superior over issuer at left, national name and motto at right, date line in italics', () => {
    const sup = findCell(plan, 'UBND TỈNH HƯNG YÊN');
    const iss = findCell(plan, 'SỞ KHOA HỌC VÀ CÔNG NGHỆ');
    expect([sup.r, sup.c, iss.r, iss.c]).toEqual([0, 0, 1, 0]);
    expect(iss.bold).toBe(true);
    expect(sup.merge).toEqual(iss.merge);
    const nat = findCell(plan, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    const motto = findCell(plan, 'Độc lập - Tự do - Hạnh phúc');
    expect([nat.r, motto.r]).toEqual([0, 1]);
    expect(nat.c).toBeGreaterThanOrEqual(sup.c + sup.merge!.cols);
    expect(nat.bold && motto.bold).toBe(true);
    const date = findCell(plan, 'Hưng Yên, ngày 27 tháng 5 năm 2023');
    expect(date.italic).toBe(true);
    expect(date.c).toBe(nat.c);
    expect(date.r).toBeGreaterThan(motto.r);
  });

  test('title, campaign title and letter line, bold and centred across the page', () => {
    const full = plan.columnWidths!.length;
    const title = findCell(plan, 'BÁO CÁO TỔNG HỢP');
    const camp = findCell(plan, CONFIG.title);
    const letter = findCell(plan, '(Theo Công văn số 512/SKHCN-VP ngày 05/05/2023; hạn nộp 20/05/2023)');
    expect([title.bold, camp.bold, title.align, camp.align]).toEqual([true, true, 'center', 'center']);
    expect([title.merge?.cols, camp.merge?.cols, letter.merge?.cols]).toEqual([full, full, full]);
    expect([camp.r, letter.r]).toEqual([title.r + 1, title.r + 2]);
    expect(findCell(plan, 'I. TÌNH HÌNH GỬI DANH SÁCH').r).toBeGreaterThan(letter.r);
  });

  test('section I: one bordered row per group with numbers, and a bold total row equal to the grand totals', () => {
    const head = findCell(plan, 'Nhóm đơn vị');
    const headers = rowValues(plan, head.r, 2, 8);
    expect(headers).toEqual([
      'Số đơn vị',
      'Đã nộp đúng hạn',
      'Nộp trễ hạn',
      'Chưa nộp',
      'Tập thể',
      'Cá nhân',
      'Tổng số',
    ]);
    const names = [G_HUYEN, G_SO, G_TRUONG, GROUP_OTHER, GROUP_OUTSIDE];
    names.forEach((n, i) => expect(at(plan, head.r + 1 + i, 0)?.value).toBe(n));
    expect(rowValues(plan, head.r + 1, 2, 8)).toEqual([4, 2, 1, 1, 2, 4, 7]);
    expect(rowValues(plan, head.r + 5, 2, 8)).toEqual([1, 1, 0, 0, 0, 1, 1]);
  });

  test('section I total row and every number cell is a number with a border', () => {
    const head = findCell(plan, 'Nhóm đơn vị');
    const totals = (plan.cells ?? []).filter((c) => c.value === 'Tổng cộng');
    const first = totals.find((c) => c.r > head.r)!;
    expect(first.r).toBe(head.r + 6);
    expect(first.bold).toBe(true);
    const nums = rowValues(plan, first.r, 2, 8);
    expect(nums).toEqual([12, 6, 3, 3, 6, 9, 16]);
    for (let r = head.r; r <= first.r; r++) {
      for (let c = 0; c <= 8; c++) expect(at(plan, r, c)?.border).toBe(true);
      if (r > head.r) for (let c = 2; c <= 8; c++) expect(typeof at(plan, r, c)?.value).toBe('number');
    }
  });

  test('section II: a row per field of the schema, "Chưa xác định", and a total equal to the number of rows', () => {
    const head = findCell(plan, 'Lĩnh vực');
    expect(rowValues(plan, head.r, 0, 4)).toEqual(['STT', 'Lĩnh vực', 'Tập thể', 'Cá nhân', 'Tổng số']);
    const labels = [...LINH_VUC.map((l) => l.value), FIELD_UNKNOWN, 'Tổng cộng'];
    labels.forEach((l, i) => expect(at(plan, head.r + 1 + i, 1)?.value).toBe(l));
    expect(rowValues(plan, head.r + 1, 0, 0)).toEqual([1]);
    const unknown = head.r + 1 + LINH_VUC.length;
    expect(rowValues(plan, unknown, 2, 4)).toEqual([0, 2, 2]);
    expect(rowValues(plan, unknown + 1, 2, 4)).toEqual([6, 9, ROWS.length]);
    expect(at(plan, unknown + 1, 1)?.bold).toBe(true);
  });

  test('section III lists the late units with date and days; section IV the missing ones with contacts', () => {
    expect(sectionLines(plan, 'III. ĐƠN VỊ NỘP TRỄ HẠN')).toEqual([
      '1. Sở Y tế — nộp ngày 21/05/2023, trễ 1 ngày',
      '2. UBND thị xã Mỹ Hào — nộp ngày 23/05/2023, trễ 3 ngày',
      '3. Trường Cao đẳng Y tế Hưng Yên — nộp ngày 27/05/2023, trễ 7 ngày',
    ]);
    expect(sectionLines(plan, 'IV. ĐƠN VỊ CHƯA NỘP')).toEqual([
      '1. UBND huyện Khoái Châu — Người liên hệ: Phạm Thị Lan, ĐT: 0221 3910 123',
      '2. Sở Nội vụ',
      '3. Sở Tài chính — Người liên hệ: Đỗ Minh Châu, ĐT: 0912 345 678',
    ]);
  });

  test('signature area at right below the lists', () => {
    const sig = findCell(plan, 'NGƯỜI LẬP BIỂU');
    expect(sig.bold).toBe(true);
    expect(sig.c).toBe(findCell(plan, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM').c);
    expect(sig.r).toBeGreaterThan(findCell(plan, 'IV. ĐƠN VỊ CHƯA NỘP').r + 3);
  });

  test('"Không có." when nobody is late or missing', () => {
    const tracker = TRACKER.map((x) => ({
      ...x,
      status: 'on-time' as const,
      daysLate: 0,
      received: '2023-05-19',
    }));
    const p = buildReportSheet(input({ tracker }));
    expect(sectionLines(p, 'III. ĐƠN VỊ NỘP TRỄ HẠN')).toEqual(['Không có.']);
    expect(sectionLines(p, 'IV. ĐƠN VỊ CHƯA NỘP')).toEqual(['Không có.']);
  });

  test('without a linhVuc field, section II says so in one line', () => {
    const schema: TableSchema = { fields: defaultSchema().fields.filter((f) => f.name !== 'linhVuc') };
    const p = buildReportSheet(input({ schema }));
    expect(findCellStarting(p, 'STT')).toHaveLength(0);
    const lines = sectionLines(p, 'II. SỐ LƯỢNG ĐỀ NGHỊ THEO LĨNH VỰC');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/Lĩnh vực/);
  });

  test('the letter line leaves out what is empty', () => {
    expect(letterLine({ ...CONFIG, letterNo: '', letterDate: null })).toBe('(Hạn nộp 20/05/2023)');
    expect(letterLine({ ...CONFIG, letterDate: null })).toBe(
      '(Theo Công văn số 512/SKHCN-VP; hạn nộp 20/05/2023)',
    );
    expect(letterLine({ ...CONFIG, letterNo: '' })).toBe(
      '(Theo Công văn ngày 05/05/2023; hạn nộp 20/05/2023)',
    );
    const p = buildReportSheet(input({ config: { ...CONFIG, letterNo: '', letterDate: null } }));
    expect(findCellStarting(p, '(Theo Công văn')).toHaveLength(0);
    findCell(p, '(Hạn nộp 20/05/2023)');
  });

  test('text that looks like a formula stays the same string', () => {
    const f = '=HYPERLINK("x")';
    const roster: Roster = { units: [{ name: 'Sở Tư pháp', group: f, aliases: [] }] };
    const tracker: TrackerRow[] = [
      { ...tr('Sở Tư pháp', 'on-time'), group: f, inRoster: true },
      { ...tr(f, 'late', { received: '2023-05-22', daysLate: 2 }), inRoster: false },
    ];
    const schema: TableSchema = {
      fields: defaultSchema().fields.map((d) =>
        d.name === 'linhVuc' ? { name: 'linhVuc', type: 'string' } : d,
      ),
    };
    const rows = [row('Sở Tư pháp', 'Lê Văn Phúc', 'Cá nhân', '=SUM(A1:A3)'), row(f, f, 'Tập thể', '@cmd')];
    const p = buildReportSheet(input({ roster, tracker, rows, schema }));
    expect(findCell(p, f).c).toBe(0); // the group name
    findCell(p, '=SUM(A1:A3)');
    findCell(p, '@cmd');
    expect(sectionLines(p, 'III. ĐƠN VỊ NỘP TRỄ HẠN')).toEqual([`1. ${f} — nộp ngày 22/05/2023, trễ 2 ngày`]);
  });
});

describe('report agrees with Theo dõi built from a merge log', () => {
  test('tracker totals and report totals match', () => {
    const entry = (unit: string, received: string, n: number): LogEntry => ({
      time: `${received} 09:00:00`,
      file: `${unit}.xlsx`,
      unit,
      version: n,
      action: n > 0 ? (n === 1 ? 'merged' : 'replaced') : 'not-merged',
      received,
      receivedFrom: 'given',
      rows: 2,
      added: 2,
      replaced: 0,
      removed: 0,
      errors: 0,
      digest: `${unit}-${n}`,
      note: '',
    });
    const model: MasterModel = {
      config: CONFIG,
      roster: ROSTER,
      schema: defaultSchema(),
      rows: ROWS,
      issues: [],
      log: [
        entry('UBND huyện Văn Lâm', '2023-05-18', 1),
        entry('Sở Y tế', '2023-05-21', 1),
        entry('UBND thị xã Mỹ Hào', '2023-05-23', 1),
        entry('UBND thành phố Hưng Yên', '2023-05-20', 1),
        entry('Sở Giáo dục và Đào tạo', '2023-05-15', 1),
        entry('Trường Đại học Sư phạm Kỹ thuật Hưng Yên', '2023-05-19', 1),
        entry('Trường Cao đẳng Y tế Hưng Yên', '2023-05-27', 1),
        entry('Hội Liên hiệp Phụ nữ tỉnh', '2023-05-16', 1),
        entry(OUTSIDE, '2023-05-17', 1),
        entry('Sở Nội vụ', '2023-05-24', 0), // refused: still missing
      ],
    };
    const tracker = computeTracker(model);
    const t = reportTotals({ roster: ROSTER, tracker, rows: ROWS, schema: model.schema });
    const tt = trackerTotals(tracker);
    expect(t.grand).toMatchObject({
      units: tt.units,
      onTime: tt.onTime,
      late: tt.late,
      missing: tt.missing,
      tapThe: tt.tapThe,
      caNhan: tt.caNhan,
      rows: tt.rows,
    });
    expect(t.late.map((l) => [l.unit, l.daysLate])).toEqual([
      ['Sở Y tế', 1],
      ['UBND thị xã Mỹ Hào', 3],
      ['Trường Cao đẳng Y tế Hưng Yên', 7],
    ]);
    expect(t.missing.map((m) => m.unit)).toEqual(['UBND huyện Khoái Châu', 'Sở Nội vụ', 'Sở Tài chính']);
    // per unit, the group's row counts are the sum of Theo dõi's counts of its units
    for (const g of t.byGroup) {
      const units = tracker.filter((x) =>
        x.inRoster ? (x.group || GROUP_OTHER) === g.group : g.group === GROUP_OUTSIDE,
      );
      expect(g.rows).toBe(units.reduce((s, x) => s + x.rows, 0));
      expect(g.tapThe).toBe(units.reduce((s, x) => s + x.tapThe, 0));
    }
  });
});

// ---------------------------------------------------------------------------------------------------------
// Property: totals stay consistent on random campaigns

const GROUPS = [G_HUYEN, G_SO, G_TRUONG, undefined];
const LOAI = ['Tập thể', 'Cá nhân', ' cá nhân ', '', null, 'Khác'];
const FIELDS = [...LINH_VUC.map((l) => l.value), 'KH&CN', 'ĐMST', 'Nông nghiệp', '', null];

const campaign = fc
  .record({
    units: fc.uniqueArray(
      fc.record({
        name: fc.constantFrom(...ROSTER.units.map((u) => u.name), OUTSIDE, 'Ban Quản lý các khu công nghiệp'),
        group: fc.constantFrom(...GROUPS),
        status: fc.constantFrom<TrackerStatus>('on-time', 'late', 'missing'),
        days: fc.integer({ min: 1, max: 30 }),
        inRoster: fc.boolean(),
      }),
      { selector: (u) => u.name, maxLength: 13 },
    ),
    rows: fc.array(
      fc.record({
        unitIndex: fc.nat(),
        loai: fc.constantFrom(...LOAI),
        linhVuc: fc.constantFrom(...FIELDS),
      }),
      { maxLength: 60 },
    ),
  })
  .map(({ units, rows }) => {
    const roster: Roster = {
      units: units.filter((u) => u.inRoster).map((u) => ({ name: u.name, group: u.group, aliases: [] })),
    };
    const tracker: TrackerRow[] = units.map((u) => ({
      ...tr(u.name, u.status, u.status === 'late' ? { daysLate: u.days, received: '2023-05-25' } : {}),
      group: u.inRoster ? (u.group ?? '') : '',
      inRoster: u.inRoster,
    }));
    const names = [...units.map((u) => u.name), 'Đơn vị nhập tay'];
    const master = rows.map((r) =>
      row(names[r.unitIndex % names.length]!, 'Nguyễn Văn A', r.loai, r.linhVuc),
    );
    return { roster, tracker, rows: master };
  });

describe('property: totals are consistent', () => {
  test('groups sum to the grand totals; fields and types sum to the rows; lists match statuses', () => {
    fc.assert(
      fc.property(campaign, ({ roster, tracker, rows }) => {
        const t = reportTotals({ roster, tracker, rows, schema: defaultSchema() });
        const sum = (
          k: 'units' | 'onTime' | 'late' | 'missing' | 'tapThe' | 'caNhan' | 'otherType' | 'rows',
        ) => t.byGroup.reduce((s, g) => s + g[k], 0);
        expect(sum('units')).toBe(tracker.length);
        expect(sum('onTime')).toBe(tracker.filter((x) => x.status === 'on-time').length);
        expect(sum('late')).toBe(tracker.filter((x) => x.status === 'late').length);
        expect(sum('missing')).toBe(tracker.filter((x) => x.status === 'missing').length);
        expect(sum('rows')).toBe(rows.length);
        for (const k of [
          'units',
          'onTime',
          'late',
          'missing',
          'tapThe',
          'caNhan',
          'otherType',
          'rows',
        ] as const) {
          expect(sum(k)).toBe(t.grand[k]);
        }
        for (const g of t.byGroup) {
          expect(g.onTime + g.late + g.missing).toBe(g.units);
          expect(g.tapThe + g.caNhan + g.otherType).toBe(g.rows);
        }
        const typed = (s: string) =>
          rows.filter(
            (r) =>
              typeof r.values['loai'] === 'string' && (r.values['loai'] as string).trim().toLowerCase() === s,
          ).length;
        expect(t.byType.tapThe).toBe(typed('tập thể'));
        expect(t.byType.caNhan).toBe(typed('cá nhân'));
        expect(t.byField!.reduce((s, f) => s + f.rows, 0)).toBe(rows.length);
        expect(t.byField!.reduce((s, f) => s + f.tapThe, 0)).toBe(t.byType.tapThe);
        expect(t.byField!.reduce((s, f) => s + f.caNhan, 0)).toBe(t.byType.caNhan);
        // exact values under themselves, the alias ĐMST under Khởi nghiệp, anything else under Chưa xác định
        const count = (pred: (v: unknown) => boolean) => rows.filter((r) => pred(r.values['linhVuc'])).length;
        for (const f of t.byField!.filter((x) => x.value !== null)) {
          const alias = f.value === KHOINGHIEP ? count((v) => v === 'ĐMST') : 0;
          expect(f.rows).toBe(count((v) => v === f.value) + alias);
        }
        const unknown = count((v) => v === null || v === '' || v === 'KH&CN' || v === 'Nông nghiệp');
        expect(t.byField!.find((f) => f.value === null)?.rows ?? 0).toBe(unknown);
        expect(t.byField!.some((f) => f.value === null)).toBe(unknown > 0);
        expect(t.late.map((l) => l.unit)).toEqual(
          tracker.filter((x) => x.status === 'late').map((x) => x.unit),
        );
        expect(t.missing.map((l) => l.unit)).toEqual(
          tracker.filter((x) => x.status === 'missing').map((x) => x.unit),
        );

        // the sheet shows the same grand totals in its "Tổng cộng" rows and one list line per late/missing unit
        const plan = buildReportSheet({
          config: CONFIG,
          roster,
          tracker,
          rows,
          schema: defaultSchema(),
          today: TODAY,
        });
        const totalsRows = plan.cells!.filter((c) => c.value === 'Tổng cộng').map((c) => c.r);
        expect(rowValues(plan, totalsRows[0]!, 2, 8)).toEqual([
          t.grand.units,
          t.grand.onTime,
          t.grand.late,
          t.grand.missing,
          t.grand.tapThe,
          t.grand.caNhan,
          t.grand.rows,
        ]);
        expect(rowValues(plan, totalsRows[1]!, 2, 4)).toEqual([
          t.byType.tapThe,
          t.byType.caNhan,
          rows.length,
        ]);
        const late = sectionLines(plan, 'III. ĐƠN VỊ NỘP TRỄ HẠN');
        expect(late.length).toBe(Math.max(1, t.late.length));
        const missing = sectionLines(plan, 'IV. ĐƠN VỊ CHƯA NỘP');
        expect(missing.length).toBe(Math.max(1, t.missing.length));
      }),
      { numRuns: 200 },
    );
  });
});
