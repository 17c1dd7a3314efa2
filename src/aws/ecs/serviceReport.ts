/** The report section of an ECS service: its Fargate bill and its metrics (docs/models/ecs.md). */
import type { PriceTable } from '../../pricing';
import { buildResourceReport, type LatencyHistogram, type LineItem, latencyPercentiles, type ResourceReport } from '../../report';
import { fargateLineItems, fargateRates } from './fargatePricing';
import type { ServiceModel } from './ServiceModel';

export interface FargateDiscounts {
  /** Fraction off the Fargate price for FARGATE_SPOT tasks (Settings.Spot.FargateDiscount). */
  spotDiscount: number;
  /** Percent off On-Demand Fargate from a Savings Plan (Pricing.SavingsPlan.Fargate). */
  savingsPlanPercent: number;
}

export function ecsServiceReport(
  service: ServiceModel,
  queued: number,
  prices: PriceTable,
  discounts: FargateDiscounts,
  latency: LatencyHistogram,
  durationMs: number,
): ResourceReport {
  const cfg = service.config;
  const td = cfg.taskDef;
  const c = service.counters;
  const items: LineItem[] = [];
  const several = service.meters.size > 1 && service.taskDefs.size > 1;
  for (const [key, meter] of service.meters) {
    if (meter.usage.tasks === 0) continue;
    const [tdId, kind] = key.split('|') as [string, string];
    const mtd = service.taskDefs.get(tdId)!;
    const rates = fargateRates(prices.fargate, mtd.cpuArchitecture, mtd.osFamily);
    const spot = kind === 'FARGATE_SPOT';
    const labels = [spot ? 'Spot' : discounts.savingsPlanPercent > 0 ? `Savings Plan ${discounts.savingsPlanPercent} %` : '', several ? tdId : ''].filter(Boolean);
    items.push(
      ...fargateLineItems(meter.usage, rates, prices.fargate, {
        discountPercent: spot ? discounts.spotDiscount * 100 : discounts.savingsPlanPercent,
        label: labels.length > 0 ? labels.join(', ') : undefined,
      }),
    );
  }
  const kinds = [...new Set(cfg.providers.map((p) => p.kind))];
  return buildResourceReport('AWS::ECS::Service', items, {
    launchType: kinds.length === 1 ? kinds[0] : 'MIXED',
    capacityProviders: cfg.providers.map((p) => p.name),
    desiredCount: cfg.desiredCount,
    finalDesiredCount: service.desiredCount,
    taskCpuUnits: td.cpuUnits,
    taskMemoryMiB: td.memoryMiB,
    cpuArchitecture: td.cpuArchitecture,
    peakRunningTasks: c.peakRunning,
    averageRunningTasks: round(c.runningTaskSeconds / (durationMs / 1000), 3),
    tasksStarted: c.tasksStarted,
    tasksStopped: c.tasksStopped,
    tasksWaitingForCapacity: c.tasksWaitingForCapacity,
    peakTasksWaitingForCapacity: c.peakTasksWaiting,
    spotInterruptions: c.spotInterruptions,
    averageCpuUtilization: c.vcpuSeconds > 0 ? round((100 * c.cpuMs) / 1000 / c.vcpuSeconds, 2) : 0,
    requests: { arrived: c.arrived, served: c.served, failed: c.failed, queued },
    failures: {
      noRunningTask: c.failedNoTask,
      queueFull: c.failedQueueFull,
      taskStopped: c.failedTaskStopped,
      ...(service.db !== undefined ? { database: c.failedDb } : {}),
    },
    latencyMs: latencyPercentiles(latency),
  });
}

function round(x: number, digits: number): number {
  const k = 10 ** digits;
  return Math.round(x * k) / k;
}
