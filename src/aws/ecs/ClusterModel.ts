/**
 * An ECS cluster: its services' schedulers, their tasks on Fargate or on container instances of
 * Auto Scaling groups, placement, cluster auto scaling through capacity providers, launch quotas,
 * Spot interruptions, request serving and metering.
 *
 * Tasks and instances are plain records whose lifecycle state is an index into a table compiled
 * from the XState machines (taskLifecycle.ts, containerInstanceLifecycle.ts); timed transitions
 * go through the engine's scheduler as events addressed to this component:
 *   kind 0..  task events (arg = task id), 100.. instance events (arg = instance id),
 *   200 capacity-provider evaluation (arg = group index), 210/211 Spot warning for a task/instance,
 *   212 Spot instance reclaimed.
 */
import type { Component, Engine, RandomStream, SeriesState } from '../../engine';
import { Priority, Series } from '../../engine';
import type { ArrivalBatch } from '../../workload';
import { Ec2Meter, type Ec2Usage } from '../ec2';
import { managedScalingDesired } from './capacityProviderReservation';
import type { AsgConfig, CapacityKind, ContainerInstance, Host, ProviderItem, Task } from './clusterTypes';
import { IS, type InstanceEvent, instanceLifecycle } from './containerInstanceLifecycle';
import type { DeploymentSpec, FaultSpec } from '../../scenario/types';
import type { PlacementInstance, Placer, PlacementConstraint, PlacementStrategy } from './placement';
import { createPlacer, DEFAULT_SERVICE_STRATEGY, instancesNeededBinpack } from './placement';
import { PsServer, type PsServerState } from './PsServer';
import type { RequestRouter, ServiceModel, ServiceModelState } from './ServiceModel';
import { AWSVPC_ATTACH_MS, ec2StartPhases, FARGATE_STOP_DEFAULTS, fargateStartPhases, type StartPhasesMs } from './startLatency';
import { TokenBucket, type TokenBucketState } from './TokenBucket';
import { TS, type TaskEvent, taskLifecycle } from './taskLifecycle';

const TASK_EVENTS = taskLifecycle.events;
const INSTANCE_EVENTS = instanceLifecycle.events;
const K_INSTANCE = 100;
const K_CAS = 200;
const K_SPOT_TASK = 210;
const K_SPOT_INSTANCE = 211;
const K_SPOT_RECLAIM = 212;
const K_FAULT = 220;
const K_FAULT_END = 221;
const K_ZONE_UP = 222;
const K_DEPLOY = 230;
const CAS_PERIOD_MS = 60_000;
/** How long after a fault its effect on requests is measured when it has no `For`. */
const FAULT_WINDOW_MS = 300_000;
/** EC2 bills from the running state: the API's pending phase takes about 5 s (measurements.md). */
const EC2_PENDING_UNBILLED_MS = 5_000;
/** Linux instances bill per second with a 60-second minimum (fact 44). */
const EC2_MINIMUM_BILLED_SECONDS = 60;

/** Account-wide launch quotas shared by the clusters (Settings.Ecs). */
export interface EcsQuotas {
  fargateBucket: TokenBucket;
  serviceLaunchesPerMinute: number;
  provisioningTasksPerCluster: number;
}

export interface SpotSettings {
  interruptionsPerInstanceHour: number;
  warningMs: number;
}

/** An Auto Scaling group's live state. */
export interface AsgState {
  config: AsgConfig;
  desired: number;
  /** Instance ids in launch order (not yet terminated). */
  instances: number[];
  /** Instance-seconds billed, per instance type and purchase option. */
  meter: Ec2Meter;
  peakInstances: number;
  instanceSeconds: number;
  /** Σ reserved CPU units × seconds and Σ paid CPU units × seconds (for reservedCpuShare). */
  reservedCpuUnitSeconds: number;
  paidCpuUnitSeconds: number;
  launches: number;
  terminations: number;
  lastLaunchMs: number;
  casDecisions: number;
  series: { instances: Series; reservedCpuShare: Series; costRate: Series };
}

interface AsgSavedState extends Omit<AsgState, 'config' | 'series' | 'meter'> {
  usage: Ec2Usage;
  series: Record<'instances' | 'reservedCpuShare' | 'costRate', SeriesState>;
}

interface TaskState extends Omit<Task, 'host' | 'td'> {
  td: string;
  fargateServer: PsServerState | null;
}

interface InstanceState extends Omit<ContainerInstance, 'host'> {
  server: PsServerState;
  slots: (number | null)[];
}

/** What one fault did: the report's `faults` entries. */
export interface FaultRecord {
  kind: string;
  atSeconds: number;
  target: string | null;
  zone: string | null;
  instancesLost: number;
  tasksLost: number;
  /** Requests of the cluster's services that failed / were served from the fault to the end of its window. */
  windowSeconds: number;
  failedInWindow: number;
  servedInWindow: number;
  /** Counters when the fault struck (to take the window's difference). */
  failedAtStart: number;
  servedAtStart: number;
}

export interface ClusterState {
  nextTaskId: number;
  nextInstanceId: number;
  tasks: TaskState[];
  instances: InstanceState[];
  services: ServiceModelState[];
  asgs: AsgSavedState[];
  waiting: number[];
  tickLatency: number[];
  drainingToTerminate: number[];
  zonesDown: string[];
  faultRecords: FaultRecord[];
}

export class ClusterModel implements Component, RequestRouter {
  readonly name: string;
  readonly services: ServiceModel[] = [];
  readonly asgs: AsgState[] = [];
  readonly tasks = new Map<number, Task>();
  readonly instances = new Map<number, ContainerInstance>();
  /** Tasks waiting for capacity or a launch token, in arrival order. */
  private waiting: number[] = [];
  private nextTaskId = 1;
  private nextInstanceId = 1;
  private readonly placers: Placer[] = [];
  private readonly launchBuckets: TokenBucket[] = [];
  private readonly views = new Map<number, PlacementInstance>();
  /** Per-service Σ latency and count in the current tick. */
  private tickLatency: number[] = [];
  private currentHost: Host | null = null;
  /** Instances being drained so that they can be terminated (scale-in). */
  private drainingToTerminate = new Set<number>();
  /** The cluster's availability zones (its groups' zones, else the Region's first three). */
  readonly zones: string[];
  /** Zones in an outage now. */
  private zonesDown = new Set<string>();
  private readonly faults: FaultSpec[] = [];
  private readonly deployments: DeploymentSpec[] = [];
  /** One record per fault that has struck, in order. */
  faultRecords: FaultRecord[] = [];

