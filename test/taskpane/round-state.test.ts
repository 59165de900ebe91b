/** The rules of a receiving round (src/taskpane/state/round.ts), without a browser. */
import {
  emptyRound,
  incomingOf,
  mergeable,
  roundReducer,
  type RoundState,
} from '../../src/taskpane/state/round';
import type { ParsedFile } from '../../src/taskpane/parse/parse-file';
import { ROSTER } from '../core/master/lists';

function parsed(id: string, unit: string | null, confidence = 0.93): ParsedFile {
  return {
    id,
    name: `${id}.xlsx`,
    size: 100,
    digest: `d-${id}`,
    report: { file: `${id}.xlsx`, format: 'xlsx', sheets: [], rows: 3, issues: [], records: [], tables: [] },
    unit: {
      unit,
      inRoster: unit !== null,
      confidence: unit ? confidence : 0.4,
      candidates: [],
      source: unit ? 'header' : null,
    },
    previews: [],
  };
}

const add = (s: RoundState, ...ids: string[]) =>
  roundReducer(s, {
    type: 'added',
    files: ids.map((id) => ({ id, name: `${id}.xlsx` })),
    today: '2023-05-18',
  });

test('progress counts the files of the current batch; a new drop after it is done starts a new count', () => {
  let s = add(emptyRound, 'a', 'b', 'c');
  expect(s.batch).toEqual({ total: 3, done: 0 });
  s = roundReducer(s, { type: 'parsed', file: parsed('a', 'Sở Y tế') });
  s = add(s, 'd'); // dropped while reading: same batch
  expect(s.batch).toEqual({ total: 4, done: 1 });
  for (const id of ['b', 'c', 'd']) s = roundReducer(s, { type: 'parsed', file: parsed(id, 'Sở Y tế') });
  expect(s.batch).toEqual({ total: 4, done: 4 });
  s = add(s, 'e');
  expect(s.batch).toEqual({ total: 1, done: 0 });
});

test("the clerk's unit and received date survive a re-check with other columns", () => {
  let s = add(emptyRound, 'a');
  s = roundReducer(s, { type: 'parsed', file: parsed('a', null) });
  expect(s.files[0]).toMatchObject({ unit: null, unitByClerk: false });
  s = roundReducer(s, { type: 'unit', id: 'a', unit: 'UBND huyện Văn Lâm', roster: ROSTER });
  s = roundReducer(s, { type: 'received', id: 'a', date: '2023-05-23' });
  s = roundReducer(s, {
    type: 'columns',
    id: 'a',
    columns: [{ sheet: 'Danh sách', col: 'B', field: 'ten' }],
  });
  expect(s.files[0]!.rechecking).toBe(true);
  s = roundReducer(s, { type: 'parsed', file: parsed('a', 'Sở Y tế') }); // the re-check finds another unit
  expect(s.files[0]).toMatchObject({
    unit: 'UBND huyện Văn Lâm',
    inRoster: true,
    confidence: 1,
    rechecking: false,
  });
  const [list] = incomingOf(s.files);
  expect(list).toMatchObject({ unit: 'UBND huyện Văn Lâm', received: '2023-05-23', receivedFrom: 'given' });
});

test('files left out or still being read are not merged; merged files leave the round', () => {
  let s = add(emptyRound, 'a', 'b', 'c');
  s = roundReducer(s, { type: 'parsed', file: parsed('a', 'Sở Y tế') });
  s = roundReducer(s, { type: 'parsed', file: parsed('b', 'Sở Nội vụ') });
  s = roundReducer(s, { type: 'exclude', id: 'b', excluded: true });
  expect(mergeable(s).map((f) => f.id)).toEqual(['a']);
  expect(incomingOf(mergeable(s))[0]).toMatchObject({ receivedFrom: 'today', received: '2023-05-18' });
  s = roundReducer(s, { type: 'merged', ids: ['a'] });
  expect(s.files.map((f) => f.id)).toEqual(['b', 'c']);
});
