/**
 * One Aurora cluster in the running simulation: its instances' capacity (ACUs in 0.5 steps,
 * always within [min, max] while running), scaling from a warm pool or by moving host,
 * auto-pause and resume, connections, the queries callers submit, and metered usage.
 *
 * Queries are not objects. A request's queries are admitted in one call (`submit`) and their
 * latency is decided on admission, from the instance's state then: the wait for a resume or a
 * host switch in progress, the CPU work queued ahead of them (drained at the instance's vCPUs),
 * and their own CPU time on one vCPU (or the instance's fraction of one). That is a fluid
 * first-come-first-served queue over the instance's vCPUs: when demand exceeds capacity the
 * backlog grows and every later query waits longer, which is the back-pressure callers see.
 * Completion times go into a heap of typed arrays, so the report can tell completed, timed-out
 * and still-running queries apart at any moment.
 *
 * Capacity follows `instanceLifecycle` (XState, compiled to a table); its timed ends are engine
 * events addressed to this component, so their order follows the engine's rule and they are
 * checkpointed with the engine's queue. Measurement (once per tick, nominally a second) and
 * all ACU arithmetic are plain data.
 */
import { type Component, type Engine, IndexHeap, Priority, Series, type SeriesState } from '../../engine';
import { LatencyHistogram } from '../../report';
import type { AuroraMeter, AuroraMeterState } from './AuroraMeter';
import { type AuroraEngine, ceilHalf, floorHalf, GIB_PER_ACU, V1_CAPACITY_POINTS, v1PointAbove, v1PointBelow } from './capacity';
import { type InstanceEvent, IS, instanceLifecycle } from './instanceLifecycle';

/** Where a query or a connection goes: the cluster (writer) endpoint or the reader endpoint. */
export const ENDPOINT_WRITER = 0;
export const ENDPOINT_READER = 1;
export type Endpoint = typeof ENDPOINT_WRITER | typeof ENDPOINT_READER;

/** How an instance's capacity relates to the writer's. */
export type InstanceRole = 'writer' | 'follower' | 'independent';

export interface InstanceConfig {
  logicalId: string;
  /** `db.serverless`, or a provisioned class (fixed capacity). */
  instanceClass: string;
  promotionTier: number;
  /** writer; follower: a reader in promotion tier 0–1 (scales with the writer); independent: other readers. */
  role: InstanceRole;
  /** A provisioned class's vCPUs and memory; undefined for serverless. */
  provisioned?: { vcpu: number; memoryGiB: number };
}

/** A cluster as the model needs it: the scenario's properties and knobs, resolved to ms. */
export interface DatabaseConfig {
  logicalId: string;
  /** v2: ServerlessV2ScalingConfiguration and DB instances; v1: EngineMode serverless, one capacity. */
  mode: 'v2' | 'v1';
  engine: AuroraEngine;
  storageType: 'aurora' | 'aurora-iopt1';
  /** ACUs. v2: 0 or 0.5–256; v1: a capacity point. */
  minAcu: number;
  maxAcu: number;
  /** Whether instances pause when idle (v2: minAcu is 0; v1: AutoPause). */
  autoPause: boolean;
  secondsUntilAutoPause: number;
  /** Writer first. For v1, one synthetic serverless writer. */
  instances: InstanceConfig[];
  warmPoolAcu: number;
  poolRefillMs: number;
  poolScaleMs: number;
  hostMoveMs: number;
  hostMoveStallMs: number;
  resumeMs: number;
  resumeAfter24hMs: number;
  scaleUpIncrementPercent: number;
  scaleDownIntervalMs: number;
  scaleDownPercent: number;
  /** Fraction, e.g. 0.7. */
  targetCpuUtilization: number;
  vcpuPerAcu: number;
  memoryPerConnectionMiB: number;
  /** Connection limit of a v2 serverless instance (provisioned ones and v1 derive theirs from memory). */
  maxConnections: number;
  /** Connections per ACU for the derived limits (provisioned instances' memory, v1's current capacity). */
  maxConnectionsPerAcu: number;
  storageGB: number;
  ioPerQuery: number;
  /** Server-side statement timeout, ms; Infinity for none. */
  statementTimeoutMs: number;
  /** v1: time to find a scaling point once a change is decided, ms (0: at once). */
  v1ScalingPointWaitMs?: number;
  /** v1: ScalingConfiguration.SecondsBeforeTimeout, ms, and its TimeoutAction. */
  v1TimeoutMs?: number;
  v1ForceApply?: boolean;
}

/** What `submit` decided for one request's queries. Reused: valid until the next `submit`. */
export interface QueryResult {
  /** Time the request spent on the database: waits and runs of its queries one after another, ms. */
  latencyMs: number;
  /** A query hit the timeout (the caller's or the statement timeout); the request's later queries were not sent. */
  timedOut: boolean;
  /** Queries sent (the timed-out one included). */
  queriesSent: number;
  /** Logical ID index of the instance that served them (into `config.instances`). */
  instance: number;
}

