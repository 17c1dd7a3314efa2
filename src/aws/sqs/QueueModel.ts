/**
 * One SQS queue (standard; FIFO is billed as FIFO but ordered like a standard queue): messages
 * sent by a workload, received in batches by consumers, invisible for `VisibilityTimeout` after
 * each receive, deleted when processed, moved to the dead-letter queue when a receive would
 * exceed `maxReceiveCount`, dropped after `MessageRetentionPeriod`. Every request is metered
 * (sends, receives, deletes; each 64 KiB of payload a request).
 *
 * Messages are rows of typed arrays. New messages wait in a FIFO in the order they were sent
 * (with `DelaySeconds` they become visible in that order too); a received message goes to a heap
 * keyed by the time its visibility timeout ends. A delete marks the row; the heap drops marked
 * rows when they reach its top (lazy deletion), so a delete is O(1).
 */
import { type Component, IndexHeap, Series, type SeriesState } from '../../engine';
import type { ArrivalBatch, ArrivalSink } from '../../workload';
import { SqsMeter, type SqsQueueType, type SqsUsage } from './sqsPricing';
import type { RandomStream } from '../../engine';
import type { DbWorkDraw } from '../ports';

export interface QueueConfig {
  logicalId: string;
  type: SqsQueueType;
  visibilityTimeoutMs: number;
  retentionMs: number;
  delayMs: number;
  /** Receives after which the next receive moves a message to `deadLetter` (undefined: no redrive). */
  maxReceiveCount: number | undefined;
  /** Size of one message, bytes (Metadata.clustersim.MessageSizeBytes). */
  messageBytes: number;
  /** FIFO: the MessageGroupIds producers use (Metadata.clustersim.MessageGroups); a consumer runs one batch per group at a time. */
  messageGroups: number;
}

/** Where a message's end-to-end latency (sent to deleted) goes. */
export interface QueueLatencyRecorder {
  record(ms: number, count?: number): void;
  checkpoint(): unknown;
  restore(state: unknown): void;
}

export interface QueueCounters {
  /** Messages sent by producers (workloads). */
  sent: number;
  /** Messages moved in from queues whose dead-letter queue this is. */
  redrivenIn: number;
  /** Message receives (a message received twice counts twice). */
  received: number;
  /** Receives of a message received before (after a failure, a throttle or an expired visibility timeout). */
  redelivered: number;
  /** Receives of a message whose earlier delivery was still being processed (visibility timeout too short). */
  duplicateDeliveries: number;
  deleted: number;
  /** Moved to the dead-letter queue (or, without one, never: redrive needs a policy). */
  toDeadLetter: number;
  /** Dropped after MessageRetentionPeriod. */
  expired: number;
  /**
   * Of `deleted`, `toDeadLetter` and `expired`: messages that were redriven in (their source queue
   * counted them failed already; a queue that producers also send to leaves them out of the totals).
   */
  deletedRedriven: number;
  toDeadLetterRedriven: number;
  expiredRedriven: number;
  peakBacklog: number;
  /** Largest age of the oldest message, ms. */
  peakOldestAgeMs: number;
}

const FREE = 0;
const STORED = 1;
const DELETED = 2;
/** Past retention, found by the sweep; leaves the FIFO or the heap when it reaches their head. */
const EXPIRED = 3;
/** How often messages past retention are looked for everywhere (the FIFO's head is checked every tick). */
const SWEEP_MS = 60_000;
/** ReceiveMessage and DeleteMessageBatch carry at most 10 messages per call (SQS quota). */
const MESSAGES_PER_CALL = 10;

export class QueueModel implements Component, ArrivalSink {
  readonly name: string;
  counters: QueueCounters = {
    sent: 0,
    redrivenIn: 0,
    received: 0,
    redelivered: 0,
    duplicateDeliveries: 0,
    deleted: 0,
    toDeadLetter: 0,
    expired: 0,
    deletedRedriven: 0,
    toDeadLetterRedriven: 0,
    expiredRedriven: 0,
    peakBacklog: 0,
    peakOldestAgeMs: 0,
  };
  readonly meter: SqsMeter;
  readonly series: { backlog: Series; oldestAge: Series };
  /** The dead-letter queue (set after every queue is built). */
  deadLetter: QueueModel | undefined;

