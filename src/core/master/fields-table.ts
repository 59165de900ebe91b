/**
 * The field definitions of the master (sheet "Trường dữ liệu", table TruongDuLieu): the schema
 * (src/core/schema/types.ts) as one row per field that a clerk can read and edit, and back. Headers are
 * matched through headerKey(), so columns may be moved or renamed slightly; types are shown in Vietnamese
 * ("văn bản", "danh sách") and read in Vietnamese or English ("string", "enum").
 *
 * The cells: enum values one per line; other spellings of values one line per value ("Nam: M; Male");
 * header aliases separated by ";"; "Bắt buộc khi" as "loai = Cá nhân; Tập thể"; yes/no columns "Có",
 * "Không" or blank (blank = not set).
 */
import { a1, type CellValue } from '../grid';
import type { ColumnPlan, PlanValue } from '../plan/write-plan';
import { parseSchema } from '../schema/parse-schema';
import type { FieldConstraints, FieldDef, FieldType, TableSchema } from '../schema/types';
import { foldAccents, headerKey, nameKey } from '../text/key';
import { NO, readYesNo, YES } from './config-table';
import { SHEETS } from './model';

/** Field types as shown to the clerk. */
export const TYPE_VI: Record<FieldType, string> = {
  string: 'văn bản',
  integer: 'số nguyên',
  number: 'số',
  year: 'năm',
  date: 'ngày',
  enum: 'danh sách',
  boolean: 'đúng/sai',
  any: 'bất kỳ',
};

/** Other type names accepted when reading (besides the Vietnamese ones above and the English names). */
const TYPE_ALSO: Record<FieldType, string[]> = {
  string: ['chữ', 'chuỗi', 'chuỗi ký tự', 'văn bản', 'text'],
  integer: ['số nguyên', 'nguyên', 'int'],
  number: ['số thực', 'số thập phân', 'số lượng', 'decimal'],
  year: ['năm sinh'],
  date: ['ngày tháng', 'ngày tháng năm'],
  enum: ['danh sách (enum)', 'danh sách chọn', 'danh sách giá trị', 'lựa chọn', 'chọn'],
  boolean: ['có/không', 'đúng sai', 'logic', 'bool'],
  any: ['bất kì', 'tùy ý', 'tuỳ ý', 'khác'],
};

const TYPE_BY_KEY = new Map<string, FieldType>();
for (const t of Object.keys(TYPE_VI) as FieldType[]) {
  for (const n of [t, TYPE_VI[t], ...TYPE_ALSO[t]]) TYPE_BY_KEY.set(headerKey(n), t);
}

type ColId =
  | 'name'
  | 'title'
  | 'type'
  | 'required'
  | 'requiredIf'
  | 'enum'
  | 'enumAliases'
  | 'aliases'
  | 'fromSection'
  | 'pattern'
  | 'minimum'
  | 'maximum'
  | 'unique'
  | 'minLength'
  | 'maxLength'
  | 'format'
  | 'description';

interface Col {
  id: ColId;
  header: string;
  /** Other headers accepted when reading (the English property name among them). */
  also: string[];
  plan: Omit<ColumnPlan, 'header'>;
}

const TEXT = '@';
const YES_NO_LIST = { values: [YES, NO], strict: false };

