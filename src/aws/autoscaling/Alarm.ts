/**
 * A CloudWatch metric alarm: "M out of N" over the most recent N datapoints of one metric.
 *
 * Evaluated each time a datapoint becomes visible. ALARM when at least `datapointsToAlarm` of the
 * last `evaluationPeriods` datapoints breach the threshold; INSUFFICIENT_DATA when none of them is
 * present (missing datapoints are treated as missing, CloudWatch's default); OK otherwise.
 */
import { type Datapoint, type Statistic, statisticValue } from './MetricPublisher';
import { nanToNull, nullToNaN } from './jsonNumbers';

export type ComparisonOperator =
  | 'GreaterThanThreshold'
  | 'GreaterThanOrEqualToThreshold'
  | 'LessThanThreshold'
  | 'LessThanOrEqualToThreshold';

export type AlarmState = 'OK' | 'ALARM' | 'INSUFFICIENT_DATA';

export interface AlarmConfig {
  threshold: number;
  comparisonOperator: ComparisonOperator;
  /** N: how many of the most recent datapoints are evaluated. */
  evaluationPeriods: number;
  /** M: how many of them must breach (1 ≤ M ≤ N). Default N. */
  datapointsToAlarm?: number;
  /** Statistic of each period compared with the threshold. Default Average. */
  statistic?: Statistic;
}

export interface AlarmStateData {
  state: AlarmState;
  /** The last N values, oldest first; null for missing. */
  values: (number | null)[];
}

/** Whether `value` breaches `threshold` under `op` (NaN never breaches). */
export function breaches(value: number, op: ComparisonOperator, threshold: number): boolean {
  switch (op) {
    case 'GreaterThanThreshold':
      return value > threshold;
    case 'GreaterThanOrEqualToThreshold':
      return value >= threshold;
    case 'LessThanThreshold':
      return value < threshold;
    case 'LessThanOrEqualToThreshold':
      return value <= threshold;
  }
}

export class Alarm {
  readonly threshold: number;
  readonly comparisonOperator: ComparisonOperator;
  readonly evaluationPeriods: number;
  readonly datapointsToAlarm: number;
  readonly statistic: Statistic;
  private current: AlarmState = 'INSUFFICIENT_DATA';
  /** Ring of the last N values (NaN = missing); `head` is where the next one goes. */
  private readonly ring: Float64Array;
  private head = 0;

  constructor(cfg: AlarmConfig) {
    const n = cfg.evaluationPeriods;
    const m = cfg.datapointsToAlarm ?? n;
    if (!Number.isInteger(n) || n < 1) throw new RangeError(`EvaluationPeriods must be an integer ≥ 1, got ${n}`);
    if (!Number.isInteger(m) || m < 1 || m > n) {
      throw new RangeError(`DatapointsToAlarm must be an integer in [1, EvaluationPeriods=${n}], got ${m}`);
    }
    this.threshold = cfg.threshold;
    this.comparisonOperator = cfg.comparisonOperator;
    this.evaluationPeriods = n;
    this.datapointsToAlarm = m;
    this.statistic = cfg.statistic ?? 'Average';
    this.ring = new Float64Array(n).fill(Number.NaN);
  }

  get state(): AlarmState {
    return this.current;
  }

  /** The most recent value seen (NaN if that datapoint was missing or none came yet). */
  get lastValue(): number {
    return this.ring[(this.head + this.evaluationPeriods - 1) % this.evaluationPeriods]!;
  }

  /** Takes one newly visible datapoint and re-evaluates; returns the new state. */
  observe(dp: Datapoint): AlarmState {
    return this.observeValue(statisticValue(dp, this.statistic));
  }

  /** As `observe`, for a value already reduced to the alarm's statistic (NaN = missing). */
  observeValue(value: number): AlarmState {
    this.ring[this.head] = value;
    this.head = (this.head + 1) % this.evaluationPeriods;
    let present = 0;
    let breaching = 0;
    for (let i = 0; i < this.evaluationPeriods; i++) {
      const v = this.ring[i]!;
      if (Number.isNaN(v)) continue;
      present++;
      if (breaches(v, this.comparisonOperator, this.threshold)) breaching++;
    }
    this.current = breaching >= this.datapointsToAlarm ? 'ALARM' : present === 0 ? 'INSUFFICIENT_DATA' : 'OK';
    return this.current;
  }

  checkpoint(): AlarmStateData {
    const values: (number | null)[] = [];
    for (let i = 0; i < this.evaluationPeriods; i++) {
      values.push(nanToNull(this.ring[(this.head + i) % this.evaluationPeriods]!));
    }
    return { state: this.current, values };
  }

  restore(s: AlarmStateData): void {
    if (s.values.length !== this.evaluationPeriods) {
      throw new Error(`alarm checkpoint has ${s.values.length} values, expected ${this.evaluationPeriods}`);
    }
    this.current = s.state;
    for (let i = 0; i < this.evaluationPeriods; i++) this.ring[i] = nullToNaN(s.values[i]!);
    this.head = 0;
  }
}
