/**
 * Matching keys for Vietnamese names and headers (GUIDE §6): NFC, one tone-mark placement,
 * case and spacing folded, punctuation ignored, common abbreviations expanded.
 * A key is for comparing, never for showing.
 */

/** The five tone marks as combining characters (NFD). */
const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/g;
const ALL_MARKS = /[\u0300-\u036f]/g;

/** Abbreviations written with a trailing dot ("TP. Hưng Yên", "H. Văn Lâm"). */
const DOTTED: Record<string, string> = {
  tp: 'thành phố',
  tx: 'thị xã',
  h: 'huyện',
  tt: 'thị trấn',
  p: 'phường',
  x: 'xã',
};

/** Whole-word abbreviations (keys lower-case, NFC). */
const WORDS: Record<string, string> = {
  ubnd: 'ủy ban nhân dân',
  hđnd: 'hội đồng nhân dân',
  'kh&cn': 'khoa học và công nghệ',
  khcn: 'khoa học và công nghệ',
  'kh-cn': 'khoa học và công nghệ',
  khkt: 'khoa học kỹ thuật',
  tp: 'thành phố',
  tx: 'thị xã',
  đh: 'đại học',
  cđ: 'cao đẳng',
  cty: 'công ty',
  tnhh: 'trách nhiệm hữu hạn',
  cp: 'cổ phần',
  tđc: 'tiêu chuẩn đo lường chất lượng',
  đmst: 'đổi mới sáng tạo',
  qlnn: 'quản lý nhà nước',
  cchc: 'cải cách hành chính',
  shtt: 'sở hữu trí tuệ',
  asxh: 'an sinh xã hội',
  '&': 'và',
};

/**
 * Puts the tone mark of every syllable in one place (after the syllable's letters), so that
 * "hoà"/"hòa", "uỷ"/"ủy", "thuỷ"/"thủy" give the same key. Input and output are NFC.
 */
export function canonicalTone(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\p{L}\p{M}]+/gu, (syl) => {
      const tones = syl.match(TONE_MARKS);
      if (!tones) return syl;
      return syl.replace(TONE_MARKS, '') + tones[0];
    })
    .normalize('NFC');
}

/** Removes every diacritic and turns đ into d. */
export function foldAccents(s: string): string {
  return s.normalize('NFD').replace(ALL_MARKS, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').normalize('NFC');
}

function expandAbbreviations(lower: string): string {
  // "tp." "h." etc. at a word start, before a name
  let s = lower.replace(
    /(^|[^\p{L}\p{N}])(tp|tx|h|tt|p|x)\.\s*(?=\p{L})/gu,
    (_m, pre: string, ab: string) => {
      return `${pre}${DOTTED[ab]} `;
    },
  );
  s = s.replace(/\s*&\s*/g, '&');
  const tokens = s.split(/[^\p{L}\p{N}&-]+/u).filter(Boolean);
  const out: string[] = [];
  for (const t0 of tokens) {
    const t = t0.replace(/^-+|-+$/g, '');
    if (!t) continue;
    const w = WORDS[t];
    if (w) {
      out.push(w);
      continue;
    }
    if (t.includes('&')) {
      out.push(
        ...t
          .split('&')
          .filter(Boolean)
          .map((x) => WORDS[x] ?? x)
          .join(' và ')
          .split(' '),
      );
      continue;
    }
    out.push(...t.split('-').filter(Boolean));
  }
  return out.join(' ');
}

export interface KeyOptions {
  /** Also remove accents and fold đ to d (for headers, file names and romanised text). */
  foldAccents?: boolean;
  /** Expand abbreviations (default true). */
  abbreviations?: boolean;
}

/**
 * Keys already worked out, one map per option combination: a merge asks for the key of the same
 * name, unit or header many times over. Bounded: a full map is emptied and fills again.
 */
const KEY_CACHE_LIMIT = 1 << 16;
const keyCaches: Map<string, string>[] = [new Map(), new Map(), new Map(), new Map()];

/** The comparison key of a name: "UBND TX. Mỹ Hào" and "Uỷ ban nhân dân thị xã Mỹ Hào" share one. */
export function nameKey(s: string, opts: KeyOptions = {}): string {
  const text = s ?? '';
  const cache = keyCaches[(opts.foldAccents ? 2 : 0) + (opts.abbreviations === false ? 1 : 0)]!;
  let key = cache.get(text);
  if (key === undefined) {
    key = computeNameKey(text, opts);
    if (cache.size >= KEY_CACHE_LIMIT) cache.clear();
    cache.set(text, key);
  }
  return key;
}

function computeNameKey(s: string, opts: KeyOptions): string {
  let t = s.normalize('NFC').toLowerCase();
  // Vietnamese "Ð" (U+00D0, eth) often stands for Đ in old files
  t = t.replace(/ð/g, 'đ');
  t = opts.abbreviations === false ? t.replace(/[^\p{L}\p{N}]+/gu, ' ') : expandAbbreviations(t);
  t = canonicalTone(t);
  if (opts.foldAccents) t = foldAccents(t);
  return t.replace(/\s+/g, ' ').trim();
}

/** The key of a column header: numbering such as "(1)" removed, accents folded, abbreviations expanded. */
export function headerKey(s: string): string {
  const t = (s ?? '').replace(/\(\s*\d+\s*\)/g, ' ').replace(/\(\*+\)|\*+/g, ' ');
  return nameKey(t, { foldAccents: true });
}
