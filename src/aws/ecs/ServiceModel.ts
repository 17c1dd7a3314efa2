/**
 * One ECS service inside a cluster model: its desired count, its tasks, the requests it serves
 * and its counters and series. The cluster (ClusterModel.ts) launches, places and stops tasks;
 * this holds what belongs to the service alone.
 */
import { Series, type SeriesState } from '../../engine';
import type { ArrivalBatch } from '../../workload';
import type { CapacityKind, ServiceConfig, Task, TaskDefConfig } from './clusterTypes';
import { FargateMeter, type FargateUsage } from './FargateMeter';
import type { LatencySink } from './PsServer';
import type { RandomStream } from '../../engine';
import type { DatabasePort, DbWorkDraw } from '../ports';

/** A service's database: each running task holds `poolSize` connections; requests run their queries. */
export interface ServiceDatabase {
  port: DatabasePort;
  poolSize: number;
  endpoint: 0 | 1;
  /** Connections the service's tasks hold now, in all, and by database instance. */
  held: number;
  heldOn: number[];
  /** The work of the requests being delivered (set by the workload's sink) and its stream. */
  work: DbWorkDraw | undefined;
  random: RandomStream | undefined;
}

/** A latency histogram whose state round-trips through checkpoints. */
export interface LatencyRecorder extends LatencySink {
  checkpoint(): unknown;
  restore(state: unknown): void;
}

export interface ServiceCounters {
  arrived: number;
  served: number;
  failed: number;
  /** Failed because no task was RUNNING. */
  failedNoTask: number;
  /** Failed because the task's queue was full. */
  failedQueueFull: number;
  /** Failed because their task stopped or died with them in it. */
  failedTaskStopped: number;
  /** Failed on the database: no connection, or a query hit the statement timeout. */
  failedDb: number;
  tasksStarted: number;
  tasksStopped: number;
  /** Tasks that had to wait for capacity (an instance, or a launch token) before starting. */
  tasksWaitingForCapacity: number;
  peakTasksWaiting: number;
  peakRunning: number;
  runningTaskSeconds: number;
  cpuMs: number;
  vcpuSeconds: number;
  spotInterruptions: number;
  deployments: number;
}

export type ServiceSeriesName =
  | 'arrivals'
  | 'failures'
  | 'running'
  | 'desired'
  | 'waiting'
  | 'inFlight'
  | 'cpuUtilization'
  | 'latency'
  | 'costRate';

export interface ServiceModelState {
  desiredCount: number;
  taskDef: string;
  deploymentInProgress: boolean;
  counters: ServiceCounters;
  meters: Record<string, FargateUsage>;
  rr: number;
  cpuMsSeen: number;
  arrivedSeen: number;
  failedSeen: number;
  tickCpuMs: number;
  tickArrived: number;
  lastCpuUtilization: number | null;
  lastMemoryUtilization: number | null;
  latency: unknown;
  series: Record<ServiceSeriesName, SeriesState>;
  launchTokens: unknown;
  /** Connections held by database instance, when the service has a database. */
  dbHeld?: number[];
}

/** The service's side of serving: the cluster routes and admits. */
export interface RequestRouter {
  deliver(service: ServiceModel, batch: ArrivalBatch): void;
}

export class ServiceModel {
  desiredCount: number;
  counters: ServiceCounters = {
    arrived: 0,
    served: 0,
    failed: 0,
    failedNoTask: 0,
    failedQueueFull: 0,
    failedTaskStopped: 0,
    failedDb: 0,
    tasksStarted: 0,
    tasksStopped: 0,
    tasksWaitingForCapacity: 0,
    peakTasksWaiting: 0,
    peakRunning: 0,
    runningTaskSeconds: 0,
    cpuMs: 0,
    vcpuSeconds: 0,
    spotInterruptions: 0,
    deployments: 0,
  };
  /** Tasks in lifecycle order of launch (ids), excluding stopped ones. */
  tasks: Task[] = [];
  /** RUNNING tasks, for routing. */
  running: readonly Task[] = [];
  /**
   * The running tasks' reserved vCPU, memory and baseline memory use, summed for the `running`
   * array they were summed over (it is replaced, never changed in place, when a task starts or stops).
   */
  private sumsOf: readonly Task[] | null = null;
  private sumVcpu = 0;
  private sumMemory = 0;
  private sumBaseline = 0;
  /**
   * Tasks billed now (Fargate and Fargate Spot: `billStartMs` ≥ 0) and requests in the service's
   * tasks now; kept as they change (`beginBilling`, `endBilling`, the dispatcher), recounted
   * from the tasks after a restore (`recount`). The per-tick meter reads them.
   */
  billingTasks = 0;
  billingSpotTasks = 0;
  inFlight = 0;
  /** The task definition new tasks run. */
  taskDef: TaskDefConfig;
  /** Every task definition the service may run (its own and those deployed to it), by logical ID. */
  readonly taskDefs = new Map<string, TaskDefConfig>();
  /** Fargate usage by `<task definition>|<FARGATE|FARGATE_SPOT>`, in first-use order. */
  readonly meters = new Map<string, FargateMeter>();
  readonly series: Record<ServiceSeriesName, Series>;
  rr = 0;
  /** The database the service's requests query, when its `Metadata.clustersim.Database` names one. */
  db: ServiceDatabase | undefined;
  /** CPU-ms admitted this tick and requests arrived this tick (for metrics and auto scaling). */
  tickCpuMs = 0;
  tickArrived = 0;
  private cpuMsSeen = 0;
  private arrivedSeen = 0;
  private failedSeen = 0;
  private readonly fargateOnly: boolean;
  /** A deployment is replacing tasks (service auto scaling suspends scale-in meanwhile). */
  deploymentInProgress = false;
  /** Latest CPU utilisation (% of reserved vCPU of RUNNING tasks), NaN without running tasks. */
  lastCpuUtilization = Number.NaN;
  /** Latest memory utilisation (% of the memory of RUNNING tasks), NaN without running tasks. */
  lastMemoryUtilization = Number.NaN;

