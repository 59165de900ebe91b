/**
 * What Excel makes of a value written through `range.values` (or `rows.add`): the same conversions as
 * text typed into a cell. Excel on the web in the en-US locale is modelled (dates month first) unless
 * the fake is created with `dateOrder: 'dmy'` (vi-VN regional format).
 *
 * - '=…' is a formula, '@…' too (Excel turns typed "@SUM(A1)" into "=SUM(A1)"), and so is '+…' / '-…'
 *   when it is not a number ("+abc" → "=+abc"). A formula Excel cannot parse (unbalanced brackets or
 *   quotes, two operands side by side as in "- Nguyễn Văn A" or "+84 912 345 678") makes the sync fail
 *   with InvalidArgument, as Office.js does.
 *   CHOICE: '=' and '@' make a formula even in a cell formatted as text ('@'). Desktop Excel keeps typed
 *   "=…" as text in a text cell; the fake is deliberately stricter, so a gateway that relies on the '@'
 *   format instead of the apostrophe prefix for such strings fails its tests.
 * - A leading apostrophe is Excel's quote prefix: the cell holds the text without it, as text.
 * - Number-like text becomes a number ("0912345678" → 912345678, "+84912345678" → 84912345678, "-5",
 *   "1,234.5", "(5)" → -5, "1e3", 15 significant digits kept), "50%" a percentage, "TRUE"/"false" a
 *   Boolean, "2024-05-12" / "5/12/2024" / "5/12" a date serial, "10:30" a time — except in a cell
 *   formatted as text ('@'), where text stays text. The number format Excel would give (0%, m/d/yyyy…)
 *   is set when the cell's format is General.
 * - Text starting with a tab or a line break stays text. null leaves the cell as it is; '' clears it.
 */
import { ErrorCodes, fail } from './errors';

export type CellValue = string | number | boolean;

export interface ParsedInput {
  /** The cell's value ('' = empty). */
  value: CellValue;
  /** The formula ("=…"), when the input is one. */
  formula?: string;
  /** Quote prefix (input started with an apostrophe). */
  quotePrefix?: boolean;
  /** Number format Excel applies when the cell's format is General. */
  autoFormat?: string;
}

export interface InputOptions {
  dateOrder: 'mdy' | 'dmy';
  /** Year used for a date typed without one ("5/12"). */
  currentYear: number;
}

export const MAX_CELL_CHARS = 32767;
const MAX_FORMULA_CHARS = 8192;

/** Converts one written value; throws InvalidArgument for what Excel refuses. */
export function parseInput(raw: unknown, numberFormat: string, opts: InputOptions): ParsedInput {
  if (typeof raw === 'boolean') return { value: raw };
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw)) fail(ErrorCodes.invalidArgument, `${raw} is not a number Excel can hold`);
    return { value: raw };
  }
  if (raw instanceof Date) return parseInput(JSON.parse(JSON.stringify(raw)) as unknown, numberFormat, opts);
  if (typeof raw !== 'string') fail(ErrorCodes.invalidArgument, `a cell value cannot be ${describe(raw)}`);
  const s = raw;
  if (s === '') return { value: '' };
  if (s.length > MAX_CELL_CHARS)
    fail(ErrorCodes.invalidArgument, `text of ${s.length} characters (Excel holds 32,767)`);
  if (s.startsWith("'")) return { value: s.slice(1), quotePrefix: true };
  if (s.startsWith('=')) return formula(s);
  if (s.startsWith('@') && s.length > 1) return formula('=' + s.slice(1));
  const text = numberFormat === '@';
  if (text) return { value: s };
  if (s.startsWith('\t') || s.startsWith('\r') || s.startsWith('\n')) return { value: s };
  const typed = typedValue(s, opts);
  if (typed) return typed;
  if ((s.startsWith('+') || s.startsWith('-')) && s.trim().length > 1) return formula('=' + s);
  return { value: s };
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  return typeof v === 'object' ? 'an object' : typeof v;
}

// ---------------------------------------------------------------------------------------------
// Numbers, Booleans, dates and times in typed text

const NUM = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d*)?(?:[eE][+-]?\d+)?$/;

function typedValue(s: string, opts: InputOptions): ParsedInput | null {
  const t = s.trim();
  if (t === '') return null;
  if (/^(true|false)$/i.test(t)) return { value: t.toLowerCase() === 'true' };
  const paren = /^\((.*)\)$/.exec(t);
  if (paren && !/^[+-]/.test(paren[1]!)) {
    const n = number(paren[1]!);
    if (n !== null) return { value: -n.value, autoFormat: n.autoFormat };
  }
  const pct = /^(.*)%$/.exec(t);
  if (pct) {
    const n = number(pct[1]!.trim());
    if (n !== null) return { value: round15(n.value / 100), autoFormat: /\./.test(pct[1]!) ? '0.00%' : '0%' };
  }
  const n = number(t);
  if (n !== null) return n;
  const d = dateValue(t, opts);
  if (d) return d;
  return timeValue(t);
}

