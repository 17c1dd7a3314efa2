/**
 * Application Auto Scaling for one ECS service (a scalable target): MinCapacity, MaxCapacity,
 * SuspendedState and its scaling policies, stepped on the engine's clock in Phase.Control.
 *
 * Each tick, `step(t, tick)`:
 *   1. closes metric periods that ended by t and hands every datapoint visible at t to the
 *      policies watching that metric (their alarms re-evaluate);
 *   2. if any policy got data, decides: scale out if any of those policies asks for more than the
 *      desired count (the largest ask wins); otherwise scale in only if every policy that votes on
 *      scale-in asks for less, no deployment is in progress and no scale-in cooldown is running
 *      (the least reduction wins) (aws-facts 29–31). The result is clamped to [Min, Max] and
 *      applied through `ScalableService.setDesiredCount` at t;
 *   3. samples this tick's CPU, memory and request count into the publishers in use.
 * A scale-out cuts a running scale-in cooldown short (aws-facts 29). On its first step the scaler
 * moves a desired count outside [Min, Max] inside it, as RegisterScalableTarget does.
 * Nothing here knows about tasks: it sees counts and metric values only.
 */
import type { Component } from '../../engine';
import { MetricPublisher, type MetricPublisherState } from './MetricPublisher';
import { timeFromJson, timeToJson } from './jsonNumbers';
import type { MetricSource } from './metrics';
import { HOLD, type MetricBinding, type ScaleStance, type ScalingPolicy, type Stance } from './ScalingPolicy';

/** The service as auto scaling sees it; the cluster model implements it. */
export interface ScalableService {
  /** Tasks RUNNING now. */
  runningCount(): number;
  desiredCount(): number;
  /** Applies a new desired count (already clamped to [Min, Max]) decided at `atMs`. */
  setDesiredCount(n: number, reason: string, atMs: number): void;
  /** This tick's average CPU utilisation over running tasks, 0..100; NaN if none runs. */
  cpuUtilizationPercent(): number;
  /** This tick's average memory utilisation over running tasks, 0..100; NaN if none runs. */
  memoryUtilizationPercent(): number;
  /** Requests that reached the service this tick. */
  requestsThisTick(): number;
  /** Whether a deployment is in progress (scale-in is suspended meanwhile, aws-facts 31). */
  deploymentInProgress(): boolean;
}

/** SuspendedState of the scalable target. Scheduled scaling is not modelled. */
export interface SuspendedState {
  dynamicScalingInSuspended?: boolean;
  dynamicScalingOutSuspended?: boolean;
}

export interface ServiceScalerConfig {
  /** Component name (unique in the engine), e.g. `WebService.autoscaling`. */
  name: string;
  minCapacity: number;
  maxCapacity: number;
  suspendedState?: SuspendedState;
  /** Scaling decisions kept in the log (oldest dropped first). Default 500. */
  logLimit?: number;
}

/** One change of the desired count. */
export interface ScalingDecision {
  /** When it was decided, ms since Start. */
  atMs: number;
  from: number;
  to: number;
  direction: 'out' | 'in';
  /** Policy name, or `ScalableTarget` for the clamp at registration. */
  policy: string;
  /** E.g. "average CPU 78 % is above the 50 % target; 4 → 7 tasks". */
  reason: string;
}

/** Counters for the report. */
export interface ServiceScalerCounters {
  /** Scale-outs decided by policies. */
  scaleOuts: number;
  /** Scale-ins decided by policies. */
  scaleIns: number;
  /** Decisions ever logged (the log keeps the last `logLimit`). */
  decisions: number;
}

interface ServiceScalerState {
  registered: boolean;
  lastScaleOutMs: number | null;
  lastScaleInMs: number | null;
  scaleOutBase: number;
  counters: ServiceScalerCounters;
  log: ScalingDecision[];
  stances: Stance[];
  publishers: MetricPublisherState[];
  policies: unknown[];
}

interface Feed {
  publisher: MetricPublisher;
  source: MetricSource;
  /** Indices of the policies watching this publisher. */
  policies: number[];
}

function bindingKey(b: MetricBinding): string {
  return `${b.source}/${b.periodSeconds}/${b.publishDelayMs}`;
}

