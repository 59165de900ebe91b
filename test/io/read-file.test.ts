/** The Node reader: size check, worker pool, time and memory limits, and what reading costs. */
import fs from 'fs';
import os from 'os';
import path from 'path';
import ExcelJS from 'exceljs';
import * as XLSX from '@e965/xlsx';
import { WorkbookReaderPool, closeDefaultPool, readWorkbookFile } from '../../src/io/node/read-file';
import { readWorkbook } from '../../src/io/read-workbook';
import { at, sheetOf, utf8Bytes } from './helpers';

/** A typical returned list: header block, merged title, 300 nominees, some cells in legacy fonts. */
async function typicalList(rows = 300): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Danh sách');
  ws.getCell('A1').value = 'UBND HUYỆN VĂN LÂM';
  ws.mergeCells('A1:C1');
  ws.getCell('E1').value = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
  ws.mergeCells('E1:J1');
  ws.getRow(4).values = [
    'STT',
    'Họ và tên',
    'Loại',
    'Giới tính',
    'Năm sinh',
    'Chức vụ',
    'Đơn vị công tác',
    'Lĩnh vực',
    'Tóm tắt thành tích',
    'Ghi chú',
  ];
  ws.getRow(4).font = { name: 'Times New Roman', bold: true };
  for (let i = 0; i < rows; i++) {
    const r = ws.getRow(5 + i);
    r.values = [
      i + 1,
      i % 3 === 0 ? `NguyÔn ThÞ Hoa ${i}` : `Nguyễn Văn Nam ${i}`,
      'Cá nhân',
      i % 2 ? 'Nam' : 'Nữ',
      1970 + (i % 30),
      'Trưởng phòng',
      'Phòng Nội vụ huyện Văn Lâm',
      'Cải cách hành chính',
      `Hoàn thành xuất sắc nhiệm vụ năm 2022, có sáng kiến số ${i}`,
      '',
    ];
    if (i % 3 === 0) r.getCell(2).font = { name: '.VnTime' };
    r.getCell(5).numFmt = '0';
  }
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

