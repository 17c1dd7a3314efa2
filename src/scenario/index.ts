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
export { ACCOUNT_ID, MODELLED_TYPES, REF_RETURNS_ARN, RESOURCE_CHECKS, syntheticArn } from './resourceTypes';
export type { CheckContext, CheckIssue, ResourceCheck } from './resourceCheck';
export { formatIssue, ScenarioError } from './ScenarioError';
export { scenarioJsonSchema, scenarioJsonSchemaText } from './schema';
export {
  implicitTargets,
  isFunctionType,
  LAMBDA_WORK_KEYS,
  LOAD_TARGETS,
  type LoadTarget,
  ONE_VCPU_MEMORY_MB,
  resolveLoadTarget,
  type ServedBy,
} from './targets';
export {
  DEFAULT_SETTINGS,
  type Ec2Settings,
  type EcsSettings,
  LAMBDA_UNRESERVED_MINIMUM,
  type LambdaSettings,
  legacyLambdaBurst,
  type PricingSettings,
  QUOTA_PROFILES,
  type SavingsPlanPercents,
  type ScenarioSettings,
  type SpotSettings,
  settingsOf,
  withRegionDefaults,
} from './settingsSchema';
export type { DeploymentSpec, FaultKind, FaultSpec, ResourceModel, Scenario, ScenarioIssue, SourcePosition } from './types';
export { BASE_VARIANT } from './variants';
export { lognormalMaxP99, Z99 } from './workloadSchema';
