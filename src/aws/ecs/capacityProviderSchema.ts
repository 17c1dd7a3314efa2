/**
 * `AWS::ECS::CapacityProvider` (an Auto Scaling group with managed scaling, termination
 * protection and draining; AWS's defaults filled in) and
 * `AWS::ECS::ClusterCapacityProviderAssociations` (a cluster's providers and default strategy).
 */
import { z } from 'zod';
import { num, oneOf } from '../../scenario/fields';
import { describeValue } from '../../scenario/issues';
import { CapacityProviderStrategySchema } from './capacityProviderStrategySchema';

export const ECS_CAPACITY_PROVIDER = 'AWS::ECS::CapacityProvider';
export const ECS_CLUSTER_CAPACITY_PROVIDER_ASSOCIATIONS = 'AWS::ECS::ClusterCapacityProviderAssociations';

const RESERVED_PROVIDER_PREFIX = /^(aws|ecs|fargate)/i;

export const ManagedScalingSchema = z.looseObject({
  /** ENABLED when ManagedScaling is given without Status (as AWS does); see CapacityProviderPropertiesSchema. */
  Status: oneOf(['ENABLED', 'DISABLED']).default('ENABLED'),
  /** Percent of instance capacity to keep in use; 100 = no spare instances. */
  TargetCapacity: num({ int: true, min: 1, max: 100, unit: '%' }).default(100),
  MinimumScalingStepSize: num({ int: true, min: 1, max: 10_000, unit: 'instances' }).default(1),
  MaximumScalingStepSize: num({ int: true, min: 1, max: 10_000, unit: 'instances' }).default(10_000),
  /** Seconds a new instance counts as warming up (no new scale-out meanwhile). */
  InstanceWarmupPeriod: num({ int: true, min: 0, max: 10_000, unit: 's' }).default(300),
});

/** Managed scaling as the output always has it: DISABLED with AWS's defaults when not given. */
const MANAGED_SCALING_OFF = {
  Status: 'DISABLED',
  TargetCapacity: 100,
  MinimumScalingStepSize: 1,
  MaximumScalingStepSize: 10_000,
  InstanceWarmupPeriod: 300,
} as const;

export const CapacityProviderPropertiesSchema = z
  .looseObject({
    Name: z
      .string()
      .refine((n) => !RESERVED_PROVIDER_PREFIX.test(n), {
        error: (iss) => `must not begin with aws, ecs or fargate (reserved by AWS), got ${describeValue(iss.input)}`,
      })
      .optional(),
    AutoScalingGroupProvider: z.looseObject({
      /** The Auto Scaling group (`!Ref MyAsg`: its name, or its ARN). */
      AutoScalingGroupArn: z.string(),
      ManagedScaling: ManagedScalingSchema.optional(),
      ManagedTerminationProtection: oneOf(['ENABLED', 'DISABLED']).default('DISABLED'),
      /** AWS's default for new capacity providers since 2024: ENABLED. */
      ManagedDraining: oneOf(['ENABLED', 'DISABLED']).default('ENABLED'),
    }),
  })
  .transform((cp, ctx) => {
    const g = cp.AutoScalingGroupProvider;
    const ManagedScaling = { ...MANAGED_SCALING_OFF, ...g.ManagedScaling };
    if (ManagedScaling.MinimumScalingStepSize > ManagedScaling.MaximumScalingStepSize) {
      ctx.addIssue({
        code: 'custom',
        path: ['AutoScalingGroupProvider', 'ManagedScaling', 'MaximumScalingStepSize'],
        message: `must be ≥ MinimumScalingStepSize (${ManagedScaling.MinimumScalingStepSize}), got ${ManagedScaling.MaximumScalingStepSize}`,
      });
    }
    return { ...cp, AutoScalingGroupProvider: { ...g, ManagedScaling } };
  });

export const ClusterCapacityProviderAssociationsPropertiesSchema = z.looseObject({
  /** The cluster (`!Ref MyCluster`). */
  Cluster: z.string(),
  CapacityProviders: z.array(z.string()),
  DefaultCapacityProviderStrategy: CapacityProviderStrategySchema.default([]),
});

export type EcsCapacityProviderProperties = z.output<typeof CapacityProviderPropertiesSchema>;
export type EcsManagedScaling = EcsCapacityProviderProperties['AutoScalingGroupProvider']['ManagedScaling'];
export type EcsClusterCapacityProviderAssociationsProperties = z.output<typeof ClusterCapacityProviderAssociationsPropertiesSchema>;