  private cap = 0;
  private state = new Uint8Array(0);
  private sentAt = new Float64Array(0);
  private visibleAt = new Float64Array(0);
  private duration = new Float64Array(0);
  /** The message's database work for its consumer: queries and CPU-ms per query. */
  private queries = new Float64Array(0);
  private dbCpu = new Float64Array(0);
  private receives = new Int32Array(0);
  /** Receipt number of a message's latest receive (a delete with an older one is ignored). */
  private receipt = new Int32Array(0);
  /** 1 while a consumer processes the message's latest delivery. */
  private processing = new Uint8Array(0);
  /** 1 for a message redriven here from another queue (not sent by a producer). */
  private redriven = new Uint8Array(0);
  /** Batches being processed now by all consumers (`batchStarted`, `batchEnded`). */
  batchesInFlight = 0;
  /** 1 while the row is in `heap`. */
  private inHeap = new Uint8Array(0);
  private free: number[] = [];
  /** New messages in send order (ring buffer of rows). */
  private fresh = new Int32Array(64);
  private freshHead = 0;
  private freshLen = 0;
  /** Received messages by the end of their visibility timeout (rows may be DELETED: lazy). */
  private readonly heap: IndexHeap;
  /** Messages stored (visible, delayed or in flight). */
  private stored = 0;
  /** Receipts are numbered across the queue, so a stale receipt never matches a reused row. */
  private receiptSeq = 0;
  /** Logical FIFO index of the first message sent in the current tick (for ordering producers' batches). */
  private tickFreshFrom = 0;
  private tickOfFresh = -1;
  private nextSweepMs = SWEEP_MS;

  constructor(
    readonly config: QueueConfig,
    tickMs: number,
    readonly latency: QueueLatencyRecorder,
    chunkKiB = 64,
  ) {
    this.name = `sqs:${config.logicalId}`;
    this.meter = new SqsMeter(config.type, chunkKiB);
    this.heap = new IndexHeap(this.visibleAt);
    this.series = {
      backlog: new Series('backlog', 'messages', tickMs),
      oldestAge: new Series('ageOfOldestMessageSeconds', 's', tickMs),
    };
  }

  /**
   * A sink for one producer whose messages carry database work for the consumer (drawn per message
   * from `dbRandom`).
   */
  sinkWithDb(dbWork: DbWorkDraw, dbRandom: RandomStream): ArrivalSink {
    return {
      deliver: (batch) => {
        this.dbWork = dbWork;
        this.dbRandom = dbRandom;
        this.deliver(batch);
        this.dbWork = undefined;
      },
    };
  }

  private dbWork: DbWorkDraw | undefined;
  private dbRandom: RandomStream | undefined;

  /** A producer sends each request of the batch as one message (SendMessage, one request per 64 KiB). */
  deliver(batch: ArrivalBatch): void {
    const d = batch.work.DurationMs;
    if (batch.tickStartMs !== this.tickOfFresh) {
      this.tickOfFresh = batch.tickStartMs;
      this.tickFreshFrom = this.freshLen;
    }
    const tail = this.freshLen > 0 ? this.visibleAt[this.freshAt(this.freshLen - 1)]! : Number.NEGATIVE_INFINITY;
    const inOrder = batch.count === 0 || batch.tickStartMs + batch.offsetsMs[0]! + this.config.delayMs >= tail;
    for (let i = 0; i < batch.count; i++) {
      const t = batch.tickStartMs + batch.offsetsMs[i]!;
      const row = this.enqueue(t, t + this.config.delayMs, d !== undefined ? d[i]! : 0, true);
      const w = this.dbWork;
      if (w !== undefined && this.dbRandom !== undefined && w.any) {
        w.draw(this.dbRandom);
        this.queries[row] = w.queryCount;
        this.dbCpu[row] = w.cpuMsPerQuery;
      }
      this.counters.sent++;
    }
    // A second producer's batch may start before the first one's last message: order this tick's sends.
    if (!inOrder) this.sortFreshFrom(this.tickFreshFrom);
    if (batch.count > 0) this.meter.record(batch.count, this.config.messageBytes);
  }

  /** The row at logical FIFO index `i` (0 = head). */
  private freshAt(i: number): number {
    return this.fresh[(this.freshHead + i) % this.fresh.length]!;
  }

