/**
 * Whitespace in cell texts: runs of spaces, tabs, line breaks and the like (JavaScript's \s) as one
 * space, none at either end. Most texts are clean already; they are answered without a rewrite.
 */

/** True for a character of JavaScript's \s (which is also what trim() removes). */
export function isSpace(c: number): boolean {
  return c <= 0x20
    ? c === 0x20 || (c >= 0x09 && c <= 0x0d)
    : c >= 0xa0 &&
        (c === 0xa0 ||
          c === 0x1680 ||
          (c >= 0x2000 && c <= 0x200a) ||
          c === 0x2028 ||
          c === 0x2029 ||
          c === 0x202f ||
          c === 0x205f ||
          c === 0x3000 ||
          c === 0xfeff);
}

/** s with every run of whitespace as one space, trimmed: s.replace(/\s+/g, ' ').trim(). */
export function collapseSpaces(s: string): string {
  const n = s.length;
  if (n === 0) return s;
  let clean = !isSpace(s.charCodeAt(0)) && !isSpace(s.charCodeAt(n - 1));
  for (let i = 1; clean && i < n - 1; i++) {
    const c = s.charCodeAt(i);
    // only single spaces between other characters leave the text as it is
    if (isSpace(c) && (c !== 0x20 || isSpace(s.charCodeAt(i + 1)))) clean = false;
  }
  return clean ? s : s.replace(/\s+/g, ' ').trim();
}