  constructor(
    private readonly engine: Engine,
    readonly logicalId: string,
    private readonly quotas: EcsQuotas,
    private readonly spot: SpotSettings,
    private readonly random: RandomStream,
    asgConfigs: AsgConfig[],
    zones: string[],
  ) {
    this.name = `ecs-cluster:${logicalId}`;
    this.zones = [...new Set([...asgConfigs.flatMap((a) => a.zones), ...zones])];
    for (const config of asgConfigs) {
      this.asgs.push({
        config,
        desired: config.desiredCapacity,
        instances: [],
        meter: new Ec2Meter(EC2_MINIMUM_BILLED_SECONDS),
        peakInstances: 0,
        instanceSeconds: 0,
        reservedCpuUnitSeconds: 0,
        paidCpuUnitSeconds: 0,
        launches: 0,
        terminations: 0,
        lastLaunchMs: -1e15,
        casDecisions: 0,
        series: {
          instances: new Series('instances', 'instances', engine.tickMs),
          reservedCpuShare: new Series('reservedCpuShare', 'percent', engine.tickMs),
          costRate: new Series('costUsdPerHour', 'USD/h', engine.tickMs),
        },
      });
    }
  }

  /** Adds a service (before the run starts); its initial tasks start at Start. */
  addService(service: ServiceModel, placementRandom: RandomStream): void {
    this.services.push(service);
    this.tickLatency.push(0, 0);
    const cfg = service.config;
    const strategies = (cfg.strategies.length > 0 ? cfg.strategies : DEFAULT_SERVICE_STRATEGY) as readonly PlacementStrategy[];
    this.placers.push(createPlacer(strategies, cfg.constraints as PlacementConstraint[], placementRandom));
    const perMinute = this.quotas.serviceLaunchesPerMinute;
    this.launchBuckets.push(new TokenBucket(perMinute, perMinute / 60));
  }

  /** Launches the groups' initial instances and the services' initial tasks; schedules cluster auto scaling. */
  start(): void {
    for (let g = 0; g < this.asgs.length; g++) {
      const asg = this.asgs[g]!;
      const ready = this.services.some((s) => s.config.startRunning);
      for (let i = 0; i < asg.desired; i++) this.launchInstance(g, ready);
      if (asg.config.managedScaling !== undefined) this.engine.at(CAS_PERIOD_MS, this.name, K_CAS, g, Priority.Control);
    }
    // A service deployed before the load has its tasks RUNNING at Start; one created at Start
    // launches them through its scheduler in the first tick, within the launch quotas.
    for (const service of this.services) {
      if (!service.config.startRunning) continue;
      for (let i = 0; i < service.desiredCount; i++) this.launchTask(service, true);
    }
    for (const [i, f] of this.faults.entries()) this.engine.at(f.At, this.name, K_FAULT, i, Priority.Control);
    for (const [i, d] of this.deployments.entries()) this.engine.at(d.At, this.name, K_DEPLOY, i, Priority.Control);
  }

  /** Adds a fault that concerns this cluster (before `start`). */
  addFault(f: FaultSpec): void {
    this.faults.push(f);
  }

  /** Adds a deployment to one of this cluster's services (before `start`). */
  addDeployment(d: DeploymentSpec): void {
    this.deployments.push(d);
  }

  // ---- serving ----------------------------------------------------------------------------

  deliver(service: ServiceModel, batch: ArrivalBatch): void {
    const cpu = batch.work.CpuMs;
    const c = service.counters;
    const running = service.running;
    const limit = service.config.queueLimit;
    for (let i = 0; i < batch.count; i++) {
      c.arrived++;
      if (running.length === 0) {
        c.failed++;
        c.failedNoTask++;
        continue;
      }
      const t = batch.tickStartMs + batch.offsetsMs[i]!;
      const task = running[service.rr++ % running.length]!;
      const host = task.host!;
      this.currentHost = host;
      host.server.advance(t, this);
      if (host.server.ownerCount[task.slot]! >= limit) {
        c.failed++;
        c.failedQueueFull++;
        continue;
      }
      const work = cpu !== undefined ? cpu[i]! : 0;
      host.server.admit(t, work, task.slot);
      c.cpuMs += work;
    }
  }

  /** Completion callback of the servers (CompletionSink). */
  complete(owner: number, latencyMs: number): void {
    const task = this.currentHost!.slots[owner]!;
    const service = this.services[task.service]!;
    service.counters.served++;
    service.latency.record(latencyMs);
    this.tickLatency[2 * task.service]! += latencyMs;
    this.tickLatency[2 * task.service + 1]!++;
  }

  // ---- the tick ---------------------------------------------------------------------------

  step(tickStartMs: number, tickMs: number): void {
    const end = tickStartMs + tickMs;
    // Serve to the end of the tick, on every host.
    for (const inst of this.instances.values()) {
      this.currentHost = inst.host;
      inst.host.server.advance(end, this);
    }
    for (const service of this.services) {
      for (const task of service.tasks) {
        if (task.kind !== 'EC2' && task.host !== null) {
          this.currentHost = task.host;
          task.host.server.advance(end, this);
        }
      }
    }
    // Schedulers: reconcile desired counts, then place what waits.
    for (const service of this.services) this.reconcileService(service, tickStartMs);
    this.placeWaiting();
    for (let g = 0; g < this.asgs.length; g++) this.reconcileAsg(g);
    this.meterTick(tickStartMs, tickMs);
  }

  private meterTick(tickStartMs: number, tickMs: number): void {
    const dtS = tickMs / 1000;
    const waitingByService = new Array<number>(this.services.length).fill(0);
    for (const id of this.waiting) {
      const t = this.tasks.get(id);
      if (t !== undefined) waitingByService[t.service]!++;
    }
    for (const service of this.services) {
      let inFlight = 0;
      let billing = 0;
      let billingSpot = 0;
      for (const task of service.tasks) {
        if (task.host !== null) inFlight += task.host.server.ownerCount[task.slot]!;
        if (task.billStartMs >= 0) {
          if (task.kind === 'FARGATE_SPOT') billingSpot++;
          else billing++;
        }
      }
      const i = service.index;
      const n = this.tickLatency[2 * i + 1]!;
      const mean = n > 0 ? this.tickLatency[2 * i]! / n : Number.NaN;
      this.tickLatency[2 * i] = 0;
      this.tickLatency[2 * i + 1] = 0;
      const hourly = this.fargateHourly?.(service, billing, billingSpot) ?? 0;
      service.closeTick(tickStartMs, tickMs, waitingByService[i]!, inFlight, mean, hourly);
    }
    for (const asg of this.asgs) {
      let count = 0;
      let paid = 0;
      let reserved = 0;
      let hourly = 0;
      for (const id of asg.instances) {
        const inst = this.instances.get(id)!;
        if (inst.billStartMs < 0 || inst.billStartMs > tickStartMs) continue;
        count++;
        paid += inst.type.cpuUnits;
        reserved += inst.type.cpuUnits - inst.cpuFree;
        hourly += this.instanceHourly?.(inst) ?? inst.type.hourlyUsd;
      }
      asg.instanceSeconds += count * dtS;
      asg.paidCpuUnitSeconds += paid * dtS;
      asg.reservedCpuUnitSeconds += reserved * dtS;
      if (count > asg.peakInstances) asg.peakInstances = count;
      asg.series.instances.record(tickStartMs, count);
      asg.series.reservedCpuShare.record(tickStartMs, paid > 0 ? (100 * reserved) / paid : 0);
      asg.series.costRate.record(tickStartMs, hourly);
    }
  }