export interface DatabaseCounters {
  queriesSubmitted: number;
  queriesCompleted: number;
  queriesTimedOut: number;
  connectionsOpened: number;
  connectionsRefused: number;
  peakConnections: number;
  pauses: number;
  resumes: number;
  /** Capacity changes: scale-ups, scale-down steps, v1 capacity switches (resumes not included). */
  scaleEvents: number;
  scaleUps: number;
  scaleDowns: number;
  hostMoves: number;
  /** v1: capacity changes cancelled (no scaling point within SecondsBeforeTimeout) and forced. */
  v1Rollbacks: number;
  v1Forced: number;
  /** Ms during which some serverless instance was at MaxCapacity. */
  msAtMax: number;
  /** Smallest and largest total ACUs seen at a tick's end (-1 before the first tick). */
  minTotalAcu: number;
  maxTotalAcu: number;
  /** Σ CPU-ms of work admitted, and Σ vCPU-ms available while running (for average utilisation). */
  cpuWorkMs: number;
  cpuCapacityMs: number;
}

const NEW_COUNTERS = (): DatabaseCounters => ({
  queriesSubmitted: 0,
  queriesCompleted: 0,
  queriesTimedOut: 0,
  connectionsOpened: 0,
  connectionsRefused: 0,
  peakConnections: 0,
  pauses: 0,
  resumes: 0,
  scaleEvents: 0,
  scaleUps: 0,
  scaleDowns: 0,
  hostMoves: 0,
  v1Rollbacks: 0,
  v1Forced: 0,
  msAtMax: 0,
  minTotalAcu: -1,
  maxTotalAcu: -1,
  cpuWorkMs: 0,
  cpuCapacityMs: 0,
});

/** One instance's running state (plain data, checkpointed as is). */
export interface InstanceRuntime {
  state: number;
  /** ACUs now (0 while paused or resuming; a provisioned instance's ACU equivalent: memory / 2 GiB). */
  acu: number;
  /** Capacity a scale-up, move or resume in progress ends at. */
  targetAcu: number;
  /** ACUs left in the warm pool of the instance's host. */
  poolLeft: number;
  /** CPU-ms of admitted work not yet done. */
  backlogCpuMs: number;
  /** CPU-ms of work admitted since Start (this instance's share of `counters.cpuWorkMs`). */
  cpuWorkMs: number;
  /** Time the backlog was drained up to. */
  drainedToMs: number;
  /** Queries wait until this time (a resume or a host switch in progress). */
  waitUntilMs: number;
  connections: number;
  /** Last query or connection change; idleness counts from here. */
  lastActivityMs: number;
  /** Generation of the pending auto-pause check (older checks are ignored). */
  pauseGen: number;
  pausedAtMs: number;
  /** Capacity is metered up to this time. */
  meteredToMs: number;
  /** CPU-ms worked off this tick (what the instance's CPU did: its utilisation). */
  tickDoneMs: number;
  /** The measurement in progress (AWS measures every second): CPU-ms worked off, vCPU-ms available, ms covered. */
  measureDoneMs: number;
  measureCapacityMs: number;
  measureSpanMs: number;
  /** v2: largest capacity needed since the last scale-down step. */
  windowPeak: number;
  nextDownAtMs: number;
  lastUpAtMs: number;
  lastDownAtMs: number;
  /** v1: a capacity change waiting for a scaling point (0: none), and since when. */
  pendingAcu: number;
  pendingSinceMs: number;
  halfAcuMs: number;
  minAcu: number;
  maxAcu: number;
  peakConnections: number;
}

/** Engine event kinds addressed to a database. `arg` is the instance index (pause checks: index + 64 × generation). */
const EV = { SCALED: 1, MOVED: 2, SWITCHED: 3, RESUMED: 4, PAUSE_CHECK: 5 } as const;
const MAX_INSTANCES = 64;
const DAY_MS = 86_400_000;
/** Capacity is measured over a second (aws-facts 83), or over each tick when ticks are longer. */
const MEASURE_MS = 1000;
/** v1 scaling rules (Aurora UG "How Aurora Serverless v1 works", autoscaling; aws-facts 90-91). */
const V1 = { upCpu: 0.7, upConnections: 0.9, downCpu: 0.3, downConnections: 0.4, upCooldownMs: 900_000, downCooldownMs: 310_000 } as const;
/** "Long ago" for the v1 cooldown clocks (finite, so checkpoints stay JSON-able). */
const NEVER_MS = -1e15;

type SeriesName = 'acu' | 'connections' | 'cpuUtilization' | 'queryLatency';

