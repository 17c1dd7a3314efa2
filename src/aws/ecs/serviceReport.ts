/** The report section of an ECS service: its bill and its metrics (docs/models/ecs-fargate.md). */
import type { PriceTable } from '../../pricing';
import { buildResourceReport, type LatencyHistogram, latencyPercentiles, type ResourceReport } from '../../report';
import type { EcsService } from './EcsService';
import { fargateLineItems, fargateRates } from './fargatePricing';

export function ecsServiceReport(service: EcsService, prices: PriceTable, latency: LatencyHistogram, durationMs: number): ResourceReport {
  const cfg = service.config;
  const c = service.counters;
  const rates = fargateRates(prices.fargate, cfg.cpuArchitecture, cfg.osFamily);
  const served = service.servedTotal();
  const queued = service.queued();
  return buildResourceReport('AWS::ECS::Service', fargateLineItems(service.meter.usage, rates, prices.fargate), {
    launchType: 'FARGATE',
    desiredCount: cfg.desiredCount,
    taskCpuUnits: cfg.cpuUnits,
    taskMemoryMiB: cfg.memoryMiB,
    cpuArchitecture: cfg.cpuArchitecture,
    tasks: {
      launched: c.tasksLaunched,
      stopped: c.tasksStopped,
      peakRunning: c.peakRunning,
      averageRunning: round(c.runningTaskSeconds / (durationMs / 1000), 3),
      billedTaskSeconds: service.meter.usage.taskSeconds,
    },
    requests: { arrived: c.arrived, served, failed: c.failed, queued },
    failures: { noRunningTask: c.failedNoTask, queueFull: c.failedQueueFull },
    latencyMs: latencyPercentiles(latency),
    cpuUtilizationPercent: c.vcpuSeconds > 0 ? round((100 * c.cpuMs) / 1000 / c.vcpuSeconds, 2) : 0,
  });
}

function round(x: number, digits: number): number {
  const k = 10 ** digits;
  return Math.round(x * k) / k;
}
