/**
 * Errors of the fake Excel, shaped like Office.js's `OfficeExtension.Error` (name "RichApi.Error",
 * `code`, `message`, `debugInfo`). The messages are Office.js's English ones, followed by a bracketed
 * note of the fake saying what exactly was wrong (real Excel does not say).
 */

export const ErrorCodes = {
  accessDenied: 'AccessDenied',
  apiNotFound: 'ApiNotFound',
  generalException: 'GeneralException',
  insertDeleteConflict: 'InsertDeleteConflict',
  invalidArgument: 'InvalidArgument',
  invalidObjectPath: 'InvalidObjectPath',
  invalidOperation: 'InvalidOperation',
  invalidReference: 'InvalidReference',
  invalidSelection: 'InvalidSelection',
  itemAlreadyExists: 'ItemAlreadyExists',
  itemNotFound: 'ItemNotFound',
  nonBlankCellOffSheet: 'NonBlankCellOffSheet',
  propertyNotLoaded: 'PropertyNotLoaded',
  valueNotLoaded: 'ValueNotLoaded',
  requestPayloadSizeLimitExceeded: 'RequestPayloadSizeLimitExceeded',
  responsePayloadSizeLimitExceeded: 'ResponsePayloadSizeLimitExceeded',
  runMustReturnPromise: 'RunMustReturnPromise',
  connectionFailure: 'ConnectionFailure',
  /** Not an Office.js code: a member of the Office.js API the fake does not implement. */
  fakeNotImplemented: 'FakeNotImplemented',
} as const;

export type ErrorCode = (typeof ErrorCodes)[keyof typeof ErrorCodes];

const LIMITS_URL =
  'https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins';

const MESSAGES: Record<string, string> = {
  AccessDenied: 'You cannot perform the requested operation.',
  ApiNotFound:
    'The API you are trying to use could not be found. It may be available in a newer version of Excel. ' +
    'See the "Excel JavaScript API requirement sets" article for more information.',
  GeneralException: 'There was an internal error while processing the request.',
  InsertDeleteConflict: 'The insert or delete operation attempted resulted in a conflict.',
  InvalidArgument: 'The argument is invalid or missing or has an incorrect format.',
  InvalidObjectPath:
    "The object path isn't working for what you're trying to do. If you're using the object across " +
    'multiple "context.sync" calls and outside the sequential execution of a ".run" batch, please use the ' +
    '"context.trackedObjects.add()" and "context.trackedObjects.remove()" methods to manage the object\'s lifetime.',
  InvalidOperation: 'The requested operation is invalid.',
  InvalidReference: "This reference isn't valid for the current operation.",
  InvalidSelection: 'The current selection is invalid for this operation.',
  ItemAlreadyExists: 'A resource with the same name or identifier already exists.',
  ItemNotFound: "The requested resource doesn't exist.",
  NonBlankCellOffSheet:
    "Microsoft Excel can't insert new cells because it would push non-empty cells off the end of the worksheet.",
  ValueNotLoaded:
    'The value of the result object has not been loaded yet. Before reading the value property, call ' +
    '"context.sync()" on the associated request context.',
  RequestPayloadSizeLimitExceeded: `The request payload size has exceeded the limit. See ${LIMITS_URL} for more information.`,
  ResponsePayloadSizeLimitExceeded: `The response payload size has exceeded the limit. See ${LIMITS_URL} for more information.`,
  RunMustReturnPromise:
    'The batch function passed to the ".run" method didn\'t return a promise. The function must return a promise.',
  ConnectionFailure: 'There was a connection failure while processing the request.',
};

export interface DebugInfo {
  code: string;
  message: string;
  errorLocation?: string;
  statement?: string;
}

/** The error every failed operation of the fake rejects with (like OfficeExtension.Error). */
export class FakeOfficeError extends Error {
  override readonly name = 'RichApi.Error';
  readonly code: string;
  readonly debugInfo: DebugInfo;
  readonly traceMessages: string[] = [];
  innerError: FakeOfficeError | null = null;

  constructor(code: string, detail?: string, errorLocation?: string) {
    const base = MESSAGES[code] ?? code;
    const message = detail ? `${base} [fake-excel: ${detail}]` : base;
    super(message);
    this.code = code;
    this.debugInfo = { code, message, errorLocation };
  }

  /** Sets where the error happened (e.g. "Range.values"), as Office.js's debugInfo.errorLocation. */
  at(location: string): this {
    if (!this.debugInfo.errorLocation) this.debugInfo.errorLocation = location;
    return this;
  }
}

export function fail(code: string, detail?: string): never {
  throw new FakeOfficeError(code, detail);
}

export function propertyNotLoaded(prop: string): FakeOfficeError {
  const e = new FakeOfficeError(ErrorCodes.propertyNotLoaded);
  const msg =
    `The property '${prop}' is not available. Before reading the property's value, call the load method on ` +
    `the containing object and call "context.sync()" on the associated request context.`;
  Object.defineProperty(e, 'message', { value: msg });
  e.debugInfo.message = msg;
  return e;
}
