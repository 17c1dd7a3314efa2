/**
 * The workload as the scenario layer hands it to the simulator: YAML keys as written, with
 * durations already converted to milliseconds and trace files already read.
 */

/** A distribution of a work size. Values are in the unit of the field that holds it (e.g. ms). */
export type DistSpec =
  | { Dist: 'constant'; Value: number }
  | { Dist: 'exponential'; Mean: number }
  /** Lognormal given its mean and 99th percentile; σ is the smaller root. */
  | { Dist: 'lognormal'; Mean: number; P99: number }
  | { Dist: 'uniform'; Min: number; Max: number };

/** How arrivals are placed: `poisson` draws counts and times; `exact` delivers the rate deterministically. */
export type ArrivalProcessKind = 'poisson' | 'exact';

/** Arrival patterns. Rates are requests per second; times (`At`, `Over`, ...) are ms since Start. */
export type ArrivalPattern =
  | { Pattern: 'constant'; Rate: number }
  | { Pattern: 'ramp'; From: number; To: number; Over: number; At: number }
  | { Pattern: 'steps'; Steps: { At: number; Rate: number }[] }
  /** Cosine between Trough and Peak with a 24 h period, highest at hour `PeakAt` (UTC, 0–24). */
  | { Pattern: 'diurnal'; Trough: number; Peak: number; PeakAt: number }
  | { Pattern: 'spike'; Base: number; Peak: number; At: number; RampUp: number; Hold: number; RampDown: number }
  /** Replay: `count` arrivals in each row's interval [t_i, t_{i+1}); the last row lasts one second. */
  | { Pattern: 'trace'; File: string; TimesMs: number[]; Counts: number[] };

export type ArrivalsSpec = ArrivalPattern & { Process: ArrivalProcessKind };

/** What one request costs its target. Later issues add keys (DbQueries, ...). */
export interface WorkSpec {
  /** CPU time one request needs on a task, ms (services). */
  CpuMs?: DistSpec;
  /** Run time of one request, ms (functions), as measured at `MeasuredAtMemorySize`. */
  DurationMs?: DistSpec;
  /**
   * Lambda: whether the run time is CPU-bound, so it scales with the function's vCPU share
   * (1,769 MB = one vCPU) relative to `MeasuredAtMemorySize`. The loader sets false for Lambda-backed targets when absent.
   */
  CpuBound?: boolean;
  /** Lambda: the memory size, MB, DurationMs was measured at (the loader sets 1769, one vCPU, for Lambda-backed targets when absent). */
  MeasuredAtMemorySize?: number;
  /** Database queries one request makes (draws rounded to whole numbers ≥ 0); absent: no database work. */
  DbQueries?: DistSpec;
  /** Database CPU time one query needs, ms of one vCPU. Set together with `DbQueries`. */
  DbCpuMs?: DistSpec;
}

/** How a Lambda function is invoked: synchronously, or asynchronously through Lambda's event queue. */
export type InvocationType = 'RequestResponse' | 'Event';

/** One load source. */
export interface WorkloadSpec {
  Name: string;
  /** Logical ID of the resource that receives the requests. */
  Target: string;
  Arrivals: ArrivalsSpec;
  Work: WorkSpec;
  /** For a Lambda function, alias or version target: how it is invoked (the loader sets `RequestResponse` when absent). Absent for other targets. */
  InvocationType?: InvocationType;
}