export class DatabaseModel implements Component {
  readonly name: string;
  counters: DatabaseCounters = NEW_COUNTERS();
  readonly series: Record<SeriesName, Series>;
  latency = new LatencyHistogram();
  instances: InstanceRuntime[];
  private readonly result: QueryResult = { latencyMs: 0, timedOut: false, queriesSent: 0, instance: 0 };
  private readonly readers: number[];
  private rr = 0;

  // In-flight queries: slab + heap by completion time.
  private qCap = 0;
  private qDone = new Float64Array(0);
  private qLatency = new Float64Array(0);
  private qTimedOut = new Uint8Array(0);
  private qFree: number[] = [];
  private readonly inflight: IndexHeap;

  private tickLatencySum = 0;
  private tickLatencyCount = 0;
  private readonly v1Points: readonly number[];

  constructor(
    private readonly engine: Engine,
    readonly config: DatabaseConfig,
    readonly meter: AuroraMeter,
  ) {
    if (config.instances.length === 0 || config.instances.length > MAX_INSTANCES) {
      throw new RangeError(`database ${config.logicalId}: 1–${MAX_INSTANCES} instances, got ${config.instances.length}`);
    }
    this.name = `rds:${config.logicalId}`;
    this.v1Points = V1_CAPACITY_POINTS[config.engine];
    this.readers = config.instances.map((_, i) => i).filter((i) => i > 0);
    this.inflight = new IndexHeap(this.qDone);
    this.instances = config.instances.map((ic) => {
      const acu = ic.provisioned !== undefined ? ic.provisioned.memoryGiB / GIB_PER_ACU : this.runningMin();
      return {
        state: instanceLifecycle.initial,
        acu,
        targetAcu: acu,
        poolLeft: config.warmPoolAcu,
        backlogCpuMs: 0,
        cpuWorkMs: 0,
        drainedToMs: 0,
        waitUntilMs: 0,
        connections: 0,
        lastActivityMs: 0,
        pauseGen: 0,
        pausedAtMs: -1,
        meteredToMs: 0,
        tickDoneMs: 0,
        measureDoneMs: 0,
        measureCapacityMs: 0,
        measureSpanMs: 0,
        windowPeak: 0,
        nextDownAtMs: config.scaleDownIntervalMs,
        lastUpAtMs: NEVER_MS,
        pendingAcu: 0,
        pendingSinceMs: 0,
        lastDownAtMs: NEVER_MS,
        halfAcuMs: 0,
        minAcu: acu,
        maxAcu: acu,
        peakConnections: 0,
      };
    });
    const w = engine.tickMs;
    this.series = {
      acu: new Series('acu', 'ACU', w),
      connections: new Series('connections', 'connections', w),
      cpuUtilization: new Series('cpuUtilizationPercent', '%', w),
      queryLatency: new Series('queryLatencyMeanMs', 'ms', w),
    };
  }

  /** Schedules the first auto-pause checks (instances start idle). Call once, before the run. */
  start(): void {
    if (!this.config.autoPause) return;
    for (let i = 0; i < this.instances.length; i++) if (this.isServerless(i)) this.schedulePauseCheck(i, 0);
  }

  // ---- the API callers use -------------------------------------------------------------------

  /**
   * Admits one request's `queries` queries of `cpuMsPerQuery` CPU-ms each at `atMs` through
   * `endpoint`; the request gives up on a query after `timeoutMs` (its own timeout; the
   * statement timeout applies too). A paused instance starts resuming and the queries wait for it.
   * Returns the time the request spends on the database. No allocation.
   */
  submit(atMs: number, queries: number, cpuMsPerQuery: number, endpoint: Endpoint = ENDPOINT_WRITER, timeoutMs = Number.POSITIVE_INFINITY): QueryResult {
    const r = this.result;
    r.latencyMs = 0;
    r.timedOut = false;
    r.queriesSent = 0;
    const q = queries > 0 ? Math.round(queries) : 0;
    const i = this.route(endpoint);
    r.instance = i;
    if (q === 0) return r;
    this.advance(atMs);
    const inst = this.instances[i]!;
    if (inst.state === IS.PAUSED) this.resume(i, atMs);
    this.drain(i, atMs);
    inst.lastActivityMs = Math.max(inst.lastActivityMs, atMs);
    const vcpu = this.vcpuAt(i, inst.state === IS.RESUMING ? inst.targetAcu : inst.acu);
    const speed = Math.min(1, vcpu);
    const cpuMs = Number.isNaN(cpuMsPerQuery) ? 0 : Math.max(0, cpuMsPerQuery);
    const service = cpuMs / speed;
    const queueWait = inst.backlogCpuMs / vcpu;
    let t = atMs;
    let work = 0;
    for (let k = 0; k < q; k++) {
      const wait = (k === 0 ? Math.max(0, inst.waitUntilMs - atMs) : 0) + queueWait;
      // The statement timeout limits each query; the caller's patience, what is left of it.
      const limit = Math.max(0, Math.min(this.config.statementTimeoutMs, timeoutMs - (t - atMs)));
      r.queriesSent++;
      if (wait + service > limit) {
        work += Math.max(0, limit - wait) * speed;
        this.push(t + limit, limit, true);
        t += limit;
        r.timedOut = true;
        break;
      }
      work += cpuMs;
      this.push(t + wait + service, wait + service, false);
      t += wait + service;
    }
    inst.backlogCpuMs += work;
    inst.cpuWorkMs += work;
    this.counters.queriesSubmitted += r.queriesSent;
    this.counters.cpuWorkMs += work;
    this.meter.addQueries(r.queriesSent);
    r.latencyMs = t - atMs;
    return r;
  }

