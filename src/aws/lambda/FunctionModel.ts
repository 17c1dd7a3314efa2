/**
 * One Lambda function: its execution environments, concurrency, cold starts, throttles,
 * asynchronous retries and metered usage, at millisecond resolution inside each tick.
 *
 * Environments are rows of typed arrays; their lifecycle follows `environmentLifecycle`.
 * Events inside the function are kept in time order without the engine's heap (they are dense:
 * one per request): a heap of busy environments by completion time, a deque of idle
 * environments by the time they became idle (the least recent at the head), a heap of those idle
 * for `IdleLifetime` or more by when each is due to be shut down (spares draw their lifetime up
 * to `SpareIdleLifetime`), a stack of idle provisioned environments, and a heap of asynchronous
 * events waiting for a retry. `advance(t)` processes whatever falls due before `t`, earliest first.
 */
import { type Component, type Engine, IndexHeap, type RandomStream, RemovableHeap, Series, type SeriesState } from '../../engine';
import { createDistribution, type Distribution, type DistSpec } from '../../workload';
import type { ArrivalBatch } from '../../workload';
import { ES, environmentLifecycle } from './environmentLifecycle';
import type { LambdaAccount } from './LambdaAccount';
import { TokenBucket, type TokenBucketState } from '../../engine';
import type { LambdaMeter, LambdaMeterState } from './LambdaMeter';
import type { DatabasePort, DbWorkDraw } from '../ports';

export interface FunctionConfig {
  logicalId: string;
  memoryMB: number;
  timeoutMs: number;
  architecture: 'x86_64' | 'arm64';
  ephemeralMB: number;
  /** ReservedConcurrentExecutions: a cap and a guarantee; undefined draws from the unreserved pool. */
  reserved: number | undefined;
  /** Provisioned concurrency (environments initialised ahead, never reaped). */
  provisioned: number;
  /**
   * How long the function's idle environments live once nothing of it is running: the last one
   * to finish goes this long after its request ended (and every other idle one with it).
   */
  idleLifetimeMs: number;
  /**
   * While the function is still running requests, an idle (spare) environment lives a time drawn
   * uniformly between `idleLifetimeMs` and this, anew each time it becomes idle. Equal to
   * `idleLifetimeMs`: every idle environment lives exactly `idleLifetimeMs`.
   */
  spareIdleLifetimeMs: number;
  /**
   * Lambda recycles on-demand environments every few hours even when they are in use (Lambda DG,
   * "Lambda execution environment lifecycle"): one is shut down once it has lived this long, at
   * the end of the request it is running. Infinity: never.
   */
  maxLifetimeMs: number;
  idleSelection: 'most-recent' | 'least-recent';
  initDuration: DistSpec;
  /** New environments per 10 s (current scaling model). */
  scalingPer10s: number;
  maxEventAgeMs: number;
  maxRetryAttempts: number;
  /** An on-failure destination is configured (failed async events go there instead of being dropped). */
  hasFailureDestination: boolean;
}

/** Where completed invocations' latencies go (checkpointable). */
export interface LatencyRecorder {
  record(ms: number, count?: number): void;
  checkpoint(): unknown;
  restore(state: unknown): void;
}

export interface FunctionCounters {
  /** Invocations that ran (each attempt that got an environment). */
  invocations: number;
  coldStarts: number;
  /** Synchronous requests refused with 429. */
  throttles: number;
  /** Invocations by event source mappings refused with 429 (the batch goes back to its queue). */
  sourceThrottles: number;
  /** Asynchronous events throttled and put back for a retry. */
  asyncThrottleRetries: number;
  /** Asynchronous events retried after a function error (timeout). */
  asyncErrorRetries: number;
  /** Asynchronous events given up (too old, or out of retries). */
  asyncDropped: number;
  /** Of those, sent to the on-failure destination. */
  asyncToDestination: number;
  timeouts: number;
  /** Invocations that failed on the database: a query hit the statement timeout, or no connection could be opened. */
  dbErrors: number;
  environmentsCreated: number;
  /** On-demand environments shut down at `maxLifetimeMs` (not for idleness). */
  environmentsRecycled: number;
  peakConcurrency: number;
  peakEnvironments: number;
  /** Requests (sync) and events (async) by final outcome. */
  arrived: number;
  served: number;
  failed: number;
  /** Σ busy time of environments (init + run), ms. */
  busyMs: number;
  /** Σ lifetime of environments, ms. */
  environmentMs: number;
}

const NEW_COUNTERS = (): FunctionCounters => ({
  invocations: 0,
  coldStarts: 0,
  throttles: 0,
  sourceThrottles: 0,
  asyncThrottleRetries: 0,
  asyncErrorRetries: 0,
  asyncDropped: 0,
  asyncToDestination: 0,
  timeouts: 0,
  dbErrors: 0,
  environmentsCreated: 0,
  environmentsRecycled: 0,
  peakConcurrency: 0,
  peakEnvironments: 0,
  arrived: 0,
  served: 0,
  failed: 0,
  busyMs: 0,
  environmentMs: 0,
});
const ASYNC_THROTTLE_BACKOFF_MS = 1000;
const ASYNC_THROTTLE_BACKOFF_MAX_MS = 300_000;
/** Waits before the first and second retry of an event whose invocation failed (fact 65). */
const ASYNC_ERROR_RETRY_MS = [60_000, 120_000] as const;

/**
 * Something inside the function's timeline that starts invocations itself: an SQS event source
 * mapping. The function asks it for the next time it wants to act (`nextTime`), calls `fire` at
 * that time in order with its own events, and reports each invocation's end through `done`.
 */
export interface InvocationSource {
  /** Earliest time this source wants to start an invocation (Infinity: none now). */
  nextTime(): number;
  /** Acts at `t` (it calls `invokeFor`). */
  fire(t: number): void;
  /** The invocation `tag` ended at `t`: `ok` false when it timed out. */
  done(tag: number, t: number, ok: boolean): void;
}

/**
 * Someone who watches a function as it runs (the calibration harness, a view): told of events as
 * they happen, never able to change them. Not part of the simulation's state (not checkpointed).
 */
export interface FunctionObserver {
  /** An invocation started at `atMs`, on a new environment (`cold`) or an existing one. */
  invoked?(atMs: number, cold: boolean): void;
  /**
   * An on-demand environment shut down at `atMs`: created at `createdAtMs`, its last invocation
   * ended at `lastEndMs`; `recycled` when it reached `MaxLifetime` (otherwise it had been idle for
   * its drawn spare lifetime, or the whole function for `IdleLifetime`).
   */
  environmentEnded?(createdAtMs: number, lastEndMs: number, atMs: number, recycled: boolean): void;
}

