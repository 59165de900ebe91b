/**
 * The proxy objects of the fake Excel: what Office.js hands to an add-in (Worksheet, Range, Table,
 * RangeFormat…). As in Office.js:
 * - every object is a local placeholder: methods that return objects (getRange, getItem, add…) return
 *   a new proxy at once; what it points at is worked out when the request runs (at sync, in queue
 *   order) — getItem on a missing name fails THAT sync with ItemNotFound, getItemOrNullObject gives an
 *   object whose isNullObject is true after the sync (and on which sets and methods do nothing);
 * - scalar properties throw PropertyNotLoaded until load(…) and a sync; after the sync they hold a
 *   snapshot taken at that point of the request; setting a property queues a write (and the proxy
 *   keeps the value set, as Office.js does);
 * - collections give `items` after load('items/name') (or load('name')) and a sync.
 * Stricter than Office.js on purpose: reading or setting a member the fake does not implement throws
 * (code FakeNotImplemented) instead of silently making a JavaScript expando.
 * Ranges that a proxy resolved keep pointing at the same cells when rows are inserted or deleted above
 * them (as tracked Office.js ranges do); a TableRow stays at its index (as Office.js documents).
 */
import {
  MAX_COLS,
  MAX_ROWS,
  WHOLE_SHEET,
  checkInSheet,
  cols,
  fullAddress,
  intersects,
  rectAddress,
  rows,
  isFullColumns,
  isFullRows,
  type Rect,
} from './address';
import { ErrorCodes, FakeOfficeError, fail, propertyNotLoaded } from './errors';
import { ActionType, PathType, utf8Length, wireName, type WirePath } from './request-size';
import { intern, normalizeColor, type BorderSide, type Style } from './styles';
import {
  RangeRef,
  SheetModel,
  TableModel,
  WorkbookModel,
  type ConditionalFormatModel,
  type DataValidationModel,
} from './workbook-model';

export const NULL: unique symbol = Symbol('fake-excel null object');
type Resolved = unknown;

/** What running one request needs. */
export interface Exec {
  readonly wb: WorkbookModel;
  /** Is ExcelApi `version` supported by the fake host? */
  supports(version: string): boolean;
  /** Applied when the whole request succeeded (loaded values reach the proxies). */
  readonly commits: (() => void)[];
  responseBytes: number;
  calcSuspended: boolean;
}

export interface PendingAction {
  id: number;
  type: number;
  obj: ClientObject;
  name: string;
  args?: unknown[];
  select?: string[];
  /** "Range.values", for error messages. */
  location: string;
  /** ExcelApi version the action needs. */
  req: string | null;
  run(x: Exec): void;
}

/** The part of the request context the proxies use. */
export interface ContextLike {
  readonly _wb: WorkbookModel;
  _queue(a: Omit<PendingAction, 'id'>): void;
  _nextId(): number;
  _track(ref: RangeRef): void;
}

interface PropDef<T> {
  get?: (t: T, x: Exec) => unknown;
  set?: (t: T, v: unknown, x: Exec) => void;
  /** ExcelApi version to read (and write) it. */
  req?: string;
  /** ExcelApi version to write it, when different. */
  setReq?: string;
  /** Not loaded by load() without arguments (expensive or huge). */
  explicitOnly?: boolean;
}

type AnyClass = { new (...args: never[]): ClientObject } & ClassInfo;

interface ClassInfo {
  typeName: string;
  classReq: string | null;
  props: Record<string, PropDef<never>>;
  navs: Record<string, NavDef>;
  isCollection: boolean;
  itemClass: AnyClass | null;
}

interface NavDef {
  cls: () => AnyClass;
  make: (self: ClientObject) => ClientObject;
}

interface Spec {
  all: boolean;
  props: Set<string>;
  navs: Map<string, Spec>;
  items: Spec | null;
}

const newSpec = (all = false): Spec => ({ all, props: new Set(), navs: new Map(), items: null });

// ---------------------------------------------------------------------------------------------
// Strictness: unknown members throw.

const PASS = new Set([
  'then',
  'toJSON',
  'constructor',
  'asymmetricMatch',
  'nodeType',
  'tagName',
  'inspect',
  'length',
  'toString',
  'valueOf',
]);

const HANDLER: ProxyHandler<ClientObject> = {
  get(t, key, receiver) {
    if (
      typeof key === 'string' &&
      !(key in t) &&
      !PASS.has(key) &&
      !key.startsWith('_') &&
      !key.startsWith('$$') &&
      !key.startsWith('@@')
    ) {
      throw new FakeOfficeError(
        ErrorCodes.fakeNotImplemented,
        `${info(t).typeName}.${key} is not implemented by the fake`,
      );
    }
    return Reflect.get(t, key, receiver) as unknown;
  },
  set(t, key, v, receiver) {
    if (typeof key === 'string' && !(key in t) && !key.startsWith('_')) {
      throw new FakeOfficeError(
        ErrorCodes.fakeNotImplemented,
        `${info(t).typeName}.${key} is not a property the fake knows (a typo?)`,
      );
    }
    return Reflect.set(t, key, v, receiver);
  },
};

function info(o: ClientObject): ClassInfo {
  return o.constructor as unknown as ClassInfo;
}

function versionAtLeast(a: string | null, b: string | null): string | null {
  if (!a) return b;
  if (!b) return a;
  return compareVersions(a, b) >= 0 ? a : b;
}

export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

// ---------------------------------------------------------------------------------------------
// The base

export class ClientObject {
  static typeName = 'ClientObject';
  static classReq: string | null = null;
  static props: Record<string, PropDef<never>> = {};
  static navs: Record<string, NavDef> = {};
  static isCollection = false;
  static itemClass: AnyClass | null = null;

  readonly _id: number;
  _target: Resolved | typeof NULL | undefined = undefined;
  _isNullKnown: boolean | undefined = undefined;
  readonly _loaded = new Map<string, unknown>();
  readonly _navCache = new Map<string, ClientObject>();
  _itemsLoaded: ClientObject[] | undefined = undefined;
  _orNull = false;

  constructor(
    readonly _ctx: ContextLike,
    readonly _parent: ClientObject | null,
    readonly _pathType: number,
    readonly _pathName: string,
    readonly _pathArgs: unknown[],
    readonly _resolver: ((parentTarget: never, x: Exec) => Resolved) | null,
  ) {
    this._id = _ctx._nextId();
    return new Proxy(this, HANDLER);
  }

  get context(): ContextLike {
    return this._ctx;
  }

  get isNullObject(): boolean {
    if (this._isNullKnown === undefined) throw propertyNotLoaded('isNullObject');
    return this._isNullKnown;
  }

  /** The RichApi object path of this proxy (for the request size). */
  _wirePath(): WirePath {
    const p: WirePath = { Id: this._id, ObjectPathType: this._pathType, Name: this._pathName };
    if (this._parent) p.ParentObjectPathId = this._parent._id;
    if (this._pathType === PathType.method || this._pathType === PathType.indexer)
      p.ArgumentInfo = { Arguments: wireArgs(this._pathArgs) };
    return p;
  }

  /** The ExcelApi version this object needs (the most demanding class on its path). */
  _classReq(): string | null {
    const own = info(this).classReq;
    return this._parent ? versionAtLeast(own, this._parent._classReq()) : own;
  }

  _location(member: string): string {
    return `${info(this).typeName}.${member}`;
  }

  /** What the proxy points at, worked out (once) while a request runs. */
  _resolve(x: Exec): Resolved | typeof NULL {
    if (this._target !== undefined) {
      if (this._target !== NULL) this._checkAlive(this._target, x);
      return this._target;
    }
    if (!this._resolver) {
      fail(
        ErrorCodes.invalidObjectPath,
        `${info(this).typeName} was made by a request that did not run (it failed)`,
      );
    }
    const pt = this._parent ? this._parent._resolve(x) : undefined;
    if (pt === NULL) {
      this._target = NULL;
      return NULL;
    }
    try {
      this._target = this._resolver(pt as never, x);
    } catch (e) {
      if (this._orNull && e instanceof FakeOfficeError && e.code === ErrorCodes.itemNotFound)
        this._target = NULL;
      else throw e;
    }
    return this._target;
  }

  /** Binds a proxy made by an add…() to what the add made. */
  _bind(t: Resolved): void {
    this._target = t;
  }

  _checkAlive(t: Resolved, x: Exec): void {
    if (t instanceof SheetModel && !x.wb.sheets.includes(t))
      fail(ErrorCodes.itemNotFound, `worksheet "${t.name}" was deleted`);
    if (t instanceof TableModel && !x.wb.tables.includes(t))
      fail(ErrorCodes.itemNotFound, `table "${t.name}" was deleted`);
    if (t instanceof RangeRef && (t.deleted || !x.wb.sheets.includes(t.sheet)))
      fail(ErrorCodes.invalidReference, 'the range was deleted');
  }

  // -------------------------------------------------------------------------------------------
  // Properties

  _get(name: string): unknown {
    if (this._loaded.has(name)) return this._loaded.get(name);
    if (this._isNullKnown === true) return undefined; // Office.js: properties of a null object read undefined
    throw propertyNotLoaded(name);
  }

  _set(name: string, value: unknown): void {
    const def = info(this).props[name]!;
    if (!def.set)
      throw new TypeError(`Cannot set property ${name} of ${info(this).typeName}, which has only a getter`);
    this._loaded.set(name, value);
    const setter = def.set as (t: unknown, v: unknown, x: Exec) => void;
    this._ctx._queue({
      type: ActionType.setProperty,
      obj: this,
      name: wireName(name),
      args: [value],
      location: this._location(name),
      req: versionAtLeast(this._classReq(), def.setReq ?? def.req ?? null),
      run: (x) => {
        const t = this._resolve(x);
        if (t === NULL) return;
        setter(t, value, x);
      },
    });
  }

  _nav(name: string): ClientObject {
    let child = this._navCache.get(name);
    if (!child) {
      const def = info(this).navs[name];
      if (!def) throw new FakeOfficeError(ErrorCodes.fakeNotImplemented, `${info(this).typeName}.${name}`);
      child = def.make(this);
      this._navCache.set(name, child);
    }
    return child;
  }

  /** Queues a method call on this object; `fn` runs at sync with the resolved target. */
  _method(member: string, args: unknown[], fn: (t: never, x: Exec) => void, req: string | null = null): void {
    this._ctx._queue({
      type: ActionType.method,
      obj: this,
      name: wireName(member),
      args,
      location: this._location(member),
      req: versionAtLeast(this._classReq(), req),
      run: (x) => {
        const t = this._resolve(x);
        if (t === NULL) return;
        fn(t as never, x);
      },
    });
  }

