/**
 * An ECS service on Fargate with a fixed desired count, serving its workload.
 *
 * Tasks walk the ECS task lifecycle (taskLifecycle.ts) on the engine's scheduler. Requests go
 * round-robin to RUNNING tasks (as a load balancer's default routing does) and are served by
 * each task's processor-sharing queue (PsQueue.ts); a request that finds no running task, or a
 * full task, fails. Fargate usage is metered per task (FargateMeter.ts).
 */
import type { Component, Engine } from '../../engine';
import { Series, type SeriesState } from '../../engine';
import type { ArrivalBatch } from '../../workload';
import { FargateMeter, type FargateUsage } from './FargateMeter';
import { type LatencySink, PsQueue, type PsQueueState } from './PsQueue';
import type { StartPhasesMs, StopPhasesMs } from './startLatency';
import { TS, type TaskEvent, type TaskStatus, taskLifecycle } from './taskLifecycle';

export interface EcsServiceConfig {
  logicalId: string;
  desiredCount: number;
  cpuUnits: number;
  memoryMiB: number;
  ephemeralGiB: number;
  cpuArchitecture: 'X86_64' | 'ARM64';
  osFamily: 'LINUX' | 'WINDOWS';
  /** Minimum billed seconds of a task that stops (60 Linux, 300 Windows). */
  minimumBilledSeconds: number;
  /** Ephemeral storage per task that is not charged, GiB. */
  freeEphemeralGiB: number;
  queueLimit: number;
  start: StartPhasesMs;
  stop: StopPhasesMs;
  /** Tasks present at Start are already RUNNING (the service was deployed before the load). */
  startRunning: boolean;
  /** What one billed task costs per hour, USD (for the cost-rate series only; the bill comes from the meter). */
  taskHourlyUsd: number;
}

/** A latency histogram whose state round-trips through checkpoints. */
export interface LatencyRecorder extends LatencySink {
  checkpoint(): unknown;
  restore(state: unknown): void;
}

interface Task {
  id: number;
  status: number;
  queue: PsQueue;
  launchedMs: number;
  billStartMs: number;
  runningSinceMs: number;
}

interface TaskState {
  id: number;
  status: number;
  queue: PsQueueState;
  launchedMs: number;
  billStartMs: number;
  runningSinceMs: number;
}

interface EcsServiceState {
  counters: EcsServiceCounters;
  usage: FargateUsage;
  tasks: TaskState[];
  nextId: number;
  rr: number;
  served0: number;
  cpuMsSeen: number;
  arrivedSeen: number;
  latency: unknown;
  series: Record<SeriesName, SeriesState>;
}

type SeriesName = 'arrivals' | 'running' | 'inFlight' | 'cpuUtilization' | 'latency' | 'costRate';

/** Counters the report reads. */
export interface EcsServiceCounters {
  arrived: number;
  served: number;
  failed: number;
  /** Failed because no task was RUNNING. */
  failedNoTask: number;
  /** Failed because the task's queue was full. */
  failedQueueFull: number;
  tasksLaunched: number;
  tasksStopped: number;
  peakRunning: number;
  /** Σ running tasks × tick seconds (for the time-average). */
  runningTaskSeconds: number;
  /** CPU-ms of work admitted. */
  cpuMs: number;
  /** Σ vCPU × seconds of RUNNING tasks (utilisation's denominator). */
  vcpuSeconds: number;
}

const EVENTS = taskLifecycle.events;
const eventKind = (e: TaskEvent) => EVENTS.indexOf(e);

export class EcsService implements Component {
  readonly name: string;
  readonly meter: FargateMeter;
  readonly vcpu: number;
  counters: EcsServiceCounters = {
    arrived: 0,
    served: 0,
    failed: 0,
    failedNoTask: 0,
    failedQueueFull: 0,
    tasksLaunched: 0,
    tasksStopped: 0,
    peakRunning: 0,
    runningTaskSeconds: 0,
    cpuMs: 0,
    vcpuSeconds: 0,
  };
  readonly series: Record<SeriesName, Series>;
  private tasks: Task[] = [];
  private byId = new Map<number, Task>();
  private running: Task[] = [];
  private nextId = 1;
  private rr = 0;
  /** Requests served by tasks that have since stopped. */
  private served0 = 0;
  /** `counters.cpuMs` at the end of the previous tick. */
  private cpuMsSeen = 0;
  private arrivedSeen = 0;
  /** Tasks being billed now (from image pull to stop). */
  private billing = 0;
  private tickLatencySum = 0;
  private tickLatencyCount = 0;
  /** Records into the histogram and the tick's latency mean. */
  private readonly sink: LatencySink;

