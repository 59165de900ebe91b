/**
 * Realistic returned lists, as units send them back: a header block, a title, the "(Kèm theo ...)" line,
 * a header over two merged rows, a numbering row, section rows, nominees, footnotes and a signature block.
 * Written as .xlsx (exceljs, with fonts), .xls / .ods (SheetJS) or .csv, optionally in TCVN3 or VNI.
 */
import ExcelJS from 'exceljs';
import * as XLSX from '@e965/xlsx';
import { encodeTcvn3, encodeVni } from '../../src/core/text/legacy';

export interface Nominee {
  ten: string;
  loai: 'Tập thể' | 'Cá nhân';
  gioiTinh?: string;
  namSinh?: number | string;
  chucVu?: string;
  donViCongTac?: string;
  linhVuc: string;
  thanhTich: string;
  ghiChu?: string;
}

export type Encoding = 'unicode' | 'tcvn3' | 'vni';

export interface ListOptions {
  superior?: string;
  office?: string;
  place?: string;
  nominees: Nominee[];
  /** 'two-row': "Thành tích" over "Lĩnh vực" and "Tóm tắt thành tích"; 'one-row': a single header row. */
  header?: 'two-row' | 'one-row';
  /** Section rows "I. TẬP THỂ" / "II. CÁ NHÂN" instead of a Loại column. */
  sections?: boolean;
  numberingRow?: boolean;
  signature?: boolean;
  encoding?: Encoding;
  /** Say "Đơn vị không có tập thể, cá nhân đề nghị" instead of rows. */
  empty?: boolean;
}

export interface Layout {
  rows: (string | number | null)[][];
  merges: string[];
  /** Rows (0-based) whose text is capitals in a legacy font (…H fonts). */
  capitalRows: Set<number>;
  headerRow: number;
  firstDataRow: number;
}

const TITLE = 'DANH SÁCH GIỚI THIỆU ĐIỂN HÌNH TIÊN TIẾN';

/** The columns of the lists written here (without "Loại" when section rows give the type). */
const COLUMNS = [
  'STT',
  'Họ và tên',
  'Loại',
  'Năm sinh',
  'Chức vụ',
  'Đơn vị công tác',
  'Lĩnh vực',
  'Tóm tắt thành tích',
  'Ghi chú',
];

