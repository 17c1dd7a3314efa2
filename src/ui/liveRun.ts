/**
 * One live run of a scenario variant for the app: loads it (with what-if knobs), steps the
 * Simulation, keeps checkpoints to scrub back to, samples chart series on fixed simulated
 * intervals, accrues cost, writes plain-word captions for scaling decisions and cold starts, and
 * packs frames as typed arrays. No DOM and no wall clock: the worker decides when to step, so a
 * given scenario, seed, variant and knobs give the same numbers at the same simulated time.
 */
import { ec2HourlyRate } from '../aws/ec2';
import { IS, type Task, TS } from '../aws/ecs';
import { albLineItems } from '../aws/elbv2';
import { apiGatewayLineItems } from '../aws/apigateway';
import { queueReport } from '../aws/sqs';
import { ES, type FunctionModel, functionReport } from '../aws/lambda';
import type { EngineCheckpoint } from '../engine';
import { LatencyHistogram, sumCosts } from '../report';
import { analyzeScenarioText, type Scenario, type ScenarioIssue, settingsOf } from '../scenario';
import { Simulation } from '../sim';
import { formatDuration } from './format';
import { IntervalLatency } from './intervalLatency';
import { type DatabaseSide, LiveDatabases } from './liveDatabases';
import { hasResourceKnobs, KNOB_VARIANT, type Knobs, knobAvailability, type KnobAvailability, knobOverrides, scaleLoad, withKnobVariant } from './knobs';
import {
  type Caption,
  ENV_PROVISIONED,
  ENV_STRIDE,
  FN_STRIDE,
  type FrameData,
  INST_STRIDE,
  KIND_EC2,
  KIND_FARGATE,
  KIND_FARGATE_SPOT,
  type RunMeta,
  SAMPLE_FIELDS,
  TASK_STRIDE,
} from './protocol';

export interface RunRequest {
  text: string;
  /** File name shown in messages. */
  file: string;
  variant: string;
  /** Overrides the scenario's Seed when set. */
  seed?: number;
  knobs: Knobs;
}

export type OpenResult = { ok: true; run: LiveRun } | { ok: false; issues: ScenarioIssue[]; knobsCaused: boolean };

const noFiles = (path: string): string => {
  throw new Error(`the browser app cannot read ${path}: trace files are not available here`);
};

/** Loads a scenario variant with knobs; problems come back as issues, never thrown. */
export function openRun(req: RunRequest): OpenResult {
  let a = analyzeScenarioText(req.text, req.file, { variant: req.variant, readFile: noFiles });
  if (a.issues.length > 0 || !a.scenario) return { ok: false, issues: a.issues, knobsCaused: false };
  const variants = a.variants;
  const availability = knobAvailability(a.scenario);
  if (hasResourceKnobs(req.knobs)) {
    const text = withKnobVariant(req.text, req.variant, knobOverrides(a.scenario, req.knobs));
    a = analyzeScenarioText(text, `${req.file} (what-if knobs)`, { variant: KNOB_VARIANT, readFile: noFiles });
    if (a.issues.length > 0 || !a.scenario) return { ok: false, issues: a.issues, knobsCaused: true };
  }
  const scenario = a.scenario;
  scenario.Variant = req.variant;
  scenario.VariantNames = variants;
  if (req.seed !== undefined) scenario.Seed = req.seed;
  scaleLoad(scenario, req.knobs.load ?? 1);
  return { ok: true, run: new LiveRun(scenario, availability, a.warnings) };
}

/** Counters and accruals that live beside the Simulation (checkpointed with it). */
interface Side {
  /** Accrued EC2/Fargate cost by kind (KIND_*), USD, and by resource. */
  costByKind: number[];
  costByResource: Record<string, number>;
  samples: number[];
  nextSampleMs: number;
  prev: { arrived: number; failed: number; throttled: number; cost: number };
  desired: Record<string, number>;
  asgDesired: Record<string, number>;
  decisions: Record<string, number>;
  faults: number;
  coldStarts: Record<string, number>;
  throttles: Record<string, number>;
  /** Environments recycled at MaxLifetime so far, per function, and when the last caption said so. */
  recycled: Record<string, number>;
  lastRecycleCaptionMs: number;
  lastColdCaptionMs: number;
  lastThrottleCaptionMs: number;
  /** (time ms, metered cost USD) of the last samples, for the metered $/h. */
  metered: number[];
  /** The metered services' $/h at the last sample. */
  meteredRate: number;
  /** The Aurora instances' measurements and caption state. */
  db: DatabaseSide;
  /** Metered cost by resource at each entry of `metered` (for each resource's metered $/h). */
  meteredByResource: Record<string, number>[];
  /** Each metered resource's $/h at the last sample. */
  meteredRateByResource: Record<string, number>;
  /** Tasks and instances hit by a Spot interruption, marked until the simulated ms given (by id). */
  spotTasks: Record<number, number>;
  spotInstances: Record<number, number>;
  /** The last cluster scale-out captions, by Auto Scaling group (why an instance was launched). */
  launchReasons: { asg: string; atMs: number; text: string }[];
}

/** A lifetime in the largest unit that reads well: `2 h`, `0.5 h`… from an hour, else `15 min` or `40 s`. */
function lifetimeText(ms: number): string {
  const round = (x: number) => Math.round(x * 100) / 100;
  if (ms >= 3_600_000) return `${round(ms / 3_600_000)} h`;
  if (ms >= 60_000) return `${round(ms / 60_000)} min`;
  return `${round(ms / 1000)} s`;
}

/** How long the scene marks a task or instance after its Spot interruption, simulated ms. */
const SPOT_MARK_MS = 5 * 60_000;

interface SavedPoint {
  atMs: number;
  engine: EngineCheckpoint;
  side: Side;
}

