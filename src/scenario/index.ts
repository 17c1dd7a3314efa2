/** The scenario file layer: load, validate and describe clustersim scenario files. */
export { DURATION_FORMS, parseDuration } from './duration';
export {
  analyzeScenarioText,
  type LoadOptions,
  loadScenario,
  loadScenarioText,
  type ScenarioAnalysis,
  unmodeledWarning,
  validateScenarioFile,
} from './load';
export { resolveResourceRef } from './resourceRef';
export { ACCOUNT_ID, MODELLED_TYPES, REF_RETURNS_ARN, syntheticArn } from './resourceTypes';
export { formatIssue, ScenarioError } from './ScenarioError';
export { scenarioJsonSchema, scenarioJsonSchemaText } from './schema';
export { LOAD_TARGETS } from './targets';
export type { ResourceModel, Scenario, ScenarioIssue, SourcePosition } from './types';
export { BASE_VARIANT } from './variants';
export { lognormalMaxP99, Z99 } from './workloadSchema';
