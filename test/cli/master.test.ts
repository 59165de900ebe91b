/**
 * `tonghop init`, `merge`, `status` and `check --master` end to end on files: a master made by init,
 * lists merged into it on different days, re-submissions, the tracker and the JSON contracts.
 */
import fs from 'fs';
import path from 'path';
import { tonghop, scratchDir, write } from './cli-harness';
import { listXlsx, listSheetJs, type Nominee } from '../support/returned-list';
import { readWorkbook } from '../../src/io/read-workbook';
import { masterFromGrid } from '../../src/core/master/read-master';

const ROSTER_CSV =
  '\uFEFFTên đơn vị,Nhóm,Tên khác,Email,Người liên hệ,Điện thoại\n' +
  'UBND huyện Văn Lâm,"UBND huyện, thị xã, thành phố",UBND H. Văn Lâm,vp@vanlam.example.vn,Nguyễn Văn An,0221 3985 123\n' +
  'UBND thị xã Mỹ Hào,"UBND huyện, thị xã, thành phố",TX Mỹ Hào,vp@myhao.example.vn,Lê Thị Bình,0221 3943 456\n' +
  'Sở Y tế,"Sở, ban, ngành",SYT,vp@syt.example.vn,Trần Văn Hùng,0221 3862 317\n' +
  'Sở Nội vụ,"Sở, ban, ngành",SNV,vp@snv.example.vn,Phạm Thị Lan,0221 3862 154\n';

const HOA: Nominee = {
  ten: 'Nguyễn Thị Hoa',
  loai: 'Cá nhân',
  namSinh: 1980,
  chucVu: 'Trưởng phòng',
  donViCongTac: 'Phòng Kinh tế và Hạ tầng',
  linhVuc: 'Ứng dụng, chuyển giao tiến bộ KH&CN',
  thanhTich: 'Chủ trì mô hình trồng nấm đông trùng hạ thảo.',
};
const HTX: Nominee = {
  ten: 'Hợp tác xã Nông nghiệp Lạc Hồng',
  loai: 'Tập thể',
  linhVuc: 'Khởi nghiệp, đổi mới sáng tạo',
  thanhTich: 'Ứng dụng IoT trong tưới tiêu cho 120 ha lúa.',
};
const TUAN: Nominee = {
  ten: 'Lê Minh Tuấn',
  loai: 'Cá nhân',
  namSinh: 1975,
  chucVu: 'Phó Giám đốc',
  donViCongTac: 'Bệnh viện Đa khoa tỉnh',
  linhVuc: 'Ứng dụng, chuyển giao tiến bộ khoa học và công nghệ',
  thanhTich: '=HYPERLINK("http://example.vn","Kỹ thuật can thiệp mạch vành")',
};

interface StatusJson {
  units: {
    name: string;
    group: string;
    status: string;
    received: string | null;
    daysLate: number;
    rows: number;
  }[];
  totals: { onTime: number; late: number; missing: number; rows: number };
}

const dir = scratchDir('tonghop-master-');
const master = path.join(dir, 'tong_hop.xlsx');
let vanLam: string;
let soYTe: string;
let unknown: string;

async function loadModel() {
  const wb = readWorkbook(fs.readFileSync(master), 'tong_hop.xlsx').workbook!;
  return masterFromGrid(wb).model!;
}

async function status(): Promise<StatusJson> {
  const out = path.join(dir, `status-${Math.random().toString(36).slice(2)}.json`);
  const r = await tonghop('status', master, '--json', out);
  expect(r.code).toBe(0);
  return JSON.parse(fs.readFileSync(out, 'utf8')) as StatusJson;
}

beforeAll(async () => {
  write(dir, 'roster.csv', ROSTER_CSV);
  vanLam = write(dir, 'UBND_huyen_Van_Lam.xlsx', await listXlsx({ nominees: [HTX, HOA] }));
  soYTe = write(
    dir,
    'So_Y_te.xls',
    listSheetJs(
      { superior: 'UBND TỈNH HƯNG YÊN', office: 'SỞ Y TẾ', place: 'Hưng Yên', nominees: [TUAN] },
      'xls',
    ),
  );
  unknown = write(
    dir,
    'danh_sach.xlsx',
    await listXlsx({ superior: 'UBND TỈNH HƯNG YÊN', office: 'PHÒNG VĂN HÓA - THÔNG TIN', nominees: [HOA] }),
  );
}, 60_000);

