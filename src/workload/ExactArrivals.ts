/**
 * Deterministic arrivals: the k-th arrival happens when the cumulative expected count, started at
 * ½, reaches the integer k. The fraction not yet delivered carries to the next tick, so after any
 * number of ticks the count is within ½ of the integral of the rate, and a steady rate gives evenly
 * spaced arrivals across tick boundaries (1 request/s on 1 s ticks: one at 500 ms of every tick).
 */
import type { ArrivalProcess } from './ArrivalProcess';
import { nextBelow } from './fillSortedUniforms';

/** Where the cumulative count starts: ½ centres the arrivals (n per tick land at (i + ½)/n of it). */
export const EXACT_INITIAL_CARRY = 0.5;

export class ExactArrivals implements ArrivalProcess {
  carry = EXACT_INITIAL_CARRY;
  private tickCarry = 0;
  private tickExpected = 0;

  count(expected: number): number {
    const c = this.carry;
    const end = c + expected;
    this.tickCarry = c;
    this.tickExpected = expected;
    this.carry = end - Math.floor(end);
    // Arrivals are the integers k with c ≤ k < c + expected; c is in [0, 1), so ceil(c) is 0 or 1.
    return Math.ceil(end) - (c > 0 ? 1 : 0);
  }

  place(out: Float64Array, n: number, tickMs: number): void {
    if (n <= 0) return;
    const c = this.tickCarry;
    const first = c > 0 ? 1 : 0;
    const msPerArrival = tickMs / this.tickExpected;
    // Rounding may carry the last one onto tickMs: it belongs to this tick, so keep it inside.
    const below = nextBelow(tickMs);
    for (let i = 0; i < n; i++) {
      const t = (first + i - c) * msPerArrival;
      out[i] = t < tickMs ? t : below;
    }
  }
}
