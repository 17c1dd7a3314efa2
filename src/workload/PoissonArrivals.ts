/**
 * Random arrivals: the tick's count is Poisson with the tick's expected arrivals, and the times
 * are independent and uniform within the tick (a Poisson process with the rate averaged over the
 * tick). Draws come from the workload's own stream.
 */
import type { RandomStream } from '../engine/RandomStreams';
import type { ArrivalProcess } from './ArrivalProcess';
import { fillSortedUniforms } from './fillSortedUniforms';
import { samplePoisson } from './samplePoisson';

export class PoissonArrivals implements ArrivalProcess {
  carry = 0;

  constructor(private readonly stream: RandomStream) {}

  count(expected: number): number {
    return samplePoisson(expected, this.stream);
  }

  place(out: Float64Array, n: number, tickMs: number): void {
    fillSortedUniforms(out, n, tickMs, this.stream);
  }
}