const MAX_CHECKPOINTS = 80;
const KIND_INDEX = { FARGATE: KIND_FARGATE, FARGATE_SPOT: KIND_FARGATE_SPOT, EC2: KIND_EC2 } as const;
/** Index of EC2 Spot in the cost-by-kind arrays (after the three KIND_* of tasks). */
const COST_EC2_SPOT = 3;

export class LiveRun {
  sim: Simulation;
  readonly meta: RunMeta;
  readonly sampleEveryMs: number;
  readonly checkpointEveryMs: number;
  private side: Side;
  private saved: SavedPoint[] = [];
  private captions: Caption[] = [];
  private report: { totalCostUsd: number; served: number; failed: number; p99: number } | undefined;
  /** Per-service hourly price of one task (on-demand, Spot), refreshed each frame. */
  private serviceIds: string[];
  private zoneIndex = new Map<string, number>();
  private ec2Spot: number;
  private ec2Sp: number;
  /** The Aurora clusters (in meta order). */
  private readonly dbs: LiveDatabases;
  /** Spot interruptions seen during the step in progress (told by each cluster's observer). */
  private spotHits: { cluster: number; task?: number; service?: number; instance?: number }[] = [];
  private readonly spotWarningMs: number;

  constructor(
    readonly scenario: Scenario,
    readonly knobsAvailable: KnobAvailability,
    readonly warnings: string[],
  ) {
    this.sim = new Simulation(scenario);
    this.dbs = new LiveDatabases(this.sim);
    this.watch();
    const tick = scenario.TickMs;
    this.sampleEveryMs = Math.max(tick, Math.ceil(scenario.DurationMs / 1200 / tick) * tick);
    // Checkpoints fall on sample boundaries, where the interval latencies have just been reset.
    this.checkpointEveryMs = this.sampleEveryMs * Math.max(1, Math.ceil(scenario.DurationMs / 60 / this.sampleEveryMs));
    const settings = settingsOf(scenario);
    this.ec2Spot = settings.Spot.Ec2Discount;
    this.ec2Sp = scenario.Pricing.SavingsPlan?.Ec2 ?? 0;
    this.spotWarningMs = settings.Spot.WarningSeconds * 1000;
    this.serviceIds = [...this.sim.services.keys()];
    const zones: string[] = [];
    for (const c of this.sim.clusters) for (const z of c.zones) if (!zones.includes(z)) zones.push(z);
    zones.forEach((z, i) => {
      this.zoneIndex.set(z, i);
    });
    const account = this.sim.lambdaAccount;
    this.meta = {
      name: scenario.Name,
      description: scenario.Description,
      variant: scenario.Variant,
      variants: scenario.VariantNames,
      seed: scenario.Seed,
      durationMs: scenario.DurationMs,
      tickMs: tick,
      sampleEveryMs: this.sampleEveryMs,
      zones,
      services: this.serviceIds.map((id) => {
        const h = this.sim.services.get(id)!;
        const td = h.model.config.taskDef;
        return {
          id,
          cluster: h.cluster.logicalId,
          cpuUnits: td.cpuUnits,
          memoryMiB: td.memoryMiB,
          kinds: [...new Set(h.model.config.providers.map((p) => p.kind))],
          hourlyUsd: h.cluster.fargateHourly?.(h.model, 1, 0) ?? 0,
          hourlySpotUsd: h.cluster.fargateHourly?.(h.model, 0, 1) ?? 0,
          placement:
            [
              ...h.model.config.strategies.map((st) => `${st.Type}${st.Field ? `(${st.Field})` : ''}`),
              ...h.model.config.constraints.map((ct) => ct.Type),
            ].join(', ') || 'the default strategy',
        };
      }),
      asgs: this.sim.clusters.flatMap((c) =>
        c.asgs.map((a) => ({ id: a.config.logicalId, minSize: a.config.minSize, maxSize: a.config.maxSize, types: a.config.instanceTypes.map((t) => t.name) })),
      ),
      functions: [...this.sim.functions.entries()].map(([id, { model }]) => ({
        id,
        memoryMB: model.config.memoryMB,
        reserved: model.config.reserved ?? null,
        provisioned: model.config.provisioned,
      })),
      accountConcurrency: account.limit,
      unreservedLimit: account.unreservedLimit,
      databases: this.dbs.meta(this.sim),
      knobs: this.knobsAvailable,
      warnings: this.warnings,
    };
    this.side = this.freshSide();
    this.save();
  }

  /** Latencies of the current chart interval. */
  private readonly interval = new IntervalLatency();

  /** Listens to the models: every latency recorded (for the interval percentiles) and every Spot interruption. */
  private watch(): void {
    const into = (ms: number, count: number) => this.interval.record(ms, count);
    for (const s of this.sim.services.values()) s.latency.listener = into;
    for (const f of this.sim.functions.values()) f.latency.listener = into;
    for (const [id, q] of this.sim.queues) if (this.producerTargets.has(id)) q.latency.listener = into;
    this.spotHits = [];
    for (const [ci, c] of this.sim.clusters.entries()) {
      c.observe({
        spotTaskInterrupted: (task, service) => {
          this.spotHits.push({ cluster: ci, task, service });
        },
        spotInstanceWarned: (instance) => {
          this.spotHits.push({ cluster: ci, instance });
        },
      });
    }
  }

  /** Workload targets (a queue producers send to counts its messages; a dead-letter queue's are counted as failed). */
  private get producerTargets(): Set<string> {
    return new Set(this.scenario.Workload.map((w) => w.Target));
  }

