/**
 * One load source in the running simulation: each tick it turns the pattern's expected arrivals
 * into a batch of requests (offsets in the tick and work sizes) and hands the batch to its sink.
 * Registered in Phase.Arrivals. Steady-state ticks allocate nothing: the batch and its typed
 * arrays are reused, and grow geometrically when a tick brings more requests than ever before.
 */
import type { Component } from '../engine/Engine';
import type { RandomStream } from '../engine/RandomStreams';
import { type ArrivalProcess, createArrivalProcess } from './ArrivalProcess';
import { compilePattern } from './compilePattern';
import { createDistribution, type Distribution } from './createDistribution';
import type { RateCurve } from './RateCurve';
import type { WorkloadSpec } from './types';

/** Work keys, in the fixed order their sizes are drawn (never the YAML's key order). */
export const WORK_KEYS = ['CpuMs', 'DurationMs'] as const;
export type WorkKey = (typeof WORK_KEYS)[number];

/**
 * The requests that arrive in one tick. Valid only during `deliver`: the source reuses the object
 * and its arrays next tick, so a sink copies what it keeps. Arrays may be longer than `count`;
 * only [0, count) is this tick's.
 */
export interface ArrivalBatch {
  /** Requests in this tick. */
  readonly count: number;
  /** Arrival times, ms from `tickStartMs`: ascending, in [0, tickMs). */
  readonly offsetsMs: Float64Array;
  /** Per-request work size for each key the workload sets (undefined otherwise), in the key's unit (ms). */
  readonly work: Readonly<Record<WorkKey, Float64Array | undefined>>;
  /** Start of the tick, ms since Start. */
  readonly tickStartMs: number;
  /** Length of the tick, ms (the last tick of a run may be shorter). */
  readonly tickMs: number;
}

/** Receives each tick's batch (the workload's target: an entry point or a service). */
export interface ArrivalSink {
  deliver(batch: ArrivalBatch): void;
}

export interface WorkloadSourceOptions {
  /** Epoch ms (UTC) of the scenario's Start: places the diurnal cycle. */
  startMs: number;
}

/** A WorkloadSource's checkpoint. The stream's state is the engine's to keep. */
export interface WorkloadSourceState {
  /** The exact process's undelivered fraction of an arrival, in [0, 1). */
  carry: number;
  arrivedTotal: number;
  expectedTotal: number;
}

const INITIAL_CAPACITY = 64;

interface MutableBatch {
  count: number;
  offsetsMs: Float64Array;
  work: Record<WorkKey, Float64Array | undefined>;
  tickStartMs: number;
  tickMs: number;
}

export class WorkloadSource implements Component {
  readonly name: string;
  /** Requests delivered since Start. */
  arrivedTotal = 0;
  /** Integral of the rate since Start: what `arrivedTotal` tends to. */
  expectedTotal = 0;
  private readonly curve: RateCurve;
  private readonly process: ArrivalProcess;
  private readonly workKeys: WorkKey[] = [];
  private readonly workDists: Distribution[] = [];
  private readonly state: MutableBatch;
  private capacity = INITIAL_CAPACITY;
  private sink: ArrivalSink | undefined;

  /**
   * @param spec   the resolved workload
   * @param stream this source's own stream: counts, times and work sizes all come from it, in an
   *               order that does not depend on the target, so every variant sees the same requests
   */
  constructor(
    readonly spec: WorkloadSpec,
    private readonly stream: RandomStream,
    opts: WorkloadSourceOptions,
  ) {
    this.name = `workload:${spec.Name}`;
    this.curve = compilePattern(spec.Arrivals, { startMs: opts.startMs });
    this.process = createArrivalProcess(spec.Arrivals.Process, stream);
    const work: Record<WorkKey, Float64Array | undefined> = { CpuMs: undefined, DurationMs: undefined };
    for (const key of WORK_KEYS) {
      const dist = spec.Work[key];
      if (dist === undefined) continue;
      this.workKeys.push(key);
      this.workDists.push(createDistribution(dist));
      work[key] = new Float64Array(INITIAL_CAPACITY);
    }
    this.state = { count: 0, offsetsMs: new Float64Array(INITIAL_CAPACITY), work, tickStartMs: 0, tickMs: 0 };
  }

  /** The last tick's batch, for readers that pull instead of being delivered to. */
  get batch(): ArrivalBatch {
    return this.state;
  }

  /** Sets where batches go. Without a sink the source still draws, so its stream advances the same. */
  connect(sink: ArrivalSink): void {
    this.sink = sink;
  }

  step(tickStartMs: number, tickMs: number): void {
    let expected = this.curve.expectedArrivals(tickStartMs, tickStartMs + tickMs);
    // A negative or NaN rate (which validation rejects) yields no arrivals rather than corrupt counts.
    if (!(expected > 0)) expected = 0;
    const n = this.process.count(expected);
    if (n > this.capacity) this.grow(n);
    const b = this.state;
    this.process.place(b.offsetsMs, n, tickMs);
    const keys = this.workKeys;
    for (let k = 0; k < keys.length; k++) this.workDists[k]!.fill(b.work[keys[k]!]!, n, this.stream);
    b.count = n;
    b.tickStartMs = tickStartMs;
    b.tickMs = tickMs;
    this.arrivedTotal += n;
    this.expectedTotal += expected;
    this.sink?.deliver(b);
  }

  checkpoint(): WorkloadSourceState {
    return { carry: this.process.carry, arrivedTotal: this.arrivedTotal, expectedTotal: this.expectedTotal };
  }

  restore(state: unknown): void {
    const s = state as Partial<WorkloadSourceState> | null;
    if (
      typeof s?.carry !== 'number' ||
      typeof s.arrivedTotal !== 'number' ||
      typeof s.expectedTotal !== 'number'
    ) {
      throw new Error(`${this.name}: not a workload checkpoint: ${JSON.stringify(state)}`);
    }
    this.process.carry = s.carry;
    this.arrivedTotal = s.arrivedTotal;
    this.expectedTotal = s.expectedTotal;
    this.state.count = 0;
  }

  private grow(n: number): void {
    let cap = this.capacity;
    while (cap < n) cap *= 2;
    this.capacity = cap;
    this.state.offsetsMs = new Float64Array(cap);
    for (const key of this.workKeys) this.state.work[key] = new Float64Array(cap);
  }
}
