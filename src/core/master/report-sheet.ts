/**
 * Báo cáo: the leadership summary of the master workbook (GUIDE §3), print-ready on A4 landscape in the
 * manner of Decree 30/2020/NĐ-CP — header block, title, four sections (sending by unit group, nominations by
 * field of achievement, late units, missing units) and a signature area.
 *
 * Two pure functions: reportTotals() computes the figures as plain data (for the command line, JSON and
 * tests); buildReportSheet() lays them out as free-form cells. Text that came from submissions or the roster
 * (unit names, groups, field values) is written as plain string values, never as formulas.
 */
import { formatViDate, isIsoDate, viDateLine, type IsoDate } from '../campaign/deadline';
import type { CellValue } from '../grid';
import type { CellPlan, PrintPlan, SheetPlan } from '../plan/write-plan';
import type { FieldDef, TableSchema } from '../schema/types';
import { nameKey } from '../text/key';
import type { Roster, RosterUnit } from '../units/roster';
import { enumKey } from '../validate/enum-match';
import { SHEETS, type CampaignConfig, type MasterRow, type TrackerRow } from './model';
import { unitKey } from './row-key';
import { typeOf } from './tracker';

export interface ReportInput {
  config: CampaignConfig;
  roster: Roster;
  tracker: TrackerRow[];
  rows: MasterRow[];
  schema: TableSchema;
  /** Date of the report (the date line). */
  today: IsoDate;
}

export type ReportTotalsInput = Pick<ReportInput, 'roster' | 'tracker' | 'rows' | 'schema'>;

/** Name of the field of achievement in the schema. */
export const LINH_VUC_FIELD = 'linhVuc';
/** Label of units without a group in the roster. */
export const GROUP_OTHER = 'Khác';
/** Label of units that are not in the roster. */
export const GROUP_OUTSIDE = 'Ngoài danh sách';
/** Label of rows with no or an unknown field of achievement. */
export const FIELD_UNKNOWN = 'Chưa xác định';

export interface GroupTotals {
  /** Group name as the roster writes it, or "Khác" / "Ngoài danh sách". */
  group: string;
  kind: 'roster' | 'other' | 'outside';
  units: number;
  onTime: number;
  late: number;
  missing: number;
  tapThe: number;
  caNhan: number;
  /** Rows whose type is neither Tập thể nor Cá nhân (counted in `rows` only). */
  otherType: number;
  rows: number;
}

export interface FieldTotals {
  /** The field value (schema enum order), or null for "Chưa xác định". */
  value: string | null;
  label: string;
  tapThe: number;
  caNhan: number;
  otherType: number;
  rows: number;
}

export interface TypeTotals {
  tapThe: number;
  caNhan: number;
  otherType: number;
  rows: number;
}

export interface LateUnit {
  unit: string;
  group: string;
  received: IsoDate | null;
  daysLate: number;
}

export interface MissingUnit {
  unit: string;
  group: string;
  contact: string;
  phone: string;
  email: string;
}

export interface GrandTotals extends TypeTotals {
  units: number;
  onTime: number;
  late: number;
  missing: number;
}

export interface ReportTotals {
  byGroup: GroupTotals[];
  byType: TypeTotals;
  /** One entry per field value, then "Chưa xác định" when any; null when the schema has no linhVuc field. */
  byField: FieldTotals[] | null;
  late: LateUnit[];
  missing: MissingUnit[];
  grand: GrandTotals;
}

// ---------------------------------------------------------------------------------------------------------
// Totals

type RowType = 'tapThe' | 'caNhan' | 'otherType';

/** The row's type from values.loai, counted as Theo dõi counts it. */
function rowType(v: CellValue | undefined): RowType {
  return typeOf(v) ?? 'otherType';
}

function clean(s: string | undefined): string {
  return (s ?? '').normalize('NFC').replace(/\s+/g, ' ').trim();
}

function emptyGroup(group: string, kind: GroupTotals['kind']): GroupTotals {
  return {
    group,
    kind,
    units: 0,
    onTime: 0,
    late: 0,
    missing: 0,
    tapThe: 0,
    caNhan: 0,
    otherType: 0,
    rows: 0,
  };
}