  private freshSide(): Side {
    const desired: Record<string, number> = {};
    for (const [id, h] of this.sim.services) desired[id] = h.model.desiredCount;
    const asgDesired: Record<string, number> = {};
    for (const c of this.sim.clusters) for (const a of c.asgs) asgDesired[a.config.logicalId] = a.desired;
    const zero = (m: Map<string, unknown>) => Object.fromEntries([...m.keys()].map((k) => [k, 0]));
    return {
      costByKind: [0, 0, 0, 0],
      costByResource: {},
      samples: [],
      nextSampleMs: 0,
      prev: { arrived: 0, failed: 0, throttled: 0, cost: 0 },
      desired,
      asgDesired,
      decisions: zero(this.sim.scalers),
      faults: 0,
      coldStarts: zero(this.sim.functions),
      throttles: zero(this.sim.functions),
      recycled: zero(this.sim.functions),
      lastRecycleCaptionMs: Number.NEGATIVE_INFINITY,
      lastColdCaptionMs: Number.NEGATIVE_INFINITY,
      lastThrottleCaptionMs: Number.NEGATIVE_INFINITY,
      metered: [],
      meteredRate: 0,
      db: this.dbs.fresh(this.sim),
      meteredByResource: [],
      meteredRateByResource: {},
      spotTasks: {},
      spotInstances: {},
      launchReasons: [],
    };
  }

  get nowMs(): number {
    return this.sim.engine.nowMs;
  }

  get done(): boolean {
    return this.sim.engine.done;
  }

  /** Advances one tick. Returns how many of its events should pause a teacher's run (scaling decisions, faults). */
  step(): number {
    if (this.report !== undefined) return 0;
    if (this.side.nextSampleMs === 0 && this.nowMs === 0) this.sample();
    const before = this.nowMs;
    this.spotHits.length = 0;
    const more = this.sim.step();
    this.accrue(before, this.nowMs - before);
    const pausing = this.detectEvents() + this.detectDatabaseEvents(this.nowMs - before);
    if (this.nowMs >= this.side.nextSampleMs) this.sample();
    if (this.nowMs > 0 && this.nowMs % this.checkpointEveryMs === 0) this.save();
    if (!more || this.done) this.finishReport();
    return pausing;
  }

  /**
   * Steps until simulated time reaches `atMs` (or the end). `progress`, when given, is called
   * with the simulated time after every `progressEveryMs` of simulated time stepped.
   */
  runTo(atMs: number, progress?: (nowMs: number) => void, progressEveryMs = this.sampleEveryMs * 20): void {
    let next = this.nowMs + progressEveryMs;
    while (this.nowMs < atMs && this.report === undefined) {
      this.step();
      if (progress !== undefined && this.nowMs >= next && this.nowMs < atMs) {
        progress(this.nowMs);
        next = this.nowMs + progressEveryMs;
      }
    }
  }

  /**
   * Goes back (or forward) to `atMs`: restores the latest checkpoint at or before it and steps on.
   * `progress` is told the simulated time now and then while it replays (see `runTo`).
   */
  seek(atMs: number, progress?: (nowMs: number) => void): void {
    const target = Math.max(0, Math.min(atMs, this.scenario.DurationMs));
    if (target < this.nowMs || this.report !== undefined) {
      let point = this.saved[0]!;
      for (const p of this.saved) if (p.atMs <= target && p.atMs >= point.atMs) point = p;
      this.sim = new Simulation(this.scenario);
      this.watch();
      this.sim.restore(structuredClone(point.engine));
      this.interval.reset();
      this.side = structuredClone(point.side);
      this.report = undefined;
      this.captions = [];
    }
    this.runTo(target, progress);
  }

  private save(): void {
    if (this.saved.some((p) => p.atMs === this.nowMs)) return;
    this.saved.push({ atMs: this.nowMs, engine: structuredClone(this.sim.checkpoint()), side: structuredClone(this.side) });
    if (this.saved.length > MAX_CHECKPOINTS) {
      // Thin out: keep the first and every other one, so checkpoints stay spread over the run.
      this.saved = this.saved.filter((_, i) => i === 0 || i % 2 === 1);
    }
  }

  private finishReport(): void {
    if (this.report !== undefined) return;
    const r = this.sim.report();
    this.report = { totalCostUsd: r.totals.costUsd, served: r.totals.requests.served, failed: r.totals.requests.failed, p99: r.totals.latencyMs.p99 ?? 0 };
    this.sample();
  }

  /** EC2 and Fargate cost of the tick [startMs, startMs + tickMs), by launch type and by resource. */
  private accrue(startMs: number, tickMs: number): void {
    const hours = tickMs / 3_600_000;
    const side = this.side;
    for (const [id, { model, cluster }] of this.sim.services) {
      let od = 0;
      let spot = 0;
      for (const t of model.tasks) {
        if (t.billStartMs < 0 || t.billStartMs > startMs || t.kind === 'EC2') continue;
        if (t.kind === 'FARGATE_SPOT') spot++;
        else od++;
      }
      if (od + spot === 0 || cluster.fargateHourly === undefined) continue;
      const a = cluster.fargateHourly(model, od, 0) * hours;
      const b = cluster.fargateHourly(model, 0, spot) * hours;
      side.costByKind[KIND_FARGATE] = side.costByKind[KIND_FARGATE]! + a;
      side.costByKind[KIND_FARGATE_SPOT] = side.costByKind[KIND_FARGATE_SPOT]! + b;
      side.costByResource[id] = (side.costByResource[id] ?? 0) + a + b;
    }
    for (const c of this.sim.clusters) {
      for (const asg of c.asgs) {
        let usd = 0;
        let spotUsd = 0;
        for (const iid of asg.instances) {
          const inst = c.instances.get(iid)!;
          if (inst.billStartMs < 0 || inst.billStartMs > startMs) continue;
          if (inst.spot) spotUsd += this.instanceHourly(inst.type.name, true) * hours;
          else usd += this.instanceHourly(inst.type.name, false) * hours;
        }
        if (usd + spotUsd === 0) continue;
        side.costByKind[KIND_EC2] = side.costByKind[KIND_EC2]! + usd;
        side.costByKind[COST_EC2_SPOT] = side.costByKind[COST_EC2_SPOT]! + spotUsd;
        const id = asg.config.logicalId;
        side.costByResource[id] = (side.costByResource[id] ?? 0) + usd + spotUsd;
      }
    }
  }