let tmp: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tonghop-io-'));
});
afterAll(async () => {
  await closeDefaultPool();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('readWorkbookFile (shared pool)', () => {
  it('reads a file from disk in a worker, fonts and all', async () => {
    const p = path.join(tmp, 'Danh sách Văn Lâm.xlsx');
    fs.writeFileSync(p, await typicalList(20));
    const r = await readWorkbookFile(p);
    const s = sheetOf(r);
    expect(r.workbook?.fileName).toBe('Danh sách Văn Lâm.xlsx');
    expect(at(s, 'B5')).toEqual({ v: 'NguyÔn ThÞ Hoa 0', w: 'NguyÔn ThÞ Hoa 0', font: '.VnTime' });
    expect(at(s, 'E5')).toMatchObject({ v: 1970, w: '1970', z: '0' });
    expect(s.merges).toHaveLength(2);
  });

  it('a missing file, a folder and an oversized file are refused without starting a parse', async () => {
    const missing = await readWorkbookFile(path.join(tmp, 'không có.xlsx'));
    expect(missing.issues[0]).toMatchObject({ code: 'unreadable-file', file: 'không có.xlsx' });
    expect(missing.issues[0].message).toContain('không tìm thấy tệp');
    const dir = await readWorkbookFile(tmp);
    expect(dir.issues[0].message).toContain('thư mục');
    const big = path.join(tmp, 'big.csv');
    fs.writeFileSync(big, 'a,b\n'.repeat(5000));
    const r = await readWorkbookFile(big, { limits: { maxBytes: 10_000 } });
    expect(r.workbook).toBeNull();
    expect(r.issues[0]).toMatchObject({ code: 'too-large' });
    expect(r.issues[0].message).toContain('9,8 KB');
  });
});

describe('WorkbookReaderPool', () => {
  it('a file that takes too long is stopped at the time limit; the pool carries on', async () => {
    const pool = new WorkbookReaderPool({ size: 1 });
    try {
      // Let the worker start first, so the limit measures reading alone.
      await pool.readBytes(utf8Bytes('a,b\n1,2\n'), 'warm.csv');
      const rows = Array.from(
        { length: 150_000 },
        (_, i) => `${i};Nguyễn Văn ${i};Phòng ${i % 50};${1970 + (i % 40)}`,
      );
      const t0 = performance.now();
      const slow = await pool.readBytes(utf8Bytes(rows.join('\n')), 'chậm.csv', { timeoutMs: 30 });
      expect(performance.now() - t0).toBeLessThan(5000);
      expect(slow.workbook).toBeNull();
      expect(slow.issues[0]).toMatchObject({ code: 'too-large', file: 'chậm.csv' });
      expect(slow.issues[0].message).toContain('giây');
      expect(pool.stats.timeouts).toBe(1);
      const next = await pool.readBytes(utf8Bytes('Họ tên,Năm sinh\nA,1980\n'), 'sau.csv');
      expect(at(sheetOf(next), 'B2')?.v).toBe(1980);
    } finally {
      await pool.close();
    }
  });

  it('a file that needs more memory than allowed ends its worker, not the process', async () => {
    const pool = new WorkbookReaderPool({ size: 1, maxHeapMb: 48, timeoutMs: 60_000 });
    try {
      await pool.readBytes(utf8Bytes('a,b\n1,2\n'), 'warm.csv');
      const rows = Array.from(
        { length: 200_000 },
        (_, i) => `${i};Nguyễn Văn ${i};Phòng ${i % 50};${1970 + (i % 40)}`,
      );
      const r = await pool.readBytes(utf8Bytes(rows.join('\n')), 'lớn.csv');
      expect(r.workbook).toBeNull();
      expect(r.issues[0]).toMatchObject({ code: 'too-large', file: 'lớn.csv' });
      expect(r.issues[0].message).toContain('bộ nhớ');
      expect(pool.stats.crashes).toBe(1);
      const next = await pool.readBytes(utf8Bytes('Họ tên\nA\n'), 'sau.csv');
      expect(at(sheetOf(next), 'A2')?.v).toBe('A');
    } finally {
      await pool.close();
    }
  });

  it('reuses its workers: 60 files cost 60 reads, not 60 worker start-ups (measured)', async () => {
    const bytes = await typicalList(300);
    const files = Array.from({ length: 60 }, (_, i) => {
      const p = path.join(tmp, `don_vi_${i}.xlsx`);
      fs.writeFileSync(p, bytes);
      return p;
    });
    const pool = new WorkbookReaderPool({ size: 2 });
    let pooledMs: number;
    try {
      const t0 = performance.now();
      const results = await Promise.all(files.map((f) => pool.readFile(f)));
      pooledMs = performance.now() - t0;
      for (const r of results) expect(r.workbook?.sheets[0].rows.length).toBe(304);
      expect(pool.stats.workersStarted).toBeLessThanOrEqual(2);
    } finally {
      await pool.close();
    }
    // The alternative: a fresh worker for each file (measured on 4 files).
    const fresh: number[] = [];
    for (const f of files.slice(0, 4)) {
      const one = new WorkbookReaderPool({ size: 1 });
      const t0 = performance.now();
      await one.readFile(f);
      fresh.push(performance.now() - t0);
      await one.close();
    }
    const perFilePooled = pooledMs / files.length;
    const perFileFresh = median(fresh);
    console.log(
      `60 typical 300-row files: pool of 2 workers ${Math.round(pooledMs)} ms in all (${perFilePooled.toFixed(1)} ms/file); ` +
        `a fresh worker per file ${perFileFresh.toFixed(0)} ms/file (≈ ${Math.round((perFileFresh * 60) / 1000)} s for 60)`,
    );
    expect(perFilePooled).toBeLessThan(perFileFresh);
  });
});

describe('cost of the font pass', () => {
  it('reading a typical 300-row xlsx costs little more than SheetJS alone (measured)', async () => {
    const bytes = await typicalList(300);
    const plain = () =>
      XLSX.read(bytes, { type: 'array', dense: true, cellDates: false, cellNF: true, cellFormula: true });
    const ours = () => readWorkbook(bytes, 'ds.xlsx');
    // Warm up both, then interleave so that load on the machine hits both alike.
    for (let i = 0; i < 5; i++) {
      plain();
      ours();
    }
    const a: number[] = [];
    const b: number[] = [];
    for (let i = 0; i < 25; i++) {
      let t = performance.now();
      plain();
      a.push(performance.now() - t);
      t = performance.now();
      ours();
      b.push(performance.now() - t);
    }
    const ratio = median(b) / median(a);
    console.log(
      `typical 300-row xlsx: XLSX.read ${median(a).toFixed(1)} ms, readWorkbook (grid + fonts) ${median(b).toFixed(1)} ms, ratio ${ratio.toFixed(2)}`,
    );
    expect(at(sheetOf(ours()), 'B5')?.font).toBe('.VnTime');
    expect(ratio).toBeLessThan(2);
  });
});