  /** Sorts the FIFO from logical index `from` to its tail by visibility time (stable). */
  private sortFreshFrom(from: number): void {
    const rows = Array.from({ length: this.freshLen - from }, (_, k) => this.freshAt(from + k));
    const vis = this.visibleAt;
    const sorted = rows.map((row, k) => ({ row, k })).sort((a, b) => vis[a.row]! - vis[b.row]! || a.k - b.k);
    for (let k = 0; k < sorted.length; k++) this.fresh[(this.freshHead + from + k) % this.fresh.length] = sorted[k]!.row;
  }

  /** A message moved here by redrive at `t`, keeping its original send time (retention counts from it). */
  acceptRedrive(t: number, sentAt: number, durationMs: number, queries = 0, dbCpuMs = 0): void {
    this.counters.redrivenIn++;
    const row = this.enqueue(sentAt, t, durationMs, false);
    this.redriven[row] = 1;
    this.queries[row] = queries;
    this.dbCpu[row] = dbCpuMs;
  }

  /** A received message's database work: queries, and CPU-ms per query. */
  queriesOf(row: number): number {
    return this.queries[row]!;
  }

  dbCpuOf(row: number): number {
    return this.dbCpu[row]!;
  }

  /** Stores a message visible from `visibleAt`: at the FIFO's tail (`inOrder`) or in the heap. */
  private enqueue(sentAt: number, visibleAt: number, durationMs: number, inOrder: boolean): number {
    if (this.free.length === 0) this.grow();
    const row = this.free.pop()!;
    this.state[row] = STORED;
    this.sentAt[row] = sentAt;
    this.visibleAt[row] = visibleAt;
    this.duration[row] = durationMs;
    this.queries[row] = 0;
    this.dbCpu[row] = 0;
    this.receipt[row] = 0;
    this.receives[row] = 0;
    this.processing[row] = 0;
    this.redriven[row] = 0;
    this.stored++;
    if (this.stored > this.counters.peakBacklog) this.counters.peakBacklog = this.stored;
    if (!inOrder) {
      this.pushHeap(row);
      return row;
    }
    if (this.freshLen === this.fresh.length) {
      const grown = new Int32Array(this.fresh.length * 2);
      for (let i = 0; i < this.freshLen; i++) grown[i] = this.fresh[(this.freshHead + i) % this.fresh.length]!;
      this.fresh = grown;
      this.freshHead = 0;
    }
    this.fresh[(this.freshHead + this.freshLen) % this.fresh.length] = row;
    this.freshLen++;
    return row;
  }

  /** Earliest time a message is (or becomes) visible; Infinity when none is stored. */
  nextVisibleAt(): number {
    this.dropDeletedTop();
    this.dropGoneFresh();
    const f = this.freshLen > 0 ? this.visibleAt[this.fresh[this.freshHead]!]! : Number.POSITIVE_INFINITY;
    return Math.min(f, this.heap.peekKey());
  }

  /** When the `n`-th new message (in send order) becomes visible; Infinity when fewer are stored. */
  nthFreshVisibleAt(n: number): number {
    if (n > this.freshLen) return Number.POSITIVE_INFINITY;
    return this.visibleAt[this.fresh[(this.freshHead + n - 1) % this.fresh.length]!]!;
  }

