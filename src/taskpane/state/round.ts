/**
 * The files of the current round, from drop to merge: what the engine found in each, and what the clerk
 * changed (unit, received date, columns, left out). Pure reducer, so the rules are tested without a browser.
 */
import type { IsoDate } from '../../core/campaign/deadline';
import type { IncomingList } from '../../core/master/merge';
import type { Severity } from '../../core/issues';
import type { Roster } from '../../core/units/roster';
import type { ColumnChoice, ParsedFile } from '../parse/parse-file';

export interface ReceivedFile {
  id: string;
  name: string;
  /** Null while the file is being read. */
  parsed: ParsedFile | null;
  /** The sending unit as it stands (found by the engine or chosen by the clerk). */
  unit: string | null;
  inRoster: boolean;
  confidence: number;
  unitByClerk: boolean;
  received: IsoDate;
  receivedByClerk: boolean;
  excluded: boolean;
  columns: ColumnChoice[];
  rechecking: boolean;
}

export interface RoundState {
  files: ReceivedFile[];
  /** Files dropped in the current batch and files of it read so far. */
  batch: { total: number; done: number };
}

export type RoundAction =
  | { type: 'added'; files: { id: string; name: string }[]; today: IsoDate }
  | { type: 'parsed'; file: ParsedFile }
  | { type: 'unit'; id: string; unit: string | null; roster: Roster }
  | { type: 'received'; id: string; date: IsoDate }
  | { type: 'exclude'; id: string; excluded: boolean }
  | { type: 'columns'; id: string; columns: ColumnChoice[] }
  | { type: 'remove'; id: string }
  | { type: 'clear' }
  | { type: 'merged'; ids: string[] };

export const emptyRound: RoundState = { files: [], batch: { total: 0, done: 0 } };

const update = (s: RoundState, id: string, f: (x: ReceivedFile) => ReceivedFile): RoundState => ({
  ...s,
  files: s.files.map((x) => (x.id === id ? f(x) : x)),
});

export function roundReducer(s: RoundState, a: RoundAction): RoundState {
  switch (a.type) {
    case 'added': {
      const fresh = s.batch.done >= s.batch.total;
      const files = a.files.map((f): ReceivedFile => ({
        id: f.id,
        name: f.name,
        parsed: null,
        unit: null,
        inRoster: false,
        confidence: 0,
        unitByClerk: false,
        received: a.today,
        receivedByClerk: false,
        excluded: false,
        columns: [],
        rechecking: false,
      }));
      return {
        files: [...s.files, ...files],
        batch: fresh
          ? { total: files.length, done: 0 }
          : { total: s.batch.total + files.length, done: s.batch.done },
      };
    }
    case 'parsed': {
      const cur = s.files.find((f) => f.id === a.file.id);
      if (!cur) return s;
      const first = cur.parsed === null;
      const u = a.file.unit;
      const next = update(s, a.file.id, (f) => ({
        ...f,
        parsed: a.file,
        rechecking: false,
        ...(f.unitByClerk ? {} : { unit: u.unit, inRoster: u.inRoster, confidence: u.confidence }),
      }));
      return first ? { ...next, batch: { ...next.batch, done: next.batch.done + 1 } } : next;
    }
    case 'unit': {
      const inRoster = !!a.unit && a.roster.units.some((u) => u.name === a.unit);
      return update(s, a.id, (f) => ({
        ...f,
        unit: a.unit,
        inRoster,
        confidence: a.unit ? 1 : 0,
        unitByClerk: a.unit !== null,
      }));
    }
    case 'received':
      return update(s, a.id, (f) => ({ ...f, received: a.date, receivedByClerk: true }));
    case 'exclude':
      return update(s, a.id, (f) => ({ ...f, excluded: a.excluded }));
    case 'columns':
      return update(s, a.id, (f) => ({ ...f, columns: a.columns, rechecking: true }));
    case 'remove':
      return { ...s, files: s.files.filter((f) => f.id !== a.id) };
    case 'clear':
      return emptyRound;
    case 'merged':
      return { ...s, files: s.files.filter((f) => !a.ids.includes(f.id)) };
  }
}

export function severityCounts(f: ParsedFile | null): Record<Severity, number> {
  const c: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const i of f?.report.issues ?? []) c[i.severity]++;
  return c;
}

/** The files that would be merged now: read, not left out. */
export function mergeable(s: RoundState): ReceivedFile[] {
  return s.files.filter((f) => f.parsed && !f.excluded);
}

/** The engine's input for the files to merge. */
export function incomingOf(files: ReceivedFile[]): IncomingList[] {
  return files
    .filter((f) => f.parsed)
    .map((f) => ({
      file: f.name,
      digest: f.parsed!.digest,
      received: f.received,
      receivedFrom: f.receivedByClerk ? 'given' : 'today',
      report: f.parsed!.report,
      unit: f.unit,
      inRoster: f.inRoster,
      candidates: f.parsed!.unit.candidates,
      confidence: f.confidence,
    }));
}
