/**
 * `npm run bench`: performance benchmarks of tonghop (a benchmark, not a test: it always exits 0 once
 * it has measured, and says clearly when a goal is missed).
 *
 * Each section measures one thing and prints a Vietnamese line for people, then ONE JSON line for
 * machines ({"bench":"<name>", …}); everything else (progress, warnings) goes to stderr, so
 * `npm run bench --silent | grep '^{'` gives one JSON object per section.
 *
 *   npm run bench                         all sections
 *   npm run bench -- merge --runs 5       only the "merge" section, 5 timed runs of each measure
 *   npm run bench -- --keep               keep the generated files (the folder is printed on stderr)
 *
 * To add a measurement, write a `Section` and list it in SECTIONS.
 */
import { excelSection } from './excel-bench';
import { uiSection } from './ui-bench';
import { fork } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';
import v8 from 'v8';
import vm from 'vm';
import { performance } from 'perf_hooks';
import { Worker } from 'worker_threads';
import * as XLSX from '@e965/xlsx';
import { run, type RunOptions } from '../src/cli/main';
import { tuneForShortRuns } from '../src/cli/jit';
import { closeReaders } from '../src/cli/read';
import { forgetMemos } from '../src/core/memo';
import { forgetReaderMemos } from '../src/io/node/read-file';
import { foldAccents } from '../src/core/text/key';
import {
  listCsv,
  listSheetJs,
  listXlsx,
  type Encoding,
  type ListOptions,
  type Nominee,
} from '../test/support/returned-list';

// =============================================================================================
// The harness: sections, options, timing, memory

export interface BenchOptions {
  /** Timed runs of each measure (after one warm-up run); the median is reported. */
  runs: number;
  /** Keep the generated files instead of removing them. */
  keep: boolean;
}

export interface Section {
  name: string;
  /** Measures, prints its human line (stdout) and returns the JSON object of its line. */
  run(opts: BenchOptions): Promise<Record<string, unknown>>;
}

