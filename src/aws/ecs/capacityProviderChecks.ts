/**
 * The checks of a scenario's capacity providers, clusters and associations, and of a service's
 * own strategy against its cluster: providers exist, back one group and belong to one cluster;
 * default strategies use only the providers listed beside them.
 */
import { AUTO_SCALING_GROUP, type AutoScalingGroupProperties } from '../ec2/schema';
import { describeValue } from '../../scenario/issues';
import type { PathSegment } from '../../scenario/positions';
import { type CheckContext, type CheckIssue, refTo, validOfType } from '../../scenario/resourceCheck';
import type { ResourceModel } from '../../scenario/types';
import {
  ECS_CAPACITY_PROVIDER,
  ECS_CLUSTER_CAPACITY_PROVIDER_ASSOCIATIONS,
  type EcsCapacityProviderProperties,
  type EcsClusterCapacityProviderAssociationsProperties,
} from './capacityProviderSchema';
import { type EcsCapacityProviderStrategyItem, FARGATE_CAPACITY_PROVIDERS, FARGATE_PROVIDERS } from './capacityProviderStrategySchema';
import { ECS_CLUSTER, type EcsClusterProperties } from './clusterSchema';
import { capacityProviderId, clusterCapacity, type ServiceCapacity } from './serviceCapacity';

/** Each capacity provider's Auto Scaling group exists and backs no other provider; termination protection as AWS needs it (warnings). */
export function checkCapacityProviders(ctx: CheckContext): CheckIssue[] {
  const out: CheckIssue[] = [];
  const asgUsers = new Map<string, string>();
  for (const cp of validOfType(ctx, ECS_CAPACITY_PROVIDER)) {
    const g = (cp.Properties as EcsCapacityProviderProperties).AutoScalingGroupProvider;
    const path = [cp.LogicalId, 'Properties', 'AutoScalingGroupProvider', 'AutoScalingGroupArn'];
    const asg = refTo(ctx, g.AutoScalingGroupArn, AUTO_SCALING_GROUP, path, 'an Auto Scaling group');
    if ('issue' in asg) {
      out.push(asg.issue);
      continue;
    }
    const other = asgUsers.get(asg.id);
    if (other !== undefined) out.push({ path, message: `Auto Scaling group ${asg.id} already backs capacity provider ${other}; a group backs one capacity provider (AWS)` });
    asgUsers.set(asg.id, cp.LogicalId);
    // AWS rejects the first and ignores the second; warnings for now, so templates written before
    // these checks still run (the model applies termination protection either way).
    const protect = (ctx.scenario.Resources[asg.id]!.Properties as AutoScalingGroupProperties).NewInstancesProtectedFromScaleIn;
    const mtpPath = [cp.LogicalId, 'Properties', 'AutoScalingGroupProvider', 'ManagedTerminationProtection'];
    if (g.ManagedTerminationProtection === 'ENABLED' && !ctx.invalid.has(asg.id) && protect !== true) {
      out.push({
        path: mtpPath,
        warning: true,
        message: `ENABLED needs the Auto Scaling group to protect new instances from scale-in (AWS rejects it otherwise): set NewInstancesProtectedFromScaleIn: true on ${asg.id}`,
      });
    }
    if (g.ManagedTerminationProtection === 'ENABLED' && g.ManagedScaling.Status !== 'ENABLED') {
      out.push({ path: mtpPath, warning: true, message: 'ENABLED without managed scaling (ManagedScaling.Status ENABLED) does nothing on AWS' });
    }
  }
  return out;
}

/** Whether `name` is a capacity provider a cluster can list: FARGATE, FARGATE_SPOT or an AWS::ECS::CapacityProvider of the scenario. */
function providerIssue(ctx: CheckContext, name: string, path: PathSegment[]): CheckIssue | undefined {
  if (FARGATE_PROVIDERS.has(name) || capacityProviderId(ctx.scenario, name) !== undefined) return undefined;
  const known = [...FARGATE_CAPACITY_PROVIDERS, ...validOfType(ctx, ECS_CAPACITY_PROVIDER).map((r) => r.PhysicalName)];
  return { path, message: `${describeValue(name)} is not a capacity provider in this scenario; capacity providers: ${known.join(', ')}` };
}