  private hourlyCache = new Map<string, number>();
  instanceHourly(type: string, spot: boolean): number {
    const key = `${type}|${spot}`;
    let v = this.hourlyCache.get(key);
    if (v === undefined) {
      v = ec2HourlyRate(this.sim.prices.ec2, type, spot ? 'Spot' : 'OnDemand', { spotDiscountFraction: this.ec2Spot, savingsPlanPercent: this.ec2Sp }).hourlyUsd;
      this.hourlyCache.set(key, v);
    }
    return v;
  }

  /** Cost priced from meters at this moment: Lambda, load balancers, APIs, by resource. */
  private meteredCosts(): Record<string, number> {
    const out: Record<string, number> = {};
    const now = Math.max(this.nowMs, this.scenario.TickMs);
    const lambdaPrices = this.sim.prices.lambda;
    for (const [id, { model, latency }] of this.sim.functions) {
      // The report's own condition: a function fed by an event source mapping (SQS) has
      // invocations but no `arrived` (that counts requests from a load balancer or an API).
      if (model.counters.invocations === 0 && model.config.provisioned === 0 && model.counters.arrived === 0) continue;
      out[id] = functionReport(model, lambdaPrices, latency.histogram, now, {
        freeTier: false,
        freeTierLeft: { requests: 0, gibSeconds: 0 },
        savingsPlanPercent: this.scenario.Pricing.SavingsPlan?.Lambda ?? 0,
        type: this.scenario.Resources[id]!.Type,
      }).costUsd;
      // Provisioned concurrency is metered when it is switched off; accrue it to now meanwhile.
      const p = model.config.provisioned;
      if (p > 0 && this.report === undefined) {
        const rate = model.config.architecture === 'arm64' ? lambdaPrices.provisionedArm : lambdaPrices.provisionedX86;
        out[id] += ((p * model.config.memoryMB) / 1024) * (now / 1000) * rate.configuredGibSecond.usd;
      }
    }
    for (const [id, lb] of this.sim.loadBalancers) out[id] = sumCosts(albLineItems(lb.meter.usage(now), this.sim.prices.alb));
    for (const [id, api] of this.sim.apis) out[id] = sumCosts(apiGatewayLineItems({ requests: api.requests }, this.sim.prices.apiGateway, api.kind));
    for (const [id, { model, latency }] of this.sim.queues) {
      out[id] = queueReport(model, this.sim.prices.sqs, latency.histogram, { freeTier: false, freeRequestsLeft: 0 }).costUsd;
    }
    return out;
  }

  /** The metered resources' entries of a cost-by-resource record (Lambda, load balancers, APIs, queues). */
  private meteredResourceIds(byResource: Record<string, number>): Record<string, number> {
    const out: Record<string, number> = {};
    for (const m of [this.sim.functions, this.sim.loadBalancers, this.sim.apis, this.sim.queues]) for (const id of m.keys()) if (byResource[id] !== undefined) out[id] = byResource[id]!;
    return out;
  }

  /** Total cost so far (accrued EC2/Fargate + metered + Aurora), USD. */
  costSoFar(): { total: number; byResource: Record<string, number>; metered: number; aurora: number } {
    const metered = this.meteredCosts();
    const byResource: Record<string, number> = { ...this.side.costByResource, ...metered };
    let aurora = 0;
    this.dbs.costs(this.sim, this.nowMs, this.report !== undefined).forEach((c, d) => {
      byResource[this.dbs.ids[d]!] = c.usd;
      aurora += c.usd;
    });
    let total = 0;
    for (const v of Object.values(byResource)) total += v;
    let m = 0;
    for (const v of Object.values(metered)) m += v;
    return { total, byResource, metered: m, aurora };
  }


  /** Hourly rate now of running EC2 and Fargate capacity, by kind (KIND_*; 3 = EC2 Spot), USD/h. */
  private ratesNow(byResource?: Record<string, number>): number[] {
    const rates = [0, 0, 0, 0];
    for (const [id, { model, cluster }] of this.sim.services) {
      let od = 0;
      let spot = 0;
      for (const t of model.tasks) {
        if (t.billStartMs < 0 || t.kind === 'EC2') continue;
        if (t.kind === 'FARGATE_SPOT') spot++;
        else od++;
      }
      const a = cluster.fargateHourly?.(model, od, 0) ?? 0;
      const b = cluster.fargateHourly?.(model, 0, spot) ?? 0;
      rates[KIND_FARGATE]! += a;
      rates[KIND_FARGATE_SPOT]! += b;
      if (byResource !== undefined && a + b > 0) byResource[id] = (byResource[id] ?? 0) + a + b;
    }
    for (const c of this.sim.clusters) {
      for (const inst of c.instances.values()) {
        if (inst.billStartMs < 0 || inst.billStartMs > this.nowMs) continue;
        const r = this.instanceHourly(inst.type.name, inst.spot);
        rates[inst.spot ? COST_EC2_SPOT : KIND_EC2]! += r;
        if (byResource !== undefined) byResource[inst.asg] = (byResource[inst.asg] ?? 0) + r;
      }
    }
    return rates;
  }