/** How an invocation ends (`reqTimedOut`). */
const OK = 0;
const FAIL_TIMEOUT = 1;
const FAIL_DB = 2;

/** Flags of a buffered arrival. */
const ARRIVAL_ASYNC = 1;
const ARRIVAL_PROVISIONED = 2;

type SeriesName = 'concurrency' | 'environments' | 'coldStarts' | 'throttles' | 'latency';

export class FunctionModel implements Component {
  readonly name: string;
  counters: FunctionCounters = NEW_COUNTERS();
  readonly series: Record<SeriesName, Series>;
  private readonly initDist: Distribution;
  private readonly scaling: TokenBucket;

  // Environments (rows).
  private cap = 0;
  private state = new Int8Array(0);
  private provisionedEnv = new Uint8Array(0);
  private createdAt = new Float64Array(0);
  private idleSince = new Float64Array(0);
  /** When an idle on-demand environment in `reapHeap` is shut down for idleness (its own timer). */
  private reapAt = new Float64Array(0);
  private busyUntil = new Float64Array(0);
  private initUntil = new Float64Array(0);
  /** Σ busy time (INIT included) of the environment in the row, over its finished invocations, ms. */
  private envBusyMs = new Float64Array(0);
  /**
   * The invocation an environment runs: when it started, when its request first arrived, its
   * async throttle-backoff steps (-1 for a synchronous request) and error retries, its duration
   * and whether it timed out.
   */
  private startAt = new Float64Array(0);
  private reqArrival = new Float64Array(0);
  private reqBackoff = new Int32Array(0);
  private reqErrors = new Int32Array(0);
  private reqDuration = new Float64Array(0);
  private reqTimedOut = new Uint8Array(0);
  private reqProvisioned = new Uint8Array(0);
  /** The request's database work: queries and CPU-ms per query (kept for an async retry). */
  private reqQueries = new Float64Array(0);
  private reqDbCpu = new Float64Array(0);
  /** Database connections an environment holds, and the database instance they are on. */
  private envConns = new Int32Array(0);
  private envConnInstance = new Int32Array(0);
  private freeRows: number[] = [];
  private envCount = 0;
  private busyCount = 0;
  /** Of busyCount, invocations started by sources (their messages are counted by the queue). */
  private sourceBusy = 0;

  private readonly busy: IndexHeap;
  /** Idle on-demand environments in the order they became idle (ring buffer). */
  private idle = new Int32Array(16);
  private idleHead = 0;
  private idleLen = 0;
  /**
   * Idle on-demand environments idle for IdleLifetime or more (not stale), by `reapAt`. One joins
   * (and draws its own lifetime) only when it has been idle IdleLifetime: most are taken again
   * long before, and cost no heap work or draw. They join in the idle ring's order: its first
   * `promotedLen` entries have been considered.
   */
  private readonly reapHeap: RemovableHeap;
  private promotedLen = 0;
  /** When the function last went from running something to running nothing (busyCount 0). */
  private allIdleSince = 0;
  /** Draws each spare's idle lifetime (only when spareIdleLifetimeMs > idleLifetimeMs), as it joins `reapHeap`. */
  private readonly idleRandom: RandomStream;
  /** Idle provisioned environments (stack). */
  private pcIdle: number[] = [];
  /**
   * Environments recycled while idle: shut down, but their row is still in the idle ring until it
   * reaches an end of it, which frees the row (1: such a row).
   */
  private stale = new Uint8Array(0);
  /**
   * On-demand environments in creation order, for recycling at `maxLifetimeMs` (a FIFO: their
   * recycle times come in the same order): the row and its `createdAt`, to skip rows reaped since.
   */
  private recycleRow: number[] = [];
  private recycleBorn: number[] = [];
  private recycleHead = 0;

  // Asynchronous events waiting for an attempt (slab + heap by next attempt time).
  private aCap = 0;
  private aNext = new Float64Array(0);
  private aFirst = new Float64Array(0);
  private aBackoff = new Int32Array(0);
  private aErrors = new Int32Array(0);
  private aDuration = new Float64Array(0);
  private aProvisioned = new Uint8Array(0);
  private aQueries = new Float64Array(0);
  private aDbCpu = new Float64Array(0);
  private aFree: number[] = [];
  private readonly asyncHeap: IndexHeap;

  /**
   * Arrivals delivered this tick, not yet invoked: time, duration (ms, scaled) and flags. Several
   * workloads aimed at the function are merged here by time before `advance` invokes them.
   */
  private pTime = new Float64Array(64);
  private pDuration = new Float64Array(64);
  private pFlags = new Uint8Array(64);
  private pQueries = new Float64Array(64);
  private pDbCpu = new Float64Array(64);
  private pLen = 0;
  private pPos = 0;
  private pSorted = true;
  /** The database the handler queries, its connection pool per environment and its endpoint. */
  private db: DatabasePort | undefined;
  private observer: FunctionObserver | undefined;
  private dbPool = 0;
  private dbEndpoint: 0 | 1 = 0;
  /** Sources that start invocations themselves (event source mappings), by index. */
  private readonly sources: InvocationSource[] = [];
  /** Invocations started by a source: its index (-1: none) and the source's tag. */
  private reqSource = new Int32Array(0);
  private reqTag = new Int32Array(0);

  private tickCold = 0;
  private tickThrottles = 0;
  private tickLatencySum = 0;
  private tickLatencyCount = 0;

  constructor(
    engine: Engine,
    readonly config: FunctionConfig,
    private readonly account: LambdaAccount,
    private readonly random: RandomStream,
    readonly latency: LatencyRecorder,
    /** Billing usage (requests, GB-ms on demand and on provisioned concurrency, INIT, storage). */
    readonly meter: LambdaMeter,
  ) {
    this.name = `lambda:${config.logicalId}`;
    this.initDist = createDistribution(config.initDuration);
    this.scaling = new TokenBucket(config.scalingPer10s, config.scalingPer10s / 10);
    this.busy = new IndexHeap(this.busyUntil);
    this.asyncHeap = new IndexHeap(this.aNext);
    this.reapHeap = new RemovableHeap(this.reapAt);
    this.idleRandom = engine.random.stream(`lambda:${config.logicalId}:idle`);
    const w = engine.tickMs;
    this.series = {
      concurrency: new Series('concurrency', 'environments', w),
      environments: new Series('environments', 'environments', w),
      coldStarts: new Series('coldStartsPerSecond', 'per s', w),
      throttles: new Series('throttlesPerSecond', 'per s', w),
      latency: new Series('latencyMeanMs', 'ms', w),
    };
  }

