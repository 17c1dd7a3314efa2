/**
 * Moves a cluster's tasks through their lifecycle (taskLifecycle.ts): launch, wait for capacity,
 * the timed start phases, stop, death, and the release of what they held. Timed transitions are
 * engine events addressed to the cluster, which hands them back to `apply`.
 */
import { Priority } from '../../engine';
import { K_SPOT_TASK, TASK_EVENTS } from './clusterEvents';
import type { ClusterWorld } from './clusterWorld';
import type { ContainerInstance, Task } from './clusterTypes';
import { IS } from './containerInstanceLifecycle';
import type { ServiceModel } from './ServiceModel';
import { drawInterruption } from './spotInterruption';
import { AWSVPC_ATTACH_MS, ec2StartPhases, FARGATE_STOP_DEFAULTS, fargateStartPhases, type StartPhasesMs } from './startLatency';
import type { TaskPlacement } from './TaskPlacement';
import { TS, type TaskEvent, taskLifecycle } from './taskLifecycle';

/** Rebuilds a service's list of RUNNING tasks (the request router's round-robin list). */
export function refreshRunning(service: ServiceModel): void {
  service.running = service.tasks.filter((t) => t.status === TS.RUNNING);
}

export class TaskRunner {
  /**
   * @param terminateDrained terminates an instance drained for scale-in once its last task has
   *   left (the instance fleet's business; a callback so that the fleet can depend on this class).
   */
  constructor(
    private readonly world: ClusterWorld,
    private readonly placement: TaskPlacement,
    private readonly terminateDrained: (inst: ContainerInstance) => void,
  ) {}