export class ServiceScaler implements Component {
  readonly name: string;
  readonly minCapacity: number;
  readonly maxCapacity: number;
  readonly logLimit: number;
  private readonly suspendedIn: boolean;
  private readonly suspendedOut: boolean;
  private readonly feeds: Feed[] = [];
  private readonly fresh: boolean[];
  private stances: Stance[];
  private registered = false;
  private lastScaleOutMs = Number.NEGATIVE_INFINITY;
  private lastScaleInMs = Number.NEGATIVE_INFINITY;
  private scaleOutBase = 0;
  private counters: ServiceScalerCounters = { scaleOuts: 0, scaleIns: 0, decisions: 0 };
  private log: ScalingDecision[] = [];

  constructor(
    cfg: ServiceScalerConfig,
    private readonly service: ScalableService,
    private readonly policies: readonly ScalingPolicy[],
  ) {
    const { minCapacity: min, maxCapacity: max } = cfg;
    if (!Number.isInteger(min) || min < 0) throw new RangeError(`MinCapacity must be an integer ≥ 0, got ${min}`);
    if (!Number.isInteger(max) || max < min) throw new RangeError(`MaxCapacity must be an integer ≥ MinCapacity (${min}), got ${max}`);
    const names = new Set<string>();
    for (const p of policies) {
      if (names.has(p.name)) throw new Error(`scaling policy name "${p.name}" is used twice on ${cfg.name}`);
      names.add(p.name);
    }
    this.name = cfg.name;
    this.minCapacity = min;
    this.maxCapacity = max;
    this.logLimit = cfg.logLimit ?? 500;
    this.suspendedIn = cfg.suspendedState?.dynamicScalingInSuspended ?? false;
    this.suspendedOut = cfg.suspendedState?.dynamicScalingOutSuspended ?? false;
    const byKey = new Map<string, Feed>();
    policies.forEach((p, i) => {
      const key = bindingKey(p.metric);
      let feed = byKey.get(key);
      if (feed === undefined) {
        const publisher = new MetricPublisher({ periodSeconds: p.metric.periodSeconds, publishDelayMs: p.metric.publishDelayMs });
        feed = { publisher, source: p.metric.source, policies: [] };
        byKey.set(key, feed);
        this.feeds.push(feed);
      }
      feed.policies.push(i);
    });
    this.fresh = policies.map(() => false);
    this.stances = policies.map(() => HOLD);
  }

  step(tickStartMs: number, tickMs: number): void {
    const svc = this.service;
    if (!this.registered) this.register(tickStartMs);
    let anyFresh = false;
    for (const feed of this.feeds) {
      if (tickMs > feed.publisher.periodMs) {
        throw new RangeError(`${this.name}: tick ${tickMs} ms is longer than the ${feed.publisher.periodMs} ms metric period`);
      }
      feed.publisher.advance(tickStartMs);
      for (let dp = feed.publisher.nextVisible(tickStartMs); dp !== undefined; dp = feed.publisher.nextVisible(tickStartMs)) {
        for (const i of feed.policies) {
          this.policies[i]!.observe(dp);
          this.fresh[i] = true;
          anyFresh = true;
        }
      }
    }
    if (anyFresh) this.decide(tickStartMs);
    if (this.feeds.length === 0) return;
    const running = svc.runningCount();
    for (const feed of this.feeds) {
      const value =
        feed.source === 'cpu'
          ? svc.cpuUtilizationPercent()
          : feed.source === 'memory'
            ? svc.memoryUtilizationPercent()
            : svc.requestsThisTick();
      feed.publisher.sample(tickStartMs, value, running);
    }
  }

  /** Counters for the report (a copy). */
  get stats(): ServiceScalerCounters {
    return { ...this.counters };
  }

  /** The last `logLimit` decisions, oldest first (a copy). */
  decisions(): ScalingDecision[] {
    return this.log.map((d) => ({ ...d }));
  }

  checkpoint(): ServiceScalerState {
    return {
      registered: this.registered,
      lastScaleOutMs: timeToJson(this.lastScaleOutMs),
      lastScaleInMs: timeToJson(this.lastScaleInMs),
      scaleOutBase: this.scaleOutBase,
      counters: { ...this.counters },
      log: this.decisions(),
      stances: this.stances.map((s) => ({ ...s })),
      publishers: this.feeds.map((f) => f.publisher.checkpoint()),
      policies: this.policies.map((p) => p.checkpoint()),
    };
  }