  /**
   * Receives up to `max` messages visible at `t` into `rows` (their receipts into `receipts`);
   * returns how many. Messages past retention are dropped; one whose receives already reached
   * `maxReceiveCount` moves to the dead-letter queue instead. Bills the ReceiveMessage calls.
   */
  receive(t: number, max: number, rows: Int32Array, receipts: Int32Array): number {
    let n = 0;
    const c = this.counters;
    const cfg = this.config;
    while (n < max) {
      this.dropDeletedTop();
      this.dropGoneFresh();
      const fRow = this.freshLen > 0 ? this.fresh[this.freshHead]! : -1;
      const fAt = fRow >= 0 ? this.visibleAt[fRow]! : Number.POSITIVE_INFINITY;
      const hAt = this.heap.peekKey();
      if (!(Math.min(fAt, hAt) <= t)) break;
      let row: number;
      if (hAt < fAt) {
        row = this.popHeap();
      } else {
        row = fRow;
        this.freshHead = (this.freshHead + 1) % this.fresh.length;
        this.freshLen--;
        this.tickFreshFrom = Math.max(0, this.tickFreshFrom - 1);
      }
      if (t - this.sentAt[row]! >= cfg.retentionMs) {
        c.expired++;
        if (this.redriven[row] === 1) c.expiredRedriven++;
        this.release(row);
        continue;
      }
      if (cfg.maxReceiveCount !== undefined && this.receives[row]! >= cfg.maxReceiveCount && this.deadLetter !== undefined) {
        c.toDeadLetter++;
        if (this.redriven[row] === 1) c.toDeadLetterRedriven++;
        this.deadLetter.acceptRedrive(t, this.sentAt[row]!, this.duration[row]!, this.queries[row]!, this.dbCpu[row]!);
        this.release(row);
        continue;
      }
      c.received++;
      if (this.receives[row]! > 0) c.redelivered++;
      if (this.processing[row] === 1) c.duplicateDeliveries++;
      this.receives[row]!++;
      this.receipt[row] = ++this.receiptSeq;
      this.processing[row] = 1;
      // Invisible until then; it joins the heap only if its consumer fails or may outlast that.
      this.visibleAt[row] = t + cfg.visibilityTimeoutMs;
      rows[n] = row;
      receipts[n] = this.receipt[row]!;
      n++;
    }
    if (n > 0) this.meter.record(Math.ceil(n / MESSAGES_PER_CALL), Math.min(n, MESSAGES_PER_CALL) * cfg.messageBytes);
    return n;
  }

  /** Empty receives (long polls that returned nothing): billed, nothing else. */
  emptyReceives(calls: number): void {
    if (calls > 0) this.meter.record(calls, 0);
  }

  /** The work of a received message, ms. */
  durationOf(row: number): number {
    return this.duration[row]!;
  }

  /**
   * The consumer of `rows` (just received) will finish at `endMs`: those whose visibility timeout
   * ends before then become visible again meanwhile, so they join the heap now.
   */
  holdUntil(endMs: number, rows: ArrayLike<number>, n: number): void {
    for (let i = 0; i < n; i++) {
      const row = rows[i]!;
      if (this.visibleAt[row]! < endMs && this.inHeap[row] === 0) this.pushHeap(row);
    }
  }

  /**
   * The consumer finished the messages at `t`: delete them (DeleteMessageBatch) when `ok`, else
   * leave them to become visible again when their visibility timeout ends. A delete whose receipt
   * is stale (the message was received again meanwhile) is ignored, as SQS may.
   */
  settle(t: number, rows: ArrayLike<number>, receipts: ArrayLike<number>, n: number, ok: boolean): void {
    for (let i = 0; i < n; i++) {
      const row = rows[i]!;
      if (this.receipt[row] !== receipts[i]) continue;
      const st = this.state[row];
      if (st === EXPIRED && this.inHeap[row] === 0) {
        this.freeRow(row); // expired while in flight: nothing else holds it
        continue;
      }
      if (st !== STORED) continue;
      this.processing[row] = 0;
      if (!ok) {
        if (this.inHeap[row] === 0) this.pushHeap(row);
        continue;
      }
      this.counters.deleted++;
      if (this.redriven[row] === 1) this.counters.deletedRedriven++;
      this.latency.record(t - this.sentAt[row]!);
      this.stored--;
      if (this.inHeap[row] === 1) this.state[row] = DELETED;
      else this.freeRow(row);
    }
    if (ok && n > 0) this.meter.record(Math.ceil(n / MESSAGES_PER_CALL), 0);
  }

  private pushHeap(row: number): void {
    this.inHeap[row] = 1;
    this.heap.push(row);
  }

  private popHeap(): number {
    const row = this.heap.pop();
    this.inHeap[row] = 0;
    return row;
  }

  /** Messages stored: visible, delayed or in flight (ApproximateNumberOfMessages + NotVisible + Delayed). */
  get backlog(): number {
    return this.stored;
  }

  /** Messages visible at `t` (approximate: in-flight ones whose timeout has ended count as visible). */
  hasVisible(t: number): boolean {
    return this.nextVisibleAt() <= t;
  }

