import ExcelJS from 'exceljs';
import * as XLSX from '@e965/xlsx';
import fc from 'fast-check';
import { odsHiddenTables, readWorkbook } from '../../src/io/read-workbook';
import { listZipEntries } from '../../src/io/sniff';
import {
  at,
  countCells,
  encodeCp1258,
  latin1Bytes,
  onlyIssueCode,
  rowValues,
  sheetOf,
  utf8Bytes,
  workbookOf,
} from './helpers';

/** A returned list as a unit would send it: header block, merged title, legacy fonts, hidden sheets. */
async function makeReturnedList(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Danh sách');
  ws.getCell('A1').value = 'UBND HUYÖN V¡N L¢M'; // TCVN3 capitals, font .VnTimeH
  ws.getCell('A1').font = { name: '.VnTimeH', bold: true };
  ws.mergeCells('A1:C1');
  ws.getCell('E1').value = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
  ws.getCell('E1').font = { name: 'Times New Roman', bold: true };
  ws.mergeCells('E1:H1');
  ws.getCell('A3').value = 'DANH SÁCH GIỚI THIỆU ĐIỂN HÌNH TIÊN TIẾN';
  ws.mergeCells('A3:H3');
  ws.getRow(5).values = ['STT', 'Họ và tên', 'Chức vụ', 'Năm sinh', 'Ngày nhận', 'Ghi chú'];
  ws.mergeCells('A5:A6');
  ws.getCell('A7').value = 1;
  ws.getCell('B7').value = 'NguyÔn ThÞ Hoa';
  ws.getCell('B7').font = { name: '.VnTime' };
  ws.getCell('C7').value = 'Tr­ëng phßng'; // TCVN3 "ư" is the soft hyphen U+00AD: it must survive
  ws.getCell('C7').font = { name: '.VnTime' };
  ws.getCell('D7').value = 1975;
  ws.getCell('D7').numFmt = '0';
  ws.getCell('E7').value = 45064; // 18/05/2023 as a serial number
  ws.getCell('E7').numFmt = 'dd/mm/yyyy';
  ws.getCell('F7').value = '  ghi chú có khoảng trắng  ';
  ws.getCell('A8').value = 2;
  ws.getCell('B8').value = 'Nguyeãn Vaên Nam';
  ws.getCell('B8').font = { name: 'VNI-Times' };
  ws.getCell('D8').value = { formula: 'D7+10', result: 1985 };
  ws.getCell('F8').value = '=HYPERLINK("http://x")'; // text that looks like a formula
  await ws.protect('matkhau', {}); // sheet protection is not encryption: must read normally
  const hidden = wb.addWorksheet('Ẩn', { state: 'hidden' });
  hidden.getCell('A1').value = 'dữ liệu ẩn';
  const veryHidden = wb.addWorksheet('RấtẨn', { state: 'veryHidden' });
  veryHidden.getCell('A1').value = 'x';
  wb.addWorksheet('Trống');
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

describe('xlsx written by Excel-like tools (exceljs)', () => {
  let bytes: Uint8Array;
  beforeAll(async () => {
    bytes = await makeReturnedList();
  });

  it('reads values, displayed text, number formats and formulas as stored', () => {
    const r = readWorkbook(bytes, 'C:\\Users\\van thu\\Downloads\\danh_sach_van_lam.xlsx');
    const wb = workbookOf(r);
    expect(r.issues).toEqual([]);
    expect(wb.fileName).toBe('danh_sach_van_lam.xlsx');
    expect(wb.format).toBe('xlsx');
    const s = sheetOf(r, 'Danh sách');
    expect(rowValues(s, 4)).toEqual(['STT', 'Họ và tên', 'Chức vụ', 'Năm sinh', 'Ngày nhận', 'Ghi chú']);
    expect(at(s, 'A7')).toMatchObject({ v: 1 });
    expect(at(s, 'D7')).toMatchObject({ v: 1975, w: '1975', z: '0' });
    // Dates stay Excel serial numbers, with their format and the text Excel shows.
    expect(at(s, 'E7')).toMatchObject({ v: 45064, z: 'dd/mm/yyyy', w: '18/05/2023' });
    expect(at(s, 'D8')).toMatchObject({ v: 1985, f: 'D7+10' });
    // Strings exactly as stored: no trimming, soft hyphen kept, formula-looking text stays text.
    expect(at(s, 'F7')).toMatchObject({ v: '  ghi chú có khoảng trắng  ', w: '  ghi chú có khoảng trắng  ' });
    expect(at(s, 'C7')?.v).toBe('Tr\u00adëng phßng');
    expect(at(s, 'F8')?.v).toBe('=HYPERLINK("http://x")');
    expect(at(s, 'F8')?.f).toBeUndefined();
  });

  it('gives each cell the font name from the styles, legacy fonts included', () => {
    const s = sheetOf(readWorkbook(bytes, 'ds.xlsx'), 'Danh sách');
    expect(at(s, 'A1')?.font).toBe('.VnTimeH');
    expect(at(s, 'B7')?.font).toBe('.VnTime');
    expect(at(s, 'C7')?.font).toBe('.VnTime');
    expect(at(s, 'B8')?.font).toBe('VNI-Times');
    expect(at(s, 'E1')?.font).toBe('Times New Roman');
    expect(at(s, 'D7')?.font).toBe('Calibri'); // exceljs's default font
  });

  it('returns merged ranges, hidden and very hidden sheets, and empty sheets', () => {
    const wb = workbookOf(readWorkbook(bytes, 'ds.xlsx'));
    expect(wb.sheets.map((s) => [s.name, s.visibility])).toEqual([
      ['Danh sách', 'visible'],
      ['Ẩn', 'hidden'],
      ['RấtẨn', 'veryHidden'],
      ['Trống', 'visible'],
    ]);
    const merges = wb.sheets[0].merges.map((m) => XLSX.utils.encode_range(m)).sort();
    expect(merges).toEqual(['A1:C1', 'A3:H3', 'A5:A6', 'E1:H1']);
    expect(wb.sheets[3].rows).toEqual([]);
    expect(at(wb.sheets[1], 'A1')?.v).toBe('dữ liệu ẩn');
  });

  it('every row up to the last is an array (rows without cells are empty arrays)', () => {
    const s = sheetOf(readWorkbook(bytes, 'ds.xlsx'), 'Danh sách');
    expect(s.rows).toHaveLength(8);
    expect(s.rows[1]).toEqual([]);
    for (const row of s.rows) expect(Array.isArray(row)).toBe(true);
  });
});

function sheetjsBook(sheets: { name: string; aoa: unknown[][]; hidden?: 0 | 1 | 2; merges?: string[] }[]) {
  const wb = XLSX.utils.book_new();
  for (const s of sheets) {
    const ws = XLSX.utils.aoa_to_sheet(s.aoa);
    if (s.merges) ws['!merges'] = s.merges.map((m) => XLSX.utils.decode_range(m));
    XLSX.utils.book_append_sheet(wb, ws, s.name);
  }
  wb.Workbook = { Sheets: sheets.map((s) => ({ name: s.name, Hidden: s.hidden ?? 0 })) };
  return wb;
}

function writeBook(wb: XLSX.WorkBook, bookType: XLSX.BookType): Uint8Array {
  return new Uint8Array(XLSX.write(wb, { bookType, type: 'array' }) as ArrayBuffer);
}

describe('.xls (BIFF8), .ods, SpreadsheetML 2003 and .xlsb written by SheetJS', () => {
  const book = () =>
    sheetjsBook([
      {
        name: 'Tập thể',
        aoa: [
          ['DANH SÁCH TẬP THỂ', null, null],
          ['STT', 'Tên tập thể', 'Lĩnh vực'],
          [1, 'Phòng Quản lý công nghệ', 'Sở hữu trí tuệ'],
          [2, ' Trung tâm Kỹ thuật TĐC ', 'Tiêu chuẩn, đo lường, chất lượng'],
        ],
        merges: ['A1:C1'],
      },
      { name: 'Ẩn', aoa: [['bí mật']], hidden: 1 },
    ]);

  it.each([
    ['biff8', 'ds.xls', 'xls'],
    ['ods', 'ds.ods', 'ods'],
    ['xlml', 'ds.xml', 'xml'],
    ['xlsb', 'ds.xlsb', 'xlsb'],
  ] as const)('%s: values, merges and hidden sheets', (bookType, name, format) => {
    const r = readWorkbook(writeBook(book(), bookType), name);
    const wb = workbookOf(r);
    expect(wb.format).toBe(format);
    expect(wb.sheets.map((s) => s.name)).toEqual(['Tập thể', 'Ẩn']);
    const s = wb.sheets[0];
    expect(rowValues(s, 1)).toEqual(['STT', 'Tên tập thể', 'Lĩnh vực']);
    expect(rowValues(s, 3)).toEqual([2, ' Trung tâm Kỹ thuật TĐC ', 'Tiêu chuẩn, đo lường, chất lượng']);
    expect(s.merges.map((m) => XLSX.utils.encode_range(m))).toEqual(['A1:C1']);
    // SheetJS's ODS writer does not write sheet visibility (ODS visibility is tested below).
    if (bookType !== 'ods') expect(wb.sheets[1].visibility).toBe('hidden');
  });

  it('a .xls written by SheetJS has its (single) font on every cell', () => {
    const s = sheetOf(readWorkbook(writeBook(book(), 'biff8'), 'ds.xls'));
    expect(at(s, 'B3')?.font).toEqual(expect.any(String));
  });

  it('decides by content, not name: an .xlsx named .xls and an .xls named .xlsx both read', () => {
    expect(workbookOf(readWorkbook(writeBook(book(), 'xlsx'), 'ds.xls')).format).toBe('xlsx');
    expect(workbookOf(readWorkbook(writeBook(book(), 'biff8'), 'ds.xlsx')).format).toBe('xls');
  });

  it('property: any table of text and numbers survives a round trip through every format', () => {
    const text = fc
      .string({
        unit: fc.constantFrom(...'aăâbcdđeêghiklmnoôơpqrstuưvxyàảãáạằẳẵắặầẩẫấậèẻẽéẹ ,.;-()/&'.split('')),
        minLength: 1,
        maxLength: 20,
      })
      .filter((s) => s.trim() !== '');
    const cell = fc.oneof(
      text,
      fc.integer({ min: -1e6, max: 1e6 }),
      // Real figures: denormal numbers such as 5e-324 do not survive SheetJS's own BIFF8 writer.
      fc.double({ min: -1e6, max: 1e6, noNaN: true }).filter((x) => x === 0 || Math.abs(x) > 1e-9),
    );
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 6 }),
        fc.constantFrom<XLSX.BookType>('xlsx', 'biff8', 'ods', 'xlml'),
        (aoa, bookType) => {
          const wb = sheetjsBook([{ name: 'S', aoa }]);
          const s = sheetOf(readWorkbook(writeBook(wb, bookType), `t.${bookType}`));
          aoa.forEach((row, r) =>
            row.forEach((v, c) => {
              const got = s.rows[r]?.[c]?.v;
              if (typeof v === 'number') expect(got).toBeCloseTo(v, 9);
              else expect(got).toBe(v);
            }),
          );
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('CSV and TSV', () => {
  const rows = [
    ['STT', 'Họ và tên', 'Đơn vị công tác', 'Điện thoại', 'Ghi chú'],
    ['1', 'Nguyễn Thị Hoa', 'Phòng Nội vụ, huyện Văn Lâm', '0912345678', ' có khoảng trắng '],
    ['2', 'Trần Văn Đức', 'UBND thị xã Mỹ Hào', '0221 3861 234', '=HYPERLINK("x")'],
  ];
  const csv = (d: string) =>
    rows
      .map((r) => r.map((f) => (f.includes(d) || f.includes('"') ? `"${f.replace(/"/g, '""')}"` : f)).join(d))
      .join('\r\n');

  const expectList = (r: ReturnType<typeof readWorkbook>, delimiter: string) => {
    const wb = workbookOf(r);
    expect(wb.delimiter).toBe(delimiter);
    const s = wb.sheets[0];
    expect(rowValues(s, 0)).toEqual(rows[0]);
    // Plain numbers become numbers (shown as typed); phone numbers and codes stay text.
    expect(at(s, 'A2')).toMatchObject({ v: 1, w: '1' });
    expect(rowValues(s, 1).slice(1)).toEqual(rows[1].slice(1));
    expect(at(s, 'E3')).toMatchObject({ v: '=HYPERLINK("x")' });
    expect(at(s, 'E3')?.f).toBeUndefined();
  };

  it('UTF-8 with BOM, comma', () => {
    const r = readWorkbook(utf8Bytes('\uFEFF' + csv(',')), 'ds.csv');
    expectList(r, ',');
    expect(workbookOf(r).format).toBe('csv');
  });

  it('semicolon (Excel in a European or Vietnamese locale)', () => {
    expectList(readWorkbook(utf8Bytes(csv(';')), 'ds.csv'), ';');
  });

  it('tab-separated .tsv and tab-separated .txt', () => {
    const r = readWorkbook(utf8Bytes(csv('\t')), 'ds.tsv');
    expectList(r, '\t');
    expect(workbookOf(r).format).toBe('tsv');
    expectList(readWorkbook(utf8Bytes(csv('\t')), 'ds.txt'), '\t');
  });

  it('Windows-1258 (ANSI on a Vietnamese Windows)', () => {
    const r = readWorkbook(encodeCp1258(csv(',')), 'ds.csv');
    const s = sheetOf(r);
    expect(String(at(s, 'B2')?.v).normalize('NFC')).toBe('Nguyễn Thị Hoa');
    expect(String(at(s, 'C3')?.v).normalize('NFC')).toBe('UBND thị xã Mỹ Hào');
  });

  it('TCVN3 bytes in a CSV come through as the Windows-1252 characters the legacy decoder expects', () => {
    const s = sheetOf(readWorkbook(latin1Bytes('STT,Hä vµ tªn\r\n1,NguyÔn ThÞ Hoa\r\n'), 'ds.csv'));
    expect(at(s, 'B2')?.v).toBe('NguyÔn ThÞ Hoa');
  });

  it('quoted fields keep line breaks and quotes; a "sep=" line is obeyed and dropped', () => {
    const text = 'sep=;\r\nHọ tên;Thành tích\r\nA;"dòng 1\r\ndòng 2; ""trích dẫn"""\r\n';
    const s = sheetOf(readWorkbook(utf8Bytes(text), 'x.csv'));
    expect(rowValues(s, 0)).toEqual(['Họ tên', 'Thành tích']);
    expect(at(s, 'B2')?.v).toBe('dòng 1\r\ndòng 2; "trích dẫn"');
  });

  it('a CSV whose first cell is "ID" is not mistaken for SYLK', () => {
    const s = sheetOf(readWorkbook(utf8Bytes('ID,Họ tên\n1,A\n'), 'x.csv'));
    expect(rowValues(s, 0)).toEqual(['ID', 'Họ tên']);
  });
});

describe('files that are not what their name says', () => {
  it('an HTML table saved as .xls (web report systems) is read as HTML', () => {
    const html =
      '<html><head><meta charset="utf-8"></head><body><table><tr><td>STT</td><td>Họ và tên</td></tr>' +
      '<tr><td>1</td><td>Nguyễn Văn A</td></tr></table></body></html>';
    const wb = workbookOf(readWorkbook(utf8Bytes(html), 'bao_cao.xls'));
    expect(wb.format).toBe('html');
    expect(rowValues(wb.sheets[0], 1)).toEqual([1, 'Nguyễn Văn A']);
  });

  it('a CSV saved as .xls is read as CSV', () => {
    const wb = workbookOf(readWorkbook(utf8Bytes('STT;Họ tên\n1;Nguyễn Văn A\n2;Trần B\n'), 'ds.xls'));
    expect(wb.format).toBe('csv');
    expect(rowValues(wb.sheets[0], 1)).toEqual([1, 'Nguyễn Văn A']);
  });

  it('SpreadsheetML 2003 saved as .xls is read as XML', () => {
    const xml = XLSX.write(sheetjsBook([{ name: 'S', aoa: [['Họ tên'], ['Nguyễn Văn A']] }]), {
      bookType: 'xlml',
      type: 'string',
    }) as string;
    const wb = workbookOf(readWorkbook(utf8Bytes(xml), 'ds.xls'));
    expect(wb.format).toBe('xml');
    expect(at(wb.sheets[0], 'A2')?.v).toBe('Nguyễn Văn A');
  });
});

describe('refusals: an issue and no workbook, never a throw', () => {
  const codeOf = (bytes: Uint8Array, name: string, opts = {}) => {
    const r = readWorkbook(bytes, name, opts);
    expect(r.workbook).toBeNull();
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0].file).toBe(name);
    expect(r.issues[0].message).toContain(name);
    return r.issues[0];
  };

  it('an empty file', () => {
    expect(codeOf(new Uint8Array(0), 'ds.xlsx')).toMatchObject({ code: 'unreadable-file' });
  });

  it('a PDF, a Word document, a picture or a RAR sent by mistake: named', async () => {
    expect(codeOf(latin1Bytes('%PDF-1.7\n...'), 'ds.xlsx').message).toContain('PDF');
    const docx = XLSX.CFB.utils.cfb_new() as unknown;
    const cfbUtils = XLSX.CFB.utils as { cfb_add: (c: unknown, p: string, d: Uint8Array) => void };
    cfbUtils.cfb_add(docx, '[Content_Types].xml', utf8Bytes('<Types/>'));
    cfbUtils.cfb_add(docx, 'word/document.xml', utf8Bytes('<w:document/>'));
    const zip = new Uint8Array(XLSX.CFB.write(docx, { fileType: 'zip', type: 'array' }) as ArrayBuffer);
    const word = codeOf(zip, 'danh sach.docx');
    expect(word.code).toBe('unsupported-format');
    expect(word.message).toContain('Word');
    expect(
      codeOf(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), 'anh.xlsx').message,
    ).toContain('PNG');
    expect(codeOf(latin1Bytes('Rar!\x1a\x07\x00'), 'ds.rar').message).toContain('RAR');
  });

  it('random binary named .xlsx is unreadable; plain prose named .xls too', () => {
    expect(
      codeOf(
        Uint8Array.from({ length: 300 }, (_, i) => (i * 37) % 256),
        'ds.xlsx',
      ).code,
    ).toBe('unreadable-file');
    expect(codeOf(utf8Bytes('Kính gửi các đơn vị, xin gửi lại danh sách.'), 'ds.xls').code).toBe(
      'unreadable-file',
    );
  });

  it('a truncated download is unreadable', async () => {
    const bytes = await makeReturnedList();
    expect(codeOf(bytes.subarray(0, Math.floor(bytes.length / 2)), 'ds.xlsx').code).toBe('unreadable-file');
  });

  it('a file over the byte limit is refused before parsing, naming the limit', async () => {
    const issue = codeOf(await makeReturnedList(), 'ds.xlsx', { limits: { maxBytes: 1000 } });
    expect(issue.code).toBe('too-large');
    expect(issue.message).toMatch(/giới hạn là 1000 byte/);
  });

  it('a zip entry declaring a huge uncompressed size is refused before anything is inflated', async () => {
    const bytes = (await makeReturnedList()).slice();
    const entries = listZipEntries(bytes);
    const sheet = entries?.find((e) => e.name === 'xl/worksheets/sheet1.xml');
    expect(sheet).toBeDefined();
    // Patch the central directory record of sheet1.xml: uncompressed size = 3.9 GB.
    const name = utf8Bytes('xl/worksheets/sheet1.xml');
    for (let p = bytes.length - 22; p > 0; p--) {
      if (bytes[p] === 0x50 && bytes[p + 1] === 0x4b && bytes[p + 2] === 0x01 && bytes[p + 3] === 0x02) {
        const n = bytes[p + 28] | (bytes[p + 29] << 8);
        if (n === name.length && name.every((b, i) => bytes[p + 46 + i] === b)) {
          bytes.set([0x00, 0x00, 0x00, 0xf0], p + 24);
          break;
        }
      }
    }
    const t0 = Date.now();
    const issue = codeOf(bytes, 'ds.xlsx');
    expect(Date.now() - t0).toBeLessThan(1000);
    expect(issue.code).toBe('too-large');
    expect(issue.message).toContain('sheet1.xml');
  });

  it('a shared string repeated in many cells counts at every cell (text limit)', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('S');
    const long = 'Hoàn thành xuất sắc nhiệm vụ. '.repeat(2000); // 60 000 characters
    for (let r = 1; r <= 40; r++) ws.getCell(r, 1).value = long;
    const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    expect(codeOf(bytes, 'ds.xlsx', { limits: { maxTextChars: 1_000_000 } }).code).toBe('too-large');
    expect(readWorkbook(bytes, 'ds.xlsx').workbook).not.toBeNull();
  });

  it('too many cells', () => {
    const aoa = Array.from({ length: 200 }, (_, r) => Array.from({ length: 10 }, (_, c) => r * 10 + c));
    const bytes = writeBook(sheetjsBook([{ name: 'S', aoa }]), 'xlsx');
    const issue = codeOf(bytes, 'ds.xlsx', { limits: { maxCells: 1000 } });
    expect(issue.code).toBe('too-large');
    expect(issue.message).toContain('1.000 ô');
    const csvIssue = codeOf(utf8Bytes(aoa.map((r) => r.join(',')).join('\n')), 'ds.csv', {
      limits: { maxCells: 1000 },
    });
    expect(csvIssue.code).toBe('too-large');
  });

  it('an XML entity bomb in SpreadsheetML is refused at once', () => {
    const lol = Array.from({ length: 10 }, (_, i) => `<!ENTITY l${i + 1} "${`&l${i};`.repeat(10)}">`).join(
      '',
    );
    const xml =
      `<?xml version="1.0"?><!DOCTYPE w [<!ENTITY l0 "lol">${lol}]>` +
      '<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet ss:Name="S"><Table><Row><Cell><Data ss:Type="String">&l10;</Data></Cell></Row></Table></Worksheet></Workbook>';
    const t0 = Date.now();
    expect(codeOf(utf8Bytes(xml), 'ds.xml').code).toBe('unreadable-file');
    expect(Date.now() - t0).toBeLessThan(1000);
  });
});

