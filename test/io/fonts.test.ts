import fs from 'fs';
import path from 'path';
import * as XLSX from '@e965/xlsx';
import { scanBiff } from '../../src/io/biff-fonts';
import { readWorkbook } from '../../src/io/read-workbook';
import { parseStyleFonts, scanSheetStyles } from '../../src/io/xlsx-fonts';
import { corpusPath, describeCorpus } from '../support/corpus';
import { utf8Bytes, workbookOf } from './helpers';

describe('xlsx styles', () => {
  it('maps each cell format to its font name, with or without namespace prefixes', () => {
    const styles =
      '<x:styleSheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
      '<x:fonts count="3"><x:font><x:sz val="11"/><x:name val="Calibri"/></x:font><x:font/>' +
      '<x:font><x:b/><x:name val=".VnTime&amp;H"/></x:font></x:fonts>' +
      '<x:dxfs><x:dxf><x:font><x:name val="NOT A CELL FONT"/></x:font></x:dxf></x:dxfs>' +
      '<x:cellXfs count="3"><x:xf fontId="0"/><x:xf fontId="2" applyFont="1"/><x:xf numFmtId="14" fontId="1"/></x:cellXfs></x:styleSheet>';
    expect(parseStyleFonts(styles)).toEqual(['Calibri', '.VnTime&H', undefined]);
  });

  it('finds style indices of cells, also for rows and cells without r= (they follow the previous)', () => {
    const xml =
      '<worksheet><dimension ref="A1:C3"/><sheetData>' +
      '<row r="1"><c r="A1" s="2" t="s"><v>0</v></c><c r="C1" s="1"/></row>' +
      '<row><c s="3"><v>1</v></c><c s="4" t="inlineStr"><is><t>&lt;c s="9"&gt;</t></is></c></row>' +
      '<row r="5" spans="1:2"><c r="$B$5" s=\'7\'/></row>' +
      '</sheetData><cols><col min="1" max="2" style="5"/></cols></worksheet>';
    const g = scanSheetStyles(utf8Bytes(xml));
    expect(g[0]).toEqual([2, undefined, 1]);
    expect(g[1]).toEqual([3, 4]);
    expect(g[4]?.[1]).toBe(7);
    expect(g.length).toBe(5);
  });
});

describe('BIFF record walk', () => {
  it('reads fonts and XFs of a BIFF8 workbook written by SheetJS, and no FILEPASS', () => {
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['Họ tên', 1]]), 'S');
    const bytes = new Uint8Array(XLSX.write(wb, { bookType: 'biff8', type: 'array' }) as ArrayBuffer);
    const cfb = XLSX.CFB.read(bytes, { type: 'array' }) as {
      FullPaths: string[];
      FileIndex: { content: Uint8Array }[];
    };
    const i = cfb.FullPaths.findIndex((p) => /workbook$/i.test(p));
    const scan = scanBiff(Uint8Array.from(cfb.FileIndex[i].content));
    expect(scan.biff).toBe(8);
    expect(scan.encrypted).toBe(false);
    expect(scan.sheets.map((s) => s.name)).toEqual(['S']);
    expect(scan.fontAt(0, 0, 0)).toEqual(expect.any(String));
  });

  it('never throws on garbage, truncated or empty streams', () => {
    for (const b of [
      new Uint8Array(0),
      Uint8Array.from([9, 8, 200, 0, 1]),
      Uint8Array.from({ length: 999 }, (_, i) => i * 7),
    ]) {
      expect(() => scanBiff(b)).not.toThrow();
    }
  });
});

interface LegacyRow {
  file: string;
  encoding: string;
  sheets: number;
  merges: number;
  fonts: string[];
}

function legacyRows(): LegacyRow[] {
  const tsv = fs.readFileSync(corpusPath('corpora', 'vn_gov_spreadsheets_legacy', 'FILES.tsv'), 'utf8');
  return tsv
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => l.split('\t'))
    .map((c) => ({
      file: c[0],
      encoding: c[3],
      sheets: Number(c[8]),
      merges: Number(c[9]),
      fonts: c[10].split(';'),
    }));
}

const nonAscii = (t: string) => [...t].some((ch) => ch.charCodeAt(0) > 0x7f);
const latin1Only = (t: string) => [...t].every((ch) => ch.charCodeAt(0) <= 0xff);
const isLegacyFont = (f: string | undefined) => !!f && /^(\.Vn|VNI[- ]|UVn)/i.test(f);

