/**
 * Where a cluster's tasks go: the capacity provider of a new task (bases, then weights), a place
 * to start (a Fargate launch token and zone, or an ACTIVE instance chosen by the service's
 * placer), and the placement views the placers read, made once per instance.
 */
import type { RandomStream } from '../../engine';
import type { ClusterWorld } from './clusterWorld';
import type { ContainerInstance, ProviderItem, Task } from './clusterTypes';
import { IS } from './containerInstanceLifecycle';
import type { PlacementConstraint, PlacementInstance, PlacementStrategy, Placer } from './placement';
import { createPlacer, DEFAULT_SERVICE_STRATEGY } from './placement';
import { PsServer } from './PsServer';
import type { ServiceModel } from './ServiceModel';

export class TaskPlacement {
  /** One placer per service, by service index. */
  private readonly placers: Placer[] = [];
  /** Placement views by instance id; a view reads its instance live, so it is made once. */
  private readonly views = new Map<number, PlacementInstance>();

  constructor(private readonly world: ClusterWorld) {}

  /** Makes the placer of the next service (services are added in index order). */
  addService(service: ServiceModel, placementRandom: RandomStream): void {
    const cfg = service.config;
    const strategies = (cfg.strategies.length > 0 ? cfg.strategies : DEFAULT_SERVICE_STRATEGY) as readonly PlacementStrategy[];
    this.placers.push(createPlacer(strategies, cfg.constraints as PlacementConstraint[], placementRandom));
  }

  /** Base first, then by weight: the provider whose share is furthest below its weight. */
  chooseProvider(service: ServiceModel): ProviderItem {
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
    return items[Math.max(best, 0)]!;
  }

  /** Takes what a task needs to start: a Fargate launch token, or a place on an instance. False when there is none now. */
  acquire(task: Task, atStart: boolean): boolean {
    const world = this.world;
    const service = world.services[task.service]!;
    if (task.kind !== 'EC2') {
      if (!atStart && world.quotas.fargateBucket.take(world.engine.nowMs, 1) === 0) return false;
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
    const inst = world.instances.get(candidates.find((v) => v.index === chosen)!.index)!;
    this.placeOn(task, inst);
    return true;
  }

  /** The RUNNING task of a service that its placement strategy's scale-in rule stops first (a task id). */
  chooseToStop(service: ServiceModel): number {
    const candidates = service.running.map((t) => ({
      taskIndex: t.id,
      instance: t.instance >= 0 ? this.viewOf(this.world.instances.get(t.instance)!) : this.fargateView(t),
    }));
    return this.placers[service.index]!.chooseToStop(service.logicalId, candidates);
  }

  /** Index of the Auto Scaling group behind the task's capacity provider; -1 for a launch type or Fargate. */
  asgIndexFor(task: Task): number {
    const service = this.world.services[task.service]!;
    const item = service.config.providers.find((p) => p.name === task.provider);
    if (item?.asg !== undefined) return this.world.asgs.findIndex((a) => a.config.logicalId === item.asg);
    return -1;
  }

  /** Drops the view of a terminated instance. */
  forget(instanceId: number): void {
    this.views.delete(instanceId);
  }

  /** Drops every view (before a restore replaces the instances). */
  forgetAll(): void {
    this.views.clear();
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

  /** Fargate spreads a service's tasks across its zones (fact 15): the zone with the fewest of them. */
  private fargateZone(service: ServiceModel): string {
    const zones = this.world.zones.filter((z) => !this.world.zonesDown.has(z));
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

  /** Placement views of the ACTIVE instances of group `asgIndex` (all groups when -1). */
  private placementViews(asgIndex: number): PlacementInstance[] {
    const out: PlacementInstance[] = [];
    const asgs = this.world.asgs;
    for (let g = 0; g < asgs.length; g++) {
      if (asgIndex >= 0 && g !== asgIndex) continue;
      for (const id of asgs[g]!.instances) {
        const inst = this.world.instances.get(id)!;
        if (inst.status === IS.ACTIVE) out.push(this.viewOf(inst));
      }
    }
    return out;
  }

  private viewOf(inst: ContainerInstance): PlacementInstance {
    let v = this.views.get(inst.id);
    if (v === undefined) {
      const tasks = this.world.tasks;
      const services = this.world.services;
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

  /** A Fargate task as the placers see it: its own one-task host. */
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
}
