/** The roster typed or pasted into the campaign form, and shown back after importing a file. */
import path from 'path';
import { rosterFromText, rosterToText } from '../../src/taskpane/state/roster-text';
import { loadRoster } from '../../src/cli/master-io';

test('one unit a line, as typed or pasted from one Excel column', () => {
  const { roster, problems } = rosterFromText(
    'Sở Nội vụ\n\n  UBND huyện Văn Lâm  \r\nTrường Cao đẳng Y tế Hưng Yên\n',
  );
  expect(roster.units.map((u) => u.name)).toEqual([
    'Sở Nội vụ',
    'UBND huyện Văn Lâm',
    'Trường Cao đẳng Y tế Hưng Yên',
  ]);
  expect(problems).toEqual([]);
});

test('a table pasted from Excel keeps its group, other names and contacts', () => {
  const text =
    'Tên đơn vị\tNhóm\tTên khác\tEmail\nSở Y tế\tSở, ban, ngành\tSYT; Sở Y tế tỉnh Hưng Yên\tvp.soyt@example.gov.vn';
  const u = rosterFromText(text).roster.units[0]!;
  expect(u).toMatchObject({ name: 'Sở Y tế', group: 'Sở, ban, ngành', email: 'vp.soyt@example.gov.vn' });
  expect(u.aliases).toEqual(['SYT', 'Sở Y tế tỉnh Hưng Yên']);
});

test('an imported roster shown as text reads back the same, contacts included (samples/roster.csv)', async () => {
  // read as the command line reads a roster file
  const original = (await loadRoster(path.join(__dirname, '..', '..', 'samples', 'roster.csv'))).roster;
  expect(original.units).toHaveLength(49);
  expect(original.units.every((u) => u.contact && u.email && u.phone)).toBe(true);
  expect(rosterFromText(rosterToText(original)).roster).toEqual(original);
});