  /** A proxy for an object got by a method (getRange, getItem…), resolved lazily. */
  _child<C extends ClientObject>(
    cls: new (
      ctx: ContextLike,
      parent: ClientObject | null,
      pathType: number,
      name: string,
      args: unknown[],
      resolver: ((pt: never, x: Exec) => Resolved) | null,
    ) => C,
    member: string,
    args: unknown[],
    resolver: ((pt: never, x: Exec) => Resolved) | null,
    opts: { orNull?: boolean; req?: string } = {},
  ): C {
    const wrapped = resolver;
    const req = opts.req ?? null;
    const guarded: ((pt: never, x: Exec) => Resolved) | null = wrapped
      ? (pt, x) => {
          if (req && !x.supports(req))
            fail(ErrorCodes.apiNotFound, `${this._location(member)} needs ExcelApi ${req}`);
          return wrapped(pt, x);
        }
      : null;
    const child = new cls(this._ctx, this, PathType.method, wireName(member), args, guarded);
    if (opts.orNull) {
      child._orNull = true;
      // Office.js tells after the next sync whether the object exists.
      this._ctx._queue({
        type: ActionType.instantiate,
        obj: child,
        name: '',
        location: this._location(member),
        req: versionAtLeast(child._classReq(), req),
        run: (x) => {
          const t = child._resolve(x);
          x.commits.push(() => {
            child._isNullKnown = t === NULL;
          });
        },
      });
    }
    return child;
  }

  // -------------------------------------------------------------------------------------------
  // load

  load(spec?: unknown): this {
    const s = parseSpec(info(this) as unknown as AnyClass, spec);
    const select = [...s.props];
    this._ctx._queue({
      type: ActionType.query,
      obj: this,
      name: '',
      select,
      location: this._location('load'),
      req: this._classReq(),
      run: (x) => {
        x.commits.push(this._query(s, x));
      },
    });
    return this;
  }

  /** Takes the loaded snapshot (while the request runs); returns what delivers it on success. */
  _query(spec: Spec, x: Exec): () => void {
    const t = this._resolve(x);
    if (t === NULL) {
      x.responseBytes += 20;
      return () => {
        this._isNullKnown = true;
      };
    }
    const cls = info(this);
    const names = spec.all
      ? Object.keys(cls.props).filter((p) => {
          const d = cls.props[p]!;
          return d.get && !d.explicitOnly && (!d.req || x.supports(d.req));
        })
      : [...spec.props];
    const vals: [string, unknown][] = [];
    for (const p of names) {
      const def = cls.props[p]!;
      if (!def.get) fail(ErrorCodes.invalidArgument, `${cls.typeName}.${p} cannot be read`);
      if (def.req && !x.supports(def.req)) {
        throw new FakeOfficeError(
          ErrorCodes.apiNotFound,
          `${cls.typeName}.${p} needs ExcelApi ${def.req}`,
        ).at(this._location(p));
      }
      try {
        vals.push([p, (def.get as (t: unknown, x: Exec) => unknown)(t, x)]);
      } catch (e) {
        if (e instanceof FakeOfficeError) e.at(this._location(p));
        throw e;
      }
    }
    x.responseBytes += utf8Length(JSON.stringify(Object.fromEntries(vals))) + 24;
    const commits: (() => void)[] = [];
    for (const [name, childSpec] of spec.navs) commits.push(this._nav(name)._query(childSpec, x));
    let items: ClientObject[] | undefined;
    if (spec.items) {
      items = this._enumerate(t, x).map((it) => this._makeItem(it));
      for (const it of items) commits.push(it._query(spec.items, x));
    }
    return () => {
      this._isNullKnown = false;
      for (const [k, v] of vals) this._loaded.set(k, v);
      for (const c of commits) c();
      if (items) this._itemsLoaded = items;
    };
  }

  _enumerate(_t: unknown, _x: Exec): Resolved[] {
    return [];
  }

  _makeItem(_t: Resolved): ClientObject {
    throw new FakeOfficeError(ErrorCodes.fakeNotImplemented, `${info(this).typeName} has no items`);
  }

  /** Office.js's set({…}): sets several properties (and properties of child objects) at once. */
  set(props: Record<string, unknown>): void {
    const cls = info(this);
    for (const [k, v] of Object.entries(props)) {
      if (cls.props[k]) (this as unknown as Record<string, unknown>)[k] = v;
      else if (cls.navs[k] && v && typeof v === 'object') this._nav(k).set(v as Record<string, unknown>);
      else throw new FakeOfficeError(ErrorCodes.fakeNotImplemented, `${cls.typeName}.set({ ${k} })`);
    }
  }

  toJSON(): Record<string, unknown> {
    const out: Record<string, unknown> = Object.fromEntries(this._loaded);
    for (const [k, child] of this._navCache) {
      const j = child.toJSON();
      if (Object.keys(j).length) out[k] = j;
    }
    if (this._itemsLoaded) out.items = this._itemsLoaded.map((i) => i.toJSON());
    return out;
  }
}

/** Collections: items after load. */
export class ClientCollection extends ClientObject {
  static override isCollection = true;

  get items(): ClientObject[] {
    if (!this._itemsLoaded) throw propertyNotLoaded('items');
    return this._itemsLoaded;
  }
}

function wireArgs(args: unknown[]): unknown[] {
  return args.map((a) => (a instanceof ClientObject ? { ObjectPathId: a._id } : a === undefined ? null : a));
}

/** Makes accessors for the props and navs declared on each class. */
function defineMembers(cls: AnyClass): void {
  for (const name of Object.keys(cls.props)) {
    Object.defineProperty(cls.prototype, name, {
      configurable: true,
      get(this: ClientObject) {
        return this._get(name);
      },
      set(this: ClientObject, v: unknown) {
        this._set(name, v);
      },
    });
  }
  for (const name of Object.keys(cls.navs)) {
    Object.defineProperty(cls.prototype, name, {
      configurable: true,
      get(this: ClientObject) {
        return this._nav(name);
      },
    });
  }
}

function parseSpec(cls: AnyClass, input: unknown): Spec {
  const spec = newSpec(input === undefined || input === null);
  const addPath = (c: AnyClass, s: Spec, segs: string[]): void => {
    const [head, ...rest] = segs;
    if (!head) return;
    if (c.isCollection) {
      if (head === 'items' || !(head in c.props)) {
        const item = c.itemClass!;
        s.items ??= newSpec(false);
        if (head === 'items') {
          if (rest.length === 0) s.items.all = true;
          else addPath(item, s.items, rest);
        } else addPath(item, s.items, segs);
        return;
      }
    }
    if (head in c.props) {
      if (rest.length)
        throw new FakeOfficeError(ErrorCodes.invalidArgument, `load: ${c.typeName}.${head} has no members`);
      s.props.add(head);
      return;
    }
    const nav = c.navs[head];
    if (nav) {
      let child = s.navs.get(head);
      if (!child) {
        child = newSpec(false);
        s.navs.set(head, child);
      }
      if (rest.length === 0) child.all = true;
      else addPath(nav.cls(), child, rest);
      return;
    }
    throw new FakeOfficeError(
      ErrorCodes.fakeNotImplemented,
      `load("${segs.join('/')}"): ${c.typeName}.${head} is not implemented by the fake`,
    );
  };
  const addString = (c: AnyClass, s: Spec, str: string): void => {
    for (const part of str.split(',')) {
      const p = part.trim();
      if (p)
        addPath(
          c,
          s,
          p.split('/').map((q) => q.trim()),
        );
    }
  };
  const addObject = (c: AnyClass, s: Spec, o: Record<string, unknown>): void => {
    if ('select' in o || 'expand' in o) {
      for (const k of ['select', 'expand'] as const) {
        const v = o[k];
        if (typeof v === 'string') addString(c, s, v);
        else if (Array.isArray(v)) v.forEach((p) => addString(c, s, String(p)));
      }
      return;
    }
    for (const [k, v] of Object.entries(o)) {
      if (k.startsWith('$')) continue;
      if (v === true) addPath(c, s, [k]);
      else if (v && typeof v === 'object') {
        if (c.isCollection && k === 'items') {
          s.items ??= newSpec(false);
          addObject(c.itemClass!, s.items, v as Record<string, unknown>);
        } else {
          const nav = c.navs[k];
          if (!nav)
            throw new FakeOfficeError(ErrorCodes.fakeNotImplemented, `load({ ${k} }) on ${c.typeName}`);
          let child = s.navs.get(k);
          if (!child) {
            child = newSpec(false);
            s.navs.set(k, child);
          }
          addObject(nav.cls(), child, v as Record<string, unknown>);
        }
      }
    }
  };
  if (typeof input === 'string') addString(cls, spec, input);
  else if (Array.isArray(input)) input.forEach((p) => addString(cls, spec, String(p)));
  else if (input && typeof input === 'object') addObject(cls, spec, input as Record<string, unknown>);
  if (cls.isCollection && spec.all) {
    spec.all = false;
    spec.items = newSpec(true);
  }
  return spec;
}

/** The result of a method that returns a value (getCount…): `value` after the sync. */
export class FakeClientResult<T> {
  private _v: T | undefined;
  private _has = false;
  get value(): T {
    if (!this._has) throw new FakeOfficeError(ErrorCodes.valueNotLoaded);
    return this._v as T;
  }
  _deliver(v: T): void {
    this._v = v;
    this._has = true;
  }
  toJSON(): { value: T | undefined } {
    return { value: this._v };
  }
}

function queueResult<T>(
  self: ClientObject,
  member: string,
  compute: (t: never, x: Exec) => T,
  req: string | null = null,
): FakeClientResult<T> {
  const result = new FakeClientResult<T>();
  self._method(
    member,
    [],
    (t, x) => {
      const v = compute(t, x);
      x.responseBytes += utf8Length(JSON.stringify(v ?? null)) + 24;
      x.commits.push(() => result._deliver(v));
    },
    req,
  );
  return result;
}

// ---------------------------------------------------------------------------------------------
// Value checks shared by setters

const bool = (v: unknown, what: string): boolean =>
  typeof v === 'boolean' ? v : fail(ErrorCodes.invalidArgument, `${what} must be a Boolean`);
const num = (v: unknown, what: string, min = 0): number =>
  typeof v === 'number' && Number.isFinite(v) && v >= min
    ? v
    : fail(ErrorCodes.invalidArgument, `${what} must be a number ≥ ${min}`);
const oneOf = (v: unknown, allowed: readonly string[], what: string): string =>
  typeof v === 'string' && allowed.includes(v)
    ? v
    : fail(ErrorCodes.invalidArgument, `${what} "${String(v)}" is not one of ${allowed.join(', ')}`);
const int = (v: unknown, what: string): number =>
  typeof v === 'number' && Number.isInteger(v)
    ? v
    : fail(ErrorCodes.invalidArgument, `${what} must be an integer`);

