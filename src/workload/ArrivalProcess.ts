/**
 * How a tick's expected arrivals become arrivals: a count, then the offsets of those arrivals
 * inside the tick. Two steps so the caller can size its buffer between them.
 */
import type { RandomStream } from '../engine/RandomStreams';
import { ExactArrivals } from './ExactArrivals';
import { PoissonArrivals } from './PoissonArrivals';
import type { ArrivalProcessKind } from './types';

export interface ArrivalProcess {
  /** Number of arrivals in a tick that expects `expected` (≥ 0) of them. Call `place` next. */
  count(expected: number): number;
  /** Writes the offsets (ms from tick start) of the `n` arrivals just counted into out[0..n): ascending, in [0, tickMs). */
  place(out: Float64Array, n: number, tickMs: number): void;
  /** Arrivals owed but not yet delivered, in [0, 1) (`exact`); always 0 for `poisson`. Part of the checkpoint. */
  carry: number;
}

/** The process of `kind`; `poisson` draws from `stream`, `exact` draws nothing. */
export function createArrivalProcess(kind: ArrivalProcessKind, stream: RandomStream): ArrivalProcess {
  return kind === 'exact' ? new ExactArrivals() : new PoissonArrivals(stream);
}
