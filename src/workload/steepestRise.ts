/**
 * The steepest rise of a workload's rate: where the offered load climbs fastest, the moment a
 * comparison asks "how long did each variant take to absorb it?".
 */
import { compilePattern } from './compilePattern';
import type { ArrivalPattern } from './types';

export interface Rise {
  /** Start of the rise, ms since Start. */
  atMs: number;
  /** Rate before and after it, requests per second. */
  fromRate: number;
  toRate: number;
}

/**
 * The window of `windowMs` (default 60 s) with the largest increase of the rate, scanned every
 * `stepMs` (default 10 s) over [0, durationMs); null when the rate never rises.
 */
export function steepestRise(pattern: ArrivalPattern, durationMs: number, startMs: number, windowMs = 60_000, stepMs = 10_000): Rise | null {
  const curve = compilePattern(pattern, { startMs });
  let best: Rise | null = null;
  for (let t = 0; t + windowMs <= durationMs; t += stepMs) {
    const from = curve.rateAt(t);
    const to = curve.rateAt(t + windowMs);
    if (to > from && (best === null || to - from > best.toRate - best.fromRate)) best = { atMs: t, fromRate: from, toRate: to };
  }
  return best;
}

/**
 * Seconds from `riseAtS` until the service absorbed the rise: the first moment from which, for
 * `holdS` seconds, no request failed and the mean latency stayed within `factor` × its mean over
 * the 5 minutes before the rise. Series points are `[t, mean]` per bucket; null when never.
 */
export function absorbSeconds(
  latency: readonly { t: number; mean: number }[],
  failures: readonly { t: number; mean: number }[],
  riseAtS: number,
  bucketS: number,
  holdS = 60,
  factor = 1.5,
): number | null {
  const before = latency.filter((p) => p.t >= riseAtS - 300 && p.t < riseAtS);
  if (before.length === 0) return null;
  const baseline = before.reduce((a, p) => a + p.mean, 0) / before.length;
  const failedAt = new Map(failures.map((p) => [p.t, p.mean]));
  let okSince: number | null = null;
  for (const p of latency) {
    if (p.t < riseAtS) continue;
    const ok = p.mean <= factor * baseline && (failedAt.get(p.t) ?? 0) === 0;
    if (!ok) okSince = null;
    else if (okSince === null) okSince = p.t;
    if (okSince !== null && p.t + bucketS - okSince >= holdS) return Math.max(0, okSince - riseAtS);
  }
  return null;
}
