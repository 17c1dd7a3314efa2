/**
 * The ECS checks that span resources, run after each resource's schema has passed, and what they
 * fill in (see `checkEcsResources`).
 */
import { describeValue } from '../../scenario/issues';
import type { PathSegment } from '../../scenario/positions';
import { type CheckContext, type CheckIssue, refTo, validOfType } from '../../scenario/resourceCheck';
import { checkCapacityProviders, checkClusters, checkServiceStrategy } from './capacityProviderChecks';
import { ECS_CLUSTER } from './clusterSchema';
import { isFargateCapacity, serviceCapacity } from './serviceCapacity';
import { ECS_SERVICE, type EcsServiceProperties } from './serviceSchema';
import { ECS_TASK_DEFINITION, type EcsTaskDefinitionProperties } from './taskDefinitionSchema';
import { fargateTaskIssues, fillTaskSize } from './taskSizeChecks';

const TARGET_GROUP = 'AWS::ElasticLoadBalancingV2::TargetGroup';

/**
 * Checks that need more than one resource, and fills in what depends on them:
 * - a service's task definition and cluster exist; its capacity providers exist and are
 *   associated with its cluster (FARGATE and FARGATE_SPOT always are); its task definition is
 *   compatible with its capacity; its load balancers' target groups exist, are used by no other
 *   service, name a container of the task, and have the target type its network mode needs;
 * - Fargate task definitions (RequiresCompatibilities FARGATE, or used by a Fargate service) have
 *   a Fargate CPU/memory size and awsvpc networking;
 * - other task definitions get task-level Cpu/Memory from their containers when they set none
 *   (written into their Properties), and an EC2 service's task has a positive size;
 * - a capacity provider's Auto Scaling group exists and is used by no other capacity provider;
 *   with managed termination protection the group protects new instances from scale-in.
 */
export function checkEcsResources(ctx: CheckContext): CheckIssue[] {
  const out: CheckIssue[] = [];
  const { scenario } = ctx;
  const fargateTasks = new Set<string>();
  const ec2Tasks = new Map<string, string>();
  for (const td of validOfType(ctx, ECS_TASK_DEFINITION)) {
    if ((td.Properties as EcsTaskDefinitionProperties).RequiresCompatibilities?.includes('FARGATE')) fargateTasks.add(td.LogicalId);
  }
  out.push(...checkCapacityProviders(ctx), ...checkClusters(ctx));

  const targetGroupUsers = new Map<string, string>();
  for (const r of validOfType(ctx, ECS_SERVICE)) {
    const svc = r.Properties as EcsServiceProperties;
    const at = (...rest: PathSegment[]): PathSegment[] => [r.LogicalId, 'Properties', ...rest];
    let clusterId: string | undefined;
    if (svc.Cluster !== undefined) {
      const c = refTo(ctx, svc.Cluster, ECS_CLUSTER, at('Cluster'), 'a cluster');
      if ('issue' in c) out.push(c.issue);
      else clusterId = c.id;
    }
    const capacity = serviceCapacity(scenario, r);
    const fargate = isFargateCapacity(capacity);
    if (capacity.kind === 'strategy') out.push(...checkServiceStrategy(ctx, r, capacity, clusterId));
    if (capacity.kind === 'strategy' && capacity.From === 'cluster' && fargate) {
      for (const key of ['PlacementStrategies', 'PlacementConstraints'] as const) {
        if (svc[key] !== undefined) {
          out.push({ path: at(key), message: "not supported for Fargate (the cluster's default strategy is Fargate): Fargate places tasks itself; remove it" });
        }
      }
    }
    const t = refTo(ctx, svc.TaskDefinition, ECS_TASK_DEFINITION, at('TaskDefinition'), 'a task definition');
    if ('issue' in t) {
      out.push(t.issue);
      continue;
    }
    const td = scenario.Resources[t.id]!;
    const tdp = td.Properties as EcsTaskDefinitionProperties;
    const compat = tdp.RequiresCompatibilities;
    const onEc2 = !fargate && !(capacity.kind === 'launchType' && capacity.LaunchType === 'EXTERNAL');
    if (!ctx.invalid.has(t.id)) {
      if (fargate) {
        fargateTasks.add(t.id);
        if (compat !== undefined && !compat.includes('FARGATE')) {
          out.push({ path: at('TaskDefinition'), message: `${t.id} is not Fargate-compatible (RequiresCompatibilities: ${compat.join(', ')}), but this service runs on Fargate: add FARGATE` });
        }
      } else if (onEc2) {
        ec2Tasks.set(t.id, r.LogicalId);
        if (compat !== undefined && !compat.includes('EC2')) {
          out.push({ path: at('TaskDefinition'), message: `${t.id} is not EC2-compatible (RequiresCompatibilities: ${compat.join(', ')}), but this service runs on EC2 instances: add EC2` });
        }
      }
    }
    svc.LoadBalancers?.forEach((lb, i) => {
      const tg = refTo(ctx, lb.TargetGroupArn, TARGET_GROUP, at('LoadBalancers', i, 'TargetGroupArn'), 'a target group');
      if ('issue' in tg) {
        out.push(tg.issue);
        return;
      }
      const other = targetGroupUsers.get(tg.id);
      if (other !== undefined && other !== r.LogicalId) {
        out.push({ path: at('LoadBalancers', i, 'TargetGroupArn'), message: `target group ${tg.id} is already used by service ${other}; a target group serves one service` });
      }
      targetGroupUsers.set(tg.id, r.LogicalId);
      if (!ctx.invalid.has(t.id) && tdp.ContainerDefinitions !== undefined && !tdp.ContainerDefinitions.some((c) => c.Name === lb.ContainerName)) {
        out.push({
          path: at('LoadBalancers', i, 'ContainerName'),
          message: `${describeValue(lb.ContainerName)} is not a container of ${t.id}; containers: ${tdp.ContainerDefinitions.map((c) => c.Name).join(', ') || '(none)'}`,
        });
      }
      const targetType = (scenario.Resources[tg.id]!.Properties as { TargetType?: string }).TargetType;
      const awsvpc = fargate || tdp.NetworkMode === 'awsvpc';
      if (!ctx.invalid.has(tg.id) && targetType !== undefined && (targetType === 'ip') !== awsvpc) {
        out.push({
          path: at('LoadBalancers', i, 'TargetGroupArn'),
          message: awsvpc
            ? `target group ${tg.id} has TargetType ${targetType}; awsvpc tasks${fargate ? ' (Fargate)' : ''} register by IP: it needs TargetType ip`
            : `target group ${tg.id} has TargetType ip; ${tdp.NetworkMode ?? 'bridge'}-mode tasks register by instance: it needs TargetType instance`,
        });
      }
    });
  }
  for (const id of fargateTasks) {
    out.push(...fargateTaskIssues(scenario.Resources[id]!));
  }
  for (const td of validOfType(ctx, ECS_TASK_DEFINITION)) {
    if (!fargateTasks.has(td.LogicalId)) out.push(...fillTaskSize(td, ec2Tasks.get(td.LogicalId)));
  }
  return out;
}
