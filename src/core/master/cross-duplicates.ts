/**
 * The same person or collective proposed by two units (`duplicate-nominee` across units): derived from
 * the current rows of Tổng hợp each time the master is written, so it follows every re-submission.
 */
import type { CellValue } from '../grid';
import { makeIssue } from '../issues';
import {
  NOMINEE_FIELDS,
  nomineeNameKey,
  nomineeParts,
  sameKeyParts,
  type NomineeValues,
} from '../validate/duplicates';
import type { IssueRow, MasterRow } from './model';
import { unitKey } from './row-key';

/** Lines of a row's Kiểm tra cell that this module writes (and that are dropped when a master is read). */
export const CROSS_DUPLICATE_PREFIX = 'Trùng với đề nghị của ';

/** Kiểm tra rows found by comparing units carry this in the sheet column. */
export const CROSS_CHECK_SHEET = '(đối chiếu giữa các đơn vị)';

export interface CrossDuplicates {
  /** Row index in Tổng hợp → notes for its Kiểm tra cell. */
  notes: Map<number, string[]>;
  issues: IssueRow[];
}

function nomineeValue(v: CellValue | undefined): NomineeValues[string] {
  return typeof v === 'boolean' ? String(v) : v;
}

/** The values the nominee comparison reads (NOMINEE_FIELDS), as it reads them. */
function nomineeValues(values: Record<string, CellValue>): NomineeValues {
  const out: NomineeValues = {};
  for (const k of Object.values(NOMINEE_FIELDS)) out[k] = nomineeValue(values[k]);
  return out;
}

function display(v: CellValue | undefined): string {
  return v === null || v === undefined ? '' : String(v);
}

/** The nominee key parts of a row's values as the file check worked them out, with the values they came from. */
const remembered = new WeakMap<object, { from: NomineeValues[string][]; parts: string[] | null }>();

/**
 * Remembers the nominee key parts of a row's values, worked out by the file check (NomineeRecord.nominee):
 * crossUnitDuplicates then uses them instead of working out every name key of Tổng hợp again.
 */
export function rememberNomineeParts(values: Record<string, CellValue>, parts: string[] | null): void {
  remembered.set(values, { from: NOMINEE_KEYS.map((k) => nomineeValue(values[k])), parts });
}

const NOMINEE_KEYS = Object.values(NOMINEE_FIELDS);

/** The remembered nominee key parts of a row's values, while the values are those they came from. */
function rememberedParts(values: Record<string, CellValue>): string[] | null | undefined {
  const known = remembered.get(values);
  return known && NOMINEE_KEYS.every((k, i) => nomineeValue(values[k]) === known.from[i])
    ? known.parts
    : undefined;
}

/** The nominee key parts of a row: remembered, or worked out now. */
function partsOf(values: Record<string, CellValue>): string[] | null {
  const known = rememberedParts(values);
  return known !== undefined ? known : nomineeParts(nomineeValues(values));
}

/** Pairs of rows of different units that name the same nominee; each row gets a note naming the other. */
export function crossUnitDuplicates(rows: MasterRow[]): CrossDuplicates {
  const notes = new Map<number, string[]>();
  const issues: IssueRow[] = [];
  const buckets = new Map<string, number[]>();
  rows.forEach((row, i) => {
    if (!row.unit) return;
    // the name alone sorts rows into buckets; the other parts are read only where a bucket has two rows
    const known = rememberedParts(row.values);
    const k =
      known !== undefined
        ? (known?.[1] ?? null)
        : nomineeNameKey({ [NOMINEE_FIELDS.name]: nomineeValue(row.values[NOMINEE_FIELDS.name]) });
    if (k === null) return;
    const b = buckets.get(k);
    if (b) b.push(i);
    else buckets.set(k, [i]);
  });
  for (const idx of buckets.values()) {
    if (idx.length < 2) continue;
    // Each row's unit key and nominee key parts once, not once per pair (a common name fills a
    // bucket with hundreds of rows).
    const units = idx.map((i) => unitKey(rows[i]!.unit));
    const parts = idx.map((i) => partsOf(rows[i]!.values));
    for (let x = 0; x < idx.length; x++) {
      const a = rows[idx[x]!]!;
      for (let y = x + 1; y < idx.length; y++) {
        const b = rows[idx[y]!]!;
        if (units[x] === units[y]) continue; // within a unit: reported by the file check
        if (!sameKeyParts(parts[x]!, parts[y]!)) continue;
        for (const [self, other, i] of [
          [a, b, idx[x]!],
          [b, a, idx[y]!],
        ] as const) {
          const note = `${CROSS_DUPLICATE_PREFIX}${other.unit} (${other.file}, ${other.source})`;
          const list = notes.get(i) ?? [];
          list.push(note);
          notes.set(i, list);
          const issue = makeIssue(
            'duplicate-nominee',
            { file: self.file },
            {
              name: display(self.values['ten']),
              other: `đề nghị của ${other.unit}, tệp „${other.file}”, ${other.source}`,
              otherEn: `the nomination by ${other.unit}, file "${other.file}", ${other.source}`,
            },
          );
          issues.push({
            file: self.file,
            unit: self.unit,
            sheet: CROSS_CHECK_SHEET,
            cell: self.source,
            field: '',
            code: issue.code,
            severity: issue.severity,
            message: issue.message,
          });
        }
      }
    }
  }
  return { notes, issues };
}