/** The columns, in the order they are written. */
const COLS: readonly Col[] = [
  { id: 'name', header: 'Tên trường', also: ['Mã trường', 'name'], plan: { width: 16, numberFormat: TEXT } },
  {
    id: 'title',
    header: 'Tiêu đề',
    also: ['Tiêu đề cột', 'Tên cột', 'title'],
    plan: { width: 28, wrap: true, numberFormat: TEXT },
  },
  {
    id: 'type',
    header: 'Kiểu',
    also: ['Kiểu dữ liệu', 'Loại dữ liệu', 'type'],
    plan: { width: 14, numberFormat: TEXT, list: { values: Object.values(TYPE_VI), strict: true } },
  },
  {
    id: 'required',
    header: 'Bắt buộc',
    also: ['required'],
    plan: { width: 10, align: 'center', list: YES_NO_LIST },
  },
  {
    id: 'requiredIf',
    header: 'Bắt buộc khi',
    also: ['Chỉ bắt buộc khi', 'requiredIf'],
    plan: { width: 24, wrap: true, numberFormat: TEXT },
  },
  {
    id: 'enum',
    header: 'Giá trị cho phép',
    also: ['Các giá trị cho phép', 'Danh sách giá trị', 'enum'],
    plan: { width: 36, wrap: true, numberFormat: TEXT },
  },
  {
    id: 'enumAliases',
    header: 'Cách viết khác của giá trị',
    also: ['Cách viết khác', 'enumAliases'],
    plan: { width: 50, wrap: true, numberFormat: TEXT },
  },
  {
    id: 'aliases',
    header: 'Tên cột khác',
    also: ['Tiêu đề khác', 'Tên khác', 'aliases'],
    plan: { width: 40, wrap: true, numberFormat: TEXT },
  },
  {
    id: 'fromSection',
    header: 'Lấy từ dòng mục',
    also: ['Lấy từ dòng mục hoặc tên trang', 'fromSection'],
    plan: { width: 12, align: 'center', list: YES_NO_LIST },
  },
  {
    id: 'pattern',
    header: 'Mẫu',
    also: ['Mẫu (biểu thức chính quy)', 'pattern'],
    plan: { width: 16, numberFormat: TEXT },
  },
  {
    id: 'minimum',
    header: 'Nhỏ nhất',
    also: ['Giá trị nhỏ nhất', 'Tối thiểu', 'minimum'],
    plan: { width: 10, align: 'center' },
  },
  {
    id: 'maximum',
    header: 'Lớn nhất',
    also: ['Giá trị lớn nhất', 'Tối đa', 'maximum'],
    plan: { width: 10, align: 'center' },
  },
  {
    id: 'unique',
    header: 'Không trùng',
    also: ['Duy nhất', 'unique'],
    plan: { width: 11, align: 'center', list: YES_NO_LIST },
  },
  {
    id: 'minLength',
    header: 'Độ dài tối thiểu',
    also: ['Số ký tự tối thiểu', 'minLength'],
    plan: { width: 11, align: 'center', numberFormat: '0' },
  },
  {
    id: 'maxLength',
    header: 'Độ dài tối đa',
    also: ['Số ký tự tối đa', 'maxLength'],
    plan: { width: 11, align: 'center', numberFormat: '0' },
  },
  { id: 'format', header: 'Định dạng', also: ['format'], plan: { width: 12, numberFormat: TEXT } },
  {
    id: 'description',
    header: 'Mô tả',
    also: ['Ghi chú', 'Giải thích', 'description'],
    plan: { width: 40, wrap: true, numberFormat: TEXT },
  },
];

const COL_BY_ID = new Map(COLS.map((c) => [c.id, c]));

/** Header text of a column (for messages and front ends). */
export function fieldsHeader(id: ColId): string {
  return COL_BY_ID.get(id)!.header;
}

function yesNoCell(b: boolean | undefined): PlanValue {
  return b === undefined ? null : b ? YES : NO;
}

function cellsOf(f: FieldDef): Record<ColId, PlanValue> {
  const c: FieldConstraints = f.constraints ?? {};
  const ea = Object.entries(f.enumAliases ?? {});
  return {
    name: f.name,
    title: f.title || null,
    type: TYPE_VI[f.type],
    required: yesNoCell(c.required),
    requiredIf: f.requiredIf ? `${f.requiredIf.field} = ${f.requiredIf.values.join('; ')}` : null,
    enum: c.enum?.length ? c.enum.join('\n') : null,
    enumAliases: ea.length
      ? ea.map(([v, a]) => (a.length ? `${v}: ${a.join('; ')}` : `${v}:`)).join('\n')
      : null,
    aliases: f.aliases?.length ? f.aliases.join('; ') : null,
    fromSection: yesNoCell(f.fromSection),
    pattern: c.pattern || null,
    minimum: c.minimum ?? null,
    maximum: c.maximum ?? null,
    unique: yesNoCell(c.unique),
    minLength: c.minLength ?? null,
    maxLength: c.maxLength ?? null,
    format: f.format || null,
    description: f.description || null,
  };
}