  private totals(): { arrived: number; served: number; failed: number; throttled: number; running: number; desired: number; instances: number; busy: number; envs: number } {
    let arrived = 0;
    let served = 0;
    let failed = 0;
    let throttled = 0;
    let running = 0;
    let desired = 0;
    let instances = 0;
    let busy = 0;
    let envs = 0;
    for (const { model } of this.sim.services.values()) {
      const c = model.counters;
      arrived += c.arrived;
      served += c.served;
      failed += c.failed;
      running += model.running.length;
      desired += model.desiredCount;
    }
    for (const { model } of this.sim.functions.values()) {
      const c = model.counters;
      arrived += c.arrived;
      served += c.served;
      failed += c.failed;
      throttled += c.throttles;
      busy += model.concurrency;
      envs += model.environments;
    }
    for (const api of this.sim.apis.values()) {
      arrived += api.throttled;
      throttled += api.throttled;
    }
    const targets = this.producerTargets;
    for (const [id, { model }] of this.sim.queues) {
      if (!targets.has(id)) continue;
      // As the report counts them.
      const o = model.producerOutcomes();
      arrived += o.arrived;
      served += o.served;
      failed += o.failed;
    }
    for (const c of this.sim.clusters) for (const inst of c.instances.values()) if (inst.status !== IS.TERMINATED) instances++;
    return { arrived, served, failed, throttled, running, desired, instances, busy, envs };
  }

  private auroraRate(): number {
    let r = 0;
    for (const c of this.dbs.costs(this.sim, this.nowMs, this.report !== undefined)) r += c.usdPerHour;
    return r;
  }

  /** Measures the Aurora instances over the tick just stepped and captions what changed; returns how many captions should pause. */
  private detectDatabaseEvents(tickMs: number): number {
    if (this.dbs.count === 0) return 0;
    this.dbs.measure(this.sim, this.side.db, tickMs);
    return this.dbs.captions(this.sim, this.side.db, this.nowMs, this.sayDatabase);
  }

  private readonly sayDatabase = (kind: Caption['kind'], text: string, pause: boolean): number => {
    this.captions.push({ atMs: this.nowMs, kind, text });
    if (this.captions.length > 200) this.captions.splice(0, this.captions.length - 200);
    return pause ? 1 : 0;
  };

  /** Every latency recorded so far, merged. */
  private mergedLatency(): LatencyHistogram {
    const sources = [...[...this.sim.services.values()].map((s) => s.latency.histogram), ...[...this.sim.functions.values()].map((f) => f.latency.histogram)].filter(
      (h) => h.count > 0,
    );
    // One source (the usual case) needs no merge; merging allocates, so reuse one scratch histogram.
    if (sources.length === 1) return sources[0]!;
    const h = this.scratchLatency;
    h.reset();
    for (const s of sources) h.merge(s);
    return h;
  }
  private readonly scratchLatency = new LatencyHistogram();

  /** Records one chart sample (SAMPLE_FIELDS) at the current simulated time. */
  private sample(): void {
    const side = this.side;
    const t = this.totals();
    const dtS = Math.max(1e-9, (this.nowMs - (side.samples.length > 0 ? side.samples[side.samples.length - SAMPLE_FIELDS]! * 1000 : 0)) / 1000);
    const first = side.samples.length === 0;
    const costs = this.costSoFar();
    const cost = costs.total;
    // $/h: running capacity's rate now, plus metered services' rate over the last ten samples
    // (ALB and provisioned-concurrency charges come in steps; one interval would show spikes).
    const running = this.ratesNow().reduce((a, b) => a + b, 0);
    side.metered.push(this.nowMs, costs.metered);
    const metered = this.meteredResourceIds(costs.byResource);
    side.meteredByResource.push(metered);
    if (side.metered.length > 22) {
      side.metered.splice(0, 2);
      side.meteredByResource.splice(0, 1);
    }
    const dMs = this.nowMs - side.metered[0]!;
    const meteredRate = dMs > 0 ? Math.max(0, ((costs.metered - side.metered[1]!) / dMs) * 3_600_000) : 0;
    side.meteredRate = meteredRate;
    // Each metered resource's $/h over the same window (they add up to `meteredRate`).
    const oldest = side.meteredByResource[0]!;
    side.meteredRateByResource = {};
    for (const [id, usd] of Object.entries(metered)) side.meteredRateByResource[id] = dMs > 0 ? Math.max(0, ((usd - (oldest[id] ?? 0)) / dMs) * 3_600_000) : 0;
    const iv = this.interval;
    const p = (q: number) => iv.percentile(q);
    side.samples.push(
      this.nowMs / 1000,
      first ? 0 : (t.arrived - side.prev.arrived) / dtS,
      first ? 0 : (t.failed - side.prev.failed) / dtS,
      first ? 0 : (t.throttled - side.prev.throttled) / dtS,
      t.running,
      t.desired,
      t.instances,
      t.busy,
      t.envs,
      iv.meanMs,
      p(50),
      p(95),
      p(99),
      cost,
      running + meteredRate + this.auroraRate(),
      this.dbs.totalAcu(this.sim),
    );
    side.prev = { arrived: t.arrived, failed: t.failed, throttled: t.throttled, cost };
    iv.reset();
    side.nextSampleMs = (Math.floor(this.nowMs / this.sampleEveryMs) + 1) * this.sampleEveryMs;
  }

