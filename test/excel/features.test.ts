/**
 * Excel versions and the clerk's changes: optional features are detected (requirement sets) and left
 * out gracefully with a word for the clerk; an Excel older than the manifest's 1.7 is told so; a
 * workbook without a campaign, a campaign created twice, a deleted table and a moved column.
 */
import { mergeLists } from '../../src/core/master/merge';
import type { MasterRow } from '../../src/core/master/model';
import { SKIPPED_VI } from '../../src/excel/requirements';
import { createCampaign, GatewayError, mergeFiles, readMaster } from '../../src/excel/gateway';
import { incoming, ROSTER } from '../core/master/lists';
import { host, listsFrom, masterWith, nomineesOf, NOW, TODAY, withCampaign } from './helpers';

const key = (r: MasterRow) => JSON.stringify(r);

describe('requirement sets', () => {
  test('ExcelApi 1.7 (Excel 2019): no dropdowns, no print setup, tables grow by rows.add; the data is all there', async () => {
    const h = host({ requirementSets: { ExcelApi: '1.7' } });
    const created = await createCampaign(h.excel, masterWith(), '2023-05-10', { office: h.office });
    expect(created.skipped).toEqual(expect.arrayContaining([SKIPPED_VI.dropdowns, SKIPPED_VI.print]));
    const before = (await readMaster(h.excel)).model!;
    const lists = listsFrom(ROSTER, 3);
    const res = await mergeFiles(h.excel, lists, { now: NOW, today: TODAY, office: h.office });
    // Kiểm tra and Nhật ký grew: without table.resize the rows were added
    expect(res.skipped).toEqual(expect.arrayContaining([SKIPPED_VI.tableResize]));
    expect(h.fake.stats.requests.every((r) => r.outcome === 'ok')).toBe(true);
    const expected = mergeLists(before, lists, NOW).model;
    const back = (await readMaster(h.excel)).model!;
    expect(back.rows).toEqual(expected.rows);
    expect(back.log).toEqual(expected.log);
    expect(back.issues).toEqual(expected.issues);
    const snap = h.fake.workbook.snapshot();
    expect(snap.sheets.flatMap((s) => s.validations)).toEqual([]);
    expect(snap.sheets.find((s) => s.name === 'Báo cáo')!.pageLayout.paperSize).not.toBe('A4');
  });

  test('a newer Excel gets the dropdowns, the print setup of Báo cáo, and nothing is reported missing', async () => {
    const h = host({ requirementSets: { ExcelApi: '1.17' } });
    const created = await createCampaign(h.excel, masterWith(), '2023-05-10', { office: h.office });
    expect(created.skipped).toEqual([]);
    const res = await mergeFiles(h.excel, listsFrom(ROSTER, 3), { now: NOW, today: TODAY, office: h.office });
    expect(res.skipped).toEqual([]);
    const snap = h.fake.workbook.snapshot();
    const tongHop = snap.sheets.find((s) => s.name === 'Tổng hợp')!;
    expect(tongHop.validations.map((v) => v.rule)).toEqual(
      expect.arrayContaining([{ list: { inCellDropDown: true, source: 'Tập thể,Cá nhân' } }]),
    );
    // the dropdown covers every row, the 9 merged ones included
    const loai = tongHop.validations.find((v) => JSON.stringify(v.rule).includes('Tập thể'))!;
    expect(loai.range).toMatch(/^D3:D11$/);
    const report = snap.sheets.find((s) => s.name === 'Báo cáo')!;
    expect(report.pageLayout).toMatchObject({
      paperSize: 'A4',
      orientation: 'Landscape',
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
    });
    expect(tongHop.freeze.rows).toBe(2);
    expect(tongHop.colProps.find((c) => c.hidden)).toBeDefined();
  });

  test('an Excel older than the manifest asks is told so, and nothing is written', async () => {
    const h = host({ requirementSets: { ExcelApi: '1.6' } });
    const before = h.fake.workbook.snapshot();
    await expect(createCampaign(h.excel, masterWith(), '2023-05-10', { office: h.office })).rejects.toThrow(
      /ExcelApi 1\.7/,
    );
    expect(h.fake.workbook.snapshot()).toEqual(before);
  });
});