  /** Sets (or, with undefined, removes) who watches this function; see `FunctionObserver`. */
  observe(observer: FunctionObserver | undefined): void {
    this.observer = observer;
  }

  /** Creates the provisioned environments (initialised before Start). */
  start(): void {
    this.meter.setProvisioned(this.config.provisioned, 0);
    for (let i = 0; i < this.config.provisioned; i++) {
      const row = this.newRow(0, true);
      if (this.db !== undefined) this.openPool(row, 0);
      this.state[row] = ES.IDLE;
      this.idleSince[row] = 0;
      this.pcIdle.push(row);
    }
  }

  /**
   * The environment rows, read-only, for views (the browser app): `cap` rows; `state[row]` is an
   * `ES` index, rows with `createdAt < 0` are free; `initUntil` ends a cold start's INIT (ms);
   * `idleSince` is when an idle environment's last request ended.
   * The arrays are replaced when they grow: read them again each frame.
   */
  environmentView(): {
    readonly cap: number;
    readonly state: Readonly<Int8Array>;
    readonly provisionedEnv: Readonly<Uint8Array>;
    readonly createdAt: Readonly<Float64Array>;
    readonly initUntil: Readonly<Float64Array>;
    readonly idleSince: Readonly<Float64Array>;
    readonly busyMs: Readonly<Float64Array>;
  } {
    return {
      cap: this.cap,
      state: this.state,
      provisionedEnv: this.provisionedEnv,
      createdAt: this.createdAt,
      initUntil: this.initUntil,
      idleSince: this.idleSince,
      busyMs: this.envBusyMs,
    };
  }

  /** Whether the handler queries a database. */
  get hasDatabase(): boolean {
    return this.db !== undefined;
  }

  /** Busy environments now (the function's concurrency). */
  get concurrency(): number {
    return this.busyCount;
  }

  /** Existing environments now (busy or idle). */
  get environments(): number {
    return this.envCount;
  }

  /**
   * Connects the handler to a database: each environment opens `poolSize` connections when it
   * starts (a burst of cold starts is a burst of connections) and closes them when reaped; a
   * request's queries (its workload's DB work) run inside its invocation.
   */
  attachDatabase(db: DatabasePort, poolSize: number, endpoint: 0 | 1 = 0): void {
    this.db = db;
    this.dbPool = poolSize;
    this.dbEndpoint = endpoint;
  }

  /**
   * A sink for one workload entry: synchronous (`RequestResponse`) or asynchronous (`Event`);
   * each request's `DurationMs` is multiplied by `durationFactor` (CPU-bound work at this memory).
   */
  sink(async: boolean, durationFactor = 1, provisioned = true, dbWork?: DbWorkDraw, dbRandom?: RandomStream): { deliver(batch: ArrivalBatch): void } {
    return { deliver: (batch) => this.deliver(batch, async, durationFactor, provisioned, dbWork, dbRandom) };
  }

  /**
   * Invokes the function for each request of the batch. `provisioned`: the requests invoke the
   * alias or version that has the provisioned concurrency (an unqualified invocation runs
   * `$LATEST`, which never uses it).
   */
  deliver(batch: ArrivalBatch, async: boolean, durationFactor = 1, provisioned = true, dbWork?: DbWorkDraw, dbRandom?: RandomStream): void {
    const d = batch.work.DurationMs;
    const n = batch.count;
    if (n === 0) return;
    if (this.pLen + n > this.pTime.length) this.growPending(this.pLen + n);
    const flags = (async ? ARRIVAL_ASYNC : 0) | (provisioned ? ARRIVAL_PROVISIONED : 0);
    const first = batch.tickStartMs + batch.offsetsMs[0]!;
    if (this.pLen > this.pPos && first < this.pTime[this.pLen - 1]!) this.pSorted = false;
    for (let i = 0; i < n; i++) {
      const k = this.pLen + i;
      this.pTime[k] = batch.tickStartMs + batch.offsetsMs[i]!;
      this.pDuration[k] = d !== undefined ? d[i]! * durationFactor : 0;
      this.pFlags[k] = flags;
      if (dbWork !== undefined && dbRandom !== undefined && dbWork.any) {
        dbWork.draw(dbRandom);
        this.pQueries[k] = dbWork.queryCount;
        this.pDbCpu[k] = dbWork.cpuMsPerQuery;
      } else {
        this.pQueries[k] = 0;
        this.pDbCpu[k] = 0;
      }
    }
    this.pLen += n;
  }

  /** Adds a source that starts invocations itself; returns its index for `invokeFor`. */
  addSource(source: InvocationSource): number {
    this.sources.push(source);
    return this.sources.length - 1;
  }

  /**
   * A synchronous invocation by source `index` at `t` (called from its `fire`), of `durationMs`;
   * returns when it will end (ms), or -1 when it was throttled. Its end reaches the source's `done` with `tag`.
   */
  invokeFor(index: number, tag: number, t: number, durationMs: number, provisioned: boolean, queries = 0, dbCpuMs = 0): number {
    return this.invoke(t, durationMs, t, -1, 0, provisioned, queries, dbCpuMs, index, tag);
  }

  step(tickStartMs: number, tickMs: number): void {
    const end = tickStartMs + tickMs;
    this.advance(end);
    const dtS = tickMs / 1000;
    const s = this.series;
    s.concurrency.record(tickStartMs, this.busyCount);
    s.environments.record(tickStartMs, this.envCount);
    s.coldStarts.record(tickStartMs, this.tickCold / dtS);
    s.throttles.record(tickStartMs, this.tickThrottles / dtS);
    if (this.tickLatencyCount > 0) s.latency.record(tickStartMs, this.tickLatencySum / this.tickLatencyCount);
    this.tickCold = 0;
    this.tickThrottles = 0;
    this.tickLatencySum = 0;
    this.tickLatencyCount = 0;
  }

