/**
 * A synthetic service for auto-scaling tests: CPU = load / running (capped at 100 %), new tasks
 * run a fixed delay after the desired count rises, surplus tasks stop at once. Also a helper that
 * wires it and a ServiceScaler into an Engine.
 */
import {
  type ScalableService,
  type ScalingPolicy,
  ServiceScaler,
  type ServiceScalerConfig,
} from '../../../src/aws/autoscaling';
import { type Component, Engine, Phase } from '../../../src/engine';

export interface FakeServiceOptions {
  /** Tasks running (and desired) at Start. */
  initial: number;
  /** From desired-count rise to RUNNING, ms. */
  startDelayMs?: number;
  /** CPU demand in "percent of one task" (320 = 3.2 tasks fully busy), by time. */
  load?: (tMs: number) => number;
  /** Scripted CPU % by time and running count, overriding `load`. */
  cpu?: (tMs: number, running: number) => number;
  memory?: (tMs: number, running: number) => number;
  /** Requests reaching the service in the tick starting at tMs. */
  requests?: (tMs: number) => number;
  /** Whether a deployment is in progress at tMs. */
  deploying?: (tMs: number) => boolean;
}

interface FakeState {
  running: number;
  desired: number;
  starts: number[];
  calls: { n: number; atMs: number; reason: string }[];
  cpu: number;
  memory: number;
  requests: number;
  deploying: boolean;
}

export class FakeService implements ScalableService, Component {
  readonly name = 'svc';
  running: number;
  desired: number;
  /** Times pending tasks become RUNNING, ascending. */
  starts: number[] = [];
  calls: { n: number; atMs: number; reason: string }[] = [];
  private cpu = Number.NaN;
  private memory = Number.NaN;
  private requests = 0;
  private deploying = false;

  constructor(private readonly opts: FakeServiceOptions) {
    this.running = opts.initial;
    this.desired = opts.initial;
  }

  step(tickStartMs: number): void {
    while (this.starts.length > 0 && this.starts[0]! <= tickStartMs) {
      this.starts.shift();
      this.running++;
    }
    const r = this.running;
    const o = this.opts;
    this.cpu = r === 0 ? Number.NaN : o.cpu ? o.cpu(tickStartMs, r) : Math.min(100, (o.load?.(tickStartMs) ?? 0) / r);
    this.memory = r === 0 ? Number.NaN : (o.memory?.(tickStartMs, r) ?? 50);
    this.requests = o.requests?.(tickStartMs) ?? 0;
    this.deploying = o.deploying?.(tickStartMs) ?? false;
  }

  runningCount(): number {
    return this.running;
  }
  desiredCount(): number {
    return this.desired;
  }
  setDesiredCount(n: number, reason: string, atMs: number): void {
    this.calls.push({ n, atMs, reason });
    let delta = n - this.desired;
    this.desired = n;
    for (; delta > 0; delta--) this.starts.push(atMs + (this.opts.startDelayMs ?? 30_000));
    for (; delta < 0 && this.starts.length > 0; delta++) this.starts.pop();
    this.running += delta;
  }
  cpuUtilizationPercent(): number {
    return this.cpu;
  }
  memoryUtilizationPercent(): number {
    return this.memory;
  }
  requestsThisTick(): number {
    return this.requests;
  }
  deploymentInProgress(): boolean {
    return this.deploying;
  }

  checkpoint(): FakeState {
    return {
      running: this.running,
      desired: this.desired,
      starts: [...this.starts],
      calls: this.calls.map((c) => ({ ...c })),
      cpu: this.cpu,
      memory: this.memory,
      requests: this.requests,
      deploying: this.deploying,
    };
  }
  restore(state: unknown): void {
    const s = state as FakeState;
    this.running = s.running;
    this.desired = s.desired;
    this.starts = [...s.starts];
    this.calls = s.calls.map((c) => ({ ...c }));
    this.cpu = s.cpu ?? Number.NaN;
    this.memory = s.memory ?? Number.NaN;
    this.requests = s.requests;
    this.deploying = s.deploying;
  }
}

export interface World {
  engine: Engine;
  svc: FakeService;
  scaler: ServiceScaler;
}

/** Builds an engine (1 s ticks) with the fake service (Phase.Serve) and a scaler (Phase.Control). */
export function world(
  svc: FakeServiceOptions,
  policies: ScalingPolicy[],
  target: Partial<ServiceScalerConfig> = {},
  durationMs = 6 * 3600_000,
): World {
  const engine = new Engine({ seed: 1, tickMs: 1000, durationMs });
  const fake = new FakeService(svc);
  const scaler = new ServiceScaler({ name: 'scaler', minCapacity: 1, maxCapacity: 50, ...target }, fake, policies);
  engine.register(fake, Phase.Serve);
  engine.register(scaler, Phase.Control);
  return { engine, svc: fake, scaler };
}

/** Seconds since Start of each decision, with from → to. */
export function timeline(scaler: ServiceScaler): string[] {
  return scaler.decisions().map((d) => `${d.atMs / 1000}s ${d.from}→${d.to}`);
}
