/**
 * `tonghop check` on every file of shared/corpora/odd_spreadsheets (about 200 odd, old, encrypted and corrupt
 * spreadsheets from the test suites of SheetJS, Apache POI, calamine and xlrd): each gives a JSON report within
 * 10 s, read or refused with a named reason — no crash, no hang.
 */
import fs from 'fs';
import path from 'path';
import { tonghop, scratchDir } from './cli-harness';
import { corpusPath, describeCorpus } from '../support/corpus';

const CORPUS = 'corpora/odd_spreadsheets';
const REFUSALS = new Set(['unreadable-file', 'encrypted-file', 'unsupported-format', 'too-large']);

interface Report {
  files: { file: string; sheets: unknown[]; rows: number; issues: { code: string; message: string }[] }[];
}

describeCorpus(CORPUS, 'tonghop check on the odd-spreadsheet corpus', () => {
  const root = corpusPath(CORPUS);
  const listed = fs
    .readFileSync(path.join(root, 'FILES.tsv'), 'utf8')
    .split('\n')
    .slice(1)
    .filter(Boolean)
    .map((l) => l.split('\t')[0]);
  const dir = scratchDir('tonghop-odd-');
  const outcome = new Map<string, string>();
  let slowest = { file: '', ms: 0 };

  afterAll(() => {
    const counts: Record<string, number> = {};
    for (const o of outcome.values()) counts[o] = (counts[o] ?? 0) + 1;
    console.log(
      `tonghop check on ${outcome.size} odd spreadsheets: ${JSON.stringify(counts)}; ` +
        `slowest ${slowest.file} in ${slowest.ms} ms`,
    );
  });

  test('the corpus lists about 200 files and all of them exist', () => {
    expect(listed.length).toBeGreaterThan(190);
    for (const rel of listed) expect(fs.existsSync(path.join(root, rel))).toBe(true);
  });

  test.each(listed)('%s: a JSON report within 10 s, read or refused with a reason', async (rel) => {
    const out = path.join(dir, `${rel.replace(/[\\/]/g, '_')}.json`);
    const t0 = Date.now();
    const res = await tonghop('check', path.join(root, rel), '--json', out);
    const ms = Date.now() - t0;
    if (ms > slowest.ms) slowest = { file: rel, ms };
    expect(res.code).toBe(0);
    expect(ms).toBeLessThan(10_000);
    const report = JSON.parse(fs.readFileSync(out, 'utf8')) as Report;
    expect(report.files).toHaveLength(1);
    const f = report.files[0];
    const refusal = f.issues.find((i) => REFUSALS.has(i.code));
    if (refusal) {
      expect(f.sheets).toEqual([]);
      expect(refusal.message).toContain(path.basename(rel));
      outcome.set(rel, refusal.code);
    } else {
      expect(f.sheets.length).toBeGreaterThan(0);
      outcome.set(rel, 'read');
    }
  });
});