const H_ALIGN = [
  'General',
  'Left',
  'Center',
  'Right',
  'Fill',
  'Justify',
  'CenterAcrossSelection',
  'Distributed',
] as const;
const V_ALIGN = ['Top', 'Center', 'Bottom', 'Justify', 'Distributed'] as const;
const UNDERLINE = ['None', 'Single', 'Double', 'SingleAccountant', 'DoubleAccountant'] as const;
const BORDER_STYLE = [
  'None',
  'Continuous',
  'Dash',
  'DashDot',
  'DashDotDot',
  'Dot',
  'Double',
  'SlantDashDot',
] as const;
const BORDER_WEIGHT = ['Hairline', 'Thin', 'Medium', 'Thick'] as const;
const BORDER_INDEX = [
  'EdgeTop',
  'EdgeBottom',
  'EdgeLeft',
  'EdgeRight',
  'InsideVertical',
  'InsideHorizontal',
  'DiagonalDown',
  'DiagonalUp',
] as const;
export const PAPER_TYPES = [
  'A3',
  'A4',
  'A5',
  'B4',
  'B5',
  'Csheet',
  'Dsheet',
  'Envelope10',
  'Envelope11',
  'Envelope12',
  'Envelope14',
  'Envelope9',
  'EnvelopeB4',
  'EnvelopeB5',
  'EnvelopeB6',
  'EnvelopeC3',
  'EnvelopeC4',
  'EnvelopeC5',
  'EnvelopeC6',
  'EnvelopeC65',
  'EnvelopeDL',
  'EnvelopeItaly',
  'EnvelopeMonarch',
  'EnvelopePersonal',
  'Esheet',
  'Executive',
  'FanfoldLegalGerman',
  'FanfoldStdGerman',
  'FanfoldUS',
  'Folio',
  'Ledger',
  'Legal',
  'Letter',
  'LetterSmall',
  'Note',
  'Paper10x14',
  'Paper11x17',
  'Quarto',
  'Statement',
  'Tabloid',
] as const;

// ---------------------------------------------------------------------------------------------
// Workbook, application

export class Workbook extends ClientObject {
  static override typeName = 'Workbook';
  static override navs: Record<string, NavDef> = {
    worksheets: {
      cls: () => WorksheetCollection,
      make: (s) =>
        new WorksheetCollection(s._ctx, s, PathType.property, 'Worksheets', [], (wb: WorkbookModel) => wb),
    },
    tables: {
      cls: () => TableCollection,
      make: (s) =>
        new TableCollection(s._ctx, s, PathType.property, 'Tables', [], (wb: WorkbookModel) => ({
          wb,
          sheet: null,
        })),
    },
    application: {
      cls: () => Application,
      make: (s) =>
        new Application(s._ctx, s, PathType.property, 'Application', [], (wb: WorkbookModel) => wb),
    },
  };

  /** The selection of the active sheet; fails with InvalidSelection when it has several areas. */
  getSelectedRange(): ClientObject {
    return this._child(Range, 'getSelectedRange', [], (wb: WorkbookModel) => {
      const s = wb.activeSheet ?? fail(ErrorCodes.itemNotFound, 'no active sheet');
      if (s.selection.length !== 1)
        fail(ErrorCodes.invalidSelection, `${s.selection.length} areas are selected`);
      const ref = new RangeRef(s, { ...s.selection[0]! });
      this._ctx._track(ref);
      return ref;
    });
  }
  /** Every area selected on the active sheet. */
  getSelectedRanges(): ClientObject {
    return this._child(
      RangeAreas,
      'getSelectedRanges',
      [],
      (wb: WorkbookModel): AreasTarget => {
        const s = wb.activeSheet ?? fail(ErrorCodes.itemNotFound, 'no active sheet');
        return { sheet: s, rects: s.selection.map((r) => ({ ...r })) };
      },
      { req: '1.9' },
    );
  }
}

export class Application extends ClientObject {
  static override typeName = 'Application';
  static override props: Record<string, PropDef<never>> = {
    calculationMode: { get: () => 'Automatic' },
  };

  suspendApiCalculationUntilNextSync(): void {
    this._method(
      'suspendApiCalculationUntilNextSync',
      [],
      (_t, x) => {
        x.calcSuspended = true;
      },
      '1.6',
    );
  }
}

// ---------------------------------------------------------------------------------------------
// Worksheets

export class WorksheetCollection extends ClientCollection {
  static override typeName = 'WorksheetCollection';
  static override itemClass: AnyClass | null = null; // set below (Worksheet is declared later)

  getItem(key: string): ClientObject {
    return this._child(Worksheet, 'getItem', [key], (wb: WorkbookModel) => findSheet(wb, key));
  }
  getItemOrNullObject(key: string): ClientObject {
    return this._child(Worksheet, 'getItemOrNullObject', [key], (wb: WorkbookModel) => findSheet(wb, key), {
      orNull: true,
      req: '1.4',
    });
  }
  getActiveWorksheet(): ClientObject {
    return this._child(
      Worksheet,
      'getActiveWorksheet',
      [],
      (wb: WorkbookModel) => wb.activeSheet ?? fail(ErrorCodes.itemNotFound, 'no active sheet'),
    );
  }
  add(name?: string): ClientObject {
    const ws = this._child(Worksheet, 'add', [name], null);
    this._method('add', [name], (wb: WorkbookModel) => ws._bind(wb.addSheet(name)));
    return ws;
  }
  getCount(visibleOnly?: boolean): FakeClientResult<number> {
    return queueResult(
      this,
      'getCount',
      (wb: WorkbookModel) => wb.sheets.filter((s) => !visibleOnly || s.visibility === 'Visible').length,
      '1.4',
    );
  }
  override _enumerate(wb: WorkbookModel): Resolved[] {
    return [...wb.sheets];
  }
  override _makeItem(t: Resolved): ClientObject {
    const ws = new Worksheet(this._ctx, this, PathType.indexer, '', [(t as SheetModel).id], null);
    ws._bind(t);
    return ws;
  }
}

function findSheet(wb: WorkbookModel, key: string): SheetModel {
  if (typeof key !== 'string') fail(ErrorCodes.invalidArgument, 'worksheet key must be a string');
  return (
    wb.findSheet(key) ??
    wb.sheets.find((s) => s.id === key) ??
    fail(ErrorCodes.itemNotFound, `no worksheet "${key}"`)
  );
}

export class Worksheet extends ClientObject {
  static override typeName = 'Worksheet';
  static override props: Record<string, PropDef<never>> = {
    name: { get: (s: SheetModel) => s.name, set: (s: SheetModel, v, x) => x.wb.renameSheet(s, v) },
    id: { get: (s: SheetModel) => s.id },
    position: { get: (s: SheetModel) => s.position, set: (s: SheetModel, v, x) => x.wb.moveSheet(s, v) },
    visibility: {
      get: (s: SheetModel) => s.visibility,
      set: (s: SheetModel, v, x) => x.wb.setVisibility(s, v),
      setReq: '1.2',
    },
    tabColor: {
      get: (s: SheetModel) => s.tabColor,
      set: (s: SheetModel, v) => {
        s.tabColor = v === '' || v === null ? '' : normalizeColor(v, 'tabColor');
      },
      req: '1.7',
    },
    showGridlines: {
      get: (s: SheetModel) => s.showGridlines,
      set: (s: SheetModel, v) => (s.showGridlines = bool(v, 'showGridlines')),
      req: '1.8',
    },
  };
  static override navs: Record<string, NavDef> = {
    tables: {
      cls: () => TableCollection,
      make: (s) =>
        new TableCollection(s._ctx, s, PathType.property, 'Tables', [], (sheet: SheetModel) => ({
          wb: sheet.workbook,
          sheet,
        })),
    },
    freezePanes: {
      cls: () => WorksheetFreezePanes,
      make: (s) =>
        new WorksheetFreezePanes(
          s._ctx,
          s,
          PathType.property,
          'FreezePanes',
          [],
          (sheet: SheetModel) => sheet,
        ),
    },
    pageLayout: {
      cls: () => PageLayout,
      make: (s) =>
        new PageLayout(s._ctx, s, PathType.property, 'PageLayout', [], (sheet: SheetModel) => sheet),
    },
  };

  getRange(address?: string): ClientObject {
    return this._child(Range, 'getRange', [address], (sheet: SheetModel, x) =>
      this._ref(
        sheet,
        address === undefined || address === ''
          ? WHOLE_SHEET
          : x.wb.resolveAddress(address, sheet, true).rect,
      ),
    );
  }
  getRangeByIndexes(
    startRow: number,
    startColumn: number,
    rowCount: number,
    columnCount: number,
  ): ClientObject {
    return this._child(
      Range,
      'getRangeByIndexes',
      [startRow, startColumn, rowCount, columnCount],
      (sheet: SheetModel) => {
        for (const [v, w] of [
          [startRow, 'startRow'],
          [startColumn, 'startColumn'],
        ] as const)
          if (int(v, w) < 0) fail(ErrorCodes.invalidArgument, `${w} ${v}`);
        if (int(rowCount, 'rowCount') < 1 || int(columnCount, 'columnCount') < 1)
          fail(ErrorCodes.invalidArgument, `rowCount ${rowCount}, columnCount ${columnCount}`);
        return this._ref(sheet, {
          r0: startRow,
          c0: startColumn,
          r1: startRow + rowCount - 1,
          c1: startColumn + columnCount - 1,
        });
      },
      { req: '1.7' },
    );
  }
  getCell(row: number, column: number): ClientObject {
    return this._child(Range, 'getCell', [row, column], (sheet: SheetModel) =>
      this._ref(sheet, { r0: int(row, 'row'), c0: int(column, 'column'), r1: row, c1: column }),
    );
  }
  getUsedRange(valuesOnly?: boolean): ClientObject {
    return this._child(Range, 'getUsedRange', [valuesOnly], (sheet: SheetModel) =>
      this._ref(sheet, sheet.usedRect(Boolean(valuesOnly)) ?? { r0: 0, c0: 0, r1: 0, c1: 0 }),
    );
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): ClientObject {
    return this._child(
      Range,
      'getUsedRangeOrNullObject',
      [valuesOnly],
      (sheet: SheetModel) =>
        this._ref(
          sheet,
          sheet.usedRect(Boolean(valuesOnly)) ?? fail(ErrorCodes.itemNotFound, 'the sheet is empty'),
        ),
      { orNull: true, req: '1.4' },
    );
  }
  /** Several blocks of this sheet: "A1:B2, A5:B5" (or ";"-separated); the whole sheet without an address. */
  getRanges(address?: string): ClientObject {
    return this._child(
      RangeAreas,
      'getRanges',
      [address],
      (sheet: SheetModel, x): AreasTarget => {
        if (address === undefined || address === '') return { sheet, rects: [{ ...WHOLE_SHEET }] };
        if (typeof address !== 'string')
          fail(ErrorCodes.invalidArgument, 'getRanges: address must be a string');
        const rects = address.split(/[,;]/).map((part) => x.wb.resolveAddress(part.trim(), sheet, true).rect);
        return { sheet, rects };
      },
      { req: '1.9' },
    );
  }
  delete(): void {
    this._method('delete', [], (s: SheetModel, x) => x.wb.deleteSheet(s));
  }
  activate(): void {
    this._method('activate', [], (s: SheetModel, x) => {
      if (s.visibility !== 'Visible') fail(ErrorCodes.invalidOperation, 'a hidden sheet cannot be activated');
      x.wb.activeSheet = s;
    });
  }
  _ref(sheet: SheetModel, r: Rect): RangeRef {
    const ref = new RangeRef(sheet, checkInSheet(r));
    this._ctx._track(ref);
    return ref;
  }
}
WorksheetCollection.itemClass = Worksheet as unknown as AnyClass;