  /** Processes completions, reaps and async retries due at or before `t`, earliest first. */
  advance(t: number): void {
    const lifetime = this.config.idleLifetimeMs;
    if (!this.pSorted) this.sortPending();
    for (;;) {
      const tBusy = this.busy.peekKey();
      const tPromote = this.promotedLen < this.idleLen ? this.idleSince[this.idle[(this.idleHead + this.promotedLen) % this.idle.length]!]! + lifetime : Number.POSITIVE_INFINITY;
      const tReap = this.reapHeap.peekKey();
      // Nothing running for IdleLifetime: the function's idle environments all go.
      const tAllIdle = this.busyCount === 0 && this.idleLen > 0 ? this.allIdleSince + lifetime : Number.POSITIVE_INFINITY;
      const tAsync = this.asyncHeap.peekKey();
      const tRecycle = this.recycleHead < this.recycleRow.length ? this.recycleBorn[this.recycleHead]! + this.config.maxLifetimeMs : Number.POSITIVE_INFINITY;
      let tSource = Number.POSITIVE_INFINITY;
      let source = -1;
      for (let i = 0; i < this.sources.length; i++) {
        const ts = this.sources[i]!.nextTime();
        if (ts < tSource) {
          tSource = ts;
          source = i;
        }
      }
      const next = Math.min(tBusy, tPromote, tReap, tAllIdle, tAsync, tSource, tRecycle);
      const tArrival = this.pPos < this.pLen ? this.pTime[this.pPos]! : Number.POSITIVE_INFINITY;
      // Completions, reaps and retries due at an arrival's time come before it.
      if (next <= t && next <= tArrival) {
        // At equal times: completions, idle reaps, recycles, then whatever invokes (retries, sources).
        if (tBusy === next) this.complete(this.busy.pop());
        else if (tPromote === next) this.promote();
        else if (tReap === next) this.reap(this.reapHeap.pop(), next);
        else if (tAllIdle === next) this.reapAll(next);
        else if (tRecycle === next) this.recycleDue(next);
        else if (tAsync === next) this.retryAsync(this.asyncHeap.pop());
        else this.sources[source]!.fire(next);
      } else if (tArrival <= t) {
        const k = this.pPos++;
        const flags = this.pFlags[k]!;
        this.counters.arrived++;
        this.invoke(tArrival, this.pDuration[k]!, tArrival, flags & ARRIVAL_ASYNC ? 0 : -1, 0, (flags & ARRIVAL_PROVISIONED) !== 0, this.pQueries[k]!, this.pDbCpu[k]!);
      } else {
        if (this.pPos === this.pLen) this.pPos = this.pLen = 0;
        return; // also stops on NaN: never spin
      }
    }
  }

  /** Orders the buffered arrivals by time (stable: workloads keep their order at equal times). */
  private sortPending(): void {
    const from = this.pPos;
    const n = this.pLen - from;
    const order = Array.from({ length: n }, (_, i) => from + i);
    const time = this.pTime;
    order.sort((a, b) => time[a]! - time[b]! || a - b);
    const t = Float64Array.from(order, (k) => time[k]!);
    const d = Float64Array.from(order, (k) => this.pDuration[k]!);
    const f = Uint8Array.from(order, (k) => this.pFlags[k]!);
    const q = Float64Array.from(order, (k) => this.pQueries[k]!);
    const c = Float64Array.from(order, (k) => this.pDbCpu[k]!);
    this.pTime.set(t, from);
    this.pDuration.set(d, from);
    this.pFlags.set(f, from);
    this.pQueries.set(q, from);
    this.pDbCpu.set(c, from);
    this.pSorted = true;
  }

  private growPending(n: number): void {
    let size = this.pTime.length;
    while (size < n) size *= 2;
    const grow = <T extends Float64Array | Uint8Array>(a: T, b: T): T => {
      b.set(a.subarray(0, this.pLen));
      return b;
    };
    this.pTime = grow(this.pTime, new Float64Array(size));
    this.pDuration = grow(this.pDuration, new Float64Array(size));
    this.pFlags = grow(this.pFlags, new Uint8Array(size));
    this.pQueries = grow(this.pQueries, new Float64Array(size));
    this.pDbCpu = grow(this.pDbCpu, new Float64Array(size));
  }

  finish(endMs: number): void {
    this.meter.finish(endMs);
    const c = this.counters;
    // Environments still alive count their lifetime to the end; busy ones their busy time so far.
    for (let row = 0; row < this.cap; row++) {
      const st = this.state[row]!;
      if (st === ES.REAPED || this.createdAt[row]! < 0) continue;
      c.environmentMs += endMs - this.createdAt[row]!;
      if (st === ES.BUSY || st === ES.INITIALIZING) c.busyMs += endMs - this.startAt[row]!;
    }
  }

  /** Requests in flight or waiting for a retry (the report's `queued`). */
  queued(): number {
    return this.busyCount - this.sourceBusy + this.asyncHeap.size + (this.pLen - this.pPos);
  }

  // ---- invocation ----------------------------------------------------------------------------