  /** Set by the assembly: hourly Fargate cost of a service's billed tasks (for the cost-rate series). */
  fargateHourly: ((service: ServiceModel, billing: number, billingSpot: number) => number) | undefined;
  /** Set by the assembly: hourly price of an instance after discounts (for the cost-rate series). */
  instanceHourly: ((inst: ContainerInstance) => number) | undefined;

  // ---- events -----------------------------------------------------------------------------

  handle(kind: number, arg: number, atMs: number): void {
    if (kind < K_INSTANCE) {
      const task = this.tasks.get(arg);
      if (task !== undefined) this.applyTask(task, TASK_EVENTS[kind] as TaskEvent, atMs);
    } else if (kind < K_CAS) {
      const inst = this.instances.get(arg);
      if (inst !== undefined) this.applyInstance(inst, INSTANCE_EVENTS[kind - K_INSTANCE] as InstanceEvent, atMs);
    } else if (kind === K_CAS) {
      this.evaluateCapacityProvider(arg, atMs);
      if (atMs + CAS_PERIOD_MS <= this.engine.durationMs) this.engine.at(atMs + CAS_PERIOD_MS, this.name, K_CAS, arg, Priority.Control);
    } else if (kind === K_SPOT_TASK) {
      const task = this.tasks.get(arg);
      if (task !== undefined && task.status <= TS.RUNNING) {
        this.services[task.service]!.counters.spotInterruptions++;
        this.stopTask(task, atMs);
      }
    } else if (kind === K_SPOT_INSTANCE) {
      const inst = this.instances.get(arg);
      if (inst !== undefined && (inst.status === IS.ACTIVE || inst.status === IS.REGISTERING || inst.status === IS.LAUNCHING)) {
        this.drainInstance(inst, atMs);
        this.engine.at(atMs + this.spot.warningMs, this.name, K_SPOT_RECLAIM, inst.id, Priority.Lifecycle);
      }
    } else if (kind === K_SPOT_RECLAIM) {
      const inst = this.instances.get(arg);
      if (inst !== undefined) this.terminateInstance(inst, atMs, true);
    } else if (kind === K_FAULT) {
      this.strike(this.faults[arg]!, atMs);
    } else if (kind === K_FAULT_END) {
      const r = this.faultRecords[arg]!;
      const [failed, served] = this.requestTotals();
      r.failedInWindow = failed - r.failedAtStart;
      r.servedInWindow = served - r.servedAtStart;
    } else if (kind === K_ZONE_UP) {
      this.zonesDown.delete(this.faults[arg]!.Zone!);
    } else if (kind === K_DEPLOY) {
      const d = this.deployments[arg]!;
      const service = this.services.find((x) => x.logicalId === d.Service);
      if (service !== undefined) this.deploy(service, d.TaskDefinition);
    }
  }

  private requestTotals(): [failed: number, served: number] {
    let failed = 0;
    let served = 0;
    for (const s of this.services) {
      failed += s.counters.failed;
      served += s.counters.served;
    }
    return [failed, served];
  }

  /** A fault strikes: instances or tasks die at once (their requests fail); a zone goes down. */
  private strike(f: FaultSpec, atMs: number): void {
    const [failed, served] = this.requestTotals();
    const windowMs = Math.min(f.For ?? FAULT_WINDOW_MS, this.engine.durationMs - atMs);
    const record: FaultRecord = {
      kind: f.Kind,
      atSeconds: atMs / 1000,
      target: f.Target ?? null,
      zone: f.Zone ?? null,
      instancesLost: 0,
      tasksLost: 0,
      windowSeconds: windowMs / 1000,
      failedInWindow: 0,
      servedInWindow: 0,
      failedAtStart: failed,
      servedAtStart: served,
    };
    const index = this.faultRecords.push(record) - 1;
    this.engine.at(atMs + windowMs, this.name, K_FAULT_END, index, Priority.Control);
    const rng = this.engine.random.stream(`${this.name}:faults`);
    const inZone = (z: string) => f.Zone === undefined || f.Zone === z;
    const asg = this.asgs.find((a) => a.config.logicalId === f.Target);
    const service = this.services.find((x) => x.logicalId === f.Target);
    const liveInstances = (filter: (i: ContainerInstance) => boolean) =>
      [...this.instances.values()].filter((i) => i.status !== IS.DEREGISTERING && i.status !== IS.TERMINATED && filter(i));
    const pick = <T>(list: T[], count: number): T[] => {
      const pool = [...list];
      const out: T[] = [];
      while (out.length < count && pool.length > 0) out.push(pool.splice(Math.floor(rng.next() * pool.length), 1)[0]!);
      return out;
    };
    const killInstance = (inst: ContainerInstance) => {
      record.instancesLost++;
      record.tasksLost += inst.tasks.length;
      this.terminateInstance(inst, atMs, true);
    };
    switch (f.Kind) {
      case 'az-outage': {
        const zone = f.Zone!;
        this.zonesDown.add(zone);
        for (const inst of liveInstances((i) => i.zone === zone)) killInstance(inst);
        for (const svc of this.services) {
          for (const t of [...svc.tasks]) {
            if (t.kind !== 'EC2' && t.zone === zone) {
              record.tasksLost++;
              this.killTask(t, atMs);
            }
          }
        }
        if (f.For !== undefined) this.engine.at(atMs + f.For, this.name, K_ZONE_UP, this.faults.indexOf(f), Priority.Control);
        break;
      }
      case 'instance-failure': {
        if (service?.config.providers.every((p) => p.kind !== 'EC2')) {
          for (const t of pick(service.running.filter((t) => inZone(t.zone)), f.Count)) {
            record.tasksLost++;
            this.killTask(t, atMs);
          }
        } else {
          const hosts = liveInstances(
            (i) => inZone(i.zone) && (asg === undefined || i.asg === asg.config.logicalId) && (service === undefined || i.tasks.some((id) => this.tasks.get(id)?.service === service.index)),
          );
          for (const inst of pick(hosts, f.Count)) killInstance(inst);
        }
        break;
      }
      case 'spot-interruption': {
        if (service !== undefined) {
          for (const t of pick(service.running.filter((t) => t.kind === 'FARGATE_SPOT' && inZone(t.zone)), f.Count)) {
            record.tasksLost++;
            service.counters.spotInterruptions++;
            this.stopTask(t, atMs);
          }
        }
        const spotHosts = liveInstances((i) => i.spot && inZone(i.zone) && (asg === undefined || i.asg === asg.config.logicalId));
        if (service === undefined || service.config.providers.some((p) => p.kind === 'EC2')) {
          for (const inst of pick(spotHosts, f.Count)) {
            record.instancesLost++;
            this.handle(K_SPOT_INSTANCE, inst.id, atMs);
          }
        }
        break;
      }
    }
  }

