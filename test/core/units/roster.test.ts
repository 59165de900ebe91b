import { rosterFromRows } from '../../../src/core/units/roster';
import { ROSTER_ROWS } from './roster-fixture';

describe('rosterFromRows', () => {
  test("reads the clerk's table under its title: names, groups, aliases, contacts", () => {
    const { roster, problems } = rosterFromRows(ROSTER_ROWS);
    expect(problems).toEqual([]);
    expect(roster.units).toHaveLength(45);
    const myHao = roster.units.find((u) => u.name === 'UBND thị xã Mỹ Hào');
    expect(myHao).toEqual({
      name: 'UBND thị xã Mỹ Hào',
      group: 'UBND huyện, thị xã, thành phố',
      // "UBND TX Mỹ Hào" has the same key as the name: not kept twice
      aliases: ['Thị xã Mỹ Hào'],
      email: 'myhao@hungyen.gov.vn',
      contact: 'Lê Văn Cường',
      phone: '0221 3943 333',
    });
    const so = roster.units.find((u) => u.name === 'Sở Nội vụ');
    expect(so).toEqual({
      name: 'Sở Nội vụ',
      group: 'Sở, ban, ngành, hội - đoàn thể tỉnh',
      aliases: [],
      email: 'snv@hungyen.gov.vn',
    });
  });

  test('headers are matched without accents, case or numbering; columns in any order', () => {
    const { roster, problems } = rosterFromRows([
      ['TEN DON VI (1)', 'DIEN THOAI', 'Tên gọi khác', 'E-mail'],
      ['Sở Y tế', '0221 3862 000', 'SYT ;  Sở Y tế Hưng Yên;', 'syt@hungyen.gov.vn'],
      ['', '', '', ''],
      ['  Trường Cao đẳng   Y tế Hưng Yên ', '', '', ''],
    ]);
    expect(problems).toEqual([]);
    expect(roster.units).toEqual([
      {
        name: 'Sở Y tế',
        aliases: ['SYT', 'Sở Y tế Hưng Yên'],
        phone: '0221 3862 000',
        email: 'syt@hungyen.gov.vn',
      },
      { name: 'Trường Cao đẳng Y tế Hưng Yên', aliases: [] },
    ]);
  });

  test('no "Tên đơn vị" column: a problem, no units', () => {
    const { roster, problems } = rosterFromRows([
      ['STT', 'Đơn vị công tác', 'Email'],
      ['1', 'Sở Y tế', 'syt@hungyen.gov.vn'],
    ]);
    expect(roster.units).toEqual([]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/Tên đơn vị.*\/ No/);
  });

  test('a unit listed twice and an alias shared by two units are reported', () => {
    const { roster, problems } = rosterFromRows([
      ['Tên đơn vị', 'Tên khác'],
      ['UBND huyện Văn Lâm', 'Văn Lâm'],
      ['Ủy ban nhân dân huyện Văn Lâm', ''],
      ['UBND huyện Văn Giang', 'Văn Lâm'],
    ]);
    expect(roster.units.map((u) => u.name)).toEqual(['UBND huyện Văn Lâm', 'UBND huyện Văn Giang']);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^Dòng 3: .*trùng/);
    expect(problems[1]).toMatch(/^Dòng 4: .*Văn Giang.*UBND huyện Văn Lâm/);
  });
});
