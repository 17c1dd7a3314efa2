/**
 * The structural interfaces through which one service's model reaches another's without
 * importing it: the compute models (ECS tasks, Lambda environments) query a database (the
 * Aurora model implements `DatabasePort`) with work drawn per request (`DbWorkDraw`).
 */
import type { RandomStream } from '../engine';

/**
 * A database: queries run one after another and report the time they took; connections are
 * opened (perhaps fewer than asked: the limit refuses the rest) and closed by their holders.
 */
export interface DatabasePort {
  /** A request's `queries` queries of `cpuMsPerQuery` CPU-ms at `atMs`; `timeoutMs` the request's patience. */
  submit(atMs: number, queries: number, cpuMsPerQuery: number, endpoint?: 0 | 1, timeoutMs?: number): { latencyMs: number; timedOut: boolean };
  /** Opens up to `count` connections at `atMs`; returns how many were opened. */
  openConnections(atMs: number, count: number, endpoint?: 0 | 1): number;
  /** Instance the last `openConnections` used (pass it back to `closeConnections`). */
  readonly lastInstance: number;
  closeConnections(atMs: number, count: number, instance?: number): void;
}

/** Draws one request's database work (the workload's `Work.DbQueries` and `Work.DbCpuMs`). */
export interface DbWorkDraw {
  readonly any: boolean;
  queryCount: number;
  cpuMsPerQuery: number;
  draw(rng: RandomStream): void;
}

/** A message queue as its consumer (a Lambda event source mapping) reads it: the SQS queue model. */
export interface MessageQueuePort {
  /** Earliest time a message is (or becomes) visible; Infinity when none is stored. */
  nextVisibleAt(): number;
  /** When the `n`-th new message (in send order) becomes visible; Infinity when fewer are stored. */
  nthFreshVisibleAt(n: number): number;
  /** Receives up to `max` messages visible at `t` into `rows` and `receipts`; returns how many. */
  receive(t: number, max: number, rows: Int32Array, receipts: Int32Array): number;
  /** A received message's work (ms), database queries and CPU-ms per query. */
  durationOf(row: number): number;
  queriesOf(row: number): number;
  dbCpuOf(row: number): number;
  /** The consumer of the messages just received ends at `endMs`: those whose visibility timeout ends first become visible again meanwhile. */
  holdUntil(endMs: number, rows: ArrayLike<number>, n: number): void;
  /** The consumer finished the messages at `t`: deleted when `ok`, else visible again after their timeout. */
  settle(t: number, rows: ArrayLike<number>, receipts: ArrayLike<number>, n: number, ok: boolean): void;
  /** Whether a message is visible at `t`. */
  hasVisible(t: number): boolean;
  /** Bills `calls` empty receives. */
  emptyReceives(calls: number): void;
  /** Batches of this queue's messages being processed now, by all its consumers (a FIFO queue's group locks). */
  readonly batchesInFlight: number;
  /** A consumer started or ended a batch of this queue's messages. */
  batchStarted(): void;
  batchEnded(): void;
}