  /** A task dies at once (its host failed): no draining; its requests fail. */
  private killTask(task: Task, atMs: number): void {
    const service = this.services[task.service]!;
    if (task.billStartMs >= 0) {
      service.meterFor(task.td, task.kind).bill(task.billStartMs, atMs, true);
      task.billStartMs = -1;
    }
    if (task.waitingSinceMs >= 0) this.waiting = this.waiting.filter((id) => id !== task.id);
    task.status = TS.STOPPED;
    this.retireTask(task);
    this.refreshRunning(service);
  }

  // ---- tasks ------------------------------------------------------------------------------

  private launchTask(service: ServiceModel, alreadyRunning: boolean): Task {
    const provider = this.chooseProvider(service);
    const now = this.engine.nowMs;
    const task: Task = {
      id: this.nextTaskId++,
      service: service.index,
      td: service.taskDef,
      zone: '',
      status: taskLifecycle.initial,
      kind: provider.kind,
      provider: provider.name,
      viaProvider: provider.viaProvider,
      instance: -1,
      host: null,
      slot: 0,
      launchedMs: now,
      billStartMs: -1,
      runningSinceMs: -1,
      waitingSinceMs: -1,
      waitedForCapacity: false,
      phases: null,
    };
    this.tasks.set(task.id, task);
    service.tasks.push(task);
    service.counters.tasksStarted++;
    if (alreadyRunning) {
      // The service was deployed before the load: its tasks are RUNNING at Start.
      if (!this.acquire(task, true)) {
        this.enqueueWaiting(task, now);
        return task;
      }
      task.status = TS.RUNNING;
      task.runningSinceMs = now;
      if (task.kind !== 'EC2') task.billStartMs = now;
      this.refreshRunning(service);
      this.scheduleSpot(task);
      return task;
    }
    if (!task.viaProvider && task.kind === 'EC2') {
      // Launch type EC2: a task that cannot be placed waits in PENDING.
      task.status = TS.PENDING;
    }
    if (this.acquire(task, false)) this.beginStart(task);
    else this.enqueueWaiting(task, now);
    return task;
  }

  /** Base first, then by weight: the provider whose share is furthest below its weight. */
  private chooseProvider(service: ServiceModel): ProviderItem {
    const items = service.config.providers;
    if (items.length === 1) return items[0]!;
    const counts = items.map((p) => service.tasks.filter((t) => t.provider === p.name).length);
    for (let i = 0; i < items.length; i++) if (counts[i]! < items[i]!.base) return items[i]!;
    let best = -1;
    let bestScore = Number.POSITIVE_INFINITY;
    for (let i = 0; i < items.length; i++) {
      const p = items[i]!;
      if (p.weight <= 0) continue;
      const score = (counts[i]! - p.base + 1) / p.weight;
      if (score < bestScore) {
        bestScore = score;
        best = i;
      }
    }
    return items[Math.max(best , 0)]!;
  }

  /** Takes what a task needs to start: a Fargate launch token, or a place on an instance. */
  private acquire(task: Task, atStart: boolean): boolean {
    const service = this.services[task.service]!;
    if (task.kind !== 'EC2') {
      if (!atStart && this.quotas.fargateBucket.take(this.engine.nowMs, 1) === 0) return false;
      const server = new PsServer(task.td.cpuUnits / 1024, 16, 1);
      task.host = { server, slots: [task] };
      task.zone = this.fargateZone(service);
      task.slot = 0;
      return true;
    }
    const asgIndex = this.asgIndexFor(task);
    const candidates = this.placementViews(asgIndex);
    const td = task.td;
    const chosen = this.placers[task.service]!.choose(
      { cpuUnits: td.cpuUnits, memoryMiB: td.memoryMiB, awsvpc: td.awsvpc, serviceKey: service.logicalId },
      candidates,
    );
    if (chosen < 0) return false;
    const inst = this.instances.get(candidates.find((v) => v.index === chosen)!.index)!;
    this.placeOn(task, inst);
    return true;
  }

  private placeOn(task: Task, inst: ContainerInstance): void {
    const td = task.td;
    task.zone = inst.zone;
    inst.cpuFree -= td.cpuUnits;
    inst.memoryFreeMiB -= td.memoryMiB;
    if (td.awsvpc) inst.awsvpcFree--;
    inst.tasks.push(task.id);
    task.instance = inst.id;
    task.host = inst.host;
    let slot = inst.host.slots.indexOf(null);
    if (slot < 0) {
      slot = inst.host.slots.length;
      inst.host.slots.push(null);
      inst.host.server.ensureOwner(slot);
    }
    inst.host.slots[slot] = task;
    task.slot = slot;
  }

  private asgIndexFor(task: Task): number {
    const service = this.services[task.service]!;
    const item = service.config.providers.find((p) => p.name === task.provider);
    if (item?.asg !== undefined) return this.asgs.findIndex((a) => a.config.logicalId === item.asg);
    return -1;
  }

