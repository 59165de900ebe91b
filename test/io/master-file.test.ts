/**
 * The command line's master-file writer (src/io/node/master-file.ts): the plan lands in the file as
 * Excel tables with their formats, submission text stays text, the clerk's own sheets survive, and the
 * old master is never damaged — not by an error, a locked file, nor a process killed half way.
 */
import { spawn, type ChildProcess } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';
import zlib from 'zlib';
import ExcelJS from 'exceljs';
import { cellText, type GridSheet } from '../../src/core/grid';
import { excelSerial, isPlanDate, type PlanValue, type WritePlan } from '../../src/core/plan/write-plan';
import { MasterWriteError, writeMasterFile } from '../../src/io/node/master-file';
import { readWorkbook } from '../../src/io/read-workbook';
import { listZipEntries, localData } from '../../src/io/sniff';
import { sheetOf, workbookOf } from './helpers';
import {
  KIEMTRA_HEADERS,
  THEODOI_ROWS,
  TONGHOP_HEADERS,
  TRICKY,
  kiemTraSheet,
  masterPlan,
  theoDoiSheet,
  tongHopRows,
  tongHopSheet,
  baoCaoSheet,
} from './support/master-plan';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tonghop-master-'));
});
afterEach(() => {
  jest.restoreAllMocks();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function loadExcel(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

function sheet(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}; have ${wb.worksheets.map((w) => w.name).join(', ')}`);
  return ws;
}

/** The A1 range of a table, as written in the file. */
function tableRef(ws: ExcelJS.Worksheet, name: string): string | undefined {
  const t = (ws as unknown as { tables: Record<string, { table?: { tableRef?: string } }> }).tables[name];
  return t?.table?.tableRef;
}

function tableNames(ws: ExcelJS.Worksheet): string[] {
  return Object.keys((ws as unknown as { tables: Record<string, unknown> }).tables);
}

function dataValidations(ws: ExcelJS.Worksheet): Record<string, ExcelJS.DataValidation | undefined> {
  return (ws as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation | undefined> } })
    .dataValidations.model;
}

function grid(file: string) {
  return workbookOf(readWorkbook(fs.readFileSync(file), path.basename(file)));
}

/** Values of grid rows [from, to), as the plan writes them (dates as Excel serial numbers). */
function gridValues(s: GridSheet, from: number, to: number, width: number): PlanValue[][] {
  const out: PlanValue[][] = [];
  for (let r = from; r < to; r++) {
    const row = s.rows[r] ?? [];
    out.push(Array.from({ length: width }, (_, c) => row[c]?.v ?? null));
  }
  return out;
}

function asWritten(rows: PlanValue[][]): PlanValue[][] {
  return rows.map((r) => r.map((v) => (isPlanDate(v) ? excelSerial(v.date) : v)));
}

/** The XML of every worksheet in an .xlsx. */
function sheetXml(file: string): string[] {
  const bytes = new Uint8Array(fs.readFileSync(file));
  const entries = listZipEntries(bytes) ?? [];
  return entries
    .filter((e) => /^xl\/worksheets\/sheet\d+\.xml$/.test(e.name))
    .map((e) => {
      const raw = localData(bytes, e)!;
      return (e.method === 8 ? zlib.inflateRawSync(raw) : Buffer.from(raw)).toString('utf8');
    });
}

function workbookXml(file: string): string {
  const bytes = new Uint8Array(fs.readFileSync(file));
  const e = (listZipEntries(bytes) ?? []).find((x) => x.name === 'xl/workbook.xml')!;
  const raw = localData(bytes, e)!;
  return (e.method === 8 ? zlib.inflateRawSync(raw) : Buffer.from(raw)).toString('utf8');
}

describe('writeMasterFile: what the plan becomes', () => {
  const plan = masterPlan(8);
  const rows = plan.sheets[0]!.table!.rows;
  let file: string;
  beforeEach(async () => {
    file = path.join(dir, 'Tong hop 2023.xlsx');
    await writeMasterFile(plan, file);
  });

  it('writes the sheets in plan order, each table an Excel table of the right range', async () => {
    const wb = await loadExcel(file);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Tổng hợp', 'Theo dõi', 'Báo cáo', 'Kiểm tra']);
    expect(tableNames(sheet(wb, 'Tổng hợp'))).toEqual(['TongHop']);
    // Title on row 1, header on row 2, 8 data rows, 9 columns.
    expect(tableRef(sheet(wb, 'Tổng hợp'), 'TongHop')).toBe('A2:I10');
    expect(tableRef(sheet(wb, 'Theo dõi'), 'TheoDoi')).toBe(`A2:J${2 + THEODOI_ROWS.length}`);
    expect(tableNames(sheet(wb, 'Báo cáo'))).toEqual([]);
  });

  it('reads back through the project reader with the plan values, dates as serial numbers', () => {
    const wb = grid(file);
    const th = sheetOf({ workbook: wb, issues: [] }, 'Tổng hợp');
    expect(cellText(th.rows[0]?.[0])).toBe('DANH SÁCH GIỚI THIỆU ĐIỂN HÌNH TIÊN TIẾN NĂM 2023');
    expect(gridValues(th, 1, 2, 9)[0]).toEqual(TONGHOP_HEADERS);
    expect(gridValues(th, 2, 2 + rows.length, 9)).toEqual(asWritten(rows));
    expect(th.rows.length).toBe(2 + rows.length);
    // The date shows as the clerk expects.
    expect(th.rows[2]![5]!.w).toBe('10/05/2023');
    expect(th.merges).toContainEqual({ s: { r: 0, c: 0 }, e: { r: 0, c: 8 } });

    const td = sheetOf({ workbook: wb, issues: [] }, 'Theo dõi');
    expect(gridValues(td, 2, 2 + THEODOI_ROWS.length, 10)).toEqual(asWritten(THEODOI_ROWS));
  });

  it('keeps submission text as text: never a formula, a number or a function call', async () => {
    const th = sheetOf({ workbook: grid(file), issues: [] }, 'Tổng hợp');
    TRICKY.forEach((t, k) => {
      const cell = th.rows[2 + k]![7]!;
      expect(cell.v).toBe(t);
      expect(cell.f).toBeUndefined();
    });
    expect(th.rows[3]![2]!.v).toBe('+84912345678');

    const ws = sheet(await loadExcel(file), 'Tổng hợp');
    TRICKY.forEach((t, k) => {
      const cell = ws.getCell(3 + k, 8);
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cell.value).toBe(t);
      expect(cell.formula).toBeUndefined();
    });
    for (const xml of sheetXml(file)) expect(xml).not.toMatch(/<f[ >]/);
  });

  it('formats the table: font, hidden key column, widths, number formats, frozen header, tab colour', async () => {
    const ws = sheet(await loadExcel(file), 'Tổng hợp');
    expect(ws.getColumn(9).hidden).toBe(true); // Mã dòng
    expect(ws.getColumn(8).hidden).toBe(false);
    expect(ws.getColumn(8).width).toBe(60);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(ws.properties.tabColor).toEqual({ argb: 'FF2F5597' });

    const title = ws.getCell('A1');
    expect(title.font).toMatchObject({ name: 'Times New Roman', size: 14, bold: true });
    expect(ws.getCell('C2').font).toMatchObject({ name: 'Times New Roman', bold: true });
    const data = ws.getCell('C5');
    expect(data.font).toMatchObject({ name: 'Times New Roman', size: 12 });
    expect(data.numFmt).toBe('@');
    expect(data.alignment).toMatchObject({ wrapText: true });
    expect(ws.getCell('F3').numFmt).toBe('dd/mm/yyyy');
    expect(ws.getCell('F3').value).toEqual(new Date(Date.UTC(2023, 4, 10)));
    expect(ws.getCell('A3').alignment).toMatchObject({ horizontal: 'center' });
  });

  it('puts a dropdown on list columns, and none where Excel could not hold the list', async () => {
    const ws = sheet(await loadExcel(file), 'Tổng hợp');
    const dv = dataValidations(ws);
    const loai = Object.entries(dv).filter(([, v]) => v?.formulae?.[0] === '"Tập thể,Cá nhân"');
    // exceljs reads the range back cell by cell: every data cell of Loại, and no other.
    expect(loai.map(([addr]) => addr)).toEqual(['D3', 'D4', 'D5', 'D6', 'D7', 'D8', 'D9', 'D10']);
    expect(loai[0]![1]).toMatchObject({ type: 'list', showErrorMessage: true });
    expect(sheetXml(file)[0]).toContain('sqref="D3:D10"');
    // Lĩnh vực: 9 values, more than 255 characters, some with commas.
    expect(Object.values(dv).filter((v) => v && String(v.formulae?.[0]).includes('KH&CN'))).toEqual([]);
  });

  it('writes the conditional formats: whole-row rules with the column absolute, cell rules on the column', async () => {
    const ws = sheet(await loadExcel(file), 'Theo dõi');
    const cfs = (ws as unknown as { conditionalFormattings: ExcelJS.ConditionalFormattingOptions[] })
      .conditionalFormattings;
    const rules = cfs.map((cf) => ({
      ref: cf.ref,
      formula: (cf.rules[0] as { formulae?: string[] }).formulae?.[0],
      style: cf.rules[0]!.style,
    }));
    const last = 2 + THEODOI_ROWS.length;
    expect(rules.map(({ ref, formula }) => ({ ref, formula }))).toEqual([
      { ref: `A3:J${last}`, formula: '$C3="Chưa nộp"' },
      { ref: `A3:J${last}`, formula: '$C3="Trễ hạn"' },
      { ref: `B3:B${last}`, formula: 'OR($B3="Sở, ban, ngành",$B3="Trường đại học, cao đẳng")' },
      { ref: `I3:I${last}`, formula: 'LEN(TRIM($I3))>0' },
    ]);
    expect(rules[0]!.style).toMatchObject({
      fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: 'FFFFC7CE' } },
      font: { color: { argb: 'FF9C0006' } },
    });
    expect(rules[2]!.style?.font).toMatchObject({ bold: true });
  });

  it('lays out the printed report: merges, borders, fills, A4 landscape on one page width', async () => {
    const ws = sheet(await loadExcel(file), 'Báo cáo');
    const merges = (ws.model as unknown as { merges: string[] }).merges;
    expect(merges).toEqual(expect.arrayContaining(['A1:C1', 'A2:C2', 'D1:G1', 'A5:G5', 'A11:B11']));
    expect(ws.getCell('A5').font).toMatchObject({ name: 'Times New Roman', size: 14, bold: true });
    expect(ws.getCell('A2').font).toMatchObject({ bold: true, underline: true, size: 13 });
    expect(ws.getCell('D3').font).toMatchObject({ italic: true });
    expect(ws.getCell('B7').border).toMatchObject({ top: { style: 'thin' }, bottom: { style: 'thin' } });
    expect(ws.getCell('B7').fill).toMatchObject({ pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } });
    // The merged total cell is bordered all round: its right half too.
    expect(ws.getCell('B11').border).toMatchObject({ right: { style: 'thin' } });
    expect(ws.getColumn(2).width).toBe(30);
    expect(ws.getCell('B13').numFmt).toBe('dd/mm/yyyy');

    const ps = ws.pageSetup;
    expect(ps).toMatchObject({
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      printTitlesRow: '7:7',
    });
    expect(ps.margins!.left).toBeCloseTo(3 / 2.54, 3);
    expect(ps.margins!.right).toBeCloseTo(1.5 / 2.54, 3);
    expect(ps.margins!.top).toBeCloseTo(2 / 2.54, 3);

    const s = sheetOf({ workbook: grid(file), issues: [] }, 'Báo cáo');
    expect(cellText(s.rows[1]?.[3])).toBe('Độc lập - Tự do - Hạnh phúc');
    expect(s.rows[12]![1]!.v).toBe(excelSerial('2023-05-20'));
  });

  it('writes an empty table with one blank data row, which a reader sees as no rows', async () => {
    const ws = sheet(await loadExcel(file), 'Kiểm tra');
    expect(tableRef(ws, 'KiemTra')).toBe('A1:G2');
    const s = sheetOf({ workbook: grid(file), issues: [] }, 'Kiểm tra');
    expect(gridValues(s, 0, 1, 7)[0]).toEqual(KIEMTRA_HEADERS);
    expect((s.rows[1] ?? []).filter((c) => c && cellText(c).trim() !== '')).toEqual([]);
  });
});

describe('writeMasterFile over an existing master', () => {
  it("keeps the clerk's own sheets in place and refills a renamed plan sheet", async () => {
    const file = path.join(dir, 'master.xlsx');
    await writeMasterFile({ sheets: [tongHopSheet(tongHopRows(3)), theoDoiSheet(), baoCaoSheet()] }, file);

    // The clerk renames Tổng hợp, adds a sheet of notes between it and Theo dõi, and one at the end.
    const clerk = await loadExcel(file);
    sheet(clerk, 'Tổng hợp').name = 'TH';
    const notes = clerk.addWorksheet('Ghi chú riêng');
    notes.getCell('A1').value = 'Đơn vị cần gọi lại';
    notes.getCell('A2').value = 'UBND thị xã Mỹ Hào — chị Hoa, 0221 3942 123';
    notes.getCell('B2').value = 3;
    notes.getCell('A2').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } };
    notes.mergeCells('A4:C4');
    notes.getCell('A4').value = 'Nhắc lại trước ngày 20/5';
    notes.getColumn(1).width = 45;
    const extra = clerk.addWorksheet('Thống kê riêng');
    extra.addTable({
      name: 'BangRieng',
      ref: 'A1',
      columns: [{ name: 'Đơn vị' }, { name: 'Số lần gọi' }],
      rows: [
        ['Sở Nội vụ', 2],
        ['UBND thị xã Mỹ Hào', 1],
      ],
    });
    const ids = clerk.worksheets.map((w) => w.name);
    const order = ['TH', 'Ghi chú riêng', 'Theo dõi', 'Báo cáo', 'Thống kê riêng'];
    clerk.worksheets.forEach((w) => {
      (w as unknown as { orderNo: number }).orderNo = order.indexOf(w.name);
    });
    expect(ids).toHaveLength(5);
    await clerk.xlsx.writeFile(file);
    const before = grid(file);
    const notesBefore = before.sheets.find((s) => s.name === 'Ghi chú riêng')!;
    const extraBefore = before.sheets.find((s) => s.name === 'Thống kê riêng')!;

    // Next merge: more rows, and a new Kiểm tra sheet.
    const rows = tongHopRows(12);
    const plan: WritePlan = {
      sheets: [
        tongHopSheet(rows),
        theoDoiSheet(),
        baoCaoSheet(),
        kiemTraSheet([['a.xlsx', 'Sở Nội vụ', 'Sheet1', 'C7', 'missing-cell', 'Lỗi', 'Thiếu tên']]),
      ],
    };
    await writeMasterFile(plan, file, { base: file });

    const after = grid(file);
    expect(after.sheets.map((s) => s.name)).toEqual([
      'TH',
      'Ghi chú riêng',
      'Theo dõi',
      'Báo cáo',
      'Kiểm tra',
      'Thống kê riêng',
    ]);
    const notesAfter = after.sheets.find((s) => s.name === 'Ghi chú riêng')!;
    expect(notesAfter.rows).toEqual(notesBefore.rows);
    expect(notesAfter.merges).toEqual(notesBefore.merges);
    expect(after.sheets.find((s) => s.name === 'Thống kê riêng')!.rows).toEqual(extraBefore.rows);

    const th = after.sheets.find((s) => s.name === 'TH')!;
    expect(gridValues(th, 2, 2 + rows.length, 9)).toEqual(asWritten(rows));

    const wb = await loadExcel(file);
    expect(tableRef(sheet(wb, 'TH'), 'TongHop')).toBe(`A2:I${2 + rows.length}`);
    expect(wb.getWorksheet('Tổng hợp')).toBeUndefined();
    const kept = sheet(wb, 'Ghi chú riêng');
    expect(kept.getCell('A2').fill).toMatchObject({ pattern: 'solid', fgColor: { argb: 'FFFFFF00' } });
    expect(kept.getColumn(1).width).toBe(45);
    expect(tableRef(sheet(wb, 'Kiểm tra'), 'KiemTra')).toBe('A1:G2');
    expect(tableRef(sheet(wb, 'Thống kê riêng'), 'BangRieng')).toBe('A1:B3');

    // Written once more from itself: still one print-titles name, on the report sheet.
    await writeMasterFile(plan, file, { base: file });
    const names = workbookXml(file).match(/<definedName [^>]*>[^<]*<\/definedName>/g) ?? [];
    expect(names).toEqual([
      `<definedName name="_xlnm.Print_Titles" localSheetId="3">&apos;Báo cáo&apos;!$7:$7</definedName>`,
    ]);
    expect(grid(file).sheets.map((s) => s.name)).toEqual([
      'TH',
      'Ghi chú riêng',
      'Theo dõi',
      'Báo cáo',
      'Kiểm tra',
      'Thống kê riêng',
    ]);
  });

  it('replaces a plan sheet found by its name when its table was removed, keeping it hidden if the clerk hid it', async () => {
    const file = path.join(dir, 'master.xlsx');
    const clerk = new ExcelJS.Workbook();
    clerk.addWorksheet('Ghi chú').getCell('A1').value = 'ghi chú';
    const old = clerk.addWorksheet('Theo dõi', { state: 'hidden' });
    old.getCell('A1').value = 'bảng cũ đã chuyển thành vùng thường';
    await clerk.xlsx.writeFile(file);

    await writeMasterFile({ sheets: [theoDoiSheet()] }, file, { base: file });
    const wb = await loadExcel(file);
    expect(wb.worksheets.map((w) => [w.name, w.state])).toEqual([
      ['Ghi chú', 'visible'],
      ['Theo dõi', 'hidden'],
    ]);
    expect(tableRef(sheet(wb, 'Theo dõi'), 'TheoDoi')).toBe(`A2:J${2 + THEODOI_ROWS.length}`);
  });
});

describe('writeMasterFile failures leave the old master as it was', () => {
  async function oldMaster(): Promise<{ file: string; bytes: Buffer }> {
    const file = path.join(dir, 'master.xlsx');
    await writeMasterFile(masterPlan(3), file);
    return { file, bytes: fs.readFileSync(file) };
  }

  it('an error just before the rename: old master intact, temporary file removed, message names the file', async () => {
    const { file, bytes } = await oldMaster();
    let tempSeen: string[] = [];
    const err = await writeMasterFile(masterPlan(20), file, {
      base: file,
      onBeforeRename: () => {
        tempSeen = fs.readdirSync(dir).filter((n) => n.endsWith('.tmp'));
        throw new Error('mất điện');
      },
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MasterWriteError);
    expect((err as Error).message).toMatch(/^Không ghi được tệp tổng hợp „master\.xlsx”: mất điện/);
    expect(tempSeen).toEqual([`.master.xlsx.${process.pid}.tmp`]);
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
    expect(fs.readdirSync(dir)).toEqual(['master.xlsx']);
  });

  it('a master held open (EBUSY on rename) is reported in Vietnamese, after a few retries', async () => {
    const { file, bytes } = await oldMaster();
    const rename = jest.spyOn(fs, 'renameSync').mockImplementation(() => {
      throw Object.assign(new Error("EBUSY: resource busy or locked, rename 'x' -> 'master.xlsx'"), {
        code: 'EBUSY',
      });
    });
    const err = await writeMasterFile(masterPlan(5), file, { base: file }).catch((e: unknown) => e);
    expect(rename.mock.calls.length).toBeGreaterThan(1);
    expect((err as MasterWriteError).code).toBe('EBUSY');
    expect((err as Error).message).toContain(
      'Tệp „master.xlsx” đang mở trong Excel? Hãy đóng tệp rồi chạy lại.',
    );
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
    expect(fs.readdirSync(dir)).toEqual(['master.xlsx']);
  });

  it('an old master that cannot be read is not overwritten (its other sheets would be lost)', async () => {
    const file = path.join(dir, 'master.xlsx');
    fs.writeFileSync(file, 'PK\u0003\u0004 not really a workbook');
    const bytes = fs.readFileSync(file);
    const err = await writeMasterFile(masterPlan(3), file, { base: file }).catch((e: unknown) => e);
    expect((err as Error).message).toMatch(
      /^Không ghi được tệp tổng hợp „master\.xlsx”: không đọc được tệp tổng hợp cũ/,
    );
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
    expect(fs.readdirSync(dir)).toEqual(['master.xlsx']);
  });

  it('a folder that does not exist is said plainly', async () => {
    const err = await writeMasterFile(masterPlan(1), path.join(dir, 'không có', 'master.xlsx')).catch(
      (e: unknown) => e,
    );
    expect((err as Error).message).toBe(
      'Không ghi được tệp tổng hợp „master.xlsx”: thư mục của tệp không tồn tại. Tệp cũ (nếu có) vẫn giữ nguyên.',
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Killed writers (the issue's must-show): a child process writes over the master and is killed.

const CHILD = path.join(__dirname, 'support', 'kill-writer-child.ts');
const TSX_CJS = require.resolve('tsx/cjs');
/** Children still running: killed after each test, whatever its outcome (they may hang on purpose). */
const live = new Set<ChildProcess>();
afterEach(() => {
  for (const p of live) p.kill('SIGKILL');
  live.clear();
});

interface Child {
  /** Resolves with the first stdout line starting with `prefix`. */
  waitFor(prefix: string): Promise<string>;
  kill(): Promise<NodeJS.Signals | null>;
  lines: string[];
  stderr: () => string;
}

function startChild(mode: 'run' | 'partial' | 'ready', master: string, rows: number): Child {
  const proc = spawn(process.execPath, ['--require', TSX_CJS, CHILD, mode, master, String(rows)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  live.add(proc);
  const lines: string[] = [];
  const waiters: { prefix: string; resolve: (l: string) => void; reject: (e: Error) => void }[] = [];
  let err = '';
  let buf = '';
  proc.stderr.on('data', (d: Buffer) => (err += d.toString()));
  proc.stdout.on('data', (d: Buffer) => {
    buf += d.toString();
    let nl: number;
    while ((nl = buf.indexOf('\n')) >= 0) {
      const line = buf.slice(0, nl);
      buf = buf.slice(nl + 1);
      lines.push(line);
      for (const w of waiters.filter((x) => line.startsWith(x.prefix))) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(line);
      }
    }
  });
  const exited = new Promise<NodeJS.Signals | null>((resolve) =>
    proc.on('exit', (_code, signal) => {
      live.delete(proc);
      resolve(signal);
    }),
  );
  void exited.then(() => {
    for (const w of waiters.splice(0))
      w.reject(new Error(`child exited before ${w.prefix}: ${lines.join(' | ')} ${err}`));
  });
  return {
    lines,
    stderr: () => err,
    waitFor: (prefix) => new Promise((resolve, reject) => waiters.push({ prefix, resolve, reject })),
    kill: () => {
      proc.kill('SIGKILL');
      return exited;
    },
  };
}

describe('writeMasterFile killed half way', () => {
  async function oldMaster(): Promise<{ file: string; bytes: Buffer }> {
    const file = path.join(dir, 'master.xlsx');
    await writeMasterFile(masterPlan(25), file);
    return { file, bytes: fs.readFileSync(file) };
  }

  function expectOldMaster(file: string, bytes: Buffer): void {
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
    const th = sheetOf({ workbook: grid(file), issues: [] }, 'Tổng hợp');
    expect(gridValues(th, 2, 27, 9)).toEqual(asWritten(tongHopRows(25)));
    expect(th.rows.length).toBe(27);
    // Nothing but the master and, at most, the dead writer's temporary file.
    const others = fs.readdirSync(dir).filter((n) => n !== 'master.xlsx');
    for (const n of others) expect(n).toMatch(/^\.master\.xlsx\.\d+\.tmp$/);
  }

  it('while writing 60,000 rows: the old master stays byte for byte, and the next write cleans up', async () => {
    const { file, bytes } = await oldMaster();
    const child = startChild('run', file, 60_000);
    await child.waitFor('WRITING');
    // Kill the writer the moment it touches the folder: a temporary file appears (or, for a writer
    // that is not atomic, the master itself changes). Building 60,000 rows takes seconds before that.
    const touched = await new Promise<string>((resolve) => {
      const watcher = fs.watch(dir, (_event, name) => {
        watcher.close();
        resolve(String(name));
      });
      setTimeout(() => {
        watcher.close();
        resolve('(nothing after 25 s)');
      }, 25_000);
    });
    const signal = await child.kill();
    expect(signal).toBe('SIGKILL');
    expect(child.lines).not.toContain('DONE');
    expect(touched).toMatch(/^\.master\.xlsx\.\d+\.tmp$/);
    expectOldMaster(file, bytes);

    await writeMasterFile(masterPlan(4), file, { base: file });
    expect(fs.readdirSync(dir)).toEqual(['master.xlsx']);
    expect(sheetOf({ workbook: grid(file), issues: [] }, 'Tổng hợp').rows.length).toBe(2 + 4);
  }, 40_000);

  it('with the temporary file half written: the old master stays, the half file is not a workbook', async () => {
    const { file, bytes } = await oldMaster();
    const child = startChild('partial', file, 2_000);
    const line = await child.waitFor('PARTIAL');
    const temps = fs.readdirSync(dir).filter((n) => n.endsWith('.tmp'));
    expect(temps).toHaveLength(1);
    const half = fs.readFileSync(path.join(dir, temps[0]!));
    expect(half.length).toBe(Number(line.split(' ')[1]));
    expect(readWorkbook(half, 'master.xlsx').workbook).toBeNull();
    expect(await child.kill()).toBe('SIGKILL');
    expectOldMaster(file, bytes);

    // The next writer removes the dead one's half file.
    await writeMasterFile(masterPlan(2), file, { base: file });
    expect(fs.readdirSync(dir)).toEqual(['master.xlsx']);
  }, 30_000);

  it('with the new file complete but not yet renamed: the old master stays', async () => {
    const { file, bytes } = await oldMaster();
    const child = startChild('ready', file, 2_000);
    await child.waitFor('READY');
    const temps = fs.readdirSync(dir).filter((n) => n.endsWith('.tmp'));
    expect(temps).toHaveLength(1);
    // The complete temporary file holds the new master …
    const next = readWorkbook(fs.readFileSync(path.join(dir, temps[0]!)), 'master.xlsx');
    expect(sheetOf(next, 'Tổng hợp').rows.length).toBe(2 + 2_000);
    expect(await child.kill()).toBe('SIGKILL');
    // … and the master is still the old one.
    expectOldMaster(file, bytes);
  }, 30_000);
});
