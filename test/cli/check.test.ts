import fs from 'fs';
import path from 'path';
import { tonghop, scratchDir, write } from './cli-harness';
import { listXlsx, listSheetJs, listCsv, SAMPLE_NOMINEES, type Nominee } from '../support/returned-list';

interface JsonReport {
  files: {
    file: string;
    sheets: { name: string; status: string; rows: number }[];
    unit: unknown;
    rows: number;
    issues: {
      code: string;
      severity: string;
      sheet: string | null;
      cell: string | null;
      field: string | null;
      message: string;
    }[];
  }[];
}

const dir = scratchDir();

async function check(...files: string[]): Promise<{ code: number; report: JsonReport; stdout: string }> {
  const out = path.join(dir, `report-${Math.random().toString(36).slice(2)}.json`);
  const res = await tonghop('check', ...files, '--json', out);
  const report = JSON.parse(fs.readFileSync(out, 'utf8')) as JsonReport;
  return { code: res.code, report, stdout: res.stdout };
}

const errorsOf = (f: JsonReport['files'][number]) => f.issues.filter((i) => i.severity === 'error');

describe('tonghop check on returned lists', () => {
  test('a district list in .xlsx with a two-row header, sections and a signature block: 5 nominees, no errors', async () => {
    const file = write(dir, 'UBND_huyen_Van_Lam.xlsx', await listXlsx({ nominees: SAMPLE_NOMINEES }));
    const { code, report, stdout } = await check(file);
    expect(code).toBe(0);
    const f = report.files[0];
    expect(f.file).toBe('UBND_huyen_Van_Lam.xlsx');
    expect(f.unit).toBeNull();
    expect(f.rows).toBe(5);
    expect(errorsOf(f)).toEqual([]);
    expect(stdout).toContain('UBND_huyen_Van_Lam.xlsx: 5 dòng đề nghị');
  });

  test('the same list typed in TCVN3 (.VnTime/.VnTimeH) is decoded and reported as legacy-encoding', async () => {
    const file = write(dir, 'tcvn3.xlsx', await listXlsx({ nominees: SAMPLE_NOMINEES, encoding: 'tcvn3' }));
    const { report } = await check(file);
    const f = report.files[0];
    expect(f.rows).toBe(5);
    expect(errorsOf(f)).toEqual([]);
    const legacy = f.issues.find((i) => i.code === 'legacy-encoding');
    expect(legacy?.severity).toBe('info');
    expect(legacy?.message).toMatch(/đã chuyển \d+ ô từ phông cũ \(TCVN3\)/);
  });

  test('a VNI-Windows list decodes to the same nominees as the Unicode one', async () => {
    const uni = write(dir, 'uni.xlsx', await listXlsx({ nominees: SAMPLE_NOMINEES }));
    const vni = write(dir, 'vni.xlsx', await listXlsx({ nominees: SAMPLE_NOMINEES, encoding: 'vni' }));
    const a = await tonghop('text', uni, '--no-sheet-names');
    const b = await tonghop('text', vni, '--no-sheet-names');
    expect(b.code).toBe(0);
    expect(b.stdout).toBe(a.stdout);
    expect(b.stdout).toContain('Nguyễn Thị Hoa');
  });

  test('an old .xls (BIFF8) and an .ods are read like the .xlsx', async () => {
    const xls = write(dir, 'list.xls', listSheetJs({ nominees: SAMPLE_NOMINEES }, 'xls'));
    const ods = write(
      dir,
      'list.ods',
      listSheetJs({ nominees: SAMPLE_NOMINEES, header: 'one-row', sections: false }, 'ods'),
    );
    const { report } = await check(xls, ods);
    expect(report.files.map((f) => f.rows)).toEqual([5, 5]);
    expect(report.files.flatMap(errorsOf)).toEqual([]);
  });

  test('CSV with a BOM, comma or semicolon or tab, header on row 1', async () => {
    const files = [
      write(dir, 'bom-comma.csv', listCsv(SAMPLE_NOMINEES)),
      write(dir, 'semicolon.csv', listCsv(SAMPLE_NOMINEES, { delimiter: ';' })),
      write(dir, 'tab.csv', listCsv(SAMPLE_NOMINEES, { delimiter: '\t', bom: false })),
    ];
    const { report } = await check(...files);
    expect(report.files.map((f) => f.rows)).toEqual([5, 5, 5]);
    expect(report.files.flatMap(errorsOf)).toEqual([]);
  });

  test('"Đơn vị không có tập thể, cá nhân đề nghị" means zero nominees, not an error', async () => {
    const file = write(dir, 'empty.xlsx', await listXlsx({ nominees: [], empty: true }));
    const { report } = await check(file);
    const f = report.files[0];
    expect(f.rows).toBe(0);
    expect(errorsOf(f)).toEqual([]);
    expect(f.issues.map((i) => i.code)).toContain('no-nominees');
  });

  test('bad values are reported with file, sheet, cell and field, all in one pass', async () => {
    const bad: Nominee[] = [
      { ...SAMPLE_NOMINEES[2], linhVuc: '' },
      { ...SAMPLE_NOMINEES[3], namSinh: '19a5' },
      { ...SAMPLE_NOMINEES[4], donViCongTac: undefined },
    ];
    const file = write(dir, 'bad.xlsx', await listXlsx({ nominees: bad }));
    const { report } = await check(file);
    const f = report.files[0];
    expect(f.rows).toBe(3);
    const errs = errorsOf(f).map((i) => `${i.code} ${i.field} ${i.cell}`);
    // rows: header block 6 rows, header 7-8, numbering 9, "II. CÁ NHÂN" 10, nominees 11..13
    expect(errs).toEqual([
      'constraint-error linhVuc F11',
      'type-error namSinh C12',
      'constraint-error donViCongTac E13',
    ]);
    for (const i of errorsOf(f)) {
      expect(i.message).toContain('Tệp „bad.xlsx”');
      expect(i.message).toContain('trang „Danh sách”');
      expect(i.message).toContain(`ô ${i.cell}`);
    }
  });

  test('a broken file is refused with a reason and the run goes on', async () => {
    const broken = write(
      dir,
      'broken.xlsx',
      Buffer.from('PK\u0003\u0004 this is not really a zip file at all'),
    );
    const good = write(dir, 'good.csv', listCsv(SAMPLE_NOMINEES));
    const { code, report } = await check(broken, good);
    expect(code).toBe(0);
    expect(report.files[0].issues[0].code).toBe('unreadable-file');
    expect(report.files[0].rows).toBe(0);
    expect(report.files[1].rows).toBe(5);
  });

  test('a missing input file is reported, not a crash', async () => {
    const { code, report } = await check(path.join(dir, 'khong-co.xlsx'));
    expect(code).toBe(0);
    expect(report.files[0].issues[0].message).toContain('không tìm thấy tệp');
  });

  test('--schema replaces the built-in fields', async () => {
    const schema = {
      fields: [
        { name: 'ten', title: 'Họ và tên', type: 'string', constraints: { required: true } },
        { name: 'email', title: 'Email', type: 'string', constraints: { required: true } },
      ],
    };
    const s = write(dir, 'schema.json', JSON.stringify(schema));
    const file = write(dir, 'for-schema.csv', listCsv(SAMPLE_NOMINEES));
    const res = await tonghop('check', file, '--schema', s, '--json', '-');
    const report = JSON.parse(res.stdout) as JsonReport;
    const codes = report.files[0].issues.map((i) => `${i.code}:${i.field ?? ''}`);
    expect(codes).toContain('missing-label:email');
    expect(codes).not.toContain('missing-label:linhVuc');
  });

  test('usage errors exit 2, an unusable schema exits 1', async () => {
    expect((await tonghop('check')).code).toBe(2);
    expect((await tonghop('frobnicate')).code).toBe(2);
    expect((await tonghop('check', '--nope', 'x.csv')).code).toBe(2);
    const badSchema = write(dir, 'bad-schema.json', '{ not json');
    const res = await tonghop('check', write(dir, 'x.csv', listCsv(SAMPLE_NOMINEES)), '--schema', badSchema);
    expect(res.code).toBe(1);
    expect(res.stderr).toContain('không phải JSON hợp lệ');
  });
});

describe('tonghop text', () => {
  test('prints the decoded text of a TCVN3 list, sheet by sheet, tab-separated', async () => {
    const file = write(
      dir,
      'text-tcvn3.xlsx',
      await listXlsx({ nominees: SAMPLE_NOMINEES, encoding: 'tcvn3' }),
    );
    const res = await tonghop('text', file);
    expect(res.code).toBe(0);
    const lines = res.stdout.split('\n');
    expect(lines[0]).toBe('=== Danh sách ===');
    expect(lines[1].split('\t')[0]).toBe('UBND HUYỆN VĂN LÂM');
    expect(res.stdout).toContain('Nguyễn Thị Hoa\t1978\tTrưởng phòng\tPhòng Nội vụ huyện Văn Lâm');
    expect(res.stdout).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
  });
});