  /** Placement views of the ACTIVE instances of group `asgIndex` (all groups when -1). */
  private placementViews(asgIndex: number): PlacementInstance[] {
    const out: PlacementInstance[] = [];
    for (let g = 0; g < this.asgs.length; g++) {
      if (asgIndex >= 0 && g !== asgIndex) continue;
      for (const id of this.asgs[g]!.instances) {
        const inst = this.instances.get(id)!;
        if (inst.status === IS.ACTIVE) out.push(this.viewOf(inst));
      }
    }
    return out;
  }

  private viewOf(inst: ContainerInstance): PlacementInstance {
    let v = this.views.get(inst.id);
    if (v === undefined) {
      const tasks = this.tasks;
      const services = this.services;
      v = {
        index: inst.id,
        id: inst.ec2Id,
        instanceType: inst.type.name,
        zone: inst.zone,
        get active() {
          return inst.status === IS.ACTIVE;
        },
        get cpuFree() {
          return inst.cpuFree;
        },
        get memoryFreeMiB() {
          return inst.memoryFreeMiB;
        },
        get eniFree() {
          return inst.awsvpcFree;
        },
        attributes: {
          'ecs.instance-type': inst.type.name,
          'ecs.availability-zone': inst.zone,
          'ecs.os-type': 'linux',
          'ecs.cpu-architecture': inst.type.architecture,
        },
        serviceTasks: (key: string) => {
          let n = 0;
          for (const id of inst.tasks) if (services[tasks.get(id)!.service]!.logicalId === key) n++;
          return n;
        },
        get taskCount() {
          return inst.tasks.length;
        },
      };
      this.views.set(inst.id, v);
    }
    return v;
  }

  private enqueueWaiting(task: Task, now: number): void {
    if (!task.waitedForCapacity) {
      task.waitedForCapacity = true;
      this.services[task.service]!.counters.tasksWaitingForCapacity++;
    }
    task.waitingSinceMs = now;
    this.waiting.push(task.id);
  }

  /** Retries waiting tasks in order; a task that still finds nothing keeps its place. */
  private placeWaiting(): void {
    if (this.waiting.length === 0) return;
    const still: number[] = [];
    for (const id of this.waiting) {
      const task = this.tasks.get(id);
      if (task === undefined || task.status > TS.PENDING) continue;
      if (this.acquire(task, false)) {
        task.waitingSinceMs = -1;
        this.beginStart(task);
      } else still.push(id);
    }
    this.waiting = still;
  }

  private phasesFor(task: Task): StartPhasesMs {
    const td = task.td;
    if (task.kind !== 'EC2') return fargateStartPhases(td.imageSizeMiB, td.startLatencyMs);
    const inst = this.instances.get(task.instance)!;
    const cached = inst.images.includes(td.logicalId);
    if (!cached) inst.images.push(td.logicalId);
    return ec2StartPhases(td.imageSizeMiB, td.awsvpc, cached, td.cachedPullMs, td.startLatencyMs);
  }

  private beginStart(task: Task): void {
    const phases = this.phasesFor(task);
    task.phases = phases;
    if (task.status === TS.PROVISIONING) this.after(task, phases.provisioningMs, 'PROVISIONED');
    else this.after(task, phases.pendingMs, 'STARTED');
    this.scheduleSpot(task);
  }

  private scheduleSpot(task: Task): void {
    if (task.kind !== 'FARGATE_SPOT') return;
    const t = this.drawInterruption();
    if (t !== undefined) this.engine.after(t, this.name, K_SPOT_TASK, task.id, Priority.Lifecycle);
  }

  private drawInterruption(): number | undefined {
    const perHour = this.spot.interruptionsPerInstanceHour;
    if (!(perHour > 0)) return undefined;
    const ms = (-Math.log(1 - this.random.next()) / perHour) * 3_600_000;
    return this.engine.nowMs + ms <= this.engine.durationMs ? ms : undefined;
  }

  private after(task: Task, delayMs: number, event: TaskEvent): void {
    this.engine.after(delayMs, this.name, TASK_EVENTS.indexOf(event), task.id, Priority.Lifecycle);
  }

  private applyTask(task: Task, event: TaskEvent, atMs: number): void {
    const next = taskLifecycle.next(task.status, event);
    if (next < 0) return;
    task.status = next;
    const service = this.services[task.service]!;
    const td = task.td;
    // Start phases were chosen when the task got its capacity (beginStart).
    const phases = task.phases!;
    switch (next) {
      case TS.PENDING:
        if (task.kind !== 'EC2') {
          task.billStartMs = atMs;
        }
        this.after(task, phases.pendingMs, 'STARTED');
        break;
      case TS.ACTIVATING:
        this.after(task, phases.activatingMs, 'ACTIVATED');
        break;
      case TS.RUNNING:
        task.runningSinceMs = atMs;
        this.refreshRunning(service);
        break;
      case TS.DEACTIVATING:
        this.refreshRunning(service);
        this.after(task, service.config.deregistrationDelayMs, 'DEACTIVATED');
        break;
      case TS.STOPPING:
        this.after(task, FARGATE_STOP_DEFAULTS.stoppingMs, 'EXITED');
        break;
      case TS.DEPROVISIONING:
        if (task.billStartMs >= 0) {
          service.meterFor(task.td, task.kind).bill(task.billStartMs, atMs, true);
          task.billStartMs = -1;
        }
        this.after(task, task.kind === 'EC2' ? (td.awsvpc ? AWSVPC_ATTACH_MS : 0) : FARGATE_STOP_DEFAULTS.deprovisioningMs, 'DEPROVISIONED');
        break;
      case TS.STOPPED:
        this.retireTask(task);
        break;
    }
  }

  /** Asks a task to stop (desired count lowered, instance drained, Spot reclaimed). */
  private stopTask(task: Task, atMs: number): void {
    if (task.waitingSinceMs >= 0) {
      this.waiting = this.waiting.filter((id) => id !== task.id);
      task.waitingSinceMs = -1;
    }
    this.applyTask(task, 'STOP', atMs);
  }

  private retireTask(task: Task): void {
    const service = this.services[task.service]!;
    const host = task.host;
    if (host !== null) {
      const left = host.server.ownerCount[task.slot]!;
      if (left > 0) {
        host.server.dropOwner(task.slot);
        service.counters.failed += left;
        service.counters.failedTaskStopped += left;
      }
      host.slots[task.slot] = null;
    }
    if (task.instance >= 0) {
      const inst = this.instances.get(task.instance);
      if (inst !== undefined) {
        const td = task.td;
        inst.cpuFree += td.cpuUnits;
        inst.memoryFreeMiB += td.memoryMiB;
        if (td.awsvpc) inst.awsvpcFree++;
        inst.tasks.splice(inst.tasks.indexOf(task.id), 1);
        if (inst.status === IS.DRAINING && inst.tasks.length === 0 && this.drainingToTerminate.has(inst.id)) {
          this.terminateInstance(inst, this.engine.nowMs, false);
        }
      }
    }
    service.counters.tasksStopped++;
    service.tasks.splice(service.tasks.indexOf(task), 1);
    this.tasks.delete(task.id);
  }

