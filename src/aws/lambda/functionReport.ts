/** The report section of a Lambda function: its bill and its metrics (docs/models/lambda.md). */
import type { LambdaPrices } from '../../pricing';
import { buildResourceReport, type LatencyHistogram, latencyPercentiles, type ResourceReport } from '../../report';
import type { FunctionModel } from './FunctionModel';
import { MB_MS_PER_GB_SECOND } from './LambdaMeter';
import { type LambdaFreeTierLeft, lambdaLineItems } from './lambdaPricing';

export interface FunctionReportOptions {
  freeTier: boolean;
  /** What earlier functions left of the month's free tier (shared by the account's functions). */
  freeTierLeft: LambdaFreeTierLeft;
  savingsPlanPercent: number;
  type: string;
  /** On-demand MB-ms of the account's functions of this architecture reported before this one (the tiers are per account). */
  tierOffsetMbMs?: number;
}

export function functionReport(fn: FunctionModel, prices: LambdaPrices, latency: LatencyHistogram, durationMs: number, o: FunctionReportOptions): ResourceReport {
  const c = fn.counters;
  const u = fn.meter.usage;
  const cfg = fn.config;
  const items = lambdaLineItems(u, prices, {
    freeTier: o.freeTier,
    architecture: cfg.architecture,
    freeTierLeft: o.freeTierLeft,
    savingsPlanPercent: o.savingsPlanPercent,
    tierOffsetMbMs: o.tierOffsetMbMs ?? 0,
  });
  const r3 = (x: number) => Math.round(x * 1000) / 1000;
  return buildResourceReport(o.type, items, {
    memoryMB: cfg.memoryMB,
    architecture: cfg.architecture,
    reservedConcurrency: cfg.reserved ?? null,
    provisionedConcurrency: cfg.provisioned,
    invocations: c.invocations,
    coldStarts: c.coldStarts,
    coldStartRatio: c.invocations > 0 ? Math.round((c.coldStarts / c.invocations) * 1e6) / 1e6 : 0,
    throttles: c.throttles,
    asyncRetries: c.asyncThrottleRetries + c.asyncErrorRetries,
    asyncDropped: c.asyncDropped,
    asyncToDestination: c.asyncToDestination,
    timeouts: c.timeouts,
    ...(fn.hasDatabase ? { dbErrors: c.dbErrors } : {}),
    peakConcurrency: c.peakConcurrency,
    averageConcurrency: r3(c.busyMs / durationMs),
    averageEnvironments: r3(c.environmentMs / durationMs),
    environmentsCreated: c.environmentsCreated,
    ...(cfg.maxLifetimeMs !== Number.POSITIVE_INFINITY ? { environmentsRecycled: c.environmentsRecycled } : {}),
    gbSeconds: r3((u.durationMbMs + u.provisionedDurationMbMs) / MB_MS_PER_GB_SECOND),
    requests: { arrived: c.arrived, served: c.served, failed: c.failed, queued: fn.queued() },
    latencyMs: latencyPercentiles(latency),
  });
}
