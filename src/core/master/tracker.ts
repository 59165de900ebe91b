/**
 * Theo dõi: every roster unit with its status — on time, late, missing — derived from the merge log
 * and the current rows. Lateness is that of a unit's first list: a unit that sent on time and corrected
 * later stays on time.
 */
import { lateness } from '../campaign/deadline';
import type { MasterModel, TrackerRow, TrackerStatus } from './model';
import { unitVersions } from './merge';
import { unitKey } from './row-key';

const TAP_THE = 'tập thể';
const CA_NHAN = 'cá nhân';

/** The type of a Tổng hợp row from its Loại value, for counting (Theo dõi, Báo cáo); null for anything else. */
export function typeOf(v: unknown): 'tapThe' | 'caNhan' | null {
  if (typeof v !== 'string') return null;
  const t = v.normalize('NFC').trim().toLowerCase();
  if (t === TAP_THE) return 'tapThe';
  if (t === CA_NHAN) return 'caNhan';
  return null;
}

export function computeTracker(model: MasterModel): TrackerRow[] {
  const out: TrackerRow[] = [];
  const seen = new Set<string>();
  const entries: {
    name: string;
    group: string;
    inRoster: boolean;
    email: string;
    contact: string;
    phone: string;
  }[] = model.roster.units.map((u) => ({
    name: u.name,
    group: u.group ?? '',
    inRoster: true,
    email: u.email ?? '',
    contact: u.contact ?? '',
    phone: u.phone ?? '',
  }));
  for (const u of model.roster.units) seen.add(unitKey(u.name));
  // Units the clerk named that are not in the roster, in the order they were first merged.
  for (const e of model.log) {
    if ((e.action !== 'merged' && e.action !== 'replaced') || !e.unit) continue;
    const k = unitKey(e.unit);
    if (seen.has(k)) continue;
    seen.add(k);
    entries.push({ name: e.unit, group: '', inRoster: false, email: '', contact: '', phone: '' });
  }

  const rowsByUnit = new Map<string, { tapThe: number; caNhan: number; other: number }>();
  for (const row of model.rows) {
    const k = unitKey(row.unit);
    const c = rowsByUnit.get(k) ?? { tapThe: 0, caNhan: 0, other: 0 };
    const t = typeOf(row.values['loai']);
    if (t) c[t]++;
    else c.other++;
    rowsByUnit.set(k, c);
  }
  const errorsByUnit = new Map<string, number>();
  for (const i of model.issues) {
    if (i.severity !== 'error' || !i.unit) continue;
    const k = unitKey(i.unit);
    errorsByUnit.set(k, (errorsByUnit.get(k) ?? 0) + 1);
  }

  for (const e of entries) {
    const k = unitKey(e.name);
    const versions = unitVersions(model.log, e.name);
    const first = versions[0];
    const last = versions[versions.length - 1];
    let status: TrackerStatus = 'missing';
    let daysLate = 0;
    if (first) {
      const lt = lateness(first.received ?? model.config.deadline, model.config.deadline, {
        deadlineDayCounts: model.config.deadlineDayCounts,
      });
      status = lt.late ? 'late' : 'on-time';
      daysLate = lt.daysLate;
    }
    const counts = rowsByUnit.get(k) ?? { tapThe: 0, caNhan: 0, other: 0 };
    out.push({
      unit: e.name,
      group: e.group,
      inRoster: e.inRoster,
      status,
      daysLate,
      received: first?.received ?? null,
      lastReceived: last && last !== first && last.received !== first?.received ? last.received : null,
      tapThe: counts.tapThe,
      caNhan: counts.caNhan,
      otherRows: counts.other,
      rows: counts.tapThe + counts.caNhan + counts.other,
      errors: errorsByUnit.get(k) ?? 0,
      file: last?.file ?? '',
      timesSent: versions.length,
      email: e.email,
      contact: e.contact,
      phone: e.phone,
    });
  }
  return out;
}

export interface TrackerTotals {
  units: number;
  onTime: number;
  late: number;
  missing: number;
  tapThe: number;
  caNhan: number;
  rows: number;
  errors: number;
}

export function trackerTotals(rows: TrackerRow[]): TrackerTotals {
  const t: TrackerTotals = {
    units: 0,
    onTime: 0,
    late: 0,
    missing: 0,
    tapThe: 0,
    caNhan: 0,
    rows: 0,
    errors: 0,
  };
  for (const r of rows) {
    t.units++;
    if (r.status === 'on-time') t.onTime++;
    else if (r.status === 'late') t.late++;
    else t.missing++;
    t.tapThe += r.tapThe;
    t.caNhan += r.caNhan;
    t.rows += r.rows;
    t.errors += r.errors;
  }
  return t;
}
