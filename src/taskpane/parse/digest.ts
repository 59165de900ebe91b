import type { GridWorkbook } from '../../core/grid';

/** SHA-256 of a file's bytes in hex, as the command line computes it (so the same file is recognised by both). */
export async function sha256Hex(bytes: ArrayBuffer): Promise<string> {
  const subtle = (globalThis.crypto as Crypto | undefined)?.subtle;
  if (subtle) {
    const hash = new Uint8Array(await subtle.digest('SHA-256', bytes));
    return Array.from(hash, (b) => b.toString(16).padStart(2, '0')).join('');
  }
  // No WebCrypto (a page opened from file://): a weaker fingerprint, still stable for the same bytes.
  const view = new Uint8Array(bytes);
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < view.length; i++) {
    h1 = Math.imul(h1 ^ view[i]!, 0x01000193);
    h2 = Math.imul(h2 ^ view[i]!, 0x5bd1e995);
  }
  return `fnv-${(h1 >>> 0).toString(16)}${(h2 >>> 0).toString(16)}-${view.length}`;
}

/** Fingerprint of a workbook read from a sheet: its cells as JSON. */
export async function workbookDigest(workbook: GridWorkbook): Promise<{ digest: string; size: number }> {
  const json = new TextEncoder().encode(JSON.stringify(workbook.sheets));
  return { digest: await sha256Hex(json.buffer as ArrayBuffer), size: json.length };
}
