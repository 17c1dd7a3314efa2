/**
 * The service metrics auto scaling can read, and the predefined target-tracking metric types of
 * an ECS service (aws-facts 27; 20-second variants from the ECS guide, "Faster auto scaling with
 * high-resolution metrics").
 */
import type { Statistic } from './MetricPublisher';

/**
 * What a metric is sampled from each tick: `cpu` and `memory` are the average utilisation % over
 * running tasks (weight: running tasks); `requests` is the count that reached the service (weight:
 * running tasks, so `SumPerMeanWeight` gives requests per target).
 */
export type MetricSource = 'cpu' | 'memory' | 'requests';

export type PredefinedMetricType =
  | 'ECSServiceAverageCPUUtilization'
  | 'ECSServiceAverageMemoryUtilization'
  | 'ECSServiceAverageCPUUtilizationHighResolution'
  | 'ECSServiceAverageMemoryUtilizationHighResolution'
  | 'ALBRequestCountPerTarget';

export interface PredefinedMetric {
  source: MetricSource;
  /** Datapoint period, seconds. */
  periodSeconds: number;
  statistic: Statistic;
  /** Words for decision reasons, e.g. "average CPU". */
  label: string;
  /** Unit appended to values in reasons, e.g. " %". */
  unit: string;
}

export const PREDEFINED_METRICS: Readonly<Record<PredefinedMetricType, PredefinedMetric>> = {
  ECSServiceAverageCPUUtilization: { source: 'cpu', periodSeconds: 60, statistic: 'Average', label: 'average CPU', unit: ' %' },
  ECSServiceAverageMemoryUtilization: {
    source: 'memory',
    periodSeconds: 60,
    statistic: 'Average',
    label: 'average memory',
    unit: ' %',
  },
  ECSServiceAverageCPUUtilizationHighResolution: {
    source: 'cpu',
    periodSeconds: 20,
    statistic: 'Average',
    label: 'average CPU (20 s)',
    unit: ' %',
  },
  ECSServiceAverageMemoryUtilizationHighResolution: {
    source: 'memory',
    periodSeconds: 20,
    statistic: 'Average',
    label: 'average memory (20 s)',
    unit: ' %',
  },
  // Requests per target per minute: the period's requests over the mean running-task count.
  ALBRequestCountPerTarget: {
    source: 'requests',
    periodSeconds: 60,
    statistic: 'SumPerMeanWeight',
    label: 'requests per target',
    unit: '/min',
  },
};

/** CloudWatch metric names a step-scaling alarm can watch, and what each is sampled from. */
export type ServiceMetricName = 'CPUUtilization' | 'MemoryUtilization' | 'RequestCount' | 'RequestCountPerTarget';

export const SERVICE_METRIC_SOURCE: Readonly<Record<ServiceMetricName, MetricSource>> = {
  CPUUtilization: 'cpu',
  MemoryUtilization: 'memory',
  RequestCount: 'requests',
  RequestCountPerTarget: 'requests',
};

/**
 * The statistic to compute for a CloudWatch (metric, statistic) pair: `RequestCountPerTarget`
 * with `Sum` is the period's requests per running task.
 */
export function resolveStatistic(metric: ServiceMetricName, statistic: Statistic): Statistic {
  return metric === 'RequestCountPerTarget' && statistic === 'Sum' ? 'SumPerMeanWeight' : statistic;
}

/** Formats a metric value for reasons: at most one decimal, no trailing ".0". */
export function formatValue(x: number): string {
  const r = Math.round(x * 10) / 10;
  return Number.isInteger(r) ? String(r) : r.toFixed(1);
}
