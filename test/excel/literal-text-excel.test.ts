/**
 * Text from a submission lands in Tổng hợp as the same text, never as a formula or a number:
 * "=HYPERLINK(…)", "+84…", "-5" and "@SUM(…)" read back through Office.js with `values` equal to the
 * original and `formulas` not a formula (the fake parses written strings as Excel parses typed input).
 */
import { mergeFiles, readMaster } from '../../src/excel/gateway';
import { incoming } from '../core/master/lists';
import { host, NOW, TODAY, withCampaign } from './helpers';

const DANGEROUS = {
  thanhTich: '=HYPERLINK("http://example.vn","Kỹ thuật can thiệp mạch vành")',
  chucVu: '+84912345678',
  ghiChu: '-5',
  donViCongTac: '@SUM(A1:A3)',
};

test('the four dangerous strings of a submission land as literal text', async () => {
  const h = host();
  await withCampaign(h);
  const list = incoming('So_Y_te.xlsx', 'Sở Y tế', {
    nominees: [
      {
        ten: 'Lê Minh Tuấn',
        loai: 'Cá nhân',
        namSinh: 1975,
        linhVuc: 'Ứng dụng, chuyển giao tiến bộ khoa học và công nghệ',
        ...DANGEROUS,
      },
    ],
  });
  const res = await mergeFiles(h.excel, [list], { now: NOW, today: TODAY, office: h.office });
  expect(res.files[0]!.action).toBe('merged');
  // the engine kept the strings as they came
  const row = res.model.rows[0]!;
  for (const [field, text] of Object.entries(DANGEROUS)) expect(row.values[field]).toBe(text);

  const seen = await h.fake.Excel.run(async (context) => {
    const table = context.workbook.tables.getItem('TongHop');
    const header = table.getHeaderRowRange().load('values');
    const body = table.getDataBodyRange().load('values,formulas');
    await context.sync();
    return { header: header.values[0] as string[], values: body.values, formulas: body.formulas };
  });
  const col = (title: string) => seen.header.indexOf(title);
  const cells: [string, string][] = [
    ['Tóm tắt thành tích tiêu biểu', DANGEROUS.thanhTich],
    ['Chức vụ', DANGEROUS.chucVu],
    ['Ghi chú', DANGEROUS.ghiChu],
    ['Đơn vị công tác', DANGEROUS.donViCongTac],
  ];
  for (const [title, text] of cells) {
    const c = col(title);
    expect(c).toBeGreaterThanOrEqual(0);
    expect(seen.values[0]![c]).toBe(text);
    expect(seen.formulas[0]![c]).toBe(text); // a formula would read back as "=…" different from the value
    const cell = h.fake.workbook.tableRecords('TongHop')[0]![title];
    expect(cell).toBe(text);
  }
  // no cell anywhere in the workbook became a formula
  for (const sheet of h.fake.workbook.snapshot().sheets) {
    for (const [addr, cell] of Object.entries(sheet.cells)) {
      if (cell.f !== undefined) throw new Error(`${sheet.name}!${addr} holds the formula ${cell.f}`);
    }
  }
  // and the master reads back with the same text
  const back = await readMaster(h.excel);
  for (const [field, text] of Object.entries(DANGEROUS))
    expect(back.model!.rows[0]!.values[field]).toBe(text);
});