  private refreshRunning(service: ServiceModel): void {
    service.running = service.tasks.filter((t) => t.status === TS.RUNNING);
  }

  /** The service scheduler: launch toward the desired count, stop what is above it. */
  private reconcileService(service: ServiceModel, now: number): void {
    if (service.deploymentInProgress) {
      this.reconcileDeployment(service, now);
      return;
    }
    let active = 0;
    for (const t of service.tasks) if (t.status <= TS.RUNNING) active++;
    if (active < service.desiredCount) this.launchUpTo(service, service.desiredCount - active, now);
    else if (active > service.desiredCount) this.stopSurplus(service, active - service.desiredCount, now);
  }

  /** Launches up to `want` tasks, as the launch quotas allow now. */
  private launchUpTo(service: ServiceModel, want: number, now: number): void {
    const provisioningCap = this.quotas.provisioningTasksPerCluster - this.waiting.length;
    const n = this.launchBuckets[service.index]!.take(now, Math.min(want, Math.max(0, provisioningCap)));
    for (let i = 0; i < n; i++) this.launchTask(service, false);
  }

  /**
   * A rolling update (fact 34–36): start tasks of the new task definition while RUNNING + starting
   * tasks stay within MaximumPercent of the desired count (rounded down), and stop old ones while
   * RUNNING tasks stay at or above MinimumHealthyPercent (rounded up). With both at 100 % nothing
   * can move: the deadlock AWS documents (fact 10).
   */
  private reconcileDeployment(service: ServiceModel, now: number): void {
    const cfg = service.config;
    const desired = service.desiredCount;
    const maxTotal = Math.floor((desired * cfg.maximumPercent) / 100);
    const minHealthy = Math.ceil((desired * cfg.minimumHealthyPercent) / 100);
    const current = service.taskDef;
    let active = 0;
    let activeNew = 0;
    for (const t of service.tasks) {
      if (t.status > TS.RUNNING) continue;
      active++;
      if (t.td === current) activeNew++;
    }
    // Old tasks that are not serving yet only cost: stop them first.
    for (const t of [...service.tasks]) {
      if (t.td !== current && t.status < TS.RUNNING) {
        this.stopTask(t, now);
        active--;
      }
    }
    const room = Math.min(maxTotal - active, desired - activeNew);
    if (room > 0) this.launchUpTo(service, room, now);
    let stoppable = service.running.length - minHealthy;
    for (const t of [...service.running]) {
      if (stoppable <= 0) break;
      if (t.td === current) continue;
      this.stopTask(t, now);
      stoppable--;
    }
    if (!service.tasks.some((t) => t.td !== current && t.status <= TS.RUNNING)) service.deploymentInProgress = false;
  }

  /** Starts a deployment of `taskDefId` to a service (a top-level `Deployments` entry). */
  deploy(service: ServiceModel, taskDefId: string): void {
    service.taskDef = service.taskDefs.get(taskDefId)!;
    service.deploymentInProgress = true;
    service.counters.deployments++;
  }

  private stopSurplus(service: ServiceModel, count: number, now: number): void {
    // Tasks that have not started serving go first: waiting ones, then the youngest starting ones.
    const waitingFirst = (t: Task) => (t.waitingSinceMs >= 0 ? 0 : 1);
    const starting = service.tasks
      .filter((t) => t.status < TS.RUNNING)
      .sort((a, b) => waitingFirst(a) - waitingFirst(b) || b.id - a.id);
    let left = count;
    for (const t of starting) {
      if (left === 0) return;
      this.stopTask(t, now);
      left--;
    }
    while (left > 0 && service.running.length > 0) {
      const candidates = service.running.map((t) => ({
        taskIndex: t.id,
        instance: t.instance >= 0 ? this.viewOf(this.instances.get(t.instance)!) : this.fargateView(t),
      }));
      const id = this.placers[service.index]!.chooseToStop(service.logicalId, candidates);
      const task = this.tasks.get(id) ?? service.running[service.running.length - 1]!;
      this.stopTask(task, now);
      left--;
    }
  }

  /** Fargate spreads a service's tasks across its zones (fact 15): the zone with the fewest of them. */
  private fargateZone(service: ServiceModel): string {
    const zones = this.zones.filter((z) => !this.zonesDown.has(z));
    if (zones.length === 0) return '';
    let best = zones[0]!;
    let bestCount = Number.POSITIVE_INFINITY;
    for (const z of zones) {
      let n = 0;
      for (const t of service.tasks) if (t.zone === z) n++;
      if (n < bestCount) {
        bestCount = n;
        best = z;
      }
    }
    return best;
  }

  private fargateView(task: Task): PlacementInstance {
    return {
      index: -task.id,
      id: `fargate-${task.id}`,
      instanceType: 'fargate',
      zone: task.zone,
      active: true,
      cpuFree: 0,
      memoryFreeMiB: 0,
      eniFree: 0,
      attributes: {},
      serviceTasks: () => 1,
      taskCount: 1,
    };
  }

  // ---- instances --------------------------------------------------------------------------

  private launchInstance(g: number, ready: boolean): void {
    const asg = this.asgs[g]!;
    const cfg = asg.config;
    const now = this.engine.nowMs;
    const zone = this.zoneForLaunch(asg);
    const spot = this.spotForLaunch(asg);
    const type = cfg.instanceTypes[0]!;
    const id = this.nextInstanceId++;
    const inst: ContainerInstance = {
      id,
      ec2Id: `i-${id.toString(16).padStart(8, '0')}`,
      asg: cfg.logicalId,
      type,
      zone,
      spot,
      status: ready ? IS.ACTIVE : instanceLifecycle.initial,
      cpuFree: type.cpuUnits,
      memoryFreeMiB: type.memoryMiB,
      awsvpcFree: type.awsvpcTasks,
      tasks: [],
      host: { server: new PsServer(type.cpuUnits / 1024, 64, 8), slots: [] },
      launchedMs: now,
      billStartMs: ready ? now : now + Math.min(EC2_PENDING_UNBILLED_MS, cfg.startLatencyMs),
      images: [],
    };
    this.instances.set(id, inst);
    asg.instances.push(id);
    asg.launches++;
    asg.lastLaunchMs = now;
    if (!ready) this.engine.after(cfg.startLatencyMs, this.name, K_INSTANCE + INSTANCE_EVENTS.indexOf('BOOTED'), id, Priority.Lifecycle);
    if (spot) {
      const t = this.drawInterruption();
      if (t !== undefined) this.engine.after(t, this.name, K_SPOT_INSTANCE, id, Priority.Lifecycle);
    }
  }

