/**
 * CloudWatch as an alarm sees it: per-tick samples of a service-wide value aggregated into
 * datapoints of a fixed period, each visible only some time after its period ends.
 *
 * Periods are aligned to Start (period k covers [k·P, (k+1)·P)); a sample belongs to the period
 * its tick starts in. A period in which no sample had weight (no running task) gives a missing
 * datapoint, which alarms treat as insufficient data. Memory is bounded: the open period's
 * accumulators plus the closed datapoints still waiting to become visible (about
 * delay / period + 1 of them).
 */
import { nanToNull, nullToNaN } from './jsonNumbers';

/** Statistics over one period. `SumPerMeanWeight` is the sum divided by the period's mean weight (requests per target). */
export type Statistic = 'Average' | 'Minimum' | 'Maximum' | 'Sum' | 'SampleCount' | 'SumPerMeanWeight';

/** One closed period's aggregate. Missing when no sample in it had weight (`sumWeight` 0). */
export interface Datapoint {
  /** Period index k: the period is [k·period, (k+1)·period) ms since Start. */
  index: number;
  periodStartMs: number;
  periodEndMs: number;
  /** When the datapoint becomes visible to alarms, ms since Start. */
  visibleAtMs: number;
  /** Samples (ticks) in the period, with or without weight. */
  samples: number;
  /** Samples with positive weight and a finite value. */
  weightedSamples: number;
  /** Sum of the weights (e.g. running-task-ticks). */
  sumWeight: number;
  /** Sum of value × weight over weighted samples. */
  sumWeighted: number;
  /** Sum of the finite values (weighted or not; e.g. requests that arrived). */
  sum: number;
  /** Smallest / largest value among weighted samples; NaN when there were none. */
  minimum: number;
  maximum: number;
}

/** Whether the period had data at all (at least one sample with weight). */
export function isPresent(dp: Datapoint): boolean {
  return dp.sumWeight > 0;
}

/** The datapoint's value for `stat`; NaN when the datapoint is missing. */
export function statisticValue(dp: Datapoint, stat: Statistic): number {
  if (!(dp.sumWeight > 0)) return Number.NaN;
  switch (stat) {
    case 'Average':
      return dp.sumWeighted / dp.sumWeight;
    case 'Minimum':
      return dp.minimum;
    case 'Maximum':
      return dp.maximum;
    case 'Sum':
      return dp.sum;
    case 'SampleCount':
      return dp.weightedSamples;
    case 'SumPerMeanWeight':
      return dp.sum / (dp.sumWeight / dp.samples);
  }
}

/**
 * Delay from a period's end until the alarm acts on its datapoint, ms, by metric resolution.
 * Calibrated on AWS's ECS benchmark (docs/models/service-auto-scaling.md): with 3 datapoints to
 * alarm, a load rise on a period boundary triggers the scale-out 3·60 + 183 = 363 s later with
 * 60-second metrics and 3·20 + 26 = 86 s later with 20-second ones. Periods of 60 s or more
 * are standard resolution (an alarm period of 300 s over a 60-second metric waits as long).
 */
export function defaultPublishDelayMs(periodSeconds: number): number {
  return periodSeconds >= 60 ? 183_000 : 26_000;
}

export interface MetricPublisherOptions {
  /** Datapoint period, seconds (60 standard, 20 high resolution). */
  periodSeconds: number;
  /** Delay from a period's end until its datapoint is visible, ms. Default: `defaultPublishDelayMs(periodSeconds)`. */
  publishDelayMs?: number;
}

/** A datapoint in a checkpoint: NaN minimum/maximum become null. */
export interface DatapointState extends Omit<Datapoint, 'minimum' | 'maximum'> {
  minimum: number | null;
  maximum: number | null;
}

export interface MetricPublisherState {
  openIndex: number;
  samples: number;
  weightedSamples: number;
  sumWeight: number;
  sumWeighted: number;
  sum: number;
  minimum: number | null;
  maximum: number | null;
  pending: DatapointState[];
}

