/**
 * ECS service auto scaling as CloudFormation writes it: `AWS::ApplicationAutoScaling::ScalableTarget`
 * and `AWS::ApplicationAutoScaling::ScalingPolicy` (target tracking and step scaling), with AWS's
 * defaults for ECS filled in, which service a target scales (`scalableTargetService`), and the
 * checks that span resources. Only the `ecs` namespace is simulated.
 */
/** biome-ignore-all lint/suspicious/noTemplateCurlyInString: messages quote CloudFormation Fn::Sub templates, not JS templates. */
import { z } from 'zod';
import { bool, num, oneOf } from '../../scenario/fields';
import { describeValue, formatNumber } from '../../scenario/issues';
import type { PathSegment } from '../../scenario/positions';
import { type CheckContext, type CheckIssue, idsOfType, refTo, validOfType } from '../../scenario/resourceCheck';
import { resolveResourceRef } from '../../scenario/resourceRef';
import type { ResourceModel, Scenario } from '../../scenario/types';

export const SCALABLE_TARGET = 'AWS::ApplicationAutoScaling::ScalableTarget';
export const SCALING_POLICY = 'AWS::ApplicationAutoScaling::ScalingPolicy';
const ECS_SERVICE = 'AWS::ECS::Service';
const ECS_CLUSTER = 'AWS::ECS::Cluster';
const TARGET_GROUP = 'AWS::ElasticLoadBalancingV2::TargetGroup';

export const ECS_SCALABLE_DIMENSION = 'ecs:service:DesiredCount';

/** `service/<cluster>/<service>`; the service part may be a name or an ARN (`${Service}` in a !Sub). */
const ECS_RESOURCE_ID_RE = /^service\/([^/]+)\/(.+)$/;

const RESOURCE_ID_HELP = 'service/<cluster name>/<service name>, e.g. !Sub service/${Cluster}/${Service.Name}';

export const ScalableTargetPropertiesSchema = z
  .looseObject({
    ServiceNamespace: z.literal('ecs', {
      error: (iss) =>
        iss.input === undefined
          ? 'required: ecs'
          : `must be ecs (the simulator scales ECS services only); got ${describeValue(iss.input)}`,
    }),
    ResourceId: z.string().regex(ECS_RESOURCE_ID_RE, { error: (iss) => `expected ${RESOURCE_ID_HELP}; got ${describeValue(iss.input)}` }),
    ScalableDimension: z.literal(ECS_SCALABLE_DIMENSION, {
      error: (iss) => `must be ${ECS_SCALABLE_DIMENSION} for an ECS service; got ${describeValue(iss.input)}`,
    }),
    MinCapacity: num({ int: true, min: 0, max: 5000, unit: 'tasks' }),
    MaxCapacity: num({ int: true, min: 0, max: 5000, unit: 'tasks' }), // ECS quota: tasks per service 5,000
    RoleARN: z.string().optional(),
    SuspendedState: z
      .looseObject({
        DynamicScalingInSuspended: bool().default(false),
        DynamicScalingOutSuspended: bool().default(false),
        ScheduledScalingSuspended: bool().default(false),
      })
      .prefault({}),
  })
  .superRefine((t, ctx) => {
    if (t.MaxCapacity < t.MinCapacity) {
      ctx.addIssue({ code: 'custom', path: ['MaxCapacity'], message: `must be ≥ MinCapacity (${t.MinCapacity}), got ${t.MaxCapacity}` });
    }
  });

/** The predefined metrics of ECS target tracking; the `HighResolution` ones are the 20-second metrics (ECS, 2026). */
export const ECS_PREDEFINED_METRICS = [
  'ECSServiceAverageCPUUtilization',
  'ECSServiceAverageMemoryUtilization',
  'ALBRequestCountPerTarget',
  'ECSServiceAverageCPUUtilizationHighResolution',
  'ECSServiceAverageMemoryUtilizationHighResolution',
] as const;

const cooldown = (what: string) =>
  num({ int: true, min: 0, unit: 's' })
    .default(300)
    .describe(`${what}, seconds (default 300, Application Auto Scaling's default for ECS)`);

