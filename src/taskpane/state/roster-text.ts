/**
 * The roster the clerk types or pastes into the campaign form: one unit a line, or a table copied from
 * Excel (tab-separated) with a header row "Tên đơn vị", "Nhóm", "Tên khác"… read by the engine's roster
 * reader.
 */
import { rosterFromRows, type Roster, type RosterUnit } from '../../core/units/roster';

export function rosterFromText(text: string): { roster: Roster; problems: string[] } {
  const rows = text
    .split(/\r?\n/)
    .map((l) => l.split('\t').map((c) => c.trim()))
    .filter((r) => r.some((c) => c !== ''));
  if (rows.length === 0) return { roster: { units: [] }, problems: [] };
  const withHeader = rosterFromRows(rows);
  if (withHeader.roster.units.length > 0) return withHeader;
  // No header: the first cell of each line is a unit's name.
  return rosterFromRows([['Tên đơn vị'], ...rows.map((r) => [r.find((c) => c !== '') ?? ''])]);
}

/** A roster as tab-separated text with its header (what the form shows after importing a file). */
export function rosterToText(roster: Roster): string {
  const columns: [string, (u: RosterUnit) => string][] = [
    ['Nhóm', (u) => u.group ?? ''],
    ['Tên khác', (u) => u.aliases.join('; ')],
    ['Email', (u) => u.email ?? ''],
    ['Người liên hệ', (u) => u.contact ?? ''],
    ['Điện thoại', (u) => u.phone ?? ''],
  ];
  const used = columns.filter(([, get]) => roster.units.some((u) => get(u) !== ''));
  if (used.length === 0) return roster.units.map((u) => u.name).join('\n');
  const head = ['Tên đơn vị', ...used.map(([h]) => h)];
  const lines = roster.units.map((u) => [u.name, ...used.map(([, get]) => get(u))].join('\t'));
  return [head.join('\t'), ...lines].join('\n');
}