  /**
   * Opens `count` connections through `endpoint` at `atMs` (a task or an execution environment
   * starting its pool). A paused instance starts resuming. Connections beyond the instance's
   * limit are refused. Returns how many were opened and the instance index via `lastInstance`.
   */
  openConnections(atMs: number, count: number, endpoint: Endpoint = ENDPOINT_WRITER): number {
    const i = endpoint === ENDPOINT_READER && this.readers.length > 0 ? this.leastConnectedReader() : 0;
    this.lastInstance = i;
    const inst = this.instances[i]!;
    if (count <= 0) return 0;
    if (inst.state === IS.PAUSED) this.resume(i, atMs);
    const room = Math.max(0, this.maxConnectionsOf(i) - inst.connections);
    const opened = Math.min(count, room);
    inst.connections += opened;
    inst.lastActivityMs = Math.max(inst.lastActivityMs, atMs);
    inst.pauseGen++;
    const c = this.counters;
    c.connectionsOpened += opened;
    c.connectionsRefused += count - opened;
    if (inst.connections > inst.peakConnections) inst.peakConnections = inst.connections;
    const total = this.totalConnections();
    if (total > c.peakConnections) c.peakConnections = total;
    return opened;
  }

  /** Instance index of the last `openConnections` (pass it back to `closeConnections`). */
  lastInstance = 0;

  /** Closes `count` connections held on instance `instance` (as `openConnections` reported) at `atMs`. */
  closeConnections(atMs: number, count: number, instance = 0): void {
    const inst = this.instances[instance];
    if (inst === undefined || count <= 0) return;
    inst.connections = Math.max(0, inst.connections - count);
    inst.lastActivityMs = Math.max(inst.lastActivityMs, atMs);
    if (inst.connections === 0 && this.config.autoPause && this.isServerless(instance)) this.schedulePauseCheck(instance, atMs);
  }

  /** Open connections on all instances now. */
  totalConnections(): number {
    let n = 0;
    for (const inst of this.instances) n += inst.connections;
    return n;
  }

  /** Total ACUs now. */
  totalAcu(): number {
    let n = 0;
    for (const inst of this.instances) n += inst.acu;
    return n;
  }

  /** Queries admitted and not yet finished (the report's `queued`). */
  queriesInFlight(): number {
    return this.inflight.size;
  }

  /** Connection limit of instance `i` now. */
  maxConnectionsOf(i: number): number {
    const ic = this.config.instances[i]!;
    const perAcu = this.config.maxConnectionsPerAcu;
    if (ic.provisioned !== undefined) return Math.min(5000, Math.floor((perAcu * ic.provisioned.memoryGiB) / GIB_PER_ACU));
    if (this.config.mode === 'v1') return Math.min(5000, Math.max(1, Math.floor(perAcu * Math.max(this.instances[i]!.acu, this.config.minAcu))));
    return this.config.maxConnections;
  }

  // ---- the engine's calls -------------------------------------------------------------------