  /**
   * One attempt at `t` of a request of `durationMs` that first arrived at `firstArrival`.
   * `backoff` is -1 for a synchronous request, else the async event's throttle retries so far;
   * `errors` its retries after failed invocations.
   */
  private invoke(
    t: number,
    durationMs: number,
    firstArrival: number,
    backoff: number,
    errors: number,
    provisioned: boolean,
    queries: number,
    dbCpuMs: number,
    source = -1,
    tag = 0,
  ): number {
    const cfg = this.config;
    const c = this.counters;
    const onProvisioned = provisioned && this.pcIdle.length > 0;
    // Concurrency: a reserved function has its own cap; the others share the unreserved pool,
    // except on their provisioned environments (set aside from the pool already).
    if (cfg.reserved !== undefined ? this.busyCount >= cfg.reserved : !onProvisioned && this.account.unreservedInUse >= this.account.unreservedLimit) {
      this.throttle(t, durationMs, firstArrival, backoff, errors, provisioned, queries, dbCpuMs, source);
      return -1;
    }
    let cold = false;
    let row = onProvisioned ? this.pcIdle.pop()! : this.takeIdle();
    if (row < 0) {
      const tokens = this.account.scalingModel === 'legacy' ? this.account.legacyBucket : this.scaling;
      if (tokens.take(t, 1) === 0) {
        this.throttle(t, durationMs, firstArrival, backoff, errors, provisioned, queries, dbCpuMs, source);
        return -1;
      }
      row = this.newRow(t, false);
      cold = true;
    }
    const pc = this.provisionedEnv[row] === 1;
    if (!pc && cfg.reserved === undefined) this.account.unreservedInUse++;
    let initMs = 0;
    if (cold) {
      initMs = Math.max(0, this.initDist.sample(this.random));
      c.coldStarts++;
      this.tickCold++;
      this.state[row] = ES.INITIALIZING;
    } else {
      this.state[row] = environmentLifecycle.next(this.state[row]!, 'INVOKE');
    }
    // The handler's own work, then its queries (which wait on the database).
    let totalMs = durationMs;
    let outcome = durationMs > cfg.timeoutMs ? FAIL_TIMEOUT : OK;
    if (this.db !== undefined && outcome === OK) {
      if (this.envConns[row] === 0 && this.dbPool > 0) this.openPool(row, t);
      if (this.dbPool > 0 && this.envConns[row] === 0) {
        outcome = FAIL_DB; // "too many connections": the handler fails at once
        totalMs = 0;
      } else if (queries > 0) {
        // Submitted at the invocation's start, not at its future end of INIT and work: the database
        // works through the time order of its callers, and a submit from the future would drain its
        // backlog ahead of the others'. The total time is the same.
        const r = this.db.submit(t, queries, dbCpuMs, this.dbEndpoint, cfg.timeoutMs - durationMs);
        totalMs += r.latencyMs;
        // Queries that used up the rest of the function's time end in its timeout; a statement
        // timeout that struck earlier is the handler's error.
        if (totalMs >= cfg.timeoutMs - 1e-6) outcome = FAIL_TIMEOUT;
        else if (r.timedOut) outcome = FAIL_DB;
      }
    }
    const runMs = outcome === FAIL_TIMEOUT ? cfg.timeoutMs : totalMs;
    this.initUntil[row] = t + initMs;
    this.busyUntil[row] = t + initMs + runMs;
    this.startAt[row] = t;
    this.reqArrival[row] = firstArrival;
    this.reqBackoff[row] = backoff;
    this.reqErrors[row] = errors;
    this.reqProvisioned[row] = provisioned ? 1 : 0;
    this.reqDuration[row] = durationMs;
    this.reqTimedOut[row] = outcome;
    this.reqQueries[row] = queries;
    this.reqDbCpu[row] = dbCpuMs;
    this.reqSource[row] = source;
    this.reqTag[row] = tag;
    if (source >= 0) this.sourceBusy++;
    this.busy.push(row);
    this.busyCount++;
    if (this.busyCount > c.peakConcurrency) c.peakConcurrency = this.busyCount;
    c.invocations++;
    this.observer?.invoked?.(t, cold);
    this.meter.invoke(runMs, pc);
    if (cold) this.meter.init(initMs);
    return this.busyUntil[row]!;
  }

  private throttle(
    t: number,
    durationMs: number,
    firstArrival: number,
    backoff: number,
    errors: number,
    provisioned: boolean,
    queries: number,
    dbCpuMs: number,
    source: number,
  ): void {
    const c = this.counters;
    this.tickThrottles++;
    if (source >= 0) {
      c.sourceThrottles++;
      return;
    }
    if (backoff < 0) {
      c.throttles++;
      return;
    }
    // Throttled events go back to the internal queue and are retried with backoff from 1 s up to
    // 5 minutes, until MaximumEventAgeInSeconds (fact 65).
    c.asyncThrottleRetries++;
    const wait = Math.min(ASYNC_THROTTLE_BACKOFF_MAX_MS, ASYNC_THROTTLE_BACKOFF_MS * 2 ** Math.min(20, backoff));
    this.queueAsync(t + wait, firstArrival, backoff + 1, errors, durationMs, provisioned, queries, dbCpuMs);
  }

  private complete(row: number): void {
    const c = this.counters;
    const end = this.busyUntil[row]!;
    const cfg = this.config;
    this.busyCount--;
    c.busyMs += end - this.startAt[row]!;
    this.envBusyMs[row]! += end - this.startAt[row]!;
    if (this.provisionedEnv[row] !== 1 && cfg.reserved === undefined) this.account.unreservedInUse--;
    if (this.state[row] === ES.INITIALIZING) this.state[row] = environmentLifecycle.next(ES.INITIALIZING, 'INITIALIZED');
    this.state[row] = environmentLifecycle.next(this.state[row]!, 'DONE');
    this.idleSince[row] = end;
    if (this.busyCount === 0) this.allIdleSince = end;
    if (this.provisionedEnv[row] === 1) this.pcIdle.push(row);
    else if (end >= this.createdAt[row]! + cfg.maxLifetimeMs) {
      // Lived its maximum: shut down after this request instead of waiting idle.
      this.shutDown(row, end, true);
      this.counters.environmentsRecycled++;
      this.freeRows.push(row);
    } else this.pushIdle(row);
    const source = this.reqSource[row]!;
    const outcome = this.reqTimedOut[row]!;
    if (outcome === FAIL_TIMEOUT) c.timeouts++;
    else if (outcome === FAIL_DB) c.dbErrors++;
    if (source >= 0) {
      this.sourceBusy--;
      const ok = outcome === OK;
      // The messages' latency (sent to deleted) is the queue's to record.
      this.sources[source]!.done(this.reqTag[row]!, end, ok);
      return;
    }
    if (outcome !== OK) {
      if (this.reqBackoff[row]! < 0) c.failed++;
      else this.asyncError(end, this.reqArrival[row]!, this.reqErrors[row]!, this.reqDuration[row]!, this.reqProvisioned[row] === 1, this.reqQueries[row]!, this.reqDbCpu[row]!);
      return;
    }
    c.served++;
    const latency = end - this.reqArrival[row]!;
    this.latency.record(latency);
    this.tickLatencySum += latency;
    this.tickLatencyCount++;
  }

  /** A failed async invocation: retried after 1 and then 2 minutes, up to MaximumRetryAttempts (fact 65). */
  private asyncError(t: number, firstArrival: number, errors: number, durationMs: number, provisioned: boolean, queries: number, dbCpuMs: number): void {
    if (errors < this.config.maxRetryAttempts) {
      this.counters.asyncErrorRetries++;
      this.queueAsync(t + ASYNC_ERROR_RETRY_MS[Math.min(errors, 1)]!, firstArrival, 0, errors + 1, durationMs, provisioned, queries, dbCpuMs);
    } else {
      this.dropAsync();
    }
  }

  private dropAsync(): void {
    const c = this.counters;
    c.failed++;
    c.asyncDropped++;
    if (this.config.hasFailureDestination) c.asyncToDestination++;
  }