/** Group buckets: roster groups in order of first appearance, then "Khác", then "Ngoài danh sách". */
class Groups {
  private readonly byKey = new Map<string, GroupTotals>();
  private readonly named: GroupTotals[] = [];
  private other: GroupTotals | null = null;
  private outside: GroupTotals | null = null;

  /** The bucket of a group name of a roster unit ("" → Khác). */
  rosterGroup(name: string | undefined): GroupTotals {
    const label = clean(name);
    const key = nameKey(label);
    if (!key) return (this.other ??= emptyGroup(GROUP_OTHER, 'other'));
    let g = this.byKey.get(key);
    if (!g) {
      g = emptyGroup(label, 'roster');
      this.byKey.set(key, g);
      this.named.push(g);
    }
    return g;
  }

  outsideGroup(): GroupTotals {
    return (this.outside ??= emptyGroup(GROUP_OUTSIDE, 'outside'));
  }

  list(): GroupTotals[] {
    const out = [...this.named];
    if (this.other) out.push(this.other);
    if (this.outside) out.push(this.outside);
    return out;
  }
}

function linhVucField(schema: TableSchema): FieldDef | undefined {
  return schema.fields.find((f) => f.name === LINH_VUC_FIELD);
}

/**
 * Classifies a field-of-achievement value: the schema's enum values (and their aliases, compared on the
 * enum key: "KH&CN" = "khoa học và công nghệ") in schema order; without an enum, the distinct values in the
 * order they appear. Only exact key matches count: an unknown value is "Chưa xác định", never a guess.
 */
function fieldClassifier(field: FieldDef): {
  values: string[];
  classify: (v: CellValue | undefined) => string | null;
} {
  const values = [...(field.constraints?.enum ?? [])];
  if (values.length === 0) {
    const seen = new Map<string, string>();
    return {
      values,
      classify(v) {
        const text = typeof v === 'string' ? clean(v) : typeof v === 'number' ? String(v) : '';
        const key = nameKey(text);
        if (!key) return null;
        let canonical = seen.get(key);
        if (canonical === undefined) {
          canonical = text;
          seen.set(key, canonical);
          values.push(canonical);
        }
        return canonical;
      },
    };
  }
  const byKey = new Map<string, string | null>();
  const add = (value: string, text: string) => {
    const k = enumKey(text);
    if (!k) return;
    const prev = byKey.get(k);
    byKey.set(k, prev === undefined || prev === value ? value : null); // a key of two values identifies neither
  };
  for (const v of values) add(v, v);
  for (const v of values) for (const a of field.enumAliases?.[v] ?? []) add(v, a);
  return {
    values,
    classify(v) {
      if (typeof v !== 'string') return null;
      const t = v.normalize('NFC').trim();
      if (values.includes(t)) return t;
      return byKey.get(enumKey(t)) ?? null;
    },
  };
}

