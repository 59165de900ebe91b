/**
 * Reading a field definition file: a Frictionless Table Schema (`fields[]` with name, title,
 * type, constraints; `primaryKey`, `missingValues`) with our additions (`aliases`, `enumAliases`,
 * `requiredIf`, `fromSection`, the `enum` type). Unknown keys are tolerated; what cannot be right
 * is refused with a Vietnamese message naming the field. Never throws.
 */
import type { FieldConstraints, FieldDef, FieldType, TableSchema } from './types';

export interface ParsedSchema {
  schema: TableSchema;
  /** What is wrong; each names the field. Fields with errors are left out of `schema`. */
  errors: string[];
  /** What was accepted with a change (a Frictionless type we do not check is read as "any"). */
  warnings: string[];
}

const OUR_TYPES: FieldType[] = ['string', 'integer', 'number', 'year', 'date', 'enum', 'boolean', 'any'];

/** Frictionless types we accept but do not check (read as "any"). */
const OTHER_FRICTIONLESS_TYPES = [
  'datetime',
  'time',
  'yearmonth',
  'duration',
  'geopoint',
  'geojson',
  'object',
  'array',
  'list',
];

type Json = Record<string, unknown>;

function isObject(x: unknown): x is Json {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function describe(x: unknown): string {
  if (x === null) return 'null';
  if (Array.isArray(x)) return 'một danh sách';
  if (typeof x === 'object') return 'một đối tượng';
  const s = JSON.stringify(x) ?? String(x);
  return s.length > 40 ? `${s.slice(0, 39)}…` : s;
}

function stringList(x: unknown): string[] | null {
  if (!Array.isArray(x)) return null;
  const out: string[] = [];
  for (const v of x) {
    if (typeof v === 'string') out.push(v);
    else if (typeof v === 'number' && Number.isFinite(v)) out.push(String(v));
    else return null;
  }
  return out;
}

function compiles(pattern: string): boolean {
  try {
    new RegExp(`^(?:${pattern})$`, 'u');
    return true;
  } catch {
    try {
      new RegExp(`^(?:${pattern})$`);
      return true;
    } catch {
      return false;
    }
  }
}

/** Reads a Table Schema (an object, or its JSON text). */
export function parseSchema(json: unknown): ParsedSchema {
  const errors: string[] = [];
  const warnings: string[] = [];
  const empty = (): ParsedSchema => ({ schema: { fields: [] }, errors, warnings });

  let root: unknown = json;
  if (typeof json === 'string') {
    try {
      root = JSON.parse(json.replace(/^\uFEFF/, ''));
    } catch (e) {
      errors.push(`Tệp định nghĩa trường không phải JSON hợp lệ: ${(e as Error).message}`);
      return empty();
    }
  }
  if (!isObject(root)) {
    errors.push(`Định nghĩa trường phải là một đối tượng JSON có "fields", đang là ${describe(root)}`);
    return empty();
  }
  if (!('fields' in root)) {
    errors.push('Định nghĩa trường thiếu danh sách "fields"');
    return empty();
  }
  if (!Array.isArray(root.fields)) {
    errors.push(`"fields" phải là một danh sách, đang là ${describe(root.fields)}`);
    return empty();
  }
  if (root.fields.length === 0) errors.push('"fields" không có trường nào');

  const fields: FieldDef[] = [];
  const names = new Set<string>();
  const pending: { f: FieldDef; label: string }[] = [];

  root.fields.forEach((raw: unknown, i: number) => {
    const pos = `Trường thứ ${i + 1}`;
    if (!isObject(raw)) {
      errors.push(`${pos}: phải là một đối tượng, đang là ${describe(raw)}`);
      return;
    }
    if (typeof raw.name !== 'string' || raw.name.trim() === '') {
      errors.push(`${pos}: thiếu tên trường ("name")`);
      return;
    }
    const name = raw.name;
    const label = `Trường „${name}” (thứ ${i + 1})`;
    const before = errors.length;
    if (names.has(name)) errors.push(`${label}: tên trường bị trùng`);

    let type: FieldType = 'string';
    if (raw.type !== undefined) {
      if (typeof raw.type !== 'string')
        errors.push(`${label}: kiểu ("type") phải là chữ, đang là ${describe(raw.type)}`);
      else if ((OUR_TYPES as string[]).includes(raw.type)) type = raw.type as FieldType;
      else if (OTHER_FRICTIONLESS_TYPES.includes(raw.type)) {
        type = 'any';
        warnings.push(`${label}: kiểu „${raw.type}” chưa được kiểm tra, coi như kiểu bất kỳ`);
      } else errors.push(`${label}: kiểu „${raw.type}” không được hỗ trợ (dùng: ${OUR_TYPES.join(', ')})`);
    }
    const f: FieldDef = { name, type };
    for (const key of ['title', 'description', 'format'] as const) {
      const v = raw[key];
      if (v === undefined) continue;
      if (typeof v === 'string') f[key] = v;
      else errors.push(`${label}: "${key}" phải là chữ, đang là ${describe(v)}`);
    }

    if (raw.constraints !== undefined) {
      if (!isObject(raw.constraints)) {
        errors.push(`${label}: "constraints" phải là một đối tượng, đang là ${describe(raw.constraints)}`);
      } else {
        const c = parseConstraints(raw.constraints, label, errors);
        if (Object.keys(c).length > 0) f.constraints = c;
      }
    }
    if (type === 'enum' && !(f.constraints?.enum && f.constraints.enum.length > 0)) {
      errors.push(`${label}: kiểu enum cần danh sách giá trị ("constraints": {"enum": [...]})`);
    }

    if (raw.aliases !== undefined) {
      const a = stringList(raw.aliases);
      if (a === null) errors.push(`${label}: "aliases" phải là danh sách chữ`);
      else f.aliases = a;
    }
    if (raw.enumAliases !== undefined) {
      if (!isObject(raw.enumAliases)) {
        errors.push(`${label}: "enumAliases" phải là một đối tượng {giá trị: [cách viết khác]}`);
      } else {
        const ea: Record<string, string[]> = {};
        for (const [k, v] of Object.entries(raw.enumAliases)) {
          const list = stringList(v);
          if (list === null) errors.push(`${label}: "enumAliases" của „${k}” phải là danh sách chữ`);
          else if (!f.constraints?.enum?.includes(k)) {
            errors.push(`${label}: "enumAliases" có „${k}” không nằm trong danh sách giá trị ("enum")`);
          } else ea[k] = list;
        }
        f.enumAliases = ea;
      }
    }
    if (raw.requiredIf !== undefined) {
      const r = raw.requiredIf;
      const values = isObject(r) ? stringList(r.values) : null;
      if (!isObject(r) || typeof r.field !== 'string' || values === null) {
        errors.push(`${label}: "requiredIf" phải có dạng {"field": "tên trường", "values": [...]}`);
      } else {
        f.requiredIf = { field: r.field, values };
      }
    }
    if (raw.fromSection !== undefined) {
      if (typeof raw.fromSection !== 'boolean')
        errors.push(`${label}: "fromSection" phải là true hoặc false`);
      else f.fromSection = raw.fromSection;
    }

    names.add(name);
    if (errors.length === before) {
      fields.push(f);
      pending.push({ f, label });
    }
  });

  // references to other fields, once all names are known
  for (const { f, label } of pending) {
    if (f.requiredIf && !names.has(f.requiredIf.field)) {
      errors.push(`${label}: "requiredIf" nhắc tới trường „${f.requiredIf.field}” không có trong danh sách`);
      fields.splice(fields.indexOf(f), 1);
    } else if (f.requiredIf && f.requiredIf.field === f.name) {
      errors.push(`${label}: "requiredIf" không thể dựa vào chính trường này`);
      fields.splice(fields.indexOf(f), 1);
    }
  }

  const schema: TableSchema = { fields };
  if (root.primaryKey !== undefined) {
    const pk = typeof root.primaryKey === 'string' ? [root.primaryKey] : stringList(root.primaryKey);
    if (pk === null) errors.push('"primaryKey" phải là tên trường hoặc danh sách tên trường');
    else {
      const unknown = pk.filter((n) => !names.has(n));
      if (unknown.length > 0)
        errors.push(`"primaryKey" nhắc tới trường không có: ${unknown.map((n) => `„${n}”`).join(', ')}`);
      else schema.primaryKey = typeof root.primaryKey === 'string' ? root.primaryKey : pk;
    }
  }
  if (root.missingValues !== undefined) {
    const mv = stringList(root.missingValues);
    if (mv === null) errors.push('"missingValues" phải là danh sách chữ');
    else schema.missingValues = mv;
  }
  return { schema, errors, warnings };
}

function parseConstraints(c: Json, label: string, errors: string[]): FieldConstraints {
  const out: FieldConstraints = {};
  for (const key of ['required', 'unique'] as const) {
    const v = c[key];
    if (v === undefined) continue;
    if (typeof v === 'boolean') out[key] = v;
    else errors.push(`${label}: "${key}" phải là true hoặc false, đang là ${describe(v)}`);
  }
  if (c.enum !== undefined) {
    const e = stringList(c.enum);
    if (e === null || e.length === 0) errors.push(`${label}: "enum" phải là danh sách giá trị không rỗng`);
    else out.enum = e;
  }
  if (c.pattern !== undefined) {
    if (typeof c.pattern !== 'string') errors.push(`${label}: "pattern" phải là chữ (biểu thức chính quy)`);
    else if (!compiles(c.pattern))
      errors.push(`${label}: "pattern" „${c.pattern}” không phải biểu thức chính quy hợp lệ`);
    else out.pattern = c.pattern;
  }
  for (const key of ['minimum', 'maximum'] as const) {
    const v = c[key];
    if (v === undefined) continue;
    const n = typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v.trim()) ? Number(v) : v;
    if (typeof n === 'number' && Number.isFinite(n)) out[key] = n;
    else errors.push(`${label}: "${key}" phải là một số, đang là ${describe(v)}`);
  }
  for (const key of ['minLength', 'maxLength'] as const) {
    const v = c[key];
    if (v === undefined) continue;
    if (typeof v === 'number' && Number.isInteger(v) && v >= 0) out[key] = v;
    else errors.push(`${label}: "${key}" phải là số nguyên không âm, đang là ${describe(v)}`);
  }
  if (out.minimum !== undefined && out.maximum !== undefined && out.minimum > out.maximum) {
    errors.push(`${label}: "minimum" (${out.minimum}) lớn hơn "maximum" (${out.maximum})`);
  }
  if (out.minLength !== undefined && out.maxLength !== undefined && out.minLength > out.maxLength) {
    errors.push(`${label}: "minLength" (${out.minLength}) lớn hơn "maxLength" (${out.maxLength})`);
  }
  return out;
}
