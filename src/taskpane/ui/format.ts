/** Small display helpers shared by the views. */

let seq = 0;
/** Ids for files added to the round. */
export function nextId(prefix = 'f'): string {
  seq += 1;
  return `${prefix}${seq}-${Date.now().toString(36)}`;
}

/** A dropped or picked file's bytes (FileReader where Blob.arrayBuffer is missing, e.g. older webviews). */
export function readBytes(file: Blob): Promise<ArrayBuffer> {
  if (typeof file.arrayBuffer === 'function') return file.arrayBuffer();
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(r.result as ArrayBuffer);
    r.onerror = () => reject(r.error ?? new Error('FileReader'));
    r.readAsArrayBuffer(file);
  });
}
