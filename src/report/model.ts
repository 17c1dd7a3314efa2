/**
 * The report: what a run produced, per variant, in one versioned shape. This is the users'
 * interface (the JSON output); docs/report.md describes every field. Change a field only with
 * a new `schemaVersion`.
 */

/** The schema version this code writes. */
export const SCHEMA_VERSION = 1;

/** One billed charge: `costUsd` = `quantity` × `unitPriceUsd`, rounded to 1e-9 USD (see `lineItem`). */
export interface LineItem {
  description: string;
  /** Billed usage, in `unit`. */
  quantity: number;
  /** Billing unit, e.g. `vCPU-second`, `GiB-second`, `request`, `instance-hour`. */
  unit: string;
  /** USD per one `unit`. */
  unitPriceUsd: number;
  costUsd: number;
}

/** Requests by final outcome; `arrived` = `served` + `failed` + `throttled` + `queued`. */
export interface RequestTotals {
  arrived: number;
  served: number;
  failed: number;
  throttled: number;
  queued: number;
}

/** Latency percentiles of served requests, ms; `null` when no request was served. */
export interface LatencyPercentiles {
  p50: number | null;
  p95: number | null;
  p99: number | null;
}

/** A metric series, bucketed: each point is `[t, mean, max]`, `t` the bucket start in seconds since the run's start. */
export interface SeriesReport {
  unit: string;
  bucketSeconds: number;
  points: [t: number, mean: number, max: number][];
}

/** One resource's cost and metrics. Fields beyond the first three are metrics of its kind. */
export interface ResourceReport {
  /** CloudFormation resource type, e.g. `AWS::ECS::Service`. */
  type: string;
  /** Sum of `lineItems` costs, USD. */
  costUsd: number;
  lineItems: LineItem[];
  [metric: string]: unknown;
}

/** What one injected fault did (scenario `Faults`). */
export interface FaultReport {
  kind: string;
  /** When it struck, seconds since Start. */
  atSeconds: number;
  /** The Auto Scaling group or service it hit (null for a zone outage). */
  target: string | null;
  zone: string | null;
  instancesLost: number;
  tasksLost: number;
  /** The window measured from the fault: its `For`, else 300 s (cut at the run's end). */
  windowSeconds: number;
  /** Requests that failed / were served in the window. */
  failedRequests: number;
  servedRequests: number;
  /** Mean latency of the cluster's services in the 5 minutes before the fault and in its window, ms (null: none served). */
  latencyMeanMsBefore: number | null;
  latencyMeanMsDuring: number | null;
  /** The cluster's cost rate (tasks and instances) before and during the window, USD per hour. */
  costUsdPerHourBefore: number;
  costUsdPerHourDuring: number;
}

export interface VariantReport {
  /** Variant name; `base` for the scenario as written. */
  name: string;
  totals: {
    /** Sum of the resources' costs, USD. */
    costUsd: number;
    requests: RequestTotals;
    latencyMs: LatencyPercentiles;
  };
  /** Keyed by the resource's logical ID. */
  resources: Record<string, ResourceReport>;
  /** Faults the scenario injected, in the order they struck (absent when none). */
  faults?: FaultReport[];
  /** Keyed by logical ID (or `total`), then by series name. */
  series?: Record<string, Record<string, SeriesReport>>;
}

export interface Report {
  schemaVersion: typeof SCHEMA_VERSION;
  /** The scenario's `Name`. */
  scenario: string;
  seed: number;
  durationSeconds: number;
  tickSeconds: number;
  region: string;
  warnings: string[];
  /** The base variant first, then the others in the scenario's order. */
  variants: VariantReport[];
}