export const TargetTrackingConfigurationSchema = z
  .looseObject({
    /** The metric's target: percent for utilization, requests per target per minute for ALBRequestCountPerTarget. */
    TargetValue: num({ gt: 0 }),
    PredefinedMetricSpecification: z
      .looseObject({
        PredefinedMetricType: oneOf(ECS_PREDEFINED_METRICS),
        /** `app/<lb>/<id>/targetgroup/<tg>/<id>`, e.g. !Sub ${LB.LoadBalancerFullName}/${TG.TargetGroupFullName}. */
        ResourceLabel: z.string().optional(),
      })
      .superRefine((m, ctx) => {
        if (m.PredefinedMetricType === 'ALBRequestCountPerTarget' && m.ResourceLabel === undefined) {
          ctx.addIssue({
            code: 'custom',
            path: ['ResourceLabel'],
            message: 'required for ALBRequestCountPerTarget: app/<lb>/<id>/targetgroup/<tg>/<id>, e.g. !Sub ${LB.LoadBalancerFullName}/${TG.TargetGroupFullName}',
          });
        }
      })
      .optional(),
    CustomizedMetricSpecification: z.unknown().optional(),
    ScaleInCooldown: cooldown('Wait after a scale-in before the next'),
    ScaleOutCooldown: cooldown('Wait after a scale-out before the next'),
    DisableScaleIn: bool().default(false),
  })
  .superRefine((c, ctx) => {
    if (c.PredefinedMetricSpecification !== undefined) return;
    ctx.addIssue({
      code: 'custom',
      path: ['PredefinedMetricSpecification'],
      message:
        c.CustomizedMetricSpecification !== undefined
          ? `required: CustomizedMetricSpecification is not modelled; use a PredefinedMetricSpecification (${ECS_PREDEFINED_METRICS.join(', ')})`
          : `required: { PredefinedMetricType: ${ECS_PREDEFINED_METRICS.join(' | ')} }`,
    });
  });

export const StepAdjustmentSchema = z.looseObject({
  /** Lower bound of the step, relative to the alarm threshold (inclusive); absent = −∞. */
  MetricIntervalLowerBound: num().optional(),
  /** Upper bound of the step, relative to the alarm threshold (exclusive); absent = +∞. */
  MetricIntervalUpperBound: num().optional(),
  ScalingAdjustment: num({ int: true }),
});

export const StepScalingConfigurationSchema = z
  .looseObject({
    AdjustmentType: oneOf(['ChangeInCapacity', 'PercentChangeInCapacity', 'ExactCapacity']),
    Cooldown: cooldown('Wait after a scaling activity before the next'),
    MetricAggregationType: oneOf(['Average', 'Minimum', 'Maximum']).default('Average'),
    MinAdjustmentMagnitude: num({ int: true, min: 1, unit: 'tasks' }).optional(),
    StepAdjustments: z.array(StepAdjustmentSchema).min(1),
  })
  .superRefine((c, ctx) => {
    if (c.MinAdjustmentMagnitude !== undefined && c.AdjustmentType !== 'PercentChangeInCapacity') {
      ctx.addIssue({ code: 'custom', path: ['MinAdjustmentMagnitude'], message: 'only with AdjustmentType PercentChangeInCapacity (AWS)' });
    }
    for (const { path, message } of stepAdjustmentIssues(c.StepAdjustments, c.AdjustmentType)) {
      ctx.addIssue({ code: 'custom', path: ['StepAdjustments', ...path], message });
    }
  });

type StepAdjustment = z.output<typeof StepAdjustmentSchema>;

/**
 * AWS's rules for step adjustments: each has a bound, lower < upper, at most one open below and one
 * open above, a negative lower bound needs a step open below and a positive upper bound one open
 * above, and sorted by bounds the steps neither overlap nor leave gaps.
 */
