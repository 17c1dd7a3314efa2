/**
 * A step scaling policy driven by one CloudWatch alarm (AWS::ApplicationAutoScaling::ScalingPolicy
 * with StepScalingPolicyConfiguration, and the AWS::CloudWatch::Alarm whose action it is).
 *
 * While the alarm is in ALARM, each new datapoint picks the step whose interval holds
 * (metric − threshold) and applies its adjustment to the running count. Interval bounds are
 * relative to the threshold; the bound nearer the threshold is inclusive ([0, 10) above it,
 * (−10, 0] below it, as in AWS's StepAdjustment examples). Rounding of PercentChangeInCapacity
 * follows AWS's examples: the change truncates towards zero (3.3 → 3, −1.4 → −1), a change
 * between −1 and 1 becomes ±1, and MinAdjustmentMagnitude raises the magnitude to at least that.
 * Cooldown (default 300 s): a scale-out inside it starts from the capacity the cooldown started
 * from, so capacity added counts (+2 then +3 adds 1); a scale-in inside it is blocked.
 */
import { Alarm, type AlarmConfig, type AlarmStateData } from './Alarm';
import { type Datapoint, defaultPublishDelayMs, type Statistic, statisticValue } from './MetricPublisher';
import { nanToNull, nullToNaN } from './jsonNumbers';
import { formatValue, resolveStatistic, SERVICE_METRIC_SOURCE, type ServiceMetricName } from './metrics';
import {
  HOLD,
  inScaleOutCooldown,
  type MetricBinding,
  type ScalingContext,
  type ScalingPolicy,
  type Stance,
} from './ScalingPolicy';

export type AdjustmentType = 'ChangeInCapacity' | 'PercentChangeInCapacity' | 'ExactCapacity';
export type MetricAggregationType = 'Average' | 'Minimum' | 'Maximum';

export interface StepAdjustment {
  /** Lower bound of (metric − threshold); absent = −∞. */
  metricIntervalLowerBound?: number;
  /** Upper bound of (metric − threshold); absent = +∞. */
  metricIntervalUpperBound?: number;
  /** Tasks (ChangeInCapacity), percent (PercentChangeInCapacity) or the count (ExactCapacity). */
  scalingAdjustment: number;
}

/** The CloudWatch alarm that drives the policy. */
export interface StepScalingAlarmConfig extends AlarmConfig {
  metricName: ServiceMetricName;
  /** Alarm period, seconds (60, or 20 / 10 for high-resolution metrics). */
  periodSeconds: number;
  /** Override of the publishing delay, ms. Default by resolution (`defaultPublishDelayMs`). */
  publishDelayMs?: number;
}

export interface StepScalingPolicyConfig {
  name: string;
  adjustmentType: AdjustmentType;
  stepAdjustments: StepAdjustment[];
  /** Smallest change for PercentChangeInCapacity, tasks. */
  minAdjustmentMagnitude?: number;
  /** Cooldown, seconds. Default 300 (ECS). */
  cooldownSeconds?: number;
  /** Statistic of the latest datapoint compared with the steps. Default Average. */
  metricAggregationType?: MetricAggregationType;
  alarm: StepScalingAlarmConfig;
}

interface StepScalingState {
  alarm: AlarmStateData;
  breachValue: number | null;
}

/** Whether `delta` (metric − threshold) falls in the step's interval. */
export function stepContains(step: StepAdjustment, delta: number): boolean {
  const lo = step.metricIntervalLowerBound;
  const hi = step.metricIntervalUpperBound;
  const aboveLo = lo === undefined || delta > lo || (delta === lo && lo >= 0);
  const belowHi = hi === undefined || delta < hi || (delta === hi && hi <= 0);
  return aboveLo && belowHi;
}

/** The step whose interval holds `delta`, if any. */
export function findStep(steps: readonly StepAdjustment[], delta: number): StepAdjustment | undefined {
  for (const s of steps) if (stepContains(s, delta)) return s;
  return undefined;
}

/** Desired count after applying `adjustment` of `type` to `capacity` (before clamping to [Min, Max]). */
export function applyAdjustment(
  capacity: number,
  type: AdjustmentType,
  adjustment: number,
  minAdjustmentMagnitude = 0,
): number {
  switch (type) {
    case 'ExactCapacity':
      return adjustment;
    case 'ChangeInCapacity':
      return capacity + adjustment;
    case 'PercentChangeInCapacity': {
      const raw = (capacity * adjustment) / 100;
      let change = Math.abs(raw) >= 1 ? Math.trunc(raw) : raw === 0 ? 0 : Math.sign(raw);
      if (adjustment !== 0 && Math.abs(change) < minAdjustmentMagnitude) change = Math.sign(adjustment) * minAdjustmentMagnitude;
      return capacity + change;
    }
  }
}

