/**
 * How a service gets its capacity, as AWS decides it: its launch type, its own capacity provider
 * strategy or its cluster's default (from the cluster and its associations); and the resources
 * behind a capacity provider's name.
 */
import { AUTO_SCALING_GROUP } from '../ec2/schema';
import { resolveResourceRef } from '../../scenario/resourceRef';
import type { ResourceModel, Scenario } from '../../scenario/types';
import { ECS_CAPACITY_PROVIDER, ECS_CLUSTER_CAPACITY_PROVIDER_ASSOCIATIONS, type EcsCapacityProviderProperties, type EcsClusterCapacityProviderAssociationsProperties } from './capacityProviderSchema';
import { type EcsCapacityProviderStrategyItem, isFargateStrategy } from './capacityProviderStrategySchema';
import { ECS_CLUSTER, type EcsClusterProperties } from './clusterSchema';
import type { EcsServiceProperties, LAUNCH_TYPES } from './serviceSchema';

type ScenarioView = Pick<Scenario, 'Resources' | 'Region'>;

/** How a service gets capacity: a launch type, or a capacity provider strategy (its own or its cluster's default). */
export type ServiceCapacity =
  | { kind: 'launchType'; LaunchType: (typeof LAUNCH_TYPES)[number] }
  | { kind: 'strategy'; Strategy: EcsCapacityProviderStrategyItem[]; From: 'service' | 'cluster' };

/** The capacity providers associated with a cluster and its default strategy (from the cluster and its associations). */
export interface ClusterCapacity {
  CapacityProviders: string[];
  DefaultCapacityProviderStrategy: EcsCapacityProviderStrategyItem[];
}

/** The cluster's capacity providers and default strategy; an association's default strategy wins over the cluster's. */
export function clusterCapacity(scenario: ScenarioView, clusterId: string | undefined): ClusterCapacity {
  const out: ClusterCapacity = { CapacityProviders: [], DefaultCapacityProviderStrategy: [] };
  if (clusterId === undefined) return out;
  const cluster = scenario.Resources[clusterId]?.Properties as EcsClusterProperties | undefined;
  out.CapacityProviders.push(...(cluster?.CapacityProviders ?? []));
  out.DefaultCapacityProviderStrategy = cluster?.DefaultCapacityProviderStrategy ?? [];
  for (const r of Object.values(scenario.Resources)) {
    if (r.Type !== ECS_CLUSTER_CAPACITY_PROVIDER_ASSOCIATIONS) continue;
    const a = r.Properties as EcsClusterCapacityProviderAssociationsProperties;
    if (resolveResourceRef(scenario, a.Cluster, ECS_CLUSTER) !== clusterId) continue;
    for (const cp of a.CapacityProviders ?? []) if (!out.CapacityProviders.includes(cp)) out.CapacityProviders.push(cp);
    if ((a.DefaultCapacityProviderStrategy ?? []).length > 0) out.DefaultCapacityProviderStrategy = a.DefaultCapacityProviderStrategy;
  }
  return out;
}

/** The logical ID of the cluster a service runs in; undefined for the default cluster. */
export function serviceClusterId(scenario: ScenarioView, service: ResourceModel): string | undefined {
  const cluster = (service.Properties as EcsServiceProperties).Cluster;
  return cluster === undefined ? undefined : resolveResourceRef(scenario, cluster, ECS_CLUSTER);
}

/**
 * How a service gets capacity, as AWS decides it: its LaunchType; else its
 * CapacityProviderStrategy; else its cluster's default strategy; else LaunchType EC2.
 */
export function serviceCapacity(scenario: ScenarioView, service: ResourceModel): ServiceCapacity {
  const svc = service.Properties as EcsServiceProperties;
  if (svc.LaunchType !== undefined) return { kind: 'launchType', LaunchType: svc.LaunchType };
  if (svc.CapacityProviderStrategy !== undefined) return { kind: 'strategy', Strategy: svc.CapacityProviderStrategy, From: 'service' };
  const dflt = clusterCapacity(scenario, serviceClusterId(scenario, service)).DefaultCapacityProviderStrategy;
  if (dflt.length > 0) return { kind: 'strategy', Strategy: dflt, From: 'cluster' };
  return { kind: 'launchType', LaunchType: 'EC2' };
}

/** Whether the capacity is Fargate (LaunchType FARGATE or only FARGATE/FARGATE_SPOT providers). */
export function isFargateCapacity(c: ServiceCapacity): boolean {
  return c.kind === 'launchType' ? c.LaunchType === 'FARGATE' : isFargateStrategy(c.Strategy);
}

/** The logical ID of the `AWS::ECS::CapacityProvider` a strategy item names (by Name or logical ID). */
export function capacityProviderId(scenario: ScenarioView, name: string): string | undefined {
  return resolveResourceRef(scenario, name, ECS_CAPACITY_PROVIDER);
}

/** The logical ID of the Auto Scaling group behind a capacity provider. */
export function capacityProviderAsg(scenario: ScenarioView, provider: ResourceModel): string | undefined {
  const arn = (provider.Properties as EcsCapacityProviderProperties).AutoScalingGroupProvider.AutoScalingGroupArn;
  return resolveResourceRef(scenario, arn, AUTO_SCALING_GROUP);
}