function number(t: string): { value: number; autoFormat?: string } | null {
  if (!NUM.test(t) || !/\d/.test(t.replace(/[eE][+-]?\d+$/, ''))) return null;
  const grouped = t.includes(',');
  const value = Number(truncate15(t.replace(/,/g, '')));
  if (!Number.isFinite(value)) return null;
  if (/[eE]/.test(t)) return { value, autoFormat: '0.00E+00' };
  return grouped ? { value, autoFormat: /\./.test(t) ? '#,##0.00' : '#,##0' } : { value };
}

/** Excel keeps 15 significant digits of a typed number; the digits after them become zeros. */
function truncate15(t: string): string {
  const m = /^([+-]?)(\d*)(?:\.(\d*))?((?:[eE][+-]?\d+)?)$/.exec(t);
  if (!m) return t;
  const [, sign, int = '', frac = '', exp] = m;
  const digits = (int + frac).split('');
  let significant = 0;
  for (let i = 0; i < digits.length; i++) {
    if (significant > 0 || digits[i] !== '0') significant++;
    if (significant > 15) digits[i] = '0';
  }
  const all = digits.join('');
  return `${sign}${all.slice(0, int.length) || '0'}.${all.slice(int.length) || '0'}${exp}`;
}

/** Rounding of a computed result to Excel's 15 significant digits. */
function round15(n: number): number {
  return n === 0 ? 0 : Number(n.toPrecision(15));
}

/** Excel serial of a calendar date (1900 date system); null when not a real date. */
export function dateSerial(y: number, m: number, d: number): number | null {
  if (y < 1900 || y > 9999 || m < 1 || m > 12 || d < 1) return null;
  const utc = Date.UTC(y, m - 1, d);
  const back = new Date(utc);
  if (back.getUTCMonth() !== m - 1 || back.getUTCDate() !== d) return null;
  return utc / 86400000 + 25569;
}

function dateValue(t: string, opts: InputOptions): ParsedInput | null {
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  if (iso) {
    const v = dateSerial(Number(iso[1]), Number(iso[2]), Number(iso[3]));
    return v === null ? null : { value: v, autoFormat: 'yyyy-mm-dd' };
  }
  const sl = /^(\d{1,2})[/-](\d{1,2})(?:[/-](\d{2}|\d{4}))?$/.exec(t);
  if (!sl) return null;
  const a = Number(sl[1]);
  const b = Number(sl[2]);
  const [m, d] = opts.dateOrder === 'mdy' ? [a, b] : [b, a];
  let y = sl[3] === undefined ? opts.currentYear : Number(sl[3]);
  if (sl[3] !== undefined && sl[3].length === 2) y += y < 30 ? 2000 : 1900;
  const v = dateSerial(y, m, d);
  if (v === null) return null;
  const fmt = sl[3] === undefined ? 'd-mmm' : opts.dateOrder === 'mdy' ? 'm/d/yyyy' : 'd/m/yyyy';
  return { value: v, autoFormat: fmt };
}

function timeValue(t: string): ParsedInput | null {
  const m = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(t);
  if (!m) return null;
  const h = Number(m[1]);
  const mi = Number(m[2]);
  const se = m[3] === undefined ? 0 : Number(m[3]);
  if (h > 23 || mi > 59 || se > 59) return null;
  return { value: (h * 3600 + mi * 60 + se) / 86400, autoFormat: m[3] === undefined ? 'h:mm' : 'h:mm:ss' };
}

// ---------------------------------------------------------------------------------------------
// Formulas: checked for syntax like Excel's parser would (roughly); evaluated only when they are plain
// arithmetic on numbers or a text literal. Anything naming a function or a reference gets #NAME?
// (the fake has no calculation engine).

type Tok =
  | { k: 'num'; v: number }
  | { k: 'str'; v: string }
  | { k: 'id'; v: string }
  | { k: 'op'; v: string }
  | { k: '('; v: '(' }
  | { k: ')'; v: ')' }
  | { k: 'sep'; v: string }
  | { k: 'ws'; v: ' ' };

function formula(f: string): ParsedInput {
  if (f.length > MAX_FORMULA_CHARS) fail(ErrorCodes.invalidArgument, `formula of ${f.length} characters`);
  const toks = tokenize(f.slice(1), f);
  checkSyntax(toks, f);
  return { value: evaluate(toks), formula: f };
}

