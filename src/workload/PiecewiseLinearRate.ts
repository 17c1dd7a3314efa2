/**
 * A rate that is linear between breakpoints and constant outside them: the shape of the constant,
 * ramp, steps, spike and trace patterns. Lookups are a binary search over the breakpoints and the
 * integral is exact (trapezoids), so a trace of a million rows costs O(log n) per tick.
 */
import type { RateCurve } from './RateCurve';

export class PiecewiseLinearRate implements RateCurve {
  private readonly breaksMs: Float64Array;
  private readonly startRate: Float64Array;
  private readonly endRate: Float64Array;
  /** cumulative[k] = expected arrivals over segments 0..k-1, i.e. from breaksMs[0] to breaksMs[k]. */
  private readonly cumulative: Float64Array;
  private readonly last: number;

  /**
   * @param breaksMs   n + 1 non-decreasing breakpoints, ms since Start (n ≥ 0 segments)
   * @param startRates n rates (requests/s) at the start of each segment [breaksMs[k], breaksMs[k+1])
   * @param endRates   n rates (requests/s) approached at the end of each segment
   * @param beforeRate rate before breaksMs[0], requests/s
   * @param afterRate  rate from breaksMs[n] on, requests/s
   */
  constructor(
    breaksMs: readonly number[],
    startRates: readonly number[],
    endRates: readonly number[],
    private readonly beforeRate: number,
    private readonly afterRate: number,
  ) {
    const n = breaksMs.length - 1;
    if (n < 0) throw new RangeError('a piecewise-linear rate needs at least one breakpoint');
    if (startRates.length !== n || endRates.length !== n) {
      throw new RangeError(`expected ${n} segment rates, got ${startRates.length} and ${endRates.length}`);
    }
    for (let k = 0; k <= n; k++) {
      if (!Number.isFinite(breaksMs[k]!)) throw new RangeError(`breakpoint ${k} is not a finite time: ${breaksMs[k]}`);
      if (k > 0 && breaksMs[k]! < breaksMs[k - 1]!) {
        throw new RangeError(`breakpoints must not decrease: ${breaksMs[k - 1]} ms then ${breaksMs[k]} ms`);
      }
    }
    this.breaksMs = Float64Array.from(breaksMs);
    this.startRate = Float64Array.from(startRates);
    this.endRate = Float64Array.from(endRates);
    this.cumulative = new Float64Array(n + 1);
    for (let k = 0; k < n; k++) {
      const lengthMs = this.breaksMs[k + 1]! - this.breaksMs[k]!;
      this.cumulative[k + 1] = this.cumulative[k]! + (lengthMs * (this.startRate[k]! + this.endRate[k]!)) / 2000;
    }
    this.last = n;
  }

  rateAt(tMs: number): number {
    return this.rateIn(this.pieceOf(tMs), tMs);
  }

  expectedArrivals(fromMs: number, toMs: number): number {
    if (!(toMs > fromMs)) return 0;
    const a = this.pieceOf(fromMs);
    const b = this.pieceOf(toMs);
    if (a === b) return this.area(a, fromMs, toMs);
    // a < b: the rest of a's piece, whole segments a+1..b-1, then b's piece up to toMs.
    return (
      this.area(a, fromMs, this.breaksMs[a + 1]!) +
      (this.cumulative[b]! - this.cumulative[a + 1]!) +
      this.area(b, this.breaksMs[b]!, toMs)
    );
  }

  /** -1 before the first breakpoint, `last` from the last one on, else the segment k with breaks[k] ≤ t < breaks[k+1]. */
  private pieceOf(tMs: number): number {
    const br = this.breaksMs;
    if (tMs < br[0]!) return -1;
    if (tMs >= br[this.last]!) return this.last;
    // Largest k in [0, last) with br[k] ≤ t: skips zero-length segments, which never contain t.
    let lo = 0;
    let hi = this.last - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (br[mid]! <= tMs) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  private rateIn(piece: number, tMs: number): number {
    if (piece < 0) return this.beforeRate;
    if (piece >= this.last) return this.afterRate;
    const s = this.breaksMs[piece]!;
    const r0 = this.startRate[piece]!;
    const r1 = this.endRate[piece]!;
    if (r0 === r1) return r0;
    return r0 + ((r1 - r0) * (tMs - s)) / (this.breaksMs[piece + 1]! - s);
  }

  /** Expected arrivals over [fromMs, toMs), both inside `piece`. */
  private area(piece: number, fromMs: number, toMs: number): number {
    return ((toMs - fromMs) * (this.rateIn(piece, fromMs) + this.rateIn(piece, toMs))) / 2000;
  }
}
