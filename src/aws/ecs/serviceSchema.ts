/**
 * `AWS::ECS::Service`: its Properties (launch type or capacity provider strategy, placement,
 * load balancers, deployment bounds with AWS's defaults per scheduling strategy) and its
 * `Metadata.clustersim` (queue limit, tasks at Start).
 */
import { z } from 'zod';
import { num, oneOf, strictObject } from '../../scenario/fields';
import { describeValue } from '../../scenario/issues';
import { DEFAULT_POOL, databaseClientFields } from '../../scenario/databaseClients';
import { CapacityProviderStrategySchema, isFargateStrategy } from './capacityProviderStrategySchema';

export const ECS_SERVICE = 'AWS::ECS::Service';

export const LAUNCH_TYPES = ['FARGATE', 'EC2', 'EXTERNAL'] as const;

export const PlacementStrategySchema = z
  .looseObject({ Type: oneOf(['binpack', 'random', 'spread']), Field: z.string().optional() })
  .superRefine((s, ctx) => {
    const bad = (message: string) => ctx.addIssue({ code: 'custom', path: ['Field'], message });
    if (s.Type === 'binpack') {
      if (s.Field !== 'cpu' && s.Field !== 'memory') {
        bad(s.Field === undefined ? 'required for binpack: cpu or memory' : `must be one of cpu, memory for binpack; got ${describeValue(s.Field)}`);
      }
    } else if (s.Type === 'spread') {
      if (s.Field === undefined) bad('required for spread: instanceId, host or attribute:<name> (e.g. attribute:ecs.availability-zone)');
      else if (s.Field !== 'instanceId' && s.Field !== 'host' && !/^attribute:\S+$/.test(s.Field)) {
        bad(`must be instanceId, host or attribute:<name> for spread; got ${describeValue(s.Field)}`);
      }
    } else if (s.Field !== undefined) {
      bad('random takes no Field; remove it');
    }
  });

export const PlacementConstraintSchema = z
  .looseObject({ Type: oneOf(['distinctInstance', 'memberOf']), Expression: z.string().optional() })
  .superRefine((c, ctx) => {
    if (c.Type === 'memberOf' && c.Expression === undefined) {
      ctx.addIssue({ code: 'custom', path: ['Expression'], message: 'required for memberOf: a cluster query, e.g. attribute:ecs.instance-type =~ t3.*' });
    } else if (c.Type === 'distinctInstance' && c.Expression !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['Expression'], message: 'distinctInstance takes no Expression (AWS); remove it' });
    }
  });

export const ServiceLoadBalancerSchema = z.looseObject({
  /** The target group (`!Ref MyTargetGroup`). Classic load balancers (LoadBalancerName) are not modelled. */
  TargetGroupArn: z.string({
    error: (iss) =>
      iss.input === undefined
        ? 'required: !Ref an AWS::ElasticLoadBalancingV2::TargetGroup (classic load balancers are not modelled)'
        : `expected a target group ARN, got ${describeValue(iss.input)}`,
  }),
  ContainerName: z.string(),
  ContainerPort: num({ int: true, min: 0, max: 65_535 }),
});

