export { MEASURED_INIT_DURATIONS, MEASURED_RUNTIME_FOR, type MeasuredInitDuration } from './data/initDurations';
export {
  ARM_OVER_X86_INIT,
  defaultInitDuration,
  FALLBACK_INIT_RUNTIME,
  IMAGE_OVER_ZIP_INIT,
  initDurationFromMeasurements,
  type InitDurationBasis,
  type InitDurationSpec,
  type ResolvedInitDuration,
  resolveInitDuration,
} from './defaultInitDuration';
export { type InitBillingInputs, isInitBilled } from './isInitBilled';
export {
  addLambdaUsage,
  asyncBilledRequests,
  billedDurationMs,
  emptyLambdaUsage,
  type LambdaArchitecture,
  LambdaMeter,
  type LambdaMeterConfig,
  type LambdaMeterRules,
  type LambdaMeterState,
  type LambdaUsage,
  MB_MS_PER_GB_SECOND,
} from './LambdaMeter';
export {
  type LambdaAccountOptions,
  type LambdaFreeTierLeft,
  type LambdaLineItemOptions,
  lambdaAccountLineItems,
  lambdaLineItems,
} from './lambdaPricing';
export { type BuiltLambda, buildLambda, durationFactor, MB_PER_VCPU } from './buildFunctions';
export { ES, environmentLifecycle, environmentMachine } from './environmentLifecycle';
export { type FunctionConfig, type FunctionCounters, FunctionModel, type FunctionObserver } from './FunctionModel';
export { LambdaAccount, type ScalingModel } from './LambdaAccount';
export { freeTierCover } from './lambdaPricing';
export { functionReport } from './functionReport';
