/**
 * What every scaling policy of a scalable target offers the `ServiceScaler`: the metric it needs,
 * a place to feed that metric's datapoints, and its stance (scale out to n, scale in to n, or
 * hold) once they have been evaluated. Policies never change capacity themselves.
 */
import type { Datapoint } from './MetricPublisher';
import type { MetricSource } from './metrics';

/** The metric stream a policy's alarms watch. Policies with equal bindings share one publisher. */
export interface MetricBinding {
  source: MetricSource;
  /** Datapoint period, seconds. */
  periodSeconds: number;
  /** Delay from a period's end until its datapoint is visible, ms. */
  publishDelayMs: number;
}

/** The scalable target as a policy sees it when its alarms have new data. */
export interface ScalingContext {
  nowMs: number;
  /** Tasks RUNNING now: calculations start from this, not from the desired count (aws-facts 31). */
  running: number;
  desired: number;
  /** Time of the last scale-out, ms since Start (−Infinity if none). */
  lastScaleOutMs: number;
  /** Capacity the scale-out that opened the current scale-out cooldown started from. */
  scaleOutBase: number;
}

export type Stance = HoldStance | ScaleStance;

export interface HoldStance {
  direction: 'hold';
}

export interface ScaleStance {
  direction: 'out' | 'in';
  /** Desired count the policy asks for (not yet clamped to [Min, Max]). */
  desired: number;
  /** Why, in words, e.g. "average CPU 78 % is above the 50 % target". */
  reason: string;
  /** Scale-out computed from the capacity at the start of the current cooldown (capacity added since counts). */
  fromCooldownBase: boolean;
  /** For scale-in: the policy's scale-in cooldown, ms (the scaler enforces it). */
  scaleInCooldownMs: number;
}

export const HOLD: HoldStance = Object.freeze({ direction: 'hold' });

export interface ScalingPolicy {
  /** Policy name, used in the decision log. */
  readonly name: string;
  readonly metric: MetricBinding;
  /** Whether the target may scale in only with this policy's agreement (aws-facts 30). */
  readonly votesOnScaleIn: boolean;
  /** Feeds a newly visible datapoint of `metric` to the policy's alarms. */
  observe(dp: Datapoint): void;
  /** The policy's stance after the datapoints just observed. No action on insufficient data (aws-facts 30). */
  evaluate(ctx: ScalingContext): Stance;
  checkpoint(): unknown;
  restore(state: unknown): void;
}

/** ceil that ignores floating-point dust (4 × 62.5 / 50 is 5, not 6). */
export function ceilCapacity(x: number): number {
  return Math.ceil(x - 1e-9);
}

/** Whether a scale-out at `ctx.nowMs` falls inside the scale-out cooldown of length `cooldownMs`. */
export function inScaleOutCooldown(ctx: ScalingContext, cooldownMs: number): boolean {
  return ctx.nowMs < ctx.lastScaleOutMs + cooldownMs;
}
