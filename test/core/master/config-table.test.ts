import fc from 'fast-check';
import type { CellValue } from '../../../src/core/grid';
import { configFromRows, configRows, defaultConfig } from '../../../src/core/master/config-table';
import type { CampaignConfig } from '../../../src/core/master/model';
import { excelSerial, isPlanDate, type ColumnPlan, type PlanValue } from '../../../src/core/plan/write-plan';

/** The table as a spreadsheet reader returns it: header row first, dates as serial numbers, sparse rows. */
function asRead(t: { columns: ColumnPlan[]; rows: PlanValue[][] }): CellValue[][] {
  const cell = (v: PlanValue): CellValue => (isPlanDate(v) ? excelSerial(v.date) : v);
  const rows = [t.columns.map((c) => c.header), ...t.rows.map((r) => r.map(cell))];
  return rows.map((r) => {
    const out = [...r];
    while (out.length > 0 && out[out.length - 1] === null) out.pop();
    return out;
  });
}

const HUNG_YEN: CampaignConfig = {
  title: 'Danh sách giới thiệu điển hình tiên tiến năm 2023',
  letterNo: '512/SKHCN-VP',
  letterDate: '2023-04-28',
  deadline: '2023-05-20',
  deadlineDayCounts: true,
  timeZone: 'Asia/Ho_Chi_Minh',
  issuer: 'SỞ KHOA HỌC VÀ CÔNG NGHỆ',
  superior: 'UBND TỈNH HƯNG YÊN',
  place: 'Hưng Yên',
};

/** Rows of a settings table typed by hand: label, value. */
function typed(...rows: [string, CellValue][]): CellValue[][] {
  return [['Mục', 'Giá trị'], ...rows];
}

describe('configRows', () => {
  test('writes one readable Vietnamese row per setting, dates as dates and yes/no as Có/Không', () => {
    const { columns, rows } = configRows({ ...HUNG_YEN, deadlineDayCounts: false });
    expect(columns.map((c) => c.header)).toEqual(['Mục', 'Giá trị']);
    expect(rows).toEqual([
      ['Tên đợt', 'Danh sách giới thiệu điển hình tiên tiến năm 2023'],
      ['Số công văn', '512/SKHCN-VP'],
      ['Ngày công văn', { date: '2023-04-28' }],
      ['Hạn nộp', { date: '2023-05-20' }],
      ['Tính cả ngày hạn là đúng hạn', 'Không'],
      ['Múi giờ', 'Asia/Ho_Chi_Minh'],
      ['Cơ quan ban hành', 'SỞ KHOA HỌC VÀ CÔNG NGHỆ'],
      ['Cơ quan chủ quản', 'UBND TỈNH HƯNG YÊN'],
      ['Địa danh', 'Hưng Yên'],
    ]);
  });

  test('leaves unknown settings blank rather than writing empty text or a bad date', () => {
    const { rows } = configRows(defaultConfig('2023-05-20'));
    const byLabel = Object.fromEntries(rows.map((r) => [r[0], r[1]]));
    expect(byLabel['Ngày công văn']).toBeNull();
    expect(byLabel['Số công văn']).toBeNull();
    expect(byLabel['Tính cả ngày hạn là đúng hạn']).toBe('Có');
  });
});

describe('defaultConfig', () => {
  test('a new campaign counts the deadline day, uses Vietnam time and the usual title', () => {
    expect(defaultConfig('2023-05-20')).toEqual({
      title: 'Danh sách giới thiệu điển hình tiên tiến',
      letterNo: '',
      letterDate: null,
      deadline: '2023-05-20',
      deadlineDayCounts: true,
      timeZone: 'Asia/Ho_Chi_Minh',
      issuer: '',
      superior: '',
      place: '',
    });
    expect(defaultConfig('2024-03-15', 'Đợt 2 năm 2024').title).toBe('Đợt 2 năm 2024');
    expect(defaultConfig('2024-03-15', '   ').title).toBe('Danh sách giới thiệu điển hình tiên tiến');
  });
});

