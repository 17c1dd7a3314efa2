/**
 * Builds the Application Auto Scaling of a scenario: one `ServiceScaler` per
 * `AWS::ApplicationAutoScaling::ScalableTarget`, with its target-tracking policies and its step
 * policies (each driven by the `AWS::CloudWatch::Alarm` that names it in AlarmActions).
 */
import {
  type ComparisonOperator,
  type PredefinedMetricType,
  type ScalableService,
  type ScalingPolicy,
  ServiceScaler,
  type ServiceMetricName,
  StepScalingPolicy,
  TargetTrackingPolicy,
} from '../aws/autoscaling';
import type { ScalableTargetProperties, ScalingPolicyProperties } from '../aws/autoscaling/schema';
import { scalableTargetService, scalingPolicyTarget } from '../aws/autoscaling/schema';
import type { AlarmProperties } from '../aws/cloudwatch/schema';
import { alarmScalingPolicies } from '../aws/cloudwatch/schema';
import type { ServiceModel } from '../aws/ecs';
import { type Scenario, settingsOf } from '../scenario';

/** What the scaler sees of a service model. */
export function scalableService(service: ServiceModel): ScalableService {
  return {
    runningCount: () => service.running.length,
    desiredCount: () => service.desiredCount,
    setDesiredCount: (n) => {
      service.desiredCount = n;
    },
    cpuUtilizationPercent: () => service.lastCpuUtilization,
    memoryUtilizationPercent: () => service.lastMemoryUtilization,
    requestsThisTick: () => service.tickArrived,
    deploymentInProgress: () => service.deploymentInProgress,
  };
}

/** Publish delays from Settings.Ecs (ms), by metric period. */
function publishDelayMs(s: Scenario, periodSeconds: number): number {
  const ecs = settingsOf(s).Ecs;
  return periodSeconds < 60 ? ecs.MetricPublishDelay20 : ecs.MetricPublishDelay60;
}

export function buildScalers(s: Scenario, services: Map<string, { model: ServiceModel }>): { scaler: ServiceScaler; service: string }[] {
  const out: { scaler: ServiceScaler; service: string }[] = [];
  const resources = Object.values(s.Resources);
  for (const target of resources.filter((r) => r.Type === 'AWS::ApplicationAutoScaling::ScalableTarget')) {
    const serviceId = scalableTargetService(s, target);
    const handle = serviceId === undefined ? undefined : services.get(serviceId);
    if (handle === undefined) continue;
    const tp = target.Properties as ScalableTargetProperties;
    const policies: ScalingPolicy[] = [];
    for (const policy of resources.filter((r) => r.Type === 'AWS::ApplicationAutoScaling::ScalingPolicy')) {
      if (scalingPolicyTarget(s, policy) !== target.LogicalId) continue;
      const pp = policy.Properties as ScalingPolicyProperties;
      const name = pp.PolicyName ?? policy.LogicalId;
      if (pp.PolicyType === 'TargetTrackingScaling') {
        const c = pp.TargetTrackingScalingPolicyConfiguration!;
        const metricType = c.PredefinedMetricSpecification!.PredefinedMetricType as PredefinedMetricType;
        policies.push(
          new TargetTrackingPolicy({
            name,
            metricType,
            targetValue: c.TargetValue,
            scaleOutCooldownSeconds: c.ScaleOutCooldown,
            scaleInCooldownSeconds: c.ScaleInCooldown,
            disableScaleIn: c.DisableScaleIn,
            publishDelayMs: publishDelayMs(s, metricType.endsWith('HighResolution') ? 20 : 60),
          }),
        );
      } else {
        const c = pp.StepScalingPolicyConfiguration!;
        const alarm = resources.find((r) => r.Type === 'AWS::CloudWatch::Alarm' && alarmScalingPolicies(s, r).includes(policy.LogicalId));
        if (alarm === undefined) continue;
        const ap = alarm.Properties as AlarmProperties;
        const period = ap.Period ?? 60;
        policies.push(
          new StepScalingPolicy({
            name,
            adjustmentType: c.AdjustmentType,
            stepAdjustments: c.StepAdjustments.map((a) => ({
              metricIntervalLowerBound: a.MetricIntervalLowerBound,
              metricIntervalUpperBound: a.MetricIntervalUpperBound,
              scalingAdjustment: a.ScalingAdjustment,
            })),
            minAdjustmentMagnitude: c.MinAdjustmentMagnitude,
            cooldownSeconds: c.Cooldown,
            metricAggregationType: c.MetricAggregationType,
            alarm: {
              metricName: (ap.MetricName ?? 'CPUUtilization') as ServiceMetricName,
              periodSeconds: period,
              threshold: ap.Threshold ?? 0,
              comparisonOperator: ap.ComparisonOperator as ComparisonOperator,
              evaluationPeriods: ap.EvaluationPeriods,
              datapointsToAlarm: ap.DatapointsToAlarm,
              statistic: ap.Statistic as 'Average' | 'Maximum' | 'Minimum' | undefined,
              publishDelayMs: publishDelayMs(s, period),
            },
          }),
        );
      }
    }
    const scaler = new ServiceScaler(
      {
        name: `autoscaling:${target.LogicalId}`,
        minCapacity: tp.MinCapacity,
        maxCapacity: tp.MaxCapacity,
        suspendedState: {
          dynamicScalingInSuspended: tp.SuspendedState.DynamicScalingInSuspended,
          dynamicScalingOutSuspended: tp.SuspendedState.DynamicScalingOutSuspended,
        },
      },
      scalableService(handle.model),
      policies,
    );
    out.push({ scaler, service: serviceId! });
  }
  return out;
}
