/**
 * Cluster auto scaling: one evaluation of a capacity provider's managed scaling (every minute,
 * fact 17). It counts the instances the provider's tasks need, instances running tasks plus a
 * binpack estimate for the tasks waiting for it, and sets the group's desired capacity
 * (capacityProviderReservation.ts has the formula).
 */
import { managedScalingDesired } from './capacityProviderReservation';
import type { ClusterWorld } from './clusterWorld';
import { IS } from './containerInstanceLifecycle';
import { instancesNeededBinpack } from './placement';
import type { TaskPlacement } from './TaskPlacement';

/** Evaluates group `g`'s capacity provider at `atMs`; a new desired capacity counts as a decision. */
export function evaluateCapacityProvider(world: ClusterWorld, placement: TaskPlacement, g: number, atMs: number): void {
  const asg = world.asgs[g]!;
  const ms = asg.config.managedScaling!;
  const live = asg.instances.map((id) => world.instances.get(id)!).filter((i) => i.status !== IS.DEREGISTERING && !world.drainingToTerminate.has(i.id));
  const empty = live.filter((i) => i.tasks.length === 0 && i.status === IS.ACTIVE).length;
  const pending = world.waiting
    .map((id) => world.tasks.get(id)!)
    .filter((t) => t !== undefined && placement.asgIndexFor(t) === g)
    .map((t) => {
      const td = t.td;
      return { cpuUnits: td.cpuUnits, memoryMiB: td.memoryMiB, awsvpc: td.awsvpc, serviceKey: world.services[t.service]!.logicalId };
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
