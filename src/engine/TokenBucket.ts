/**
 * A token bucket on the simulated clock: AWS's launch quotas (the Fargate launch bucket per
 * account and Region, the service scheduler's tasks per minute). Refills continuously up to
 * `burst`.
 */

export interface TokenBucketState {
  tokens: number;
  lastMs: number;
}

export class TokenBucket {
  private tokens: number;
  private lastMs = 0;

  /**
   * @param burst           most tokens held (and held at the start)
   * @param refillPerSecond tokens added per second
   */
  constructor(
    readonly burst: number,
    readonly refillPerSecond: number,
  ) {
    this.tokens = burst;
  }

  /** Takes up to `want` whole tokens at `nowMs`; returns how many were granted. */
  take(nowMs: number, want: number): number {
    this.refill(nowMs);
    const granted = Math.max(0, Math.min(want, Math.floor(this.tokens + 1e-9)));
    this.tokens -= granted;
    return granted;
  }

  /** Whole tokens available at `nowMs`. */
  available(nowMs: number): number {
    this.refill(nowMs);
    return Math.floor(this.tokens + 1e-9);
  }

  checkpoint(): TokenBucketState {
    return { tokens: this.tokens, lastMs: this.lastMs };
  }

  restore(s: TokenBucketState): void {
    this.tokens = s.tokens;
    this.lastMs = s.lastMs;
  }

  private refill(nowMs: number): void {
    if (nowMs > this.lastMs) {
      this.tokens = Math.min(this.burst, this.tokens + ((nowMs - this.lastMs) / 1000) * this.refillPerSecond);
      this.lastMs = nowMs;
    }
  }
}
