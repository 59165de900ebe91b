/**
 * What a merge will change, for the task pane's "before writing" screen: the units whose first list
 * arrives, the units whose list is replaced (rows in, rows out), the files already merged as they are,
 * the files that will not be merged and why, and the late units. Worked out by running the merge itself
 * (mergeLists) on a copy, so the preview and the merge cannot disagree; the model is not changed.
 */
import { makeIssue, type Issue } from '../issues';
import { mergeLists, shortMessage, type FileOutcome, type IncomingList } from './merge';
import type { MasterModel } from './model';
import { unitKey } from './row-key';

export interface MergePreview {
  /** Units whose first list this merge brings, in the order of the files. */
  newUnits: string[];
  /**
   * Units whose earlier list is replaced: `added` rows of the new list go in, `removed` rows of the list
   * in the master come out; `version` is the list's number after the merge (2 for the first correction).
   */
  replaced: { unit: string; added: number; removed: number; version: number }[];
  /** Files already merged exactly as they are (nothing to do). */
  unchanged: string[];
  /** Files that will not be merged, with the reason in Vietnamese. */
  notMerged: { file: string; reason: string }[];
  /** Rows that go into Tổng hợp, and rows that come out of it. */
  rowsAdded: number;
  rowsRemoved: number;
  /** Units of this merge whose (first) list came after the deadline. */
  lateUnits: { unit: string; daysLate: number }[];
}

/** Codes that mean the file could not be read at all. */
const UNREADABLE = new Set(['unreadable-file', 'encrypted-file', 'unsupported-format', 'too-large']);

function sentence(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Why a file is not merged: the finding that stopped it, without the file name (shown next to it). */
function reasonOf(outcome: FileOutcome, list: IncomingList): string {
  const pick = (issues: Issue[]) =>
    issues.find((i) => UNREADABLE.has(i.code)) ?? issues.find((i) => i.code === 'unknown-unit');
  // (a file refused before and given again as it is has no findings of this merge: said again here)
  const found =
    pick(outcome.issues) ??
    pick(list.report.issues) ??
    (list.report.sheets.length > 0
      ? makeIssue(
          'unknown-unit',
          { file: list.file },
          {
            candidates: list.candidates?.length
              ? list.candidates.map((x) => `${x.name} (${Math.round(x.score * 100)}%)`).join('; ')
              : undefined,
          },
        )
      : undefined);
  return found ? sentence(shortMessage(found)) : 'Không đọc được tệp.';
}

/** What merging `lists` into `model` at `now` would change; `model` is left as it is. */
export function previewMerge(model: MasterModel, lists: IncomingList[], now: string): MergePreview {
  const { files } = mergeLists(model, lists, now);
  const preview: MergePreview = {
    newUnits: [],
    replaced: [],
    unchanged: [],
    notMerged: [],
    rowsAdded: 0,
    rowsRemoved: 0,
    lateUnits: [],
  };
  /** Per unit (by key): its entry in newUnits / replaced, and the rows its latest list brings. */
  const units = new Map<
    string,
    { name: string; isNew: boolean; rows: number; removed: number; version: number; daysLate: number }
  >();

  files.forEach((o, i) => {
    const list = lists[i]!;
    if (o.action === 'not-merged' || (o.action === 'unchanged' && o.version === 0)) {
      // (unchanged with no version: the same file was refused before, and is again)
      preview.notMerged.push({ file: o.file, reason: reasonOf(o, list) });
      return;
    }
    if (o.action === 'unchanged') {
      preview.unchanged.push(o.file);
      return;
    }
    const name = o.unit!;
    const k = unitKey(name);
    const rows = o.added + o.replaced;
    const u = units.get(k);
    if (!u) {
      // the unit's first list of this merge: what it takes out is what the master holds now
      units.set(k, {
        name,
        isNew: o.action === 'merged',
        rows,
        removed: o.replaced + o.removed,
        version: o.version,
        daysLate: o.late ? o.daysLate : 0,
      });
    } else {
      // a later list of the same unit in this merge replaces the earlier one before anything is written
      u.rows = rows;
      u.version = o.version;
      u.daysLate = o.late ? o.daysLate : 0;
    }
  });

  for (const u of units.values()) {
    if (u.isNew) preview.newUnits.push(u.name);
    else preview.replaced.push({ unit: u.name, added: u.rows, removed: u.removed, version: u.version });
    preview.rowsAdded += u.rows;
    preview.rowsRemoved += u.removed;
    if (u.daysLate > 0) preview.lateUnits.push({ unit: u.name, daysLate: u.daysLate });
  }
  return preview;
}