/** The figures of the report, as plain data. */
export function reportTotals(input: ReportTotalsInput): ReportTotals {
  const { roster, tracker, rows, schema } = input;
  const groups = new Groups();
  const rosterByKey = new Map<string, RosterUnit>();
  for (const u of roster.units) {
    groups.rosterGroup(u.group); // fixes the roster order of groups
    const k = unitKey(u.name);
    if (!rosterByKey.has(k)) rosterByKey.set(k, u);
  }

  const grand: GrandTotals = {
    units: 0,
    onTime: 0,
    late: 0,
    missing: 0,
    tapThe: 0,
    caNhan: 0,
    otherType: 0,
    rows: 0,
  };
  const late: LateUnit[] = [];
  const missing: MissingUnit[] = [];
  /** unit key → its group bucket. */
  const unitGroup = new Map<string, GroupTotals>();

  for (const t of tracker) {
    const k = unitKey(t.unit);
    const inRoster = rosterByKey.get(k);
    const g = t.inRoster ? groups.rosterGroup(clean(t.group) || inRoster?.group) : groups.outsideGroup();
    if (!unitGroup.has(k)) unitGroup.set(k, g);
    g.units++;
    grand.units++;
    const label = t.inRoster ? g.group : GROUP_OUTSIDE;
    if (t.status === 'on-time') {
      g.onTime++;
      grand.onTime++;
    } else if (t.status === 'late') {
      g.late++;
      grand.late++;
      late.push({ unit: t.unit, group: label, received: t.received, daysLate: t.daysLate });
    } else {
      g.missing++;
      grand.missing++;
      missing.push({
        unit: t.unit,
        group: label,
        contact: clean(t.contact) || clean(inRoster?.contact),
        phone: clean(t.phone) || clean(inRoster?.phone),
        email: clean(t.email) || clean(inRoster?.email),
      });
    }
  }

  const field = linhVucField(schema);
  const classifier = field ? fieldClassifier(field) : null;
  const fieldCounts = new Map<string | null, TypeTotals>();
  const byType: TypeTotals = { tapThe: 0, caNhan: 0, otherType: 0, rows: 0 };

  for (const row of rows) {
    const k = unitKey(row.unit);
    let g = unitGroup.get(k);
    if (!g) {
      // a row of a unit the tracker does not list (added by hand): its roster group, else outside the roster
      const u = rosterByKey.get(k);
      g = u ? groups.rosterGroup(u.group) : groups.outsideGroup();
      unitGroup.set(k, g);
    }
    const type = rowType(row.values['loai']);
    g[type]++;
    g.rows++;
    byType[type]++;
    byType.rows++;
    if (classifier) {
      const value = classifier.classify(row.values[LINH_VUC_FIELD]);
      let c = fieldCounts.get(value);
      if (!c) fieldCounts.set(value, (c = { tapThe: 0, caNhan: 0, otherType: 0, rows: 0 }));
      c[type]++;
      c.rows++;
    }
  }
  grand.tapThe = byType.tapThe;
  grand.caNhan = byType.caNhan;
  grand.otherType = byType.otherType;
  grand.rows = byType.rows;

  let byField: FieldTotals[] | null = null;
  if (classifier) {
    const zero: TypeTotals = { tapThe: 0, caNhan: 0, otherType: 0, rows: 0 };
    byField = classifier.values.map((value) => ({
      value,
      label: value,
      ...(fieldCounts.get(value) ?? zero),
    }));
    const unknown = fieldCounts.get(null);
    if (unknown) byField.push({ value: null, label: FIELD_UNKNOWN, ...unknown });
  }

  return { byGroup: groups.list(), byType, byField, late, missing, grand };
}

// ---------------------------------------------------------------------------------------------------------
// Layout

export const REPORT_FONT = { name: 'Times New Roman', size: 13 } as const;

/** Decree 30/2020 margins for A4, in centimetres. */
export const REPORT_PRINT: PrintPlan = {
  paper: 'A4',
  orientation: 'landscape',
  fitToWidth: true,
  margins: { top: 2, bottom: 2, left: 3, right: 1.5 },
  centerHorizontally: true,
};

/**
 * Nine columns: a narrow STT column, a wide name column, seven number columns. About 114 character
 * widths, inside the 25.2 cm between the margins of A4 landscape; fitToWidth covers a wider default font.
 */
const WIDTHS = [6, 38, 10, 10, 10, 10, 10, 10, 10];
/** Header block: left part over columns 0–2, right part over columns 3–8. */
const LEFT = { c: 0, cols: 3 };
const RIGHT = { c: 3, cols: WIDTHS.length - 3 };

export const NATIONAL_NAME = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
export const NATIONAL_MOTTO = 'Độc lập - Tự do - Hạnh phúc';

type Style = Omit<CellPlan, 'r' | 'c' | 'value'>;

class Cells {
  readonly list: CellPlan[] = [];
  row = 0;

  put(r: number, c: number, value: CellPlan['value'], style: Style = {}): void {
    this.list.push({ r, c, value, ...style });
  }