  step(tickStartMs: number, tickMs: number): void {
    const end = tickStartMs + tickMs;
    const c = this.counters;
    // Messages past MessageRetentionPeriod are deleted by SQS (received ones when next received).
    while (this.freshLen > 0 && end - this.sentAt[this.fresh[this.freshHead]!]! >= this.config.retentionMs) {
      const row = this.fresh[this.freshHead]!;
      this.freshHead = (this.freshHead + 1) % this.fresh.length;
      this.freshLen--;
      this.tickFreshFrom = Math.max(0, this.tickFreshFrom - 1);
      if (this.state[row] === STORED) {
        c.expired++;
        if (this.redriven[row] === 1) c.expiredRedriven++;
        this.release(row);
      } else this.freeRow(row);
    }
    if (end >= this.nextSweepMs) {
      this.nextSweepMs = end + SWEEP_MS;
      this.sweep(end);
    }
    const age = this.oldestAgeMs(end);
    if (age > c.peakOldestAgeMs) c.peakOldestAgeMs = age;
    this.series.backlog.record(tickStartMs, this.stored);
    this.series.oldestAge.record(tickStartMs, age / 1000);
  }

  /** Age of the oldest stored message at `t`, ms (0 when empty). */
  private oldestAgeMs(t: number): number {
    this.dropDeletedTop();
    this.dropGoneFresh();
    let oldest = Number.POSITIVE_INFINITY;
    if (this.freshLen > 0) oldest = this.sentAt[this.fresh[this.freshHead]!]!;
    if (this.heap.size > 0) oldest = Math.min(oldest, this.sentAt[this.heap.peek()]!);
    return oldest <= t ? t - oldest : 0;
  }

  get usage(): Readonly<SqsUsage> {
    return this.meter.usage;
  }

  private dropDeletedTop(): void {
    while (this.heap.size > 0 && this.state[this.heap.peek()] !== STORED) this.freeRow(this.popHeap());
  }

  /** Frees FIFO heads that expired in a sweep. */
  private dropGoneFresh(): void {
    while (this.freshLen > 0 && this.state[this.fresh[this.freshHead]!] !== STORED) {
      const row = this.fresh[this.freshHead]!;
      this.freshHead = (this.freshHead + 1) % this.fresh.length;
      this.freshLen--;
      this.tickFreshFrom = Math.max(0, this.tickFreshFrom - 1);
      this.freeRow(row);
    }
  }

  /**
   * Expires every stored message past retention (in flight, waiting for a retry, redriven here),
   * and records the true age of the oldest stored message. Once a simulated minute: O(rows).
   */
  private sweep(t: number): void {
    const c = this.counters;
    const retention = this.config.retentionMs;
    let oldest = Number.POSITIVE_INFINITY;
    for (let row = 0; row < this.cap; row++) {
      if (this.state[row] !== STORED) continue;
      const sent = this.sentAt[row]!;
      if (t - sent >= retention) {
        this.state[row] = EXPIRED;
        this.processing[row] = 0;
        this.stored--;
        c.expired++;
        if (this.redriven[row] === 1) c.expiredRedriven++;
      } else if (sent < oldest) oldest = sent;
    }
    if (oldest <= t && t - oldest > c.peakOldestAgeMs) c.peakOldestAgeMs = t - oldest;
  }

  /** A stored message leaves (expired or redriven). */
  private release(row: number): void {
    this.stored--;
    this.freeRow(row);
  }

  private freeRow(row: number): void {
    this.state[row] = FREE;
    this.free.push(row);
  }

  private grow(): void {
    const size = Math.max(64, this.cap * 2);
    const g = <T extends Float64Array | Int32Array | Uint8Array>(a: T, b: T): T => {
      b.set(a);
      return b;
    };
    this.state = g(this.state, new Uint8Array(size));
    this.sentAt = g(this.sentAt, new Float64Array(size));
    this.visibleAt = g(this.visibleAt, new Float64Array(size));
    this.duration = g(this.duration, new Float64Array(size));
    this.queries = g(this.queries, new Float64Array(size));
    this.dbCpu = g(this.dbCpu, new Float64Array(size));
    this.receives = g(this.receives, new Int32Array(size));
    this.receipt = g(this.receipt, new Int32Array(size));
    this.processing = g(this.processing, new Uint8Array(size));
    this.redriven = g(this.redriven, new Uint8Array(size));
    this.inHeap = g(this.inHeap, new Uint8Array(size));
    this.heap.rebind(this.visibleAt);
    for (let r = size - 1; r >= this.cap; r--) this.free.push(r);
    this.cap = size;
  }