  /** Puts an event back in the internal queue for an attempt at `at`, unless it would be too old by then. */
  private queueAsync(at: number, firstArrival: number, backoff: number, errors: number, durationMs: number, provisioned: boolean, queries: number, dbCpuMs: number): void {
    if (at - firstArrival >= this.config.maxEventAgeMs) {
      this.dropAsync();
      return;
    }
    if (this.aFree.length === 0) this.growAsync();
    const id = this.aFree.pop()!;
    this.aNext[id] = at;
    this.aFirst[id] = firstArrival;
    this.aBackoff[id] = backoff;
    this.aErrors[id] = errors;
    this.aDuration[id] = durationMs;
    this.aProvisioned[id] = provisioned ? 1 : 0;
    this.aQueries[id] = queries;
    this.aDbCpu[id] = dbCpuMs;
    this.asyncHeap.push(id);
  }

  private retryAsync(id: number): void {
    const t = this.aNext[id]!;
    this.aFree.push(id);
    this.invoke(t, this.aDuration[id]!, this.aFirst[id]!, this.aBackoff[id]!, this.aErrors[id]!, this.aProvisioned[id] === 1, this.aQueries[id]!, this.aDbCpu[id]!);
  }

  // ---- environments --------------------------------------------------------------------------

  private newRow(t: number, provisioned: boolean): number {
    if (this.freeRows.length === 0) this.growRows();
    const row = this.freeRows.pop()!;
    this.state[row] = environmentLifecycle.initial;
    this.provisionedEnv[row] = provisioned ? 1 : 0;
    this.createdAt[row] = t;
    this.envBusyMs[row] = 0;
    if (!provisioned && this.config.maxLifetimeMs !== Number.POSITIVE_INFINITY) {
      this.recycleRow.push(row);
      this.recycleBorn.push(t);
    }
    this.envCount++;
    const c = this.counters;
    c.environmentsCreated++;
    if (this.envCount > c.peakEnvironments) c.peakEnvironments = this.envCount;
    return row;
  }

  /**
   * The next idle environment in the ring has been idle for IdleLifetime: it draws its own
   * lifetime (IdleLifetime to SpareIdleLifetime since it became idle) and joins `reapHeap`.
   */
  private promote(): void {
    const row = this.idle[(this.idleHead + this.promotedLen) % this.idle.length]!;
    this.promotedLen++;
    if (this.stale[row] === 1) return;
    const cfg = this.config;
    const spread = cfg.spareIdleLifetimeMs - cfg.idleLifetimeMs;
    this.reapAt[row] = this.idleSince[row]! + cfg.idleLifetimeMs + (spread > 0 ? spread * this.idleRandom.next() : 0);
    this.reapHeap.push(row);
  }

  /**
   * An idle environment has reached its `reapAt`: it is shut down, and its row stays in the idle
   * ring, marked stale, until it reaches an end of it.
   */
  private reap(row: number, at: number): void {
    this.shutDown(row, at, false);
    this.stale[row] = 1;
    this.dropStaleEnds();
  }

  /** Nothing has run for IdleLifetime: every idle on-demand environment is shut down, oldest first. */
  private reapAll(at: number): void {
    for (let i = 0; i < this.idleLen; i++) {
      const row = this.idle[(this.idleHead + i) % this.idle.length]!;
      if (this.stale[row] === 1) continue;
      this.reapHeap.remove(row);
      this.shutDown(row, at, false);
      this.stale[row] = 1;
    }
    this.dropStaleEnds();
  }

  /** Frees the rows of shut-down environments at either end of the idle ring. */
  private dropStaleEnds(): void {
    while (this.idleLen > 0 && this.stale[this.idle[this.idleHead]!] === 1) this.freeStale(this.popIdleHead());
    while (this.idleLen > 0 && this.stale[this.idle[(this.idleHead + this.idleLen - 1) % this.idle.length]!] === 1) this.freeStale(this.popIdleTail());
  }

  /** Shuts an idle environment down at `at` (its row is freed by the caller). */
  private shutDown(row: number, at: number, recycled: boolean): void {
    this.observer?.environmentEnded?.(this.createdAt[row]!, this.idleSince[row]!, at, recycled);
    this.state[row] = environmentLifecycle.next(this.state[row]!, 'REAP');
    if (this.envConns[row]! > 0) {
      this.db?.closeConnections(at, this.envConns[row]!, this.envConnInstance[row]!);
      this.envConns[row] = 0;
    }
    this.counters.environmentMs += at - this.createdAt[row]!;
    this.createdAt[row] = -1;
    this.envCount--;
  }

  /**
   * The oldest on-demand environment reached `maxLifetimeMs` at `at`: an idle one is shut down now
   * (its row stays in the idle ring, marked stale, until it reaches an end); a busy one at the end
   * of its request (`complete`); one reaped already is skipped.
   */
  private recycleDue(at: number): void {
    const k = this.recycleHead++;
    const row = this.recycleRow[k]!;
    const born = this.recycleBorn[k]!;
    if (this.recycleHead > 1024 && this.recycleHead * 2 > this.recycleRow.length) {
      this.recycleRow.splice(0, this.recycleHead);
      this.recycleBorn.splice(0, this.recycleHead);
      this.recycleHead = 0;
    }
    // Skip an environment reaped since (its row may hold a newer one), or one busy now (`complete` recycles it).
    if (this.createdAt[row] !== born || this.stale[row] === 1 || this.state[row] !== ES.IDLE) return;
    this.reapHeap.remove(row);
    this.shutDown(row, at, true);
    this.counters.environmentsRecycled++;
    this.stale[row] = 1;
    this.dropStaleEnds();
  }

  private freeStale(row: number): void {
    this.stale[row] = 0;
    this.freeRows.push(row);
  }

  /** Takes an idle on-demand environment by `IdleSelection`, skipping recycled ones; -1 when none. */
  private takeIdle(): number {
    const mostRecent = this.config.idleSelection === 'most-recent';
    while (this.idleLen > 0) {
      const row = mostRecent ? this.popIdleTail() : this.popIdleHead();
      if (this.stale[row] !== 1) {
        this.reapHeap.remove(row);
        return row;
      }
      this.freeStale(row);
    }
    return -1;
  }

  /** Opens what is missing of an environment's connection pool at `t` (the database may refuse some). */
  private openPool(row: number, t: number): void {
    const db = this.db!;
    const want = this.dbPool - this.envConns[row]!;
    if (want <= 0) return;
    const opened = db.openConnections(t, want, this.dbEndpoint);
    if (opened > 0) {
      this.envConns[row]! += opened;
      this.envConnInstance[row] = db.lastInstance;
    }
  }