function validateSteps(steps: readonly StepAdjustment[], name: string): void {
  if (steps.length === 0) throw new RangeError(`step scaling policy "${name}" needs at least one step adjustment`);
  const lo = (s: StepAdjustment) => s.metricIntervalLowerBound ?? Number.NEGATIVE_INFINITY;
  const hi = (s: StepAdjustment) => s.metricIntervalUpperBound ?? Number.POSITIVE_INFINITY;
  const sorted = [...steps].sort((a, b) => lo(a) - lo(b));
  for (let i = 0; i < sorted.length; i++) {
    const s = sorted[i]!;
    if (s.metricIntervalLowerBound === undefined && s.metricIntervalUpperBound === undefined && steps.length > 1) {
      throw new RangeError(`step scaling policy "${name}": only a single step may leave both bounds open`);
    }
    if (!(lo(s) < hi(s))) throw new RangeError(`step scaling policy "${name}": upper bound must exceed lower bound`);
    if (i > 0 && hi(sorted[i - 1]!) !== lo(s)) {
      throw new RangeError(`step scaling policy "${name}": step intervals must not overlap or leave gaps`);
    }
  }
}

export class StepScalingPolicy implements ScalingPolicy {
  readonly name: string;
  readonly metric: MetricBinding;
  readonly votesOnScaleIn: boolean;
  readonly alarm: Alarm;
  readonly adjustmentType: AdjustmentType;
  readonly steps: readonly StepAdjustment[];
  readonly minAdjustmentMagnitude: number;
  readonly cooldownMs: number;
  private readonly metricName: ServiceMetricName;
  private readonly aggregation: Statistic;
  /** The latest datapoint's value under the aggregation type (NaN when missing). */
  private breachValue = Number.NaN;

  constructor(cfg: StepScalingPolicyConfig) {
    validateSteps(cfg.stepAdjustments, cfg.name);
    const a = cfg.alarm;
    this.name = cfg.name;
    this.metricName = a.metricName;
    this.metric = {
      source: SERVICE_METRIC_SOURCE[a.metricName],
      periodSeconds: a.periodSeconds,
      publishDelayMs: a.publishDelayMs ?? defaultPublishDelayMs(a.periodSeconds),
    };
    const alarmStat = resolveStatistic(a.metricName, a.statistic ?? 'Average');
    this.alarm = new Alarm({ ...a, statistic: alarmStat });
    // Per-tick request counts have no meaningful average/min/max: request alarms use their own statistic.
    this.aggregation =
      this.metric.source === 'requests' ? alarmStat : (cfg.metricAggregationType ?? 'Average');
    this.adjustmentType = cfg.adjustmentType;
    this.steps = cfg.stepAdjustments.map((s) => ({ ...s }));
    this.minAdjustmentMagnitude = cfg.minAdjustmentMagnitude ?? 0;
    this.cooldownMs = (cfg.cooldownSeconds ?? 300) * 1000;
    this.votesOnScaleIn = cfg.adjustmentType === 'ExactCapacity' || this.steps.some((s) => s.scalingAdjustment < 0);
  }

  observe(dp: Datapoint): void {
    this.alarm.observe(dp);
    this.breachValue = statisticValue(dp, this.aggregation);
  }

  evaluate(ctx: ScalingContext): Stance {
    const value = this.breachValue;
    if (this.alarm.state !== 'ALARM' || Number.isNaN(value)) return HOLD;
    const delta = value - this.alarm.threshold;
    const step = findStep(this.steps, delta);
    if (step === undefined) return HOLD;
    const adj = step.scalingAdjustment;
    const exact = this.adjustmentType === 'ExactCapacity';
    const out = exact ? adj > ctx.desired : adj > 0;
    const inward = exact ? adj < ctx.desired : adj < 0;
    if (!out && !inward) return HOLD;
    const cooling = out && !exact && inScaleOutCooldown(ctx, this.cooldownMs);
    const base = cooling ? ctx.scaleOutBase : ctx.running;
    const desired = Math.max(0, applyAdjustment(base, this.adjustmentType, adj, this.minAdjustmentMagnitude));
    const sign = delta >= 0 ? '+' : '−';
    const unit = this.adjustmentType === 'PercentChangeInCapacity' ? ' %' : '';
    const what = exact ? `ExactCapacity ${adj}` : `${this.adjustmentType} ${adj > 0 ? '+' : ''}${adj}${unit}`;
    return {
      direction: out ? 'out' : 'in',
      desired,
      reason:
        `${this.metricName} ${formatValue(value)} breaches the alarm threshold ${formatValue(this.alarm.threshold)} ` +
        `(${sign}${formatValue(Math.abs(delta))}): ${what}`,
      fromCooldownBase: cooling,
      scaleInCooldownMs: this.cooldownMs,
    };
  }

  checkpoint(): StepScalingState {
    return { alarm: this.alarm.checkpoint(), breachValue: nanToNull(this.breachValue) };
  }

  restore(state: unknown): void {
    const s = state as StepScalingState;
    this.alarm.restore(s.alarm);
    this.breachValue = nullToNaN(s.breachValue);
  }
}
