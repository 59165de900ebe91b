/**
 * Validating the rows of a found table against the schema, in one pass: every value is cast
 * (src/core/validate/cast.ts), every constraint checked, and every finding reported with its file,
 * sheet, A1 cell and field. The record of each row keeps the cast values, the raw texts and the
 * row's own issues (for the "Kiểm tra" column of the merged sheet).
 */
import type { GridCell } from '../grid';
import { cellText } from '../grid';
import { makeIssue, type Issue, type IssueCode, type IssueParams } from '../issues';
import type { FieldDef, FieldType, TableSchema } from '../schema/types';
import type { FoundTable } from '../table/types';
import { castValue, codePointLength, type CastResult } from './cast';
import { enumKey, matchEnum } from './enum-match';

export interface NomineeRecord {
  /** 0-based sheet row. */
  r: number;
  /** Cast values by field name; every schema field is present (null when empty or invalid). */
  values: Record<string, string | number | null>;
  /** The cell texts as read, by field name, for the fields that have a column. */
  raw: Record<string, string>;
  /** The issues found on this row (also part of the table's issue list). */
  issues: Issue[];
  /**
   * 0-based sheet column of each field that has a cell on this row (a record from the command line's
   * reader threads keeps only the leftmost, where the row is said to start).
   */
  cols?: Record<string, number>;
  /**
   * The nominee key parts of the row (nomineeParts: type, name, year of birth, workplace; null without a
   * name), when findDuplicates worked them out, so that a merge need not work them out again.
   */
  nominee?: string[] | null;
}

export interface ValidateContext {
  file: string;
}

export interface TableValidation {
  records: NomineeRecord[];
  issues: Issue[];
}

/** How a type is named in messages. */
export const TYPE_NAMES: Record<FieldType, { vi: string; en: string }> = {
  string: { vi: 'văn bản', en: 'text' },
  integer: { vi: 'số nguyên', en: 'whole number' },
  number: { vi: 'số', en: 'number' },
  year: { vi: 'năm', en: 'year' },
  date: { vi: 'ngày (dd/mm/yyyy)', en: 'date (dd/mm/yyyy)' },
  enum: { vi: 'giá trị', en: 'value' },
  boolean: { vi: 'giá trị có/không', en: 'yes/no value' },
  any: { vi: 'giá trị', en: 'value' },
};

/** Longest value quoted in a message. */
const QUOTE_MAX = 80;

export function quoteValue(s: string): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > QUOTE_MAX ? `${t.slice(0, QUOTE_MAX - 1)}…` : t;
}

export function fieldTitle(f: FieldDef): string {
  return f.title ?? f.name;
}

function enumList(f: FieldDef): string {
  return (f.constraints?.enum ?? []).join('; ');
}

const patterns = new Map<string, RegExp | null>();

/** A Table Schema pattern as a full-match regular expression (compiled once); null when unusable. */
function patternRegExp(pattern: string): RegExp | null {
  let re = patterns.get(pattern);
  if (re !== undefined) return re;
  try {
    re = new RegExp(`^(?:${pattern})$`, 'u');
  } catch {
    try {
      re = new RegExp(`^(?:${pattern})$`);
    } catch {
      re = null;
    }
  }
  patterns.set(pattern, re);
  return re;
}

/** Full-match test of a Table Schema pattern; an unusable pattern never fails a value. */
function patternTest(pattern: string, value: string): boolean {
  const re = patternRegExp(pattern);
  return re === null || re.test(value);
}

function numberText(n: number): string {
  return Number.isInteger(n) ? String(n) : String(n).replace('.', ',');
}

interface FieldResult {
  field: FieldDef;
  col: number | null;
  cell: GridCell | undefined;
  cast: CastResult | null;
  value: string | number | null;
  /** The value came from the section row or the sheet name. */
  fromSection: boolean;
}

