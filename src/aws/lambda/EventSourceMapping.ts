/**
 * An SQS event source mapping: Lambda's pollers read batches from a queue and invoke the
 * function synchronously, one batch per invocation (aws-facts 66–67).
 *
 * - Pollers: 5 to start; while messages stay visible and every poller is busy, up to 300 more a
 *   minute (continuously: 5 a second), up to 1,000 or `MaximumConcurrency`; back towards 5 at the
 *   same rate when the queue is empty. AWS does not say how fast it scales down, nor exactly how it
 *   backs off on throttles: here a throttle caps the pollers at the batches then running.
 * - A free poller long-polls: it receives as soon as a message is visible, up to `BatchSize`
 *   messages; with a batching window it waits until `BatchSize` messages are there or the first
 *   has waited `MaximumBatchingWindowInSeconds`.
 * - A batch runs as one invocation whose duration is the sum of its messages' work (they are
 *   processed one after another). Success deletes the messages; a timeout or a throttle leaves
 *   them to come back when their visibility timeout ends (the receive still counts towards the
 *   dead-letter queue's `maxReceiveCount`).
 * - Idle pollers long-poll for 20 s at a time: each empty receive is a billed SQS request.
 *
 * The function drives the mapping inside its own timeline (`InvocationSource`), so batches start
 * and end at their exact times, in order with the function's other events.
 */
import type { Component } from '../../engine';
import type { MessageQueuePort } from '../ports';
import type { FunctionModel, InvocationSource } from './FunctionModel';

export interface MappingConfig {
  /** The mapping's logical ID, or `<function>.Events.<name>` for a SAM event. */
  source: string;
  batchSize: number;
  batchingWindowMs: number;
  /** ScalingConfig.MaximumConcurrency, or 1,000 (the most pollers a mapping has). */
  maxConcurrency: number;
  enabled: boolean;
  /** Invokes the alias with provisioned concurrency. */
  provisioned: boolean;
  /** Multiplies each message's DurationMs (CPU-bound work at the function's memory). */
  durationFactor: number;
  /**
   * The most batches of the queue's messages at once, by all its mappings together: a FIFO queue's
   * message groups (one batch at a time per group; aws-facts 67); Infinity for a standard queue.
   */
  groupLimit: number;
}

/** Pollers a mapping starts with and scales back to (fact 66). */
export const MIN_POLLERS = 5;
/** The most concurrent batches of one mapping (fact 66). */
export const MAX_POLLERS = 1000;
/** Pollers added per minute while messages remain (fact 66; 60 before 2023). */
export const POLLERS_PER_MINUTE = 300;
/** Long-poll wait of an idle poller's ReceiveMessage, ms (SQS's maximum, 20 s). */
export const LONG_POLL_MS = 20_000;

/** How long pollers wait after a throttled invoke (AWS does not publish it; stated default). */
export const THROTTLE_BACKOFF_MS = 1000;

export interface MappingCounters {
  batches: number;
  messages: number;
  batchesThrottled: number;
  batchesFailed: number;
  peakPollers: number;
  peakConcurrentBatches: number;
}

export class EventSourceMapping implements Component, InvocationSource {
  readonly name: string;
  counters: MappingCounters = { batches: 0, messages: 0, batchesThrottled: 0, batchesFailed: 0, peakPollers: 0, peakConcurrentBatches: 0 };
  /** Pollers now (fractional while scaling). */
  pollers: number;
  private inFlight = 0;
  /** The latest time the mapping acted at (it never acts earlier). */
  private now = 0;
  private emptyPollCarry = 0;
  /** After a throttle the pollers wait this long before the next receive (so a zero visibility timeout cannot spin). */
  private backoffUntil = 0;
  private readonly index: number;
  // Batches in flight: slot -> rows and receipts (slots recycled).
  private batchRows: Int32Array[] = [];
  private batchReceipts: Int32Array[] = [];
  private batchCount: number[] = [];
  private batchStart: number[] = [];
  /** Poller-ms spent on batches not yet set against a tick's poller time. */
  private busyMs = 0;
  private freeSlots: number[] = [];
  private readonly scratchRows: Int32Array;
  private readonly scratchReceipts: Int32Array;

  constructor(
    readonly config: MappingConfig,
    readonly queue: MessageQueuePort,
    readonly fn: FunctionModel,
  ) {
    this.name = `esm:${config.source}`;
    this.pollers = Math.min(MIN_POLLERS, this.limit());
    this.counters.peakPollers = this.pollers;
    this.scratchRows = new Int32Array(config.batchSize);
    this.scratchReceipts = new Int32Array(config.batchSize);
    this.index = fn.addSource(this);
  }

  private limit(): number {
    return Math.min(MAX_POLLERS, this.config.maxConcurrency);
  }

  /** Batches running now. */
  get concurrentBatches(): number {
    return this.inFlight;
  }

  nextTime(): number {
    if (!this.config.enabled || this.inFlight >= Math.floor(this.pollers) || this.queue.batchesInFlight >= this.config.groupLimit) return Number.POSITIVE_INFINITY;
    const first = this.queue.nextVisibleAt();
    if (first === Number.POSITIVE_INFINITY) return first;
    const cfg = this.config;
    let at = first;
    if (cfg.batchingWindowMs > 0) at = Math.min(first + cfg.batchingWindowMs, Math.max(first, this.queue.nthFreshVisibleAt(cfg.batchSize)));
    return Math.max(at, this.now, this.backoffUntil);
  }

