/** `AWS::ECS::Cluster`: its Properties (capacity providers, default strategy) and its empty `Metadata.clustersim`. */
import { z } from 'zod';
import { strictObject } from '../../scenario/fields';
import { CapacityProviderStrategySchema } from './capacityProviderStrategySchema';

export const ECS_CLUSTER = 'AWS::ECS::Cluster';

/** The cluster a service without `Cluster` runs in. */
export const DEFAULT_CLUSTER_NAME = 'default';

export const ClusterPropertiesSchema = z.looseObject({
  ClusterName: z.string().optional(),
  /** Capacity provider names (FARGATE, FARGATE_SPOT, or AWS::ECS::CapacityProvider names). */
  CapacityProviders: z.array(z.string()).optional(),
  DefaultCapacityProviderStrategy: CapacityProviderStrategySchema.optional(),
  ClusterSettings: z.array(z.looseObject({ Name: z.string(), Value: z.string() })).optional(),
});

/** `Metadata.clustersim` of a cluster, capacity provider or association: nothing yet. */
export const ClusterSimSchema = strictObject({});

export type EcsClusterProperties = z.output<typeof ClusterPropertiesSchema>;
export type EcsClusterSim = z.output<typeof ClusterSimSchema>;