export class WorksheetFreezePanes extends ClientObject {
  static override typeName = 'WorksheetFreezePanes';
  static override classReq: string | null = '1.7';

  freezeRows(count?: number): void {
    this._method('freezeRows', [count], (s: SheetModel) => {
      const n = count === undefined ? 1 : int(count, 'freezeRows count');
      if (n < 0 || n >= MAX_ROWS) fail(ErrorCodes.invalidArgument, `freezeRows(${n})`);
      s.freeze = { rows: n, columns: 0 };
    });
  }
  freezeColumns(count?: number): void {
    this._method('freezeColumns', [count], (s: SheetModel) => {
      const n = count === undefined ? 1 : int(count, 'freezeColumns count');
      if (n < 0 || n >= MAX_COLS) fail(ErrorCodes.invalidArgument, `freezeColumns(${n})`);
      s.freeze = { rows: 0, columns: n };
    });
  }
  freezeAt(frozenRange: string | ClientObject): void {
    this._method('freezeAt', [frozenRange], (s: SheetModel, x) => {
      const r = rangeArg(frozenRange, s, x);
      s.freeze = { rows: r.rect.r1 + 1, columns: r.rect.c1 + 1 };
    });
  }
  unfreeze(): void {
    this._method('unfreeze', [], (s: SheetModel) => {
      s.freeze = { rows: 0, columns: 0 };
    });
  }
  getLocationOrNullObject(): ClientObject {
    return this._child(
      Range,
      'getLocationOrNullObject',
      [],
      (s: SheetModel) => {
        if (!s.freeze.rows && !s.freeze.columns) fail(ErrorCodes.itemNotFound, 'no frozen panes');
        const ref = new RangeRef(s, {
          r0: 0,
          c0: 0,
          r1: s.freeze.rows ? s.freeze.rows - 1 : MAX_ROWS - 1,
          c1: s.freeze.columns ? s.freeze.columns - 1 : MAX_COLS - 1,
        });
        this._ctx._track(ref);
        return ref;
      },
      { orNull: true },
    );
  }
}

/** A Range proxy or an address (on `sheet` unless it names another) → a range reference. */
function rangeArg(arg: unknown, sheet: SheetModel | null, x: Exec): { sheet: SheetModel; rect: Rect } {
  if (arg instanceof ClientObject) {
    const t = arg._resolve(x);
    if (!(t instanceof RangeRef)) fail(ErrorCodes.invalidArgument, 'expected a Range');
    return { sheet: t.sheet, rect: t.rect };
  }
  if (typeof arg !== 'string')
    fail(ErrorCodes.invalidArgument, `expected a range address, got ${String(arg)}`);
  const { sheet: s, rect: r } = x.wb.resolveAddress(arg, sheet ?? x.wb.activeSheet);
  return { sheet: s, rect: r };
}

export class PageLayout extends ClientObject {
  static override typeName = 'PageLayout';
  static override classReq: string | null = '1.9';
  static override props: Record<string, PropDef<never>> = {
    orientation: {
      get: (s: SheetModel) => s.pageLayout.orientation,
      set: (s: SheetModel, v) =>
        (s.pageLayout.orientation = oneOf(v, ['Portrait', 'Landscape'], 'orientation')),
    },
    paperSize: {
      get: (s: SheetModel) => s.pageLayout.paperSize,
      set: (s: SheetModel, v) => (s.pageLayout.paperSize = oneOf(v, PAPER_TYPES, 'paperSize')),
    },
    leftMargin: margin('leftMargin'),
    rightMargin: margin('rightMargin'),
    topMargin: margin('topMargin'),
    bottomMargin: margin('bottomMargin'),
    headerMargin: margin('headerMargin'),
    footerMargin: margin('footerMargin'),
    centerHorizontally: {
      get: (s: SheetModel) => s.pageLayout.centerHorizontally,
      set: (s: SheetModel, v) => (s.pageLayout.centerHorizontally = bool(v, 'centerHorizontally')),
    },
    centerVertically: {
      get: (s: SheetModel) => s.pageLayout.centerVertically,
      set: (s: SheetModel, v) => (s.pageLayout.centerVertically = bool(v, 'centerVertically')),
    },
    printGridlines: {
      get: (s: SheetModel) => s.pageLayout.printGridlines,
      set: (s: SheetModel, v) => (s.pageLayout.printGridlines = bool(v, 'printGridlines')),
    },
    zoom: {
      get: (s: SheetModel) => ({ ...s.pageLayout.zoom }),
      set: (s: SheetModel, v) => {
        if (!v || typeof v !== 'object') fail(ErrorCodes.invalidArgument, 'zoom must be an object');
        const z = v as Record<string, unknown>;
        const out: PageLayoutZoom = {};
        for (const k of ['horizontalFitToPages', 'verticalFitToPages', 'scale'] as const) {
          if (z[k] !== undefined && z[k] !== null) out[k] = num(z[k], `zoom.${k}`);
        }
        for (const k of Object.keys(z))
          if (!['horizontalFitToPages', 'verticalFitToPages', 'scale'].includes(k))
            fail(ErrorCodes.invalidArgument, `zoom.${k}`);
        s.pageLayout.zoom = out;
      },
    },
  };

  setPrintTitleRows(printTitleRows: string | ClientObject): void {
    this._method('setPrintTitleRows', [printTitleRows], (s: SheetModel, x) => {
      const r = rangeArg(printTitleRows, s, x);
      if (!isFullRows(r.rect))
        fail(ErrorCodes.invalidArgument, 'print title rows must be whole rows ("$1:$3")');
      s.pageLayout.printTitleRows = `$${r.rect.r0 + 1}:$${r.rect.r1 + 1}`;
    });
  }
  setPrintTitleColumns(printTitleColumns: string | ClientObject): void {
    this._method('setPrintTitleColumns', [printTitleColumns], (s: SheetModel, x) => {
      const r = rangeArg(printTitleColumns, s, x);
      if (!isFullColumns(r.rect))
        fail(ErrorCodes.invalidArgument, 'print title columns must be whole columns ("$A:$B")');
      s.pageLayout.printTitleColumns = rectAddress(r.rect);
    });
  }
  setPrintArea(printArea: string | ClientObject): void {
    this._method('setPrintArea', [printArea], (s: SheetModel, x) => {
      s.pageLayout.printArea = rectAddress(rangeArg(printArea, s, x).rect);
    });
  }
  setPrintMargins(unit: string, marginOptions: Record<string, unknown>): void {
    this._method('setPrintMargins', [unit, marginOptions], (s: SheetModel) => {
      const k =
        oneOf(unit, ['Points', 'Inches', 'Centimeters'], 'unit') === 'Points'
          ? 1
          : unit === 'Inches'
            ? 72
            : 72 / 2.54;
      const map: Record<string, keyof typeof s.pageLayout> = {
        left: 'leftMargin',
        right: 'rightMargin',
        top: 'topMargin',
        bottom: 'bottomMargin',
        header: 'headerMargin',
        footer: 'footerMargin',
      };
      for (const [key, v] of Object.entries(marginOptions ?? {})) {
        const field = map[key] ?? fail(ErrorCodes.invalidArgument, `margin "${key}"`);
        (s.pageLayout as unknown as Record<string, number>)[field] = num(v, `margin ${key}`) * k;
      }
    });
  }
}

interface PageLayoutZoom {
  horizontalFitToPages?: number;
  verticalFitToPages?: number;
  scale?: number;
}

