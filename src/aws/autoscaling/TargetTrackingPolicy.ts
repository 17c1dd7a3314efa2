/**
 * A target-tracking scaling policy: keeps a predefined metric near a target value through two
 * alarms it manages itself.
 *
 * - High alarm: metric > target for `highDatapoints` of as many datapoints (default 3 of 3).
 *   While it is in ALARM, each new datapoint proposes ceil(capacity × metric / target): the
 *   proportional scale-out "as fast as it can" (aws-facts 30). Capacity is the running count
 *   (aws-facts 31); inside the scale-out cooldown it is the running count the cooldown started
 *   from, so capacity already added counts and only a larger scale-out goes through (aws-facts 29).
 * - Low alarm: metric < `lowThresholdFraction` × target for `lowDatapoints` of as many (default
 *   0.9 and 15 of 15). While in ALARM, and unless DisableScaleIn, each new datapoint proposes
 *   max(ceil(running × metric / target), running − max(1, floor(`scaleInStepFraction` × running))):
 *   never so far that the metric would rise above the target, and at most 10 % at a time.
 * The alarm shapes and the scale-in step are not published by AWS (aws-facts 33): they are
 * options with these defaults (docs/models/service-auto-scaling.md).
 */
import { Alarm, type AlarmStateData } from './Alarm';
import { type Datapoint, defaultPublishDelayMs } from './MetricPublisher';
import { formatValue, PREDEFINED_METRICS, type PredefinedMetric, type PredefinedMetricType } from './metrics';
import {
  ceilCapacity,
  HOLD,
  inScaleOutCooldown,
  type MetricBinding,
  type ScalingContext,
  type ScalingPolicy,
  type Stance,
} from './ScalingPolicy';

export interface TargetTrackingPolicyConfig {
  /** Policy name (PolicyName). */
  name: string;
  metricType: PredefinedMetricType;
  /** TargetValue, in the metric's unit (% for utilisation, requests per target per minute for ALB). */
  targetValue: number;
  /** ScaleOutCooldown, seconds. Default 300 (ECS, aws-facts 28). */
  scaleOutCooldownSeconds?: number;
  /** ScaleInCooldown, seconds. Default 300 (ECS, aws-facts 28). */
  scaleInCooldownSeconds?: number;
  /** DisableScaleIn. Default false. */
  disableScaleIn?: boolean;
  /** High alarm: breaching datapoints out of as many. Default 3 (unverified, aws-facts 33). */
  highDatapoints?: number;
  /** Low alarm: breaching datapoints out of as many. Default 15 (unverified, aws-facts 33). */
  lowDatapoints?: number;
  /** Low alarm threshold as a fraction of the target. Default 0.9 (AWS: "typically 10 % or more lower"). */
  lowThresholdFraction?: number;
  /** Largest scale-in step as a fraction of the running count (at least 1 task). Default 0.1. */
  scaleInStepFraction?: number;
  /** Override of the metric's publishing delay, ms. Default by resolution (`defaultPublishDelayMs`). */
  publishDelayMs?: number;
}

interface TargetTrackingState {
  high: AlarmStateData;
  low: AlarmStateData;
}

export class TargetTrackingPolicy implements ScalingPolicy {
  readonly name: string;
  readonly metric: MetricBinding;
  readonly votesOnScaleIn: boolean;
  readonly targetValue: number;
  readonly scaleOutCooldownMs: number;
  readonly scaleInCooldownMs: number;
  readonly scaleInStepFraction: number;
  readonly highAlarm: Alarm;
  readonly lowAlarm: Alarm;
  private readonly predefined: PredefinedMetric;

  constructor(cfg: TargetTrackingPolicyConfig) {
    const m = PREDEFINED_METRICS[cfg.metricType];
    if (m === undefined) throw new RangeError(`unknown predefined metric type "${cfg.metricType}"`);
    if (!(cfg.targetValue > 0)) throw new RangeError(`TargetValue must be positive, got ${cfg.targetValue}`);
    this.name = cfg.name;
    this.predefined = m;
    this.metric = {
      source: m.source,
      periodSeconds: m.periodSeconds,
      publishDelayMs: cfg.publishDelayMs ?? defaultPublishDelayMs(m.periodSeconds),
    };
    this.targetValue = cfg.targetValue;
    this.votesOnScaleIn = !(cfg.disableScaleIn ?? false);
    this.scaleOutCooldownMs = (cfg.scaleOutCooldownSeconds ?? 300) * 1000;
    this.scaleInCooldownMs = (cfg.scaleInCooldownSeconds ?? 300) * 1000;
    this.scaleInStepFraction = cfg.scaleInStepFraction ?? 0.1;
    const high = cfg.highDatapoints ?? 3;
    const low = cfg.lowDatapoints ?? 15;
    this.highAlarm = new Alarm({
      threshold: cfg.targetValue,
      comparisonOperator: 'GreaterThanThreshold',
      evaluationPeriods: high,
      statistic: m.statistic,
    });
    this.lowAlarm = new Alarm({
      threshold: cfg.targetValue * (cfg.lowThresholdFraction ?? 0.9),
      comparisonOperator: 'LessThanThreshold',
      evaluationPeriods: low,
      statistic: m.statistic,
    });
  }

  observe(dp: Datapoint): void {
    this.highAlarm.observe(dp);
    this.lowAlarm.observe(dp);
  }

  evaluate(ctx: ScalingContext): Stance {
    const value = this.highAlarm.lastValue;
    if (Number.isNaN(value)) return HOLD;
    const { label, unit } = this.predefined;
    const said = `${label} ${formatValue(value)}${unit}`;
    const target = `${formatValue(this.targetValue)}${unit}`;
    if (this.highAlarm.state === 'ALARM') {
      const cooling = inScaleOutCooldown(ctx, this.scaleOutCooldownMs);
      const base = cooling ? ctx.scaleOutBase : ctx.running;
      return {
        direction: 'out',
        desired: ceilCapacity((base * value) / this.targetValue),
        reason: `${said} is above the ${target} target`,
        fromCooldownBase: cooling,
        scaleInCooldownMs: this.scaleInCooldownMs,
      };
    }
    if (this.votesOnScaleIn && this.lowAlarm.state === 'ALARM') {
      const running = ctx.running;
      const step = Math.max(1, Math.floor(this.scaleInStepFraction * running));
      return {
        direction: 'in',
        desired: Math.max(ceilCapacity((running * value) / this.targetValue), running - step, 0),
        reason: `${said} is below the ${target} target`,
        fromCooldownBase: false,
        scaleInCooldownMs: this.scaleInCooldownMs,
      };
    }
    return HOLD;
  }

  checkpoint(): TargetTrackingState {
    return { high: this.highAlarm.checkpoint(), low: this.lowAlarm.checkpoint() };
  }

  restore(state: unknown): void {
    const s = state as TargetTrackingState;
    this.highAlarm.restore(s.high);
    this.lowAlarm.restore(s.low);
  }
}