  private pushIdle(row: number): void {
    if (this.idleLen === this.idle.length) {
      const grown = new Int32Array(this.idle.length * 2);
      for (let i = 0; i < this.idleLen; i++) grown[i] = this.idle[(this.idleHead + i) % this.idle.length]!;
      this.idle = grown;
      this.idleHead = 0;
    }
    this.idle[(this.idleHead + this.idleLen) % this.idle.length] = row;
    this.idleLen++;
  }

  private popIdleHead(): number {
    const row = this.idle[this.idleHead]!;
    this.idleHead = (this.idleHead + 1) % this.idle.length;
    this.idleLen--;
    if (this.promotedLen > 0) this.promotedLen--;
    return row;
  }

  private popIdleTail(): number {
    this.idleLen--;
    if (this.promotedLen > this.idleLen) this.promotedLen = this.idleLen;
    return this.idle[(this.idleHead + this.idleLen) % this.idle.length]!;
  }

  private growRows(): void {
    const size = Math.max(16, this.cap * 2);
    const grow = <T extends Float64Array | Int32Array | Int8Array | Uint8Array>(a: T, make: (n: number) => T): T => {
      const b = make(size);
      b.set(a);
      return b;
    };
    this.state = grow(this.state, (n) => new Int8Array(n));
    this.provisionedEnv = grow(this.provisionedEnv, (n) => new Uint8Array(n));
    this.createdAt = grow(this.createdAt, (n) => new Float64Array(n));
    this.idleSince = grow(this.idleSince, (n) => new Float64Array(n));
    this.reapAt = grow(this.reapAt, (n) => new Float64Array(n));
    this.busyUntil = grow(this.busyUntil, (n) => new Float64Array(n));
    this.initUntil = grow(this.initUntil, (n) => new Float64Array(n));
    this.envBusyMs = grow(this.envBusyMs, (n) => new Float64Array(n));
    this.startAt = grow(this.startAt, (n) => new Float64Array(n));
    this.reqArrival = grow(this.reqArrival, (n) => new Float64Array(n));
    this.reqBackoff = grow(this.reqBackoff, (n) => new Int32Array(n));
    this.reqErrors = grow(this.reqErrors, (n) => new Int32Array(n));
    this.reqDuration = grow(this.reqDuration, (n) => new Float64Array(n));
    this.reqTimedOut = grow(this.reqTimedOut, (n) => new Uint8Array(n));
    this.reqProvisioned = grow(this.reqProvisioned, (n) => new Uint8Array(n));
    this.reqSource = grow(this.reqSource, (n) => new Int32Array(n));
    this.reqTag = grow(this.reqTag, (n) => new Int32Array(n));
    this.reqQueries = grow(this.reqQueries, (n) => new Float64Array(n));
    this.reqDbCpu = grow(this.reqDbCpu, (n) => new Float64Array(n));
    this.envConns = grow(this.envConns, (n) => new Int32Array(n));
    this.envConnInstance = grow(this.envConnInstance, (n) => new Int32Array(n));
    this.stale = grow(this.stale, (n) => new Uint8Array(n));
    this.busy.rebind(this.busyUntil);
    this.reapHeap.rebind(this.reapAt);
    for (let r = size - 1; r >= this.cap; r--) {
      this.createdAt[r] = -1;
      this.state[r] = ES.REAPED;
      this.freeRows.push(r);
    }
    this.cap = size;
  }

  private growAsync(): void {
    const size = Math.max(16, this.aCap * 2);
    const f = (a: Float64Array) => {
      const b = new Float64Array(size);
      b.set(a);
      return b;
    };
    this.aNext = f(this.aNext);
    this.aFirst = f(this.aFirst);
    this.aDuration = f(this.aDuration);
    this.aQueries = f(this.aQueries);
    this.aDbCpu = f(this.aDbCpu);
    const i32 = (a: Int32Array) => {
      const b = new Int32Array(size);
      b.set(a);
      return b;
    };
    this.aBackoff = i32(this.aBackoff);
    this.aErrors = i32(this.aErrors);
    const u8 = new Uint8Array(size);
    u8.set(this.aProvisioned);
    this.aProvisioned = u8;
    this.asyncHeap.rebind(this.aNext);
    for (let i = size - 1; i >= this.aCap; i--) this.aFree.push(i);
    this.aCap = size;
  }

  // ---- checkpoints -----------------------------------------------------------------------------

  checkpoint(): FunctionState {
    return {
      counters: { ...this.counters },
      meter: this.meter.checkpoint(),
      scaling: this.scaling.checkpoint(),
      cap: this.cap,
      rows: {
        state: Array.from(this.state),
        provisionedEnv: Array.from(this.provisionedEnv),
        createdAt: Array.from(this.createdAt),
        idleSince: Array.from(this.idleSince),
        reapAt: Array.from(this.reapAt),
        busyUntil: Array.from(this.busyUntil),
        initUntil: Array.from(this.initUntil),
        envBusyMs: Array.from(this.envBusyMs),
        startAt: Array.from(this.startAt),
        reqArrival: Array.from(this.reqArrival),
        reqBackoff: Array.from(this.reqBackoff),
        reqErrors: Array.from(this.reqErrors),
        reqDuration: Array.from(this.reqDuration),
        reqTimedOut: Array.from(this.reqTimedOut),
        reqProvisioned: Array.from(this.reqProvisioned),
        reqSource: Array.from(this.reqSource),
        reqTag: Array.from(this.reqTag),
        reqQueries: Array.from(this.reqQueries),
        reqDbCpu: Array.from(this.reqDbCpu),
        envConns: Array.from(this.envConns),
        envConnInstance: Array.from(this.envConnInstance),
        stale: Array.from(this.stale),
      },
      pending: {
        time: Array.from(this.pTime.subarray(this.pPos, this.pLen)),
        duration: Array.from(this.pDuration.subarray(this.pPos, this.pLen)),
        flags: Array.from(this.pFlags.subarray(this.pPos, this.pLen)),
        queries: Array.from(this.pQueries.subarray(this.pPos, this.pLen)),
        dbCpu: Array.from(this.pDbCpu.subarray(this.pPos, this.pLen)),
        sorted: this.pSorted,
      },
      freeRows: [...this.freeRows],
      envCount: this.envCount,
      busyCount: this.busyCount,
      sourceBusy: this.sourceBusy,
      busy: this.busy.toArray(),
      idle: Array.from({ length: this.idleLen }, (_, i) => this.idle[(this.idleHead + i) % this.idle.length]!),
      reapHeap: this.reapHeap.toArray(),
      promotedLen: this.promotedLen,
      allIdleSince: this.allIdleSince,
      pcIdle: [...this.pcIdle],
      recycle: { row: this.recycleRow.slice(this.recycleHead), born: this.recycleBorn.slice(this.recycleHead) },
      aCap: this.aCap,
      events: {
        next: Array.from(this.aNext),
        first: Array.from(this.aFirst),
        backoff: Array.from(this.aBackoff),
        errors: Array.from(this.aErrors),
        duration: Array.from(this.aDuration),
        provisioned: Array.from(this.aProvisioned),
        queries: Array.from(this.aQueries),
        dbCpu: Array.from(this.aDbCpu),
      },
      aFree: [...this.aFree],
      asyncHeap: this.asyncHeap.toArray(),
      tick: [this.tickCold, this.tickThrottles, this.tickLatencySum, this.tickLatencyCount],
      latency: this.latency.checkpoint(),
      series: Object.fromEntries(Object.entries(this.series).map(([k, v]) => [k, v.checkpoint()])) as Record<SeriesName, SeriesState>,
    };
  }