  constructor(
    readonly index: number,
    readonly config: ServiceConfig,
    readonly latency: LatencyRecorder,
    private readonly router: RequestRouter,
    tickMs: number,
    private readonly billing: { minimumLinuxSeconds: number; minimumWindowsSeconds: number; freeEphemeralGiB: number },
  ) {
    this.desiredCount = config.desiredCount;
    this.fargateOnly = config.providers.every((p) => p.kind !== 'EC2');
    this.taskDef = config.taskDef;
    this.taskDefs.set(config.taskDef.logicalId, config.taskDef);
    this.series = {
      arrivals: new Series('arrivalsPerSecond', 'requests/s', tickMs),
      failures: new Series('failuresPerSecond', 'requests/s', tickMs),
      running: new Series('runningTasks', 'tasks', tickMs),
      desired: new Series('desiredTasks', 'tasks', tickMs),
      waiting: new Series('tasksWaitingForCapacity', 'tasks', tickMs),
      inFlight: new Series('requestsInFlight', 'requests', tickMs),
      cpuUtilization: new Series('cpuUtilization', 'percent', tickMs),
      latency: new Series('latencyMeanMs', 'ms', tickMs),
      costRate: new Series('costUsdPerHour', 'USD/h', tickMs),
    };
  }

  get logicalId(): string {
    return this.config.logicalId;
  }

  /** The Fargate meter for tasks of `td` on `kind` (created on first use). */
  meterFor(td: TaskDefConfig, kind: CapacityKind): FargateMeter {
    const key = `${td.logicalId}|${kind}`;
    let m = this.meters.get(key);
    if (m === undefined) {
      const minimum = td.osFamily === 'WINDOWS' ? this.billing.minimumWindowsSeconds : this.billing.minimumLinuxSeconds;
      m = new FargateMeter(td.cpuUnits, td.memoryMiB, td.ephemeralGiB, minimum, this.billing.freeEphemeralGiB);
      this.meters.set(key, m);
    }
    return m;
  }

  /** Serves a tick's arrivals (the workload's sink). */
  deliver(batch: ArrivalBatch): void {
    this.router.deliver(this, batch);
  }

  /** Requests completed so far. */
  servedTotal(): number {
    return this.counters.served;
  }

  /** A Fargate task's billing starts at `atMs`. */
  beginBilling(task: Task, atMs: number): void {
    if (task.billStartMs < 0) {
      if (task.kind === 'FARGATE_SPOT') this.billingSpotTasks++;
      else this.billingTasks++;
    }
    task.billStartMs = atMs;
  }

  /** A task's billing ends (its usage was metered by the caller). */
  endBilling(task: Task): void {
    if (task.billStartMs < 0) return;
    if (task.kind === 'FARGATE_SPOT') this.billingSpotTasks--;
    else this.billingTasks--;
    task.billStartMs = -1;
  }

  /** Recounts the billed tasks and the requests in flight from the tasks (after a restore). */
  recount(): void {
    this.billingTasks = 0;
    this.billingSpotTasks = 0;
    this.inFlight = 0;
    for (const task of this.tasks) {
      if (task.host !== null) this.inFlight += task.host.server.ownerCount[task.slot]!;
      if (task.billStartMs >= 0) {
        if (task.kind === 'FARGATE_SPOT') this.billingSpotTasks++;
        else this.billingTasks++;
      }
    }
  }

