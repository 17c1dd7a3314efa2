/**
 * `AWS::CloudWatch::Alarm` as CloudFormation writes it, for step scaling of ECS services: the
 * alarm's metric, period and evaluation, which service it watches (`alarmService`), which scaling
 * policies it triggers (`alarmScalingPolicies`), and the checks that span resources. Alarms that
 * trigger no scaling policy are validated for shape only and not simulated.
 */
import { z } from 'zod';
import { SCALING_POLICY, scalingPolicyService } from '../autoscaling/schema';
import { bool, num, oneOf } from '../../scenario/fields';
import { describeValue } from '../../scenario/issues';
import type { PathSegment } from '../../scenario/positions';
import { type CheckContext, type CheckIssue, idsOfType, validOfType } from '../../scenario/resourceCheck';
import { resolveResourceRef } from '../../scenario/resourceRef';
import type { ResourceModel, Scenario } from '../../scenario/types';

export const ALARM = 'AWS::CloudWatch::Alarm';
const ECS_SERVICE = 'AWS::ECS::Service';
const ECS_CLUSTER = 'AWS::ECS::Cluster';

/** What the simulator can alarm on: ECS service metrics. */
export const ECS_ALARM_NAMESPACE = 'AWS/ECS';
export const ECS_ALARM_METRICS = ['CPUUtilization', 'MemoryUtilization'] as const;
export const ALARM_STATISTICS = ['Average', 'Maximum', 'Minimum'] as const;
export const THRESHOLD_OPERATORS = [
  'GreaterThanThreshold',
  'GreaterThanOrEqualToThreshold',
  'LessThanThreshold',
  'LessThanOrEqualToThreshold',
] as const;

/** CloudWatch caps an alarm's evaluation window (EvaluationPeriods × Period) at one day. */
const MAX_EVALUATION_S = 86_400;

export const AlarmPropertiesSchema = z
  .looseObject({
    AlarmName: z.string().optional(),
    Namespace: z.string().optional(),
    MetricName: z.string().optional(),
    Dimensions: z.array(z.looseObject({ Name: z.string(), Value: z.string() })).max(30).optional(),
    Statistic: oneOf([...ALARM_STATISTICS, 'SampleCount', 'Sum']).optional(),
    ExtendedStatistic: z.string().optional(),
    /** Seconds per datapoint: 10, 20, 30 or a multiple of 60. */
    Period: num({ int: true, min: 10, unit: 's' })
      .refine((p) => p === 10 || p === 20 || p === 30 || p % 60 === 0, {
        error: (iss) => `must be 10, 20, 30 or a multiple of 60 seconds, got ${describeValue(iss.input)}`,
      })
      .optional(),
    EvaluationPeriods: num({ int: true, min: 1, unit: 'periods' }),
    /** Breaching datapoints among the last EvaluationPeriods that set off the alarm (default EvaluationPeriods). */
    DatapointsToAlarm: num({ int: true, min: 1, unit: 'datapoints' }).optional(),
    Threshold: num().optional(),
    ThresholdMetricId: z.string().optional(),
    ComparisonOperator: oneOf([
      ...THRESHOLD_OPERATORS,
      'LessThanLowerOrGreaterThanUpperThreshold',
      'LessThanLowerThreshold',
      'GreaterThanUpperThreshold',
    ]),
    /** Scaling policies (`!Ref MyStepPolicy`) to trigger; other actions (SNS topics) are kept and ignored. */
    AlarmActions: z.array(z.string()).max(5).optional(),
    OKActions: z.array(z.string()).optional(),
    InsufficientDataActions: z.array(z.string()).optional(),
    ActionsEnabled: bool().default(true),
    TreatMissingData: oneOf(['breaching', 'notBreaching', 'ignore', 'missing']).default('missing'),
    Metrics: z.unknown().optional(),
  })
  .superRefine((a, ctx) => {
    if (a.MetricName !== undefined) {
      if (a.Period === undefined) ctx.addIssue({ code: 'custom', path: ['Period'], message: 'required with MetricName: 10, 20, 30 or a multiple of 60 seconds' });
      if (a.Statistic === undefined && a.ExtendedStatistic === undefined) {
        ctx.addIssue({ code: 'custom', path: ['Statistic'], message: 'required with MetricName: Average, Maximum, Minimum, SampleCount or Sum' });
      }
    } else if (a.Metrics === undefined) {
      ctx.addIssue({ code: 'custom', message: 'required: MetricName (with Namespace, Dimensions, Statistic, Period), or Metrics' });
    }
    if (a.Threshold === undefined && a.ThresholdMetricId === undefined) {
      ctx.addIssue({ code: 'custom', path: ['Threshold'], message: 'required: a number the metric is compared with' });
    }
    if (a.DatapointsToAlarm !== undefined && a.DatapointsToAlarm > a.EvaluationPeriods) {
      ctx.addIssue({
        code: 'custom',
        path: ['DatapointsToAlarm'],
        message: `must be ≤ EvaluationPeriods (${a.EvaluationPeriods}), got ${a.DatapointsToAlarm}`,
      });
    }
    if (a.Period !== undefined && a.Period * a.EvaluationPeriods > MAX_EVALUATION_S) {
      ctx.addIssue({
        code: 'custom',
        path: ['EvaluationPeriods'],
        message: `EvaluationPeriods × Period must be ≤ ${MAX_EVALUATION_S} s (one day, CloudWatch's limit), got ${a.EvaluationPeriods} × ${a.Period} s`,
      });
    }
  })
  .transform((a) => ({ ...a, DatapointsToAlarm: a.DatapointsToAlarm ?? a.EvaluationPeriods }));

export type AlarmProperties = z.output<typeof AlarmPropertiesSchema>;
export type EcsAlarmMetric = (typeof ECS_ALARM_METRICS)[number];

