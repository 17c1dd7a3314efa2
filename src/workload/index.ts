export { type ArrivalProcess, createArrivalProcess } from './ArrivalProcess';
export { compilePattern, expectedArrivals, type PatternOptions, rateAt, TRACE_LAST_ROW_MS } from './compilePattern';
export { createDistribution, type Distribution, lognormalSigma, Z99 } from './createDistribution';
export { DAY_MS, DiurnalRate } from './DiurnalRate';
export { EXACT_INITIAL_CARRY, ExactArrivals } from './ExactArrivals';
export { fillSortedUniforms, nextBelow } from './fillSortedUniforms';
export { normalQuantile, normalQuantiles } from './normalQuantile';
export { PiecewiseLinearRate } from './PiecewiseLinearRate';
export { PoissonArrivals } from './PoissonArrivals';
export type { RateCurve } from './RateCurve';
export { logFactorial, PTRS_FROM_MEAN, samplePoisson } from './samplePoisson';
export type {
  ArrivalPattern,
  ArrivalProcessKind,
  ArrivalsSpec,
  DistSpec,
  WorkloadSpec,
  WorkSpec,
} from './types';
export {
  type ArrivalBatch,
  type ArrivalSink,
  WORK_KEYS,
  type WorkKey,
  WorkloadSource,
  type WorkloadSourceOptions,
  type WorkloadSourceState,
} from './WorkloadSource';
export { absorbSeconds, type Rise, steepestRise } from './steepestRise';