  step(tickStartMs: number, tickMs: number): void {
    const end = tickStartMs + tickMs;
    this.advance(end);
    const cfg = this.config;
    let atMax = false;
    let work = 0;
    let capacity = 0;
    for (let i = 0; i < this.instances.length; i++) {
      const inst = this.instances[i]!;
      this.drain(i, end);
      const running = inst.state !== IS.PAUSED && inst.state !== IS.RESUMING;
      const vcpu = running ? this.vcpuAt(i, inst.acu) : 0;
      work += inst.tickDoneMs;
      capacity += vcpu * tickMs;
      if (this.isServerless(i)) {
        inst.poolLeft = Math.min(cfg.warmPoolAcu, inst.poolLeft + (cfg.warmPoolAcu * tickMs) / cfg.poolRefillMs);
        if (running && inst.acu >= cfg.maxAcu) atMax = true;
        inst.measureDoneMs += inst.tickDoneMs;
        inst.measureCapacityMs += vcpu * tickMs;
        inst.measureSpanMs += tickMs;
        if (inst.measureSpanMs >= MEASURE_MS - 1e-6) {
          const utilization = inst.measureCapacityMs > 0 ? Math.min(1, inst.measureDoneMs / inst.measureCapacityMs) : 0;
          if (inst.state === IS.ACTIVE) {
            if (cfg.mode === 'v2') this.decideV2(i, end, utilization);
            else this.decideV1(i, end, utilization);
          }
          inst.measureDoneMs = 0;
          inst.measureCapacityMs = 0;
          inst.measureSpanMs = 0;
        }
      }
      inst.tickDoneMs = 0;
      if (inst.acu < inst.minAcu) inst.minAcu = inst.acu;
      if (inst.acu > inst.maxAcu) inst.maxAcu = inst.acu;
    }
    const c = this.counters;
    c.cpuCapacityMs += capacity;
    if (atMax) c.msAtMax += tickMs;
    const total = this.totalAcu();
    if (c.minTotalAcu < 0 || total < c.minTotalAcu) c.minTotalAcu = total;
    if (total > c.maxTotalAcu) c.maxTotalAcu = total;
    const s = this.series;
    s.acu.record(tickStartMs, total);
    s.connections.record(tickStartMs, this.totalConnections());
    s.cpuUtilization.record(tickStartMs, capacity > 0 ? Math.min(100, (100 * work) / capacity) : 0);
    if (this.tickLatencyCount > 0) s.queryLatency.record(tickStartMs, this.tickLatencySum / this.tickLatencyCount);
    this.tickLatencySum = 0;
    this.tickLatencyCount = 0;
  }

  handle(kind: number, arg: number, atMs: number): void {
    if (kind === EV.PAUSE_CHECK) {
      this.pauseCheck(arg % MAX_INSTANCES, Math.floor(arg / MAX_INSTANCES), atMs);
      return;
    }
    const i = arg;
    const inst = this.instances[i]!;
    const t = Math.max(atMs, inst.drainedToMs);
    switch (kind) {
      case EV.SCALED:
        this.setAcu(i, inst.targetAcu, t);
        this.transition(inst, 'SCALED');
        return;
      case EV.MOVED:
        this.setAcu(i, inst.targetAcu, t);
        this.transition(inst, 'MOVED');
        inst.waitUntilMs = atMs + this.config.hostMoveStallMs;
        inst.poolLeft = this.config.warmPoolAcu;
        this.engine.at(inst.waitUntilMs, this.name, EV.SWITCHED, i, Priority.Lifecycle);
        return;
      case EV.SWITCHED:
        this.transition(inst, 'SWITCHED');
        return;
      case EV.RESUMED:
        inst.meteredToMs = Math.max(inst.meteredToMs, atMs);
        inst.drainedToMs = Math.max(inst.drainedToMs, atMs);
        inst.acu = inst.targetAcu;
        this.transition(inst, 'RESUMED');
        inst.lastActivityMs = Math.max(inst.lastActivityMs, atMs);
        inst.nextDownAtMs = atMs + this.config.scaleDownIntervalMs;
        if (inst.connections === 0 && this.config.autoPause) this.schedulePauseCheck(i, atMs);
        return;
    }
  }

  finish(endMs: number): void {
    this.advance(endMs);
    for (let i = 0; i < this.instances.length; i++) this.meterTo(i, endMs);
    this.meter.finish(
      endMs,
      this.config.instances.filter((ic) => ic.provisioned !== undefined).map((ic) => ic.logicalId),
    );
  }

  // ---- scaling ------------------------------------------------------------------------------

  /** v2: scale up when the second's demand needs more; step down gradually while the window's peak need allows. */
  private decideV2(i: number, now: number, utilization: number): void {
    const cfg = this.config;
    const inst = this.instances[i]!;
    // A saturated CPU asks for acu / target, one increment at a time.
    const cpuAcu = (inst.acu * utilization) / cfg.targetCpuUtilization;
    const memAcu = (inst.connections * cfg.memoryPerConnectionMiB) / 1024 / GIB_PER_ACU / cfg.targetCpuUtilization;
    let need = Math.min(cfg.maxAcu, Math.max(this.runningMin(), ceilHalf(Math.max(cpuAcu, memAcu))));
    if (cfg.instances[i]!.role === 'follower') need = Math.max(need, Math.min(cfg.maxAcu, this.instances[0]!.acu));
    if (need > inst.windowPeak) inst.windowPeak = need;
    if (need > inst.acu) {
      const maxStep = Math.max(0.5, floorHalf((inst.acu * cfg.scaleUpIncrementPercent) / 100));
      const target = Math.min(cfg.maxAcu, inst.acu + Math.min(ceilHalf(need - inst.acu), maxStep));
      this.scaleUp(i, target, now);
      return;
    }
    if (now >= inst.nextDownAtMs) {
      const step = Math.max(0.5, floorHalf((inst.acu * cfg.scaleDownPercent) / 100));
      const to = Math.max(this.runningMin(), inst.acu - step);
      if (to < inst.acu && inst.windowPeak <= to) {
        this.setAcu(i, to, Math.max(now, inst.drainedToMs));
        this.counters.scaleDowns++;
      }
      inst.windowPeak = need;
      inst.nextDownAtMs = now + cfg.scaleDownIntervalMs;
    }
  }