  constructor(
    private readonly engine: Engine,
    readonly config: EcsServiceConfig,
    readonly latency: LatencyRecorder,
  ) {
    this.name = `ecs:${config.logicalId}`;
    this.vcpu = config.cpuUnits / 1024;
    this.meter = new FargateMeter(
      config.cpuUnits,
      config.memoryMiB,
      config.ephemeralGiB,
      config.minimumBilledSeconds,
      config.freeEphemeralGiB,
    );
    const w = engine.tickMs;
    this.series = {
      arrivals: new Series('arrivalsPerSecond', 'requests/s', w),
      running: new Series('runningTasks', 'tasks', w),
      inFlight: new Series('requestsInFlight', 'requests', w),
      cpuUtilization: new Series('cpuUtilization', 'percent', w),
      latency: new Series('latencyMeanMs', 'ms', w),
      costRate: new Series('costUsdPerHour', 'USD/h', w),
    };
    this.sink = {
      record: (ms: number) => {
        this.latency.record(ms);
        this.tickLatencySum += ms;
        this.tickLatencyCount++;
      },
    };
    for (let i = 0; i < config.desiredCount; i++) this.launch(config.startRunning);
  }

  /** Tasks by status, for snapshots and tests. */
  statusCounts(): Record<TaskStatus, number> {
    const out = Object.fromEntries(taskLifecycle.states.map((s) => [s, 0])) as Record<TaskStatus, number>;
    for (const t of this.tasks) out[taskLifecycle.states[t.status]!]++;
    return out;
  }

  /** Requests in tasks now. */
  inFlight(): number {
    let n = 0;
    for (const t of this.tasks) n += t.queue.inSystem;
    return n;
  }

  /** Serves a tick's arrivals in time order. */
  deliver(batch: ArrivalBatch): void {
    const cpu = batch.work.CpuMs;
    const c = this.counters;
    const running = this.running;
    for (let i = 0; i < batch.count; i++) {
      c.arrived++;
      if (running.length === 0) {
        c.failed++;
        c.failedNoTask++;
        continue;
      }
      const t = batch.tickStartMs + batch.offsetsMs[i]!;
      const task = running[this.rr++ % running.length]!;
      task.queue.advance(t, this.sink);
      const work = cpu !== undefined ? cpu[i]! : 0;
      if (task.queue.admit(t, work)) {
        c.cpuMs += work;
      } else {
        c.failed++;
        c.failedQueueFull++;
      }
    }
  }

  step(tickStartMs: number, tickMs: number): void {
    const end = tickStartMs + tickMs;
    let inFlight = 0;
    for (const task of this.tasks) {
      task.queue.advance(end, this.sink);
      inFlight += task.queue.inSystem;
    }
    const c = this.counters;
    const n = this.running.length;
    const dtS = tickMs / 1000;
    c.runningTaskSeconds += n * dtS;
    c.vcpuSeconds += n * this.vcpu * dtS;
    if (n > c.peakRunning) c.peakRunning = n;
    const sr = this.series;
    sr.arrivals.record(tickStartMs, (c.arrived - this.arrivedSeen) / dtS);
    this.arrivedSeen = c.arrived;
    sr.running.record(tickStartMs, n);
    sr.inFlight.record(tickStartMs, inFlight);
    // Work admitted this tick over the capacity that ran: the utilisation CloudWatch would report.
    const admitted = c.cpuMs - this.cpuMsSeen;
    this.cpuMsSeen = c.cpuMs;
    sr.cpuUtilization.record(tickStartMs, n > 0 ? Math.min(100, (100 * admitted) / (n * this.vcpu * tickMs)) : 0);
    if (this.tickLatencyCount > 0) sr.latency.record(tickStartMs, this.tickLatencySum / this.tickLatencyCount);
    this.tickLatencySum = 0;
    this.tickLatencyCount = 0;
    sr.costRate.record(tickStartMs, this.billing * this.config.taskHourlyUsd);
  }

  handle(kind: number, id: number, atMs: number): void {
    const task = this.byId.get(id);
    if (task === undefined) return;
    this.apply(task, EVENTS[kind] as TaskEvent, atMs);
  }

  finish(endMs: number): void {
    for (const task of this.tasks) {
      if (task.billStartMs >= 0) this.meter.bill(task.billStartMs, endMs, false);
    }
    this.counters.served = this.servedTotal();
  }

