/**
 * The fake Excel: `createFakeExcel()` gives an `Excel` namespace (Excel.run, Excel.RequestContext,
 * the enums), an `Office` namespace (Office.context.requirements.isSetSupported, Office.onReady) and
 * `OfficeExtension` (Error, ErrorCodes), working on an in-memory workbook (`workbook`, for assertions),
 * with statistics of the round trips (`stats`).
 *
 * Requests, as Office.js sends them:
 * - One RequestContext per Excel.run. Operations queue up; `context.sync()` sends them as ONE request
 *   and applies them in order. A sync with nothing queued sends nothing (not counted as a round trip:
 *   `stats.emptySyncs`). When the batch's promise resolves, what is still queued is sent by a final
 *   sync (Office.js does the same); when it rejects, the queue is dropped.
 * - The request's size is estimated as Office.js would serialize it (JSON of the actions and object
 *   paths, values arrays included, in UTF-8 bytes: request-size.ts). Over `requestLimitBytes` (5 MB,
 *   Excel on the web) the sync rejects with code RequestPayloadSizeLimitExceeded and NOTHING of the
 *   request is applied (Excel never accepted it). Over `responseLimitBytes` (loaded data, 5 MB) it
 *   rejects with ResponsePayloadSizeLimitExceeded: the request DID run (its writes stay), the loaded
 *   values are not delivered.
 * - An operation that fails while the request runs (ItemNotFound, InvalidArgument…) rejects the sync;
 *   the operations before it in the request stay applied, the ones after it are not run (Excel has
 *   no transactions). Loaded values of a failed request are not delivered.
 * - `failSync`: the k-th round trip (1-based, counted over the fake's whole life, across runs; only
 *   syncs that send something count) fails with `failCode` (default GeneralException), as a dropped
 *   connection. failMode 'before' (default): the request is lost before it reaches Excel, nothing is
 *   applied; 'after': Excel applied all of it but the answer was lost.
 * - Requirement sets: Office.context.requirements.isSetSupported answers from `requirementSets`
 *   (default ExcelApi 1.17). An operation on a member of a newer ExcelApi fails at sync with
 *   ApiNotFound (as a host without that API does): table.resize 1.13, pageLayout 1.9, freezePanes and
 *   tabColor and getRangeByIndexes 1.7, conditionalFormats and suspendApiCalculationUntilNextSync 1.6,
 *   dataValidation 1.8, getItemOrNullObject 1.4, rows.add of several rows 1.4, …
 */
import type { FakeRequestContext } from './api-types';
import { ErrorCodes, FakeOfficeError } from './errors';
import {
  ClientObject,
  Workbook,
  compareVersions,
  type ContextLike,
  type Exec,
  type PendingAction,
} from './proxies';
import {
  ActionType,
  DEFAULT_LIMIT_BYTES,
  requestBytes,
  type WireAction,
  type WirePath,
} from './request-size';
import { RangeRef, WorkbookModel } from './workbook-model';

export interface FakeExcelOptions {
  /** Which round trip fails: its number (1-based, over the fake's life), or a test of the number. */
  failSync?: number | ((n: number) => boolean);
  /** 'before' (default): the failing request is lost before Excel runs it; 'after': it ran, the answer was lost. */
  failMode?: 'before' | 'after';
  /** Error code of the injected failure (default GeneralException). */
  failCode?: string;
  /** Largest request Excel accepts (default 5 MB = 5 × 1024 × 1024 bytes, Excel on the web). */
  requestLimitBytes?: number;
  /** Largest response (loaded data) Excel sends back (default 5 MB). */
  responseLimitBytes?: number;
  /** Supported requirement sets, e.g. { ExcelApi: '1.13' } (default { ExcelApi: '1.17' }). */
  requirementSets?: Record<string, string>;
  /** Start from this workbook (e.g. loaded from an .xlsx) instead of a new one with "Sheet1". */
  workbook?: WorkbookModel;
  /** Typed dates: month first (en-US, default) or day first (vi-VN). */
  dateOrder?: 'mdy' | 'dmy';
}