/** Validates the rows of a table. Issues come row by row, left to right. */
export function validateTable(table: FoundTable, schema: TableSchema, ctx: ValidateContext): TableValidation {
  const { file } = ctx;
  const sheet = table.sheet;
  const records: NomineeRecord[] = [];
  const issues: Issue[] = [];
  const fields = schema.fields;
  const byName = new Map(fields.map((f) => [f.name, f]));

  const mapped = new Set(table.columns.filter((c) => c.field).map((c) => c.field as string));
  const headerMissing = new Set(
    table.issues.filter((i) => i.code === 'missing-label' && i.field).map((i) => i.field as string),
  );
  /** No column, and the header check already said so: one issue is enough, not one per row. */
  const silentWhenEmpty = (f: FieldDef) => !mapped.has(f.name) && headerMissing.has(f.name) && !f.fromSection;

  const seen = new Map<string, Map<string, number>>(); // unique: field → value key → first 0-based row
  for (const f of fields) if (f.constraints?.unique) seen.set(f.name, new Map());

  for (const row of table.rows) {
    const rowIssues: Issue[] = [];
    const push = (code: IssueCode, f: FieldDef | null, col: number | null, params: IssueParams) => {
      rowIssues.push(makeIssue(code, { file, sheet, r: row.r, c: col, field: f?.name ?? null }, params));
    };

    const results: FieldResult[] = [];
    const values: Record<string, string | number | null> = {};
    const raw: Record<string, string> = {};
    const cols: Record<string, number> = {};

    for (const f of fields) {
      const entry = row.cells[f.name];
      const cell = entry?.cell;
      const col = entry ? entry.col : null;
      if (entry) {
        raw[f.name] = cellText(cell);
        cols[f.name] = entry.col;
      }
      const cast = entry ? castValue(cell, f, { missingValues: schema.missingValues }) : null;
      let value: string | number | null = cast && cast.ok ? cast.value : null;
      let fromSection = false;
      if (value === null && (!cast || cast.ok) && f.fromSection && row.sectionLoai) {
        value = f.type === 'enum' ? (matchEnum(row.sectionLoai, f) ?? row.sectionLoai) : row.sectionLoai;
        fromSection = true;
      }
      values[f.name] = value;
      results.push({ field: f, col, cell, cast, value, fromSection });
    }

    // cell by cell, left to right; fields without a cell after
    const ordered = [...results].sort((a, b) => (a.col ?? Infinity) - (b.col ?? Infinity));
    for (const res of ordered) {
      const { field: f, col, cell, cast } = res;
      const title = fieldTitle(f);
      if (cell?.f) {
        push('formula-value', f, col, { formula: cell.f, value: quoteValue(cellText(cell)) });
      }
      if (cast && !cast.ok) {
        const names = TYPE_NAMES[f.type] ?? TYPE_NAMES.any;
        push('type-error', f, col, {
          value: quoteValue(cast.text),
          expected: names.vi,
          expectedEn: names.en,
          title,
          hint: cast.hint,
          hintEn: cast.hintEn,
          allowed: f.type === 'enum' ? enumList(f) : undefined,
        });
        continue;
      }
      const value = res.value;
      if (value === null) {
        const req = requiredRule(f, values, byName);
        if (req && !silentWhenEmpty(f)) push('constraint-error', f, col, { title, ...req });
        continue;
      }
      for (const c of constraintFailures(f, value, res)) push('constraint-error', f, col, { title, ...c });
      const unique = seen.get(f.name);
      if (unique && !res.fromSection) {
        const key = typeof value === 'number' ? `n:${value}` : `s:${value}`;
        const first = unique.get(key);
        if (first === undefined) unique.set(key, row.r);
        else push('unique-error', f, col, { value: quoteValue(String(value)), title, other: first + 1 });
      }
    }
    for (const c of row.extraCols ?? []) push('extra-cell', null, c, {});

    // write back constraint-checked enum values (string fields with an enum list)
    for (const res of results) values[res.field.name] = res.value;

    issues.push(...rowIssues);
    records.push({ r: row.r, values, raw, issues: rowIssues, cols });
  }
  return { records, issues };
}