  /** A bordered cell; when merged, the covered cells get the border too, whatever writer applies it. */
  boxed(r: number, c: number, value: CellPlan['value'], style: Style = {}): void {
    this.put(r, c, value, { ...style, border: true });
    const m = style.merge;
    if (!m) return;
    for (let dr = 0; dr < m.rows; dr++) {
      for (let dc = 0; dc < m.cols; dc++) if (dr || dc) this.put(r + dr, c + dc, null, { border: true });
    }
  }

  /** A centred line across the whole width (merged). */
  centred(value: string, style: Style = {}): void {
    this.put(this.row++, 0, value, { merge: { rows: 1, cols: WIDTHS.length }, align: 'center', ...style });
  }

  /** A left-aligned line from the first column; unmerged and unwrapped, the text runs over the empty cells. */
  text(value: string, style: Style = {}): void {
    this.put(this.row++, 0, value, { align: 'left', ...style });
  }
}

function upper(s: string): string {
  return clean(s).toUpperCase();
}

/** "(Theo Công văn số 512/SKHCN-VP ngày 05/05/2023; hạn nộp 20/05/2023)", leaving out what is empty. */
export function letterLine(config: CampaignConfig): string {
  const no = clean(config.letterNo);
  const date = config.letterDate && isIsoDate(config.letterDate) ? formatViDate(config.letterDate) : '';
  const deadline = config.deadline && isIsoDate(config.deadline) ? formatViDate(config.deadline) : '';
  const parts: string[] = [];
  if (no || date)
    parts.push(['Theo Công văn', no ? `số ${no}` : '', date ? `ngày ${date}` : ''].filter(Boolean).join(' '));
  if (deadline) parts.push(parts.length ? `hạn nộp ${deadline}` : `Hạn nộp ${deadline}`);
  return parts.length ? `(${parts.join('; ')})` : '';
}

function lateLine(n: number, u: LateUnit): string {
  const parts: string[] = [];
  if (u.received && isIsoDate(u.received)) parts.push(`nộp ngày ${formatViDate(u.received)}`);
  parts.push(`trễ ${u.daysLate} ngày`);
  return `${n}. ${u.unit} — ${parts.join(', ')}`;
}

function missingLine(n: number, u: MissingUnit): string {
  const parts: string[] = [];
  if (u.contact) parts.push(`Người liên hệ: ${u.contact}`);
  if (u.phone) parts.push(`ĐT: ${u.phone}`);
  return parts.length ? `${n}. ${u.unit} — ${parts.join(', ')}` : `${n}. ${u.unit}`;
}

const HEAD: Style = { bold: true, align: 'center', valign: 'middle', wrap: true };
const NUM: Style = { align: 'center', valign: 'middle' };
const TEXT: Style = { align: 'left', valign: 'middle', wrap: true };

