/**
 * Cluster auto scaling's sizing estimate (fact 21): how many new instances of one type the
 * pending tasks need, packed first-fit decreasing over CPU, memory, network interfaces and
 * static host ports. Tasks larger than the type are not counted: they stay PENDING.
 */
import type { TaskNeeds } from './types';

/** What one new, empty instance of a type offers to tasks. */
export interface InstanceCapacity {
  /** CPU units (1024 per vCPU) registered for tasks. */
  cpuUnits: number;
  /** Memory registered for tasks, MiB. */
  memoryMiB: number;
  /**
   * Network interfaces an empty instance offers `awsvpc` tasks: the type's limit less the
   * primary interface, trunking applied, as `PlacementInstance.eniFree` would show.
   */
  enis: number;
}

export interface BinpackEstimate {
  /** New instances the placeable tasks fill. */
  instances: number;
  /** Tasks no instance of the type could hold, however empty. */
  unplaceable: number;
}

/**
 * First-fit decreasing: tasks in decreasing order of their largest share of an instance (CPU,
 * memory or interface), ties in the given order; each goes into the first instance opened so
 * far that still holds it, else into a new one.
 */
export function instancesNeededBinpack(pending: readonly TaskNeeds[], type: InstanceCapacity): BinpackEstimate {
  const order: number[] = [];
  const share: number[] = [];
  let unplaceable = 0;
  for (let i = 0; i < pending.length; i++) {
    const t = pending[i]!;
    share.push(
      Math.max(ratio(t.cpuUnits, type.cpuUnits), ratio(t.memoryMiB, type.memoryMiB), t.awsvpc ? ratio(1, type.enis) : 0),
    );
    if (t.cpuUnits > type.cpuUnits || t.memoryMiB > type.memoryMiB || (t.awsvpc && type.enis < 1)) unplaceable++;
    else order.push(i);
  }
  order.sort((a, b) => share[b]! - share[a]! || a - b);

  const cpu: number[] = [];
  const mem: number[] = [];
  const eni: number[] = [];
  const ports: (Set<number> | undefined)[] = [];
  for (const i of order) {
    const t = pending[i]!;
    const port = !t.awsvpc && t.hostPort !== undefined && t.hostPort !== 0 ? t.hostPort : undefined;
    let j = 0;
    for (; j < cpu.length; j++) {
      if (cpu[j]! < t.cpuUnits || mem[j]! < t.memoryMiB || (t.awsvpc && eni[j]! < 1)) continue;
      if (port !== undefined && ports[j]?.has(port)) continue;
      break;
    }
    if (j === cpu.length) {
      cpu.push(type.cpuUnits);
      mem.push(type.memoryMiB);
      eni.push(type.enis);
      ports.push(undefined);
    }
    cpu[j]! -= t.cpuUnits;
    mem[j]! -= t.memoryMiB;
    if (t.awsvpc) eni[j]! -= 1;
    if (port !== undefined) {
      const used = ports[j] ?? new Set<number>();
      used.add(port);
      ports[j] = used;
    }
  }
  return { instances: cpu.length, unplaceable };
}

/** need / capacity, as a share; a need the capacity cannot meet counts as more than whole. */
function ratio(need: number, capacity: number): number {
  if (need <= 0) return 0;
  return capacity > 0 ? need / capacity : Number.POSITIVE_INFINITY;
}
