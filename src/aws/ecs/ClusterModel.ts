/**
 * An ECS cluster as an engine component: its services' schedulers, their tasks on Fargate or on
 * container instances of Auto Scaling groups, placement, cluster auto scaling through capacity
 * providers, launch quotas, Spot interruptions, faults, deployments, request serving and metering.
 *
 * This class is the entry point (the engine calls `step`, `handle`, `finish`, `checkpoint`,
 * `restore`; services call `deliver`) and delegates to collaborators that share one
 * `ClusterWorld`: RequestDispatcher (the hot path), ServiceScheduler, TaskRunner, TaskPlacement,
 * InstanceFleet, clusterAutoScaling, ClusterFaults, clusterMeter and clusterCheckpoint.
 * Tasks and instances are plain records whose lifecycle state is an index into a table compiled
 * from the XState machines; timed transitions are engine events addressed to this component
 * (their kinds: clusterEvents.ts).
 */
import type { Component, Engine, RandomStream } from '../../engine';
import { Priority } from '../../engine';
import type { DeploymentSpec, FaultSpec } from '../../scenario/types';
import type { ArrivalBatch } from '../../workload';
import { type AsgState, newAsgState } from './asgState';
import { evaluateCapacityProvider } from './clusterAutoScaling';
import { type ClusterState, checkpointCluster, restoreCluster } from './clusterCheckpoint';
import {
  CAS_PERIOD_MS,
  INSTANCE_EVENTS,
  K_CAS,
  K_DEPLOY,
  K_FAULT,
  K_FAULT_END,
  K_INSTANCE,
  K_SPOT_INSTANCE,
  K_SPOT_RECLAIM,
  K_SPOT_TASK,
  K_ZONE_UP,
  TASK_EVENTS,
} from './clusterEvents';
import { ClusterFaults, type FaultRecord } from './ClusterFaults';
import { type CostRates, meterTick } from './clusterMeter';
import type { AsgConfig, CapacityKind, ContainerInstance, Task } from './clusterTypes';
import type { ClusterObserver, ClusterWorld, EcsQuotas, SpotSettings } from './clusterWorld';
import type { InstanceEvent } from './containerInstanceLifecycle';
import { InstanceFleet } from './InstanceFleet';
import { RequestDispatcher } from './RequestDispatcher';
import type { RequestRouter, ServiceModel } from './ServiceModel';
import { ServiceScheduler } from './ServiceScheduler';
import { TaskPlacement } from './TaskPlacement';
import { TaskRunner } from './TaskRunner';
import { type TaskEvent, taskLifecycle } from './taskLifecycle';

// The names this module exported before its collaborators had files of their own.
export type { AsgState } from './asgState';
export type { ClusterState } from './clusterCheckpoint';
export type { FaultRecord } from './ClusterFaults';
export type { EcsQuotas, SpotSettings } from './clusterWorld';

export class ClusterModel implements Component, RequestRouter, CostRates {
  readonly name: string;
  readonly services: ServiceModel[] = [];
  readonly asgs: AsgState[] = [];
  readonly tasks = new Map<number, Task>();
  readonly instances = new Map<number, ContainerInstance>();
  /** The cluster's availability zones (its groups' zones, else the Region's first three). */
  readonly zones: string[];
  /** Set by the assembly: hourly Fargate cost of a service's billed tasks (for the cost-rate series). */
  fargateHourly: ((service: ServiceModel, billing: number, billingSpot: number) => number) | undefined;
  /** Set by the assembly: hourly price of an instance after discounts (for the cost-rate series). */
  instanceHourly: ((inst: ContainerInstance) => number) | undefined;
  private readonly world: ClusterWorld;
  private readonly dispatcher: RequestDispatcher;
  private readonly placement: TaskPlacement;
  private readonly taskRunner: TaskRunner;
  private readonly fleet: InstanceFleet;
  private readonly scheduler: ServiceScheduler;
  private readonly faults: ClusterFaults;

  constructor(
    private readonly engine: Engine,
    readonly logicalId: string,
    quotas: EcsQuotas,
    spot: SpotSettings,
    random: RandomStream,
    asgConfigs: AsgConfig[],
    zones: string[],
  ) {
    this.name = `ecs-cluster:${logicalId}`;
    this.zones = [...new Set([...asgConfigs.flatMap((a) => a.zones), ...zones])];
    for (const config of asgConfigs) this.asgs.push(newAsgState(config, engine.tickMs));
    this.world = {
      engine,
      name: this.name,
      quotas,
      spot,
      random,
      services: this.services,
      asgs: this.asgs,
      tasks: this.tasks,
      instances: this.instances,
      zones: this.zones,
      waiting: [],
      drainingToTerminate: new Set(),
      zonesDown: new Set(),
      nextTaskId: 1,
      nextInstanceId: 1,
      observer: undefined,
    };
    this.dispatcher = new RequestDispatcher(this.services, this.instances);
    this.placement = new TaskPlacement(this.world);
    this.taskRunner = new TaskRunner(this.world, this.placement, (inst) => this.fleet.terminate(inst, engine.nowMs, false));
    this.fleet = new InstanceFleet(this.world, this.taskRunner, this.placement);
    this.scheduler = new ServiceScheduler(this.world, this.placement, this.taskRunner);
    this.faults = new ClusterFaults(this.world, this.taskRunner, this.fleet);
  }