export type SyncOutcome =
  'ok' | 'too-large' | 'response-too-large' | 'failed-before' | 'failed-after' | 'error';

export interface RequestRecord {
  /** Round-trip number (1-based, over the fake's life). */
  n: number;
  /** Estimated request size in UTF-8 bytes. */
  bytes: number;
  /** Queued operations (actions) in the request. */
  ops: number;
  /** Estimated size of the loaded data sent back. */
  responseBytes: number;
  /** suspendApiCalculationUntilNextSync() was in this request. */
  calcSuspended: boolean;
  outcome: SyncOutcome;
  /** Error code when outcome is not 'ok'. */
  error?: string;
}

export interface FakeStats {
  /** Round trips: syncs that sent a request (whatever their outcome), including Excel.run's final one. */
  syncs: number;
  /** context.sync() calls with nothing queued (no round trip). */
  emptySyncs: number;
  requests: RequestRecord[];
  /** Largest request attempted, in bytes (refused ones included). */
  largestRequest: number;
  largestResponse: number;
  /** Excel.run calls. */
  runs: number;
}

/**
 * Excel.run. Generic in the context type so that the fake fits any structural description of the
 * Office.js API (the gateway's own types); by default the context is the fake's FakeRequestContext.
 */
export interface FakeExcelNamespace {
  run<T, C = FakeRequestContext>(batch: (context: C) => Promise<T>): Promise<T>;
  run<T, C = FakeRequestContext>(object: unknown, batch: (context: C) => Promise<T>): Promise<T>;
  RequestContext: new () => FakeRequestContext;
  ErrorCodes: typeof ErrorCodes;
  [en: string]: unknown;
}

export interface FakeOfficeNamespace {
  context: {
    host: string;
    platform: string;
    requirements: { isSetSupported(name: string, minVersion?: string | number): boolean };
    diagnostics: { host: string; platform: string; version: string };
  };
  onReady(
    callback?: (info: { host: string; platform: string }) => void,
  ): Promise<{ host: string; platform: string }>;
  HostType: { Excel: string };
  PlatformType: { OfficeOnline: string; PC: string; Mac: string };
}

export interface FakeExcel {
  Excel: FakeExcelNamespace;
  Office: FakeOfficeNamespace;
  OfficeExtension: {
    Error: typeof FakeOfficeError;
    ErrorCodes: typeof ErrorCodes;
    config: { extendedErrorLogging: boolean };
  };
  /** The in-memory workbook (assert on it; replaceable between runs with `useWorkbook`). */
  readonly workbook: WorkbookModel;
  readonly stats: FakeStats;
  resetStats(): void;
  /** Changes the injected failure (e.g. after a clean first run). */
  setFailSync(failSync: FakeExcelOptions['failSync'], failMode?: 'before' | 'after'): void;
  useWorkbook(wb: WorkbookModel): void;
  /** Sets globalThis.Excel / Office / OfficeExtension to the fake; returns the undo. */
  installGlobals(): () => void;
}