type ScenarioView = Pick<Scenario, 'Resources' | 'Region'>;

function dimension(alarm: AlarmProperties, name: string): string | undefined {
  return alarm.Dimensions?.find((d) => d.Name === name)?.Value;
}

/**
 * The logical ID of the ECS service an alarm watches: its `ServiceName` dimension (a service's
 * name), in the cluster its `ClusterName` dimension names when given. Undefined when none matches.
 */
export function alarmService(scenario: ScenarioView, alarm: ResourceModel): string | undefined {
  const r = watchedService(scenario, alarm.Properties as AlarmProperties);
  return 'id' in r ? r.id : undefined;
}

function watchedService(scenario: ScenarioView, a: AlarmProperties): { id: string } | { error: string; key: string } {
  const name = dimension(a, 'ServiceName');
  if (name === undefined) return { error: 'needs a ServiceName dimension naming the ECS service (e.g. Value: !GetAtt Service.Name)', key: 'Dimensions' };
  const id = resolveResourceRef(scenario, name, ECS_SERVICE);
  if (id === undefined) {
    const known = Object.values(scenario.Resources).filter((r) => r.Type === ECS_SERVICE);
    return { error: `ServiceName ${describeValue(name)} is not a service in this scenario; services: ${known.map((r) => r.PhysicalName).join(', ') || '(none)'}`, key: 'Dimensions' };
  }
  const clusterName = dimension(a, 'ClusterName');
  if (clusterName !== undefined) {
    const cluster = (scenario.Resources[id]!.Properties as { Cluster?: string }).Cluster;
    const own = cluster === undefined ? undefined : resolveResourceRef(scenario, cluster, ECS_CLUSTER);
    const named = resolveResourceRef(scenario, clusterName, ECS_CLUSTER);
    const same = own === undefined ? clusterName === (cluster ?? 'default') : named === own;
    if (!same) return { error: `service ${id} is not in cluster ${describeValue(clusterName)}`, key: 'Dimensions' };
  }
  return { id };
}

/** The logical IDs of the scaling policies an alarm triggers (its AlarmActions that name one). */
export function alarmScalingPolicies(scenario: ScenarioView, alarm: ResourceModel): string[] {
  const actions = (alarm.Properties as AlarmProperties).AlarmActions ?? [];
  return actions.map((a) => resolveResourceRef(scenario, a, SCALING_POLICY)).filter((id): id is string => id !== undefined);
}

/**
 * Checks across alarms: an action that names a scaling policy names a StepScaling one (target
 * tracking makes its own alarms), an action that looks like a scaling policy ARN names one of the
 * scenario, and an alarm that triggers scaling watches an ECS service metric the simulator
 * produces, of the service its policies scale.
 */
export function checkAlarmResources(ctx: CheckContext): CheckIssue[] {
  const out: CheckIssue[] = [];
  const { scenario } = ctx;
  for (const alarm of validOfType(ctx, ALARM)) {
    const a = alarm.Properties as AlarmProperties;
    const at = (...rest: PathSegment[]): PathSegment[] => [alarm.LogicalId, 'Properties', ...rest];
    const policies: string[] = [];
    (a.AlarmActions ?? []).forEach((action, i) => {
      const id = resolveResourceRef(scenario, action, SCALING_POLICY);
      if (id === undefined) {
        if (/:autoscaling:|scalingPolicy/.test(action)) {
          out.push({ path: at('AlarmActions', i), message: `${describeValue(action)} is not a scaling policy in this scenario; scaling policies: ${idsOfType(ctx, SCALING_POLICY).join(', ') || '(none)'}` });
        }
        return;
      }
      const type = (scenario.Resources[id]!.Properties as { PolicyType?: string }).PolicyType;
      if (!ctx.invalid.has(id) && type !== 'StepScaling') {
        out.push({ path: at('AlarmActions', i), message: `${id} is a ${type} policy; only StepScaling policies take alarm actions (target tracking makes its own alarms)` });
      } else policies.push(id);
    });
    if (policies.length === 0) continue;
    if (a.Namespace !== ECS_ALARM_NAMESPACE) {
      out.push({ path: at('Namespace'), message: `must be ${ECS_ALARM_NAMESPACE} for an alarm that scales an ECS service; got ${describeValue(a.Namespace)}` });
      continue;
    }
    if (!(ECS_ALARM_METRICS as readonly string[]).includes(a.MetricName ?? '')) {
      out.push({ path: at('MetricName'), message: `must be one of ${ECS_ALARM_METRICS.join(', ')} (the metrics the simulator produces); got ${describeValue(a.MetricName)}` });
    }
    if (!(ALARM_STATISTICS as readonly string[]).includes(a.Statistic ?? '')) {
      out.push({ path: at('Statistic'), message: `must be one of ${ALARM_STATISTICS.join(', ')} for a scaling alarm; got ${describeValue(a.Statistic ?? a.ExtendedStatistic)}` });
    }
    if (!(THRESHOLD_OPERATORS as readonly string[]).includes(a.ComparisonOperator)) {
      out.push({ path: at('ComparisonOperator'), message: `must be one of ${THRESHOLD_OPERATORS.join(', ')} for a scaling alarm; got ${describeValue(a.ComparisonOperator)}` });
    }
    const watched = watchedService(scenario, a);
    if ('error' in watched) {
      out.push({ path: at(watched.key), message: watched.error });
      continue;
    }
    for (const policyId of policies) {
      const scaled = scalingPolicyService(scenario, scenario.Resources[policyId]!);
      if (scaled !== undefined && scaled !== watched.id) {
        out.push({ path: at('Dimensions'), message: `watches service ${watched.id}, but policy ${policyId} scales service ${scaled}` });
      }
    }
  }
  return out;
}
