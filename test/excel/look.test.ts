/**
 * The gateway gives the master the look the command line's writer gives the file: the same sheets,
 * tables, values, number formats, fonts, alignment, wrapping, column widths, hidden key columns, frozen
 * rows, tab colours, merges, dropdowns, conditional-format rules and print setup. Compared cell by cell
 * with the command line's .xlsx opened in the fake. Known, deliberate differences:
 * - text that Excel could misread (digits, "=…") carries the quote prefix in the gateway's cells;
 * - a conditional-format rule covers its columns to the bottom of the sheet (rows added later are
 *   covered without adding the rule again) instead of the table's rows;
 * - row heights of tables are left to Excel (autofitRows) instead of the file writer's estimate.
 */
import fs from 'fs';
import path from 'path';
import { run } from '../../src/cli/main';
import { localDate } from '../../src/core/campaign/deadline';
import { masterFromGrid } from '../../src/core/master/read-master';
import { readWorkbook } from '../../src/io/read-workbook';
import { createCampaign } from '../../src/excel/gateway';
import { createFakeExcel, WorkbookModel, type WorkbookSnapshot } from '../support/fake-excel';
import { loadXlsx } from '../support/fake-excel/load-xlsx';
import { scratchDir } from '../cli/cli-harness';

type SheetSnap = WorkbookSnapshot['sheets'][number];

const SAMPLES = path.join(__dirname, '..', '..', 'samples');
const silent = { stdout: () => undefined, stderr: () => undefined };

/** An empty cell whose only look is the sheet's font (the gateway sets it over the whole used area). */
function fontOnly(c: SheetSnap['cells'][string]): boolean {
  const s = c.s ?? {};
  const keys = Object.keys(s);
  const font = (s['font'] ?? {}) as Record<string, unknown>;
  return (
    c.v === '' &&
    keys.every((k) => k === 'font') &&
    Object.keys(font).every((k) => k === 'name' || k === 'size')
  );
}

function comparable(s: SheetSnap, table: boolean) {
  const cells = Object.fromEntries(
    Object.entries(s.cells)
      .filter(([, c]) => !fontOnly(c))
      .map(([a, c]) => {
        const { qp: _qp, ...rest } = c;
        return [a, rest];
      }),
  );
  return {
    name: s.name,
    visibility: s.visibility,
    tabColor: s.tabColor,
    freeze: s.freeze,
    cells,
    merges: s.merges,
    tables: s.tables,
    validations: s.validations,
    pageLayout: s.pageLayout,
    rowProps: table ? [] : s.rowProps,
    conditionalFormats: s.conditionalFormats.map(({ range, ...rule }) => ({
      ...rule,
      from: String(range).split(':')[0],
    })),
  };
}

test('a campaign created through the gateway looks like the command line’s master, cell by cell', async () => {
  const dir = scratchDir('tonghop-look-');
  const file = path.join(dir, 'tong_hop.xlsx');
  const init = ['init', file, '--deadline', '2023-05-20', '--roster', path.join(SAMPLES, 'roster.csv')];
  expect(await run([...init, '--place', 'Hưng Yên', '--letter-no', '312/SKHCN-VP'], silent)).toBe(0);
  const lists = ['So_Y_te_DS_dien_hinh.xls', 'UBND_TX_My_Hao.xlsx', 'UBND huyen Tien Lu - DS DHTT 2023.xlsx'];
  const merge = [
    'merge',
    file,
    ...lists.map((f) => path.join(SAMPLES, 'lists', f)),
    '--received',
    '2023-05-23',
  ];
  expect(await run(merge, silent)).toBe(0);
  const model = masterFromGrid(readWorkbook(fs.readFileSync(file), 'tong_hop.xlsx').workbook!).model!;
  expect(model.rows.length).toBeGreaterThan(5);

  const fake = createFakeExcel({ workbook: new WorkbookModel({ sheetNames: [] }) });
  const created = await createCampaign(fake.Excel, model, localDate(new Date(), model.config.timeZone), {
    office: fake.Office,
  });
  expect(created.skipped).toEqual([]);

  const cli = (await loadXlsx(file)).snapshot();
  const ours = fake.workbook.snapshot();
  expect(ours.sheets.map((s) => s.name)).toEqual(cli.sheets.map((s) => s.name));
  cli.sheets.forEach((c, i) => {
    const o = ours.sheets[i]!;
    const table = c.tables.length > 0;
    expect(comparable(o, table)).toEqual(comparable(c, table));
    // widths: every width the file holds (exceljs leaves out a width of exactly 9, its own default)
    for (const col of c.colProps) {
      expect({
        sheet: c.name,
        c: col.c,
        width: o.colProps.find((x) => x.c === col.c)?.width,
        hidden: o.colProps.find((x) => x.c === col.c)?.hidden,
      }).toEqual({ sheet: c.name, c: col.c, width: col.width, hidden: col.hidden });
    }
    // conditional formats reach at least as far down as the file's
    for (const cf of o.conditionalFormats) expect(cf.range).toMatch(/^[A-Z]+\d+:[A-Z]+1048576$/);
  });
  // Text that needed it carries the quote prefix; ordinary names do not. Tổng hợp's text columns are
  // text-formatted, so only "=…"-like text would need it there.
  const tongHop = ours.sheets.find((s) => s.name === 'Tổng hợp')!;
  expect(Object.values(tongHop.cells).filter((c) => c.qp)).toEqual([]);
  const tracker = ours.sheets.find((s) => s.name === 'Theo dõi')!;
  const phones = Object.entries(tracker.cells).filter(
    ([a, c]) => /^O\d+$/.test(a) && a !== 'O2' && c.v !== '',
  );
  expect(phones.length).toBeGreaterThan(10);
  for (const [, c] of phones) expect(c).toMatchObject({ v: expect.stringMatching(/\d/), qp: true });
  const units = Object.entries(tracker.cells).filter(
    ([a, c]) => /^B\d+$/.test(a) && a !== 'B2' && c.v !== '',
  );
  expect(units.filter(([, c]) => !/\d/.test(String(c.v))).every(([, c]) => !c.qp)).toBe(true);
});