export function createFakeExcel(opts: FakeExcelOptions = {}): FakeExcel {
  let wb = opts.workbook ?? new WorkbookModel({ dateOrder: opts.dateOrder });
  let failSync = opts.failSync;
  let failMode = opts.failMode ?? 'before';
  const failCode = opts.failCode ?? ErrorCodes.generalException;
  const requestLimit = opts.requestLimitBytes ?? DEFAULT_LIMIT_BYTES;
  const responseLimit = opts.responseLimitBytes ?? DEFAULT_LIMIT_BYTES;
  const sets = opts.requirementSets ?? { ExcelApi: '1.17' };
  const stats: FakeStats = {
    syncs: 0,
    emptySyncs: 0,
    requests: [],
    largestRequest: 0,
    largestResponse: 0,
    runs: 0,
  };

  const isSetSupported = (name: string, minVersion?: string | number): boolean => {
    const have = Object.entries(sets).find(([k]) => k.toLowerCase() === String(name).toLowerCase())?.[1];
    if (have === undefined) return false;
    if (minVersion === undefined || minVersion === null || minVersion === '') return true;
    return compareVersions(have, String(minVersion)) >= 0;
  };

  const shouldFail = (n: number): boolean =>
    failSync === undefined ? false : typeof failSync === 'number' ? failSync === n : failSync(n);

  class RequestContext implements ContextLike {
    readonly workbook: Workbook;
    readonly application: ClientObject;
    readonly trackedObjects = { add: (): void => undefined, remove: (): void => undefined };
    _closed = false;
    private _pending: PendingAction[] = [];
    private _ids = 1;
    private readonly _refs: RangeRef[] = [];

    constructor() {
      this.workbook = new Workbook(this, null, 1, '', [], (_pt: never, x: Exec) => x.wb);
      this.application = this.workbook._nav('application');
    }

    get _wb(): WorkbookModel {
      return wb;
    }

    _nextId(): number {
      return this._ids++;
    }

    _queue(a: Omit<PendingAction, 'id'>): void {
      if (this._closed) {
        throw new FakeOfficeError(
          ErrorCodes.invalidObjectPath,
          `${a.location} used after its Excel.run ended`,
        );
      }
      this._pending.push({ ...a, id: this._nextId() });
    }

    _track(ref: RangeRef): void {
      wb.liveRanges.add(ref);
      this._refs.push(ref);
    }

    _close(): void {
      this._closed = true;
      this._pending = [];
      for (const r of this._refs) wb.liveRanges.delete(r);
    }

    get _hasPending(): boolean {
      return this._pending.length > 0;
    }

    async sync<T>(passThroughValue?: T): Promise<T | undefined> {
      if (this._closed)
        throw new FakeOfficeError(ErrorCodes.invalidObjectPath, 'context.sync() after its Excel.run ended');
      const actions = this._pending;
      this._pending = [];
      await Promise.resolve();
      if (actions.length === 0) {
        stats.emptySyncs++;
        return passThroughValue;
      }
      const n = ++stats.syncs;
      const bytes = measure(actions);
      const rec: RequestRecord = {
        n,
        bytes,
        ops: actions.length,
        responseBytes: 0,
        calcSuspended: false,
        outcome: 'ok',
      };
      stats.requests.push(rec);
      stats.largestRequest = Math.max(stats.largestRequest, bytes);
      const refuse = (outcome: SyncOutcome, e: FakeOfficeError): never => {
        rec.outcome = outcome;
        rec.error = e.code;
        throw e;
      };
      if (bytes > requestLimit) {
        refuse(
          'too-large',
          new FakeOfficeError(
            ErrorCodes.requestPayloadSizeLimitExceeded,
            `request of ${bytes} bytes, limit ${requestLimit}`,
          ),
        );
      }
      const failing = shouldFail(n);
      if (failing && failMode === 'before')
        refuse(
          'failed-before',
          new FakeOfficeError(failCode, `injected failure of round trip ${n} (before Excel ran it)`),
        );
      const x: Exec = {
        wb,
        supports: (v) => isSetSupported('ExcelApi', v),
        commits: [],
        responseBytes: 0,
        calcSuspended: false,
      };
      for (const a of actions) {
        try {
          if (a.req && !x.supports(a.req))
            throw new FakeOfficeError(ErrorCodes.apiNotFound, `${a.location} needs ExcelApi ${a.req}`);
          a.run(x);
        } catch (e) {
          if (e instanceof FakeOfficeError) refuse('error', e.at(a.location));
          throw e;
        }
      }
      rec.calcSuspended = x.calcSuspended;
      rec.responseBytes = x.responseBytes;
      stats.largestResponse = Math.max(stats.largestResponse, x.responseBytes);
      if (x.responseBytes > responseLimit) {
        refuse(
          'response-too-large',
          new FakeOfficeError(
            ErrorCodes.responsePayloadSizeLimitExceeded,
            `response of ${x.responseBytes} bytes, limit ${responseLimit}`,
          ),
        );
      }
      if (failing)
        refuse(
          'failed-after',
          new FakeOfficeError(failCode, `injected failure of round trip ${n} (after Excel ran it)`),
        );
      for (const c of x.commits) c();
      return passThroughValue;
    }
  }

  async function run<T>(a: unknown, b?: unknown): Promise<T> {
    const batch = (typeof a === 'function' ? a : b) as (context: unknown) => Promise<T>;
    if (typeof batch !== 'function')
      throw new FakeOfficeError(ErrorCodes.invalidArgument, 'Excel.run needs a batch function');
    stats.runs++;
    const ctx = new RequestContext();
    try {
      const p = batch(ctx) as unknown;
      if (!p || typeof (p as Promise<T>).then !== 'function')
        throw new FakeOfficeError(ErrorCodes.runMustReturnPromise);
      const result = await (p as Promise<T>);
      if (ctx._hasPending) await ctx.sync();
      return result;
    } finally {
      ctx._close();
    }
  }

  const Excel: FakeExcelNamespace = {
    run: run as FakeExcelNamespace['run'],
    RequestContext: RequestContext as unknown as new () => FakeRequestContext,
    ErrorCodes,
    ...ENUMS,
  };

  const Office: FakeOfficeNamespace = {
    context: {
      host: 'Excel',
      platform: 'OfficeOnline',
      requirements: { isSetSupported },
      diagnostics: { host: 'Excel', platform: 'OfficeOnline', version: '16.0.0.0' },
    },
    onReady: (cb) => {
      const info = { host: 'Excel', platform: 'OfficeOnline' };
      cb?.(info);
      return Promise.resolve(info);
    },
    HostType: { Excel: 'Excel' },
    PlatformType: { OfficeOnline: 'OfficeOnline', PC: 'PC', Mac: 'Mac' },
  };

  const OfficeExtension = { Error: FakeOfficeError, ErrorCodes, config: { extendedErrorLogging: false } };

  return {
    Excel,
    Office,
    OfficeExtension,
    get workbook() {
      return wb;
    },
    stats,
    resetStats() {
      Object.assign(stats, {
        syncs: 0,
        emptySyncs: 0,
        requests: [],
        largestRequest: 0,
        largestResponse: 0,
        runs: 0,
      });
    },
    setFailSync(f, mode) {
      failSync = f;
      if (mode) failMode = mode;
    },
    useWorkbook(next) {
      wb = next;
    },
    installGlobals() {
      const g = globalThis as Record<string, unknown>;
      const before = { Excel: g.Excel, Office: g.Office, OfficeExtension: g.OfficeExtension };
      g.Excel = Excel;
      g.Office = Office;
      g.OfficeExtension = OfficeExtension;
      return () => {
        for (const [k, v] of Object.entries(before)) {
          if (v === undefined) delete g[k];
          else g[k] = v;
        }
      };
    },
  };
}

