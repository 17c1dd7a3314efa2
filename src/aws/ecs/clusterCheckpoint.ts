/**
 * A cluster model's state as JSON-able data, and back: tasks and instances as records (their
 * hosts' servers by state, slots by task id), services, groups with their meters and series,
 * and the lists the collaborators share.
 */
import type { SeriesState } from '../../engine';
import type { Ec2Usage } from '../ec2';
import type { AsgState } from './asgState';
import type { FaultRecord } from './ClusterFaults';
import type { ClusterWorld } from './clusterWorld';
import type { ContainerInstance, Task } from './clusterTypes';
import { PsServer, type PsServerState } from './PsServer';
import type { ServiceModelState } from './ServiceModel';
import { refreshRunning } from './TaskRunner';
import type { TokenBucket, TokenBucketState } from '../../engine';

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

/** The cluster's state; `launchBuckets` by service index, `tickLatency` and `faultRecords` as their owners hold them. */
export function checkpointCluster(world: ClusterWorld, launchBuckets: TokenBucket[], tickLatency: number[], faultRecords: FaultRecord[]): ClusterState {
  return {
    nextTaskId: world.nextTaskId,
    nextInstanceId: world.nextInstanceId,
    tasks: [...world.tasks.values()].map((t) => {
      const { host, td, ...rest } = t;
      return { ...rest, td: td.logicalId, fargateServer: t.kind !== 'EC2' && host !== null ? host.server.checkpoint() : null };
    }),
    instances: [...world.instances.values()].map((i) => {
      const { host, ...rest } = i;
      return { ...rest, tasks: [...i.tasks], images: [...i.images], server: host.server.checkpoint(), slots: host.slots.map((t) => (t === null ? null : t.id)) };
    }),
    services: world.services.map((s, i) => s.checkpoint(launchBuckets[i]!.checkpoint())),
    asgs: world.asgs.map(({ config: _c, series, meter, ...rest }) => ({
      ...rest,
      instances: [...rest.instances],
      usage: structuredClone(meter.usage),
      series: {
        instances: series.instances.checkpoint(),
        reservedCpuShare: series.reservedCpuShare.checkpoint(),
        costRate: series.costRate.checkpoint(),
      },
    })),
    waiting: [...world.waiting],
    tickLatency: [...tickLatency],
    drainingToTerminate: [...world.drainingToTerminate],
    zonesDown: [...world.zonesDown],
    faultRecords: structuredClone(faultRecords),
  };
}

/**
 * Restores the world (entities, services, groups, shared lists) and the services' launch
 * buckets from `s`; the tick's latency sums and the fault records are the caller's to restore.
 */
export function restoreCluster(world: ClusterWorld, s: ClusterState, launchBuckets: TokenBucket[]): void {
  world.nextTaskId = s.nextTaskId;
  world.nextInstanceId = s.nextInstanceId;
  world.tasks.clear();
  world.instances.clear();
  world.services.forEach((svc, i) => {
    svc.restore(s.services[i]!);
    launchBuckets[i]!.restore(s.services[i]!.launchTokens as TokenBucketState);
  });
  world.asgs.forEach((a, i) => {
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
    world.instances.set(inst.id, inst);
  }
  for (const ts of s.tasks) {
    const { fargateServer, td, ...rest } = ts;
    const task: Task = { ...rest, td: world.services[rest.service]!.taskDefs.get(td)!, host: null };
    if (fargateServer !== null) {
      const ps = new PsServer(fargateServer.vcpu, Math.max(16, fargateServer.n));
      ps.restore(fargateServer);
      task.host = { server: ps, slots: [task] };
    } else if (task.instance >= 0) {
      const inst = world.instances.get(task.instance)!;
      task.host = inst.host;
      inst.host.slots[task.slot] = task;
    }
    world.tasks.set(task.id, task);
    world.services[task.service]!.tasks.push(task);
  }
  for (const svc of world.services) {
    svc.tasks.sort((a, b) => a.id - b.id);
    refreshRunning(svc);
    svc.recount();
  }
  world.waiting = [...s.waiting];
  world.drainingToTerminate = new Set(s.drainingToTerminate);
  world.zonesDown = new Set(s.zonesDown);
}