  /** v1: double on CPU > 70 % or connections > 90 %; halve on CPU < 30 % and connections < 40 %, after the cooldowns. */
  private decideV1(i: number, now: number, cpu: number): void {
    const cfg = this.config;
    const inst = this.instances[i]!;
    if (inst.pendingAcu > 0) {
      this.awaitScalingPoint(i, now);
      return;
    }
    const conn = inst.connections / this.maxConnectionsOf(i);
    if ((cpu > V1.upCpu || conn > V1.upConnections) && inst.acu < cfg.maxAcu) {
      this.v1Change(i, Math.min(cfg.maxAcu, v1PointAbove(this.v1Points, inst.acu)), now);
      return;
    }
    const down = Math.max(cfg.minAcu, v1PointBelow(this.v1Points, inst.acu));
    if (
      down < inst.acu &&
      now >= inst.lastUpAtMs + V1.upCooldownMs &&
      now >= inst.lastDownAtMs + V1.downCooldownMs &&
      cpu < V1.downCpu &&
      conn < V1.downConnections
    ) {
      this.v1Change(i, down, now);
    }
  }

  /** v1 decided on `target`: apply it now, or once a scaling point is found (ScalingPointWait). */
  private v1Change(i: number, target: number, now: number): void {
    const inst = this.instances[i]!;
    if ((this.config.v1ScalingPointWaitMs ?? 0) <= 0) {
      this.applyV1(i, target, now);
      return;
    }
    inst.pendingAcu = target;
    inst.pendingSinceMs = now;
  }

  /** A pending v1 change: applied when its scaling point comes, else rolled back or forced at the timeout. */
  private awaitScalingPoint(i: number, now: number): void {
    const cfg = this.config;
    const inst = this.instances[i]!;
    const waited = now - inst.pendingSinceMs;
    const wait = cfg.v1ScalingPointWaitMs ?? 0;
    const timeout = cfg.v1TimeoutMs ?? 300_000;
    if (wait <= timeout && waited >= wait) {
      this.applyV1(i, inst.pendingAcu, now);
    } else if (waited >= timeout) {
      if (cfg.v1ForceApply === true) {
        this.counters.v1Forced++;
        this.applyV1(i, inst.pendingAcu, now);
      } else {
        this.counters.v1Rollbacks++;
      }
    } else return;
    inst.pendingAcu = 0;
  }

  private applyV1(i: number, target: number, now: number): void {
    const inst = this.instances[i]!;
    const up = target > inst.acu;
    this.switchTo(i, target, now);
    if (up) {
      inst.lastUpAtMs = now;
      this.counters.scaleUps++;
    } else {
      inst.lastDownAtMs = now;
      this.counters.scaleDowns++;
    }
  }

  /** v2 scale-up to `target`: from the warm pool when it has room, else by moving host. */
  private scaleUp(i: number, target: number, now: number): void {
    const inst = this.instances[i]!;
    const inc = target - inst.acu;
    if (!(inc > 0)) return;
    this.counters.scaleUps++;
    if (inc <= inst.poolLeft + 1e-9) {
      inst.poolLeft -= inc;
      inst.targetAcu = target;
      this.transition(inst, 'SCALE_UP');
      this.engine.at(now + this.config.poolScaleMs, this.name, EV.SCALED, i, Priority.Lifecycle);
    } else {
      this.switchTo(i, target, now);
    }
  }

  /** Moves instance `i` to a host with room (v1: every capacity change); the new capacity serves after the stall. */
  private switchTo(i: number, target: number, now: number): void {
    const inst = this.instances[i]!;
    inst.targetAcu = target;
    inst.windowPeak = 0;
    this.transition(inst, 'MOVE');
    this.counters.hostMoves++;
    this.engine.at(now + this.config.hostMoveMs, this.name, EV.MOVED, i, Priority.Lifecycle);
  }

  /** Sets instance `i`'s capacity at `t` (metered up to then) and counts the change. */
  private setAcu(i: number, acu: number, t: number): void {
    const inst = this.instances[i]!;
    if (acu === inst.acu) return;
    this.drain(i, t);
    this.meterTo(i, t);
    this.counters.scaleEvents++;
    inst.acu = acu;
    inst.nextDownAtMs = t + this.config.scaleDownIntervalMs;
    inst.windowPeak = 0;
    // Followers never sit below the writer.
    if (i === 0) {
      for (let j = 1; j < this.instances.length; j++) {
        if (this.config.instances[j]!.role !== 'follower') continue;
        const f = this.instances[j]!;
        if (f.state === IS.ACTIVE && f.acu < acu) this.scaleUp(j, acu, t);
      }
    }
  }

  // ---- pause and resume ---------------------------------------------------------------------