  fire(t: number): void {
    this.now = t;
    const q = this.queue;
    const n = q.receive(t, this.config.batchSize, this.scratchRows, this.scratchReceipts);
    if (n === 0) return; // everything visible had expired or moved to the dead-letter queue
    let work = 0;
    let queries = 0;
    let dbCpu = 0;
    for (let i = 0; i < n; i++) {
      const row = this.scratchRows[i]!;
      work += q.durationOf(row);
      const k = q.queriesOf(row);
      queries += k;
      dbCpu += k * q.dbCpuOf(row);
    }
    const slot = this.freeSlots.length > 0 ? this.freeSlots.pop()! : this.newSlot();
    const c = this.counters;
    const cpuPerQuery = queries > 0 ? dbCpu / queries : 0;
    const end = this.fn.invokeFor(this.index, slot, t, work * this.config.durationFactor, this.config.provisioned, queries, cpuPerQuery);
    if (end < 0) {
      c.batchesThrottled++;
      this.freeSlots.push(slot);
      q.settle(t, this.scratchRows, this.scratchReceipts, n, false);
      // Back off: no more pollers than the batches the function accepts now.
      this.pollers = Math.max(Math.min(MIN_POLLERS, this.limit()), Math.min(this.pollers, this.inFlight));
      this.backoffUntil = t + THROTTLE_BACKOFF_MS;
      return;
    }
    q.holdUntil(end, this.scratchRows, n);
    this.batchRows[slot]!.set(this.scratchRows.subarray(0, n));
    this.batchReceipts[slot]!.set(this.scratchReceipts.subarray(0, n));
    this.batchCount[slot] = n;
    this.batchStart[slot] = t;
    this.inFlight++;
    q.batchStarted();
    c.batches++;
    c.messages += n;
    if (this.inFlight > c.peakConcurrentBatches) c.peakConcurrentBatches = this.inFlight;
  }

  done(tag: number, t: number, ok: boolean): void {
    if (t > this.now) this.now = t;
    this.inFlight--;
    this.queue.batchEnded();
    this.busyMs += t - this.batchStart[tag]!;
    if (!ok) this.counters.batchesFailed++;
    this.queue.settle(t, this.batchRows[tag]!, this.batchReceipts[tag]!, this.batchCount[tag]!, ok);
    this.freeSlots.push(tag);
  }

  private newSlot(): number {
    this.batchRows.push(new Int32Array(this.config.batchSize));
    this.batchReceipts.push(new Int32Array(this.config.batchSize));
    this.batchCount.push(0);
    this.batchStart.push(0);
    return this.batchRows.length - 1;
  }

  /** After the function's tick: scale the pollers and bill the idle ones' empty long polls. */
  step(tickStartMs: number, tickMs: number): void {
    if (!this.config.enabled) return;
    const end = tickStartMs + tickMs;
    const rate = (POLLERS_PER_MINUTE / 60_000) * tickMs;
    const backlog = this.queue.hasVisible(end);
    if (backlog && this.inFlight >= Math.floor(this.pollers)) this.pollers = Math.min(this.limit(), this.pollers + rate);
    else if (!backlog) this.pollers = Math.max(Math.min(MIN_POLLERS, this.limit()), this.pollers - rate);
    if (this.pollers > this.counters.peakPollers) this.counters.peakPollers = Math.floor(this.pollers);
    // Poller time not spent on batches is spent long-polling: one (empty) receive per 20 s.
    const pollerMs = Math.floor(this.pollers) * tickMs;
    const idleMs = Math.max(0, pollerMs - this.busyMs);
    this.busyMs = Math.max(0, this.busyMs - pollerMs);
    this.emptyPollCarry += idleMs / LONG_POLL_MS;
    const calls = Math.floor(this.emptyPollCarry);
    this.queue.emptyReceives(calls);
    this.emptyPollCarry -= calls;
  }

  checkpoint(): unknown {
    return {
      counters: { ...this.counters },
      pollers: this.pollers,
      inFlight: this.inFlight,
      now: this.now,
      backoffUntil: this.backoffUntil,
      carry: this.emptyPollCarry,
      busyMs: this.busyMs,
      batches: this.batchRows.map((r, i) => ({ rows: Array.from(r), receipts: Array.from(this.batchReceipts[i]!), n: this.batchCount[i]!, start: this.batchStart[i]! })),
      freeSlots: [...this.freeSlots],
    };
  }

  restore(state: unknown): void {
    const s = state as {
      counters: MappingCounters;
      pollers: number;
      inFlight: number;
      now: number;
      backoffUntil: number;
      carry: number;
      busyMs: number;
      batches: { rows: number[]; receipts: number[]; n: number; start: number }[];
      freeSlots: number[];
    };
    this.counters = { ...s.counters };
    this.pollers = s.pollers;
    this.inFlight = s.inFlight;
    this.now = s.now;
    this.backoffUntil = s.backoffUntil;
    this.emptyPollCarry = s.carry;
    this.busyMs = s.busyMs;
    this.batchStart = s.batches.map((b) => b.start);
    this.batchRows = s.batches.map((b) => Int32Array.from(b.rows));
    this.batchReceipts = s.batches.map((b) => Int32Array.from(b.receipts));
    this.batchCount = s.batches.map((b) => b.n);
    this.freeSlots = [...s.freeSlots];
  }
}