describe('configFromRows: round trip', () => {
  test('a realistic campaign comes back exactly, with no problem', () => {
    expect(configFromRows(asRead(configRows(HUNG_YEN)))).toStrictEqual({ config: HUNG_YEN, problems: [] });
  });

  const isoDate = fc
    .date({ min: new Date(Date.UTC(1901, 0, 1)), max: new Date(Date.UTC(2199, 11, 31)), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10));
  /** Text as a clerk keeps it: no spaces around it (they are trimmed on reading). */
  const cellText = fc.string({ unit: 'grapheme', maxLength: 40 }).filter((s) => s.trim() === s);

  test('any valid configuration comes back exactly (property)', () => {
    const config = fc.record<CampaignConfig>({
      title: cellText,
      letterNo: cellText,
      letterDate: fc.option(isoDate, { nil: null }),
      deadline: isoDate,
      deadlineDayCounts: fc.boolean(),
      timeZone: fc.constantFrom(
        'Asia/Ho_Chi_Minh',
        'Asia/Bangkok',
        'UTC',
        'Europe/Paris',
        'America/New_York',
      ),
      issuer: cellText,
      superior: cellText,
      place: cellText,
    });
    fc.assert(
      fc.property(config, (c) => {
        expect(configFromRows(asRead(configRows(c)))).toStrictEqual({ config: { ...c }, problems: [] });
      }),
      { numRuns: 300 },
    );
  });

  test('rows in any order, columns swapped and an extra notes column still read the same', () => {
    const read = asRead(configRows(HUNG_YEN));
    const [header, ...body] = read;
    fc.assert(
      fc.property(
        fc.shuffledSubarray(body, { minLength: body.length, maxLength: body.length }),
        (shuffled) => {
          const swapped = [header!, ...shuffled].map((r, i) => [
            r[1] ?? null,
            i === 0 ? 'Ghi chú' : 'x',
            r[0] ?? null,
          ]);
          expect(configFromRows(swapped)).toStrictEqual({ config: HUNG_YEN, problems: [] });
        },
      ),
      { numRuns: 50 },
    );
  });
});

describe('configFromRows: what a clerk types', () => {
  test.each<[string, CellValue]>([
    ['an Excel serial number', 45066],
    ['dd/mm/yyyy text', '20/05/2023'],
    ['d/m/yyyy text', '20/5/2023'],
    ['YYYY-MM-DD text', '2023-05-20'],
    ['"ngày … tháng … năm …"', 'ngày 20 tháng 5 năm 2023'],
    ["the letter's own words", 'trước ngày 20/5/2023'],
    ['a serial with a time of day', 45066.75],
  ])('reads the deadline written as %s', (_what, value) => {
    const { config, problems } = configFromRows(typed(['Hạn nộp', value]));
    expect(config.deadline).toBe('2023-05-20');
    expect(problems).toEqual([]);
  });

  test('matches labels whatever their case, accents, spacing or trailing colon', () => {
    const { config, problems } = configFromRows([
      ['MỤC', 'GIÁ TRỊ:'],
      ['HAN NOP', '20/05/2023'],
      ['  tên   đợt  ', 'Đợt 1'],
      ['Ngày công văn:', 'ngày 28 tháng 4 năm 2023'],
      ['SO CONG VAN', '  512/SKHCN-VP '],
      ['Địa danh', 'Hưng Yên'],
      ['tính cả ngày hạn là đúng hạn', 'KHÔNG'],
    ]);
    expect(problems).toEqual([]);
    expect(config).toEqual({
      ...defaultConfig('2023-05-20', 'Đợt 1'),
      letterNo: '512/SKHCN-VP',
      letterDate: '2023-04-28',
      place: 'Hưng Yên',
      deadlineDayCounts: false,
    });
  });

  test.each<[CellValue, boolean]>([
    ['Có', true],
    ['có', true],
    ['Yes', true],
    ['TRUE', true],
    [true, true],
    ['x', true],
    ['Không', false],
    ['khong', false],
    ['No', false],
    ['FALSE', false],
    [false, false],
  ])('reads "deadline day counts" %j as %s', (value, expected) => {
    const { config, problems } = configFromRows(
      typed(['Hạn nộp', '20/05/2023'], ['Tính cả ngày hạn là đúng hạn', value]),
    );
    expect(problems).toEqual([]);
    expect(config.deadlineDayCounts).toBe(expected);
  });

  test('settings left blank take their defaults; rows it does not know are ignored', () => {
    const { config, problems } = configFromRows(
      typed(
        ['Hạn nộp', 45066],
        ['Múi giờ', null],
        ['Tính cả ngày hạn là đúng hạn', ''],
        ['Người lập', 'Nguyễn Văn A'],
      ),
    );
    expect(problems).toEqual([]);
    expect(config).toEqual({ ...defaultConfig('2023-05-20'), title: '' });
  });
});