  private schedulePauseCheck(i: number, from: number): void {
    const inst = this.instances[i]!;
    inst.pauseGen++;
    this.engine.at(from + this.config.secondsUntilAutoPause * 1000, this.name, EV.PAUSE_CHECK, i + MAX_INSTANCES * inst.pauseGen, Priority.Control);
  }

  private pauseCheck(i: number, gen: number, atMs: number): void {
    const inst = this.instances[i];
    if (inst === undefined || gen !== inst.pauseGen || inst.connections > 0) return;
    if (inst.state !== IS.ACTIVE) {
      if (inst.state !== IS.PAUSED) this.schedulePauseCheck(i, atMs);
      return;
    }
    const idleSince = inst.lastActivityMs;
    const idleMs = this.config.secondsUntilAutoPause * 1000;
    if (atMs - idleSince < idleMs) {
      this.schedulePauseCheck(i, idleSince);
      return;
    }
    if (this.hasWorkLeft(i, atMs)) {
      // Queries still running: look again in a second.
      this.schedulePauseCheck(i, atMs + 1000 - idleMs);
      return;
    }
    // Followers pause only with the writer (and then with it).
    if (this.config.instances[i]!.role === 'follower' && this.instances[0]!.state !== IS.PAUSED) {
      this.schedulePauseCheck(i, atMs);
      return;
    }
    this.pause(i, atMs);
    if (i === 0) {
      for (let j = 1; j < this.instances.length; j++) {
        const f = this.instances[j]!;
        if (this.config.instances[j]!.role === 'follower' && f.state === IS.ACTIVE && f.connections === 0 && !this.hasWorkLeft(j, atMs)) this.pause(j, atMs);
      }
    }
  }

  private pause(i: number, atMs: number): void {
    const inst = this.instances[i]!;
    this.drain(i, atMs);
    this.meterTo(i, atMs);
    this.transition(inst, 'PAUSE');
    inst.targetAcu = inst.acu;
    inst.acu = 0;
    inst.pausedAtMs = atMs;
    this.counters.pauses++;
  }

  /** Starts resuming instance `i` (and, for the writer, its paused followers). */
  private resume(i: number, atMs: number): void {
    const inst = this.instances[i]!;
    const cfg = this.config;
    const pausedFor = atMs - inst.pausedAtMs;
    const delay = pausedFor > DAY_MS ? cfg.resumeAfter24hMs : cfg.resumeMs;
    const end = Math.ceil(atMs + delay);
    this.transition(inst, 'RESUME');
    // v2 comes back at its running minimum; v1 at the capacity it paused with (aws-facts 92).
    inst.targetAcu = cfg.mode === 'v1' ? Math.max(cfg.minAcu, inst.targetAcu) : this.runningMin();
    inst.waitUntilMs = end;
    inst.meteredToMs = end;
    inst.drainedToMs = Math.max(inst.drainedToMs, atMs);
    this.counters.resumes++;
    this.engine.at(end, this.name, EV.RESUMED, i, Priority.Lifecycle);
    if (i === 0) {
      for (let j = 1; j < this.instances.length; j++) {
        if (cfg.instances[j]!.role === 'follower' && this.instances[j]!.state === IS.PAUSED) this.resume(j, atMs);
      }
    }
  }

  private hasWorkLeft(i: number, atMs: number): boolean {
    const inst = this.instances[i]!;
    this.drain(i, atMs);
    return inst.backlogCpuMs > 1e-9;
  }

  // ---- helpers ------------------------------------------------------------------------------

  /** Moves `inst` along the lifecycle; an event the machine does not accept there is a model bug. */
  private transition(inst: InstanceRuntime, event: InstanceEvent): void {
    const next = instanceLifecycle.next(inst.state, event);
    if (next < 0) throw new Error(`${this.name}: ${event} is not allowed in ${instanceLifecycle.states[inst.state]}`);
    inst.state = next;
  }

  /** The lowest capacity of a running serverless instance: MinCapacity, or 0.5 ACU when it is 0. */
  private runningMin(): number {
    return Math.max(0.5, this.config.minAcu);
  }

  private isServerless(i: number): boolean {
    return this.config.instances[i]!.provisioned === undefined;
  }

  private vcpuAt(i: number, acu: number): number {
    const p = this.config.instances[i]!.provisioned;
    return p !== undefined ? p.vcpu : Math.max(acu, 0.5) * this.config.vcpuPerAcu;
  }

  private route(endpoint: Endpoint): number {
    if (endpoint === ENDPOINT_WRITER || this.readers.length === 0) return 0;
    const i = this.readers[this.rr % this.readers.length]!;
    this.rr = (this.rr + 1) % this.readers.length;
    return i;
  }

  private leastConnectedReader(): number {
    let best = this.readers[0]!;
    for (const j of this.readers) if (this.instances[j]!.connections < this.instances[best]!.connections) best = j;
    return best;
  }