/** The required / requiredIf failure of an empty field, or null when it may be empty. */
function requiredRule(
  f: FieldDef,
  values: Record<string, string | number | null>,
  byName: Map<string, FieldDef>,
): { detail: string; detailEn: string } | null {
  if (f.constraints?.required) return { detail: 'bắt buộc, đang để trống', detailEn: 'required, but empty' };
  const rule = f.requiredIf;
  if (rule) {
    const other = values[rule.field];
    if (other !== null && other !== undefined) {
      const k = enumKey(String(other));
      const hit = rule.values.find((v) => enumKey(v) === k);
      if (hit !== undefined) {
        const otherTitle = byName.get(rule.field)
          ? fieldTitle(byName.get(rule.field) as FieldDef)
          : rule.field;
        return {
          detail: `bắt buộc khi „${otherTitle}” là „${hit}”, đang để trống`,
          detailEn: `required when "${otherTitle}" is "${hit}", but empty`,
        };
      }
    }
  }
  return null;
}

/**
 * Constraint failures of a present value. A string field with an enum list is matched leniently
 * and its value replaced by the canonical one (res.value is updated).
 */
function constraintFailures(
  f: FieldDef,
  value: string | number,
  res: FieldResult,
): { detail: string; detailEn: string }[] {
  const c = f.constraints;
  if (!c) return [];
  const out: { detail: string; detailEn: string }[] = [];
  const original = value;
  let quoted: string | undefined;
  /** The value as quoted in a message (built only for a failure). */
  const shown = (): string => (quoted ??= quoteValue(String(original)));
  if (c.enum && c.enum.length > 0 && f.type !== 'enum') {
    if (typeof value === 'string') {
      const hit = matchEnum(value, f);
      if (hit === null) {
        out.push({
          detail: `„${shown()}” không thuộc danh sách: ${c.enum.join('; ')}`,
          detailEn: `"${shown()}" is not one of: ${c.enum.join('; ')}`,
        });
      } else {
        res.value = hit;
        value = hit;
      }
    } else if (!c.enum.some((e) => Number(e.replace(',', '.')) === value)) {
      out.push({
        detail: `„${shown()}” không thuộc danh sách: ${c.enum.join('; ')}`,
        detailEn: `"${shown()}" is not one of: ${c.enum.join('; ')}`,
      });
    }
  }
  if (typeof value === 'string' && (c.minLength !== undefined || c.maxLength !== undefined)) {
    const len = codePointLength(value);
    if (c.minLength !== undefined && len < c.minLength) {
      out.push({
        detail: `„${shown()}” ngắn hơn ${c.minLength} ký tự`,
        detailEn: `"${shown()}" is shorter than ${c.minLength} characters`,
      });
    }
    if (c.maxLength !== undefined && len > c.maxLength) {
      out.push({
        detail: `dài ${len} ký tự, vượt quá ${c.maxLength} ký tự`,
        detailEn: `${len} characters long, more than ${c.maxLength}`,
      });
    }
  }
  if (c.pattern && !patternTest(c.pattern, String(value))) {
    out.push({
      detail: `„${shown()}” không đúng mẫu quy định (${c.pattern})`,
      detailEn: `"${shown()}" does not match the pattern ${c.pattern}`,
    });
  }
  if (typeof value === 'number') {
    if (c.minimum !== undefined && value < c.minimum) {
      out.push({
        detail: `${numberText(value)} nhỏ hơn giá trị thấp nhất cho phép (${numberText(c.minimum)})`,
        detailEn: `${value} is less than the minimum ${c.minimum}`,
      });
    }
    if (c.maximum !== undefined && value > c.maximum) {
      out.push({
        detail: `${numberText(value)} lớn hơn giá trị cao nhất cho phép (${numberText(c.maximum)})`,
        detailEn: `${value} is more than the maximum ${c.maximum}`,
      });
    }
  }
  return out;
}
