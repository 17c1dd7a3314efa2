export { buildEcsService, taskDefinitionOf, UnsupportedFeatureError } from './buildService';
export { EcsService, type EcsServiceConfig, type EcsServiceCounters, type LatencyRecorder } from './EcsService';
export { FargateMeter, type FargateUsage } from './FargateMeter';
export { fargateLineItems, fargateRates, taskHourlyUsd } from './fargatePricing';
export { type LatencySink, PsQueue } from './PsQueue';
export { ecsServiceReport } from './serviceReport';
export { FARGATE_START_DEFAULTS, FARGATE_STOP_DEFAULTS, fargateStartPhases } from './startLatency';
export { TS, type TaskEvent, type TaskStatus, taskLifecycle, taskMachine } from './taskLifecycle';
