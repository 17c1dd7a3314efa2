/**
 * A metric time series with bounded memory: at most `capacity` buckets. When full, adjacent
 * buckets merge pairwise and the bucket width doubles, so a month at 1 s ticks still fits in a
 * few thousand points. Each bucket keeps the mean and the maximum of what was recorded in it.
 */

export interface SeriesPoint {
  /** Bucket start, seconds since Start. */
  t: number;
  /** Mean of the values recorded in the bucket. */
  mean: number;
  /** Largest value recorded in the bucket. */
  max: number;
}

export interface SeriesState {
  widthMs: number;
  startMs: number;
  n: number;
  sum: number[];
  count: number[];
  max: number[];
}

export class Series {
  private widthMs: number;
  private startMs = 0;
  private n = 0;
  private sum: Float64Array;
  private count: Float64Array;
  private max: Float64Array;

  /**
   * @param name   series name, e.g. `runningTasks`
   * @param unit   unit of the values, e.g. `tasks`, `usdPerHour`, `ms`
   * @param widthMs initial bucket width (usually the tick)
   * @param capacity most buckets kept (even, at least 2)
   */
  constructor(
    readonly name: string,
    readonly unit: string,
    widthMs: number,
    readonly capacity = 2048,
  ) {
    if (capacity < 2 || capacity % 2 !== 0) throw new RangeError('series capacity must be an even number ≥ 2');
    this.widthMs = widthMs;
    this.sum = new Float64Array(capacity);
    this.count = new Float64Array(capacity);
    this.max = new Float64Array(capacity);
  }

  /** Records `value` at simulated time `atMs` (non-decreasing across calls). */
  record(atMs: number, value: number): void {
    let i = Math.floor((atMs - this.startMs) / this.widthMs);
    while (i >= this.capacity) {
      this.compact();
      i = Math.floor((atMs - this.startMs) / this.widthMs);
    }
    if (i < 0) i = 0;
    if (i >= this.n) {
      for (let j = this.n; j <= i; j++) {
        this.sum[j] = 0;
        this.count[j] = 0;
        this.max[j] = Number.NEGATIVE_INFINITY;
      }
      this.n = i + 1;
    }
    this.sum[i]! += value;
    this.count[i]! += 1;
    if (value > this.max[i]!) this.max[i] = value;
  }

  /** Bucket width now in ms. */
  get bucketMs(): number {
    return this.widthMs;
  }

  /** The recorded buckets (empty buckets omitted). */
  points(): SeriesPoint[] {
    const out: SeriesPoint[] = [];
    for (let i = 0; i < this.n; i++) {
      const c = this.count[i]!;
      if (c === 0) continue;
      out.push({ t: (this.startMs + i * this.widthMs) / 1000, mean: this.sum[i]! / c, max: this.max[i]! });
    }
    return out;
  }

  checkpoint(): SeriesState {
    return {
      widthMs: this.widthMs,
      startMs: this.startMs,
      n: this.n,
      sum: Array.from(this.sum.subarray(0, this.n)),
      count: Array.from(this.count.subarray(0, this.n)),
      max: Array.from(this.max.subarray(0, this.n), (v) => (Number.isFinite(v) ? v : -1e308)),
    };
  }

  restore(s: SeriesState): void {
    this.widthMs = s.widthMs;
    this.startMs = s.startMs;
    this.n = s.n;
    this.sum.fill(0);
    this.count.fill(0);
    this.max.fill(Number.NEGATIVE_INFINITY);
    this.sum.set(s.sum);
    this.count.set(s.count);
    this.max.set(s.max.map((v) => (v <= -1e308 ? Number.NEGATIVE_INFINITY : v)));
  }

  private compact(): void {
    const half = this.capacity / 2;
    for (let j = 0; j < half; j++) {
      const a = 2 * j;
      const b = a + 1;
      const inA = a < this.n;
      const inB = b < this.n;
      const s = (inA ? this.sum[a]! : 0) + (inB ? this.sum[b]! : 0);
      const c = (inA ? this.count[a]! : 0) + (inB ? this.count[b]! : 0);
      const m = Math.max(inA ? this.max[a]! : Number.NEGATIVE_INFINITY, inB ? this.max[b]! : Number.NEGATIVE_INFINITY);
      this.sum[j] = s;
      this.count[j] = c;
      this.max[j] = m;
    }
    for (let j = half; j < this.capacity; j++) {
      this.sum[j] = 0;
      this.count[j] = 0;
      this.max[j] = Number.NEGATIVE_INFINITY;
    }
    this.n = Math.ceil(this.n / 2);
    this.widthMs *= 2;
  }
}