function margin(
  field: 'leftMargin' | 'rightMargin' | 'topMargin' | 'bottomMargin' | 'headerMargin' | 'footerMargin',
): PropDef<SheetModel> {
  return {
    get: (s) => s.pageLayout[field],
    set: (s, v) => {
      s.pageLayout[field] = num(v, field);
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Ranges

const cellsOf = (ref: RangeRef): number => rows(ref.rect) * cols(ref.rect);

export class Range extends ClientObject {
  static override typeName = 'Range';
  static override props: Record<string, PropDef<never>> = {
    address: { get: (r: RangeRef) => fullAddress(r.sheet.name, r.rect) },
    addressLocal: { get: (r: RangeRef) => fullAddress(r.sheet.name, r.rect) },
    rowCount: { get: (r: RangeRef) => rows(r.rect) },
    columnCount: { get: (r: RangeRef) => cols(r.rect) },
    cellCount: { get: (r: RangeRef) => cellsOf(r) },
    rowIndex: { get: (r: RangeRef) => r.rect.r0 },
    columnIndex: { get: (r: RangeRef) => r.rect.c0 },
    isEntireColumn: { get: (r: RangeRef) => isFullColumns(r.rect), req: '1.7' },
    isEntireRow: { get: (r: RangeRef) => isFullRows(r.rect), req: '1.7' },
    values: {
      get: (r: RangeRef, x) => x.wb.values(r.sheet, r.rect),
      set: (r: RangeRef, v, x) => x.wb.writeValues(r.sheet, r.rect, v),
    },
    formulas: {
      get: (r: RangeRef, x) => x.wb.formulas(r.sheet, r.rect),
      set: (r: RangeRef, v, x) => x.wb.writeValues(r.sheet, r.rect, v),
    },
    numberFormat: {
      get: (r: RangeRef, x) => x.wb.numberFormats(r.sheet, r.rect),
      set: (r: RangeRef, v, x) => x.wb.writeNumberFormat(r.sheet, r.rect, v),
    },
    text: { get: (r: RangeRef, x) => x.wb.texts(r.sheet, r.rect) },
    valueTypes: { get: (r: RangeRef, x) => x.wb.valueTypes(r.sheet, r.rect) },
    columnHidden: {
      get: (r: RangeRef, x) => x.wb.columnHidden(r.sheet, r.rect),
      set: (r: RangeRef, v, x) => x.wb.setColumnHidden(r.sheet, r.rect, v),
      req: '1.2',
    },
    rowHidden: {
      get: (r: RangeRef, x) => x.wb.rowHidden(r.sheet, r.rect),
      set: (r: RangeRef, v, x) => x.wb.setRowHidden(r.sheet, r.rect, v),
      req: '1.2',
    },
  };
  static override navs: Record<string, NavDef> = {
    format: {
      cls: () => RangeFormat,
      make: (s) => new RangeFormat(s._ctx, s, PathType.property, 'Format', [], (r: RangeRef) => r),
    },
    conditionalFormats: {
      cls: () => ConditionalFormatCollection,
      make: (s) =>
        new ConditionalFormatCollection(
          s._ctx,
          s,
          PathType.property,
          'ConditionalFormats',
          [],
          (r: RangeRef) => r,
        ),
    },
    dataValidation: {
      cls: () => DataValidation,
      make: (s) => new DataValidation(s._ctx, s, PathType.property, 'DataValidation', [], (r: RangeRef) => r),
    },
    worksheet: {
      cls: () => Worksheet,
      make: (s) => new Worksheet(s._ctx, s, PathType.property, 'Worksheet', [], (r: RangeRef) => r.sheet),
    },
  };

  private _derived(member: string, args: unknown[], f: (r: Rect) => Rect, req?: string): ClientObject {
    return this._child(
      Range,
      member,
      args,
      (ref: RangeRef) => {
        const out = new RangeRef(ref.sheet, checkInSheet(f(ref.rect)));
        this._ctx._track(out);
        return out;
      },
      { req },
    );
  }

  getCell(row: number, column: number): ClientObject {
    return this._derived('getCell', [row, column], (r) => ({
      r0: r.r0 + int(row, 'row'),
      c0: r.c0 + int(column, 'column'),
      r1: r.r0 + row,
      c1: r.c0 + column,
    }));
  }
  getRow(row: number): ClientObject {
    return this._derived('getRow', [row], (r) => {
      if (int(row, 'row') < 0 || row >= rows(r))
        fail(ErrorCodes.invalidArgument, `getRow(${row}) of a ${rows(r)}-row range`);
      return { ...r, r0: r.r0 + row, r1: r.r0 + row };
    });
  }
  getColumn(column: number): ClientObject {
    return this._derived('getColumn', [column], (r) => {
      if (int(column, 'column') < 0 || column >= cols(r))
        fail(ErrorCodes.invalidArgument, `getColumn(${column}) of a ${cols(r)}-column range`);
      return { ...r, c0: r.c0 + column, c1: r.c0 + column };
    });
  }
  getEntireColumn(): ClientObject {
    return this._derived('getEntireColumn', [], (r) => ({ ...r, r0: 0, r1: MAX_ROWS - 1 }));
  }
  getEntireRow(): ClientObject {
    return this._derived('getEntireRow', [], (r) => ({ ...r, c0: 0, c1: MAX_COLS - 1 }));
  }
  getLastRow(): ClientObject {
    return this._derived('getLastRow', [], (r) => ({ ...r, r0: r.r1 }));
  }
  getLastColumn(): ClientObject {
    return this._derived('getLastColumn', [], (r) => ({ ...r, c0: r.c1 }));
  }
  getLastCell(): ClientObject {
    return this._derived('getLastCell', [], (r) => ({ r0: r.r1, c0: r.c1, r1: r.r1, c1: r.c1 }));
  }
  getOffsetRange(rowOffset: number, columnOffset: number): ClientObject {
    return this._derived('getOffsetRange', [rowOffset, columnOffset], (r) => ({
      r0: r.r0 + int(rowOffset, 'rowOffset'),
      r1: r.r1 + rowOffset,
      c0: r.c0 + int(columnOffset, 'columnOffset'),
      c1: r.c1 + columnOffset,
    }));
  }
  getResizedRange(deltaRows: number, deltaColumns: number): ClientObject {
    return this._derived(
      'getResizedRange',
      [deltaRows, deltaColumns],
      (r) => {
        const out = {
          ...r,
          r1: r.r1 + int(deltaRows, 'deltaRows'),
          c1: r.c1 + int(deltaColumns, 'deltaColumns'),
        };
        if (out.r1 < out.r0 || out.c1 < out.c0)
          fail(ErrorCodes.invalidArgument, `getResizedRange(${deltaRows}, ${deltaColumns}) leaves no cells`);
        return out;
      },
      '1.2',
    );
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): ClientObject {
    return this._child(
      Range,
      'getUsedRangeOrNullObject',
      [valuesOnly],
      (ref: RangeRef) => {
        const used = ref.sheet.usedRect(Boolean(valuesOnly));
        const inter = used && {
          r0: Math.max(used.r0, ref.rect.r0),
          c0: Math.max(used.c0, ref.rect.c0),
          r1: Math.min(used.r1, ref.rect.r1),
          c1: Math.min(used.c1, ref.rect.c1),
        };
        if (!inter || inter.r0 > inter.r1 || inter.c0 > inter.c1)
          fail(ErrorCodes.itemNotFound, 'no used cells in the range');
        const out = new RangeRef(ref.sheet, inter);
        this._ctx._track(out);
        return out;
      },
      { orNull: true, req: '1.4' },
    );
  }
  delete(shift: string): void {
    this._method('delete', [shift], (r: RangeRef, x) => x.wb.deleteCells(r.sheet, r.rect, shift));
  }
  insert(shift: string): ClientObject {
    const out = this._child(Range, 'insert', [shift], null);
    this._method('insert', [shift], (r: RangeRef, x) => {
      const rect = { ...r.rect };
      x.wb.insertCells(r.sheet, rect, shift);
      const ref = new RangeRef(r.sheet, rect);
      this._ctx._track(ref);
      out._bind(ref);
    });
    return out;
  }
  merge(across?: boolean): void {
    this._method('merge', [across], (r: RangeRef, x) => x.wb.merge(r.sheet, r.rect, Boolean(across)), '1.2');
  }
  unmerge(): void {
    this._method('unmerge', [], (r: RangeRef, x) => x.wb.unmerge(r.sheet, r.rect), '1.2');
  }
  clear(applyTo?: string): void {
    this._method('clear', [applyTo], (r: RangeRef, x) => x.wb.clear(r.sheet, r.rect, applyTo));
  }
  select(): void {
    this._method('select', [], (r: RangeRef, x) => {
      x.wb.activeSheet = r.sheet;
      r.sheet.selection = [{ ...r.rect }];
    });
  }
  /**
   * The merged areas that meet this range (whole, in row order); a null object when there are none.
   * Office.js documents that the method fails beyond 512 merged areas: the fake fails the request then.
   */
  getMergedAreasOrNullObject(): ClientObject {
    return this._child(
      RangeAreas,
      'getMergedAreasOrNullObject',
      [],
      (ref: RangeRef): AreasTarget => {
        const hits = ref.sheet.merges
          .filter((m) => intersects(m, ref.rect))
          .sort((a, b) => a.r0 - b.r0 || a.c0 - b.c0)
          .map((m) => ({ ...m }));
        if (hits.length === 0) fail(ErrorCodes.itemNotFound, 'no merged cells in the range');
        if (hits.length > MAX_MERGED_AREAS)
          fail(ErrorCodes.generalException, `${hits.length} merged areas (Excel returns at most 512)`);
        return { sheet: ref.sheet, rects: hits };
      },
      { orNull: true, req: '1.13' },
    );
  }
}

/** Office.js: getMergedAreasOrNullObject fails when the range has more merged areas than this. */
const MAX_MERGED_AREAS = 512;

/** What a RangeAreas points at: blocks of one sheet. */
interface AreasTarget {
  sheet: SheetModel;
  rects: Rect[];
}

const areasAddress = (a: AreasTarget): string => a.rects.map((r) => fullAddress(a.sheet.name, r)).join(', ');

/** Several blocks of cells of one sheet (ExcelApi 1.9): worksheet.getRanges, range.getMergedAreasOrNullObject. */
export class RangeAreas extends ClientObject {
  static override typeName = 'RangeAreas';
  static override classReq: string | null = '1.9';
  static override props: Record<string, PropDef<never>> = {
    /** "Sheet1!A1:B4, Sheet1!D1:D4", as Office.js documents it. */
    address: { get: (a: AreasTarget) => areasAddress(a) },
    addressLocal: { get: (a: AreasTarget) => areasAddress(a) },
    areaCount: { get: (a: AreasTarget) => a.rects.length },
    cellCount: { get: (a: AreasTarget) => a.rects.reduce((n, r) => n + rows(r) * cols(r), 0) },
  };

  /** Selects the blocks in the Excel UI (ExcelApi 1.18). */
  select(): void {
    this._method(
      'select',
      [],
      (a: AreasTarget, x) => {
        x.wb.activeSheet = a.sheet;
        a.sheet.selection = a.rects.map((r) => ({ ...r }));
      },
      '1.18',
    );
  }
}

// ---------------------------------------------------------------------------------------------
// Range formats

function styleProp<T>(
  get: (s: Style) => T,
  set: (s: Style, v: T) => Style,
  check: (v: unknown) => T,
  req?: string,
): PropDef<RangeRef> {
  return {
    get: (r, x) => x.wb.readStyle(r.sheet, r.rect, get),
    set: (r, v, x) => {
      const value = check(v);
      x.wb.updateStyle(r.sheet, r.rect, (s) => set(s, value));
    },
    req,
  };
}

export class RangeFormat extends ClientObject {
  static override typeName = 'RangeFormat';
  static override props: Record<string, PropDef<never>> = {
    columnWidth: {
      get: (r: RangeRef, x) => x.wb.uniformColumnWidth(r.sheet, r.rect),
      set: (r: RangeRef, v, x) => x.wb.setColumnWidth(r.sheet, r.rect, v),
      req: '1.2',
    },
    rowHeight: {
      get: (r: RangeRef, x) => x.wb.uniformRowHeight(r.sheet, r.rect),
      set: (r: RangeRef, v, x) => x.wb.setRowHeight(r.sheet, r.rect, v),
      req: '1.2',
    },
    wrapText: styleProp(
      (s) => s.wrapText,
      (s, v) => ({ ...s, wrapText: v }),
      (v) => bool(v, 'wrapText'),
    ),
    horizontalAlignment: styleProp(
      (s) => s.horizontalAlignment,
      (s, v) => ({ ...s, horizontalAlignment: v }),
      (v) => oneOf(v, H_ALIGN, 'horizontalAlignment'),
    ),
    verticalAlignment: styleProp(
      (s) => s.verticalAlignment,
      (s, v) => ({ ...s, verticalAlignment: v }),
      (v) => oneOf(v, V_ALIGN, 'verticalAlignment'),
    ),
  };
  static override navs: Record<string, NavDef> = {
    font: {
      cls: () => RangeFont,
      make: (s) => new RangeFont(s._ctx, s, PathType.property, 'Font', [], (r: RangeRef) => r),
    },
    fill: {
      cls: () => RangeFill,
      make: (s) => new RangeFill(s._ctx, s, PathType.property, 'Fill', [], (r: RangeRef) => r),
    },
    borders: {
      cls: () => RangeBorderCollection,
      make: (s) => new RangeBorderCollection(s._ctx, s, PathType.property, 'Borders', [], (r: RangeRef) => r),
    },
  };

  autofitRows(): void {
    this._method(
      'autofitRows',
      [],
      (r: RangeRef) => {
        if (isFullColumns(r.rect)) return;
        for (let i = r.rect.r0; i <= r.rect.r1; i++) {
          r.sheet.autofitRows.add(i);
          const p = r.sheet.rowProps.get(i);
          if (p) delete p.height;
        }
      },
      '1.2',
    );
  }
  autofitColumns(): void {
    this._method('autofitColumns', [], () => undefined, '1.2');
  }
}

export class RangeFont extends ClientObject {
  static override typeName = 'RangeFont';
  static override props: Record<string, PropDef<never>> = {
    name: styleProp(
      (s) => s.font.name,
      (s, v) => ({ ...s, font: { ...s.font, name: v } }),
      (v) => (typeof v === 'string' && v !== '' ? v : fail(ErrorCodes.invalidArgument, 'font name')),
    ),
    size: styleProp(
      (s) => s.font.size,
      (s, v) => ({ ...s, font: { ...s.font, size: v } }),
      (v) => num(v, 'font size', 1),
    ),
    bold: styleProp(
      (s) => s.font.bold,
      (s, v) => ({ ...s, font: { ...s.font, bold: v } }),
      (v) => bool(v, 'bold'),
    ),
    italic: styleProp(
      (s) => s.font.italic,
      (s, v) => ({ ...s, font: { ...s.font, italic: v } }),
      (v) => bool(v, 'italic'),
    ),
    strikethrough: styleProp(
      (s) => s.font.strikethrough,
      (s, v) => ({ ...s, font: { ...s.font, strikethrough: v } }),
      (v) => bool(v, 'strikethrough'),
    ),
    underline: styleProp(
      (s) => s.font.underline,
      (s, v) => ({ ...s, font: { ...s.font, underline: v } }),
      (v) => oneOf(v, UNDERLINE, 'underline'),
    ),
    color: styleProp(
      (s) => s.font.color,
      (s, v) => ({ ...s, font: { ...s.font, color: v } }),
      (v) => normalizeColor(v, 'font color'),
    ),
  };
}

export class RangeFill extends ClientObject {
  static override typeName = 'RangeFill';
  static override props: Record<string, PropDef<never>> = {
    color: styleProp(
      (s) => s.fill ?? '#FFFFFF',
      (s, v) => ({ ...s, fill: v }),
      (v) => normalizeColor(v, 'fill color'),
    ),
  };
  clear(): void {
    this._method('clear', [], (r: RangeRef, x) =>
      x.wb.updateStyle(r.sheet, r.rect, (s) => ({ ...s, fill: null })),
    );
  }
}

type Side = 'top' | 'bottom' | 'left' | 'right';

/** The cells and sides a border index covers, for reading (one side per cell). */
function borderCells(index: string, r: Rect): { rect: Rect | null; side: Side } {
  switch (index) {
    case 'EdgeTop':
      return { rect: { ...r, r1: r.r0 }, side: 'top' };
    case 'EdgeBottom':
      return { rect: { ...r, r0: r.r1 }, side: 'bottom' };
    case 'EdgeLeft':
      return { rect: { ...r, c1: r.c0 }, side: 'left' };
    case 'EdgeRight':
      return { rect: { ...r, c0: r.c1 }, side: 'right' };
    case 'InsideHorizontal':
      return { rect: r.r1 > r.r0 ? { ...r, r1: r.r1 - 1 } : null, side: 'bottom' };
    case 'InsideVertical':
      return { rect: r.c1 > r.c0 ? { ...r, c1: r.c1 - 1 } : null, side: 'right' };
    default:
      return fail(ErrorCodes.fakeNotImplemented, `border ${index}`);
  }
}

function setBorder(
  r: RangeRef,
  index: string,
  x: Exec,
  patch: (b: BorderSide | null) => BorderSide | null,
): void {
  const apply = (rect: Rect | null, side: Side): void => {
    if (!rect) return;
    x.wb.updateStyle(r.sheet, rect, (s) => ({
      ...s,
      borders: { ...s.borders, [side]: patch(s.borders[side]) },
    }));
  };
  const b = borderCells(index, r.rect);
  apply(b.rect, b.side);
  // Inside borders are shared by two cells: set the matching side of the neighbour too.
  if (index === 'InsideHorizontal' && r.rect.r1 > r.rect.r0) apply({ ...r.rect, r0: r.rect.r0 + 1 }, 'top');
  if (index === 'InsideVertical' && r.rect.c1 > r.rect.c0) apply({ ...r.rect, c0: r.rect.c0 + 1 }, 'left');
}

interface BorderTarget {
  ref: RangeRef;
  index: string;
}

function borderProp(
  field: keyof BorderSide,
  allowed: readonly string[] | null,
  dflt: string,
): PropDef<BorderTarget> {
  return {
    get: (b, x) => {
      const c = borderCells(b.index, b.ref.rect);
      if (!c.rect) return field === 'style' ? 'None' : dflt;
      return x.wb.readStyle(
        b.ref.sheet,
        c.rect,
        (s) => s.borders[c.side]?.[field] ?? (field === 'style' ? 'None' : dflt),
      );
    },
    set: (b, v, x) => {
      const value = allowed ? oneOf(v, allowed, `border ${field}`) : normalizeColor(v, 'border color');
      setBorder(b.ref, b.index, x, (old) => {
        if (field === 'style' && value === 'None') return null;
        const base: BorderSide = old ?? { style: 'Continuous', color: '#000000', weight: 'Thin' };
        return { ...base, [field]: value };
      });
    },
  };
}

export class RangeBorder extends ClientObject {
  static override typeName = 'RangeBorder';
  static override props: Record<string, PropDef<never>> = {
    style: borderProp('style', BORDER_STYLE, 'None'),
    weight: borderProp('weight', BORDER_WEIGHT, 'Thin'),
    color: borderProp('color', null, '#000000'),
    sideIndex: { get: (b: BorderTarget) => b.index },
  };
}

export class RangeBorderCollection extends ClientCollection {
  static override typeName = 'RangeBorderCollection';
  static override itemClass: AnyClass | null = RangeBorder as unknown as AnyClass;
  static override props: Record<string, PropDef<never>> = { count: { get: () => 8 } };

  getItem(index: string): ClientObject {
    return this._child(RangeBorder, 'getItem', [index], (r: RangeRef) => ({
      ref: r,
      index: oneOf(index, BORDER_INDEX, 'border index'),
    }));
  }
  override _enumerate(r: RangeRef): Resolved[] {
    return BORDER_INDEX.map((index) => ({ ref: r, index }));
  }
  override _makeItem(t: Resolved): ClientObject {
    const b = new RangeBorder(this._ctx, this, PathType.indexer, '', [(t as BorderTarget).index], null);
    b._bind(t);
    return b;
  }
}

// ---------------------------------------------------------------------------------------------
// Conditional formats (ExcelApi 1.6)

export class ConditionalFormatCollection extends ClientCollection {
  static override typeName = 'ConditionalFormatCollection';
  static override classReq: string | null = '1.6';
  static override itemClass: AnyClass | null = null; // set below
  static override props: Record<string, PropDef<never>> = {
    count: {
      get: (r: RangeRef) => r.sheet.conditionalFormats.filter((cf) => overlaps(cf.rect, r.rect)).length,
    },
  };

  add(type: string): ClientObject {
    const cf = this._child(ConditionalFormat, 'add', [type], null);
    this._method('add', [type], (r: RangeRef, x) =>
      cf._bind(x.wb.addConditionalFormat(r.sheet, r.rect, type)),
    );
    return cf;
  }
  clearAll(): void {
    this._method('clearAll', [], (r: RangeRef) => {
      r.sheet.conditionalFormats = r.sheet.conditionalFormats.filter((cf) => !overlaps(cf.rect, r.rect));
    });
  }
  getCount(): FakeClientResult<number> {
    return queueResult(
      this,
      'getCount',
      (r: RangeRef) => r.sheet.conditionalFormats.filter((cf) => overlaps(cf.rect, r.rect)).length,
    );
  }
  override _enumerate(r: RangeRef): Resolved[] {
    return r.sheet.conditionalFormats.filter((cf) => overlaps(cf.rect, r.rect));
  }
  override _makeItem(t: Resolved): ClientObject {
    const cf = new ConditionalFormat(
      this._ctx,
      this,
      PathType.indexer,
      '',
      [(t as ConditionalFormatModel).id],
      null,
    );
    cf._bind(t);
    return cf;
  }
}

const overlaps = (a: Rect, b: Rect): boolean => a.r0 <= b.r1 && b.r0 <= a.r1 && a.c0 <= b.c1 && b.c0 <= a.c1;

function customOnly(cf: ConditionalFormatModel): ConditionalFormatModel {
  if (cf.type !== 'Custom')
    fail(ErrorCodes.invalidArgument, `a ${cf.type} conditional format has no custom rule`);
  return cf;
}

export class ConditionalFormat extends ClientObject {
  static override typeName = 'ConditionalFormat';
  static override classReq: string | null = '1.6';
  static override props: Record<string, PropDef<never>> = {
    type: { get: (cf: ConditionalFormatModel) => cf.type },
    priority: { get: (cf: ConditionalFormatModel) => cf.sheet.conditionalFormats.indexOf(cf) },
    stopIfTrue: {
      get: (cf: ConditionalFormatModel) => cf.stopIfTrue,
      set: (cf: ConditionalFormatModel, v) => (cf.stopIfTrue = bool(v, 'stopIfTrue')),
    },
  };
  static override navs: Record<string, NavDef> = {
    custom: {
      cls: () => CustomConditionalFormat,
      make: (s) =>
        new CustomConditionalFormat(
          s._ctx,
          s,
          PathType.property,
          'Custom',
          [],
          (cf: ConditionalFormatModel) => customOnly(cf),
        ),
    },
  };
  delete(): void {
    this._method('delete', [], (cf: ConditionalFormatModel) => {
      cf.sheet.conditionalFormats = cf.sheet.conditionalFormats.filter((c) => c !== cf);
    });
  }
  getRange(): ClientObject {
    return this._child(Range, 'getRange', [], (cf: ConditionalFormatModel) => {
      const ref = new RangeRef(cf.sheet, cf.rect);
      this._ctx._track(ref);
      return ref;
    });
  }
}
ConditionalFormatCollection.itemClass = ConditionalFormat as unknown as AnyClass;

export class CustomConditionalFormat extends ClientObject {
  static override typeName = 'CustomConditionalFormat';
  static override classReq: string | null = '1.6';
  static override navs: Record<string, NavDef> = {
    rule: {
      cls: () => ConditionalFormatRule,
      make: (s) =>
        new ConditionalFormatRule(
          s._ctx,
          s,
          PathType.property,
          'Rule',
          [],
          (cf: ConditionalFormatModel) => cf,
        ),
    },
    format: {
      cls: () => ConditionalRangeFormat,
      make: (s) =>
        new ConditionalRangeFormat(
          s._ctx,
          s,
          PathType.property,
          'Format',
          [],
          (cf: ConditionalFormatModel) => cf,
        ),
    },
  };
}

export class ConditionalFormatRule extends ClientObject {
  static override typeName = 'ConditionalFormatRule';
  static override classReq: string | null = '1.6';
  static override props: Record<string, PropDef<never>> = {
    formula: {
      get: (cf: ConditionalFormatModel) => cf.formula,
      set: (cf: ConditionalFormatModel, v) => {
        if (typeof v !== 'string' || v.trim() === '')
          fail(ErrorCodes.invalidArgument, 'a conditional format formula must be a non-empty string');
        cf.formula = v;
      },
    },
  };
}

export class ConditionalRangeFormat extends ClientObject {
  static override typeName = 'ConditionalRangeFormat';
  static override classReq: string | null = '1.6';
  static override navs: Record<string, NavDef> = {
    fill: {
      cls: () => ConditionalRangeFill,
      make: (s) =>
        new ConditionalRangeFill(
          s._ctx,
          s,
          PathType.property,
          'Fill',
          [],
          (cf: ConditionalFormatModel) => cf,
        ),
    },
    font: {
      cls: () => ConditionalRangeFont,
      make: (s) =>
        new ConditionalRangeFont(
          s._ctx,
          s,
          PathType.property,
          'Font',
          [],
          (cf: ConditionalFormatModel) => cf,
        ),
    },
  };
}

export class ConditionalRangeFill extends ClientObject {
  static override typeName = 'ConditionalRangeFill';
  static override classReq: string | null = '1.6';
  static override props: Record<string, PropDef<never>> = {
    color: {
      get: (cf: ConditionalFormatModel) => cf.fill,
      set: (cf: ConditionalFormatModel, v) => (cf.fill = normalizeColor(v, 'conditional fill color')),
    },
  };
  clear(): void {
    this._method('clear', [], (cf: ConditionalFormatModel) => {
      cf.fill = null;
    });
  }
}

export class ConditionalRangeFont extends ClientObject {
  static override typeName = 'ConditionalRangeFont';
  static override classReq: string | null = '1.6';
  static override props: Record<string, PropDef<never>> = {
    color: {
      get: (cf: ConditionalFormatModel) => cf.fontColor,
      set: (cf: ConditionalFormatModel, v) => (cf.fontColor = normalizeColor(v, 'conditional font color')),
    },
    bold: {
      get: (cf: ConditionalFormatModel) => cf.bold,
      set: (cf: ConditionalFormatModel, v) => (cf.bold = bool(v, 'bold')),
    },
    italic: {
      get: (cf: ConditionalFormatModel) => cf.italic,
      set: (cf: ConditionalFormatModel, v) => (cf.italic = bool(v, 'italic')),
    },
  };
  clear(): void {
    this._method('clear', [], (cf: ConditionalFormatModel) => {
      cf.fontColor = null;
      cf.bold = null;
      cf.italic = null;
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Data validation (ExcelApi 1.8)

const DV_TYPES: Record<string, string> = {
  wholeNumber: 'WholeNumber',
  decimal: 'Decimal',
  textLength: 'TextLength',
  date: 'Date',
  time: 'Time',
  list: 'List',
  custom: 'Custom',
};

function dvField<K extends 'errorAlert' | 'prompt' | 'ignoreBlanks'>(
  key: K,
  check: (v: unknown) => DataValidationModel[K],
): PropDef<RangeRef> {
  return {
    get: (r, x) => {
      const dv = x.wb.validationOf(r.sheet, r.rect);
      if (dv === null) return null;
      if (dv === 'none') return key === 'ignoreBlanks' ? true : null;
      return JSON.parse(JSON.stringify(dv[key])) as unknown;
    },
    set: (r, v, x) => {
      const value = check(v);
      x.wb.updateValidation(r.sheet, r.rect, (dv) => ({ ...dv, [key]: value }));
    },
  };
}

export class DataValidation extends ClientObject {
  static override typeName = 'DataValidation';
  static override classReq: string | null = '1.8';
  static override props: Record<string, PropDef<never>> = {
    rule: {
      get: (r: RangeRef, x) => {
        const dv = x.wb.validationOf(r.sheet, r.rect);
        if (dv === null) return null;
        return dv === 'none' ? {} : (JSON.parse(JSON.stringify(dv.rule)) as unknown);
      },
      set: (r: RangeRef, v, x) => x.wb.setValidationRule(r.sheet, r.rect, ruleWithAddresses(v, x)),
    },
    type: {
      get: (r: RangeRef, x) => {
        const dv = x.wb.validationOf(r.sheet, r.rect);
        if (dv === null) return 'Inconsistent';
        if (dv === 'none') return 'None';
        return DV_TYPES[Object.keys(dv.rule)[0]!] ?? 'Custom';
      },
    },
    errorAlert: dvField('errorAlert', (v) => {
      if (!v || typeof v !== 'object') fail(ErrorCodes.invalidArgument, 'errorAlert must be an object');
      const o = v as Record<string, unknown>;
      return {
        showAlert: o.showAlert === undefined ? true : bool(o.showAlert, 'errorAlert.showAlert'),
        style:
          o.style === undefined
            ? 'Stop'
            : oneOf(o.style, ['Stop', 'Warning', 'Information'], 'errorAlert.style'),
        title: o.title === undefined ? '' : String(o.title),
        message: o.message === undefined ? '' : String(o.message),
      };
    }),
    prompt: dvField('prompt', (v) => {
      if (!v || typeof v !== 'object') fail(ErrorCodes.invalidArgument, 'prompt must be an object');
      const o = v as Record<string, unknown>;
      return {
        showPrompt: o.showPrompt === undefined ? true : bool(o.showPrompt, 'prompt.showPrompt'),
        title: o.title === undefined ? '' : String(o.title),
        message: o.message === undefined ? '' : String(o.message),
      };
    }),
    ignoreBlanks: dvField('ignoreBlanks', (v) => bool(v, 'ignoreBlanks')),
  };

  clear(): void {
    this._method('clear', [], (r: RangeRef, x) => x.wb.clearValidation(r.sheet, r.rect));
  }
}

/** A list rule's source may be a Range proxy: it becomes "=Sheet!A1:A5". */
function ruleWithAddresses(v: unknown, x: Exec): unknown {
  if (!v || typeof v !== 'object') return v;
  const list = (v as { list?: { source?: unknown } }).list;
  if (list && list.source instanceof ClientObject) {
    const t = list.source._resolve(x);
    if (!(t instanceof RangeRef)) fail(ErrorCodes.invalidArgument, 'list.source must be a Range');
    return { ...(v as object), list: { ...list, source: fullAddress(t.sheet.name, t.rect) } };
  }
  return v;
}

// ---------------------------------------------------------------------------------------------
// Tables

interface TableScope {
  wb: WorkbookModel;
  sheet: SheetModel | null;
}

function findTable(scope: TableScope, key: unknown): TableModel {
  if (typeof key !== 'string' && typeof key !== 'number')
    fail(ErrorCodes.invalidArgument, 'table key must be a name or id');
  const pool = scope.sheet ? scope.sheet.tables : scope.wb.tables;
  const k = String(key).toLowerCase();
  return (
    pool.find((t) => t.name.toLowerCase() === k || String(t.id) === k) ??
    fail(ErrorCodes.itemNotFound, `no table "${String(key)}"`)
  );
}

export class TableCollection extends ClientCollection {
  static override typeName = 'TableCollection';
  static override itemClass: AnyClass | null = null; // set below
  static override props: Record<string, PropDef<never>> = {
    count: { get: (s: TableScope) => (s.sheet ? s.sheet.tables.length : s.wb.tables.length) },
  };

  getItem(key: string): ClientObject {
    return this._child(Table, 'getItem', [key], (s: TableScope) => findTable(s, key));
  }
  getItemOrNullObject(key: string): ClientObject {
    return this._child(Table, 'getItemOrNullObject', [key], (s: TableScope) => findTable(s, key), {
      orNull: true,
      req: '1.4',
    });
  }
  getItemAt(index: number): ClientObject {
    return this._child(Table, 'getItemAt', [index], (s: TableScope) => {
      const pool = s.sheet ? s.sheet.tables : s.wb.tables;
      return pool[int(index, 'index')] ?? fail(ErrorCodes.itemNotFound, `no table at ${index}`);
    });
  }
  add(address: string | ClientObject, hasHeaders: boolean): ClientObject {
    const t = this._child(Table, 'add', [address, hasHeaders], null);
    this._method(
      'add',
      [address, hasHeaders],
      (s: TableScope, x) => {
        const r = rangeArg(address, s.sheet, x);
        if (s.sheet && r.sheet !== s.sheet)
          fail(ErrorCodes.invalidArgument, 'worksheet.tables.add: the address is on another sheet');
        if (typeof hasHeaders !== 'boolean') fail(ErrorCodes.invalidArgument, 'hasHeaders must be a Boolean');
        t._bind(x.wb.addTable(r.sheet, r.rect, hasHeaders));
      },
      address instanceof ClientObject ? '1.3' : null,
    );
    return t;
  }
  getCount(): FakeClientResult<number> {
    return queueResult(
      this,
      'getCount',
      (s: TableScope) => (s.sheet ? s.sheet.tables.length : s.wb.tables.length),
      '1.4',
    );
  }
  override _enumerate(s: TableScope): Resolved[] {
    return s.sheet ? s.sheet.tables : [...s.wb.tables];
  }
  override _makeItem(t: Resolved): ClientObject {
    const tb = new Table(this._ctx, this, PathType.indexer, '', [(t as TableModel).id], null);
    tb._bind(t);
    return tb;
  }
}

export class Table extends ClientObject {
  static override typeName = 'Table';
  static override props: Record<string, PropDef<never>> = {
    name: { get: (t: TableModel) => t.name, set: (t: TableModel, v, x) => x.wb.renameTable(t, v) },
    id: { get: (t: TableModel) => String(t.id) },
    style: { get: (t: TableModel) => t.style, set: (t: TableModel, v, x) => x.wb.setTableStyle(t, v) },
    showBandedRows: {
      get: (t: TableModel) => t.showBandedRows,
      set: (t: TableModel, v) => (t.showBandedRows = bool(v, 'showBandedRows')),
      req: '1.3',
    },
    showBandedColumns: {
      get: (t: TableModel) => t.showBandedColumns,
      set: (t: TableModel, v) => (t.showBandedColumns = bool(v, 'showBandedColumns')),
      req: '1.3',
    },
    showFilterButton: {
      get: (t: TableModel) => t.showFilterButton,
      set: (t: TableModel, v) => (t.showFilterButton = bool(v, 'showFilterButton')),
      req: '1.3',
    },
    showHeaders: {
      get: (t: TableModel) => t.showHeaders,
      set: (t: TableModel, v) => {
        if (bool(v, 'showHeaders') === false)
          fail(ErrorCodes.fakeNotImplemented, 'tables without a header row');
      },
    },
    showTotals: {
      get: (t: TableModel) => t.showTotals,
      set: (t: TableModel, v) => {
        if (bool(v, 'showTotals')) fail(ErrorCodes.fakeNotImplemented, 'tables with a totals row');
      },
    },
  };
  static override navs: Record<string, NavDef> = {
    rows: {
      cls: () => TableRowCollection,
      make: (s) => new TableRowCollection(s._ctx, s, PathType.property, 'Rows', [], (t: TableModel) => t),
    },
    columns: {
      cls: () => TableColumnCollection,
      make: (s) =>
        new TableColumnCollection(s._ctx, s, PathType.property, 'Columns', [], (t: TableModel) => t),
    },
    worksheet: {
      cls: () => Worksheet,
      make: (s) => new Worksheet(s._ctx, s, PathType.property, 'Worksheet', [], (t: TableModel) => t.sheet),
    },
  };

  private _range(member: string, f: (t: TableModel) => Rect): ClientObject {
    return this._child(Range, member, [], (t: TableModel) => {
      const ref = new RangeRef(t.sheet, f(t));
      this._ctx._track(ref);
      return ref;
    });
  }
  getRange(): ClientObject {
    return this._range('getRange', (t) => ({ ...t.rect }));
  }
  getHeaderRowRange(): ClientObject {
    return this._range('getHeaderRowRange', (t) => t.headerRect);
  }
  getDataBodyRange(): ClientObject {
    return this._range('getDataBodyRange', (t) => t.bodyRect);
  }
  resize(newRange: string | ClientObject): void {
    this._method(
      'resize',
      [newRange],
      (t: TableModel, x) => {
        const r = rangeArg(newRange, t.sheet, x);
        if (r.sheet !== t.sheet)
          fail(ErrorCodes.invalidArgument, 'resize: the new range is on another sheet');
        x.wb.resizeTable(t, r.rect);
      },
      '1.13',
    );
  }
  delete(): void {
    this._method('delete', [], (t: TableModel, x) => x.wb.deleteTable(t));
  }
  convertToRange(): ClientObject {
    const out = this._child(Range, 'convertToRange', [], null);
    this._method(
      'convertToRange',
      [],
      (t: TableModel, x) => {
        const ref = new RangeRef(t.sheet, { ...t.rect });
        this._ctx._track(ref);
        x.wb.convertToRange(t);
        out._bind(ref);
      },
      '1.2',
    );
    return out;
  }
}
TableCollection.itemClass = Table as unknown as AnyClass;

interface RowTarget {
  table: TableModel;
  index: number;
}

function rowRect(r: RowTarget): Rect {
  if (r.index >= r.table.rowCount)
    fail(ErrorCodes.invalidArgument, `table ${r.table.name} has no row ${r.index}`);
  const row = r.table.rect.r0 + 1 + r.index;
  return { r0: row, r1: row, c0: r.table.rect.c0, c1: r.table.rect.c1 };
}

export class TableRow extends ClientObject {
  static override typeName = 'TableRow';
  static override props: Record<string, PropDef<never>> = {
    index: { get: (r: RowTarget) => r.index },
    values: {
      get: (r: RowTarget, x) => x.wb.values(r.table.sheet, rowRect(r)),
      set: (r: RowTarget, v, x) => x.wb.writeValues(r.table.sheet, rowRect(r), v),
    },
  };
  getRange(): ClientObject {
    return this._child(Range, 'getRange', [], (r: RowTarget) => {
      const ref = new RangeRef(r.table.sheet, rowRect(r));
      this._ctx._track(ref);
      return ref;
    });
  }
  delete(): void {
    this._method('delete', [], (r: RowTarget, x) => x.wb.deleteCells(r.table.sheet, rowRect(r), 'Up'));
  }
}

export class TableRowCollection extends ClientCollection {
  static override typeName = 'TableRowCollection';
  static override itemClass: AnyClass | null = TableRow as unknown as AnyClass;
  static override props: Record<string, PropDef<never>> = {
    count: { get: (t: TableModel) => t.rowCount },
  };

  add(index?: number | null, values?: unknown, alwaysInsert?: boolean): ClientObject {
    const row = this._child(TableRow, 'add', [index, values, alwaysInsert], null);
    let req: string | null = null;
    if (Array.isArray(values) && values.length > 1) req = '1.4';
    if (alwaysInsert !== undefined) req = '1.15';
    this._method(
      'add',
      [index, values, alwaysInsert],
      (t: TableModel, x) => {
        const at = x.wb.addTableRows(t, index, values, alwaysInsert !== false);
        row._bind({ table: t, index: at });
      },
      req,
    );
    return row;
  }
  getItemAt(index: number): ClientObject {
    return this._child(TableRow, 'getItemAt', [index], (t: TableModel) => {
      if (int(index, 'index') < 0 || index >= t.rowCount)
        fail(ErrorCodes.itemNotFound, `table ${t.name} has no row ${index}`);
      return { table: t, index };
    });
  }
  getCount(): FakeClientResult<number> {
    return queueResult(this, 'getCount', (t: TableModel) => t.rowCount, '1.4');
  }
  override _enumerate(t: TableModel): Resolved[] {
    return Array.from({ length: t.rowCount }, (_, index) => ({ table: t, index }));
  }
  override _makeItem(t: Resolved): ClientObject {
    const r = new TableRow(this._ctx, this, PathType.indexer, '', [(t as RowTarget).index], null);
    r._bind(t);
    return r;
  }
}

interface ColTarget {
  table: TableModel;
  index: number;
}

function colRect(c: ColTarget, part: 'all' | 'header' | 'body'): Rect {
  const t = c.table;
  if (c.index >= cols(t.rect)) fail(ErrorCodes.itemNotFound, `table ${t.name} has no column ${c.index}`);
  const col = t.rect.c0 + c.index;
  const r0 = part === 'body' ? t.rect.r0 + 1 : t.rect.r0;
  const r1 = part === 'header' ? t.rect.r0 : t.rect.r1;
  return { r0, r1, c0: col, c1: col };
}

export class TableColumn extends ClientObject {
  static override typeName = 'TableColumn';
  static override props: Record<string, PropDef<never>> = {
    name: {
      get: (c: ColTarget) => c.table.columnNames[c.index],
      set: (c: ColTarget, v, x) => {
        if (typeof v !== 'string') fail(ErrorCodes.invalidArgument, 'a column name must be a string');
        x.wb.writeValues(c.table.sheet, colRect(c, 'header'), [["'" + v]]);
      },
      setReq: '1.4',
    },
    index: { get: (c: ColTarget) => c.index },
    id: { get: (c: ColTarget) => c.index + 1 },
    values: {
      get: (c: ColTarget, x) => x.wb.values(c.table.sheet, colRect(c, 'all')),
      set: (c: ColTarget, v, x) => x.wb.writeValues(c.table.sheet, colRect(c, 'all'), v),
    },
  };
  private _range(member: string, part: 'all' | 'header' | 'body'): ClientObject {
    return this._child(Range, member, [], (c: ColTarget) => {
      const ref = new RangeRef(c.table.sheet, colRect(c, part));
      this._ctx._track(ref);
      return ref;
    });
  }
  getRange(): ClientObject {
    return this._range('getRange', 'all');
  }
  getHeaderRowRange(): ClientObject {
    return this._range('getHeaderRowRange', 'header');
  }
  getDataBodyRange(): ClientObject {
    return this._range('getDataBodyRange', 'body');
  }
  delete(): void {
    this._method('delete', [], (c: ColTarget, x) => x.wb.deleteTableColumn(c.table, c.index));
  }
}

function findColumn(t: TableModel, key: unknown): ColTarget {
  const names = t.columnNames;
  let index = -1;
  if (typeof key === 'number') index = key - 1;
  else if (typeof key === 'string') index = names.findIndex((n) => n.toLowerCase() === key.toLowerCase());
  if (index < 0 || index >= names.length)
    fail(ErrorCodes.itemNotFound, `table ${t.name} has no column "${String(key)}"`);
  return { table: t, index };
}

export class TableColumnCollection extends ClientCollection {
  static override typeName = 'TableColumnCollection';
  static override itemClass: AnyClass | null = TableColumn as unknown as AnyClass;
  static override props: Record<string, PropDef<never>> = {
    count: { get: (t: TableModel) => cols(t.rect) },
  };

  getItem(key: string | number): ClientObject {
    return this._child(TableColumn, 'getItem', [key], (t: TableModel) => findColumn(t, key));
  }
  getItemOrNullObject(key: string | number): ClientObject {
    return this._child(TableColumn, 'getItemOrNullObject', [key], (t: TableModel) => findColumn(t, key), {
      orNull: true,
      req: '1.4',
    });
  }
  getItemAt(index: number): ClientObject {
    return this._child(TableColumn, 'getItemAt', [index], (t: TableModel) => {
      if (int(index, 'index') < 0 || index >= cols(t.rect))
        fail(ErrorCodes.itemNotFound, `table ${t.name} has no column ${index}`);
      return { table: t, index };
    });
  }
  add(index?: number | null, values?: unknown, name?: string): ClientObject {
    const col = this._child(TableColumn, 'add', [index, values, name], null);
    const req = index === null || index === undefined || index === -1 || name !== undefined ? '1.4' : null;
    this._method(
      'add',
      [index, values, name],
      (t: TableModel, x) => {
        const at = x.wb.addTableColumn(t, index, values, name);
        col._bind({ table: t, index: at });
      },
      req,
    );
    return col;
  }
  getCount(): FakeClientResult<number> {
    return queueResult(this, 'getCount', (t: TableModel) => cols(t.rect), '1.4');
  }
  override _enumerate(t: TableModel): Resolved[] {
    return t.columnNames.map((_, index) => ({ table: t, index }));
  }
  override _makeItem(t: Resolved): ClientObject {
    const c = new TableColumn(this._ctx, this, PathType.indexer, '', [(t as ColTarget).index], null);
    c._bind(t);
    return c;
  }
}

// ---------------------------------------------------------------------------------------------

for (const cls of [
  Workbook,
  Application,
  WorksheetCollection,
  Worksheet,
  WorksheetFreezePanes,
  PageLayout,
  Range,
  RangeAreas,
  RangeFormat,
  RangeFont,
  RangeFill,
  RangeBorder,
  RangeBorderCollection,
  ConditionalFormatCollection,
  ConditionalFormat,
  CustomConditionalFormat,
  ConditionalFormatRule,
  ConditionalRangeFormat,
  ConditionalRangeFill,
  ConditionalRangeFont,
  DataValidation,
  TableCollection,
  Table,
  TableRow,
  TableRowCollection,
  TableColumn,
  TableColumnCollection,
]) {
  defineMembers(cls as unknown as AnyClass);
}

export { intern };