describe('the workbook and the clerk', () => {
  test('a workbook without a campaign reads as none, and a merge into it is refused in Vietnamese', async () => {
    const h = host();
    const read = await readMaster(h.excel);
    expect(read.model).toBeNull();
    expect(read.problems.join(' ')).toMatch(/không phải tệp tổng hợp/);
    const merging = mergeFiles(h.excel, listsFrom(ROSTER, 1), { now: NOW, today: TODAY, office: h.office });
    await expect(merging).rejects.toBeInstanceOf(GatewayError);
    await expect(mergeFiles(h.excel, [], { now: NOW, today: TODAY, office: h.office })).rejects.toThrow(
      /chưa có đợt tổng hợp/,
    );
  });

  test('a second campaign in the same workbook is refused and the first stays as it was', async () => {
    const h = host();
    await withCampaign(h);
    await mergeFiles(h.excel, listsFrom(ROSTER, 2), { now: NOW, today: TODAY, office: h.office });
    const before = h.fake.workbook.snapshot();
    await expect(createCampaign(h.excel, masterWith(), '2023-05-10', { office: h.office })).rejects.toThrow(
      /đã có một đợt tổng hợp/,
    );
    expect(h.fake.workbook.snapshot()).toEqual(before);
  });

  test('a table the clerk deleted is reported and made again on a free sheet name', async () => {
    const h = host();
    await withCampaign(h);
    await h.fake.Excel.run(async (context) => {
      context.workbook.tables.getItem('KiemTra').delete();
      await context.sync();
    });
    const read = await readMaster(h.excel);
    expect(read.model).not.toBeNull();
    expect(read.problems).toEqual([expect.stringMatching(/^Không thấy bảng KiemTra \(trang „Kiểm tra”\)/)]);
    const res = await mergeFiles(h.excel, listsFrom(ROSTER, 2), { now: NOW, today: TODAY, office: h.office });
    expect(res.problems).toHaveLength(1);
    const names = h.fake.workbook.sheets.map((s) => s.name);
    expect(names).toContain('Kiểm tra (2)');
    expect(h.fake.workbook.table('KiemTra').sheet.name).toBe('Kiểm tra (2)');
    const back = await readMaster(h.excel);
    expect(back.problems).toEqual([]);
    expect(back.model!.issues).toEqual(res.model.issues);
  });

  test('a column the clerk moved to the front is found by its header', async () => {
    const h = host();
    await withCampaign(h);
    await mergeFiles(h.excel, listsFrom(ROSTER, 2), { now: NOW, today: TODAY, office: h.office });
    // "Ghi chú" moved to the front through Office.js: read, delete, add again at index 0
    await h.fake.Excel.run(async (context) => {
      const table = context.workbook.tables.getItem('TongHop');
      const col = table.columns.getItem('Ghi chú');
      const range = col.getRange().load('values');
      await context.sync();
      const values = range.values.map((r, i) => [i === 0 ? 'Ghi chú' : `ghi chú ${i}`]);
      col.delete();
      table.columns.add(0, values);
      await context.sync();
    });
    const before = (await readMaster(h.excel)).model!;
    expect(before.rows.map((r) => r.values['ghiChu'])).toEqual(before.rows.map((_, i) => `ghi chú ${i + 1}`));
    const next = incoming('SYT.xlsx', 'Sở Y tế', {
      nominees: nomineesOf(9).map((n, i) => ({ ...n, ghiChu: `Đề nghị lần đầu ${i}` })),
    });
    const res = await mergeFiles(h.excel, [next], { now: NOW, today: TODAY, office: h.office });
    expect(res.files[0]!.action).toBe('merged');
    const records = h.fake.workbook.tableRecords('TongHop');
    expect(Object.keys(records[0]!)[0]).toBe('Ghi chú');
    expect(records.slice(-3).map((r) => [r['Ghi chú'], r['Đơn vị gửi']])).toEqual(
      [0, 1, 2].map((i) => [`Đề nghị lần đầu ${i}`, 'Sở Y tế']),
    );
    const back = (await readMaster(h.excel)).model!;
    expect(back.rows.map(key)).toEqual(mergeLists(before, [next], NOW).model.rows.map(key));
  });
});
