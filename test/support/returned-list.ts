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
  /** The issuing office under the superior body; null for a one-line header block (the issuer only). */
  office?: string | null;
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
  /**
   * Column headers, left to right, instead of the built-in ones (see HEADER_FIELD for the accepted
   * titles). The one-row header then keeps the titles as given.
   */
  columns?: string[];
  /** The line under the title, instead of "(Kèm theo Công văn số 45/PNV …)". */
  attached?: string;
  /** Date of the signature line, YYYY-MM-DD (default 2023-05-18). */
  dated?: string;
  /** The signature block, instead of "NGƯỜI LẬP BIỂU" / "KT. TRƯỞNG PHÒNG" / "PHÓ TRƯỞNG PHÒNG". */
  signer?: Signer;
  /** Footnote under the table (default "Ghi chú: Danh sách xếp theo thứ tự tập thể trước, cá nhân sau."). */
  footnote?: string;
  /** Creation and modification time written in the workbook's properties (.xlsx), for reproducible files. */
  created?: Date;
  /** Column widths (characters), left to right (.xlsx). */
  widths?: number[];
}

/** The signature block: who drew up the list (left) and who signs it (right). */
export interface Signer {
  preparer?: string;
  preparerName?: string;
  /** "TM. ỦY BAN NHÂN DÂN", "KT. GIÁM ĐỐC" … */
  title: string;
  /** "PHÓ CHỦ TỊCH", "PHÓ GIÁM ĐỐC" …, under the title. */
  subtitle?: string;
  name: string;
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

type NomineeField = keyof Nominee | 'stt';

/** Header titles the lists may use, and the nominee field each column holds. */
export const HEADER_FIELD: Record<string, NomineeField> = {
  STT: 'stt',
  TT: 'stt',
  'Số TT': 'stt',
  'Họ và tên': 'ten',
  'Họ tên': 'ten',
  'Tên tập thể': 'ten',
  'Tên tập thể, cá nhân': 'ten',
  'Tên đơn vị / tập thể': 'ten',
  Loại: 'loai',
  'Giới tính': 'gioiTinh',
  'Năm sinh': 'namSinh',
  'Chức vụ': 'chucVu',
  'Chức danh': 'chucVu',
  'Đơn vị công tác': 'donViCongTac',
  'Cơ quan, đơn vị': 'donViCongTac',
  'Lĩnh vực': 'linhVuc',
  'Lĩnh vực hoạt động': 'linhVuc',
  'Tóm tắt thành tích': 'thanhTich',
  'Tóm tắt thành tích tiêu biểu': 'thanhTich',
  'Thành tích nổi bật': 'thanhTich',
  'Ghi chú': 'ghiChu',
};

function fieldOfHeader(title: string): NomineeField {
  const f = HEADER_FIELD[title];
  if (!f) throw new Error(`returned-list: no nominee field for the header "${title}"`);
  return f;
}

const DEFAULT_SIGNER: Signer = {
  preparer: 'NGƯỜI LẬP BIỂU',
  preparerName: 'Lê Thị Lan',
  title: 'KT. TRƯỞNG PHÒNG',
  subtitle: 'PHÓ TRƯỞNG PHÒNG',
  name: 'Nguyễn Văn Bình',
};

/** "Văn Lâm, ngày 18 tháng 5 năm 2023" from "2023-05-18". */
function dateLine(place: string, iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new Error(`returned-list: bad date "${iso}"`);
  return `${place}, ngày ${Number(m[3])} tháng ${Number(m[2])} năm ${m[1]}`;
}

export function layoutList(o: ListOptions): Layout {
  const superior = o.superior ?? 'UBND HUYỆN VĂN LÂM';
  const office = o.office === undefined ? 'PHÒNG NỘI VỤ' : o.office;
  const place = o.place ?? 'Văn Lâm';
  const twoRow = (o.header ?? 'two-row') === 'two-row';
  const sections = o.sections ?? true;
  const rows: (string | number | null)[][] = [];
  const merges: string[] = [];
  const capitalRows = new Set<number>();
  // columns: STT, Họ và tên, [Loại], Năm sinh, Chức vụ, Đơn vị công tác, Lĩnh vực, Tóm tắt thành tích, Ghi chú
  const cols = o.columns ?? (sections ? COLUMNS.filter((c) => c !== 'Loại') : COLUMNS);
  const fields = cols.map(fieldOfHeader);
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
      o.attached ??
        `(Kèm theo Công văn số 45/PNV ngày 18/5/2023 của ${office === 'PHÒNG NỘI VỤ' ? 'Phòng Nội vụ' : office})`,
    ]),
  );
  merges.push(`A5:${col(W - 1)}5`);
  rows.push(pad([]));
  const headerRow = rows.length;
  const linhVucCol = fields.indexOf('linhVuc');
  if (twoRow) {
    const top = cols.map((c, i) => (i === linhVucCol ? 'Thành tích' : i === linhVucCol + 1 ? null : c));
    const bottom = cols.map((c, i) => (i === linhVucCol || i === linhVucCol + 1 ? c : null));
    rows.push(top, bottom);
    for (let i = 0; i < W; i++) {
      if (i === linhVucCol) merges.push(`${col(i)}${headerRow + 1}:${col(i + 1)}${headerRow + 1}`);
      else if (i !== linhVucCol + 1) merges.push(`${col(i)}${headerRow + 1}:${col(i)}${headerRow + 2}`);
    }
  } else {
    rows.push(o.columns ? [...cols] : cols.map((c) => (c === 'Lĩnh vực' ? 'Lĩnh vực hoạt động' : c)));
  }
  if (o.numberingRow ?? true) rows.push(cols.map((_c, i) => `(${i + 1})`));
  const firstDataRow = rows.length;
  const valuesOf = (n: Nominee, i: number): (string | number | null)[] =>
    fields.map((f) => (f === 'stt' ? i : (n[f] ?? null)));
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
    const s = o.signer ?? DEFAULT_SIGNER;
    rows.push(pad([]));
    rows.push(pad([o.footnote ?? 'Ghi chú: Danh sách xếp theo thứ tự tập thể trước, cá nhân sau.']));
    rows.push(pad([null, null, null, null, null, dateLine(place, o.dated ?? '2023-05-18')]));
    rows.push(pad([null, s.preparer ?? null, null, null, null, s.title]));
    capitalRows.add(rows.length - 1);
    if (s.subtitle) {
      rows.push(pad([null, null, null, null, null, s.subtitle]));
      capitalRows.add(rows.length - 1);
    }
    rows.push(pad([]));
    rows.push(pad([null, s.preparerName ?? null, null, null, null, s.name]));
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
  return listXlsxBook([{ name: sheetName, list: o }]);
}

/**
 * An .xlsx of several sheets, each a list of its own ("Tập thể" and "Cá nhân" sheets). The workbook's
 * creation time is the first list's `created`, when given.
 */
export async function listXlsxBook(sheets: { name: string; list: ListOptions }[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const created = sheets[0]?.list.created;
  if (created) {
    wb.created = created;
    wb.modified = created;
  }
  for (const { name, list: o } of sheets) {
    const enc = o.encoding ?? 'unicode';
    const L = layoutList(o);
    const ws = wb.addWorksheet(name);
    L.rows.forEach((row, r) => {
      row.forEach((v, c) => {
        if (v === null || v === undefined) return;
        const cell = ws.getCell(r + 1, c + 1);
        cell.value = typeof v === 'string' ? encodeText(v, enc) : v;
        cell.font = { name: fontFor(enc, L.capitalRows.has(r)), size: 12 };
      });
    });
    for (const m of L.merges) ws.mergeCells(m);
    o.widths?.forEach((w, c) => (ws.getColumn(c + 1).width = w));
  }
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
