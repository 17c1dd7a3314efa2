export { type AttributeReader, attributeReader } from './attributeReader';
export { compileClusterQuery, type InstancePredicate } from './compileClusterQuery';
export { createPlacer } from './createPlacer';
export { DEFAULT_SERVICE_STRATEGY } from './defaultStrategy';
export { fitsTask } from './fitsTask';
export { type BinpackEstimate, type InstanceCapacity, instancesNeededBinpack } from './instancesNeededBinpack';
export { PlacementExpressionError } from './PlacementExpressionError';
export type {
  PlacementConstraint,
  PlacementInstance,
  PlacementStrategy,
  Placer,
  StopCandidate,
  TaskNeeds,
} from './types';
