/**
 * Duplicates within one returned file: a row repeated as is (`duplicate-row`), and the same person
 * or collective proposed twice (`duplicate-nominee`), told by the name key (GUIDE §6) and, when
 * both rows have them, the year of birth and the workplace. The nominee key functions are meant
 * for reuse across units.
 */
import { makeIssue, type Issue } from '../issues';
import type { TableSchema } from '../schema/types';
import { nameKey } from '../text/key';
import type { NomineeRecord } from './validate-table';

export type NomineeValues = Record<string, string | number | null | undefined>;

/** Field names the nominee comparison reads (the built-in schema's). */
export const NOMINEE_FIELDS = {
  name: 'ten',
  type: 'loai',
  birthYear: 'namSinh',
  workplace: 'donViCongTac',
} as const;

function text(v: string | number | null | undefined): string {
  return v === null || v === undefined ? '' : String(v);
}

/** The key of a nominee's name ("Nguyễn Thị Hoà" = "nguyễn thị hòa"), or null without a name. */
export function nomineeNameKey(values: NomineeValues): string | null {
  const k = nameKey(text(values[NOMINEE_FIELDS.name]));
  return k === '' ? null : k;
}

/**
 * A strict key of a nominee: type | name | year of birth | workplace, each part empty when
 * absent. Two rows with the same key are certainly the same nominee; rows whose keys differ only
 * by a part one of them lacks may still be (see sameNominee).
 */
export function nomineeKey(values: NomineeValues): string | null {
  return nomineeParts(values)?.join('|') ?? null;
}

/**
 * Same person or collective: the same name key, and no contradiction in the parts both rows
 * have (type, year of birth, workplace).
 */
export function sameNominee(a: NomineeValues, b: NomineeValues): boolean {
  return sameKeyParts(nomineeParts(a), nomineeParts(b));
}

/** The parts of the nominee key (type, name, year of birth, workplace), or null without a name. */
export function nomineeParts(values: NomineeValues): string[] | null {
  const name = nomineeNameKey(values);
  if (name === null) return null;
  return [
    nameKey(text(values[NOMINEE_FIELDS.type]), { foldAccents: true }),
    name,
    text(values[NOMINEE_FIELDS.birthYear]).trim(),
    nameKey(text(values[NOMINEE_FIELDS.workplace])),
  ];
}

/** sameNominee on parts from nomineeParts: for comparing one row with many without working out its key again. */
export function sameKeyParts(pa: string[] | null, pb: string[] | null): boolean {
  if (pa === null || pb === null) return false;
  if (pa[1] !== pb[1]) return false;
  for (const i of [0, 2, 3]) if (pa[i] !== '' && pb[i] !== '' && pa[i] !== pb[i]) return false;
  return true;
}

/** Same values, as their JSON would be the same. */
function sameValues(a: (string | number | null)[], b: (string | number | null)[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    if (a[i] !== b[i] && JSON.stringify(a[i]) !== JSON.stringify(b[i])) return false;
  }
  return true;
}

export interface DuplicateContext {
  file: string;
}

type Placed = NomineeRecord & { sheet?: string };

function where(rec: Placed, from: Placed): { vi: string; en: string } {
  const row = rec.r + 1;
  if (rec.sheet && rec.sheet !== from.sheet) {
    return { vi: `dòng ${row}, trang „${rec.sheet}”`, en: `row ${row}, sheet "${rec.sheet}"` };
  }
  return { vi: `dòng ${row}`, en: `row ${row}` };
}

/**
 * Finds duplicate rows and duplicate nominees among the records of one file (in reading order).
 * Each issue names the earlier row and is placed on the later one; it is also appended to that
 * record's own issues.
 */
export function findDuplicates(records: Placed[], schema: TableSchema, ctx: DuplicateContext): Issue[] {
  const issues: Issue[] = [];
  const names = schema.fields.map((f) => f.name);
  // Rows with the same values, bucketed by their first value (comparing whole rows only within a bucket).
  const rows = new Map<string, { rec: Placed; vals: (string | number | null)[] }[]>();
  const byName = new Map<string, { rec: Placed; parts: string[] | null }[]>();
  const hasName = names.includes(NOMINEE_FIELDS.name);

  for (const rec of records) {
    const vals = names.map((n) => rec.values[n] ?? null);
    const place = { file: ctx.file, sheet: rec.sheet ?? null, r: rec.r };
    if (vals.some((v) => v !== null)) {
      // the first value that JSON does not write as null (null, NaN, ±Infinity)
      const lead = vals.findIndex((v) => v !== null && (typeof v !== 'number' || Number.isFinite(v)));
      const key = lead >= 0 ? `${lead}:${typeof vals[lead]}:${vals[lead]}` : '';
      const bucket = rows.get(key);
      const first = bucket?.find((b) => sameValues(b.vals, vals))?.rec;
      if (first) {
        const w = where(first, rec);
        const issue = makeIssue('duplicate-row', place, {
          other: w.vi.replace(/^dòng /, ''),
          otherEn: w.en.replace(/^row /, ''),
        });
        issues.push(issue);
        rec.issues.push(issue);
        continue; // a repeated row is not also reported as a repeated nominee
      }
      if (bucket) bucket.push({ rec, vals });
      else rows.set(key, [{ rec, vals }]);
    }
    if (!hasName) continue;
    const parts = nomineeParts(rec.values);
    rec.nominee = parts;
    if (parts === null) continue;
    const nk = parts[1]!;
    const bucket = byName.get(nk) ?? [];
    const other = bucket.find((b) => sameKeyParts(b.parts, parts))?.rec;
    if (other) {
      const w = where(other, rec);
      const col = rec.cols?.[NOMINEE_FIELDS.name];
      const issue = makeIssue(
        'duplicate-nominee',
        { ...place, c: col ?? null, field: NOMINEE_FIELDS.name },
        { name: text(rec.values[NOMINEE_FIELDS.name]), other: w.vi, otherEn: w.en },
      );
      issues.push(issue);
      rec.issues.push(issue);
    }
    bucket.push({ rec, parts });
    byName.set(nk, bucket);
  }
  return issues;
}