export const ServicePropertiesSchema = z
  .looseObject({
    Cluster: z.string().optional(),
    LaunchType: oneOf(LAUNCH_TYPES).optional(),
    /** Tasks to keep running; CloudFormation's default is 1. */
    DesiredCount: num({ int: true, min: 0, max: 5000, unit: 'tasks' }).default(1), // ECS quota: tasks per service 5,000
    TaskDefinition: z.string({
      error: (iss) =>
        iss.input === undefined
          ? 'required: the task definition (!Ref a AWS::ECS::TaskDefinition)'
          : `expected a task definition name or ARN, got ${describeValue(iss.input)}`,
    }),
    ServiceName: z.string().optional(),
    CapacityProviderStrategy: CapacityProviderStrategySchema.optional(),
    DeploymentConfiguration: z
      .looseObject({
        /** Upper bound of running + pending tasks during a deployment, % of DesiredCount (rounded down). */
        MaximumPercent: num({ int: true, min: 100, unit: '%' }).optional(),
        /** Lower bound of running tasks during a deployment, % of DesiredCount (rounded up). */
        MinimumHealthyPercent: num({ int: true, min: 0, max: 100, unit: '%' }).optional(),
      })
      .optional(),
    NetworkConfiguration: z
      .looseObject({
        AwsvpcConfiguration: z
          .looseObject({
            Subnets: z.array(z.string()).optional(),
            SecurityGroups: z.array(z.string()).optional(),
            AssignPublicIp: oneOf(['ENABLED', 'DISABLED']).optional(),
          })
          .optional(),
      })
      .optional(),
    PlacementStrategies: z.array(PlacementStrategySchema).max(5).optional(),
    PlacementConstraints: z.array(PlacementConstraintSchema).max(10).optional(),
    SchedulingStrategy: oneOf(['REPLICA', 'DAEMON']).default('REPLICA'),
    LoadBalancers: z.array(ServiceLoadBalancerSchema).optional(),
    /** Seconds after a task starts during which failing load balancer health checks are ignored. */
    HealthCheckGracePeriodSeconds: num({ int: true, min: 0, max: 2_147_483_647, unit: 's' }).default(0),
  })
  .superRefine((svc, ctx) => {
    const fargate = svc.LaunchType === 'FARGATE' ? 'LaunchType FARGATE' : isFargateService(svc) ? 'FARGATE/FARGATE_SPOT capacity providers' : undefined;
    if (fargate) {
      for (const key of ['PlacementStrategies', 'PlacementConstraints'] as const) {
        if (svc[key] !== undefined) {
          ctx.addIssue({ code: 'custom', path: [key], message: `not supported for Fargate (${fargate}): Fargate places tasks itself; remove it` });
        }
      }
    }
    if (svc.LaunchType !== undefined && svc.CapacityProviderStrategy !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['CapacityProviderStrategy'], message: 'cannot be given together with LaunchType: use one or the other' });
    }
  })
  .transform((svc) => {
    // AWS's defaults depend on the scheduling strategy (REPLICA 100/200, DAEMON 0/100).
    const daemon = svc.SchedulingStrategy === 'DAEMON';
    const dc = svc.DeploymentConfiguration ?? {};
    return {
      ...svc,
      DeploymentConfiguration: {
        ...dc,
        MinimumHealthyPercent: dc.MinimumHealthyPercent ?? (daemon ? 0 : 100),
        MaximumPercent: dc.MaximumPercent ?? (daemon ? 100 : 200),
      },
    };
  });

/** `Metadata.clustersim` of a service. */
export const ServiceSimSchema = strictObject({
  QueueLimit: num({ int: true, min: 1, unit: 'requests per task' })
    .default(100)
    .describe('Requests in service or waiting per running task, beyond which new requests fail (default 100)'),
  TasksAtStart: oneOf(['Running', 'Launching'])
    .default('Running')
    .describe('Running: the DesiredCount tasks are already running at Start (steady state); Launching: they launch at Start'),
  ...databaseClientFields(DEFAULT_POOL.task, 'task'),
});

export type EcsServiceProperties = z.output<typeof ServicePropertiesSchema>;
export type EcsPlacementStrategy = z.output<typeof PlacementStrategySchema>;
export type EcsPlacementConstraint = z.output<typeof PlacementConstraintSchema>;
export type EcsServiceLoadBalancer = z.output<typeof ServiceLoadBalancerSchema>;
export type EcsServiceSim = z.output<typeof ServiceSimSchema>;

/** Whether a service runs on Fargate by its own properties: LaunchType FARGATE, or a strategy of only Fargate providers. */
export function isFargateService(svc: Pick<EcsServiceProperties, 'LaunchType' | 'CapacityProviderStrategy'>): boolean {
  if (svc.LaunchType !== undefined) return svc.LaunchType === 'FARGATE';
  return isFargateStrategy(svc.CapacityProviderStrategy);
}