/** The TruongDuLieu table: one row per field. */
export function fieldsRows(schema: TableSchema): { columns: ColumnPlan[]; rows: PlanValue[][] } {
  return {
    columns: COLS.map((c) => ({ header: c.header, ...c.plan })),
    rows: schema.fields.map((f) => {
      const cells = cellsOf(f);
      return COLS.map((c) => cells[c.id]);
    }),
  };
}

// ---------------------------------------------------------------------------------------------------------
// Reading

function text(v: CellValue | undefined): string {
  if (v === null || v === undefined) return '';
  return typeof v === 'string' ? v : String(v);
}

function shown(v: CellValue | undefined): string {
  const t = text(v).replace(/\s+/g, ' ').trim();
  return t.length > 60 ? `${t.slice(0, 59)}…` : t;
}

function lines(s: string): string[] {
  return s
    .split(/\r\n|\r|\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
}

function splitList(s: string): string[] {
  return s
    .split(/[;\r\n]/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
}

function compiles(pattern: string): boolean {
  for (const flags of ['u', '']) {
    try {
      new RegExp(`^(?:${pattern})$`, flags);
      return true;
    } catch {
      // try without the unicode flag
    }
  }
  return false;
}

/** A number typed as a number or as text ("1930", "2,5"); undefined when blank, NaN when unreadable. */
function readNumber(v: CellValue | undefined): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? v : NaN;
  const t = text(v).trim();
  if (t === '') return undefined;
  if (!/^[+-]?\d+(?:[.,]\d+)?$/.test(t)) return NaN;
  return Number(t.replace(',', '.'));
}

/** A name for a field the clerk added with a title only: "Số điện thoại" → "soDienThoai". */
function nameFromTitle(title: string, taken: Set<string>): string {
  const words = foldAccents(title)
    .replace(/[^A-Za-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter(Boolean);
  let base = words
    .map((w, i) => (i === 0 ? w.toLowerCase() : w.charAt(0).toUpperCase() + w.slice(1).toLowerCase()))
    .join('');
  if (base === '' || /^\d/.test(base)) base = `truong${base}`;
  let name = base;
  for (let n = 2; taken.has(name); n++) name = `${base}${n}`;
  return name;
}

export interface FieldsReadOptions {
  /** 0-based sheet row of the header row (for cell addresses in messages); default 0. */
  headerRow?: number;
}

/**
 * The schema from the TruongDuLieu table as a spreadsheet returns it: the header row first, then one row
 * per field; blank rows are skipped. Never throws. What cannot be right is named in `problems`
 * (Vietnamese, with row, column and cell) and the field is kept as well as it can be: an unknown type is
 * read as "bất kỳ" (no check), an enum without values as text, a requirement on an unknown field is
 * dropped; a row without a name takes one made from its title; a repeated name is left out.
 */
export function schemaFromFieldRows(
  rows: CellValue[][],
  opts: FieldsReadOptions = {},
): { schema: TableSchema; problems: string[] } {
  const sheet = SHEETS.fields.sheet;
  const top = opts.headerRow ?? 0;
  const problems: string[] = [];

  const headerKeys = (rows[0] ?? []).map((h) => headerKey(text(h)));
  const at = new Map<ColId, number>();
  for (const col of COLS) {
    const keys = [col.header, ...col.also].map(headerKey);
    const i = headerKeys.findIndex(
      (k, idx) => k !== '' && keys.includes(k) && ![...at.values()].includes(idx),
    );
    if (i >= 0) at.set(col.id, i);
  }
  if (!at.has('name')) {
    problems.push(`${sheet}: không thấy cột „${fieldsHeader('name')}” ở dòng tiêu đề`);
    return { schema: { fields: [] }, problems };
  }

  const where = (r: number, id: ColId) => {
    const c = at.get(id);
    return c === undefined
      ? `${sheet}, dòng ${top + r + 1} (chưa có cột „${fieldsHeader(id)}”)`
      : `${sheet}, ô ${a1(top + r, c)} (cột „${fieldsHeader(id)}”)`;
  };
  const get = (row: CellValue[], id: ColId): CellValue | undefined => {
    const i = at.get(id);
    return i === undefined ? undefined : row[i];
  };
  const str = (row: CellValue[], id: ColId) => text(get(row, id)).trim();

  const dataRows: number[] = [];
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r] ?? [];
    if (row.some((v) => text(v).trim() !== '')) dataRows.push(r);
  }
  const explicit = new Set(dataRows.map((r) => str(rows[r]!, 'name')).filter((n) => n !== ''));

  const fields: FieldDef[] = [];
  const names = new Set<string>();
  const pendingIf: { f: FieldDef; r: number; raw: string }[] = [];

  for (const r of dataRows) {
    const row = rows[r]!;
    let name = str(row, 'name');
    const title = str(row, 'title');
    if (name === '') {
      if (title === '') {
        problems.push(`${sheet}, dòng ${top + r + 1}: chưa có tên trường và tiêu đề; bỏ qua dòng này`);
        continue;
      }
      name = nameFromTitle(title, new Set([...explicit, ...names]));
      problems.push(`${where(r, 'name')}: chưa có tên trường; đặt là „${name}” theo tiêu đề „${title}”`);
    }
    if (names.has(name)) {
      problems.push(`${where(r, 'name')}: tên trường „${name}” bị trùng với một dòng trên; bỏ qua dòng này`);
      continue;
    }
    names.add(name);

    let type: FieldType = 'string';
    const typeText = str(row, 'type');
    if (typeText !== '') {
      const t = TYPE_BY_KEY.get(headerKey(typeText));
      if (t) type = t;
      else {
        type = 'any';
        problems.push(
          `${where(r, 'type')}: kiểu „${shown(typeText)}” không có (dùng: ${Object.values(TYPE_VI).join(', ')}); ` +
            `tạm coi là „${TYPE_VI.any}”`,
        );
      }
    }

    const f: FieldDef = { name, type };
    if (title !== '') f.title = title;
    const description = str(row, 'description');
    if (description !== '') f.description = description;
    const format = str(row, 'format');
    if (format !== '') f.format = format;

    const c: FieldConstraints = {};
    const yesNo = (id: 'required' | 'unique' | 'fromSection'): boolean | undefined => {
      const v = get(row, id);
      const b = readYesNo(v);
      if (b === undefined) {
        problems.push(`${where(r, id)}: „${shown(v)}” không phải ${YES} hoặc ${NO}; coi như để trống`);
        return undefined;
      }
      return b ?? undefined;
    };
    const required = yesNo('required');
    if (required !== undefined) c.required = required;
    const unique = yesNo('unique');
    if (unique !== undefined) c.unique = unique;

    const enumText = text(get(row, 'enum'));
    let values = lines(enumText);
    if (values.length === 1 && values[0]!.includes(';')) values = splitList(values[0]!);
    if (values.length > 0) c.enum = values;
    else if (type === 'enum') {
      problems.push(
        `${where(r, 'enum')}: kiểu „${TYPE_VI.enum}” cần các giá trị cho phép, mỗi giá trị một dòng; tạm coi là „${TYPE_VI.string}”`,
      );
      f.type = 'string';
    }

    const pattern = str(row, 'pattern');
    if (pattern !== '') {
      if (compiles(pattern)) c.pattern = pattern;
      else
        problems.push(
          `${where(r, 'pattern')}: „${shown(pattern)}” không phải biểu thức chính quy hợp lệ; bỏ qua`,
        );
    }

    const number = (id: 'minimum' | 'maximum' | 'minLength' | 'maxLength'): number | undefined => {
      const v = get(row, id);
      const n = readNumber(v);
      if (n === undefined) return undefined;
      const whole = id === 'minLength' || id === 'maxLength';
      if (Number.isNaN(n) || (whole && !(Number.isInteger(n) && n >= 0))) {
        problems.push(
          `${where(r, id)}: „${shown(v)}” không phải ${whole ? 'số nguyên không âm' : 'một số'}; bỏ qua`,
        );
        return undefined;
      }
      return n;
    };
    const pairs = [
      ['minimum', 'maximum'],
      ['minLength', 'maxLength'],
    ] as const;
    for (const [lo, hi] of pairs) {
      const a = number(lo);
      const b = number(hi);
      if (a !== undefined && b !== undefined && a > b) {
        problems.push(
          `${where(r, lo)}: ${fieldsHeader(lo).toLowerCase()} (${a}) lớn hơn ${fieldsHeader(hi).toLowerCase()} (${b}); bỏ qua cả hai`,
        );
        continue;
      }
      if (a !== undefined) c[lo] = a;
      if (b !== undefined) c[hi] = b;
    }
    if (Object.keys(c).length > 0) f.constraints = orderConstraints(c);

    const aliases = splitList(text(get(row, 'aliases')));
    if (aliases.length > 0) f.aliases = aliases;

    const eaLines = lines(text(get(row, 'enumAliases')));
    if (eaLines.length > 0) {
      if (!c.enum) {
        problems.push(
          `${where(r, 'enumAliases')}: trường không có giá trị cho phép nên không có cách viết khác; bỏ qua`,
        );
      } else {
        // a Map, not an object: a value may be called "constructor" or "__proto__"
        const ea = new Map<string, string[]>();
        for (const line of eaLines) {
          const hit = enumAliasLine(line, c.enum);
          if ('error' in hit) {
            problems.push(`${where(r, 'enumAliases')}: ${hit.error}`);
            continue;
          }
          ea.set(hit.value, [...(ea.get(hit.value) ?? []), ...hit.aliases]);
        }
        if (ea.size > 0) f.enumAliases = Object.fromEntries(ea);
      }
    }

    const fromSection = yesNo('fromSection');
    if (fromSection !== undefined) f.fromSection = fromSection;

    const ifText = str(row, 'requiredIf');
    if (ifText !== '') pendingIf.push({ f, r, raw: ifText });

    fields.push(f);
  }

  // "Bắt buộc khi" names another field: resolved once all fields are known
  for (const { f, r, raw } of pendingIf) {
    const eq = raw.indexOf('=');
    if (eq < 0) {
      problems.push(
        `${where(r, 'requiredIf')}: „${shown(raw)}” cần dạng „tên trường = giá trị; giá trị”; bỏ qua`,
      );
      continue;
    }
    const ref = raw.slice(0, eq).trim();
    const target = findField(fields, ref);
    if (!target) {
      problems.push(`${where(r, 'requiredIf')}: không có trường „${ref}”; bỏ qua điều kiện này`);
      continue;
    }
    if (target === f) {
      problems.push(`${where(r, 'requiredIf')}: điều kiện không thể dựa vào chính trường này; bỏ qua`);
      continue;
    }
    const values: string[] = [];
    for (const v of splitList(raw.slice(eq + 1))) {
      const canonical = enumValueOf(target, v);
      if (canonical === null) {
        problems.push(
          `${where(r, 'requiredIf')}: „${v}” không có trong các giá trị cho phép của trường „${target.name}”`,
        );
      }
      values.push(canonical ?? v);
    }
    if (values.length === 0) {
      problems.push(`${where(r, 'requiredIf')}: chưa ghi giá trị nào sau „=” (ví dụ „${target.name} = …”)`);
    }
    f.requiredIf = { field: target.name, values };
  }

  if (fields.length === 0) problems.push(`${sheet}: không có trường nào`);
  // safety net: whatever the checks above missed, the schema reader names it
  for (const e of parseSchema({ fields }).errors) if (fields.length > 0) problems.push(`${sheet}: ${e}`);
  return { schema: { fields }, problems };
}

function orderConstraints(c: FieldConstraints): FieldConstraints {
  const out: FieldConstraints = {};
  for (const k of [
    'required',
    'unique',
    'enum',
    'pattern',
    'minimum',
    'maximum',
    'minLength',
    'maxLength',
  ] as const) {
    if (c[k] !== undefined) (out as Record<string, unknown>)[k] = c[k];
  }
  return out;
}

/** The field a "Bắt buộc khi" names: by name exactly, else by name or title key. */
function findField(fields: FieldDef[], ref: string): FieldDef | undefined {
  const exact = fields.find((f) => f.name === ref);
  if (exact) return exact;
  const k = headerKey(ref);
  if (k === '') return undefined;
  const byKey = fields.filter(
    (f) => headerKey(f.name) === k || (f.title !== undefined && headerKey(f.title) === k),
  );
  return byKey.length === 1 ? byKey[0] : undefined;
}

/** The canonical spelling of a value of `f`: itself when `f` has no list; null when not in the list. */
function enumValueOf(f: FieldDef, v: string): string | null {
  const list = f.constraints?.enum;
  if (!list) return v;
  if (list.includes(v)) return v;
  return (
    looseFind(list, v) ??
    looseFind(
      list.filter((x) => ownAliases(f, x).length > 0),
      v,
      (x) => ownAliases(f, x),
    )
  );
}

function ownAliases(f: FieldDef, value: string): string[] {
  const ea = f.enumAliases;
  return ea && Object.prototype.hasOwnProperty.call(ea, value) ? ea[value]! : [];
}

/**
 * The item of `list` that `text` means, written another way: same name key (case, spacing, tone placement),
 * else the only one with the same accent-folded key ("tap the" → "Tập thể"). `spellings` gives the texts
 * compared for an item (default the item itself).
 */
function looseFind(
  list: string[],
  text: string,
  spellings: (x: string) => string[] = (x) => [x],
): string | null {
  for (const key of [nameKey, headerKey]) {
    const k = key(text);
    if (k === '') return null;
    const hits = list.filter((x) => spellings(x).some((s) => key(s) === k));
    if (hits.length === 1) return hits[0]!;
    if (hits.length > 1) return null;
  }
  return null;
}

/** One line "Giá trị: cách viết 1; cách viết 2" (the value may itself hold a colon). */
function enumAliasLine(
  line: string,
  values: string[],
): { value: string; aliases: string[] } | { error: string } {
  let best: string | null = null;
  for (const v of values) {
    if (line.startsWith(v) && /^\s*:/.test(line.slice(v.length)) && (best === null || v.length > best.length))
      best = v;
  }
  if (best !== null)
    return { value: best, aliases: splitList(line.slice(line.indexOf(':', best.length) + 1)) };
  const colon = line.indexOf(':');
  if (colon < 0) return { error: `dòng „${line}” cần dạng „Giá trị: cách viết 1; cách viết 2”; bỏ qua` };
  const head = line.slice(0, colon).trim();
  const hit = looseFind(values, head);
  if (!hit) return { error: `„${head}” không có trong các giá trị cho phép; bỏ qua dòng „${line}”` };
  return { value: hit, aliases: splitList(line.slice(colon + 1)) };
}
