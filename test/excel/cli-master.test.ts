/**
 * The same .xlsx works both ways. A master made by `tonghop init` and `merge`, opened in Excel (loaded
 * into the fake), reads through the gateway as the same model the command line reads from the file.
 * The gateway then merges the next returned lists (the samples) into it; the command line merges the
 * same lists into its own copy; both masters hold the same rows, issues, log and tracker. Saved from
 * Excel, the gateway's master is read by `tonghop status` with the same figures.
 */
import fs from 'fs';
import path from 'path';
import { run } from '../../src/cli/main';
import { readAndCheck } from '../../src/cli/master-io';
import { closeReaders } from '../../src/cli/read';
import type { IncomingList } from '../../src/core/master/merge';
import type { LogEntry, MasterModel, MasterRow } from '../../src/core/master/model';
import { masterFromGrid } from '../../src/core/master/read-master';
import { computeTracker } from '../../src/core/master/tracker';
import { readWorkbook } from '../../src/io/read-workbook';
import { mergeFiles, readMaster } from '../../src/excel/gateway';
import { createFakeExcel } from '../support/fake-excel';
import { loadXlsx, toXlsx } from '../support/fake-excel/load-xlsx';
import { scratchDir } from '../cli/cli-harness';

const SAMPLES = path.join(__dirname, '..', '..', 'samples');
const sample = (f: string) => path.join(SAMPLES, 'lists', f);
const FIRST = [
  'So_Y_te_DS_dien_hinh.xls',
  'UBND huyện Yên Mỹ - danh sách.xlsx',
  'Truong_Dai_hoc_SPKT_Hung_Yen.csv',
];
const SECOND = [
  'UBND_huyen_Van_Lam.xlsx',
  'UBND_TX_My_Hao.xlsx',
  'Chi cuc TDC - DS dien hinh.xlsx',
  'tep_hong.xlsx',
  'Chi cuc TDC - DS dien hinh (lần 2).xlsx',
];

const silent = { stdout: () => undefined, stderr: () => undefined };

async function tonghop(...argv: string[]): Promise<void> {
  let err = '';
  const code = await run(argv, { stdout: () => undefined, stderr: (s) => (err += s) });
  if (code !== 0) throw new Error(`tonghop ${argv[0]} → ${code}: ${err}`);
}

function gridModel(file: string): MasterModel {
  const wb = readWorkbook(fs.readFileSync(file), path.basename(file)).workbook!;
  return masterFromGrid(wb).model!;
}

/** The lists as `tonghop merge --received` makes them from the files. */
async function listsOf(files: string[], model: MasterModel, received: string): Promise<IncomingList[]> {
  const checked = await readAndCheck(files.map(sample), model.schema, undefined, { roster: model.roster });
  const units = checked.map((f) => f.unit!);
  return checked.map((f, i) => ({
    file: f.name,
    digest: f.digest,
    received,
    receivedFrom: 'given',
    report: f.report,
    unit: units[i]!.unit,
    inRoster: units[i]!.inRoster,
    candidates: units[i]!.candidates,
    confidence: units[i]!.confidence,
  }));
}

afterAll(() => closeReaders());

const rowKey = (r: MasterRow) => JSON.stringify(r);
const untimed = (log: LogEntry[]) => log.map((e) => ({ ...e, time: '' }));

test('a master from the command line opens in Excel, merges there, and reads back on the command line', async () => {
  const dir = scratchDir('tonghop-gateway-');
  const cliMaster = path.join(dir, 'tong_hop.xlsx');
  await tonghop(
    'init',
    cliMaster,
    '--deadline',
    '2023-05-20',
    '--roster',
    path.join(SAMPLES, 'roster.csv'),
    '--title',
    'Danh sách giới thiệu điển hình tiên tiến năm 2023',
    '--letter-no',
    '312/SKHCN-VP',
    '--letter-date',
    '2023-03-28',
    '--issuer',
    'SỞ KHOA HỌC VÀ CÔNG NGHỆ',
    '--superior',
    'UBND TỈNH HƯNG YÊN',
    '--place',
    'Hưng Yên',
  );
  await tonghop('merge', cliMaster, ...FIRST.map(sample), '--received', '2023-05-16');

  // Opened in Excel: the gateway reads the model the command line reads.
  const fake = createFakeExcel({ workbook: await loadXlsx(cliMaster) });
  const read = await readMaster(fake.Excel);
  const fromFile = gridModel(cliMaster);
  expect(read.problems).toEqual([]);
  expect(read.model).toEqual(fromFile);
  expect(read.model!.rows.length).toBeGreaterThan(5);
  expect(read.syncs).toBe(2);

  // The next lists: merged by the gateway into Excel, and by the command line into its file.
  const lists = await listsOf(SECOND, fromFile, '2023-05-18');
  const res = await mergeFiles(fake.Excel, lists, {
    now: '2023-05-18 09:30:00',
    today: '2023-05-26',
    office: fake.Office,
  });
  expect(res.syncs).toBe(5);
  expect(res.files.map((f) => f.action)).toEqual(['merged', 'merged', 'merged', 'not-merged', 'replaced']);
  await tonghop('merge', cliMaster, ...SECOND.map(sample), '--received', '2023-05-18');
  const cli = gridModel(cliMaster);
  const excel = (await readMaster(fake.Excel)).model!;
  expect(excel.rows.map(rowKey).sort()).toEqual(cli.rows.map(rowKey).sort());
  expect(excel.issues).toEqual(cli.issues);
  expect(untimed(excel.log)).toEqual(untimed(cli.log));
  expect(computeTracker(excel)).toEqual(computeTracker(cli));
  // Theo dõi, as written by each, shows the same (dates as serial numbers in both)
  const cliBook = await loadXlsx(cliMaster);
  expect(fake.workbook.tableValues('TheoDoi')).toEqual(cliBook.tableValues('TheoDoi'));

  // Saved from Excel: the command line reads the gateway's master as the gateway does.
  const saved = path.join(dir, 'saved_from_excel.xlsx');
  fs.writeFileSync(saved, await toXlsx(fake.workbook));
  expect(gridModel(saved)).toEqual(excel);
  const statusOf = async (file: string) => {
    const out = path.join(dir, `${path.basename(file)}.status.json`);
    expect(await run(['status', file, '--json', out], silent)).toBe(0);
    return JSON.parse(fs.readFileSync(out, 'utf8')) as unknown;
  };
  expect(await statusOf(saved)).toEqual(await statusOf(cliMaster));
});
