/**
 * Real names: every official administrative unit name (Unicode) passes through decoding unchanged,
 * whatever legacy font is on the cell; the Hưng Yên names encoded in TCVN3 and VNI decode back.
 */
import fs from 'fs';
import type { GridCell, GridWorkbook } from '../../../src/core/grid';
import { decodeCell } from '../../../src/core/text/legacy';
import { decodeWorkbook } from '../../../src/core/text/decode-workbook';
import { corpusPath, describeCorpus } from '../../support/corpus';

/** Minimal CSV reader for the corpus files (quoted fields with commas and doubled quotes). */
function readCsv(file: string): Record<string, string>[] {
  const text = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field || row.length) rows.push([...row, field]);
  const [head, ...body] = rows.filter((r) => r.length > 1);
  return body.map((r) => Object.fromEntries(head.map((h, i) => [h, r[i] ?? ''])));
}

const FONTS = [undefined, '.VnTime', '.VnTimeH', 'VNI-Times'];

describeCorpus('corpora/vn_admin_units', 'official unit names (Unicode) are never altered', () => {
  const units = readCsv(corpusPath('corpora/vn_admin_units', 'all_units_3_levels.csv'));
  /** Full names ("Xã Trung Hòa"), short names ("Trung Hòa") and types ("Thị trấn"). */
  const names = [...new Set(units.flatMap((u) => [u.name, u.short_name, u.type]))].filter(Boolean);

  test('the file has every unit (10,806 rows)', () => {
    expect(units).toHaveLength(10806);
    expect(names.length).toBeGreaterThan(15000);
  });

  test.each(FONTS)('decodeCell leaves every name as it is (font %s)', (font) => {
    const changed = names.filter(
      (n) => decodeCell(n, font).text !== n || decodeCell(n, font).encoding !== null,
    );
    expect(changed).toEqual([]);
  });

  test('a workbook listing them under legacy fonts comes back unchanged', () => {
    const rows: GridCell[][] = units.map((u, i) => [
      { v: u.name, w: u.name, font: FONTS[i % 4] },
      { v: u.short_name, w: u.short_name, font: FONTS[(i + 1) % 4] },
      { v: u.level1_name, w: u.level1_name, font: '.VnTime' },
    ]);
    const wb: GridWorkbook = {
      fileName: 'dvhc.xls',
      format: 'xls',
      sheets: [{ name: 'DVHC', visibility: 'visible', rows, merges: [] }],
    };
    const out = decodeWorkbook(wb);
    expect(out.converted).toEqual([]);
    expect(out.workbook.sheets[0].rows).toEqual(rows);
  });
});

describeCorpus(
  'corpora/vn_legacy_encodings',
  'Hưng Yên names and award phrases in TCVN3 and VNI decode back',
  () => {
    const lines = fs
      .readFileSync(corpusPath('corpora/vn_legacy_encodings', 'DERIVED_hung_yen_names_legacy.tsv'), 'utf8')
      .split('\n')
      .filter((l) => l && !l.startsWith('#'))
      .slice(1)
      .map((l) => l.split('\t'));

    test('every row, with and without the font (TCVN3 compared ignoring case: it cannot write accented capitals)', () => {
      expect(lines.length).toBeGreaterThan(100);
      for (const [unicode, tcvn3, vni] of lines) {
        for (const font of [undefined, '.VnTime']) {
          const d = decodeCell(tcvn3, font);
          // a name with no letter that TCVN3 writes differently stays as it is
          expect([tcvn3, d.text.toLowerCase()]).toEqual([tcvn3, unicode.toLowerCase()]);
        }
        for (const font of [undefined, 'VNI-Times'])
          expect([vni, decodeCell(vni, font).text]).toEqual([vni, unicode]);
      }
    });

    test('a sheet of them in .VnTimeH comes back in capitals, and one in VNI-Times exactly', () => {
      const sheet = (col: number, font: string): GridWorkbook => ({
        fileName: 'hy.xls',
        format: 'xls',
        sheets: [
          {
            name: 'S',
            visibility: 'visible',
            merges: [],
            rows: lines.map((l) => [{ v: l[col], w: l[col], font }]),
          },
        ],
      });
      const tc = decodeWorkbook(sheet(1, '.VnTimeH')).workbook.sheets[0].rows.map((r) => r[0]?.v);
      expect(tc).toEqual(lines.map((l) => l[0].toUpperCase()));
      const vn = decodeWorkbook(sheet(2, 'VNI-Times')).workbook.sheets[0].rows.map((r) => r[0]?.v);
      expect(vn).toEqual(lines.map((l) => l[0]));
    });
  },
);
