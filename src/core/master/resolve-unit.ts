/**
 * Which unit a returned file comes from, for a merge: the clerk's word first (`--unit NAME`, the
 * task pane's dropdown), else the evidence in the file (header block, "Đơn vị:" line, sheet and file
 * names) matched against the roster, never a confident wrong guess.
 */
import type { GridWorkbook } from '../grid';
import type { FileReport } from '../check';
import { headerBlockLines, identifyUnit, type UnitMatch } from '../units/identify-unit';
import type { Roster } from '../units/roster';
import { nameKey } from '../text/key';

export interface ResolvedUnit {
  /** Roster name, the clerk's name for a unit outside the roster, or null when unknown. */
  unit: string | null;
  inRoster: boolean;
  confidence: number;
  candidates: { name: string; score: number }[];
  /** Where the unit came from. */
  source: UnitMatch['source'] | 'given';
}

/** The sheet whose header block names the sender: the first sheet with a list, else the first visible one. */
function evidenceSheet(wb: GridWorkbook, report: FileReport | null) {
  const read = report?.sheets.find((s) => s.status === 'read' || s.status === 'no-nominees');
  const byName = read ? wb.sheets.find((s) => s.name === read.name) : undefined;
  return byName ?? wb.sheets.find((s) => s.visibility === 'visible') ?? wb.sheets[0];
}

export function resolveUnit(
  wb: GridWorkbook | null,
  report: FileReport | null,
  fileName: string,
  roster: Roster,
  given?: string,
): ResolvedUnit {
  if (given && given.trim()) {
    const name = given.replace(/\s+/g, ' ').trim();
    const exact = roster.units.find(
      (u) => nameKey(u.name) === nameKey(name) || u.aliases.some((a) => nameKey(a) === nameKey(name)),
    );
    if (exact) return { unit: exact.name, inRoster: true, confidence: 1, candidates: [], source: 'given' };
    const m = identifyUnit({ headerLines: [], unitLine: name, sheetNames: [], fileName: '' }, roster);
    if (m.unit && m.source === 'unit-line') {
      return {
        unit: m.unit.name,
        inRoster: true,
        confidence: m.confidence,
        candidates: m.candidates,
        source: 'given',
      };
    }
    return { unit: name, inRoster: false, confidence: 1, candidates: m.candidates, source: 'given' };
  }
  const sheet = wb ? evidenceSheet(wb, report) : undefined;
  const block = sheet ? headerBlockLines(sheet) : { headerLines: [] as string[] };
  const m = identifyUnit(
    {
      headerLines: block.headerLines,
      ...(block.unitLine !== undefined ? { unitLine: block.unitLine } : {}),
      sheetNames: wb ? wb.sheets.filter((s) => s.visibility === 'visible').map((s) => s.name) : [],
      fileName,
    },
    roster,
  );
  return {
    unit: m.unit?.name ?? null,
    inRoster: m.unit !== null,
    confidence: m.confidence,
    candidates: m.candidates,
    source: m.source,
  };
}
