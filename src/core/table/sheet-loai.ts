/**
 * The type of nominee ("Tập thể" / "Cá nhân") told by a sheet name ("DS tap the", "Cá nhân") or by a
 * section row ("I. TẬP THỂ", "a) Cá nhân"). The values are the canonical enum values of the schema's
 * field marked `fromSection`.
 */
import type { FieldDef, TableSchema } from '../schema/types';
import { headerKey } from '../text/key';

/** The schema field whose value may come from a section row or the sheet name. */
export function loaiField(schema: TableSchema): FieldDef | undefined {
  return schema.fields.find((f) => f.fromSection);
}

interface LoaiKeys {
  value: string;
  /** Token lists of the value and of its aliases (aliases shorter than 3 letters left out: "TT", "CN"). */
  keys: string[][];
}

const cache = new WeakMap<FieldDef, LoaiKeys[]>();

function loaiKeys(field: FieldDef): LoaiKeys[] {
  const hit = cache.get(field);
  if (hit) return hit;
  const values = field.constraints?.enum ?? Object.keys(field.enumAliases ?? {});
  const out: LoaiKeys[] = values.map((value) => {
    const texts = [value, ...(field.enumAliases?.[value] ?? [])];
    const keys: string[][] = [];
    const seen = new Set<string>();
    for (const t of texts) {
      const k = headerKey(t);
      if (k.replace(/ /g, '').length < 3 || seen.has(k)) continue;
      seen.add(k);
      keys.push(k.split(' '));
    }
    return { value, keys };
  });
  cache.set(field, out);
  return out;
}

/** Position of `needle` as a contiguous run of tokens in `hay`, or -1. */
function findRun(hay: string[], needle: string[]): number {
  outer: for (let i = 0; i + needle.length <= hay.length; i++) {
    for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

/**
 * Words that may stand around the type in a sheet name or a section label without changing what it
 * says: "Danh sách tập thể", "Khối cá nhân", "Cá nhân đề nghị khen thưởng", "Tập thể (02)".
 */
const FILLER = new Set([
  'danh',
  'sach',
  'ds',
  'khoi',
  'phan',
  'nhom',
  'doi',
  'voi',
  'cac',
  'de',
  'nghi',
  'khen',
  'thuong',
  'duoc',
  'gom',
  'co',
  'tieu',
  'bieu',
  'dien',
  'hinh',
  'tien',
  'so',
  'luong',
  'nguoi',
  'la',
  'mau',
  'bang',
  'gioi',
  'thieu',
  'dang',
  'ky',
  'sheet',
  'trang',
  'tang',
  'danh',
  'hieu',
  'thi',
  'dua',
  'lao',
  'dong',
  'bang',
  'giay',
  'nam',
  'cap',
  'xuat',
  'sac',
]);

export type LoaiMatchMode = 'strict' | 'loose';

/**
 * The canonical type a short text names, or null.
 * strict: apart from the type, only filler words and numbers ("DS tap the", "II. CÁ NHÂN (03 người)").
 * loose: the text contains one type and not the other ("Khen thưởng tập thể lao động tiên tiến").
 */
export function loaiFromText(
  text: string,
  field: FieldDef | undefined,
  mode: LoaiMatchMode = 'strict',
): string | null {
  if (!field) return null;
  const key = headerKey(text);
  if (!key) return null;
  const tokens = key.split(' ');
  const found: { value: string; at: number; len: number }[] = [];
  for (const lk of loaiKeys(field)) {
    for (const k of lk.keys) {
      const at = findRun(tokens, k);
      if (at >= 0) {
        found.push({ value: lk.value, at, len: k.length });
        break;
      }
    }
  }
  const values = new Set(found.map((f) => f.value));
  if (values.size !== 1) return null;
  const hit = found[0];
  if (mode === 'loose') return hit.value;
  for (let i = 0; i < tokens.length; i++) {
    if (i >= hit.at && i < hit.at + hit.len) continue;
    const t = tokens[i];
    if (!FILLER.has(t) && !/^\d+$/.test(t)) return null;
  }
  return hit.value;
}

/** The type a sheet name gives ("Tập thể", "Cá nhân", "DS tap the"), or null. */
export function sheetLoai(sheetName: string, schema: TableSchema): string | null {
  return loaiFromText(sheetName, loaiField(schema), 'strict');
}
