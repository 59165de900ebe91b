/**
 * Memo maps: results the engine has worked out once and looks up again (name keys, word verdicts, unit
 * slugs), bounded by their owners. forgetMemos() empties them all, so that a benchmark can time work
 * that is new to a warm process, as a clerk's fresh run meets it, rather than answers remembered from
 * an earlier run over the same files.
 */
const all: Map<unknown, unknown>[] = [];

/** A new memo map, emptied by forgetMemos(). */
export function memoMap<K, V>(): Map<K, V> {
  const m = new Map<K, V>();
  all.push(m as Map<unknown, unknown>);
  return m;
}

/** Empties every memo map. */
export function forgetMemos(): void {
  for (const m of all) m.clear();
}