export function layoutList(o: ListOptions): Layout {
  const superior = o.superior ?? 'UBND HUYỆN VĂN LÂM';
  const office = o.office ?? 'PHÒNG NỘI VỤ';
  const place = o.place ?? 'Văn Lâm';
  const twoRow = (o.header ?? 'two-row') === 'two-row';
  const sections = o.sections ?? true;
  const rows: (string | number | null)[][] = [];
  const merges: string[] = [];
  const capitalRows = new Set<number>();
  // columns: STT, Họ và tên, [Loại], Năm sinh, Chức vụ, Đơn vị công tác, Lĩnh vực, Tóm tắt thành tích, Ghi chú
  const cols = sections ? COLUMNS.filter((c) => c !== 'Loại') : COLUMNS;
  const W = cols.length;
  const pad = (r: (string | number | null)[]) => [...r, ...Array(Math.max(0, W - r.length)).fill(null)];
  rows.push(pad([superior, null, null, null, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM']));
  capitalRows.add(0);
  rows.push(pad([office, null, null, null, 'Độc lập - Tự do - Hạnh phúc']));
  merges.push('A1:C1', 'A2:C2', `E1:${col(W - 1)}1`, `E2:${col(W - 1)}2`);
  rows.push(pad([]));
  rows.push(pad([TITLE]));
  capitalRows.add(3);
  merges.push(`A4:${col(W - 1)}4`);
  rows.push(
    pad([
      `(Kèm theo Công văn số 45/PNV ngày 18/5/2023 của ${office === 'PHÒNG NỘI VỤ' ? 'Phòng Nội vụ' : office})`,
    ]),
  );
  merges.push(`A5:${col(W - 1)}5`);
  rows.push(pad([]));
  const headerRow = rows.length;
  const linhVucCol = cols.indexOf('Lĩnh vực');
  if (twoRow) {
    const top = cols.map((c, i) => (i === linhVucCol ? 'Thành tích' : i === linhVucCol + 1 ? null : c));
    const bottom = cols.map((c, i) => (i === linhVucCol || i === linhVucCol + 1 ? c : null));
    rows.push(top, bottom);
    for (let i = 0; i < W; i++) {
      if (i === linhVucCol) merges.push(`${col(i)}${headerRow + 1}:${col(i + 1)}${headerRow + 1}`);
      else if (i !== linhVucCol + 1) merges.push(`${col(i)}${headerRow + 1}:${col(i)}${headerRow + 2}`);
    }
  } else {
    rows.push(cols.map((c) => (c === 'Lĩnh vực' ? 'Lĩnh vực hoạt động' : c)));
  }
  if (o.numberingRow ?? true) rows.push(cols.map((_c, i) => `(${i + 1})`));
  const firstDataRow = rows.length;
  const valuesOf = (n: Nominee, i: number) =>
    sections
      ? [
          i,
          n.ten,
          n.namSinh ?? null,
          n.chucVu ?? null,
          n.donViCongTac ?? null,
          n.linhVuc,
          n.thanhTich,
          n.ghiChu ?? null,
        ]
      : [
          i,
          n.ten,
          n.loai,
          n.namSinh ?? null,
          n.chucVu ?? null,
          n.donViCongTac ?? null,
          n.linhVuc,
          n.thanhTich,
          n.ghiChu ?? null,
        ];
  if (o.empty) {
    rows.push(pad(['Đơn vị không có tập thể, cá nhân đề nghị']));
    merges.push(`A${rows.length}:${col(W - 1)}${rows.length}`);
  } else if (sections) {
    const groups: [string, Nominee[]][] = [
      ['I. TẬP THỂ', o.nominees.filter((n) => n.loai === 'Tập thể')],
      ['II. CÁ NHÂN', o.nominees.filter((n) => n.loai === 'Cá nhân')],
    ];
    for (const [label, list] of groups) {
      if (list.length === 0) continue;
      rows.push(pad([label]));
      capitalRows.add(rows.length - 1);
      list.forEach((n, i) => rows.push(valuesOf(n, i + 1)));
    }
  } else {
    o.nominees.forEach((n, i) => rows.push(valuesOf(n, i + 1)));
  }
  if (o.signature ?? true) {
    rows.push(pad([]));
    rows.push(pad(['Ghi chú: Danh sách xếp theo thứ tự tập thể trước, cá nhân sau.']));
    rows.push(pad([null, null, null, null, null, `${place}, ngày 18 tháng 5 năm 2023`]));
    rows.push(pad([null, 'NGƯỜI LẬP BIỂU', null, null, null, 'KT. TRƯỞNG PHÒNG']));
    capitalRows.add(rows.length - 1);
    rows.push(pad([null, null, null, null, null, 'PHÓ TRƯỞNG PHÒNG']));
    capitalRows.add(rows.length - 1);
    rows.push(pad([]));
    rows.push(pad([null, 'Lê Thị Lan', null, null, null, 'Nguyễn Văn Bình']));
  }
  return { rows, merges, capitalRows, headerRow, firstDataRow };
}

function col(c: number): string {
  return String.fromCharCode(65 + c);
}

function encodeText(s: string, enc: Encoding): string {
  if (enc === 'tcvn3') return encodeTcvn3(s);
  if (enc === 'vni') return encodeVni(s);
  return s;
}

function fontFor(enc: Encoding, capitals: boolean): string {
  if (enc === 'tcvn3') return capitals ? '.VnTimeH' : '.VnTime';
  if (enc === 'vni') return 'VNI-Times';
  return 'Times New Roman';
}

/** An .xlsx with real fonts per cell (exceljs), the sheet named as given. */
export async function listXlsx(o: ListOptions, sheetName = 'Danh sách'): Promise<Buffer> {
  const enc = o.encoding ?? 'unicode';
  const L = layoutList(o);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheetName);
  L.rows.forEach((row, r) => {
    row.forEach((v, c) => {
      if (v === null || v === undefined) return;
      const cell = ws.getCell(r + 1, c + 1);
      cell.value = typeof v === 'string' ? encodeText(v, enc) : v;
      cell.font = { name: fontFor(enc, L.capitalRows.has(r)), size: 12 };
    });
  });
  for (const m of L.merges) ws.mergeCells(m);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The same list through SheetJS, as .xls (BIFF8), .ods or .xlsx (no fonts). */
export function listSheetJs(
  o: ListOptions,
  bookType: 'xls' | 'biff8' | 'ods' | 'xlsx',
  sheetName = 'Danh sách',
): Buffer {
  const enc = o.encoding ?? 'unicode';
  const L = layoutList(o);
  const aoa = L.rows.map((row) => row.map((v) => (typeof v === 'string' ? encodeText(v, enc) : v)));
  const ws = XLSX.utils.aoa_to_sheet(aoa);
  ws['!merges'] = L.merges.map((m) => XLSX.utils.decode_range(m));
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, sheetName);
  return XLSX.write(wb, { type: 'buffer', bookType: bookType === 'xls' ? 'biff8' : bookType }) as Buffer;
}

/** A plain CSV of the table only (header on row 1), UTF-8 with a BOM by default. */
export function listCsv(nominees: Nominee[], opts: { delimiter?: string; bom?: boolean } = {}): Buffer {
  const d = opts.delimiter ?? ',';
  const head = COLUMNS;
  const q = (v: unknown) => {
    const s = v === undefined || v === null ? '' : String(v);
    return /["\n\r,;\t]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const lines = [head.join(d)];
  nominees.forEach((n, i) =>
    lines.push(
      [i + 1, n.ten, n.loai, n.namSinh, n.chucVu, n.donViCongTac, n.linhVuc, n.thanhTich, n.ghiChu]
        .map(q)
        .join(d),
    ),
  );
  const text = lines.join('\r\n') + '\r\n';
  return Buffer.concat([
    opts.bom === false ? Buffer.alloc(0) : Buffer.from([0xef, 0xbb, 0xbf]),
    Buffer.from(text, 'utf8'),
  ]);
}

/** A typical district list: two collectives, three individuals. */
export const SAMPLE_NOMINEES: Nominee[] = [
  {
    ten: 'Phòng Kinh tế và Hạ tầng huyện Văn Lâm',
    loai: 'Tập thể',
    linhVuc: 'Ứng dụng, chuyển giao tiến bộ KH&CN',
    thanhTich: 'Hướng dẫn 12 hợp tác xã ứng dụng quy trình VietGAP, năng suất tăng 15%.',
  },
  {
    ten: 'Hợp tác xã Nông nghiệp Lạc Hồng',
    loai: 'Tập thể',
    linhVuc: 'Khởi nghiệp, đổi mới sáng tạo',
    thanhTich: 'Xây dựng thương hiệu nhãn lồng Hưng Yên, mã QR truy xuất nguồn gốc.',
  },
  {
    ten: 'Nguyễn Thị Hoa',
    loai: 'Cá nhân',
    gioiTinh: 'Nữ',
    namSinh: 1978,
    chucVu: 'Trưởng phòng',
    donViCongTac: 'Phòng Nội vụ huyện Văn Lâm',
    linhVuc: 'Cải cách hành chính',
    thanhTich: 'Chủ trì số hóa 100% hồ sơ thủ tục hành chính cấp huyện năm 2022.',
  },
  {
    ten: 'Trần Văn Đức',
    loai: 'Cá nhân',
    gioiTinh: 'Nam',
    namSinh: 1985,
    chucVu: 'Chuyên viên',
    donViCongTac: 'Phòng Kinh tế và Hạ tầng huyện Văn Lâm',
    linhVuc: 'Sở hữu trí tuệ',
    thanhTich: 'Hướng dẫn đăng ký 5 nhãn hiệu tập thể cho sản phẩm OCOP của huyện.',
  },
  {
    ten: 'Lê Thủy Tiên',
    loai: 'Cá nhân',
    gioiTinh: 'Nữ',
    namSinh: 1990,
    chucVu: 'Giáo viên',
    donViCongTac: 'Trường THCS Như Quỳnh',
    linhVuc: 'Cuộc thi sáng tạo khoa học kỹ thuật',
    thanhTich: 'Hướng dẫn học sinh đạt giải Nhì cuộc thi khoa học kỹ thuật cấp tỉnh.',
  },
];