export function stepAdjustmentIssues(steps: readonly StepAdjustment[], adjustmentType: string): { path: PathSegment[]; message: string }[] {
  const out: { path: PathSegment[]; message: string }[] = [];
  const lo = (s: StepAdjustment) => s.MetricIntervalLowerBound ?? Number.NEGATIVE_INFINITY;
  const hi = (s: StepAdjustment) => s.MetricIntervalUpperBound ?? Number.POSITIVE_INFINITY;
  const show = (n: number) => (Number.isFinite(n) ? formatNumber(n) : n > 0 ? '+∞' : '−∞');
  steps.forEach((s, i) => {
    if (s.MetricIntervalLowerBound === undefined && s.MetricIntervalUpperBound === undefined) {
      out.push({ path: [i], message: 'needs MetricIntervalLowerBound or MetricIntervalUpperBound (AWS: not both absent)' });
    } else if (lo(s) >= hi(s)) {
      out.push({ path: [i, 'MetricIntervalUpperBound'], message: `must be > MetricIntervalLowerBound (${show(lo(s))}), got ${show(hi(s))}` });
    }
    if (adjustmentType === 'ExactCapacity' && s.ScalingAdjustment < 0) {
      out.push({ path: [i, 'ScalingAdjustment'], message: `must be ≥ 0 with AdjustmentType ExactCapacity, got ${s.ScalingAdjustment}` });
    }
  });
  if (out.length > 0) return out;
  const openBelow = steps.flatMap((s, i) => (s.MetricIntervalLowerBound === undefined ? [i] : []));
  const openAbove = steps.flatMap((s, i) => (s.MetricIntervalUpperBound === undefined ? [i] : []));
  if (openBelow.length > 1) out.push({ path: [openBelow[1]!], message: `only one step may have no MetricIntervalLowerBound (step ${openBelow[0]} has none)` });
  if (openAbove.length > 1) out.push({ path: [openAbove[1]!], message: `only one step may have no MetricIntervalUpperBound (step ${openAbove[0]} has none)` });
  steps.forEach((s, i) => {
    if (lo(s) < 0 && Number.isFinite(lo(s)) && openBelow.length === 0) {
      out.push({ path: [i, 'MetricIntervalLowerBound'], message: 'is negative, so another step must have no MetricIntervalLowerBound (AWS)' });
    }
    if (hi(s) > 0 && Number.isFinite(hi(s)) && openAbove.length === 0) {
      out.push({ path: [i, 'MetricIntervalUpperBound'], message: 'is positive, so another step must have no MetricIntervalUpperBound (AWS)' });
    }
  });
  if (out.length > 0) return out;
  const order = steps.map((_, i) => i).sort((a, b) => lo(steps[a]!) - lo(steps[b]!) || a - b);
  for (let k = 1; k < order.length; k++) {
    const prev = steps[order[k - 1]!]!;
    const cur = steps[order[k]!]!;
    if (hi(prev) === lo(cur)) continue;
    const what = hi(prev) > lo(cur) ? 'overlaps' : 'leaves a gap after';
    out.push({
      path: [order[k]!, 'MetricIntervalLowerBound'],
      message: `${what} step ${order[k - 1]} [${show(lo(prev))}, ${show(hi(prev))}): steps must not overlap or leave gaps (AWS), so this one should start at ${show(hi(prev))}`,
    });
  }
  return out;
}

export const ScalingPolicyPropertiesSchema = z
  .looseObject({
    PolicyName: z.string(),
    PolicyType: oneOf(['TargetTrackingScaling', 'StepScaling']),
    /** The scalable target (`!Ref MyScalableTarget`); or give ResourceId, ScalableDimension and ServiceNamespace. */
    ScalingTargetId: z.string().optional(),
    ResourceId: z.string().optional(),
    ScalableDimension: z.string().optional(),
    ServiceNamespace: z.string().optional(),
    TargetTrackingScalingPolicyConfiguration: TargetTrackingConfigurationSchema.optional(),
    StepScalingPolicyConfiguration: StepScalingConfigurationSchema.optional(),
  })
  .superRefine((p, ctx) => {
    const triple = [p.ResourceId, p.ScalableDimension, p.ServiceNamespace];
    if (p.ScalingTargetId !== undefined) {
      const given = (['ResourceId', 'ScalableDimension', 'ServiceNamespace'] as const).find((k) => p[k] !== undefined);
      if (given) ctx.addIssue({ code: 'custom', path: [given], message: 'cannot be given together with ScalingTargetId: use one form' });
    } else if (triple.some((v) => v === undefined)) {
      ctx.addIssue({ code: 'custom', message: 'required: ScalingTargetId (!Ref a ScalableTarget), or ResourceId, ScalableDimension and ServiceNamespace' });
    }
    const wanted = p.PolicyType === 'TargetTrackingScaling' ? 'TargetTrackingScalingPolicyConfiguration' : 'StepScalingPolicyConfiguration';
    const other = p.PolicyType === 'TargetTrackingScaling' ? 'StepScalingPolicyConfiguration' : 'TargetTrackingScalingPolicyConfiguration';
    if (p[wanted] === undefined) ctx.addIssue({ code: 'custom', path: [wanted], message: `required for PolicyType ${p.PolicyType}` });
    if (p[other] !== undefined) ctx.addIssue({ code: 'custom', path: [other], message: `not used with PolicyType ${p.PolicyType}; remove it` });
  });