  /** The zone with the fewest of the group's instances (first in list order on ties), as EC2 Auto Scaling balances. */
  private zoneForLaunch(asg: AsgState): string {
    const up = asg.config.zones.filter((z) => !this.zonesDown.has(z));
    const zones = up.length > 0 ? up : asg.config.zones;
    let best = zones[0]!;
    let bestCount = Number.POSITIVE_INFINITY;
    for (const z of zones) {
      let n = 0;
      for (const id of asg.instances) if (this.instances.get(id)!.zone === z) n++;
      if (n < bestCount) {
        bestCount = n;
        best = z;
      }
    }
    return best;
  }

  /** On-Demand until the base is met, then the On-Demand percentage of the rest. */
  private spotForLaunch(asg: AsgState): boolean {
    const cfg = asg.config;
    if (cfg.allSpot) return true;
    let onDemand = 0;
    let spot = 0;
    for (const id of asg.instances) {
      if (this.instances.get(id)!.spot) spot++;
      else onDemand++;
    }
    if (onDemand < cfg.onDemandBaseCapacity) return false;
    const above = onDemand - cfg.onDemandBaseCapacity;
    const total = above + spot + 1;
    return (above + 1) / total > cfg.onDemandPercentageAboveBase / 100 + 1e-9;
  }

  private applyInstance(inst: ContainerInstance, event: InstanceEvent, atMs: number): void {
    const next = instanceLifecycle.next(inst.status, event);
    if (next < 0) return;
    inst.status = next;
    const cfg = this.asgs.find((a) => a.config.logicalId === inst.asg)!.config;
    switch (next) {
      case IS.REGISTERING:
        this.engine.after(cfg.agentRegistrationMs, this.name, K_INSTANCE + INSTANCE_EVENTS.indexOf('REGISTERED'), inst.id, Priority.Lifecycle);
        break;
      case IS.ACTIVE:
        this.placeWaiting();
        break;
      case IS.DEREGISTERING:
        this.engine.after(0, this.name, K_INSTANCE + INSTANCE_EVENTS.indexOf('DEREGISTERED'), inst.id, Priority.Lifecycle);
        break;
      case IS.TERMINATED:
        this.retireInstance(inst, atMs);
        break;
    }
  }

  /** No new tasks; service tasks on it stop and the schedulers replace them elsewhere. */
  private drainInstance(inst: ContainerInstance, atMs: number): void {
    if (inst.status === IS.ACTIVE) this.applyInstance(inst, 'DRAIN', atMs);
    for (const id of [...inst.tasks]) {
      const task = this.tasks.get(id);
      if (task !== undefined && task.status <= TS.RUNNING) this.stopTask(task, atMs);
    }
  }

  private terminateInstance(inst: ContainerInstance, atMs: number, killTasks: boolean): void {
    this.drainingToTerminate.delete(inst.id);
    if (killTasks) {
      // Reclaimed with tasks still on it: they die at once, with the requests they hold.
      for (const id of [...inst.tasks]) {
        const task = this.tasks.get(id);
        if (task !== undefined) this.killTask(task, atMs);
      }
    }
    this.applyInstance(inst, 'TERMINATE', atMs);
  }

  private retireInstance(inst: ContainerInstance, atMs: number): void {
    const asg = this.asgs.find((a) => a.config.logicalId === inst.asg)!;
    // An instance terminated before it reached `running` is not billed.
    if (inst.billStartMs >= 0 && atMs > inst.billStartMs) {
      asg.meter.bill(inst.type.name, inst.spot ? 'Spot' : 'OnDemand', inst.billStartMs, atMs, true);
    }
    inst.billStartMs = -1;
    asg.instances.splice(asg.instances.indexOf(inst.id), 1);
    asg.terminations++;
    this.instances.delete(inst.id);
    this.views.delete(inst.id);
  }

  /** Launches or terminates instances toward the group's desired capacity. */
  private reconcileAsg(g: number): void {
    const asg = this.asgs[g]!;
    const live = asg.instances.filter((id) => {
      const s = this.instances.get(id)!.status;
      return s !== IS.DEREGISTERING && !this.drainingToTerminate.has(id);
    });
    if (live.length < asg.desired) {
      for (let i = live.length; i < asg.desired; i++) this.launchInstance(g, false);
    } else if (live.length > asg.desired) {
      const protect = asg.config.managedScaling?.managedTerminationProtection === true;
      const victims = this.chooseToTerminate(live, live.length - asg.desired, protect);
      for (const inst of victims) {
        if (inst.tasks.length === 0) this.terminateInstance(inst, this.engine.nowMs, false);
        else {
          this.drainingToTerminate.add(inst.id);
          this.drainInstance(inst, this.engine.nowMs);
        }
      }
    }
  }

  /** Empty instances first, then the zone with the most instances, then the oldest. */
  private chooseToTerminate(live: number[], count: number, onlyEmpty: boolean): ContainerInstance[] {
    const insts = live.map((id) => this.instances.get(id)!).filter((i) => !onlyEmpty || i.tasks.length === 0);
    const perZone = new Map<string, number>();
    for (const i of insts) perZone.set(i.zone, (perZone.get(i.zone) ?? 0) + 1);
    insts.sort(
      (a, b) =>
        (a.tasks.length === 0 ? 0 : 1) - (b.tasks.length === 0 ? 0 : 1) ||
        perZone.get(b.zone)! - perZone.get(a.zone)! ||
        a.id - b.id,
    );
    return insts.slice(0, count);
  }