describe('ODS safety', () => {
  /** Builds an .ods package around a content.xml table body. */
  function ods(tableBody: string, manifestExtra = ''): Uint8Array {
    const cfb = XLSX.CFB.utils.cfb_new() as unknown;
    const add = (p: string, s: string) =>
      (XLSX.CFB.utils as { cfb_add: (c: unknown, p: string, d: Uint8Array) => void }).cfb_add(
        cfb,
        p,
        utf8Bytes(s),
      );
    add('mimetype', 'application/vnd.oasis.opendocument.spreadsheet');
    add(
      'META-INF/manifest.xml',
      '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">' +
        '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>' +
        `<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml">${manifestExtra}</manifest:file-entry></manifest:manifest>`,
    );
    add(
      'styles.xml',
      '<?xml version="1.0" encoding="UTF-8"?><office:document-styles xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" office:version="1.2"/>',
    );
    add(
      'content.xml',
      '<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" ' +
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">' +
        `<office:body><office:spreadsheet><table:table table:name="S">${tableBody}</table:table></office:spreadsheet></office:body></office:document-content>`,
    );
    return new Uint8Array(XLSX.CFB.write(cfb, { fileType: 'zip', type: 'array' }) as ArrayBuffer);
  }
  const cell = (text: string, rep = 1) =>
    `<table:table-cell office:value-type="string" table:number-columns-repeated="${rep}"><text:p>${text}</text:p></table:table-cell>`;

  it('repeated rows and cells with content expand as LibreOffice means them', () => {
    const s = sheetOf(
      readWorkbook(
        ods(`<table:table-row table:number-rows-repeated="3">${cell('x', 2)}</table:table-row>`),
        'r.ods',
      ),
    );
    expect(countCells({ fileName: '', format: 'ods', sheets: [s] })).toBe(6);
  });

  it('trailing empty repeated rows and columns (as LibreOffice writes them) cost nothing', () => {
    const body =
      `<table:table-row>${cell('Họ tên')}<table:table-cell table:number-columns-repeated="16383"/></table:table-row>` +
      '<table:table-row table:number-rows-repeated="1048575"><table:table-cell table:number-columns-repeated="16384"/></table:table-row>';
    const s = sheetOf(readWorkbook(ods(body), 'r.ods'));
    expect(rowValues(s, 0)).toEqual(['Họ tên']);
  });

  it('a repeat bomb (999 999 999 × 999 999 999 cells) is refused before SheetJS expands it', () => {
    const body = `<table:table-row table:number-rows-repeated="999999999">${cell('boom', 999999999)}</table:table-row>`;
    const t0 = Date.now();
    const r = readWorkbook(ods(body), 'dos.ods');
    expect(Date.now() - t0).toBeLessThan(2000);
    expect(onlyIssueCode(r)).toBe('too-large');
    expect(r.issues[0].message).toContain('5.000.000 ô');
  });

  it('hidden tables (table style display="false") are hidden sheets', () => {
    const xml =
      '<office:automatic-styles><style:style style:name="ta1" style:family="table"><style:table-properties table:display="true"/></style:style>' +
      '<style:style style:name="ta2" style:family="table"><style:table-properties table:display="false"/></style:style></office:automatic-styles>' +
      '<table:table table:name="Danh sách" table:style-name="ta1"></table:table><table:table table:name="Ẩn &amp; cũ" table:style-name="ta2"></table:table>';
    expect([...odsHiddenTables(xml)]).toEqual(['Ẩn & cũ']);
  });

  it('an encrypted ODS (manifest encryption-data) is reported as encrypted', () => {
    const enc = '<manifest:encryption-data manifest:checksum-type="SHA1/1K" manifest:checksum="x"/>';
    expect(onlyIssueCode(readWorkbook(ods(cell('x'), enc), 'mk.ods'))).toBe('encrypted-file');
  });
});