export type ScalableTargetProperties = z.output<typeof ScalableTargetPropertiesSchema>;
export type ScalingPolicyProperties = z.output<typeof ScalingPolicyPropertiesSchema>;
export type TargetTrackingConfiguration = z.output<typeof TargetTrackingConfigurationSchema>;
export type StepScalingConfiguration = z.output<typeof StepScalingConfigurationSchema>;
export type EcsPredefinedMetric = (typeof ECS_PREDEFINED_METRICS)[number];

type ScenarioView = Pick<Scenario, 'Resources' | 'Region'>;

/** The service an ECS `ResourceId` names, or why it names none. */
export function ecsResourceIdService(scenario: ScenarioView, resourceId: string): { id: string } | { error: string } {
  const m = ECS_RESOURCE_ID_RE.exec(resourceId);
  if (!m) return { error: `expected ${RESOURCE_ID_HELP}; got ${describeValue(resourceId)}` };
  const [, clusterPart, servicePart] = m as unknown as [string, string, string];
  const id = resolveResourceRef(scenario, servicePart, ECS_SERVICE);
  if (id === undefined) {
    const known = Object.values(scenario.Resources).filter((r) => r.Type === ECS_SERVICE);
    return { error: `${describeValue(servicePart)} is not a service in this scenario; services: ${known.map((r) => r.PhysicalName).join(', ') || '(none)'}` };
  }
  const cluster = (scenario.Resources[id]!.Properties as { Cluster?: string }).Cluster;
  const clusterId = cluster === undefined ? undefined : resolveResourceRef(scenario, cluster, ECS_CLUSTER);
  const clusterName = clusterId === undefined ? (cluster ?? 'default') : scenario.Resources[clusterId]!.PhysicalName;
  const same = clusterId === undefined ? clusterPart === clusterName : resolveResourceRef(scenario, clusterPart, ECS_CLUSTER) === clusterId;
  if (!same) {
    return { error: `service ${id} runs in cluster ${describeValue(clusterName)}, not ${describeValue(clusterPart)}` };
  }
  return { id };
}

/** The logical ID of the ECS service a scalable target scales, from its `ResourceId` (however it was built: !Sub, !Join). */
export function scalableTargetService(scenario: ScenarioView, resource: ResourceModel): string | undefined {
  const r = ecsResourceIdService(scenario, (resource.Properties as ScalableTargetProperties).ResourceId);
  return 'id' in r ? r.id : undefined;
}

/** The logical ID of the scalable target a scaling policy acts on: its ScalingTargetId, or the target registering its ResourceId. */
export function scalingPolicyTarget(scenario: ScenarioView, policy: ResourceModel): string | undefined {
  const p = policy.Properties as ScalingPolicyProperties;
  if (p.ScalingTargetId !== undefined) return resolveResourceRef(scenario, p.ScalingTargetId, SCALABLE_TARGET);
  const wanted = p.ResourceId === undefined ? undefined : ecsResourceIdService(scenario, p.ResourceId);
  if (wanted === undefined || !('id' in wanted) || p.ServiceNamespace !== 'ecs' || p.ScalableDimension !== ECS_SCALABLE_DIMENSION) return undefined;
  return Object.values(scenario.Resources).find((r) => r.Type === SCALABLE_TARGET && scalableTargetService(scenario, r) === wanted.id)?.LogicalId;
}

