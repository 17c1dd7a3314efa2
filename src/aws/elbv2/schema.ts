/**
 * Elastic Load Balancing v2 as CloudFormation writes it: `AWS::ElasticLoadBalancingV2::LoadBalancer`,
 * `::TargetGroup` (its deregistration delay normalized to `DeregistrationDelaySeconds`) and
 * `::Listener`, which service a load balancer sends requests to (`loadBalancerServices`), and the
 * checks that span them.
 */
import { z } from 'zod';
import { num, oneOf } from '../../scenario/fields';
import { describeValue } from '../../scenario/issues';
import type { PathSegment } from '../../scenario/positions';
import { type CheckContext, type CheckIssue, refTo, validOfType } from '../../scenario/resourceCheck';
import { resolveResourceRef } from '../../scenario/resourceRef';
import type { ResourceModel, Scenario } from '../../scenario/types';

export const LOAD_BALANCER = 'AWS::ElasticLoadBalancingV2::LoadBalancer';
export const TARGET_GROUP = 'AWS::ElasticLoadBalancingV2::TargetGroup';
export const LISTENER = 'AWS::ElasticLoadBalancingV2::Listener';
const ECS_SERVICE = 'AWS::ECS::Service';

export const ELB_PROTOCOLS = ['HTTP', 'HTTPS', 'TCP', 'TLS', 'UDP', 'TCP_UDP', 'GENEVE'] as const;

/** The target group attribute holding the deregistration delay, seconds (0–3600, default 300). */
export const DEREGISTRATION_DELAY_KEY = 'deregistration_delay.timeout_seconds';
export const DEFAULT_DEREGISTRATION_DELAY_S = 300;

const port = () => num({ int: true, min: 1, max: 65_535 });

export const LoadBalancerPropertiesSchema = z
  .looseObject({
    Name: z.string().optional(),
    Type: oneOf(['application', 'network', 'gateway']).default('application'),
    Scheme: oneOf(['internet-facing', 'internal']).default('internet-facing'),
    /** Subnets (IDs or `!Ref` to AWS::EC2::Subnet); each gives a zone, see `zonesOf`. */
    Subnets: z.array(z.string()).optional(),
    SecurityGroups: z.array(z.string()).optional(),
  })
  .superRefine((lb, ctx) => {
    if (lb.Type === 'application' && lb.Subnets !== undefined && lb.Subnets.length < 2) {
      ctx.addIssue({ code: 'custom', path: ['Subnets'], message: 'an application load balancer needs subnets in at least two zones (AWS)' });
    }
  });

export const TargetGroupPropertiesSchema = z
  .looseObject({
    Name: z.string().optional(),
    /** `ip` for awsvpc tasks (Fargate included), `instance` for bridge and host mode. */
    TargetType: oneOf(['instance', 'ip', 'lambda', 'alb']).default('instance'),
    Port: port().optional(),
    Protocol: oneOf(ELB_PROTOCOLS).optional(),
    TargetGroupAttributes: z
      .array(z.looseObject({ Key: z.string(), Value: z.union([z.string(), z.number(), z.boolean()]).transform(String) }))
      .optional(),
    HealthCheckIntervalSeconds: num({ int: true, min: 5, max: 300, unit: 's' }).default(30),
    HealthCheckTimeoutSeconds: num({ int: true, min: 2, max: 120, unit: 's' }).default(5),
    HealthyThresholdCount: num({ int: true, min: 2, max: 10, unit: 'checks' }).default(5),
    UnhealthyThresholdCount: num({ int: true, min: 2, max: 10, unit: 'checks' }).default(2),
    VpcId: z.string().optional(),
  })
  .transform((tg, ctx) => {
    let delay = DEFAULT_DEREGISTRATION_DELAY_S;
    tg.TargetGroupAttributes?.forEach((a, i) => {
      if (a.Key !== DEREGISTRATION_DELAY_KEY) return;
      const n = /^\s*\d+\s*$/.test(a.Value) ? Number(a.Value) : Number.NaN;
      if (!(n >= 0 && n <= 3600)) {
        ctx.addIssue({ code: 'custom', path: ['TargetGroupAttributes', i, 'Value'], message: `must be a whole number of seconds 0–3600, got ${describeValue(a.Value)}` });
      } else delay = n;
    });
    /** Seconds a deregistering target keeps its in-flight requests (from `deregistration_delay.timeout_seconds`). */
    return { ...tg, DeregistrationDelaySeconds: delay };
  });