  restore(state: unknown): void {
    const st = state as FunctionState;
    const r = st.rows;
    this.counters = { ...st.counters };
    this.meter.restore(st.meter);
    this.scaling.restore(st.scaling);
    this.cap = st.cap;
    this.state = Int8Array.from(r.state);
    this.provisionedEnv = Uint8Array.from(r.provisionedEnv);
    this.createdAt = Float64Array.from(r.createdAt);
    this.idleSince = Float64Array.from(r.idleSince);
    this.reapAt = Float64Array.from(r.reapAt);
    this.busyUntil = Float64Array.from(r.busyUntil);
    this.initUntil = Float64Array.from(r.initUntil);
    this.envBusyMs = Float64Array.from(r.envBusyMs);
    this.startAt = Float64Array.from(r.startAt);
    this.reqArrival = Float64Array.from(r.reqArrival);
    this.reqBackoff = Int32Array.from(r.reqBackoff);
    this.reqErrors = Int32Array.from(r.reqErrors);
    this.reqDuration = Float64Array.from(r.reqDuration);
    this.reqTimedOut = Uint8Array.from(r.reqTimedOut);
    this.reqProvisioned = Uint8Array.from(r.reqProvisioned);
    this.reqSource = Int32Array.from(r.reqSource);
    this.reqTag = Int32Array.from(r.reqTag);
    this.reqQueries = Float64Array.from(r.reqQueries);
    this.reqDbCpu = Float64Array.from(r.reqDbCpu);
    this.envConns = Int32Array.from(r.envConns);
    this.envConnInstance = Int32Array.from(r.envConnInstance);
    this.stale = Uint8Array.from(r.stale);
    const p = st.pending;
    this.pPos = 0;
    this.pLen = p.time.length;
    const size = Math.max(64, this.pLen);
    this.pTime = new Float64Array(size);
    this.pTime.set(p.time);
    this.pDuration = new Float64Array(size);
    this.pDuration.set(p.duration);
    this.pFlags = new Uint8Array(size);
    this.pFlags.set(p.flags);
    this.pQueries = new Float64Array(size);
    this.pQueries.set(p.queries);
    this.pDbCpu = new Float64Array(size);
    this.pDbCpu.set(p.dbCpu);
    this.pSorted = p.sorted;
    this.freeRows = [...st.freeRows];
    this.envCount = st.envCount;
    this.busyCount = st.busyCount;
    this.sourceBusy = st.sourceBusy;
    this.busy.rebind(this.busyUntil);
    this.busy.fromArray(st.busy);
    this.idle = new Int32Array(Math.max(16, st.idle.length * 2));
    this.idle.set(st.idle);
    this.idleHead = 0;
    this.idleLen = st.idle.length;
    this.reapHeap.rebind(this.reapAt);
    this.reapHeap.fromArray(st.reapHeap);
    this.promotedLen = st.promotedLen;
    this.allIdleSince = st.allIdleSince;
    this.pcIdle = [...st.pcIdle];
    this.recycleRow = [...st.recycle.row];
    this.recycleBorn = [...st.recycle.born];
    this.recycleHead = 0;
    this.aCap = st.aCap;
    this.aNext = Float64Array.from(st.events.next);
    this.aFirst = Float64Array.from(st.events.first);
    this.aBackoff = Int32Array.from(st.events.backoff);
    this.aErrors = Int32Array.from(st.events.errors);
    this.aDuration = Float64Array.from(st.events.duration);
    this.aProvisioned = Uint8Array.from(st.events.provisioned);
    this.aQueries = Float64Array.from(st.events.queries);
    this.aDbCpu = Float64Array.from(st.events.dbCpu);
    this.aFree = [...st.aFree];
    this.asyncHeap.rebind(this.aNext);
    this.asyncHeap.fromArray(st.asyncHeap);
    [this.tickCold, this.tickThrottles, this.tickLatencySum, this.tickLatencyCount] = st.tick;
    this.latency.restore(st.latency);
    for (const [k, v] of Object.entries(this.series)) v.restore(st.series[k as SeriesName]);
  }
}

export interface FunctionState {
  counters: FunctionCounters;
  meter: LambdaMeterState;
  scaling: TokenBucketState;
  cap: number;
  rows: Record<
    | 'state'
    | 'provisionedEnv'
    | 'createdAt'
    | 'idleSince'
    | 'reapAt'
    | 'busyUntil'
    | 'initUntil'
    | 'envBusyMs'
    | 'startAt'
    | 'reqArrival'
    | 'reqBackoff'
    | 'reqErrors'
    | 'reqDuration'
    | 'reqTimedOut'
    | 'reqProvisioned'
    | 'reqSource'
    | 'reqTag'
    | 'reqQueries'
    | 'reqDbCpu'
    | 'envConns'
    | 'envConnInstance'
    | 'stale',
    number[]
  >;
  pending: { time: number[]; duration: number[]; flags: number[]; queries: number[]; dbCpu: number[]; sorted: boolean };
  freeRows: number[];
  envCount: number;
  busyCount: number;
  sourceBusy: number;
  busy: number[];
  idle: number[];
  reapHeap: number[];
  promotedLen: number;
  allIdleSince: number;
  pcIdle: number[];
  recycle: { row: number[]; born: number[] };
  aCap: number;
  events: Record<'next' | 'first' | 'backoff' | 'errors' | 'duration' | 'provisioned' | 'queries' | 'dbCpu', number[]>;
  aFree: number[];
  asyncHeap: number[];
  tick: [number, number, number, number];
  latency: unknown;
  series: Record<SeriesName, SeriesState>;
}
