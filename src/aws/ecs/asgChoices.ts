/**
 * The choices EC2 Auto Scaling makes for a group: the zone and purchase option of the next
 * instance, and which instances go on scale-in. Pure: they read the group and the instances.
 */
import type { AsgState } from './asgState';
import type { ClusterWorld } from './clusterWorld';
import type { ContainerInstance } from './clusterTypes';

/** The zone with the fewest of the group's instances (first in list order on ties), as EC2 Auto Scaling balances; zones in an outage only when all are. */
export function zoneForLaunch(world: ClusterWorld, asg: AsgState): string {
  const up = asg.config.zones.filter((z) => !world.zonesDown.has(z));
  const zones = up.length > 0 ? up : asg.config.zones;
  let best = zones[0]!;
  let bestCount = Number.POSITIVE_INFINITY;
  for (const z of zones) {
    let n = 0;
    for (const id of asg.instances) if (world.instances.get(id)!.zone === z) n++;
    if (n < bestCount) {
      bestCount = n;
      best = z;
    }
  }
  return best;
}

/** Whether the next instance is Spot: On-Demand until the base is met, then the On-Demand percentage of the rest. */
export function spotForLaunch(world: ClusterWorld, asg: AsgState): boolean {
  const cfg = asg.config;
  if (cfg.allSpot) return true;
  let onDemand = 0;
  let spot = 0;
  for (const id of asg.instances) {
    if (world.instances.get(id)!.spot) spot++;
    else onDemand++;
  }
  if (onDemand < cfg.onDemandBaseCapacity) return false;
  const above = onDemand - cfg.onDemandBaseCapacity;
  const total = above + spot + 1;
  return (above + 1) / total > cfg.onDemandPercentageAboveBase / 100 + 1e-9;
}

/** Scale-in victims among `live` (instance ids): empty instances first, then the zone with the most instances, then the oldest. */
export function chooseToTerminate(world: ClusterWorld, live: number[], count: number, onlyEmpty: boolean): ContainerInstance[] {
  const insts = live.map((id) => world.instances.get(id)!).filter((i) => !onlyEmpty || i.tasks.length === 0);
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
