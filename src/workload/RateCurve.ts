/**
 * The compiled form of an arrival pattern: its rate at an instant and its exact integral over an
 * interval. Built once per workload (`compilePattern`) so the per-tick calls allocate nothing.
 */

/** An arrival rate over simulated time. Times are ms since Start; rates are requests per second. */
export interface RateCurve {
  /** Rate at `tMs`, requests per second. */
  rateAt(tMs: number): number;
  /** Expected arrivals in [fromMs, toMs): the exact integral of the rate (0 when toMs ≤ fromMs). */
  expectedArrivals(fromMs: number, toMs: number): number;
}