describe('configFromRows: problems', () => {
  test('an unreadable deadline names the cell and its text, and leaves no deadline', () => {
    const read = asRead(configRows(HUNG_YEN));
    read[4] = ['Hạn nộp', 'abc'];
    const { config, problems } = configFromRows(read);
    expect(config.deadline).toBe('');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('Cấu hình, ô B5: không đọc được hạn nộp „abc”');
  });

  test('an impossible date (31/02) and a date without a year are refused, not guessed', () => {
    for (const bad of ['31/02/2023', '20/5', '0']) {
      const { config, problems } = configFromRows(typed(['Ngày công văn', bad], ['Hạn nộp', '20/05/2023']));
      expect(config.letterDate).toBeNull();
      expect(problems).toEqual([
        expect.stringContaining(`Cấu hình, ô B2: không đọc được ngày công văn „${bad}”`),
      ]);
    }
  });

  test('a blank deadline and a missing deadline row are both reported', () => {
    const blank = configFromRows(typed(['Tên đợt', 'Đợt 1'], ['Hạn nộp', null]));
    expect(blank.config.deadline).toBe('');
    expect(blank.problems).toEqual(['Cấu hình, ô B3: chưa có hạn nộp']);
    const missing = configFromRows(typed(['Tên đợt', 'Đợt 1']));
    expect(missing.config.deadline).toBe('');
    expect(missing.problems).toEqual(['Cấu hình: không có dòng „Hạn nộp”']);
  });

  test('cell addresses follow the header row when a title sits above the table', () => {
    const { problems } = configFromRows(typed(['Tên đợt', 'Đợt 1'], ['Hạn nộp', 'sớm']), { headerRow: 2 });
    expect(problems[0]).toContain('ô B5');
  });

  test('an unknown time zone and an unreadable yes/no fall back to the defaults, with a message', () => {
    const { config, problems } = configFromRows(
      typed(['Hạn nộp', '20/05/2023'], ['Múi giờ', 'Hà Nội'], ['Tính cả ngày hạn là đúng hạn', 'tùy']),
    );
    expect(config.timeZone).toBe('Asia/Ho_Chi_Minh');
    expect(config.deadlineDayCounts).toBe(true);
    expect(problems).toEqual([
      expect.stringContaining('Cấu hình, ô B3: múi giờ „Hà Nội” không có'),
      expect.stringContaining('Cấu hình, ô B4: „tùy” không phải Có hoặc Không'),
    ]);
  });

  test('a setting written twice keeps the first and says so', () => {
    const { config, problems } = configFromRows(typed(['Hạn nộp', '20/05/2023'], ['Hạn nộp', '25/05/2023']));
    expect(config.deadline).toBe('2023-05-20');
    expect(problems).toEqual([
      expect.stringContaining('dòng 3: mục „Hạn nộp” lặp lại; dùng giá trị ở dòng 2'),
    ]);
  });

  test('settings without a header row are still read from columns A and B', () => {
    const { config, problems } = configFromRows([
      ['Hạn nộp', '20/05/2023'],
      ['Địa danh', 'Hưng Yên'],
    ]);
    expect(problems).toEqual([]);
    expect(config.deadline).toBe('2023-05-20');
    expect(config.place).toBe('Hưng Yên');
  });
});