  /** Works off instance backlog up to `t` at its vCPUs; nothing while it waits (resume, host switch) or is paused. */
  private drain(i: number, t: number): void {
    const inst = this.instances[i]!;
    const from = Math.max(inst.drainedToMs, inst.waitUntilMs);
    if (t > inst.drainedToMs && (inst.state === IS.PAUSED || inst.state === IS.RESUMING)) {
      inst.drainedToMs = t;
      return;
    }
    if (t > from && inst.backlogCpuMs > 0) {
      const done = Math.min(inst.backlogCpuMs, this.vcpuAt(i, inst.acu) * (t - from));
      inst.backlogCpuMs -= done;
      inst.tickDoneMs += done;
    }
    if (t > inst.drainedToMs) inst.drainedToMs = t;
  }

  /** Meters instance `i`'s serverless capacity up to `t`. */
  private meterTo(i: number, t: number): void {
    const inst = this.instances[i]!;
    if (!(t > inst.meteredToMs)) return;
    if (this.isServerless(i)) {
      const ms = Math.round(t) - Math.round(inst.meteredToMs);
      this.meter.addCapacity(inst.acu, ms);
      inst.halfAcuMs += Math.round(inst.acu * 2) * ms;
    }
    inst.meteredToMs = t;
  }

  /** Finishes queries due at or before `t`. */
  private advance(t: number): void {
    const c = this.counters;
    while (this.inflight.peekKey() <= t) {
      const id = this.inflight.pop();
      const lat = this.qLatency[id]!;
      if (this.qTimedOut[id] === 1) c.queriesTimedOut++;
      else {
        c.queriesCompleted++;
        this.latency.record(lat);
        this.tickLatencySum += lat;
        this.tickLatencyCount++;
      }
      this.qFree.push(id);
    }
  }

  private push(doneAt: number, latency: number, timedOut: boolean): void {
    if (this.qFree.length === 0) this.grow();
    const id = this.qFree.pop()!;
    this.qDone[id] = doneAt;
    this.qLatency[id] = latency;
    this.qTimedOut[id] = timedOut ? 1 : 0;
    this.inflight.push(id);
  }

  private grow(): void {
    const size = Math.max(64, this.qCap * 2);
    const d = new Float64Array(size);
    d.set(this.qDone);
    const l = new Float64Array(size);
    l.set(this.qLatency);
    const o = new Uint8Array(size);
    o.set(this.qTimedOut);
    this.qDone = d;
    this.qLatency = l;
    this.qTimedOut = o;
    this.inflight.rebind(d);
    for (let k = size - 1; k >= this.qCap; k--) this.qFree.push(k);
    this.qCap = size;
  }

  // ---- checkpoints --------------------------------------------------------------------------

  checkpoint(): DatabaseState {
    return {
      counters: { ...this.counters },
      instances: this.instances.map((x) => ({ ...x })),
      rr: this.rr,
      lastInstance: this.lastInstance,
      qCap: this.qCap,
      qDone: Array.from(this.qDone),
      qLatency: Array.from(this.qLatency),
      qTimedOut: Array.from(this.qTimedOut),
      qFree: [...this.qFree],
      inflight: this.inflight.toArray(),
      tick: [this.tickLatencySum, this.tickLatencyCount],
      latency: this.latency.checkpoint(),
      meter: this.meter.checkpoint(),
      series: Object.fromEntries(Object.entries(this.series).map(([k, v]) => [k, v.checkpoint()])) as Record<SeriesName, SeriesState>,
    };
  }

  restore(state: unknown): void {
    const s = state as DatabaseState;
    this.counters = { ...s.counters };
    this.instances = s.instances.map((x) => ({ ...x }));
    this.rr = s.rr;
    this.lastInstance = s.lastInstance;
    this.qCap = s.qCap;
    this.qDone = Float64Array.from(s.qDone);
    this.qLatency = Float64Array.from(s.qLatency);
    this.qTimedOut = Uint8Array.from(s.qTimedOut);
    this.qFree = [...s.qFree];
    this.inflight.rebind(this.qDone);
    this.inflight.fromArray(s.inflight);
    [this.tickLatencySum, this.tickLatencyCount] = s.tick;
    this.latency = LatencyHistogram.restore(s.latency);
    this.meter.restore(s.meter);
    for (const [k, v] of Object.entries(this.series)) v.restore(s.series[k as SeriesName]);
  }
}

export interface DatabaseState {
  counters: DatabaseCounters;
  instances: InstanceRuntime[];
  rr: number;
  lastInstance: number;
  qCap: number;
  qDone: number[];
  qLatency: number[];
  qTimedOut: number[];
  qFree: number[];
  inflight: number[];
  tick: [number, number];
  latency: string;
  meter: AuroraMeterState;
  series: Record<SeriesName, SeriesState>;
}