function tokenize(body: string, whole: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  const bad = (why: string): never =>
    fail(ErrorCodes.invalidArgument, `Excel cannot parse the formula ${JSON.stringify(whole)}: ${why}`);
  while (i < body.length) {
    const ch = body[i]!;
    if (/\s/.test(ch)) {
      while (i < body.length && /\s/.test(body[i]!)) i++;
      out.push({ k: 'ws', v: ' ' });
      continue;
    }
    if (ch === '"') {
      let j = i + 1;
      let s = '';
      for (;;) {
        if (j >= body.length) bad('unterminated text');
        if (body[j] === '"') {
          if (body[j + 1] === '"') {
            s += '"';
            j += 2;
            continue;
          }
          break;
        }
        s += body[j];
        j++;
      }
      out.push({ k: 'str', v: s });
      i = j + 1;
      continue;
    }
    const num = /^(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/.exec(body.slice(i));
    if (num && !/^[\p{L}_]/u.test(body.slice(i + num[0].length))) {
      out.push({ k: 'num', v: Number(num[0]) });
      i += num[0].length;
      continue;
    }
    const id = /^(?:'[^']*'!)?[\p{L}\p{N}_\\.$!:]+/u.exec(body.slice(i));
    if (id) {
      out.push({ k: 'id', v: id[0] });
      i += id[0].length;
      continue;
    }
    if (ch === '(' || ch === ')') {
      out.push(ch === '(' ? { k: '(', v: '(' } : { k: ')', v: ')' });
      i++;
      continue;
    }
    if (ch === ',' || ch === ';') {
      out.push({ k: 'sep', v: ch });
      i++;
      continue;
    }
    const op = /^(?:<=|>=|<>|[-+*/^&=<>%@#{}])/.exec(body.slice(i));
    if (op) {
      out.push({ k: 'op', v: op[0] });
      i += op[0].length;
      continue;
    }
    bad(`unexpected character ${JSON.stringify(ch)}`);
  }
  return out;
}

const looksLikeRef = (s: string): boolean =>
  /^(?:'[^']*'!|[^!]*!)?\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?$/.test(s);

function checkSyntax(all: Tok[], whole: string): void {
  const bad = (why: string): never =>
    fail(ErrorCodes.invalidArgument, `Excel cannot parse the formula ${JSON.stringify(whole)}: ${why}`);
  const toks = all.filter((t, i) => t.k !== 'ws' || (i > 0 && i < all.length - 1));
  if (toks.length === 0) bad('it is empty');
  let depth = 0;
  let prev: Tok | null = null;
  let prevWasSpace = false;
  for (const t of toks) {
    if (t.k === 'ws') {
      prevWasSpace = true;
      continue;
    }
    const operandStart = t.k === 'num' || t.k === 'str' || t.k === 'id' || t.k === '(';
    const prevOperandEnd =
      prev !== null && (prev.k === 'num' || prev.k === 'str' || prev.k === 'id' || prev.k === ')');
    if (operandStart && prevOperandEnd) {
      const call = t.k === '(' && prev!.k === 'id' && !prevWasSpace;
      const intersect =
        prevWasSpace && t.k === 'id' && prev!.k === 'id' && looksLikeRef(t.v) && looksLikeRef(prev!.v);
      if (!call && !intersect) bad('two operands side by side');
    }
    if (t.k === '(') depth++;
    if (t.k === ')') {
      depth--;
      if (depth < 0) bad('unbalanced parentheses');
      if (prev && prev.k === 'op' && prev.v !== '%') bad('operator before ")"');
    }
    prev = t;
    prevWasSpace = false;
  }
  if (depth !== 0) bad('unbalanced parentheses');
  if (prev && prev.k === 'op' && prev.v !== '%') bad('it ends with an operator');
}

/** Plain arithmetic on numbers, or a text literal; anything else is #NAME?. */
function evaluate(all: Tok[]): CellValue {
  const toks = all.filter((t) => t.k !== 'ws');
  if (toks.some((t) => t.k === 'id' || t.k === 'sep')) return '#NAME?';
  if (toks.length === 1 && toks[0]!.k === 'str') return toks[0]!.v;
  if (toks.some((t) => t.k === 'str' || (t.k === 'op' && !'+-*/^%'.includes(t.v)))) return '#VALUE!';
  let i = 0;
  const peek = (): Tok | undefined => toks[i];
  const expr = (): number => {
    let v = term();
    while (peek()?.k === 'op' && (peek()!.v === '+' || peek()!.v === '-')) {
      const op = toks[i++]!.v;
      const r = term();
      v = op === '+' ? v + r : v - r;
    }
    return v;
  };
  const term = (): number => {
    let v = power();
    while (peek()?.k === 'op' && (peek()!.v === '*' || peek()!.v === '/')) {
      const op = toks[i++]!.v;
      const r = power();
      if (op === '/' && r === 0) throw new DivZero();
      v = op === '*' ? v * r : v / r;
    }
    return v;
  };
  const power = (): number => {
    let v = unary();
    while (peek()?.k === 'op' && peek()!.v === '^') {
      i++;
      v = Math.pow(v, unary());
    }
    return v;
  };
  const unary = (): number => {
    const t = peek();
    if (t?.k === 'op' && (t.v === '-' || t.v === '+')) {
      i++;
      const v = unary();
      return t.v === '-' ? -v : v;
    }
    let v = primary();
    while (peek()?.k === 'op' && peek()!.v === '%') {
      i++;
      v /= 100;
    }
    return v;
  };
  const primary = (): number => {
    const t = toks[i++];
    if (t?.k === 'num') return t.v;
    if (t?.k === '(') {
      const v = expr();
      i++;
      return v;
    }
    throw new Unparsed();
  };
  try {
    const v = expr();
    if (i !== toks.length || !Number.isFinite(v)) return '#VALUE!';
    return round15(v);
  } catch (e) {
    if (e instanceof DivZero) return '#DIV/0!';
    return '#VALUE!';
  }
}

class DivZero extends Error {}
class Unparsed extends Error {}
