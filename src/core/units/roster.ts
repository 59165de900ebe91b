/**
 * The roster: the units a letter was sent to (Sở, ban, ngành; UBND huyện, thị xã, thành phố; enterprises,
 * universities; the Department's own divisions), read from a table the clerk keeps.
 */
import { cellText, type GridWorkbook } from '../grid';
import { headerKey, nameKey } from '../text/key';

export interface RosterUnit {
  /** The unit's name as the clerk writes it ("UBND thị xã Mỹ Hào"). */
  name: string;
  /** Group of recipients ("UBND huyện, thị xã, thành phố", "Sở, ban, ngành" …). */
  group?: string;
  /** Other spellings ("UBND TX Mỹ Hào", "Mỹ Hào"). */
  aliases: string[];
  email?: string;
  contact?: string;
  phone?: string;
}

export interface Roster {
  units: RosterUnit[];
}

type RosterField = 'name' | 'group' | 'aliases' | 'email' | 'contact' | 'phone';

/** Accepted headers of each column, compared through headerKey(). */
const HEADERS: Record<RosterField, string[]> = {
  name: ['Tên đơn vị', 'Tên cơ quan, đơn vị', 'Cơ quan, đơn vị', 'Đơn vị'],
  group: ['Nhóm', 'Nhóm đơn vị', 'Khối', 'Loại đơn vị'],
  aliases: ['Tên khác', 'Tên gọi khác', 'Tên viết tắt'],
  email: ['Email', 'E-mail', 'Thư điện tử'],
  contact: ['Người liên hệ', 'Cán bộ đầu mối', 'Đầu mối'],
  phone: ['Điện thoại', 'Số điện thoại', 'SĐT', 'ĐT'],
};

const HEADER_KEYS: [string, RosterField][] = (Object.keys(HEADERS) as RosterField[]).flatMap((f) =>
  HEADERS[f].map((h): [string, RosterField] => [headerKey(h), f]),
);

/** How many rows from the top to look for the header row. */
const HEADER_SEARCH_ROWS = 10;

function clean(s: string | undefined): string {
  return (s ?? '').replace(/\s+/g, ' ').trim();
}

function mapHeader(row: string[]): Map<RosterField, number> | null {
  const map = new Map<RosterField, number>();
  row.forEach((cell, c) => {
    const k = headerKey(cell);
    if (!k) return;
    const hit = HEADER_KEYS.find(([key]) => key === k);
    if (hit && !map.has(hit[1])) map.set(hit[1], c);
  });
  return map.has('name') ? map : null;
}

/**
 * Reads a roster table: a header row with "Tên đơn vị" (required), "Nhóm", "Tên khác" (aliases separated
 * by ";"), "Email", "Người liên hệ", "Điện thoại", then one unit a row. Rows without a name are skipped.
 * `problems` lists, in Vietnamese then English, what the clerk should fix (missing column, duplicate unit,
 * an alias that names two units).
 */
export function rosterFromRows(rows: string[][]): { roster: Roster; problems: string[] } {
  const problems: string[] = [];
  let headerRow = -1;
  let cols: Map<RosterField, number> | null = null;
  for (let r = 0; r < Math.min(rows.length, HEADER_SEARCH_ROWS); r++) {
    cols = mapHeader(rows[r] ?? []);
    if (cols) {
      headerRow = r;
      break;
    }
  }
  if (!cols) {
    problems.push(
      'Không tìm thấy cột “Tên đơn vị” trong danh sách đơn vị. / No “Tên đơn vị” (unit name) column in the roster.',
    );
    return { roster: { units: [] }, problems };
  }
  const get = (row: string[], f: RosterField): string | undefined => {
    const c = cols?.get(f);
    if (c === undefined) return undefined;
    const v = clean(row[c]);
    return v === '' ? undefined : v;
  };

  const units: RosterUnit[] = [];
  /** key → index of the unit that owns it (name or alias). */
  const owner = new Map<string, number>();
  for (let r = headerRow + 1; r < rows.length; r++) {
    const row = rows[r] ?? [];
    const name = get(row, 'name');
    if (!name) continue;
    const nameK = nameKey(name);
    const prev = owner.get(nameK);
    if (prev !== undefined && units[prev] && nameKey(units[prev].name) === nameK) {
      problems.push(
        `Dòng ${r + 1}: đơn vị “${name}” trùng với “${units[prev].name}”, bỏ qua. / ` +
          `Row ${r + 1}: unit “${name}” repeats “${units[prev].name}”; skipped.`,
      );
      continue;
    }
    const idx = units.length;
    const aliases: string[] = [];
    const seen = new Set<string>([nameK]);
    for (const a of (get(row, 'aliases') ?? '').split(/[;\n]/)) {
      const alias = clean(a);
      const k = nameKey(alias);
      if (!k || seen.has(k)) continue;
      seen.add(k);
      aliases.push(alias);
    }
    for (const k of seen) {
      const o = owner.get(k);
      if (o !== undefined && o !== idx) {
        const other = units[o]?.name ?? '';
        problems.push(
          `Dòng ${r + 1}: tên “${name}” hoặc tên khác của nó trùng với đơn vị “${other}”; ` +
            `tên đó không dùng để nhận diện được. / Row ${r + 1}: “${name}” or one of its aliases is also ` +
            `a name of “${other}”; it cannot identify either.`,
        );
      } else owner.set(k, idx);
    }
    const unit: RosterUnit = { name, aliases };
    const group = get(row, 'group');
    const email = get(row, 'email');
    const contact = get(row, 'contact');
    const phone = get(row, 'phone');
    if (group) unit.group = group;
    if (email) unit.email = email;
    if (contact) unit.contact = contact;
    if (phone) unit.phone = phone;
    units.push(unit);
  }
  if (units.length === 0) problems.push('Danh sách đơn vị không có đơn vị nào. / The roster lists no unit.');
  return { roster: { units }, problems };
}

/**
 * The roster of a workbook the clerk gives (.csv/.xlsx/.xls/.ods): the first sheet with a "Tên đơn vị" column
 * and at least one unit. No such sheet: no units, with the last sheet's problems.
 */
export function rosterFromWorkbook(wb: GridWorkbook): { roster: Roster; problems: string[] } {
  let last: string[] = [];
  for (const sheet of wb.sheets) {
    const got = rosterFromRows(sheet.rows.map((r) => (r ?? []).map((c) => cellText(c))));
    if (got.roster.units.length > 0) return got;
    last = got.problems;
  }
  return { roster: { units: [] }, problems: last };
}
