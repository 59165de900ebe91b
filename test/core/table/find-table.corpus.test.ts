/**
 * The table finder on real commendation spreadsheets (Quảng Bình templates and one filled submission,
 * corpora/vn_gov_spreadsheets_khenthuong): headers with line breaks, a merged title row, lookup sheets.
 */
import fs from 'fs';
import * as XLSX from '@e965/xlsx';
import { cellText } from '../../../src/core/grid';
import { defaultSchema } from '../../../src/core/schema/default-schema';
import { findTable } from '../../../src/core/table/find-table';
import { corpusPath, describeCorpus } from '../../support/corpus';
import { fromWorksheet } from './grid-builder';

const DIR = 'corpora/vn_gov_spreadsheets_khenthuong';
const schema = defaultSchema();

function sheetOf(rel: string, sheet: string) {
  const wb = XLSX.read(fs.readFileSync(corpusPath(DIR, 'public/data', rel)));
  return fromWorksheet(wb.Sheets[sheet], sheet);
}

describeCorpus(DIR, 'findTable on real commendation lists', () => {
  test('the filled submission: 386 collectives under a header on row 1, none of the #N/A formula rows below', () => {
    const file = 'tailieudinhkem/1701154571.TOTRINH.MauTDKT-TTLĐTT-chuẩn (1).xlsx';
    const t = findTable(sheetOf(file, 'file nhận'), schema, { file: '1701154571.xlsx' });
    expect(t).not.toBeNull();
    if (!t) return;
    expect(t.headerRows).toEqual([0]);
    const name = t.columns.find((c) => c.field === 'ten');
    expect(name).toMatchObject({ col: 2, header: 'Tên tập thể/cá nhân/hộ gia đình' });
    expect(t.columns.find((c) => c.field === 'donViCongTac')?.col).toBe(4);
    expect(t.columns.find((c) => c.col === 0)?.isRowNumber).toBe(true);
    expect(t.rows).toHaveLength(386);
    expect(cellText(t.rows[0].cells.ten.cell)).toBe('Thanh tra sở Y tế');
    expect(cellText(t.rows[385].cells.ten.cell)).toBe('Phòng khám đa khoa khu vực Hóa Tiến');
    // the second name-like column ("Tên gọi (Ông/Bà/Chức danh)") is reported, not merged
    expect(t.issues.find((i) => i.cell === 'B1')?.code).toBe('extra-label');
  });

  test('a template with a merged title row: the header is row 3, with no data rows', () => {
    const t = findTable(sheetOf('download/TAPTHE.xlsx', 'DANHSACH'), schema, { file: 'TAPTHE.xlsx' });
    expect(t?.headerRows).toEqual([2]);
    expect(t?.columns.find((c) => c.field === 'ten')?.header).toBe('Tên đơn vị / tập thể');
    expect(t?.rows).toEqual([]);
    const missing = t?.issues.filter((i) => i.code === 'missing-label').map((i) => `${i.field} ${i.cell}`);
    expect(missing).toEqual(['linhVuc F3', 'thanhTich F3']);
  });

  test('an uploaded list keeps its 5 collectives and 4 officials', () => {
    const t = findTable(sheetOf('totrinh/1668416671totrinhdenghi.xlsx', 'DANHSACH'), schema, {
      file: 'x.xlsx',
    });
    expect(t?.rows.map((r) => cellText(r.cells.ten.cell))).toHaveLength(9);
    expect(t?.rows.slice(0, 2).map((r) => cellText(r.cells.ten.cell))).toEqual([
      'Phòng Phổ biến, giáo dục pháp luật Sở Tư pháp',
      'Công an tỉnh Quảng Bình',
    ]);
  });

  test.each([
    ['download/TAPTHE.xlsx', 'DANHMUC'],
    ['download/CANHAN.xlsx', 'DANHMUC'],
    ['download/MauTDKT.xlsx', 'HTKT'],
    ['download/MauTDKT.xlsx', 'LVHD'],
    ['download/MauTDKT.xlsx', 'PLDT'],
  ])('the lookup sheet %s / %s is not a list of nominees', (file, sheet) => {
    expect(findTable(sheetOf(file, sheet), schema, { file })).toBeNull();
  });
});