/** Size of the request the queued actions make (UTF-8 bytes of its JSON). */
function measure(actions: PendingAction[]): number {
  const paths = new Map<number, WirePath>();
  const addPath = (o: ClientObject | null): void => {
    for (let p = o; p && !paths.has(p._id); p = p._parent) {
      paths.set(p._id, p._wirePath());
      for (const a of p._pathArgs) if (a instanceof ClientObject) addPath(a);
    }
  };
  const wire: WireAction[] = actions.map((a) => {
    addPath(a.obj);
    const w: WireAction = { Id: a.id, ActionType: a.type, Name: a.name, ObjectPathId: a.obj._id };
    if (a.args && a.type !== ActionType.query) {
      for (const arg of a.args) if (arg instanceof ClientObject) addPath(arg);
      w.ArgumentInfo = {
        Arguments: a.args.map((arg) =>
          arg instanceof ClientObject ? { ObjectPathId: arg._id } : arg === undefined ? null : arg,
        ),
      };
    }
    if (a.type === ActionType.query) w.QueryInfo = { Select: a.select ?? [], Expand: [] };
    return w;
  });
  return requestBytes(wire, [...paths.values()]);
}

/** The Excel enums an add-in may use (string values, as in Office.js). */
const ENUMS: Record<string, Record<string, string>> = {
  DeleteShiftDirection: { up: 'Up', left: 'Left' },
  InsertShiftDirection: { down: 'Down', right: 'Right' },
  SheetVisibility: { visible: 'Visible', hidden: 'Hidden', veryHidden: 'VeryHidden' },
  BorderIndex: {
    edgeTop: 'EdgeTop',
    edgeBottom: 'EdgeBottom',
    edgeLeft: 'EdgeLeft',
    edgeRight: 'EdgeRight',
    insideVertical: 'InsideVertical',
    insideHorizontal: 'InsideHorizontal',
    diagonalDown: 'DiagonalDown',
    diagonalUp: 'DiagonalUp',
  },
  BorderLineStyle: {
    none: 'None',
    continuous: 'Continuous',
    dash: 'Dash',
    dashDot: 'DashDot',
    dashDotDot: 'DashDotDot',
    dot: 'Dot',
    double: 'Double',
    slantDashDot: 'SlantDashDot',
  },
  BorderWeight: { hairline: 'Hairline', thin: 'Thin', medium: 'Medium', thick: 'Thick' },
  ConditionalFormatType: {
    custom: 'Custom',
    dataBar: 'DataBar',
    colorScale: 'ColorScale',
    iconSet: 'IconSet',
    topBottom: 'TopBottom',
    presetCriteria: 'PresetCriteria',
    containsText: 'ContainsText',
    cellValue: 'CellValue',
  },
  HorizontalAlignment: {
    general: 'General',
    left: 'Left',
    center: 'Center',
    right: 'Right',
    fill: 'Fill',
    justify: 'Justify',
    centerAcrossSelection: 'CenterAcrossSelection',
    distributed: 'Distributed',
  },
  VerticalAlignment: {
    top: 'Top',
    center: 'Center',
    bottom: 'Bottom',
    justify: 'Justify',
    distributed: 'Distributed',
  },
  PageOrientation: { portrait: 'Portrait', landscape: 'Landscape' },
  PaperType: { a3: 'A3', a4: 'A4', a5: 'A5', letter: 'Letter', legal: 'Legal' },
  ClearApplyTo: { all: 'All', formats: 'Formats', contents: 'Contents' },
  RangeUnderlineStyle: {
    none: 'None',
    single: 'Single',
    double: 'Double',
    singleAccountant: 'SingleAccountant',
    doubleAccountant: 'DoubleAccountant',
  },
  DataValidationType: {
    none: 'None',
    wholeNumber: 'WholeNumber',
    decimal: 'Decimal',
    list: 'List',
    date: 'Date',
    time: 'Time',
    textLength: 'TextLength',
    custom: 'Custom',
    inconsistent: 'Inconsistent',
    mixedCriteria: 'MixedCriteria',
  },
  DataValidationAlertStyle: { stop: 'Stop', warning: 'Warning', information: 'Information' },
  CalculationMode: {
    automatic: 'Automatic',
    automaticExceptTables: 'AutomaticExceptTables',
    manual: 'Manual',
  },
  RangeValueType: {
    unknown: 'Unknown',
    empty: 'Empty',
    string: 'String',
    integer: 'Integer',
    double: 'Double',
    boolean: 'Boolean',
    error: 'Error',
  },
};
