/**
 * The one wrapper around context.sync(): counts the round trips, keeps each request under the payload
 * budget (a queued operation that would not fit sends the request first) and suspends calculation at
 * the start of every request that writes.
 */
import { OP_OVERHEAD, REQUEST_BUDGET } from './chunking';
import type { RequestContext } from './office-api';

export interface RequestStats {
  /** context.sync() calls made. */
  syncs: number;
  /** The largest estimated request payload sent, in bytes. */
  largestRequest: number;
}

export class Requests {
  private pending = 0;
  private ops = 0;
  readonly stats: RequestStats = { syncs: 0, largestRequest: 0 };

  constructor(
    readonly context: RequestContext,
    private readonly budget: number = REQUEST_BUDGET,
  ) {}

  /** Bytes queued in the request being built. */
  get queued(): number {
    return this.pending;
  }

  /** What is left of the budget of the request being built. */
  get room(): number {
    return this.budget - this.pending;
  }

  /** The payload budget of one request. */
  get limit(): number {
    return this.budget;
  }

  /** Sends the request being built (a round trip), whatever it holds. */
  async sync(): Promise<void> {
    this.stats.syncs++;
    this.stats.largestRequest = Math.max(this.stats.largestRequest, this.pending);
    this.pending = 0;
    this.ops = 0;
    await this.context.sync();
  }

  /** Sends the request being built if it holds any write. */
  async flush(): Promise<void> {
    if (this.ops > 0) await this.sync();
  }

  /**
   * Queues a write of `actions` actions carrying `bytes` of data (the actions' own overhead is added
   * here): sends the request first when the write would not fit in it.
   */
  async write(bytes: number, queue: () => void, actions = 1): Promise<void> {
    const cost = bytes + actions * OP_OVERHEAD;
    if (this.ops > 0 && this.pending + cost > this.budget) await this.sync();
    if (this.ops === 0) {
      this.context.workbook.application.suspendApiCalculationUntilNextSync();
      this.pending += OP_OVERHEAD;
    }
    queue();
    this.pending += cost;
    this.ops += actions;
  }

  /** Counts a read instruction (a load) in the request being built. */
  read(bytes = OP_OVERHEAD): void {
    this.pending += bytes;
  }
}
