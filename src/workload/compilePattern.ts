/**
 * Turns an arrival pattern from the scenario into a `RateCurve`, and the one-off helpers `rateAt`
 * and `expectedArrivals` built on it. Rates are requests per second; times are ms since Start.
 */
import { DiurnalRate } from './DiurnalRate';
import { PiecewiseLinearRate } from './PiecewiseLinearRate';
import type { RateCurve } from './RateCurve';
import type { ArrivalPattern } from './types';

/** Length of a trace's last row, ms: the file gives no end time for it. */
export const TRACE_LAST_ROW_MS = 1000;

export interface PatternOptions {
  /** Epoch ms (UTC) of the scenario's Start; only `diurnal` depends on it. Default 0 (midnight UTC). */
  startMs?: number;
}

/**
 * Compiles `pattern` once for repeated, allocation-free lookups. Throws a RangeError for shapes
 * the scenario validator should have rejected (negative durations, trace times not increasing,
 * trace columns of different lengths).
 */
export function compilePattern(pattern: ArrivalPattern, opts: PatternOptions = {}): RateCurve {
  switch (pattern.Pattern) {
    case 'constant':
      return new PiecewiseLinearRate([0], [], [], pattern.Rate, pattern.Rate);
    case 'ramp': {
      const { From, To, At, Over } = pattern;
      nonNegative('ramp Over', Over);
      return new PiecewiseLinearRate([At, At + Over], [From], [To], From, To);
    }
    case 'steps': {
      // Stable sort: of two steps at the same instant the later-listed one wins, as a list reads.
      const steps = pattern.Steps.map((s, i) => ({ ...s, i })).sort((a, b) => a.At - b.At || a.i - b.i);
      if (steps.length === 0) return new PiecewiseLinearRate([0], [], [], 0, 0);
      const rates = steps.slice(0, -1).map((s) => s.Rate);
      return new PiecewiseLinearRate(
        steps.map((s) => s.At),
        rates,
        rates,
        0,
        steps[steps.length - 1]!.Rate,
      );
    }
    case 'diurnal':
      return new DiurnalRate(pattern.Trough, pattern.Peak, pattern.PeakAt, opts.startMs ?? 0);
    case 'spike': {
      const { Base, Peak, At, RampUp, Hold, RampDown } = pattern;
      nonNegative('spike RampUp', RampUp);
      nonNegative('spike Hold', Hold);
      nonNegative('spike RampDown', RampDown);
      const top = At + RampUp;
      const down = top + Hold;
      return new PiecewiseLinearRate([At, top, down, down + RampDown], [Base, Peak, Peak], [Peak, Peak, Base], Base, Base);
    }
    case 'trace':
      return compileTrace(pattern.TimesMs, pattern.Counts, pattern.File);
  }
}

/** Rate of `pattern` at `tMs`, requests/s. Compiles the pattern on each call: hot loops use `compilePattern`. */
export function rateAt(pattern: ArrivalPattern, tMs: number, opts: PatternOptions = {}): number {
  return compilePattern(pattern, opts).rateAt(tMs);
}

/** Expected arrivals in [fromMs, toMs), the exact integral of the rate. Compiles on each call. */
export function expectedArrivals(
  pattern: ArrivalPattern,
  fromMs: number,
  toMs: number,
  opts: PatternOptions = {},
): number {
  return compilePattern(pattern, opts).expectedArrivals(fromMs, toMs);
}

function compileTrace(timesMs: readonly number[], counts: readonly number[], file: string): RateCurve {
  if (timesMs.length !== counts.length) {
    throw new RangeError(`trace ${file}: ${timesMs.length} times but ${counts.length} counts`);
  }
  const m = timesMs.length;
  if (m === 0) return new PiecewiseLinearRate([0], [], [], 0, 0);
  const breaks = new Array<number>(m + 1);
  const rates = new Array<number>(m);
  for (let i = 0; i < m; i++) {
    const t = timesMs[i]!;
    const next = i + 1 < m ? timesMs[i + 1]! : t + TRACE_LAST_ROW_MS;
    if (!(next > t)) {
      throw new RangeError(`trace ${file}: times must increase, row ${i + 2} (${next} ms) follows row ${i + 1} (${t} ms)`);
    }
    breaks[i] = t;
    rates[i] = (counts[i]! * 1000) / (next - t);
  }
  breaks[m] = timesMs[m - 1]! + TRACE_LAST_ROW_MS;
  return new PiecewiseLinearRate(breaks, rates, rates, 0, 0);
}

function nonNegative(what: string, ms: number): void {
  if (!(ms >= 0)) throw new RangeError(`${what} must be a duration ≥ 0 ms, got ${ms}`);
}