  restore(state: unknown): void {
    const s = state as ServiceScalerState;
    if (s.publishers.length !== this.feeds.length || s.policies.length !== this.policies.length) {
      throw new Error(`${this.name}: checkpoint was taken from a scaler with other policies`);
    }
    this.registered = s.registered;
    this.lastScaleOutMs = timeFromJson(s.lastScaleOutMs);
    this.lastScaleInMs = timeFromJson(s.lastScaleInMs);
    this.scaleOutBase = s.scaleOutBase;
    this.counters = { ...s.counters };
    this.log = s.log.map((d) => ({ ...d }));
    this.stances = s.stances.map((x) => ({ ...x }));
    for (let i = 0; i < this.feeds.length; i++) this.feeds[i]!.publisher.restore(s.publishers[i]!);
    for (let i = 0; i < this.policies.length; i++) this.policies[i]!.restore(s.policies[i]);
    this.fresh.fill(false);
  }

  private register(nowMs: number): void {
    this.registered = true;
    const desired = this.service.desiredCount();
    const clamped = this.clamp(desired);
    if (clamped === desired) return;
    const where = clamped > desired ? `below MinCapacity ${this.minCapacity}` : `above MaxCapacity ${this.maxCapacity}`;
    this.apply(nowMs, desired, clamped, 'ScalableTarget', `desired count ${desired} is ${where}`);
  }

  private decide(nowMs: number): void {
    const svc = this.service;
    const running = svc.runningCount();
    const desired = svc.desiredCount();
    const ctx = { nowMs, running, desired, lastScaleOutMs: this.lastScaleOutMs, scaleOutBase: this.scaleOutBase };
    let out: ScaleStance | undefined;
    let outPolicy = -1;
    for (let i = 0; i < this.policies.length; i++) {
      if (!this.fresh[i]) continue;
      this.fresh[i] = false;
      const st = this.policies[i]!.evaluate(ctx);
      this.stances[i] = st;
      if (st.direction === 'out' && st.desired > desired && (out === undefined || st.desired > out.desired)) {
        out = st;
        outPolicy = i;
      }
    }
    if (out !== undefined) {
      if (this.suspendedOut) return;
      const to = this.clamp(out.desired);
      if (to <= desired) return;
      // A scale-out outside any cooldown opens one from the running count; inside, the base stays.
      if (!out.fromCooldownBase) this.scaleOutBase = running;
      this.lastScaleOutMs = nowMs;
      this.lastScaleInMs = Number.NEGATIVE_INFINITY;
      this.counters.scaleOuts++;
      this.apply(nowMs, desired, to, this.policies[outPolicy]!.name, this.reasonFor(out, to));
      return;
    }
    if (this.suspendedIn || svc.deploymentInProgress()) return;
    let inward: ScaleStance | undefined;
    let inPolicy = -1;
    let voters = 0;
    for (let i = 0; i < this.policies.length; i++) {
      if (!this.policies[i]!.votesOnScaleIn) continue;
      voters++;
      const st = this.stances[i]!;
      if (st.direction !== 'in') return;
      if (nowMs < this.lastScaleInMs + st.scaleInCooldownMs) return;
      if (inward === undefined || st.desired > inward.desired) {
        inward = st;
        inPolicy = i;
      }
    }
    if (voters === 0 || inward === undefined) return;
    const to = this.clamp(inward.desired);
    if (to >= desired) return;
    this.lastScaleInMs = nowMs;
    this.counters.scaleIns++;
    const agreed = voters > 1 ? ` (all ${voters} policies agree)` : '';
    this.apply(nowMs, desired, to, this.policies[inPolicy]!.name, this.reasonFor(inward, to) + agreed);
  }

  private reasonFor(st: ScaleStance, to: number): string {
    const capped =
      to !== st.desired ? (to > st.desired ? ` (MinCapacity ${this.minCapacity})` : ` (MaxCapacity ${this.maxCapacity})`) : '';
    return `${st.reason}${capped}`;
  }

  private apply(nowMs: number, from: number, to: number, policy: string, why: string): void {
    const reason = `${why}; ${from} → ${to} tasks`;
    this.counters.decisions++;
    this.log.push({ atMs: nowMs, from, to, direction: to > from ? 'out' : 'in', policy, reason });
    if (this.log.length > this.logLimit) this.log.shift();
    this.service.setDesiredCount(to, reason, nowMs);
  }

  private clamp(n: number): number {
    return Math.min(this.maxCapacity, Math.max(this.minCapacity, n));
  }
}