/** Clusters and associations: their providers exist, default strategies use only listed providers, a provider belongs to one cluster, a cluster has one association. */
export function checkClusters(ctx: CheckContext): CheckIssue[] {
  const out: CheckIssue[] = [];
  const strategyIn = (strategy: EcsCapacityProviderStrategyItem[], providers: string[], base: PathSegment[], where: string) => {
    strategy.forEach((item, i) => {
      if (!providers.includes(item.CapacityProvider)) {
        out.push({
          path: [...base, i, 'CapacityProvider'],
          message: `${describeValue(item.CapacityProvider)} is not in ${where}'s CapacityProviders (${providers.join(', ') || 'none'}); a default strategy may use only those`,
        });
      }
    });
  };
  for (const c of validOfType(ctx, ECS_CLUSTER)) {
    const p = c.Properties as EcsClusterProperties;
    p.CapacityProviders?.forEach((name, i) => {
      const issue = providerIssue(ctx, name, [c.LogicalId, 'Properties', 'CapacityProviders', i]);
      if (issue) out.push(issue);
    });
    strategyIn(p.DefaultCapacityProviderStrategy ?? [], p.CapacityProviders ?? [], [c.LogicalId, 'Properties', 'DefaultCapacityProviderStrategy'], 'the cluster');
  }
  const associationOf = new Map<string, string>();
  const clusterOfProvider = new Map<string, string>();
  const note = (provider: string, clusterId: string, path: PathSegment[]) => {
    if (FARGATE_PROVIDERS.has(provider)) return;
    const id = capacityProviderId(ctx.scenario, provider);
    if (id === undefined) return;
    const other = clusterOfProvider.get(id);
    if (other !== undefined && other !== clusterId) {
      out.push({ path, message: `capacity provider ${id} is already associated with cluster ${other}; an Auto Scaling group capacity provider belongs to one cluster (AWS)` });
    }
    clusterOfProvider.set(id, clusterId);
  };
  for (const c of validOfType(ctx, ECS_CLUSTER)) {
    (c.Properties as EcsClusterProperties).CapacityProviders?.forEach((name, i) => {
      note(name, c.LogicalId, [c.LogicalId, 'Properties', 'CapacityProviders', i]);
    });
  }
  for (const a of validOfType(ctx, ECS_CLUSTER_CAPACITY_PROVIDER_ASSOCIATIONS)) {
    const p = a.Properties as EcsClusterCapacityProviderAssociationsProperties;
    const at = (...rest: PathSegment[]): PathSegment[] => [a.LogicalId, 'Properties', ...rest];
    const c = refTo(ctx, p.Cluster, ECS_CLUSTER, at('Cluster'), 'a cluster');
    if ('issue' in c) out.push(c.issue);
    else {
      const other = associationOf.get(c.id);
      if (other !== undefined) out.push({ path: at('Cluster'), message: `cluster ${c.id} already has capacity provider associations (${other}); give a cluster one` });
      associationOf.set(c.id, a.LogicalId);
    }
    p.CapacityProviders.forEach((name, i) => {
      const issue = providerIssue(ctx, name, at('CapacityProviders', i));
      if (issue) out.push(issue);
      else if ('id' in c) note(name, c.id, at('CapacityProviders', i));
    });
    strategyIn(p.DefaultCapacityProviderStrategy, p.CapacityProviders, at('DefaultCapacityProviderStrategy'), 'the association');
  }
  return out;
}

/** The providers of a service's own strategy exist and are associated with its cluster (FARGATE and FARGATE_SPOT always are). */
export function checkServiceStrategy(
  ctx: CheckContext,
  service: ResourceModel,
  capacity: Extract<ServiceCapacity, { kind: 'strategy' }>,
  clusterId: string | undefined,
): CheckIssue[] {
  if (capacity.From === 'cluster') return [];
  const out: CheckIssue[] = [];
  const associated = clusterCapacity(ctx.scenario, clusterId).CapacityProviders;
  const clusterName = clusterId ?? `the default cluster (no Cluster given)`;
  capacity.Strategy.forEach((item, i) => {
    const path = [service.LogicalId, 'Properties', 'CapacityProviderStrategy', i, 'CapacityProvider'];
    const name = item.CapacityProvider;
    if (FARGATE_PROVIDERS.has(name)) return;
    const issue = providerIssue(ctx, name, path);
    if (issue) out.push(issue);
    else if (!associated.includes(name)) {
      out.push({
        path,
        message: `capacity provider ${describeValue(name)} is not associated with ${clusterName}; associate it (the cluster's CapacityProviders or an AWS::ECS::ClusterCapacityProviderAssociations); associated: ${associated.join(', ') || '(none)'}`,
      });
    }
  });
  return out;
}