  /** Looks for scaling decisions, capacity changes, faults, cold starts and throttles; returns how many should pause. */
  private detectEvents(): number {
    const side = this.side;
    const now = this.nowMs;
    let pausing = 0;
    const say = (kind: Caption['kind'], text: string, pause: boolean) => {
      this.captions.push({ atMs: now, kind, text });
      if (this.captions.length > 200) this.captions.splice(0, this.captions.length - 200);
      if (pause) pausing++;
    };
    for (const [id, scaler] of this.sim.scalers) {
      const n = scaler.stats.decisions;
      if (n === side.decisions[id]) continue;
      const log = scaler.decisions();
      const fresh = log.slice(Math.max(0, log.length - (n - (side.decisions[id] ?? 0))));
      side.decisions[id] = n;
      for (const d of fresh) {
        const delta = Math.abs(d.to - d.from);
        say('scale', `${d.direction === 'out' ? 'Scale-out' : 'Scale-in'} of ${id}: ${d.reason.replace(/; \d+ → \d+ tasks$/, '')}; ${d.direction === 'out' ? 'adding' : 'removing'} ${delta} task${delta === 1 ? '' : 's'} (${d.from} → ${d.to})`, true);
      }
    }
    for (const [id, h] of this.sim.services) {
      const d = h.model.desiredCount;
      if (d !== side.desired[id] && !this.sim.scalers.has(id)) say('scale', `Desired count of ${id}: ${side.desired[id]} → ${d} tasks`, true);
      side.desired[id] = d;
    }
    for (const c of this.sim.clusters) {
      for (const a of c.asgs) {
        const id = a.config.logicalId;
        if (a.desired !== side.asgDesired[id]) {
          const from = side.asgDesired[id] ?? 0;
          const more = a.desired > from;
          const target = a.config.managedScaling?.targetCapacity;
          const why = target !== undefined ? `capacity provider keeps instances about ${target} % used` : 'Auto Scaling group desired capacity changed';
          const text = `Cluster ${more ? 'scale-out' : 'scale-in'} (${id}): ${why}; desired instances ${from} → ${a.desired}`;
          say('capacity', text, true);
          if (more) {
            side.launchReasons.push({ asg: id, atMs: now, text });
            if (side.launchReasons.length > 100) side.launchReasons.splice(0, side.launchReasons.length - 100);
          }
          side.asgDesired[id] = a.desired;
        }
      }
      const records = c.faultRecords;
      if (records.length > side.faults) {
        for (const f of records.slice(side.faults)) {
          // A Spot interruption that hit something has its own caption (spotEvents).
          if (f.kind === 'spot-interruption' && f.instancesLost + f.tasksLost > 0) continue;
          say('fault', `Fault: ${f.kind}${f.zone ? ` in ${f.zone}` : ''}${f.target ? ` on ${f.target}` : ''}: ${f.instancesLost} instance(s) and ${f.tasksLost} task(s) lost`, true);
        }
        side.faults = records.length;
      }
    }
    pausing += this.spotEvents(say);
    for (const [id, { model }] of this.sim.functions) {
      const cold = model.counters.coldStarts;
      if (cold > (side.coldStarts[id] ?? 0)) {
        const n = cold - (side.coldStarts[id] ?? 0);
        if (now - side.lastColdCaptionMs >= 60_000) {
          const init = this.latestInitMs(id);
          say('cold', `Cold start${n > 1 ? `s (${n})` : ''} on ${id}: no idle environment; init ${Math.round(init)} ms`, false);
          side.lastColdCaptionMs = now;
        }
        side.coldStarts[id] = cold;
      }
      // Recycles since the last caption (at most one a minute), so none goes uncounted.
      const recycled = model.counters.environmentsRecycled;
      if (recycled > (side.recycled[id] ?? 0) && now - side.lastRecycleCaptionMs >= 60_000) {
        const n = recycled - (side.recycled[id] ?? 0);
        say('cold', `Recycled: ${n} environment${n > 1 ? 's' : ''} of ${id} lived ${lifetimeText(model.config.maxLifetimeMs)} (MaxLifetime), busy or not; the next request that needs one starts cold`, false);
        side.lastRecycleCaptionMs = now;
        side.recycled[id] = recycled;
      }
      const thr = model.counters.throttles;
      if (thr > (side.throttles[id] ?? 0)) {
        const n = thr - (side.throttles[id] ?? 0);
        if (now - side.lastThrottleCaptionMs >= 60_000) {
          const limit = model.config.reserved ?? this.sim.lambdaAccount.unreservedLimit;
          say('throttle', `Throttled: ${n} request(s) to ${id} refused (429): ${model.concurrency} environments busy, limit ${limit}`, false);
          side.lastThrottleCaptionMs = now;
        }
        side.throttles[id] = thr;
      }
    }
    return pausing;
  }

  /**
   * Captions the Spot interruptions of the step just taken (one caption per service and per
   * Auto Scaling group), marks the tasks and instances hit, and forgets old marks. All pause.
   */
  private spotEvents(say: (kind: Caption['kind'], text: string, pause: boolean) => void): number {
    const side = this.side;
    const now = this.nowMs;
    for (const [k, until] of Object.entries(side.spotTasks)) if (until <= now) delete side.spotTasks[Number(k)];
    for (const [k, until] of Object.entries(side.spotInstances)) if (until <= now) delete side.spotInstances[Number(k)];
    if (this.spotHits.length === 0) return 0;
    const s = Math.round(this.spotWarningMs / 1000);
    const notice = s % 60 === 0 && s > 0 ? (s === 60 ? "1 minute's" : `${s / 60} minutes'`) : s === 1 ? "1 second's" : `${s} seconds'`;
    const tasksBy = new Map<string, number>();
    const instancesBy = new Map<string, { n: number; what: string }>();
    for (const h of this.spotHits) {
      const c = this.sim.clusters[h.cluster]!;
      if (h.task !== undefined) {
        const id = c.services[h.service!]?.logicalId ?? 'a service';
        tasksBy.set(id, (tasksBy.get(id) ?? 0) + 1);
        side.spotTasks[h.task] = now + SPOT_MARK_MS;
      } else if (h.instance !== undefined) {
        const inst = c.instances.get(h.instance);
        if (inst === undefined) continue;
        const g = instancesBy.get(inst.asg);
        const what = `${inst.type.name} in ${inst.zone}`;
        instancesBy.set(inst.asg, { n: (g?.n ?? 0) + 1, what: g === undefined || g.what === what ? what : 'several types and zones' });
        side.spotInstances[h.instance] = now + SPOT_MARK_MS;
      }
    }
    this.spotHits.length = 0;
    let pausing = 0;
    for (const [id, n] of tasksBy) {
      say('fault', `Spot interruption: ${n} Fargate Spot task${n === 1 ? '' : 's'} of ${id} reclaimed with ${notice} notice; replacing ${n === 1 ? 'it' : 'them'}`, true);
      pausing++;
    }
    for (const [id, { n, what }] of instancesBy) {
      say(
        'fault',
        `Spot interruption: ${n} Spot instance${n === 1 ? '' : 's'} of ${id} (${what}) ${n === 1 ? 'gets' : 'get'} ${notice} notice before ${n === 1 ? 'it is' : 'they are'} reclaimed; draining ${n === 1 ? 'its' : 'their'} tasks, which are replaced elsewhere`,
        true,
      );
      pausing++;
    }
    return pausing;
  }

