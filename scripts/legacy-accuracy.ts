/**
 * Diacritic accuracy of legacy decoding on shared/corpora/vn_gov_spreadsheets_legacy, per file and
 * overall (upstream_METRIC.md, compared ignoring case). Run: npx tsx scripts/legacy-accuracy.ts [--case] [--sheetjs]
 * [--dump DIR] (writes each decoded transcript to DIR for inspection).
 */
import fs from 'fs';
import path from 'path';
import { measureLegacyCorpus, overall, readWithSheetJs } from '../test/support/diacritic-accuracy';
import { readWorkbook } from '../src/io/read-workbook';

const args = process.argv.slice(2);
const withCase = args.includes('--case');
const dumpAt = args.indexOf('--dump');
const t0 = Date.now();
// --sheetjs: read with SheetJS alone (no font names); default: src/io/read-workbook (fonts from the BIFF records)
const reader = args.includes('--sheetjs')
  ? readWithSheetJs
  : (b: Uint8Array, n: string) => readWorkbook(b, n).workbook;
const scores = measureLegacyCorpus(reader, { ignoreCase: !withCase });
const ms = Date.now() - t0;
for (const s of [...scores].sort((a, b) => (a.diacritic ?? 1) - (b.diacritic ?? 1))) {
  console.log(
    [
      (s.diacritic ?? NaN).toFixed(4),
      s.char.toFixed(4),
      String(s.positions).padStart(6),
      String(s.positions - s.correct).padStart(5),
      s.file.encoding.padEnd(9),
      `t${s.cells.tcvn3}/v${s.cells.vni}`.padEnd(12),
      s.file.name,
      s.corrected.unicodeKept + s.corrected.otherTable
        ? `(corrected: ${s.corrected.unicodeKept} Unicode cells kept, ${s.corrected.otherTable} read with the other table: ${(s.corrected.diacritic ?? NaN).toFixed(4)})`
        : '',
    ].join('  '),
  );
  if (dumpAt >= 0) {
    const dir = args[dumpAt + 1];
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, `${s.file.name}.txt`), s.text);
    fs.writeFileSync(path.join(dir, `${s.file.name}.corrected-truth.txt`), s.correctedText);
  }
}
const by = (enc: string): string => overall(scores.filter((s) => s.file.encoding === enc)).toFixed(4);
const corrected = scores.map((s) => s.corrected);
console.log(
  `against the transcripts with their provably wrong cells corrected: overall ${overall(corrected).toFixed(4)}`,
);
console.log(
  `overall ${overall(scores).toFixed(4)}  tcvn3 ${by('tcvn3')}  vni ${by('vni')}  tcvn3+vni ${by('tcvn3+vni')}  (${ms} ms)`,
);