export class MetricPublisher {
  /** Period length, ms. */
  readonly periodMs: number;
  /** Delay from a period's end until its datapoint is visible, ms. */
  readonly publishDelayMs: number;
  private openIndex = -1;
  private samples = 0;
  private weightedSamples = 0;
  private sumWeight = 0;
  private sumWeighted = 0;
  private sum = 0;
  private minimum = Number.NaN;
  private maximum = Number.NaN;
  private pending: Datapoint[] = [];

  constructor(opts: MetricPublisherOptions) {
    if (!(opts.periodSeconds > 0)) throw new RangeError(`metric period must be positive, got ${opts.periodSeconds} s`);
    this.periodMs = opts.periodSeconds * 1000;
    this.publishDelayMs = opts.publishDelayMs ?? defaultPublishDelayMs(opts.periodSeconds);
    if (!(this.publishDelayMs >= 0)) throw new RangeError(`publish delay must be ≥ 0, got ${this.publishDelayMs} ms`);
  }

  /**
   * Adds one tick's sample taken at `tMs`: `value` (NaN when undefined, e.g. CPU with no task
   * running) with `weight` (e.g. running tasks). Samples must come in time order.
   */
  sample(tMs: number, value: number, weight: number): void {
    if (this.openIndex < 0) this.openIndex = Math.floor(tMs / this.periodMs);
    else this.advance(tMs);
    this.samples++;
    const finite = Number.isFinite(value);
    if (finite) this.sum += value;
    if (weight > 0 && finite) {
      this.weightedSamples++;
      this.sumWeight += weight;
      this.sumWeighted += value * weight;
      if (!(value >= this.minimum)) this.minimum = value;
      if (!(value <= this.maximum)) this.maximum = value;
    }
  }

  /** Closes every period that ended at or before `nowMs` (periods without samples close missing). */
  advance(nowMs: number): void {
    if (this.openIndex < 0) return;
    while ((this.openIndex + 1) * this.periodMs <= nowMs) this.closeOpen();
  }

  /** Removes and returns the oldest closed datapoint visible at `nowMs`, if any. */
  nextVisible(nowMs: number): Datapoint | undefined {
    const head = this.pending[0];
    if (head === undefined || head.visibleAtMs > nowMs) return undefined;
    return this.pending.shift();
  }

  /** Closed datapoints not yet visible. */
  get pendingCount(): number {
    return this.pending.length;
  }

  checkpoint(): MetricPublisherState {
    return {
      openIndex: this.openIndex,
      samples: this.samples,
      weightedSamples: this.weightedSamples,
      sumWeight: this.sumWeight,
      sumWeighted: this.sumWeighted,
      sum: this.sum,
      minimum: nanToNull(this.minimum),
      maximum: nanToNull(this.maximum),
      pending: this.pending.map((d) => ({ ...d, minimum: nanToNull(d.minimum), maximum: nanToNull(d.maximum) })),
    };
  }

  restore(state: MetricPublisherState): void {
    this.openIndex = state.openIndex;
    this.samples = state.samples;
    this.weightedSamples = state.weightedSamples;
    this.sumWeight = state.sumWeight;
    this.sumWeighted = state.sumWeighted;
    this.sum = state.sum;
    this.minimum = nullToNaN(state.minimum);
    this.maximum = nullToNaN(state.maximum);
    this.pending = state.pending.map((d) => ({ ...d, minimum: nullToNaN(d.minimum), maximum: nullToNaN(d.maximum) }));
  }

  private closeOpen(): void {
    const k = this.openIndex;
    const endMs = (k + 1) * this.periodMs;
    this.pending.push({
      index: k,
      periodStartMs: k * this.periodMs,
      periodEndMs: endMs,
      visibleAtMs: endMs + this.publishDelayMs,
      samples: this.samples,
      weightedSamples: this.weightedSamples,
      sumWeight: this.sumWeight,
      sumWeighted: this.sumWeighted,
      sum: this.sum,
      minimum: this.minimum,
      maximum: this.maximum,
    });
    this.openIndex = k + 1;
    this.samples = 0;
    this.weightedSamples = 0;
    this.sumWeight = 0;
    this.sumWeighted = 0;
    this.sum = 0;
    this.minimum = Number.NaN;
    this.maximum = Number.NaN;
  }
}
