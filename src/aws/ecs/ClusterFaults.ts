/**
 * The scenario's `Faults` as they strike one cluster: instance failures, zone outages and Spot
 * interruptions kill or warn instances and tasks at their `At`, and each leaves a record of what
 * it did and of the requests failed and served in its window (the report's `faults`).
 */
import { Priority } from '../../engine';
import type { FaultSpec } from '../../scenario/types';
import { K_FAULT, K_FAULT_END, K_ZONE_UP } from './clusterEvents';
import type { ClusterWorld } from './clusterWorld';
import type { ContainerInstance } from './clusterTypes';
import { IS } from './containerInstanceLifecycle';
import type { InstanceFleet } from './InstanceFleet';
import type { TaskRunner } from './TaskRunner';

/** How long after a fault its effect on requests is measured when it has no `For`. */
const FAULT_WINDOW_MS = 300_000;

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

export class ClusterFaults {
  private readonly specs: FaultSpec[] = [];
  /** One record per fault that has struck, in order. */
  records: FaultRecord[] = [];

  constructor(
    private readonly world: ClusterWorld,
    private readonly taskRunner: TaskRunner,
    private readonly fleet: InstanceFleet,
  ) {}

  /** Adds a fault that concerns this cluster (before `schedule`). */
  add(f: FaultSpec): void {
    this.specs.push(f);
  }

  /** Schedules each fault's strike at its `At`. */
  schedule(): void {
    const world = this.world;
    for (const [i, f] of this.specs.entries()) world.engine.at(f.At, world.name, K_FAULT, i, Priority.Control);
  }

  /** The window of the fault that made record `index` ends: its request counts are taken. */
  endWindow(index: number): void {
    const r = this.records[index]!;
    const [failed, served] = this.requestTotals();
    r.failedInWindow = failed - r.failedAtStart;
    r.servedInWindow = served - r.servedAtStart;
  }

  /** The outage of fault `index` ends: its zone takes capacity again. */
  zoneUp(index: number): void {
    this.world.zonesDown.delete(this.specs[index]!.Zone!);
  }

  /** Fault `index` strikes: instances or tasks die at once (their requests fail); a zone goes down. */
  strike(index: number, atMs: number): void {
    const world = this.world;
    const f = this.specs[index]!;
    const [failed, served] = this.requestTotals();
    const windowMs = Math.min(f.For ?? FAULT_WINDOW_MS, world.engine.durationMs - atMs);
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
    const recordIndex = this.records.push(record) - 1;
    world.engine.at(atMs + windowMs, world.name, K_FAULT_END, recordIndex, Priority.Control);
    const rng = world.engine.random.stream(`${world.name}:faults`);
    const inZone = (z: string) => f.Zone === undefined || f.Zone === z;
    const asg = world.asgs.find((a) => a.config.logicalId === f.Target);
    const service = world.services.find((x) => x.logicalId === f.Target);
    const liveInstances = (filter: (i: ContainerInstance) => boolean) =>
      [...world.instances.values()].filter((i) => i.status !== IS.DEREGISTERING && i.status !== IS.TERMINATED && filter(i));
    const pick = <T>(list: T[], count: number): T[] => {
      const pool = [...list];
      const out: T[] = [];
      while (out.length < count && pool.length > 0) out.push(pool.splice(Math.floor(rng.next() * pool.length), 1)[0]!);
      return out;
    };
    const killInstance = (inst: ContainerInstance) => {
      record.instancesLost++;
      record.tasksLost += inst.tasks.length;
      this.fleet.terminate(inst, atMs, true);
    };
    switch (f.Kind) {
      case 'az-outage': {
        const zone = f.Zone!;
        world.zonesDown.add(zone);
        for (const inst of liveInstances((i) => i.zone === zone)) killInstance(inst);
        for (const svc of world.services) {
          for (const t of [...svc.tasks]) {
            if (t.kind !== 'EC2' && t.zone === zone) {
              record.tasksLost++;
              this.taskRunner.kill(t, atMs);
            }
          }
        }
        if (f.For !== undefined) world.engine.at(atMs + f.For, world.name, K_ZONE_UP, this.specs.indexOf(f), Priority.Control);
        break;
      }
      case 'instance-failure': {
        if (service?.config.providers.every((p) => p.kind !== 'EC2')) {
          for (const t of pick(service.running.filter((t) => inZone(t.zone)), f.Count)) {
            record.tasksLost++;
            this.taskRunner.kill(t, atMs);
          }
        } else {
          const hosts = liveInstances(
            (i) => inZone(i.zone) && (asg === undefined || i.asg === asg.config.logicalId) && (service === undefined || i.tasks.some((id) => world.tasks.get(id)?.service === service.index)),
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
            this.world.observer?.spotTaskInterrupted?.(t.id, t.service, atMs);
            this.taskRunner.stop(t, atMs);
          }
        }
        const spotHosts = liveInstances((i) => i.spot && inZone(i.zone) && (asg === undefined || i.asg === asg.config.logicalId));
        if (service === undefined || service.config.providers.some((p) => p.kind === 'EC2')) {
          for (const inst of pick(spotHosts, f.Count)) {
            record.instancesLost++;
            this.fleet.warnSpot(inst.id, atMs);
          }
        }
        break;
      }
    }
  }

  /** Requests failed and served so far by the cluster's services. */
  private requestTotals(): [failed: number, served: number] {
    let failed = 0;
    let served = 0;
    for (const s of this.world.services) {
      failed += s.counters.failed;
      served += s.counters.served;
    }
    return [failed, served];
  }
}