  /** One record per fault that has struck, in order. */
  get faultRecords(): FaultRecord[] {
    return this.faults.records;
  }

  /** Adds a service (before the run starts); its initial tasks start at Start. */
  addService(service: ServiceModel, placementRandom: RandomStream): void {
    this.services.push(service);
    this.dispatcher.addService();
    this.placement.addService(service, placementRandom);
    this.scheduler.addService();
  }

  /** Adds a fault that concerns this cluster (before `start`). */
  addFault(f: FaultSpec): void {
    this.faults.add(f);
  }

  /** Adds a deployment to one of this cluster's services (before `start`). */
  addDeployment(d: DeploymentSpec): void {
    this.scheduler.addDeployment(d);
  }

  /** Launches the groups' initial instances and the services' initial tasks; schedules cluster auto scaling, faults and deployments. */
  start(): void {
    for (let g = 0; g < this.asgs.length; g++) {
      const asg = this.asgs[g]!;
      const ready = this.services.some((s) => s.config.startRunning);
      for (let i = 0; i < asg.desired; i++) this.fleet.launch(g, ready);
      if (asg.config.managedScaling !== undefined) this.engine.at(CAS_PERIOD_MS, this.name, K_CAS, g, Priority.Control);
    }
    // A service deployed before the load has its tasks RUNNING at Start; one created at Start
    // launches them through its scheduler in the first tick, within the launch quotas.
    for (const service of this.services) {
      if (!service.config.startRunning) continue;
      for (let i = 0; i < service.desiredCount; i++) this.taskRunner.launch(service, true);
    }
    this.faults.schedule();
    this.scheduler.scheduleDeployments();
  }

  /** Routes a batch of a service's requests to its RUNNING tasks (RequestRouter). */
  deliver(service: ServiceModel, batch: ArrivalBatch): void {
    this.dispatcher.deliver(service, batch);
  }

  step(tickStartMs: number, tickMs: number): void {
    // Serve to the end of the tick, on every host.
    this.dispatcher.advanceAll(tickStartMs + tickMs);
    // Schedulers: reconcile desired counts, then place what waits.
    for (const service of this.services) this.scheduler.reconcile(service, tickStartMs);
    this.taskRunner.placeWaiting();
    for (let g = 0; g < this.asgs.length; g++) this.fleet.reconcile(g);
    meterTick(this.world, this.dispatcher.tickLatency, this, tickStartMs, tickMs);
  }

  handle(kind: number, arg: number, atMs: number): void {
    if (kind < K_INSTANCE) {
      const task = this.tasks.get(arg);
      if (task !== undefined) this.taskRunner.apply(task, TASK_EVENTS[kind] as TaskEvent, atMs);
    } else if (kind < K_CAS) {
      const inst = this.instances.get(arg);
      if (inst !== undefined) this.fleet.apply(inst, INSTANCE_EVENTS[kind - K_INSTANCE] as InstanceEvent, atMs);
    } else if (kind === K_CAS) {
      evaluateCapacityProvider(this.world, this.placement, arg, atMs);
      if (atMs + CAS_PERIOD_MS <= this.engine.durationMs) this.engine.at(atMs + CAS_PERIOD_MS, this.name, K_CAS, arg, Priority.Control);
    } else if (kind === K_SPOT_TASK) {
      this.taskRunner.interruptSpot(arg, atMs);
    } else if (kind === K_SPOT_INSTANCE) {
      this.fleet.warnSpot(arg, atMs);
    } else if (kind === K_SPOT_RECLAIM) {
      this.fleet.reclaimSpot(arg, atMs);
    } else if (kind === K_FAULT) {
      this.faults.strike(arg, atMs);
    } else if (kind === K_FAULT_END) {
      this.faults.endWindow(arg);
    } else if (kind === K_ZONE_UP) {
      this.faults.zoneUp(arg);
    } else if (kind === K_DEPLOY) {
      this.scheduler.startDeployment(arg);
    }
  }

  /** Tells `observer` of the cluster's events from now on (undefined: no one); it cannot change them. */
  observe(observer: ClusterObserver | undefined): void {
    this.world.observer = observer;
  }

  /** Starts a deployment of `taskDefId` to a service (a top-level `Deployments` entry). */
  deploy(service: ServiceModel, taskDefId: string): void {
    this.scheduler.deploy(service, taskDefId);
  }

  /** Kinds of capacity a group provides, for reports. */
  kindOf(task: Task): CapacityKind {
    return task.kind;
  }

  /** Bills what still runs at the end: tasks and instances to `endMs`, without the minimum. */
  finish(endMs: number): void {
    for (const service of this.services) {
      for (const task of service.tasks) {
        if (task.billStartMs >= 0) service.meterFor(task.td, task.kind).bill(task.billStartMs, endMs, false);
        service.endBilling(task);
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
    return service.inFlight;
  }

  checkpoint(): ClusterState {
    return checkpointCluster(this.world, this.scheduler.launchBuckets, this.dispatcher.tickLatency, this.faults.records);
  }

  restore(state: unknown): void {
    const s = state as ClusterState;
    this.placement.forgetAll();
    restoreCluster(this.world, s, this.scheduler.launchBuckets);
    this.dispatcher.tickLatency = [...s.tickLatency];
    this.faults.records = structuredClone(s.faultRecords);
  }
}
