/** Errors of the gateway: a Vietnamese message for the clerk, with the Excel error kept as the cause. */

export class GatewayError extends Error {
  constructor(
    message: string,
    /** Further details (problems found reading the master). */
    readonly details: string[] = [],
    readonly cause?: unknown,
  ) {
    super(message);
    this.name = 'GatewayError';
  }
}

/** The code and message of an Office.js error (or anything thrown), in one line. */
export function describeError(e: unknown): string {
  if (e && typeof e === 'object') {
    const o = e as { code?: unknown; message?: unknown };
    const code = typeof o.code === 'string' ? o.code : '';
    const msg = typeof o.message === 'string' ? o.message : '';
    if (code && msg && !msg.includes(code)) return `${code}: ${msg}`;
    if (msg || code) return msg || code;
  }
  return String(e);
}
