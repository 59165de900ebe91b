/**
 * Any sequence of merges, re-submissions and repeats of the same files gives the same Tổng hợp as
 * merging each unit's last list once: no row lost, none doubled, hand-made rows untouched.
 */
import fc from 'fast-check';
import { addDays } from '../../../src/core/campaign/deadline';
import { mergeLists, type IncomingList } from '../../../src/core/master/merge';
import type { MasterModel, MasterRow } from '../../../src/core/master/model';
import { computeTracker } from '../../../src/core/master/tracker';
import { emptyMaster, HOA, HTX, incoming, KHOA, TUAN } from './lists';
import type { Nominee } from '../../support/returned-list';

const UNITS = ['UBND huyện Văn Lâm', 'UBND thị xã Mỹ Hào', 'Sở Y tế', 'Sở Nội vụ'];
const POOL: Nominee[] = [HTX, HOA, TUAN, KHOA];

/** Three versions of each unit's list: growing, edited, and (for the last unit) an empty one. */
const LISTS: IncomingList[][] = UNITS.map((unit, u) =>
  [0, 1, 2].map((v) => {
    const empty = u === 3 && v === 2;
    const nominees = empty
      ? []
      : POOL.slice(0, 1 + ((u + v) % POOL.length)).map((n) => ({
          ...n,
          ten: `${n.ten} ${u + 1}`,
          thanhTich: `${n.thanhTich} (bản ${v + 1})`,
        }));
    return incoming(`${unit} - lần ${v + 1}.xlsx`, unit, { nominees, empty });
  }),
);

const HAND: MasterRow = {
  key: null,
  unit: 'Sở Y tế',
  values: { ten: 'Đỗ Thị Lan', loai: 'Cá nhân', linhVuc: 'An sinh xã hội' },
  received: '2023-05-17',
  status: '',
  file: '',
  source: '',
  check: ['ghi chú của văn thư'],
};

function start(): MasterModel {
  return { ...emptyMaster(), rows: [HAND] };
}

function canonical(rows: MasterRow[]): string[] {
  return rows
    .map((r) => JSON.stringify([r.key, r.unit, r.values, r.received, r.status, r.file, r.source, r.check]))
    .sort();
}

const event = fc.record({
  u: fc.integer({ min: 0, max: UNITS.length - 1 }),
  v: fc.integer({ min: 0, max: 2 }),
  day: fc.integer({ min: -5, max: 8 }),
});

test('any sequence of merges equals merging each unit’s last list once', () => {
  fc.assert(
    fc.property(
      fc.array(fc.array(event, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 6 }),
      (batches) => {
        let m = start();
        const last = new Map<number, IncomingList>();
        let n = 0;
        for (const batch of batches) {
          const lists = batch.map((e) => ({ ...LISTS[e.u]![e.v]!, received: addDays('2023-05-20', e.day) }));
          m = mergeLists(m, lists, `2023-05-${String(10 + ++n).padStart(2, '0')} 08:00:00`).model;
          for (const [i, e] of batch.entries()) {
            const prev = last.get(e.u);
            // a repeat of the unit's current file changes nothing, not even its received date
            if (!prev || prev.digest !== lists[i]!.digest) last.set(e.u, lists[i]!);
          }
        }
        const once = mergeLists(start(), [...last.values()], '2023-06-01 08:00:00').model;
        expect(canonical(m.rows)).toEqual(canonical(once.rows));
        // the hand-made row is still there, once
        expect(m.rows.filter((r) => r === HAND)).toHaveLength(1);
        // per unit: exactly the rows of its last list
        for (const [u, list] of last) {
          const got = m.rows.filter((r) => r.key !== null && r.unit === UNITS[u]);
          expect(got).toHaveLength(list.report.records.length);
        }
        // no key twice
        const keys = m.rows.map((r) => r.key).filter((k) => k !== null);
        expect(new Set(keys).size).toBe(keys.length);
        // the tracker counts one submission per distinct consecutive file, and sent units are not missing
        for (const t of computeTracker(m)) {
          const u = UNITS.indexOf(t.unit);
          expect(t.status === 'missing').toBe(!last.has(u));
        }
      },
    ),
    { numRuns: 150 },
  );
});