  /** INIT duration of the function's most recently created on-demand environment, ms. */
  private latestInitMs(fnId: string): number {
    const rows = this.sim.functions.get(fnId)!.model.environmentView();
    let best = -1;
    let init = 0;
    for (let r = 0; r < rows.cap; r++) {
      if (rows.provisionedEnv[r] === 0 && rows.createdAt[r]! >= 0 && rows.createdAt[r]! > best && rows.initUntil[r]! > rows.createdAt[r]!) {
        best = rows.createdAt[r]!;
        init = rows.initUntil[r]! - rows.createdAt[r]!;
      }
    }
    return init;
  }

  /** Samples recorded from index `from` (in samples, not numbers). */
  samplesFrom(from: number): Float64Array {
    return new Float64Array(this.side.samples.slice(from * SAMPLE_FIELDS));
  }

  get sampleCount(): number {
    return this.side.samples.length / SAMPLE_FIELDS;
  }

  /** Captions since the last call. */
  takeCaptions(): Caption[] {
    const out = this.captions;
    this.captions = [];
    return out;
  }

  /** Everything the scene and panels draw, as typed arrays and a few numbers. */
  frame(): FrameData {
    const sim = this.sim;
    // Instances, then their tasks in placement order, then Fargate tasks, then tasks waiting.
    let nInst = 0;
    let nTasks = 0;
    for (const c of sim.clusters) {
      nInst += c.instances.size;
      nTasks += c.tasks.size;
    }
    const inst = new Float64Array(nInst * INST_STRIDE);
    const launchedMs: number[] = [];
    const tasks = new Float64Array(nTasks * TASK_STRIDE);
    let i = 0;
    let k = 0;
    const serviceUtil: number[] = [];
    const bases: number[] = [];
    for (const c of sim.clusters) {
      const base = this.serviceIds.indexOf(c.services[0]?.logicalId ?? '');
      bases.push(base);
      c.services.forEach((s, j) => {
        const u = s.lastCpuUtilization;
        serviceUtil[base + j] = Number.isNaN(u) ? 0 : Math.min(1, u / 100);
      });
    }
    // Pass 1: every instance followed by its tasks; pass 2: Fargate tasks and tasks not on an instance.
    sim.clusters.forEach((c, ci) => {
      // Index into RunMeta.asgs, which lists every cluster's groups in turn.
      let asgBase = 0;
      for (let cj = 0; cj < ci; cj++) asgBase += sim.clusters[cj]!.asgs.length;
      const asgIndex = new Map(c.asgs.map((a, j) => [a.config.logicalId, asgBase + j]));
      const typeIndex = new Map(c.asgs.map((a) => [a.config.logicalId, a.config.instanceTypes.map((t) => t.name)]));
      for (const ins of c.instances.values()) {
        const o = i * INST_STRIDE;
        inst[o] = ins.id;
        inst[o + 1] = this.zoneIndex.get(ins.zone) ?? 0;
        inst[o + 2] = ins.status;
        inst[o + 3] = ins.type.cpuUnits;
        inst[o + 4] = ins.type.memoryMiB;
        inst[o + 5] = ins.type.cpuUnits - ins.cpuFree;
        inst[o + 6] = ins.type.memoryMiB - ins.memoryFreeMiB;
        inst[o + 7] = ins.spot ? 1 : 0;
        inst[o + 8] = asgIndex.get(ins.asg) ?? 0;
        inst[o + 9] = this.instanceHourly(ins.type.name, ins.spot);
        inst[o + 10] = Math.max(0, typeIndex.get(ins.asg)?.indexOf(ins.type.name) ?? 0);
        launchedMs.push(ins.launchedMs);
        i++;
        for (const tid of ins.tasks) {
          const t = c.tasks.get(tid);
          if (t !== undefined) k = this.packTask(tasks, k, t, bases[ci]!, serviceUtil, true);
        }
      }
    });
    sim.clusters.forEach((c, ci) => {
      for (const t of c.tasks.values()) {
        if (t.instance >= 0 && c.instances.get(t.instance)?.tasks.includes(t.id)) continue;
        k = this.packTask(tasks, k, t, bases[ci]!, serviceUtil, false);
      }
    });
    // Lambda environments.
    let nEnv = 0;
    const fnRows: ReturnType<FunctionModel['environmentView']>[] = [];
    for (const { model } of sim.functions.values()) {
      const rows = model.environmentView();
      fnRows.push(rows);
      nEnv += model.environments;
    }
    const envs = new Uint8Array(Math.max(1, nEnv * ENV_STRIDE));
    const envCost = new Float64Array(Math.max(1, nEnv));
    const fns = new Float64Array(sim.functions.size * FN_STRIDE);
    let e = 0;
    let f = 0;
    for (const { model } of sim.functions.values()) {
      const rows = fnRows[f]!;
      const start = e;
      const lp = sim.prices.lambda;
      const arm = model.config.architecture === 'arm64';
      const gib = model.config.memoryMB / 1024;
      const onDemandRate = (arm ? lp.durationArm : lp.durationX86).tiers[0]!.usd;
      const provisionedRate = (arm ? lp.provisionedArm : lp.provisionedX86).executedGibSecond.usd;
      const billInit = model.meter.config.billInit;
      for (let r = 0; r < rows.cap; r++) {
        if (rows.createdAt[r]! < 0) continue;
        const st = rows.state[r]!;
        if (st === ES.REAPED) continue;
        const busyMs = rows.busyMs[r]!;
        if (busyMs > 0) {
          // Busy ms × memory at the price table's (first-tier) duration rate; an on-demand
          // environment's INIT is in its busy time, and billed only when the function's INIT is.
          const pc = rows.provisionedEnv[r] === 1;
          const initMs = pc || billInit ? 0 : Math.max(0, rows.initUntil[r]! - rows.createdAt[r]!);
          envCost[e] = (gib * Math.max(0, busyMs - initMs) * (pc ? provisionedRate : onDemandRate)) / 1000;
        } else envCost[e] = 0;
        envs[e++] = (st === ES.INITIALIZING ? 0 : st === ES.BUSY ? 1 : 2) | (rows.provisionedEnv[r] ? ENV_PROVISIONED : 0);
      }
      const o = f * FN_STRIDE;
      const c = model.counters;
      fns[o] = start;
      fns[o + 1] = e - start;
      fns[o + 2] = model.concurrency;
      fns[o + 3] = model.config.reserved ?? sim.lambdaAccount.unreservedLimit;
      fns[o + 4] = model.config.provisioned;
      fns[o + 5] = c.throttles;
      fns[o + 6] = c.coldStarts;
      fns[o + 7] = c.environmentsCreated - model.environments;
      fns[o + 8] = c.invocations;
      f++;
    }
    const ended = this.report !== undefined;
    const dbs = this.dbs.pack(sim, this.side.db, this.meta.databases, this.nowMs, ended);
    const dbCosts = this.dbs.costs(sim, this.nowMs, ended);
    const t = this.totals();
    const cost = this.costSoFar();
    const h = this.mergedLatency();
    const rateByResource: Record<string, number> = { ...this.side.meteredRateByResource };
    const rates = this.ratesNow(rateByResource);
    const meteredRate = this.side.meteredRate;
    dbCosts.forEach((c, d) => {
      rateByResource[this.dbs.ids[d]!] = c.usdPerHour;
    });
    const spotTasks: number[] = [];
    const spotInstances: number[] = [];
    for (const k of Object.keys(this.side.spotTasks)) spotTasks.push(Number(k));
    for (const k of Object.keys(this.side.spotInstances)) spotInstances.push(Number(k));
    return {
      nowMs: this.nowMs,
      done: this.report !== undefined,
      instances: inst.subarray(0, i * INST_STRIDE),
      tasks: tasks.subarray(0, k * TASK_STRIDE),
      envs: envs.subarray(0, e),
      envCostUsd: envCost.subarray(0, e),
      fns,
      dbs,
      serviceDesired: this.serviceIds.map((id) => sim.services.get(id)!.model.desiredCount),
      serviceRunning: this.serviceIds.map((id) => sim.services.get(id)!.model.running.length),
      serviceUtil,
      serviceDecision: this.serviceIds.map((id) => {
        const d = sim.scalers.get(id)?.decisions().at(-1);
        return d === undefined ? '' : `${formatDuration(d.atMs)} ${d.direction === 'out' ? 'scale-out' : 'scale-in'}: ${d.reason}`;
      }),
      asgDesired: sim.clusters.flatMap((c) => c.asgs.map((a) => a.desired)),
      requests: { arrived: t.arrived, served: t.served, failed: t.failed, throttled: t.throttled },
      latency: { p50: h.count > 0 ? h.percentile(50) : null, p95: h.count > 0 ? h.percentile(95) : null, p99: h.count > 0 ? h.percentile(99) : null },
      cost: {
        totalUsd: cost.total,
        byResource: cost.byResource,
        rateByResource,
        byKind: {
          fargate: this.side.costByKind[KIND_FARGATE]!,
          fargateSpot: this.side.costByKind[KIND_FARGATE_SPOT]!,
          ec2: this.side.costByKind[KIND_EC2]!,
          ec2Spot: this.side.costByKind[COST_EC2_SPOT]!,
          metered: cost.metered,
          aurora: cost.aurora,
        },
        rateByKind: { fargate: rates[0]!, fargateSpot: rates[1]!, ec2: rates[2]!, ec2Spot: rates[3]!, metered: meteredRate, aurora: dbCosts.reduce((a, c) => a + c.usdPerHour, 0) },
        databases: dbCosts,
      },
      report: this.report ?? null,
      spotInterrupted: { tasks: spotTasks, instances: spotInstances },
      instanceLaunchedMs: launchedMs,
      launchReasons: this.side.launchReasons,
    };
  }

  private packTask(out: Float64Array, k: number, t: Task, base: number, util: number[], onInstance: boolean): number {
    if (t.status === TS.STOPPED) return k;
    const o = k * TASK_STRIDE;
    const s = base + t.service;
    out[o] = t.id;
    out[o + 1] = s;
    out[o + 2] = this.zoneIndex.get(t.zone) ?? 0;
    out[o + 3] = t.status;
    out[o + 4] = KIND_INDEX[t.kind];
    out[o + 5] = onInstance ? t.instance : -1;
    out[o + 6] = t.td.cpuUnits;
    out[o + 7] = t.td.memoryMiB;
    out[o + 8] = t.status === TS.RUNNING ? (util[s] ?? 0) : 0;
    out[o + 9] = t.host !== null ? t.host.server.ownerCount[t.slot]! : 0;
    return k + 1;
  }
}