  /** Cluster auto scaling: one evaluation of a capacity provider's managed scaling (every minute). */
  private evaluateCapacityProvider(g: number, atMs: number): void {
    const asg = this.asgs[g]!;
    const ms = asg.config.managedScaling!;
    const live = asg.instances.map((id) => this.instances.get(id)!).filter((i) => i.status !== IS.DEREGISTERING && !this.drainingToTerminate.has(i.id));
    const empty = live.filter((i) => i.tasks.length === 0 && i.status === IS.ACTIVE).length;
    const pending = this.waiting
      .map((id) => this.tasks.get(id)!)
      .filter((t) => t !== undefined && this.asgIndexFor(t) === g)
      .map((t) => {
        const td = t.td;
        return { cpuUnits: td.cpuUnits, memoryMiB: td.memoryMiB, awsvpc: td.awsvpc, serviceKey: this.services[t.service]!.logicalId };
      });
    const smallest = [...asg.config.instanceTypes].sort((a, b) => a.cpuUnits - b.cpuUnits)[0]!;
    const extra = pending.length > 0 ? instancesNeededBinpack(pending, { cpuUnits: smallest.cpuUnits, memoryMiB: smallest.memoryMiB, enis: smallest.awsvpcTasks }).instances : 0;
    const warmingUp = live.some((i) => atMs - i.launchedMs < ms.instanceWarmupMs && i.status !== IS.ACTIVE) || atMs - asg.lastLaunchMs < ms.instanceWarmupMs;
    const desired = managedScalingDesired({
      multipleTypesOrZones: asg.config.instanceTypes.length > 1 || asg.config.zones.length > 1,
      current: live.length,
      pendingTasksNeedInstances: extra,
      emptyInstances: empty,
      targetCapacity: ms.targetCapacity,
      minStep: ms.minimumScalingStepSize,
      maxStep: ms.maximumScalingStepSize,
      minSize: asg.config.minSize,
      maxSize: asg.config.maxSize,
      warmingUp,
    });
    if (desired !== asg.desired) {
      asg.desired = desired;
      asg.casDecisions++;
    }
  }

  /** Kinds of capacity a group provides, for reports. */
  kindOf(task: Task): CapacityKind {
    return task.kind;
  }

  // ---- end and checkpoints ----------------------------------------------------------------

  finish(endMs: number): void {
    for (const service of this.services) {
      for (const task of service.tasks) {
        if (task.billStartMs >= 0) service.meterFor(task.td, task.kind).bill(task.billStartMs, endMs, false);
        task.billStartMs = -1;
      }
    }
    for (const asg of this.asgs) {
      for (const id of asg.instances) {
        const inst = this.instances.get(id)!;
        if (inst.billStartMs >= 0 && endMs > inst.billStartMs) {
          asg.meter.bill(inst.type.name, inst.spot ? 'Spot' : 'OnDemand', inst.billStartMs, endMs, false);
        }
        inst.billStartMs = -1;
      }
    }
  }

  /** Tasks of a service by lifecycle status. */
  statusCounts(service: ServiceModel): Record<string, number> {
    const out: Record<string, number> = Object.fromEntries(taskLifecycle.states.map((st) => [st, 0]));
    for (const t of service.tasks) out[taskLifecycle.states[t.status]!]!++;
    return out;
  }

  /** Requests still in tasks (the report's `queued` at the end) for one service. */
  queued(service: ServiceModel): number {
    let n = 0;
    for (const t of service.tasks) if (t.host !== null) n += t.host.server.ownerCount[t.slot]!;
    return n;
  }

  checkpoint(): ClusterState {
    return {
      nextTaskId: this.nextTaskId,
      nextInstanceId: this.nextInstanceId,
      tasks: [...this.tasks.values()].map((t) => {
        const { host, td, ...rest } = t;
        return { ...rest, td: td.logicalId, fargateServer: t.kind !== 'EC2' && host !== null ? host.server.checkpoint() : null };
      }),
      instances: [...this.instances.values()].map((i) => {
        const { host, ...rest } = i;
        return { ...rest, tasks: [...i.tasks], images: [...i.images], server: host.server.checkpoint(), slots: host.slots.map((t) => (t === null ? null : t.id)) };
      }),
      services: this.services.map((s, i) => s.checkpoint(this.launchBuckets[i]!.checkpoint())),
      asgs: this.asgs.map(({ config: _c, series, meter, ...rest }) => ({
        ...rest,
        instances: [...rest.instances],
        usage: structuredClone(meter.usage),
        series: {
          instances: series.instances.checkpoint(),
          reservedCpuShare: series.reservedCpuShare.checkpoint(),
          costRate: series.costRate.checkpoint(),
        },
      })),
      waiting: [...this.waiting],
      tickLatency: [...this.tickLatency],
      drainingToTerminate: [...this.drainingToTerminate],
      zonesDown: [...this.zonesDown],
      faultRecords: structuredClone(this.faultRecords),
    };
  }

  restore(state: unknown): void {
    const s = state as ClusterState;
    this.nextTaskId = s.nextTaskId;
    this.nextInstanceId = s.nextInstanceId;
    this.tasks.clear();
    this.instances.clear();
    this.views.clear();
    this.services.forEach((svc, i) => {
      svc.restore(s.services[i]!);
      this.launchBuckets[i]!.restore(s.services[i]!.launchTokens as TokenBucketState);
    });
    this.asgs.forEach((a, i) => {
      const { series, usage, ...rest } = structuredClone(s.asgs[i]!);
      Object.assign(a, rest);
      a.meter.usage = usage;
      a.series.instances.restore(series.instances);
      a.series.reservedCpuShare.restore(series.reservedCpuShare);
      a.series.costRate.restore(series.costRate);
    });
    for (const is of s.instances) {
      const { server, slots, ...rest } = is;
      const ps = new PsServer(server.vcpu, Math.max(16, server.n));
      ps.restore(server);
      const inst: ContainerInstance = { ...rest, host: { server: ps, slots: slots.map(() => null) } };
      this.instances.set(inst.id, inst);
    }
    for (const ts of s.tasks) {
      const { fargateServer, td, ...rest } = ts;
      const task: Task = { ...rest, td: this.services[rest.service]!.taskDefs.get(td)!, host: null };
      if (fargateServer !== null) {
        const ps = new PsServer(fargateServer.vcpu, Math.max(16, fargateServer.n));
        ps.restore(fargateServer);
        task.host = { server: ps, slots: [task] };
      } else if (task.instance >= 0) {
        const inst = this.instances.get(task.instance)!;
        task.host = inst.host;
        inst.host.slots[task.slot] = task;
      }
      this.tasks.set(task.id, task);
      this.services[task.service]!.tasks.push(task);
    }
    for (const svc of this.services) {
      svc.tasks.sort((a, b) => a.id - b.id);
      this.refreshRunning(svc);
    }
    this.waiting = [...s.waiting];
    this.tickLatency = [...s.tickLatency];
    this.drainingToTerminate = new Set(s.drainingToTerminate);
    this.zonesDown = new Set(s.zonesDown);
    this.faultRecords = structuredClone(s.faultRecords);
  }
}