export const ListenerActionSchema = z
  .looseObject({
    Type: oneOf(['forward', 'redirect', 'fixed-response', 'authenticate-oidc', 'authenticate-cognito']),
    /** The target group (`!Ref MyTargetGroup`) a forward action sends requests to. */
    TargetGroupArn: z.string().optional(),
    ForwardConfig: z
      .looseObject({
        TargetGroups: z.array(z.looseObject({ TargetGroupArn: z.string(), Weight: num({ int: true, min: 0, max: 999 }).optional() })).min(1),
      })
      .optional(),
    Order: num({ int: true, min: 1, max: 50_000 }).optional(),
  })
  .superRefine((a, ctx) => {
    if (a.Type === 'forward' && a.TargetGroupArn === undefined && a.ForwardConfig === undefined) {
      ctx.addIssue({ code: 'custom', path: ['TargetGroupArn'], message: 'required for forward: !Ref an AWS::ElasticLoadBalancingV2::TargetGroup' });
    }
  });

export const ListenerPropertiesSchema = z.looseObject({
  /** The load balancer (`!Ref MyLoadBalancer`). */
  LoadBalancerArn: z.string(),
  Port: port().optional(),
  Protocol: oneOf(ELB_PROTOCOLS).optional(),
  DefaultActions: z.array(ListenerActionSchema).min(1),
});

export type LoadBalancerProperties = z.output<typeof LoadBalancerPropertiesSchema>;
export type TargetGroupProperties = z.output<typeof TargetGroupPropertiesSchema>;
export type ListenerAction = z.output<typeof ListenerActionSchema>;
export type ListenerProperties = z.output<typeof ListenerPropertiesSchema>;

type ScenarioView = Pick<Scenario, 'Resources' | 'Region'>;

/** The target group references of a forward action: its TargetGroupArn or its ForwardConfig's groups. */
function forwardTargets(a: ListenerAction): { value: string; path: PathSegment[] }[] {
  if (a.Type !== 'forward') return [];
  if (a.TargetGroupArn !== undefined) return [{ value: a.TargetGroupArn, path: ['TargetGroupArn'] }];
  return (a.ForwardConfig?.TargetGroups ?? []).map((g, i) => ({ value: g.TargetGroupArn, path: ['ForwardConfig', 'TargetGroups', i, 'TargetGroupArn'] }));
}

/** The logical IDs of the target groups a listener's default actions forward to. */
export function listenerTargetGroups(scenario: ScenarioView, listener: ResourceModel): string[] {
  const ids = (listener.Properties as ListenerProperties).DefaultActions.flatMap((a) =>
    forwardTargets(a).map((t) => resolveResourceRef(scenario, t.value, TARGET_GROUP)),
  );
  return [...new Set(ids.filter((id): id is string => id !== undefined))];
}

/** The logical ID of the ECS service registered in a target group (through its LoadBalancers). */
export function targetGroupService(scenario: ScenarioView, targetGroupId: string): string | undefined {
  return Object.values(scenario.Resources).find(
    (r) =>
      r.Type === ECS_SERVICE &&
      ((r.Properties as { LoadBalancers?: { TargetGroupArn?: string }[] }).LoadBalancers ?? []).some(
        (lb) => resolveResourceRef(scenario, lb.TargetGroupArn, TARGET_GROUP) === targetGroupId,
      ),
  )?.LogicalId;
}

/** The logical IDs of the ECS services a load balancer's listeners forward to by default, in listener order. */
export function loadBalancerServices(scenario: ScenarioView, loadBalancerId: string): string[] {
  const services: string[] = [];
  for (const listener of Object.values(scenario.Resources)) {
    if (listener.Type !== LISTENER) continue;
    const lb = resolveResourceRef(scenario, (listener.Properties as ListenerProperties).LoadBalancerArn, LOAD_BALANCER);
    if (lb !== loadBalancerId) continue;
    for (const tg of listenerTargetGroups(scenario, listener)) {
      const svc = targetGroupService(scenario, tg);
      if (svc !== undefined && !services.includes(svc)) services.push(svc);
    }
  }
  return services;
}

/** Checks across load balancing resources: a listener's load balancer and target groups exist. */
export function checkElbResources(ctx: CheckContext): CheckIssue[] {
  const out: CheckIssue[] = [];
  for (const listener of validOfType(ctx, LISTENER)) {
    const p = listener.Properties as ListenerProperties;
    const at = (...rest: PathSegment[]): PathSegment[] => [listener.LogicalId, 'Properties', ...rest];
    const lb = refTo(ctx, p.LoadBalancerArn, LOAD_BALANCER, at('LoadBalancerArn'), 'a load balancer');
    if ('issue' in lb) out.push(lb.issue);
    p.DefaultActions.forEach((a, i) => {
      for (const t of forwardTargets(a)) {
        const tg = refTo(ctx, t.value, TARGET_GROUP, at('DefaultActions', i, ...t.path), 'a target group');
        if ('issue' in tg) out.push(tg.issue);
      }
    });
  }
  return out;
}
