/**
 * `tonghop text` on the 31 real legacy-font government workbooks: diacritic accuracy of what the command
 * prints, against the corpus transcripts (upstream_METRIC.md, compared ignoring case). Two figures, as in
 * test/core/text/legacy-accuracy.test.ts: against the transcripts as they are, and against them with their
 * provably wrong cells corrected (correctedTruth: plain Unicode the transcripts decoded a second time, legacy
 * cells they read with the other table). Both are printed.
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
  correctedTruth,
  type AccuracyScore,
} from '../support/diacritic-accuracy';
import { readWorkbook } from '../../src/io/read-workbook';

describeCorpus(LEGACY_CORPUS, 'tonghop text on the legacy government corpus', () => {
  const raw: AccuracyScore[] = [];
  const fixed: AccuracyScore[] = [];
  const lines: string[] = [];

  beforeAll(async () => {
    for (const file of legacyCorpusFiles()) {
      const p = path.join(corpusPath(LEGACY_CORPUS), file.rel);
      const res = await tonghop('text', p, '--no-sheet-names');
      expect(res.code).toBe(0);
      const truth = fs.readFileSync(file.truthPath, 'utf8');
      const source = readWorkbook(new Uint8Array(fs.readFileSync(p)), path.basename(p)).workbook;
      const truthFixed = source ? correctedTruth(truth, source).text : truth;
      const a = scorePair(res.stdout, truth);
      const b = scorePair(res.stdout, truthFixed);
      raw.push(a);
      fixed.push(b);
      lines.push(
        `${(a.diacritic ?? 1).toFixed(4)}  ${(b.diacritic ?? 1).toFixed(4)}  ${file.encoding.padEnd(9)}  ${file.name}`,
      );
    }
    console.log(
      `tonghop text, diacritic accuracy (ignoring case) on ${raw.length} files:\n` +
        `  as-is   fixed   encoding   file\n  ${lines.sort().join('\n  ')}\n` +
        `  overall against the transcripts as they are: ${overall(raw).toFixed(4)}\n` +
        `  overall against the corrected transcripts:     ${overall(fixed).toFixed(4)}`,
    );
  });

  test('reaches 99.5% against the corrected transcripts and 99% against them as they are', () => {
    expect(raw).toHaveLength(31);
    expect(overall(fixed)).toBeGreaterThanOrEqual(0.995);
    expect(overall(raw)).toBeGreaterThanOrEqual(0.99);
  });
});