/** The logical ID of the ECS service a scaling policy scales. */
export function scalingPolicyService(scenario: ScenarioView, policy: ResourceModel): string | undefined {
  const target = scalingPolicyTarget(scenario, policy);
  return target === undefined ? undefined : scalableTargetService(scenario, scenario.Resources[target]!);
}

/** The logical ID of the target group an ALBRequestCountPerTarget `ResourceLabel` names (`…/targetgroup/<name>/<id>`). */
export function resourceLabelTargetGroup(scenario: ScenarioView, label: string): string | undefined {
  const m = /(?:^|\/)targetgroup\/([^/]+)/.exec(label);
  return m ? resolveResourceRef(scenario, m[1], TARGET_GROUP) : undefined;
}

/**
 * Checks across auto scaling resources: a scalable target's ResourceId names a service of the
 * scenario (in the right cluster), each service has at most one scalable target, a policy's target
 * exists, and an ALBRequestCountPerTarget label names a target group of the scaled service.
 */
export function checkAutoscalingResources(ctx: CheckContext): CheckIssue[] {
  const out: CheckIssue[] = [];
  const { scenario } = ctx;
  const targetOf = new Map<string, string>();
  for (const t of validOfType(ctx, SCALABLE_TARGET)) {
    const r = ecsResourceIdService(scenario, (t.Properties as ScalableTargetProperties).ResourceId);
    const path = [t.LogicalId, 'Properties', 'ResourceId'];
    if ('error' in r) {
      out.push({ path, message: r.error });
      continue;
    }
    const other = targetOf.get(r.id);
    if (other !== undefined) out.push({ path, message: `service ${r.id} is already registered by scalable target ${other}; register a service once` });
    targetOf.set(r.id, t.LogicalId);
  }
  for (const policy of validOfType(ctx, SCALING_POLICY)) {
    const p = policy.Properties as ScalingPolicyProperties;
    const at = (...rest: PathSegment[]): PathSegment[] => [policy.LogicalId, 'Properties', ...rest];
    let targetId: string | undefined;
    if (p.ScalingTargetId !== undefined) {
      const t = refTo(ctx, p.ScalingTargetId, SCALABLE_TARGET, at('ScalingTargetId'), 'a scalable target');
      if ('issue' in t) out.push(t.issue);
      else targetId = t.id;
    } else {
      targetId = scalingPolicyTarget(scenario, policy);
      if (targetId === undefined) {
        out.push({
          path: at('ResourceId'),
          message: `no AWS::ApplicationAutoScaling::ScalableTarget of this scenario registers ${describeValue(p.ResourceId)} (${p.ServiceNamespace}, ${p.ScalableDimension}); scalable targets: ${idsOfType(ctx, SCALABLE_TARGET).join(', ') || '(none)'}`,
        });
      }
    }
    const label = p.TargetTrackingScalingPolicyConfiguration?.PredefinedMetricSpecification?.ResourceLabel;
    if (label === undefined || targetId === undefined || ctx.invalid.has(targetId)) continue;
    const labelPath = at('TargetTrackingScalingPolicyConfiguration', 'PredefinedMetricSpecification', 'ResourceLabel');
    const tg = resourceLabelTargetGroup(scenario, label);
    if (tg === undefined) {
      out.push({
        path: labelPath,
        message: `${describeValue(label)} names no target group of this scenario; write app/<lb>/<id>/targetgroup/<tg>/<id>, e.g. !Sub \${LB.LoadBalancerFullName}/\${TG.TargetGroupFullName}; target groups: ${idsOfType(ctx, TARGET_GROUP).join(', ') || '(none)'}`,
      });
      continue;
    }
    const serviceId = scalableTargetService(scenario, scenario.Resources[targetId]!);
    const lbs = serviceId === undefined ? [] : ((scenario.Resources[serviceId]!.Properties as { LoadBalancers?: { TargetGroupArn: string }[] }).LoadBalancers ?? []);
    if (serviceId !== undefined && !lbs.some((lb) => resolveResourceRef(scenario, lb.TargetGroupArn, TARGET_GROUP) === tg)) {
      out.push({ path: labelPath, message: `target group ${tg} is not one of service ${serviceId}'s LoadBalancers, so its request count does not measure that service` });
    }
  }
  return out;
}