  /** Closes the tick's metrics: CPU and memory utilisation (read by the scalers), counters and series. */
  closeTick(tickStartMs: number, tickMs: number, waiting: number, inFlight: number, latencyMean: number, costPerHour: number): void {
    const c = this.counters;
    const n = this.running.length;
    const dtS = tickMs / 1000;
    if (this.sumsOf !== this.running) {
      let v = 0;
      let m = 0;
      let b = 0;
      for (const t of this.running) {
        v += t.td.cpuUnits / 1024;
        m += t.td.memoryMiB;
        b += t.td.memoryBaselineMiB;
      }
      this.sumVcpu = v;
      this.sumMemory = m;
      this.sumBaseline = b;
      this.sumsOf = this.running;
    }
    const vcpu = this.sumVcpu;
    const memory = this.sumMemory;
    let memoryUsed = this.sumBaseline;
    // Requests in flight add their memory (MemoryPerRequestMiB of the current task definition).
    memoryUsed += inFlight * this.taskDef.memoryPerRequestMiB;
    this.lastMemoryUtilization = n > 0 ? Math.min(100, (100 * memoryUsed) / memory) : Number.NaN;
    c.runningTaskSeconds += n * dtS;
    c.vcpuSeconds += vcpu * dtS;
    if (n > c.peakRunning) c.peakRunning = n;
    if (waiting > c.peakTasksWaiting) c.peakTasksWaiting = waiting;
    this.tickCpuMs = c.cpuMs - this.cpuMsSeen;
    this.cpuMsSeen = c.cpuMs;
    this.tickArrived = c.arrived - this.arrivedSeen;
    this.arrivedSeen = c.arrived;
    // Work admitted over the reserved vCPU-time: CloudWatch's CPUUtilization. A Fargate task cannot
    // use more than it reserved; on EC2 a task may use idle instance CPU, so the value may pass 100.
    const u = n > 0 ? (100 * this.tickCpuMs) / (vcpu * tickMs) : Number.NaN;
    this.lastCpuUtilization = this.fargateOnly ? Math.min(100, u) : u;
    const s = this.series;
    s.arrivals.record(tickStartMs, this.tickArrived / dtS);
    s.failures.record(tickStartMs, (c.failed - this.failedSeen) / dtS);
    this.failedSeen = c.failed;
    s.running.record(tickStartMs, n);
    s.desired.record(tickStartMs, this.desiredCount);
    s.waiting.record(tickStartMs, waiting);
    s.inFlight.record(tickStartMs, inFlight);
    s.cpuUtilization.record(tickStartMs, Number.isNaN(this.lastCpuUtilization) ? 0 : this.lastCpuUtilization);
    if (!Number.isNaN(latencyMean)) s.latency.record(tickStartMs, latencyMean);
    s.costRate.record(tickStartMs, costPerHour);
  }

  checkpoint(launchTokens: unknown): ServiceModelState {
    return {
      desiredCount: this.desiredCount,
      taskDef: this.taskDef.logicalId,
      deploymentInProgress: this.deploymentInProgress,
      counters: { ...this.counters },
      meters: Object.fromEntries([...this.meters].map(([k, m]) => [k, { ...m.usage }])),
      rr: this.rr,
      cpuMsSeen: this.cpuMsSeen,
      arrivedSeen: this.arrivedSeen,
      failedSeen: this.failedSeen,
      tickCpuMs: this.tickCpuMs,
      tickArrived: this.tickArrived,
      lastCpuUtilization: Number.isNaN(this.lastCpuUtilization) ? null : this.lastCpuUtilization,
      lastMemoryUtilization: Number.isNaN(this.lastMemoryUtilization) ? null : this.lastMemoryUtilization,
      ...(this.db !== undefined ? { dbHeld: Array.from(this.db.heldOn, (n) => n ?? 0) } : {}),
      latency: this.latency.checkpoint(),
      series: Object.fromEntries(Object.entries(this.series).map(([k, v]) => [k, v.checkpoint()])) as Record<
        ServiceSeriesName,
        SeriesState
      >,
      launchTokens,
    };
  }

  /** Restores the service's own state; the cluster relinks tasks afterwards. */
  restore(s: ServiceModelState): void {
    this.desiredCount = s.desiredCount;
    this.taskDef = this.taskDefs.get(s.taskDef)!;
    this.deploymentInProgress = s.deploymentInProgress;
    this.counters = { ...s.counters };
    this.meters.clear();
    for (const [key, usage] of Object.entries(s.meters)) {
      const [tdId, kind] = key.split('|') as [string, CapacityKind];
      this.meterFor(this.taskDefs.get(tdId)!, kind).usage = { ...usage };
    }
    this.rr = s.rr;
    this.cpuMsSeen = s.cpuMsSeen;
    this.arrivedSeen = s.arrivedSeen;
    this.failedSeen = s.failedSeen;
    this.tickCpuMs = s.tickCpuMs;
    this.tickArrived = s.tickArrived;
    this.lastCpuUtilization = s.lastCpuUtilization ?? Number.NaN;
    this.lastMemoryUtilization = s.lastMemoryUtilization ?? Number.NaN;
    this.latency.restore(s.latency);
    if (this.db !== undefined && s.dbHeld !== undefined) {
      this.db.heldOn = [...s.dbHeld];
      this.db.held = s.dbHeld.reduce((a, b) => a + b, 0);
    }
    for (const [k, v] of Object.entries(this.series)) v.restore(s.series[k as ServiceSeriesName]);
    this.tasks = [];
    this.running = [];
  }
}