describeCorpus('corpora/vn_gov_spreadsheets_legacy', 'real legacy-font government .xls files', () => {
  const rows = legacyRows();
  const read = (row: LegacyRow) => {
    const p = corpusPath('corpora', 'vn_gov_spreadsheets_legacy', row.file);
    return { r: readWorkbook(fs.readFileSync(p), path.basename(p)), bytes: fs.readFileSync(p) };
  };

  it.each(rows.map((r) => [path.basename(r.file), r] as const))(
    '%s: sheets, merges, and the font table',
    (_n, row) => {
      const { r, bytes } = read(row);
      const wb = workbookOf(r);
      expect(wb.format).toBe('xls');
      expect(wb.sheets).toHaveLength(row.sheets);
      expect(wb.sheets.reduce((n, s) => n + s.merges.length, 0)).toBe(row.merges);
      // The fonts FILES.tsv lists for the workbook are all in its FONT records ...
      const cfb = XLSX.CFB.read(new Uint8Array(bytes), { type: 'array' }) as {
        FullPaths: string[];
        FileIndex: { content: Uint8Array }[];
      };
      const wi = cfb.FullPaths.findIndex((p) => /\/(workbook|book)$/i.test(p));
      const scan = scanBiff(Uint8Array.from(cfb.FileIndex[wi].content));
      for (const f of row.fonts) expect(scan.fonts).toContain(f);
      // ... and the legacy ones reach the cells: most non-empty text cells carry a legacy font.
      let text = 0;
      let legacy = 0;
      for (const s of wb.sheets) {
        for (const line of s.rows) {
          for (const c of line) {
            if (!c || typeof c.v !== 'string' || !nonAscii(c.v)) continue;
            text++;
            if (isLegacyFont(c.font)) legacy++;
          }
        }
      }
      expect(text).toBeGreaterThan(0);
      expect(legacy / text).toBeGreaterThan(0.5);
    },
  );

  it('in a workbook mixing TCVN3, VNI and Unicode, each cell has the font its text was typed in', () => {
    const row = rows.find((r) => r.file.endsWith('2007-bkqd1412006.dot.xls')) as LegacyRow;
    const wb = workbookOf(read(row).r);
    const byFont = new Map<string, string[]>();
    for (const s of wb.sheets) {
      for (const line of s.rows) {
        for (const c of line) {
          if (c && typeof c.v === 'string' && nonAscii(c.v)) {
            const list = byFont.get(c.font ?? '') ?? [];
            list.push(c.v);
            byFont.set(c.font ?? '', list);
          }
        }
      }
    }
    // VNI-Windows puts tone marks as separate Latin-1 letters after the vowel ("TIEÁT", "Nguoàn").
    const vni = /[aeiouyAEIOUYÔÖôö][ÙØÛÕÏùøûõïÂÀÁÃÄâàáãä]|Ñ|ñ/;
    // TCVN3 uses single Latin-1 characters for whole letters ("Vèn ng©n s¸ch"): Latin-1 only, no VNI pairs.
    const tcvn3 = {
      test: (t: string) => latin1Only(t) && !/[aeiouyAEIOUYÔÖôö][ÙØÛÕÏùøûõïÂÀÁÃÄâàáãä]/.test(t),
    };
    // Unicode Vietnamese: precomposed letters beyond Latin-1.
    const unicode = /[\u1ea0-\u1ef9\u0110\u0111\u01a0\u01a1\u01af\u01b0]/;
    const share = (font: string, re: { test: (t: string) => boolean }) => {
      const list = byFont.get(font) ?? [];
      return list.filter((t) => re.test(t)).length / list.length;
    };
    expect(byFont.get('VNI-Times')?.length).toBeGreaterThan(100);
    expect(byFont.get('.VnTime')?.length).toBeGreaterThan(1000);
    expect(share('VNI-Times', vni)).toBeGreaterThan(0.9);
    expect(share('.VnTime', tcvn3)).toBeGreaterThan(0.9);
    expect(share('Times New Roman', unicode)).toBeGreaterThan(0.9);
    expect(share('.VnTime', vni)).toBeLessThan(0.2);
  });
});

describeCorpus(
  'corpora/odd_spreadsheets',
  'fonts of the same workbook saved as .xlsx and as .xls agree',
  () => {
    const pairs = [
      ['sheetjs/merge_cells.xlsx', 'sheetjs/merge_cells.xls'],
      ['sheetjs/sheet_visibility.xlsx', 'sheetjs/sheet_visibility.xls'],
      ['apache_poi/SampleSS.xlsx', 'apache_poi/SampleSS.xls'],
      ['sheetjs/LONumbers.xlsx', 'sheetjs/LONumbers.xls'],
      ['calamine/merged_range.xlsx', 'calamine/merged_range.xls'],
      ['apache_poi/TwoSheetsOneHidden.xlsx', 'apache_poi/TwoSheetsOneHidden.xls'],
    ];
    it.each(pairs)('%s / %s', (a, b) => {
      const get = (f: string) =>
        workbookOf(readWorkbook(fs.readFileSync(corpusPath('corpora', 'odd_spreadsheets', f)), f));
      const A = get(a);
      const B = get(b);
      let compared = 0;
      for (const s of A.sheets) {
        const t = B.sheets.find((x) => x.name === s.name);
        s.rows.forEach((row, r) =>
          row.forEach((c, k) => {
            const d = t?.rows[r]?.[k];
            if (!c || !d) return;
            expect(c.font).toEqual(expect.any(String));
            expect(d.font).toBe(c.font);
            compared++;
          }),
        );
      }
      expect(compared).toBeGreaterThan(0);
    });
  },
);
