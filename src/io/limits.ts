/**
 * Limits that keep a hostile or absurd file from exhausting memory or time. They are checked before
 * parsing wherever the file declares its own size (zip entry sizes, ODS repeats, delimiter counts), and
 * again on the parsed result. Pure: used in Node and in a browser Web Worker alike.
 */

export interface ReadLimits {
  /** Largest file accepted, in bytes. */
  maxBytes: number;
  /** Largest total declared uncompressed size of the entries of a zip package (xlsx, ods), in bytes. */
  maxUncompressedBytes: number;
  /** Largest declared uncompressed size of one zip entry, in bytes. */
  maxEntryBytes: number;
  /** Most cells (with content) in the whole workbook. */
  maxCells: number;
  /**
   * Most characters of cell text (value and displayed text) in the whole workbook. A shared string
   * costs its length at every cell that uses it: a 2 MB string placed in 12 000 cells is 25 billion
   * characters for everything downstream, though the file is 100 KB.
   */
  maxTextChars: number;
}

const MB = 1024 * 1024;

export const DEFAULT_LIMITS: Readonly<ReadLimits> = Object.freeze({
  maxBytes: 50 * MB,
  maxUncompressedBytes: 500 * MB,
  maxEntryBytes: 250 * MB,
  maxCells: 5_000_000,
  maxTextChars: 100_000_000,
});

export function resolveLimits(partial?: Partial<ReadLimits>): ReadLimits {
  return { ...DEFAULT_LIMITS, ...(partial ?? {}) };
}

/** "50 MB", "1,5 GB", "820 byte" — Vietnamese decimal comma. */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} byte`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let v = n / 1024;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  const text = v >= 100 || Number.isInteger(v) ? Math.round(v).toString() : v.toFixed(1).replace('.', ',');
  return `${text} ${units[u]}`;
}

/** 5000000 -> "5.000.000" (Vietnamese thousands separator). */
export function formatCount(n: number): string {
  const s = Math.round(n).toString();
  return s.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}