  /**
   * The messages producers sent to this queue, by outcome so far (the totals of a queue that is a
   * workload's target): messages redriven here from another queue were counted as failed there.
   */
  producerOutcomes(): { arrived: number; served: number; failed: number; queued: number } {
    const c = this.counters;
    const redrivenStored = c.redrivenIn - c.deletedRedriven - c.toDeadLetterRedriven - c.expiredRedriven;
    return {
      arrived: c.sent,
      served: c.deleted - c.deletedRedriven,
      failed: c.toDeadLetter - c.toDeadLetterRedriven + c.expired - c.expiredRedriven,
      queued: this.stored - redrivenStored,
    };
  }

  batchStarted(): void {
    this.batchesInFlight++;
  }

  batchEnded(): void {
    this.batchesInFlight--;
  }

  checkpoint(): QueueState {
    return {
      batchesInFlight: this.batchesInFlight,
      counters: { ...this.counters },
      usage: { ...this.meter.usage },
      cap: this.cap,
      rows: {
        state: Array.from(this.state),
        sentAt: Array.from(this.sentAt),
        visibleAt: Array.from(this.visibleAt),
        duration: Array.from(this.duration),
        queries: Array.from(this.queries),
        dbCpu: Array.from(this.dbCpu),
        receives: Array.from(this.receives),
        receipt: Array.from(this.receipt),
        processing: Array.from(this.processing),
        redriven: Array.from(this.redriven),
        inHeap: Array.from(this.inHeap),
      },
      free: [...this.free],
      fresh: Array.from({ length: this.freshLen }, (_, i) => this.fresh[(this.freshHead + i) % this.fresh.length]!),
      heap: this.heap.toArray(),
      stored: this.stored,
      receiptSeq: this.receiptSeq,
      tickFresh: [this.tickOfFresh, this.tickFreshFrom],
      nextSweepMs: this.nextSweepMs,
      latency: this.latency.checkpoint(),
      series: { backlog: this.series.backlog.checkpoint(), oldestAge: this.series.oldestAge.checkpoint() },
    };
  }

  restore(state: unknown): void {
    const s = state as QueueState;
    this.counters = { ...s.counters };
    this.batchesInFlight = s.batchesInFlight;
    this.meter.usage = { ...s.usage };
    this.cap = s.cap;
    this.state = Uint8Array.from(s.rows.state);
    this.sentAt = Float64Array.from(s.rows.sentAt);
    this.visibleAt = Float64Array.from(s.rows.visibleAt);
    this.duration = Float64Array.from(s.rows.duration);
    this.queries = Float64Array.from(s.rows.queries);
    this.dbCpu = Float64Array.from(s.rows.dbCpu);
    this.receives = Int32Array.from(s.rows.receives);
    this.receipt = Int32Array.from(s.rows.receipt);
    this.processing = Uint8Array.from(s.rows.processing);
    this.redriven = Uint8Array.from(s.rows.redriven);
    this.inHeap = Uint8Array.from(s.rows.inHeap);
    this.free = [...s.free];
    this.fresh = new Int32Array(Math.max(64, s.fresh.length * 2));
    this.fresh.set(s.fresh);
    this.freshHead = 0;
    this.freshLen = s.fresh.length;
    this.heap.rebind(this.visibleAt);
    this.heap.fromArray(s.heap);
    this.stored = s.stored;
    this.receiptSeq = s.receiptSeq;
    [this.tickOfFresh, this.tickFreshFrom] = s.tickFresh;
    this.nextSweepMs = s.nextSweepMs;
    this.latency.restore(s.latency);
    this.series.backlog.restore(s.series.backlog);
    this.series.oldestAge.restore(s.series.oldestAge);
  }
}

export interface QueueState {
  batchesInFlight: number;
  counters: QueueCounters;
  usage: SqsUsage;
  cap: number;
  rows: Record<'state' | 'sentAt' | 'visibleAt' | 'duration' | 'queries' | 'dbCpu' | 'receives' | 'receipt' | 'processing' | 'redriven' | 'inHeap', number[]>;
  free: number[];
  fresh: number[];
  heap: number[];
  stored: number;
  receiptSeq: number;
  tickFresh: [number, number];
  nextSweepMs: number;
  latency: unknown;
  series: { backlog: SeriesState; oldestAge: SeriesState };
}