  /** Launches a task of the service; `alreadyRunning` puts it RUNNING at once (a service deployed before the load). */
  launch(service: ServiceModel, alreadyRunning: boolean): Task {
    const world = this.world;
    const provider = this.placement.chooseProvider(service);
    const now = world.engine.nowMs;
    const task: Task = {
      id: world.nextTaskId++,
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
    world.tasks.set(task.id, task);
    service.tasks.push(task);
    service.counters.tasksStarted++;
    if (alreadyRunning) {
      // The service was deployed before the load: its tasks are RUNNING at Start.
      if (!this.placement.acquire(task, true)) {
        this.enqueueWaiting(task, now);
        return task;
      }
      task.status = TS.RUNNING;
      task.runningSinceMs = now;
      if (task.kind !== 'EC2') service.beginBilling(task, now);
      refreshRunning(service);
      this.scheduleSpot(task);
      return task;
    }
    if (!task.viaProvider && task.kind === 'EC2') {
      // Launch type EC2: a task that cannot be placed waits in PENDING.
      task.status = TS.PENDING;
    }
    if (this.placement.acquire(task, false)) this.beginStart(task);
    else this.enqueueWaiting(task, now);
    return task;
  }

  /** Retries waiting tasks in order; a task that still finds nothing keeps its place. */
  placeWaiting(): void {
    const world = this.world;
    if (world.waiting.length === 0) return;
    const still: number[] = [];
    for (const id of world.waiting) {
      const task = world.tasks.get(id);
      if (task === undefined || task.status > TS.PENDING) continue;
      if (this.placement.acquire(task, false)) {
        task.waitingSinceMs = -1;
        this.beginStart(task);
      } else still.push(id);
    }
    world.waiting = still;
  }

  /** Applies a lifecycle event (a timed one from the engine, or STOP) and schedules the next phase. */
  apply(task: Task, event: TaskEvent, atMs: number): void {
    const next = taskLifecycle.next(task.status, event);
    if (next < 0) return;
    task.status = next;
    const service = this.world.services[task.service]!;
    const td = task.td;
    // Start phases were chosen when the task got its capacity (beginStart).
    const phases = task.phases!;
    switch (next) {
      case TS.PENDING:
        if (task.kind !== 'EC2') service.beginBilling(task, atMs);
        this.after(task, phases.pendingMs, 'STARTED');
        break;
      case TS.ACTIVATING:
        this.after(task, phases.activatingMs, 'ACTIVATED');
        break;
      case TS.RUNNING:
        task.runningSinceMs = atMs;
        refreshRunning(service);
        break;
      case TS.DEACTIVATING:
        refreshRunning(service);
        this.after(task, service.config.deregistrationDelayMs, 'DEACTIVATED');
        break;
      case TS.STOPPING:
        this.after(task, FARGATE_STOP_DEFAULTS.stoppingMs, 'EXITED');
        break;
      case TS.DEPROVISIONING:
        if (task.billStartMs >= 0) {
          service.meterFor(task.td, task.kind).bill(task.billStartMs, atMs, true);
          service.endBilling(task);
        }
        this.after(task, task.kind === 'EC2' ? (td.awsvpc ? AWSVPC_ATTACH_MS : 0) : FARGATE_STOP_DEFAULTS.deprovisioningMs, 'DEPROVISIONED');
        break;
      case TS.STOPPED:
        this.retire(task);
        break;
    }
  }

  /** Asks a task to stop (desired count lowered, instance drained, Spot reclaimed). */
  stop(task: Task, atMs: number): void {
    if (task.waitingSinceMs >= 0) {
      this.world.waiting = this.world.waiting.filter((id) => id !== task.id);
      task.waitingSinceMs = -1;
    }
    this.apply(task, 'STOP', atMs);
  }

  /** A task dies at once (its host failed): no draining; its requests fail. */
  kill(task: Task, atMs: number): void {
    const service = this.world.services[task.service]!;
    if (task.billStartMs >= 0) {
      service.meterFor(task.td, task.kind).bill(task.billStartMs, atMs, true);
      service.endBilling(task);
    }
    if (task.waitingSinceMs >= 0) this.world.waiting = this.world.waiting.filter((id) => id !== task.id);
    task.status = TS.STOPPED;
    this.retire(task);
    refreshRunning(service);
  }

  /** The two-minute warning reached a Fargate Spot task (by id): it stops, if it still runs or starts. */
  interruptSpot(taskId: number, atMs: number): void {
    const task = this.world.tasks.get(taskId);
    if (task !== undefined && task.status <= TS.RUNNING) {
      this.world.services[task.service]!.counters.spotInterruptions++;
      this.world.observer?.spotTaskInterrupted?.(task.id, task.service, atMs);
      this.stop(task, atMs);
    }
  }

  private enqueueWaiting(task: Task, now: number): void {
    if (!task.waitedForCapacity) {
      task.waitedForCapacity = true;
      this.world.services[task.service]!.counters.tasksWaitingForCapacity++;
    }
    task.waitingSinceMs = now;
    this.world.waiting.push(task.id);
  }

  private phasesFor(task: Task): StartPhasesMs {
    const td = task.td;
    if (task.kind !== 'EC2') return fargateStartPhases(td.imageSizeMiB, td.startLatencyMs);
    const inst = this.world.instances.get(task.instance)!;
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
    const t = drawInterruption(this.world);
    if (t !== undefined) this.world.engine.after(t, this.world.name, K_SPOT_TASK, task.id, Priority.Lifecycle);
  }

  private after(task: Task, delayMs: number, event: TaskEvent): void {
    this.world.engine.after(delayMs, this.world.name, TASK_EVENTS.indexOf(event), task.id, Priority.Lifecycle);
  }

  /** Releases what a stopped or dead task held; requests still in it fail. */
  private retire(task: Task): void {
    const world = this.world;
    const service = world.services[task.service]!;
    const host = task.host;
    if (host !== null) {
      const left = host.server.ownerCount[task.slot]!;
      if (left > 0) {
        host.server.dropOwner(task.slot);
        service.inFlight -= left;
        service.counters.failed += left;
        service.counters.failedTaskStopped += left;
      }
      host.slots[task.slot] = null;
    }
    if (task.instance >= 0) {
      const inst = world.instances.get(task.instance);
      if (inst !== undefined) {
        const td = task.td;
        inst.cpuFree += td.cpuUnits;
        inst.memoryFreeMiB += td.memoryMiB;
        if (td.awsvpc) inst.awsvpcFree++;
        inst.tasks.splice(inst.tasks.indexOf(task.id), 1);
        if (inst.status === IS.DRAINING && inst.tasks.length === 0 && world.drainingToTerminate.has(inst.id)) {
          this.terminateDrained(inst);
        }
      }
    }
    service.counters.tasksStopped++;
    service.tasks.splice(service.tasks.indexOf(task), 1);
    world.tasks.delete(task.id);
  }
}
