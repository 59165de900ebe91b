/**
 * A merge in Excel costs a constant number of round trips: 2 to read the master (names; table places
 * with their data), 1 for the pending log, 1 for everything else and 1 for the final log — whatever the
 * number of files merged. The fake counts the round trips itself; the gateway's own count must agree with it.
 */
import { mergeLists } from '../../src/core/master/merge';
import { computeTracker } from '../../src/core/master/tracker';
import { mergeFiles, readMaster } from '../../src/excel/gateway';
import { REQUEST_LIMIT } from '../../src/excel/chunking';
import { host, listsFrom, masterWith, NOW, rosterOf, TODAY, withCampaign } from './helpers';

const SYNCS = 5;

describe('merging N files into the open master', () => {
  const roster = rosterOf(100);

  test.each([1, 10, 100])(`merging %i file(s) costs ${SYNCS} syncs, every request under 5 MB`, async (n) => {
    const h = host();
    await withCampaign(h, masterWith(roster));
    const before = (await readMaster(h.excel)).model!;
    h.fake.resetStats();
    const lists = listsFrom(roster, n);
    const steps: string[] = [];
    const res = await mergeFiles(h.excel, lists, {
      now: NOW,
      today: TODAY,
      office: h.office,
      onProgress: (step, total, label) => steps.push(`${step}/${total} ${label}`),
    });
    expect(steps).toEqual([
      '1/5 Đọc tệp tổng hợp',
      '2/5 Gộp danh sách',
      '3/5 Ghi nhật ký (tạm)',
      '4/5 Ghi các trang',
      '5/5 Ghi nhật ký',
    ]);

    expect(res.syncs).toBe(SYNCS);
    expect(h.fake.stats.syncs).toBe(SYNCS);
    expect(h.fake.stats.requests.every((r) => r.outcome === 'ok' && r.bytes < REQUEST_LIMIT)).toBe(true);
    // the gateway's estimate of its largest request is not below what the fake measured
    expect(res.largestRequest).toBeGreaterThanOrEqual(h.fake.stats.largestRequest);
    // calculation is suspended in every request that writes (the last three)
    expect(h.fake.stats.requests.map((r) => r.calcSuspended)).toEqual([false, false, true, true, true]);
    expect(res.files.map((f) => f.action)).toEqual(lists.map(() => 'merged'));
    expect(res.skipped).toEqual([]);

    // what Excel now holds reads back as the engine's own result
    const expected = mergeLists(before, lists, NOW).model;
    const after = await readMaster(h.excel);
    expect(after.problems).toEqual([]);
    expect(after.model!.rows).toEqual(expected.rows);
    expect(after.model!.log).toEqual(expected.log);
    expect(after.model!.issues).toEqual(expected.issues);
    expect(computeTracker(after.model!)).toEqual(computeTracker(expected));
    expect(h.fake.workbook.tableRecords('TongHop')).toHaveLength(3 * n);
    expect(h.fake.workbook.tableRecords('TongHop').map((r) => r['STT'])).toEqual(
      Array.from({ length: 3 * n }, (_, i) => i + 1),
    );
  });

  test('merging the same files again changes nothing and costs only the 2 reading syncs', async () => {
    const h = host();
    await withCampaign(h, masterWith(roster));
    const lists = listsFrom(roster, 10);
    await mergeFiles(h.excel, lists, { now: NOW, today: TODAY, office: h.office });
    const before = h.fake.workbook.snapshot();
    h.fake.resetStats();
    const again = await mergeFiles(h.excel, lists, {
      now: '2023-05-19 08:00:00',
      today: TODAY,
      office: h.office,
    });
    expect(again.changed).toBe(false);
    expect(again.files.every((f) => f.action === 'unchanged')).toBe(true);
    expect(h.fake.stats.syncs).toBe(2);
    expect(h.fake.workbook.snapshot()).toEqual(before);
  });
});