function log(s: string): void {
  process.stderr.write(s + '\n');
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** A full garbage collection, so that one measure does not pay for (or carry) another's garbage. */
const collect: () => void = (() => {
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc') as () => void;
  return () => gc();
})();

/**
 * Peak resident memory of the whole process, sampled every 50 ms by a thread of its own, so that the
 * samples keep coming while the main thread is busy with synchronous work. RSS is per process: it
 * includes the reader worker threads of `merge` (and this sampler's few MB).
 */
export class RssSampler {
  private readonly shared = new SharedArrayBuffer(8);
  private readonly peak = new BigInt64Array(this.shared);
  private readonly worker: Worker;

  constructor(intervalMs = 50) {
    const code = `
      const { workerData } = require('worker_threads');
      const peak = new BigInt64Array(workerData.shared);
      const sample = () => {
        const rss = BigInt(process.memoryUsage.rss());
        if (rss > Atomics.load(peak, 0)) Atomics.store(peak, 0, rss);
      };
      sample();
      setInterval(sample, ${intervalMs});
    `;
    this.worker = new Worker(code, { eval: true, workerData: { shared: this.shared } });
    this.worker.unref();
  }

  /** Starts a new peak from the current memory. */
  reset(): void {
    Atomics.store(this.peak, 0, BigInt(process.memoryUsage.rss()));
  }

  /** The peak since the last reset (including now), in MB. */
  peakMb(): number {
    const now = BigInt(process.memoryUsage.rss());
    const p = Atomics.load(this.peak, 0);
    return Number(now > p ? now : p) / (1024 * 1024);
  }

  stop(): Promise<number> {
    return this.worker.terminate();
  }
}

/** The process's own peak resident memory (Linux VmHWM) in MB, or 0 where the system does not say. */
export function highWaterMb(): number {
  try {
    const m = /VmHWM:\s*(\d+) kB/.exec(fs.readFileSync('/proc/self/status', 'utf8'));
    return m ? Number(m[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

/**
 * Runs one measure in a fresh child process (this file, `--child NAME JOB.json`): the time and memory
 * of a clerk's own run, with nothing compiled, cached or left on the heap by earlier runs.
 */
export function inChild<T>(name: string, job: unknown, dir: string): Promise<T> {
  const file = path.join(dir, `child-${name}.json`);
  fs.writeFileSync(file, JSON.stringify(job));
  return new Promise<T>((resolve, reject) => {
    const child = fork(__filename, ['--child', name, file], {
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    let answer: { ok: true; value: T } | { ok: false; error: string } | undefined;
    child.on('message', (m) => (answer = m as typeof answer));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (answer?.ok) resolve(answer.value);
      else
        reject(
          new Error(
            `bench child ${name} (exit ${code}): ${answer && !answer.ok ? answer.error : 'no answer'}`,
          ),
        );
    });
  });
}

/** Measures in child processes, by name. */
const CHILD_JOBS: Record<string, (job: never) => Promise<unknown>> = {};

/** Runs the tonghop command in this process, as `tonghop ARGS…` would; stdout and stderr are captured. */
export async function tonghop(
  argv: string[],
  opts: RunOptions = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await run(argv, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) }, opts);
  return { code, stdout, stderr };
}

function fmt(n: number, digits = 2): string {
  return n.toFixed(digits).replace('.', ',');
}

function round(n: number, digits = 0): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

// =============================================================================================
// Realistic returned lists (generation is not timed)

/** A small deterministic random generator (mulberry32), so every run benches the same files. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rand = () => number;
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;

// prettier-ignore
const HO = [
  'Nguyễn', 'Nguyễn', 'Nguyễn', 'Trần', 'Trần', 'Lê', 'Lê', 'Phạm', 'Phạm', 'Hoàng', 'Vũ', 'Vũ', 'Đỗ', 'Đặng',
  'Bùi', 'Ngô', 'Dương', 'Đào', 'Đinh', 'Lương', 'Trịnh', 'Mai', 'Tô', 'Cao', 'Lưu', 'Phan', 'Hồ', 'Đoàn',
  'Chu', 'Nghiêm', 'Quách', 'Khúc',
] as const;
// prettier-ignore
const DEM_NAM = [
  'Văn', 'Văn', 'Văn', 'Đức', 'Minh', 'Quang', 'Hữu', 'Xuân', 'Công', 'Ngọc', 'Duy', 'Mạnh', 'Trọng', 'Thế',
  'Đình', 'Tiến',
] as const;
// prettier-ignore
const DEM_NU = [
  'Thị', 'Thị', 'Thị', 'Thu', 'Thanh', 'Ngọc', 'Minh', 'Hồng', 'Thúy', 'Phương', 'Bích', 'Kim', 'Thị Thu',
  'Thị Thanh', 'Thị Hồng', 'Hải',
] as const;
// prettier-ignore
const TEN_NAM = [
  'Anh', 'Bình', 'Cường', 'Dũng', 'Đức', 'Hải', 'Hùng', 'Huy', 'Khánh', 'Long', 'Minh', 'Nam', 'Phong', 'Quân',
  'Sơn', 'Thắng', 'Toàn', 'Tuấn', 'Tùng', 'Việt', 'Hiếu', 'Trung', 'Thành', 'Lâm', 'Khoa', 'Quyết',
] as const;
// prettier-ignore
const TEN_NU = [
  'Anh', 'Châu', 'Dung', 'Giang', 'Hà', 'Hằng', 'Hạnh', 'Hoa', 'Hương', 'Lan', 'Linh', 'Loan', 'Mai', 'Ngọc',
  'Nhung', 'Phương', 'Quỳnh', 'Thảo', 'Thủy', 'Trang', 'Tuyết', 'Yến', 'Huyền', 'Vân', 'Oanh', 'Hòa',
] as const;
// prettier-ignore
const XA = [
  'Như Quỳnh', 'Lạc Đạo', 'Tân Quang', 'Đình Dù', 'Minh Hải', 'Bần Yên Nhân', 'Phố Nối', 'Nhân Hòa', 'Dị Sử',
  'Phùng Hưng', 'Xuân Quan', 'Phụng Công', 'Cửu Cao', 'Long Hưng', 'Tân Tiến', 'Liêu Xá', 'Trung Hòa',
  'Minh Châu', 'Ông Đình', 'Đông Tảo', 'Bình Minh', 'Dạ Trạch', 'Tân Dân', 'Hồng Nam', 'Quảng Châu',
  'Hoàng Hanh', 'Phương Chiểu', 'Lam Sơn', 'An Tảo', 'Hiến Nam', 'Hồng Châu', 'Bảo Khê', 'Trung Nghĩa',
  'Liên Phương', 'Thủ Sỹ', 'Hải Triều', 'Nguyễn Trãi', 'Đa Lộc', 'Tống Trân', 'Đoàn Đào',
] as const;
/** The letter's fields, as units write them (abbreviated, expanded, the odd typo). */
const LINH_VUC = [
  'Quản lý nhà nước về KH&CN',
  'Quản lý nhà nước về khoa học và công nghệ',
  'Ứng dụng, chuyển giao tiến bộ KH&CN',
  'Ứng dụng, chuyển giao tiến bộ khoa học và công nghệ',
  'Khởi nghiệp, đổi mới sáng tạo',
  'Khởi nghiệp, ĐMST',
  'Sở hữu trí tuệ',
  'Tiêu chuẩn, đo lường, chất lượng',
  'Tiêu chuẩn - Đo lường - Chất lượng',
  'Cải cách hành chính',
  'Cuộc thi sáng tạo khoa học kỹ thuật',
  'Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh',
  'Học tập và làm theo Bác',
  'An sinh xã hội',
] as const;
// prettier-ignore
const CHUC_VU = [
  'Chuyên viên', 'Chuyên viên', 'Chuyên viên chính', 'Trưởng phòng', 'Phó Trưởng phòng', 'Giám đốc',
  'Phó Giám đốc', 'Kỹ sư', 'Kỹ thuật viên', 'Kế toán trưởng', 'Giáo viên', 'Giảng viên', 'Bác sĩ',
  'Điều dưỡng trưởng', 'Cán bộ kỹ thuật', 'Tổ trưởng', 'Chủ tịch UBND xã', 'Hiệu trưởng', 'Nhân viên',
] as const;
// prettier-ignore
const TO_CHUC = [
  'Phòng Tổ chức - Hành chính', 'Phòng Kế hoạch - Tài chính', 'Phòng Kỹ thuật', 'Phòng Nghiệp vụ',
  'Trung tâm Dịch vụ', 'Văn phòng', 'Phòng Quản lý chất lượng', 'Tổ Chuyển đổi số',
] as const;
// prettier-ignore
const DE_TAI = [
  'giống lúa chất lượng cao', 'nhãn lồng Hưng Yên', 'quy trình VietGAP', 'phần mềm một cửa điện tử',
  'mô hình nhà màng trồng dưa lưới', 'xử lý nước thải làng nghề', 'truy xuất nguồn gốc bằng mã QR',
  'bệnh án điện tử', 'máy sấy long nhãn tiết kiệm năng lượng', 'chế phẩm sinh học xử lý rơm rạ',
  'chuyển đổi số trong trường học', 'hệ thống quản lý chất lượng ISO 9001:2015', 'chăn nuôi an toàn sinh học',
  'tra cứu hồ sơ đất đai trực tuyến', 'giảm nghèo bền vững', 'bảo hộ nhãn hiệu tập thể OCOP',
] as const;

function personName(r: Rand, female: boolean): string {
  return `${pick(r, HO)} ${pick(r, female ? DEM_NU : DEM_NAM)} ${pick(r, female ? TEN_NU : TEN_NAM)}`;
}

function achievement(r: Rand): string {
  const n = 2 + Math.floor(r() * 40);
  const year = 2019 + Math.floor(r() * 4);
  switch (Math.floor(r() * 6)) {
    case 0:
      return `Chủ trì đề tài cấp tỉnh về ${pick(r, DE_TAI)}, nghiệm thu xếp loại Xuất sắc năm ${year}.`;
    case 1:
      return `Có ${n} sáng kiến về ${pick(r, DE_TAI)} được công nhận, áp dụng hiệu quả tại ${n + 3} đơn vị.`;
    case 2:
      return `Hướng dẫn ${n * 10} hộ ứng dụng ${pick(r, DE_TAI)}, năng suất tăng ${5 + (n % 25)}%.`;
    case 3:
      return `Tham mưu triển khai ${pick(r, DE_TAI)}; hoàn thành xuất sắc nhiệm vụ ${year - 2018} năm liền (${year - 3}-${year}).`;
    case 4:
      return `Đạt giải ${pick(r, ['Nhất', 'Nhì', 'Ba', 'Khuyến khích'])} Cuộc thi sáng tạo kỹ thuật tỉnh Hưng Yên lần thứ ${8 + (n % 7)} với giải pháp ${pick(r, DE_TAI)}.`;
    default:
      return `Xây dựng và nhân rộng mô hình ${pick(r, DE_TAI)} tại xã ${pick(r, XA)}, được UBND tỉnh tặng Bằng khen năm ${year}.`;
  }
}

/**
 * 300 nominees of one unit: collectives first (about one in ten), then individuals; about 1 % of rows
 * carry a mistake a clerk makes (year "19855", no workplace, a field outside the letter's, no summary,
 * the same person twice).
 */
export function nomineesOf(unit: string, count: number, r: Rand): Nominee[] {
  const tapThe = Math.max(1, Math.round(count * (0.06 + r() * 0.08)));
  const out: Nominee[] = [];
  // Collectives are named with their unit ("Trường THCS Như Quỳnh, UBND huyện Văn Lâm"), so two units
  // rarely propose the same one; buildCampaign adds a few deliberate cross-unit duplicates.
  const used = new Set<string>();
  for (let i = 0; i < tapThe; i++) {
    let ten = '';
    for (let attempt = 0; attempt < 6 && (ten === '' || used.has(ten)); attempt++) {
      const xa = pick(r, XA);
      ten = pick(r, [
        `${pick(r, TO_CHUC)}, ${unit}`,
        `Tổ ${pick(r, ['Kỹ thuật', 'Chuyển đổi số', 'Nghiệp vụ', 'Sáng kiến', 'Công đoàn'])} số ${1 + Math.floor(r() * 9)}, ${unit}`,
        `Hợp tác xã Nông nghiệp ${xa} (${unit})`,
        `Trường THCS ${xa}, ${unit}`,
        `Trạm Y tế xã ${xa}, ${unit}`,
        `Chi hội Nông dân thôn ${1 + Math.floor(r() * 12)}, xã ${xa} (${unit})`,
      ]);
    }
    if (used.has(ten)) ten = `${ten} - nhóm ${i + 1}`;
    used.add(ten);
    out.push({
      ten,
      loai: 'Tập thể',
      linhVuc: pick(r, LINH_VUC),
      thanhTich: achievement(r),
      ...(r() < 0.1 ? { ghiChu: 'Đề nghị tặng Bằng khen của UBND tỉnh' } : {}),
    });
  }
  for (let i = tapThe; i < count; i++) {
    const female = r() < 0.48;
    const n: Nominee = {
      ten: personName(r, female),
      loai: 'Cá nhân',
      gioiTinh: female ? 'Nữ' : 'Nam',
      namSinh: 1964 + Math.floor(r() * 35),
      chucVu: pick(r, CHUC_VU),
      donViCongTac: r() < 0.6 ? `${pick(r, TO_CHUC)}, ${unit}` : unit,
      linhVuc: pick(r, LINH_VUC),
      thanhTich: achievement(r),
      ...(r() < 0.08
        ? { ghiChu: pick(r, ['Đảng viên', 'Đề nghị tặng Bằng khen', 'Nghỉ hưu từ 01/7/2023']) }
        : {}),
    };
    const mistake = r();
    if (mistake < 0.003) n.namSinh = Number(`${n.namSinh}5`);
    else if (mistake < 0.006) delete n.donViCongTac;
    else if (mistake < 0.009) n.linhVuc = 'Văn hóa văn nghệ';
    else if (mistake < 0.011) n.thanhTich = '';
    else if (mistake < 0.013 && out.length > tapThe) {
      const twin = out[out.length - 1]!;
      n.ten = twin.ten;
      n.namSinh = twin.namSinh;
    }
    out.push(n);
  }
  return out;
}

/** The roster units added to samples/roster.csv's 49 so that 60 distinct units send a list each. */
const EXTRA_UNITS: string[][] = [
  [
    'Hội Liên hiệp Phụ nữ tỉnh',
    'Sở, ban, ngành, hội - đoàn thể',
    'Hội LHPN tỉnh;Hội Liên hiệp Phụ nữ tỉnh Hưng Yên',
  ],
  [
    'Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh',
    'Sở, ban, ngành, hội - đoàn thể',
    'Liên hiệp các Hội KH&KT tỉnh;LHH KH&KT',
  ],
  [
    'Ban Quản lý các khu công nghiệp tỉnh',
    'Sở, ban, ngành, hội - đoàn thể',
    'BQL các KCN tỉnh;Ban Quản lý các KCN',
  ],
  ['Bảo hiểm xã hội tỉnh', 'Sở, ban, ngành, hội - đoàn thể', 'BHXH tỉnh;Bảo hiểm xã hội tỉnh Hưng Yên'],
  [
    'Đài Phát thanh và Truyền hình Hưng Yên',
    'Sở, ban, ngành, hội - đoàn thể',
    'Đài PT-TH Hưng Yên;Đài PTTH Hưng Yên',
  ],
  [
    'Hội Cựu chiến binh tỉnh',
    'Sở, ban, ngành, hội - đoàn thể',
    'Hội CCB tỉnh;Hội Cựu chiến binh tỉnh Hưng Yên',
  ],
  ['Liên minh Hợp tác xã tỉnh', 'Sở, ban, ngành, hội - đoàn thể', 'Liên minh HTX tỉnh'],
  ['Hội Chữ thập đỏ tỉnh', 'Sở, ban, ngành, hội - đoàn thể', 'Hội CTĐ tỉnh;Hội Chữ thập đỏ tỉnh Hưng Yên'],
  ['Công ty CP Nhựa Phố Nối', 'Doanh nghiệp, tổ chức KH&CN', 'Công ty cổ phần Nhựa Phố Nối'],
  [
    'Công ty TNHH Thiết bị điện Kim Động',
    'Doanh nghiệp, tổ chức KH&CN',
    'Công ty trách nhiệm hữu hạn Thiết bị điện Kim Động',
  ],
  [
    'Trường Cao đẳng Kinh tế - Kỹ thuật Tô Hiệu Hưng Yên',
    'Trường Đại học, Cao đẳng',
    'CĐ KT-KT Tô Hiệu;Trường CĐ Kinh tế - Kỹ thuật Tô Hiệu',
  ],
];

interface RosterEntry {
  name: string;
  group: string;
}

/** samples/roster.csv plus EXTRA_UNITS, written as the bench roster; returns the units. */
function writeRoster(file: string, units: number): RosterEntry[] {
  const base = XLSX.read(fs.readFileSync(path.join(__dirname, '..', 'samples', 'roster.csv'), 'utf8'), {
    type: 'string',
    raw: true,
  });
  const rows = XLSX.utils.sheet_to_json<string[]>(base.Sheets[base.SheetNames[0]!]!, {
    header: 1,
    raw: false,
  });
  const [head, ...body] = rows;
  for (const [name, group, aliases] of EXTRA_UNITS) body.push([name!, group!, aliases!, '', '', '']);
  if (units > body.length) throw new Error(`bench: the roster has ${body.length} units, ${units} asked`);
  const kept = body.slice(0, units);
  const csv = XLSX.utils.sheet_to_csv(XLSX.utils.aoa_to_sheet([head!, ...kept]));
  fs.writeFileSync(file, '\ufeff' + csv, 'utf8');
  return kept.map((r) => ({ name: String(r[0]), group: String(r[1]) }));
}

const upper = (s: string) => s.toLocaleUpperCase('vi');

/** The header block a unit puts at the top left of its list. */
function headerBlock(u: RosterEntry, r: Rand): Pick<ListOptions, 'superior' | 'office' | 'place' | 'signer'> {
  const district = /^UBND (huyện|thị xã|thành phố) (.+)$/.exec(u.name);
  if (district) {
    return {
      superior: upper(u.name),
      office: pick(r, ['PHÒNG NỘI VỤ', 'PHÒNG KINH TẾ VÀ HẠ TẦNG', 'VĂN PHÒNG HĐND VÀ UBND']),
      place: district[2]!,
      signer: {
        preparer: 'NGƯỜI LẬP BIỂU',
        title: 'KT. CHỦ TỊCH',
        subtitle: 'PHÓ CHỦ TỊCH',
        name: personName(r, r() < 0.3),
      },
    };
  }
  if (u.name.startsWith('Sở ')) {
    return {
      superior: 'UBND TỈNH HƯNG YÊN',
      office: upper(u.name),
      place: 'Hưng Yên',
      signer: { title: 'KT. GIÁM ĐỐC', subtitle: 'PHÓ GIÁM ĐỐC', name: personName(r, r() < 0.3) },
    };
  }
  if (u.group.startsWith('Phòng, đơn vị thuộc Sở')) {
    return {
      superior: 'SỞ KHOA HỌC VÀ CÔNG NGHỆ',
      office: upper(u.name),
      place: 'Hưng Yên',
      signer: { title: 'THỦ TRƯỞNG ĐƠN VỊ', name: personName(r, r() < 0.4) },
    };
  }
  return {
    superior: upper(u.name),
    office: null,
    place: 'Hưng Yên',
    signer: {
      preparer: 'NGƯỜI LẬP BIỂU',
      title: pick(r, ['GIÁM ĐỐC', 'HIỆU TRƯỞNG', 'CHỦ TỊCH']),
      name: personName(r, r() < 0.4),
    },
  };
}

export interface BenchList {
  path: string;
  unit: string;
  format: 'xlsx' | 'xls' | 'csv';
  encoding: Encoding;
  rows: number;
}

export interface BenchCampaign {
  dir: string;
  roster: string;
  lists: BenchList[];
}

/**
 * `files` returned lists of `rowsPerFile` nominees each, one per roster unit, in `dir`: mostly .xlsx
 * written by Excel (exceljs, fonts, merged two-row headers), some Office 2003 .xls, a few .csv, a few
 * typed in TCVN3 or VNI fonts; layouts vary (section rows or a Loại column, numbering row, signature).
 */
export async function buildCampaign(
  dir: string,
  files = 60,
  rowsPerFile = 300,
  seed = 2023,
): Promise<BenchCampaign> {
  fs.mkdirSync(dir, { recursive: true });
  const roster = path.join(dir, 'don_vi.csv');
  const units = writeRoster(roster, files);
  const r = rng(seed);
  const lists: BenchList[] = [];
  let previous: Nominee[] = [];
  for (let i = 0; i < units.length; i++) {
    const u = units[i]!;
    const nominees = nomineesOf(u.name, rowsPerFile, r);
    // Now and then the same person is proposed by two units (a cross-unit duplicate).
    if (i % 12 === 5 && previous.length > 0) {
      const p = previous[previous.length - 1]!;
      nominees[nominees.length - 1] = { ...p, donViCongTac: u.name };
    }
    previous = nominees;
    const k = i % 10;
    // 6 .csv, 6 .xls, 48 .xlsx of 60 (3 .xlsx in TCVN3, 2 in VNI, 1 .xls in TCVN3).
    const format: BenchList['format'] = k === 9 ? 'csv' : k === 4 ? 'xls' : 'xlsx';
    const encoding: Encoding =
      format === 'csv'
        ? 'unicode'
        : i === 2 || i === 23 || i === 41 || i === 14
          ? 'tcvn3'
          : i === 17 || i === 36
            ? 'vni'
            : 'unicode';
    const sections = r() < 0.7;
    const o: ListOptions = {
      ...headerBlock(u, r),
      nominees,
      sections,
      header: r() < 0.75 ? 'two-row' : 'one-row',
      numberingRow: r() < 0.8,
      encoding,
      ...(r() < 0.3
        ? {
            columns: [
              'STT',
              'Họ và tên',
              ...(sections ? [] : ['Loại']),
              'Giới tính',
              'Năm sinh',
              'Chức vụ',
              'Đơn vị công tác',
              'Lĩnh vực',
              'Tóm tắt thành tích',
              'Ghi chú',
            ],
          }
        : {}),
      widths: [6, 28, 10, 24, 30, 24, 50, 14],
    };
    const slug = foldAccents(u.name)
      .replace(/[^A-Za-z0-9]+/g, '_')
      .replace(/^_|_$/g, '');
    let name: string;
    let bytes: Buffer;
    if (format === 'csv') {
      // A bare table: the unit is known from the file name only.
      name = `${u.name}.csv`;
      bytes = listCsv(nominees);
    } else if (format === 'xls') {
      name = `${slug}_DS_dien_hinh.xls`;
      bytes = listSheetJs(o, 'xls');
    } else {
      name = pick(r, [`${slug}_DS_dien_hinh.xlsx`, `Danh sách điển hình - ${u.name}.xlsx`, `${slug}.xlsx`]);
      bytes = await listXlsx(o, pick(r, ['Danh sách', 'Sheet1', 'DS de nghi', 'Biểu 01']));
    }
    const file = path.join(dir, 'lists', name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, bytes);
    lists.push({ path: file, unit: u.name, format, encoding, rows: nominees.length });
  }
  return { dir, roster, lists };
}

/** Creates the campaign's empty master (tonghop init with the bench roster). */
export async function initMaster(c: BenchCampaign, master: string): Promise<void> {
  const res = await tonghop([
    'init',
    master,
    '--deadline',
    '2023-05-20',
    '--roster',
    c.roster,
    '--title',
    'Danh sách giới thiệu điển hình tiên tiến năm 2023',
    '--issuer',
    'SỞ KHOA HỌC VÀ CÔNG NGHỆ',
    '--superior',
    'UBND TỈNH HƯNG YÊN',
    '--place',
    'Hưng Yên',
    '--letter-no',
    '312/SKHCN-VP',
    '--letter-date',
    '2023-03-28',
  ]);
  if (res.code !== 0) throw new Error(`bench: tonghop init failed (${res.code}): ${res.stderr}`);
}

// =============================================================================================
// Section "merge": SheetJS alone (the floor) against the whole `tonghop merge`

/**
 * The floor: SheetJS alone reads every file and writes all their rows into one plain workbook.
 * Returns the rows written.
 */
export function floorOnce(files: string[], out: string): number {
  const all: unknown[][] = [];
  for (const f of files) {
    const wb = XLSX.read(fs.readFileSync(f));
    for (const name of wb.SheetNames) {
      const rows = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets[name]!, { header: 1 });
      for (const row of rows) all.push(row);
    }
  }
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(all), 'Tổng hợp');
  fs.writeFileSync(out, XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
  return all.length;
}

interface MergeJson {
  files: { file: string; action: string; rows: number; unit: { name: string } | null }[];
}

/** The merge's --json output must say that every file was merged, for its own unit, with all its rows. */
export function checkMerged(c: BenchCampaign, json: MergeJson): string[] {
  const problems: string[] = [];
  if (json.files.length !== c.lists.length)
    problems.push(`${json.files.length} tệp trong kết quả, cần ${c.lists.length}`);
  json.files.forEach((f, i) => {
    const want = c.lists[i];
    if (!want) return;
    if (f.action !== 'merged') problems.push(`${f.file}: ${f.action}`);
    if (f.unit?.name !== want.unit)
      problems.push(`${f.file}: đơn vị ${f.unit?.name ?? '(không rõ)'}, cần ${want.unit}`);
    if (f.rows !== want.rows) problems.push(`${f.file}: ${f.rows} dòng, cần ${want.rows}`);
  });
  return problems;
}

const RECEIVED = '2023-05-18';

/**
 * Merges the lists into a fresh copy of the empty master, as a clerk runs it; checks it; returns ms.
 * `warm`: the reader threads of an earlier run in this process are used again, and kept.
 */
export async function mergeOnce(
  c: BenchCampaign,
  template: string,
  master: string,
  warm = false,
): Promise<number> {
  const json = master.replace(/\.xlsx$/, '.json');
  const files = c.lists.map((l) => l.path);
  fs.copyFileSync(template, master);
  const t = performance.now();
  const res = await tonghop(['merge', master, ...files, '--received', RECEIVED, '--json', json], {
    keepReaders: warm,
  });
  const ms = performance.now() - t;
  if (res.code !== 0) throw new Error(`bench: tonghop merge ended with ${res.code}:\n${res.stderr}`);
  const problems = checkMerged(c, JSON.parse(fs.readFileSync(json, 'utf8')) as MergeJson);
  if (problems.length > 0) {
    throw new Error(
      `bench: the merge did not merge all ${c.lists.length} lists:\n  ${problems.slice(0, 20).join('\n  ')}`,
    );
  }
  return ms;
}

interface ColdJob {
  campaign: BenchCampaign;
  template: string;
}

interface ColdResult {
  ms: number;
  peakMb: number;
}

/** One measure in a fresh process: its time (modules already loaded) and the process's peak memory. */
async function cold(measure: () => Promise<number> | number): Promise<ColdResult> {
  const sampler = new RssSampler(50);
  try {
    sampler.reset();
    const ms = await measure();
    return { ms, peakMb: Math.max(sampler.peakMb(), highWaterMb()) };
  } finally {
    await sampler.stop();
  }
}

CHILD_JOBS['floor'] = (job: ColdJob) =>
  cold(() => {
    const t = performance.now();
    floorOnce(
      job.campaign.lists.map((l) => l.path),
      path.join(job.campaign.dir, 'san_cold.xlsx'),
    );
    return performance.now() - t;
  });
CHILD_JOBS['merge'] = async (job: ColdJob) => {
  // As bin/tonghop.js starts the command (the floor, SheetJS alone, runs with V8's defaults, which
  // suit it better).
  tuneForShortRuns();
  // Not timed: under tsx the first command hands the reader workers their compiled TypeScript
  // (src/io/node/read-file.ts), which the built `tonghop` never does.
  await tonghop(['status', job.template]);
  return cold(() => mergeOnce(job.campaign, job.template, path.join(job.campaign.dir, 'tong_hop_cold.xlsx')));
};

export const mergeSection: Section = {
  name: 'merge',
  async run(opts) {
    const FILES = 60;
    const ROWS = 300;
    const GOAL = 1.3;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tonghop-bench-'));
    try {
      log(`merge: tạo ${FILES} danh sách × ${ROWS} dòng trong ${dir} …`);
      const t0 = performance.now();
      const c = await buildCampaign(dir, FILES, ROWS);
      const template = path.join(dir, 'tong_hop_moi.xlsx');
      await initMaster(c, template);
      const files = c.lists.map((l) => l.path);
      const count = (f: BenchList['format']) => c.lists.filter((l) => l.format === f).length;
      log(
        `merge: đã tạo trong ${fmt((performance.now() - t0) / 1000, 1)} s ` +
          `(${count('xlsx')} .xlsx, ${count('xls')} .xls, ${count('csv')} .csv; không tính vào thời gian đo)`,
      );

      // As a clerk runs it: each measure in a fresh process (cold: nothing compiled or cached by an
      // earlier run, fresh reader workers); also the peak memory, with nothing left by other runs.
      const coldFloor: ColdResult[] = [];
      const coldMerge: ColdResult[] = [];
      for (let i = 1; i <= opts.runs; i++) {
        coldFloor.push(await inChild<ColdResult>('floor', { campaign: c, template } satisfies ColdJob, dir));
        coldMerge.push(await inChild<ColdResult>('merge', { campaign: c, template } satisfies ColdJob, dir));
        log(
          `merge: tiến trình mới ${i}/${opts.runs}: sàn ${Math.round(coldFloor[i - 1]!.ms)} ms, ` +
            `merge ${Math.round(coldMerge[i - 1]!.ms)} ms, bộ nhớ đỉnh ${Math.round(coldMerge[i - 1]!.peakMb)} MB`,
        );
      }

      // Times: one warm-up each, then the runs, floor and merge taking turns (load on the machine
      // then falls on both alike); the median of each is reported. Warm means warm for both: SheetJS
      // in this thread for the floor, the merge's reader threads kept from one run to the next.
      const floorRun = (): number => {
        collect();
        const t = performance.now();
        const rows = floorOnce(files, path.join(dir, 'san.xlsx'));
        const ms = performance.now() - t;
        if (rows < FILES * ROWS)
          throw new Error(`bench: the floor wrote ${rows} rows, fewer than ${FILES * ROWS}`);
        return ms;
      };
      // Warm code, but no remembered answers: the engine's memos (name keys, word verdicts, header
      // scores) are emptied before each run, in this thread and in the reader threads, so that the
      // files are new to the run as they are to a clerk's; the floor keeps nothing between runs either.
      const mergeRun = async (): Promise<number> => {
        forgetMemos();
        forgetReaderMemos();
        collect();
        return mergeOnce(c, template, path.join(dir, 'tong_hop.xlsx'), true);
      };
      log('merge: trong cùng tiến trình, chạy khởi động (không tính) …');
      floorRun();
      await mergeRun();
      const floorMs: number[] = [];
      const mergeMs: number[] = [];
      for (let i = 1; i <= opts.runs; i++) {
        floorMs.push(floorRun());
        mergeMs.push(await mergeRun());
        log(
          `merge: cùng tiến trình ${i}/${opts.runs}: sàn ${Math.round(floorMs[i - 1]!)} ms, merge ${Math.round(mergeMs[i - 1]!)} ms`,
        );
      }

      await closeReaders();
      // The master of the last run holds every row (status reads the file back).
      const status = await tonghop(['status', path.join(dir, 'tong_hop.xlsx'), '--json', '-']);
      const units = (JSON.parse(status.stdout) as { units: { rows: number }[] }).units;
      const inMaster = units.reduce((s, u) => s + u.rows, 0);
      if (inMaster !== FILES * ROWS)
        throw new Error(`bench: the master holds ${inMaster} rows, not ${FILES * ROWS}`);

      const floor = median(floorMs);
      const merge = median(mergeMs);
      const ratio = merge / floor;
      const ok = ratio <= GOAL;
      const coldFloorMs = median(coldFloor.map((x) => x.ms));
      const coldMergeMs = median(coldMerge.map((x) => x.ms));
      const peak = Math.max(...coldMerge.map((x) => x.peakMb));
      const floorPeak = Math.max(...coldFloor.map((x) => x.peakMb));
      process.stdout.write(
        `Gộp ${FILES} danh sách × ${ROWS} dòng (${FILES * ROWS} dòng; trung vị ${opts.runs} lần đo; ` +
          `${os.availableParallelism()} nhân): chỉ SheetJS đọc và ghi ${fmt(floor / 1000)} s, ` +
          `tonghop merge ${fmt(merge / 1000)} s, tỉ lệ ${fmt(ratio)} — ` +
          (ok ? `ĐẠT mục tiêu ≤ ${fmt(GOAL, 1)}` : `CHƯA ĐẠT mục tiêu ≤ ${fmt(GOAL, 1)}`) +
          `; chạy trong tiến trình mới như người dùng: ${fmt(coldFloorMs / 1000)} s và ${fmt(coldMergeMs / 1000)} s ` +
          `(tỉ lệ ${fmt(coldMergeMs / coldFloorMs)}); bộ nhớ đỉnh của lệnh merge ${Math.round(peak)} MB ` +
          `(cả các luồng đọc tệp).\n`,
      );
      if (!ok) log(`merge: MỤC TIÊU CHƯA ĐẠT — tỉ lệ ${fmt(ratio)} > ${fmt(GOAL, 1)} (goal missed).`);
      return {
        bench: 'merge',
        files: FILES,
        rowsPerFile: ROWS,
        floorMs: Math.round(floor),
        mergeMs: Math.round(merge),
        ratio: round(ratio, 2),
        peakRssMb: Math.round(peak),
        goal: GOAL,
        ok,
        runs: opts.runs,
        coldFloorMs: Math.round(coldFloorMs),
        coldMergeMs: Math.round(coldMergeMs),
        coldRatio: round(coldMergeMs / coldFloorMs, 2),
        floorPeakRssMb: Math.round(floorPeak),
      };
    } finally {
      if (opts.keep) log(`merge: giữ lại các tệp trong ${dir}`);
      else fs.rmSync(dir, { recursive: true, force: true });
    }
  },
};

// =============================================================================================
// Entry point

/** Every section, in the order they run. Later issues add theirs here. */
export const SECTIONS: Section[] = [mergeSection, excelSection, uiSection];

function parseArgs(argv: string[]): { opts: BenchOptions; only: string[] } {
  const opts: BenchOptions = { runs: 3, keep: false };
  const only: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--keep') opts.keep = true;
    else if (a === '--runs') {
      const n = Number(argv[++i]);
      if (!Number.isInteger(n) || n < 1) throw new Error('--runs needs a whole number ≥ 1');
      opts.runs = n;
    } else if (a.startsWith('-')) throw new Error(`unknown option ${a}`);
    else only.push(a);
  }
  for (const n of only) {
    if (!SECTIONS.some((s) => s.name === n))
      throw new Error(`no section "${n}" (${SECTIONS.map((s) => s.name).join(', ')})`);
  }
  return { opts, only };
}

async function main(): Promise<void> {
  const { opts, only } = parseArgs(process.argv.slice(2));
  for (const s of SECTIONS) {
    if (only.length > 0 && !only.includes(s.name)) continue;
    try {
      const line = await s.run(opts);
      process.stdout.write(JSON.stringify(line) + '\n');
    } catch (e) {
      // A section that cannot measure is a failure of the bench itself (not a missed goal).
      log(`bench ${s.name}: ${(e as Error).stack ?? String(e)}`);
      process.exitCode = 1;
    }
  }
}

/** `--child NAME JOB.json`: one measure for inChild(), answered over the IPC channel. */
async function child(name: string, jobFile: string): Promise<void> {
  const send = (m: unknown) => new Promise<void>((res) => process.send!(m, () => res()));
  try {
    const job = CHILD_JOBS[name];
    if (!job) throw new Error(`no child job "${name}"`);
    const value = await job(JSON.parse(fs.readFileSync(jobFile, 'utf8')) as never);
    await send({ ok: true, value });
  } catch (e) {
    await send({ ok: false, error: (e as Error).stack ?? String(e) });
  }
  process.disconnect();
}

if (require.main === module) {
  const argv = process.argv.slice(2);
  if (argv[0] === '--child' && process.send) void child(argv[1]!, argv[2]!);
  else void main();
}