/** The Báo cáo sheet. */
export function buildReportSheet(input: ReportInput): SheetPlan {
  const { config, today } = input;
  const totals = reportTotals(input);
  const cells = new Cells();
  const left = { rows: 1, cols: LEFT.cols };
  const right = { rows: 1, cols: RIGHT.cols };

  // Header block (Decree 30/2020: superior body over the issuer at left; national name and motto at right)
  const superior = upper(config.superior);
  const issuer = upper(config.issuer);
  if (superior) cells.put(0, LEFT.c, superior, { align: 'center', merge: left });
  if (issuer) cells.put(superior ? 1 : 0, LEFT.c, issuer, { bold: true, align: 'center', merge: left });
  cells.put(0, RIGHT.c, NATIONAL_NAME, { bold: true, align: 'center', merge: right });
  cells.put(1, RIGHT.c, NATIONAL_MOTTO, { bold: true, underline: true, align: 'center', merge: right });
  cells.put(3, RIGHT.c, viDateLine(config.place, today), { italic: true, align: 'center', merge: right });

  // Title
  cells.row = 5;
  cells.centred('BÁO CÁO TỔNG HỢP', { bold: true, size: 14 });
  const title = clean(config.title);
  if (title) cells.centred(title, { bold: true, size: 14 });
  const letter = letterLine(config);
  if (letter) cells.centred(letter, { italic: true });
  cells.row++;

  // I. Sending by unit group
  cells.text('I. TÌNH HÌNH GỬI DANH SÁCH', { bold: true });
  const groupHeaders = [
    'Số đơn vị',
    'Đã nộp đúng hạn',
    'Nộp trễ hạn',
    'Chưa nộp',
    'Tập thể',
    'Cá nhân',
    'Tổng số',
  ];
  const nameCell = { rows: 1, cols: 2 };
  let r = cells.row;
  cells.boxed(r, 0, 'Nhóm đơn vị', { ...HEAD, merge: nameCell });
  groupHeaders.forEach((h, i) => cells.boxed(r, 2 + i, h, HEAD));
  r++;
  const groupNumbers = (g: Omit<GroupTotals, 'group' | 'kind'>) => [
    g.units,
    g.onTime,
    g.late,
    g.missing,
    g.tapThe,
    g.caNhan,
    g.rows,
  ];
  for (const g of totals.byGroup) {
    cells.boxed(r, 0, g.group, { ...TEXT, merge: nameCell });
    groupNumbers(g).forEach((v, i) => cells.boxed(r, 2 + i, v, NUM));
    r++;
  }
  cells.boxed(r, 0, 'Tổng cộng', { ...TEXT, bold: true, merge: nameCell });
  groupNumbers(totals.grand).forEach((v, i) => cells.boxed(r, 2 + i, v, { ...NUM, bold: true }));
  cells.row = r + 2;

  // II. Nominations by field of achievement
  cells.text('II. SỐ LƯỢNG ĐỀ NGHỊ THEO LĨNH VỰC', { bold: true });
  if (totals.byField) {
    r = cells.row;
    ['STT', 'Lĩnh vực', 'Tập thể', 'Cá nhân', 'Tổng số'].forEach((h, i) => cells.boxed(r, i, h, HEAD));
    r++;
    totals.byField.forEach((f, i) => {
      cells.boxed(r, 0, i + 1, NUM);
      cells.boxed(r, 1, f.label, TEXT);
      [f.tapThe, f.caNhan, f.rows].forEach((v, j) => cells.boxed(r, 2 + j, v, NUM));
      r++;
    });
    cells.boxed(r, 0, null, NUM);
    cells.boxed(r, 1, 'Tổng cộng', { ...TEXT, bold: true });
    [totals.byType.tapThe, totals.byType.caNhan, totals.byType.rows].forEach((v, j) =>
      cells.boxed(r, 2 + j, v, { ...NUM, bold: true }),
    );
    cells.row = r + 2;
  } else {
    cells.text(
      'Danh sách trường dữ liệu không có trường “Lĩnh vực” (linhVuc) nên không tổng hợp theo lĩnh vực.',
      {
        italic: true,
      },
    );
    cells.row++;
  }

  // III. Late units; IV. Missing units — one line each
  cells.text('III. ĐƠN VỊ NỘP TRỄ HẠN', { bold: true });
  if (totals.late.length === 0) cells.text('Không có.');
  totals.late.forEach((u, i) => cells.text(lateLine(i + 1, u)));
  cells.row++;
  cells.text('IV. ĐƠN VỊ CHƯA NỘP', { bold: true });
  if (totals.missing.length === 0) cells.text('Không có.');
  totals.missing.forEach((u, i) => cells.text(missingLine(i + 1, u)));
  cells.row++;

  // Signature area
  cells.put(cells.row++, RIGHT.c, 'NGƯỜI LẬP BIỂU', { bold: true, align: 'center', merge: right });
  cells.put(cells.row++, RIGHT.c, '(Ký, ghi rõ họ tên)', { italic: true, align: 'center', merge: right });

  return {
    name: SHEETS.report.sheet,
    font: { ...REPORT_FONT },
    cells: cells.list,
    columnWidths: [...WIDTHS],
    print: { ...REPORT_PRINT, margins: { ...REPORT_PRINT.margins } },
    tabColor: '548235',
  };
}