  /** Requests still in tasks (the report's `queued` at the end). */
  queued(): number {
    return this.inFlight();
  }

  /** Requests completed so far. */
  servedTotal(): number {
    let s = this.served0;
    for (const t of this.tasks) s += t.queue.served;
    return s;
  }

  checkpoint(): EcsServiceState {
    return {
      counters: { ...this.counters },
      usage: { ...this.meter.usage },
      tasks: this.tasks.map((t) => ({
        id: t.id,
        status: t.status,
        queue: t.queue.checkpoint(),
        launchedMs: t.launchedMs,
        billStartMs: t.billStartMs,
        runningSinceMs: t.runningSinceMs,
      })),
      nextId: this.nextId,
      rr: this.rr,
      served0: this.served0,
      cpuMsSeen: this.cpuMsSeen,
      arrivedSeen: this.arrivedSeen,
      latency: this.latency.checkpoint(),
      series: Object.fromEntries(
        Object.entries(this.series).map(([k, v]) => [k, v.checkpoint()]),
      ) as Record<SeriesName, SeriesState>,
    };
  }

  restore(state: unknown): void {
    const s = state as EcsServiceState;
    this.counters = { ...s.counters };
    this.meter.usage = { ...s.usage };
    this.tasks = s.tasks.map((t) => {
      const queue = new PsQueue(this.vcpu, this.config.queueLimit);
      queue.restore(t.queue);
      return { ...t, queue };
    });
    this.byId = new Map(this.tasks.map((t) => [t.id, t]));
    this.billing = this.tasks.filter((t) => t.billStartMs >= 0).length;
    this.nextId = s.nextId;
    this.rr = s.rr;
    this.served0 = s.served0;
    this.cpuMsSeen = s.cpuMsSeen;
    this.arrivedSeen = s.arrivedSeen;
    this.latency.restore(s.latency);
    for (const [k, v] of Object.entries(this.series)) v.restore(s.series[k as SeriesName]);
    this.refreshRunning();
  }

  private launch(alreadyRunning: boolean): void {
    const now = this.engine.nowMs;
    const task: Task = {
      id: this.nextId++,
      status: alreadyRunning ? TS.RUNNING : taskLifecycle.initial,
      queue: new PsQueue(this.vcpu, this.config.queueLimit),
      launchedMs: now,
      billStartMs: alreadyRunning ? now : -1,
      runningSinceMs: alreadyRunning ? now : -1,
    };
    this.tasks.push(task);
    this.byId.set(task.id, task);
    if (alreadyRunning) this.billing++;
    this.counters.tasksLaunched++;
    if (alreadyRunning) this.refreshRunning();
    else this.scheduleAfter(task, this.config.start.provisioningMs, 'PROVISIONED');
  }

  private apply(task: Task, event: TaskEvent, atMs: number): void {
    const next = taskLifecycle.next(task.status, event);
    if (next < 0) return;
    task.status = next;
    const { start, stop } = this.config;
    switch (next) {
      case TS.PENDING:
        task.billStartMs = atMs;
        this.billing++;
        this.scheduleAfter(task, start.pendingMs, 'STARTED');
        break;
      case TS.ACTIVATING:
        this.scheduleAfter(task, start.activatingMs, 'ACTIVATED');
        break;
      case TS.RUNNING:
        task.runningSinceMs = atMs;
        this.refreshRunning();
        break;
      case TS.DEACTIVATING:
        this.refreshRunning();
        this.scheduleAfter(task, stop.deactivatingMs, 'DEACTIVATED');
        break;
      case TS.STOPPING:
        this.scheduleAfter(task, stop.stoppingMs, 'EXITED');
        break;
      case TS.DEPROVISIONING:
        if (task.billStartMs >= 0) {
          this.meter.bill(task.billStartMs, atMs, true);
          task.billStartMs = -1;
          this.billing--;
        }
        this.scheduleAfter(task, stop.deprovisioningMs, 'DEPROVISIONED');
        break;
      case TS.STOPPED:
        this.retire(task);
        break;
    }
  }

  private retire(task: Task): void {
    this.counters.tasksStopped++;
    this.served0 += task.queue.served;
    this.tasks.splice(this.tasks.indexOf(task), 1);
    this.byId.delete(task.id);
  }

  private scheduleAfter(task: Task, delayMs: number, event: TaskEvent): void {
    this.engine.after(delayMs, this.name, eventKind(event), task.id);
  }

  private refreshRunning(): void {
    this.running = this.tasks.filter((t) => t.status === TS.RUNNING);
  }
}
