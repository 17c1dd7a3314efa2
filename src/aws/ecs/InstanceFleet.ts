/**
 * The container instances of a cluster's Auto Scaling groups: launch toward each group's desired
 * capacity, the instance lifecycle (containerInstanceLifecycle.ts), drain, terminate and the
 * EC2 bill of a terminated instance, and Spot warnings and reclaims.
 */
import { Priority } from '../../engine';
import { chooseToTerminate, spotForLaunch, zoneForLaunch } from './asgChoices';
import { INSTANCE_EVENTS, K_INSTANCE, K_SPOT_INSTANCE, K_SPOT_RECLAIM } from './clusterEvents';
import type { ClusterWorld } from './clusterWorld';
import type { ContainerInstance } from './clusterTypes';
import { IS, type InstanceEvent, instanceLifecycle } from './containerInstanceLifecycle';
import { PsServer } from './PsServer';
import { drawInterruption } from './spotInterruption';
import type { TaskPlacement } from './TaskPlacement';
import type { TaskRunner } from './TaskRunner';
import { TS } from './taskLifecycle';

/** EC2 bills from the running state: the API's pending phase takes about 5 s (measurements.md). */
const EC2_PENDING_UNBILLED_MS = 5_000;

export class InstanceFleet {
  constructor(
    private readonly world: ClusterWorld,
    private readonly taskRunner: TaskRunner,
    private readonly placement: TaskPlacement,
  ) {}

  /** Launches an instance into group `g`; `ready` makes it ACTIVE at once (capacity that exists at Start). */
  launch(g: number, ready: boolean): void {
    const world = this.world;
    const asg = world.asgs[g]!;
    const cfg = asg.config;
    const now = world.engine.nowMs;
    const zone = zoneForLaunch(world, asg);
    const spot = spotForLaunch(world, asg);
    const type = cfg.instanceTypes[0]!;
    const id = world.nextInstanceId++;
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
    world.instances.set(id, inst);
    asg.instances.push(id);
    asg.launches++;
    asg.lastLaunchMs = now;
    if (!ready) world.engine.after(cfg.startLatencyMs, world.name, K_INSTANCE + INSTANCE_EVENTS.indexOf('BOOTED'), id, Priority.Lifecycle);
    if (spot) {
      const t = drawInterruption(world);
      if (t !== undefined) world.engine.after(t, world.name, K_SPOT_INSTANCE, id, Priority.Lifecycle);
    }
  }

  /** Applies a lifecycle event and schedules what follows it. */
  apply(inst: ContainerInstance, event: InstanceEvent, atMs: number): void {
    const world = this.world;
    const next = instanceLifecycle.next(inst.status, event);
    if (next < 0) return;
    inst.status = next;
    const cfg = world.asgs.find((a) => a.config.logicalId === inst.asg)!.config;
    switch (next) {
      case IS.REGISTERING:
        world.engine.after(cfg.agentRegistrationMs, world.name, K_INSTANCE + INSTANCE_EVENTS.indexOf('REGISTERED'), inst.id, Priority.Lifecycle);
        break;
      case IS.ACTIVE:
        this.taskRunner.placeWaiting();
        break;
      case IS.DEREGISTERING:
        world.engine.after(0, world.name, K_INSTANCE + INSTANCE_EVENTS.indexOf('DEREGISTERED'), inst.id, Priority.Lifecycle);
        break;
      case IS.TERMINATED:
        this.retire(inst, atMs);
        break;
    }
  }

  /** Launches or terminates instances toward group `g`'s desired capacity. */
  reconcile(g: number): void {
    const world = this.world;
    const asg = world.asgs[g]!;
    const live = asg.instances.filter((id) => {
      const s = world.instances.get(id)!.status;
      return s !== IS.DEREGISTERING && !world.drainingToTerminate.has(id);
    });
    if (live.length < asg.desired) {
      for (let i = live.length; i < asg.desired; i++) this.launch(g, false);
    } else if (live.length > asg.desired) {
      const protect = asg.config.managedScaling?.managedTerminationProtection === true;
      const victims = chooseToTerminate(world, live, live.length - asg.desired, protect);
      for (const inst of victims) {
        if (inst.tasks.length === 0) this.terminate(inst, world.engine.nowMs, false);
        else {
          world.drainingToTerminate.add(inst.id);
          this.drain(inst, world.engine.nowMs);
        }
      }
    }
  }

  /** No new tasks; service tasks on it stop and the schedulers replace them elsewhere. */
  drain(inst: ContainerInstance, atMs: number): void {
    if (inst.status === IS.ACTIVE) this.apply(inst, 'DRAIN', atMs);
    for (const id of [...inst.tasks]) {
      const task = this.world.tasks.get(id);
      if (task !== undefined && task.status <= TS.RUNNING) this.taskRunner.stop(task, atMs);
    }
  }

  /** Terminates an instance; with `killTasks` its tasks die at once, with the requests they hold. */
  terminate(inst: ContainerInstance, atMs: number, killTasks: boolean): void {
    this.world.drainingToTerminate.delete(inst.id);
    if (killTasks) {
      // Reclaimed with tasks still on it: they die at once, with the requests they hold.
      for (const id of [...inst.tasks]) {
        const task = this.world.tasks.get(id);
        if (task !== undefined) this.taskRunner.kill(task, atMs);
      }
    }
    this.apply(inst, 'TERMINATE', atMs);
  }

  /** The two-minute warning reached a Spot instance (by id): it drains and is reclaimed `warningMs` later. */
  warnSpot(instanceId: number, atMs: number): void {
    const world = this.world;
    const inst = world.instances.get(instanceId);
    if (inst !== undefined && (inst.status === IS.ACTIVE || inst.status === IS.REGISTERING || inst.status === IS.LAUNCHING)) {
      world.observer?.spotInstanceWarned?.(inst.id, atMs);
      this.drain(inst, atMs);
      world.engine.at(atMs + world.spot.warningMs, world.name, K_SPOT_RECLAIM, inst.id, Priority.Lifecycle);
    }
  }

  /** A warned Spot instance (by id) is reclaimed with whatever still runs on it. */
  reclaimSpot(instanceId: number, atMs: number): void {
    const inst = this.world.instances.get(instanceId);
    if (inst !== undefined) this.terminate(inst, atMs, true);
  }

  private retire(inst: ContainerInstance, atMs: number): void {
    const world = this.world;
    const asg = world.asgs.find((a) => a.config.logicalId === inst.asg)!;
    // An instance terminated before it reached `running` is not billed.
    if (inst.billStartMs >= 0 && atMs > inst.billStartMs) {
      asg.meter.bill(inst.type.name, inst.spot ? 'Spot' : 'OnDemand', inst.billStartMs, atMs, true);
    }
    inst.billStartMs = -1;
    asg.instances.splice(asg.instances.indexOf(inst.id), 1);
    asg.terminations++;
    world.instances.delete(inst.id);
    this.placement.forget(inst.id);
  }
}