describe('tonghop init / merge / status', () => {
  test('init makes a master with the campaign, the roster and the fields, and refuses to overwrite', async () => {
    const r = await tonghop(
      'init',
      master,
      '--deadline',
      '2023-05-20',
      '--roster',
      path.join(dir, 'roster.csv'),
      '--title',
      'Danh sách giới thiệu điển hình tiên tiến năm 2023',
      '--letter-no',
      '512/SKHCN-VP',
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('4 đơn vị');
    const model = await loadModel();
    expect(model.config).toMatchObject({
      deadline: '2023-05-20',
      letterNo: '512/SKHCN-VP',
      deadlineDayCounts: true,
    });
    expect(model.roster.units.map((u) => u.name)).toEqual([
      'UBND huyện Văn Lâm',
      'UBND thị xã Mỹ Hào',
      'Sở Y tế',
      'Sở Nội vụ',
    ]);
    expect(model.schema.fields.map((f) => f.name)).toContain('linhVuc');
    const wb = readWorkbook(fs.readFileSync(master), 'tong_hop.xlsx').workbook!;
    expect(wb.sheets.map((s) => s.name)).toEqual([
      'Cấu hình',
      'Đơn vị',
      'Trường dữ liệu',
      'Tổng hợp',
      'Theo dõi',
      'Báo cáo',
      'Kiểm tra',
      'Nhật ký',
    ]);
    const before = fs.readFileSync(master);
    const again = await tonghop('init', master, '--deadline', '2023-06-01');
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('không ghi đè');
    expect(fs.readFileSync(master).equals(before)).toBe(true);
  });

  test('merge identifies the units, merges on-time and late lists, and the tracker shows all three states', async () => {
    const out = path.join(dir, 'merge1.json');
    const r1 = await tonghop('merge', master, vanLam, '--received', '2023-05-18', '--json', out);
    expect(r1.code).toBe(0);
    const j = JSON.parse(fs.readFileSync(out, 'utf8'));
    expect(j.files[0]).toMatchObject({
      file: 'UBND_huyen_Van_Lam.xlsx',
      unit: { name: 'UBND huyện Văn Lâm' },
      received: '2023-05-18',
      late: false,
      daysLate: 0,
      rows: 2,
    });
    expect(j.files[0].unit.confidence).toBeGreaterThanOrEqual(0.8);
    const r2 = await tonghop('merge', master, soYTe, '--received', '2023-05-23');
    expect(r2.code).toBe(0);
    expect(r2.stdout).toContain('TRỄ 3 ngày');
    const s = await status();
    const by = Object.fromEntries(s.units.map((u) => [u.name, u]));
    expect(by['UBND huyện Văn Lâm']).toMatchObject({ status: 'on-time', received: '2023-05-18', rows: 2 });
    expect(by['Sở Y tế']).toMatchObject({ status: 'late', daysLate: 3, rows: 1 });
    expect(by['Sở Nội vụ']).toMatchObject({ status: 'missing', received: null, rows: 0 });
    expect(s.totals).toMatchObject({ onTime: 1, late: 1, missing: 2, rows: 3 });
    const text = await tonghop('status', master);
    expect(text.stdout).toMatch(/UBND huyện Văn Lâm\s+Đúng hạn/);
    expect(text.stdout).toMatch(/Sở Y tế\s+Trễ hạn\s+3/);
    expect(text.stdout).toMatch(/Sở Nội vụ\s+Chưa nộp/);
  });

  test('each row of Tổng hợp says where it starts in the file it came from', async () => {
    const model = await loadModel();
    const rows = model.rows.filter((r) => r.unit === 'UBND huyện Văn Lâm');
    expect(rows.map((r) => r.values['ten'])).toEqual([HTX.ten, HOA.ten]);
    const list = readWorkbook(fs.readFileSync(vanLam), 'UBND_huyen_Van_Lam.xlsx').workbook!;
    for (const row of rows) {
      // "Danh sách!B12": the sheet, and the row's leftmost column with a field (the name, after STT)
      const m = /^(.+)!([A-Z]+)(\d+)$/.exec(row.source)!;
      expect(m[1]).toBe('Danh sách');
      const sheet = list.sheets.find((x) => x.name === m[1])!;
      const c = m[2]!.charCodeAt(0) - 65;
      expect(sheet.rows[Number(m[3]) - 1]?.[c]?.v).toBe(row.values['ten']);
      expect(sheet.rows[Number(m[3]) - 1]?.[c - 1]?.v).toEqual(expect.any(Number)); // STT
    }
  });

  test('submitted text lands as text: a formula-looking value is the same string in Tổng hợp', async () => {
    const model = await loadModel();
    const row = model.rows.find((x) => x.values['ten'] === 'Lê Minh Tuấn')!;
    expect(row.values['thanhTich']).toBe(TUAN.thanhTich);
  });

  test('merging the same file again changes nothing; the master file is not rewritten', async () => {
    const before = fs.readFileSync(master);
    const r = await tonghop('merge', master, vanLam, '--received', '2023-05-25');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('không thay đổi');
    expect(fs.readFileSync(master).equals(before)).toBe(true);
  });

  test('an unknown unit is not merged until the clerk names it with --unit', async () => {
    const r = await tonghop('merge', master, unknown, '--received', '2023-05-19');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('CHƯA XÁC ĐỊNH');
    expect(r.stdout).toContain('--unit');
    let model = await loadModel();
    expect(model.rows.filter((x) => x.file === 'danh_sach.xlsx')).toEqual([]);
    expect(model.issues.some((i) => i.code === 'unknown-unit' && i.file === 'danh_sach.xlsx')).toBe(true);
    const named = await tonghop('merge', master, unknown, '--received', '2023-05-19', '--unit', 'TX Mỹ Hào');
    expect(named.code).toBe(0);
    model = await loadModel();
    expect(model.rows.filter((x) => x.unit === 'UBND thị xã Mỹ Hào')).toHaveLength(1);
    expect(model.issues.some((i) => i.code === 'unknown-unit')).toBe(false);
  });

  test('a re-submission after the deadline replaces the rows and the unit stays on time', async () => {
    const v2 = write(dir, 'UBND_huyen_Van_Lam (lần 2).xlsx', await listXlsx({ nominees: [HOA] }));
    const r = await tonghop('merge', master, v2, '--received', '2023-05-27');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('lần gửi 2');
    const model = await loadModel();
    expect(model.rows.filter((x) => x.unit === 'UBND huyện Văn Lâm').map((x) => x.values['ten'])).toEqual([
      'Nguyễn Thị Hoa',
    ]);
    expect(model.log.filter((e) => e.unit === 'UBND huyện Văn Lâm').map((e) => e.version)).toEqual([1, 2]);
    const s = await status();
    expect(s.units.find((u) => u.name === 'UBND huyện Văn Lâm')).toMatchObject({
      status: 'on-time',
      rows: 1,
    });
  });

  test('check --master names the unit of each file and uses the master’s fields', async () => {
    const out = path.join(dir, 'check.json');
    const r = await tonghop('check', soYTe, unknown, '--master', master, '--json', out);
    expect(r.code).toBe(0);
    const j = JSON.parse(fs.readFileSync(out, 'utf8'));
    expect(j.files[0].unit).toMatchObject({ name: 'Sở Y tế' });
    expect(j.files[1].unit).toBeNull();
    expect(r.stdout).toContain('đơn vị: Sở Y tế');
  });

  test('without --received the file’s modification time is the received date, and the output says so', async () => {
    const m2 = path.join(dir, 'tong_hop_2.xlsx');
    expect(
      (await tonghop('init', m2, '--deadline', '20/05/2023', '--roster', path.join(dir, 'roster.csv'))).code,
    ).toBe(0);
    const f = write(
      dir,
      'SNV.xls',
      listSheetJs({ superior: 'UBND TỈNH HƯNG YÊN', office: 'SỞ NỘI VỤ', nominees: [HTX] }, 'xls'),
    );
    fs.utimesSync(f, new Date('2023-05-21T03:00:00Z'), new Date('2023-05-21T03:00:00Z'));
    const r = await tonghop('merge', m2, f);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('nhận ngày 21/05/2023 (theo ngày sửa tệp');
    expect(r.stdout).toContain('TRỄ 1 ngày');
  });

  test('usage errors are clear', async () => {
    expect((await tonghop('init', path.join(dir, 'x.xlsx'))).stderr).toContain('--deadline');
    expect((await tonghop('merge', master, vanLam, '--received', 'hôm qua')).stderr).toContain('--received');
    const missing = await tonghop('status', path.join(dir, 'khong_co.xlsx'));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('tonghop init');
  });
});
