export { Alarm, type AlarmConfig, type AlarmState, type AlarmStateData, breaches, type ComparisonOperator } from './Alarm';
export {
  type Datapoint,
  type DatapointState,
  defaultPublishDelayMs,
  isPresent,
  MetricPublisher,
  type MetricPublisherOptions,
  type MetricPublisherState,
  type Statistic,
  statisticValue,
} from './MetricPublisher';
export {
  formatValue,
  type MetricSource,
  PREDEFINED_METRICS,
  type PredefinedMetric,
  type PredefinedMetricType,
  resolveStatistic,
  SERVICE_METRIC_SOURCE,
  type ServiceMetricName,
} from './metrics';
export {
  ceilCapacity,
  HOLD,
  type HoldStance,
  inScaleOutCooldown,
  type MetricBinding,
  type ScaleStance,
  type ScalingContext,
  type ScalingPolicy,
  type Stance,
} from './ScalingPolicy';
export {
  type ScalableService,
  type ScalingDecision,
  ServiceScaler,
  type ServiceScalerConfig,
  type ServiceScalerCounters,
  type SuspendedState,
} from './ServiceScaler';
export {
  type AdjustmentType,
  applyAdjustment,
  findStep,
  type MetricAggregationType,
  type StepAdjustment,
  StepScalingPolicy,
  type StepScalingAlarmConfig,
  type StepScalingPolicyConfig,
  stepContains,
} from './StepScalingPolicy';
export { TargetTrackingPolicy, type TargetTrackingPolicyConfig } from './TargetTrackingPolicy';
