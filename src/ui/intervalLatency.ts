/**
 * Latencies of one chart interval: a small log-bucketed histogram (5 % wide buckets from 10 µs to
 * about 17 minutes) that the app fills from the models' latency recorders and resets every
 * sample, so the charts show the percentiles of each interval rather than since the start.
 */
const LOWEST_MS = 0.01;
const GROWTH = 1.05;
const BUCKETS = 380;
const LOG_GROWTH = Math.log(GROWTH);

export class IntervalLatency {
  private readonly counts = new Float64Array(BUCKETS);
  count = 0;
  sumMs = 0;

  record(ms: number, count = 1): void {
    const b = ms <= LOWEST_MS ? 0 : Math.min(BUCKETS - 1, Math.floor(Math.log(ms / LOWEST_MS) / LOG_GROWTH));
    this.counts[b]! += count;
    this.count += count;
    this.sumMs += ms * count;
  }

  /** The upper edge of the bucket holding the p-th percentile, ms; NaN when empty. */
  percentile(p: number): number {
    if (this.count === 0) return Number.NaN;
    const rank = Math.max(1, Math.ceil((p / 100) * this.count));
    let seen = 0;
    for (let b = 0; b < BUCKETS; b++) {
      seen += this.counts[b]!;
      if (seen >= rank) return LOWEST_MS * GROWTH ** (b + 1);
    }
    return LOWEST_MS * GROWTH ** BUCKETS;
  }

  get meanMs(): number {
    return this.count > 0 ? this.sumMs / this.count : Number.NaN;
  }

  reset(): void {
    this.counts.fill(0);
    this.count = 0;
    this.sumMs = 0;
  }
}
