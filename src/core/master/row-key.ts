/**
 * The hidden stable key of a merged row ("Mã dòng"): unit | file fingerprint | row number in the file.
 * Rows are found by this key, never by position, so the clerk may sort, filter and insert rows freely.
 */
import { memoMap } from '../memo';
import { foldAccents, nameKey } from '../text/key';

/** The comparison key of a unit name (roster names, "Đơn vị gửi"). */
export function unitKey(name: string): string {
  return nameKey(name);
}

/** An ASCII slug of a unit name for row keys: "Ủy ban nhân dân thị xã Mỹ Hào" → "uy-ban-nhan-dan-thi-xa-my-hao". */
export function unitSlug(name: string): string {
  let slug = slugs.get(name);
  if (slug === undefined) {
    slug = foldAccents(nameKey(name))
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '');
    if (slugs.size >= SLUG_CACHE_LIMIT) slugs.clear();
    slugs.set(name, slug);
  }
  return slug;
}

/** Slugs already worked out (every row of a unit asks for the same one). */
const slugs = memoMap<string, string>();
const SLUG_CACHE_LIMIT = 4096;

/** Length of the file fingerprint kept in a row key. */
const DIGEST_CHARS = 12;

export function rowKey(unit: string, digest: string, n: number): string {
  return `${unitSlug(unit)}|${digest.slice(0, DIGEST_CHARS)}|${n}`;
}

/** The unit slug of a row key, or null when the text is not a row key. */
export function keyUnitSlug(key: string): string | null {
  const m = /^([a-z0-9-]*)\|[^|]*\|\d+$/.exec(key);
  return m ? m[1]! : null;
}
