/**
 * The per-tick metering of a cluster: closes each service's tick (waiting tasks, requests in
 * flight, mean latency, Fargate cost rate) and accumulates each Auto Scaling group's billed
 * instances, reserved CPU share and cost rate.
 */
import type { ClusterWorld } from './clusterWorld';
import type { ContainerInstance } from './clusterTypes';
import type { ServiceModel } from './ServiceModel';

/** Hourly prices for the cost-rate series, set by the assembly (undefined: no Fargate cost, list instance price). */
export interface CostRates {
  /** Hourly Fargate cost (USD/h) of a service's billed tasks. */
  fargateHourly: ((service: ServiceModel, billing: number, billingSpot: number) => number) | undefined;
  /** Hourly price (USD/h) of an instance after discounts. */
  instanceHourly: ((inst: ContainerInstance) => number) | undefined;
}

/** Tasks waiting per service index, reused every tick (no allocation on the tick path). */
const waitingByService: number[] = [];

/** Meters the tick [tickStartMs, tickStartMs + tickMs); resets the tick's latency sums (`tickLatency`, as RequestDispatcher keeps them). */
export function meterTick(world: ClusterWorld, tickLatency: number[], rates: CostRates, tickStartMs: number, tickMs: number): void {
  const dtS = tickMs / 1000;
  for (let i = 0; i < world.services.length; i++) waitingByService[i] = 0;
  for (const id of world.waiting) {
    const t = world.tasks.get(id);
    if (t !== undefined) waitingByService[t.service]!++;
  }
  for (const service of world.services) {
    const inFlight = service.inFlight;
    const billing = service.billingTasks;
    const billingSpot = service.billingSpotTasks;
    const i = service.index;
    const n = tickLatency[2 * i + 1]!;
    const mean = n > 0 ? tickLatency[2 * i]! / n : Number.NaN;
    tickLatency[2 * i] = 0;
    tickLatency[2 * i + 1] = 0;
    const hourly = rates.fargateHourly?.(service, billing, billingSpot) ?? 0;
    service.closeTick(tickStartMs, tickMs, waitingByService[i]!, inFlight, mean, hourly);
  }
  for (const asg of world.asgs) {
    let count = 0;
    let paid = 0;
    let reserved = 0;
    let hourly = 0;
    for (const id of asg.instances) {
      const inst = world.instances.get(id)!;
      if (inst.billStartMs < 0 || inst.billStartMs > tickStartMs) continue;
      count++;
      paid += inst.type.cpuUnits;
      reserved += inst.type.cpuUnits - inst.cpuFree;
      hourly += rates.instanceHourly?.(inst) ?? inst.type.hourlyUsd;
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
