/**
 * `tonghop text` on the 31 real legacy-font government workbooks: diacritic accuracy of what the command
 * prints, against the corpus transcripts (upstream_METRIC.md, compared ignoring case). Two figures, as in
 * test/core/text/legacy-accuracy.test.ts: against the transcripts as they are, and with the cells put back
 * that the file holds in plain Unicode and the transcripts decoded a second time (GUIDE §6 forbids altering
 * genuine Unicode text). Both are printed.
 */
import fs from 'fs';
import path from 'path';
import { tonghop } from './cli-harness';
import { corpusPath, describeCorpus } from '../support/corpus';
import {
  LEGACY_CORPUS,
  legacyCorpusFiles,
  overall,
  scorePair,
  truthWithUnicodeCellsKept,
  type AccuracyScore,
} from '../support/diacritic-accuracy';
import { readWorkbook } from '../../src/io/read-workbook';

describeCorpus(LEGACY_CORPUS, 'tonghop text on the legacy government corpus', () => {
  const raw: AccuracyScore[] = [];
  const kept: AccuracyScore[] = [];
  const lines: string[] = [];

  beforeAll(async () => {
    for (const file of legacyCorpusFiles()) {
      const p = path.join(corpusPath(LEGACY_CORPUS), file.rel);
      const res = await tonghop('text', p, '--no-sheet-names');
      expect(res.code).toBe(0);
      const truth = fs.readFileSync(file.truthPath, 'utf8');
      const source = readWorkbook(new Uint8Array(fs.readFileSync(p)), path.basename(p)).workbook;
      const truthKept = source ? truthWithUnicodeCellsKept(truth, source).text : truth;
      const a = scorePair(res.stdout, truth);
      const b = scorePair(res.stdout, truthKept);
      raw.push(a);
      kept.push(b);
      lines.push(
        `${(a.diacritic ?? 1).toFixed(4)}  ${(b.diacritic ?? 1).toFixed(4)}  ${file.encoding.padEnd(9)}  ${file.name}`,
      );
    }
    console.log(
      `tonghop text, diacritic accuracy (ignoring case) on ${raw.length} files:\n` +
        `  as-is   kept    encoding   file\n  ${lines.sort().join('\n  ')}\n` +
        `  overall against the transcripts as they are: ${overall(raw).toFixed(4)}\n` +
        `  overall with plain Unicode cells kept:        ${overall(kept).toFixed(4)}`,
    );
  });

  test('reaches 99.5% (plain Unicode cells kept) and 99% against the raw transcripts', () => {
    expect(raw).toHaveLength(31);
    expect(overall(kept)).toBeGreaterThanOrEqual(0.995);
    expect(overall(raw)).toBeGreaterThanOrEqual(0.99);
  });
});
