/**
 * The bill from an ALB meter's usage: ALB-hours and LCU-hours, priced at report time.
 */
import type { AlbLcuDefinition, AlbPrices } from '../../pricing';
import { type LineItem, lineItem } from '../../report';
import { type AlbTraffic, albLcus } from './albLcus';
import { type AlbTrafficAssumptions, type AlbUsage, HOUR_MS } from './AlbMeter';

const GiB = 1024 ** 3;

/** An hour's traffic (hourly averages) from its request count and the assumptions. */
export function albHourTraffic(requests: number, a: Readonly<AlbTrafficAssumptions>, lcu: Readonly<AlbLcuDefinition>): AlbTraffic {
  const requestsPerSecond = requests / (HOUR_MS / 1000);
  const newConnectionsPerSecond = requestsPerSecond / a.requestsPerConnection;
  return {
    newConnectionsPerSecond,
    activeConnectionsPerMinute: newConnectionsPerSecond * a.connectionSeconds,
    processedGiBPerHour: (requests * (a.requestBytes + a.responseBytes)) / GiB,
    ruleEvaluationsPerSecond: requestsPerSecond * Math.max(0, a.rulesPerRequest - lcu.freeRulesPerRequest),
  };
}

/** LCU-hours of the usage: Σ over billing hours of that hour's LCUs. */
export function albLcuHours(usage: AlbUsage, lcu: Readonly<AlbLcuDefinition>): number {
  let total = 0;
  for (const requests of usage.requestsByHour) {
    if (requests > 0) total += albLcus(albHourTraffic(requests, usage.assumptions, lcu), lcu, usage.assumptions.targets);
  }
  return total;
}

/** Line items: "Application Load Balancer hours" (ALB-hour) and "Application Load Balancer LCUs" (LCU-hour). */
export function albLineItems(usage: AlbUsage, prices: AlbPrices): LineItem[] {
  return [
    lineItem('Application Load Balancer hours', usage.albHours, 'ALB-hour', prices.albHour.usd),
    lineItem('Application Load Balancer LCUs', albLcuHours(usage, prices.lcu), 'LCU-hour', prices.lcuHour.usd),
  ];
}
