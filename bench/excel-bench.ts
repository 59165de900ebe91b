/**
 * Bench section "excel" (issue "In Excel"): merges of 1, 10 and 100 returned lists into a master open in
 * the fake Excel (test/support/fake-excel), through the gateway (src/excel). Prints, per merge, the
 * round trips (context.sync calls) and the largest request in bytes — Excel on the web refuses requests
 * over 5 MB — and, for a 50,000-row Tổng hợp, the same for creating, reading and merging into it.
 */
import { createCampaign, mergeFiles, readMaster } from '../src/excel/gateway';
import { REQUEST_LIMIT } from '../src/excel/chunking';
import { host, listsFrom, masterWith, NOW, rosterOf, TODAY, withCampaign } from '../test/excel/helpers';
import type { MasterRow } from '../src/core/master/model';
import { rowKey } from '../src/core/master/row-key';

interface Measure {
  syncs: number;
  largestRequestBytes: number;
  ms: number;
}

async function mergeOf(n: number): Promise<Measure> {
  const roster = rosterOf(100);
  const h = host();
  await withCampaign(h, masterWith(roster));
  const lists = listsFrom(roster, n);
  h.fake.resetStats();
  const t0 = performance.now();
  const res = await mergeFiles(h.excel, lists, { now: NOW, today: TODAY, office: h.office });
  const ms = performance.now() - t0;
  if (res.files.some((f) => f.action !== 'merged'))
    throw new Error(`merge of ${n} files did not merge them all`);
  return { syncs: h.fake.stats.syncs, largestRequestBytes: h.fake.stats.largestRequest, ms: Math.round(ms) };
}

async function large(rows: number): Promise<Record<string, Measure>> {
  const roster = rosterOf(100);
  const base = masterWith(roster);
  const big: MasterRow[] = Array.from({ length: rows }, (_, i) => {
    const unit = roster.units[i % roster.units.length]!.name;
    return {
      key: rowKey(unit, 'bench0000000', i + 1),
      unit,
      values: {
        ten: `Nguyễn Văn Bình ${i}`,
        loai: i % 3 === 0 ? 'Tập thể' : 'Cá nhân',
        namSinh: 1970 + (i % 30),
        donViCongTac: 'Phòng Kinh tế và Hạ tầng',
        linhVuc: 'Cải cách hành chính',
        thanhTich: 'Hoàn thành xuất sắc nhiệm vụ năm 2022, sáng kiến cấp tỉnh được áp dụng rộng rãi.',
      },
      received: '2023-05-18',
      status: 'Hợp lệ',
      file: `DS_${i % 100}.xlsx`,
      source: `Danh sách!B${(i % 300) + 8}`,
      check: [],
    };
  });
  const h = host();
  let t0 = performance.now();
  await createCampaign(h.excel, { ...base, rows: big }, TODAY, { office: h.office });
  const create = { syncs: h.fake.stats.syncs, largestRequestBytes: h.fake.stats.largestRequest, ms: 0 };
  create.ms = Math.round(performance.now() - t0);
  h.fake.resetStats();
  t0 = performance.now();
  await readMaster(h.excel);
  const read = { syncs: h.fake.stats.syncs, largestRequestBytes: h.fake.stats.largestRequest, ms: 0 };
  read.ms = Math.round(performance.now() - t0);
  h.fake.resetStats();
  t0 = performance.now();
  await mergeFiles(h.excel, listsFrom(roster, 10), { now: NOW, today: TODAY, office: h.office });
  const merge = { syncs: h.fake.stats.syncs, largestRequestBytes: h.fake.stats.largestRequest, ms: 0 };
  merge.ms = Math.round(performance.now() - t0);
  return { create, read, merge };
}

export const excelSection = {
  name: 'excel',
  async run(): Promise<Record<string, unknown>> {
    const merges: Record<string, Measure> = {};
    for (const n of [1, 10, 100]) merges[String(n)] = await mergeOf(n);
    const rows50k = await large(50_000);
    const all = [...Object.values(merges), ...Object.values(rows50k)];
    const ok = all.every((m) => m.largestRequestBytes < REQUEST_LIMIT);
    const same = new Set(Object.values(merges).map((m) => m.syncs)).size === 1;
    process.stdout.write(
      `Gộp vào Excel (giả lập): 1, 10, 100 tệp → ${Object.values(merges)
        .map((m) => m.syncs)
        .join(
          ', ',
        )} lần đồng bộ; yêu cầu lớn nhất ${Math.max(...all.map((m) => m.largestRequestBytes))} byte ` +
        `(giới hạn ${REQUEST_LIMIT}).\n`,
    );
    return {
      bench: 'excel',
      merges,
      rows50k,
      requestLimit: REQUEST_LIMIT,
      constantSyncs: same,
      underLimit: ok,
    };
  },
};
