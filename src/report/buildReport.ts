/**
 * Builders for the report model. Each builds its object with keys in the documented order, so
 * the JSON output is byte-for-byte repeatable, and derives the totals (costs from line items,
 * percentiles from a histogram) so callers cannot get them out of step.
 */
import type { LatencyHistogram } from './LatencyHistogram';
import type {
  FaultReport,
  LatencyPercentiles,
  LineItem,
  Report,
  RequestTotals,
  ResourceReport,
  SeriesReport,
  VariantReport,
} from './model';
import { SCHEMA_VERSION } from './model';
import { sumCosts } from './money';

const FIXED_RESOURCE_KEYS = new Set(['type', 'costUsd', 'lineItems']);

/**
 * A resource's report: `costUsd` is the sum of `lineItems`; `metrics` follow, sorted by name.
 * @throws Error if a metric is named `type`, `costUsd` or `lineItems`.
 */
export function buildResourceReport(
  type: string,
  lineItems: LineItem[],
  metrics: Record<string, unknown> = {},
): ResourceReport {
  const out: ResourceReport = { type, costUsd: sumCosts(lineItems), lineItems };
  for (const key of Object.keys(metrics).sort()) {
    if (FIXED_RESOURCE_KEYS.has(key)) throw new Error(`resource metric '${key}' clashes with a report field`);
    out[key] = metrics[key];
  }
  return out;
}

/** p50, p95 and p99 of `latency`, ms; all `null` when it holds no value. */
export function latencyPercentiles(latency: LatencyHistogram | null): LatencyPercentiles {
  if (latency === null || latency.count === 0) return { p50: null, p95: null, p99: null };
  return { p50: latency.percentile(50), p95: latency.percentile(95), p99: latency.percentile(99) };
}

/** A metric series for the report from points `{ t, mean, max }` (t in seconds since the start). */
export function buildSeriesReport(
  unit: string,
  bucketSeconds: number,
  points: Iterable<{ t: number; mean: number; max: number }>,
): SeriesReport {
  const out: SeriesReport['points'] = [];
  for (const p of points) out.push([p.t, p.mean, p.max]);
  return { unit, bucketSeconds, points: out };
}

export interface VariantInput {
  name: string;
  requests: RequestTotals;
  /** Latency of the served requests; `null` (or empty) gives null percentiles. */
  latency: LatencyHistogram | null;
  /** Keyed by logical ID, in the order they should be reported. */
  resources: Record<string, ResourceReport>;
  faults?: FaultReport[];
  series?: Record<string, Record<string, SeriesReport>>;
}

/** A variant's report; `totals.costUsd` is the sum of its resources' costs. */
export function buildVariantReport(input: VariantInput): VariantReport {
  const r = input.requests;
  const out: VariantReport = {
    name: input.name,
    totals: {
      costUsd: sumCosts(Object.values(input.resources)),
      requests: { arrived: r.arrived, served: r.served, failed: r.failed, throttled: r.throttled, queued: r.queued },
      latencyMs: latencyPercentiles(input.latency),
    },
    resources: input.resources,
  };
  if (input.faults !== undefined && input.faults.length > 0) out.faults = input.faults;
  if (input.series !== undefined) out.series = input.series;
  return out;
}

/** The warning for a variant whose request outcomes do not add up to its arrivals, or null. */
export function conservationWarning(variant: VariantReport): string | null {
  const { arrived, served, failed, throttled, queued } = variant.totals.requests;
  if (arrived === served + failed + throttled + queued) return null;
  return (
    `variant '${variant.name}': requests do not add up: arrived ${arrived} ≠ served ${served} + failed ${failed}` +
    ` + throttled ${throttled} + queued ${queued}`
  );
}

export interface ReportInput {
  scenario: string;
  seed: number;
  durationSeconds: number;
  tickSeconds: number;
  region: string;
  warnings: string[];
  variants: VariantReport[];
}

/** The report; adds a warning for each variant whose request outcomes do not add up. */
export function buildReport(input: ReportInput): Report {
  const warnings = [...input.warnings];
  for (const v of input.variants) {
    const w = conservationWarning(v);
    if (w !== null) warnings.push(w);
  }
  return {
    schemaVersion: SCHEMA_VERSION,
    scenario: input.scenario,
    seed: input.seed,
    durationSeconds: input.durationSeconds,
    tickSeconds: input.tickSeconds,
    region: input.region,
    warnings,
    variants: input.variants,
  };
}
