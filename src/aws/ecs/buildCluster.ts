/**
 * Builds the ECS cluster models of a scenario: which services, capacity providers and Auto
 * Scaling groups belong to each cluster, and their configurations.
 *
 * An Auto Scaling group joins the cluster whose capacity provider names it; failing that, the
 * cluster its launch template's UserData names (`ECS_CLUSTER=<name>`); failing that, when the
 * scenario has exactly one cluster, that one.
 */
import type { Engine } from '../../engine';
import { EC2_INSTANCE_TYPES, type PriceTable } from '../../pricing';
import { resolveResourceRef, type ResourceModel, type Scenario, settingsOf } from '../../scenario';
import { zonesOf } from '../ec2/schema';
import { clusterCapacity, serviceCapacity } from './schema';
import { ClusterModel } from './ClusterModel';
import type { EcsQuotas, SpotSettings } from './clusterWorld';
import type { AsgConfig, InstanceTypeInfo, ProviderItem, ServiceConfig, TaskDefConfig } from './clusterTypes';
import { type LatencyRecorder, ServiceModel } from './ServiceModel';
import { TokenBucket } from '../../engine';

/** A configuration the validator lets through but the model cannot run. */
export class UnsupportedFeatureError extends Error {}

type Props = Record<string, unknown>;

const DEFAULT_CLUSTER = 'default';

function props(r: ResourceModel): Props {
  return r.Properties;
}

function ofType(s: Scenario, type: string): ResourceModel[] {
  return Object.values(s.Resources).filter((r) => r.Type === type);
}

/** The account-wide launch quotas (Settings.Ecs). */
export function ecsQuotas(s: Scenario): EcsQuotas {
  const e = settingsOf(s).Ecs;
  return {
    fargateBucket: new TokenBucket(e.FargateLaunchBurst, e.FargateLaunchRefillPerSecond),
    serviceLaunchesPerMinute: e.ServiceLaunchesPerMinute,
    provisioningTasksPerCluster: e.ProvisioningTasksPerCluster,
  };
}

export function spotSettings(s: Scenario): SpotSettings {
  const sp = settingsOf(s).Spot;
  return { interruptionsPerInstanceHour: sp.InterruptionsPerInstanceHour, warningMs: sp.WarningSeconds * 1000 };
}

/** The instance type's facts and price. */
export function instanceTypeInfo(name: string, prices: PriceTable, trunking: boolean): InstanceTypeInfo {
  const t = EC2_INSTANCE_TYPES[name];
  const price = prices.ec2.onDemandLinux[name];
  if (t === undefined || price === undefined) {
    throw new UnsupportedFeatureError(`instance type ${name} has no data or no price in region ${prices.region}`);
  }
  return {
    name,
    cpuUnits: t.vcpu * 1024,
    memoryMiB: t.memoryMiB,
    awsvpcTasks: trunking && t.trunkingEnis !== undefined ? t.trunkingEnis : Math.max(0, t.maxEnis - 1),
    architecture: t.architecture,
    hourlyUsd: price.hourly.usd,
  };
}

export function taskDefConfig(td: ResourceModel, defaultAwsvpc: boolean): TaskDefConfig {
  const p = props(td);
  const rp = (p['RuntimePlatform'] as Props | undefined) ?? {};
  const os = String(rp['OperatingSystemFamily'] ?? 'LINUX').startsWith('WINDOWS') ? 'WINDOWS' : 'LINUX';
  const networkMode = p['NetworkMode'] as string | undefined;
  return {
    logicalId: td.LogicalId,
    cpuUnits: p['Cpu'] as number,
    memoryMiB: p['Memory'] as number,
    ephemeralGiB: ((p['EphemeralStorage'] as Props | undefined)?.['SizeInGiB'] as number | undefined) ?? 20,
    cpuArchitecture: (rp['CpuArchitecture'] as 'X86_64' | 'ARM64' | undefined) ?? 'X86_64',
    osFamily: os,
    awsvpc: networkMode === undefined ? defaultAwsvpc : networkMode === 'awsvpc',
    imageSizeMiB: (td.Sim['ImageSizeMiB'] as number | undefined) ?? 250,
    startLatencyMs: td.Sim['StartLatency'] as number | undefined,
    cachedPullMs: (td.Sim['CachedImagePull'] as number | undefined) ?? 2000,
    memoryBaselineMiB: (((td.Sim['MemoryBaselinePercent'] as number | undefined) ?? 40) / 100) * (p['Memory'] as number),
    memoryPerRequestMiB: (td.Sim['MemoryPerRequestMiB'] as number | undefined) ?? 2,
  };
}

function clusterOf(s: Scenario, value: unknown): string {
  if (value === undefined) return DEFAULT_CLUSTER;
  return resolveResourceRef(s, value, 'AWS::ECS::Cluster') ?? DEFAULT_CLUSTER;
}

function capacityProviderAsg(s: Scenario, cpName: string): { asg: string; cp: ResourceModel } | undefined {
  const id = resolveResourceRef(s, cpName, 'AWS::ECS::CapacityProvider');
  const cp = id === undefined ? undefined : s.Resources[id];
  if (cp === undefined) return undefined;
  const asgRef = (props(cp)['AutoScalingGroupProvider'] as Props | undefined)?.['AutoScalingGroupArn'];
  const asg = resolveResourceRef(s, asgRef, 'AWS::AutoScaling::AutoScalingGroup');
  return asg === undefined ? undefined : { asg, cp };
}

function providerItems(s: Scenario, service: ResourceModel): ProviderItem[] {
  // LaunchType, else the service's strategy, else the cluster's default, else LaunchType EC2 (as ECS decides).
  const capacity = serviceCapacity(s, service);
  if (capacity.kind === 'launchType') {
    const lt = capacity.LaunchType;
    if (lt === 'EXTERNAL') throw new UnsupportedFeatureError(`${service.LogicalId}: LaunchType EXTERNAL (ECS Anywhere) is not simulated`);
    return [{ name: lt, kind: lt, asg: undefined, base: 0, weight: 1, viaProvider: false }];
  }
  return (capacity.Strategy as Props[]).map((item) => {
    const name = String(item['CapacityProvider']);
    const base = (item['Base'] as number | undefined) ?? 0;
    const weight = (item['Weight'] as number | undefined) ?? 0;
    if (name === 'FARGATE' || name === 'FARGATE_SPOT') return { name, kind: name, asg: undefined, base, weight, viaProvider: true };
    const found = capacityProviderAsg(s, name);
    if (found === undefined) throw new UnsupportedFeatureError(`${service.LogicalId}: capacity provider ${name} names no Auto Scaling group in the scenario`);
    return { name, kind: 'EC2' as const, asg: found.asg, base, weight, viaProvider: true };
  });
}

function launchTemplateData(s: Scenario, spec: Props | undefined): Props {
  if (spec === undefined) return {};
  const ref = spec['LaunchTemplateId'] ?? spec['LaunchTemplateName'];
  const id = resolveResourceRef(s, ref, 'AWS::EC2::LaunchTemplate');
  const lt = id === undefined ? undefined : s.Resources[id];
  return lt === undefined ? {} : ((props(lt)['LaunchTemplateData'] as Props | undefined) ?? {});
}

function asgConfig(s: Scenario, asg: ResourceModel, prices: PriceTable, cp: ResourceModel | undefined): AsgConfig {
  const p = props(asg);
  const settings = settingsOf(s);
  const trunking = settings.Ecs.AwsvpcTrunking;
  const mixed = p['MixedInstancesPolicy'] as Props | undefined;
  let types: string[];
  let allSpot = false;
  let onDemandBase = 0;
  let onDemandPct = 100;
  if (mixed !== undefined) {
    const lt = (mixed['LaunchTemplate'] as Props | undefined) ?? {};
    const data = launchTemplateData(s, lt['LaunchTemplateSpecification'] as Props | undefined);
    const overrides = (lt['Overrides'] as Props[] | undefined) ?? [];
    types = overrides.map((o) => String(o['InstanceType']));
    if (types.length === 0 && data['InstanceType'] !== undefined) types = [String(data['InstanceType'])];
    const dist = (mixed['InstancesDistribution'] as Props | undefined) ?? {};
    onDemandBase = (dist['OnDemandBaseCapacity'] as number | undefined) ?? 0;
    onDemandPct = (dist['OnDemandPercentageAboveBaseCapacity'] as number | undefined) ?? 100;
  } else {
    const data = launchTemplateData(s, p['LaunchTemplate'] as Props | undefined);
    types = data['InstanceType'] !== undefined ? [String(data['InstanceType'])] : [];
    const market = (data['InstanceMarketOptions'] as Props | undefined)?.['MarketType'];
    allSpot = market === 'spot';
  }
  if (types.length === 0) throw new UnsupportedFeatureError(`${asg.LogicalId}: no instance type found in its launch template`);
  const zonesSource = (p['VPCZoneIdentifier'] as unknown[] | undefined) ?? (p['AvailabilityZones'] as unknown[] | undefined) ?? [];
  const zones = zonesOf(s, zonesSource);
  const minSize = p['MinSize'] as number;
  const maxSize = p['MaxSize'] as number;
  const cpProps = cp === undefined ? undefined : ((props(cp)['AutoScalingGroupProvider'] as Props | undefined) ?? {});
  const managed = cpProps?.['ManagedScaling'] as Props | undefined;
  const managedOn = managed !== undefined && managed['Status'] !== 'DISABLED';
  return {
    logicalId: asg.LogicalId,
    minSize,
    maxSize,
    desiredCapacity: (p['DesiredCapacity'] as number | undefined) ?? minSize,
    instanceTypes: types.map((t) => instanceTypeInfo(t, prices, trunking)),
    zones: zones.length > 0 ? zones : [`${s.Region}a`],
    onDemandBaseCapacity: onDemandBase,
    onDemandPercentageAboveBase: onDemandPct,
    allSpot,
    startLatencyMs: (asg.Sim['InstanceStartLatency'] as number | undefined) ?? settings.Ec2.InstanceStartLatency,
    agentRegistrationMs: settings.Ecs.AgentRegistration,
    managedScaling: managedOn
      ? {
          capacityProvider: cp!.PhysicalName,
          targetCapacity: (managed['TargetCapacity'] as number | undefined) ?? 100,
          minimumScalingStepSize: (managed['MinimumScalingStepSize'] as number | undefined) ?? 1,
          maximumScalingStepSize: (managed['MaximumScalingStepSize'] as number | undefined) ?? 10_000,
          instanceWarmupMs: ((managed['InstanceWarmupPeriod'] as number | undefined) ?? 300) * 1000,
          managedTerminationProtection: cpProps?.['ManagedTerminationProtection'] === 'ENABLED',
        }
      : undefined,
  };
}

function serviceConfig(s: Scenario, service: ResourceModel): ServiceConfig {
  const p = props(service);
  const tdId = resolveResourceRef(s, p['TaskDefinition'], 'AWS::ECS::TaskDefinition');
  const td = tdId === undefined ? undefined : s.Resources[tdId];
  if (td === undefined) throw new UnsupportedFeatureError(`${service.LogicalId}: TaskDefinition names no AWS::ECS::TaskDefinition in the scenario`);
  const providers = providerItems(s, service);
  const fargate = providers.some((x) => x.kind !== 'EC2');
  const deploy = (p['DeploymentConfiguration'] as Props | undefined) ?? {};
  return {
    logicalId: service.LogicalId,
    desiredCount: (p['DesiredCount'] as number | undefined) ?? 1,
    taskDef: taskDefConfig(td, fargate),
    providers,
    queueLimit: (service.Sim['QueueLimit'] as number | undefined) ?? 100,
    startRunning: service.Sim['TasksAtStart'] !== 'Launching',
    strategies: (p['PlacementStrategies'] as ServiceConfig['strategies'] | undefined) ?? [],
    constraints: (p['PlacementConstraints'] as ServiceConfig['constraints'] | undefined) ?? [],
    deregistrationDelayMs: deregistrationDelayMs(s, service),
    minimumHealthyPercent: (deploy['MinimumHealthyPercent'] as number | undefined) ?? 100,
    maximumPercent: (deploy['MaximumPercent'] as number | undefined) ?? 200,
  };
}

/** The deregistration delay of the target group the service registers with (0 without one). */
function deregistrationDelayMs(s: Scenario, service: ResourceModel): number {
  const lbs = (props(service)['LoadBalancers'] as Props[] | undefined) ?? [];
  for (const lb of lbs) {
    const id = resolveResourceRef(s, lb['TargetGroupArn'], 'AWS::ElasticLoadBalancingV2::TargetGroup');
    const tg = id === undefined ? undefined : s.Resources[id];
    if (tg === undefined) continue;
    const seconds = props(tg)['DeregistrationDelaySeconds'] as number | undefined;
    return (seconds ?? 300) * 1000;
  }
  return 0;
}

export interface BuiltCluster {
  model: ClusterModel;
  services: ServiceModel[];
}

/**
 * Builds one ClusterModel per cluster that has services. `latencyFor` gives each service its
 * histogram; `random(name)` its named streams.
 */
export function buildClusters(
  engine: Engine,
  s: Scenario,
  prices: PriceTable,
  quotas: EcsQuotas,
  latencyFor: (serviceId: string) => LatencyRecorder,
): BuiltCluster[] {
  const services = ofType(s, 'AWS::ECS::Service');
  const clusterIds = [...new Set(services.map((svc) => clusterOf(s, props(svc)['Cluster'])))];
  const clusterResources = ofType(s, 'AWS::ECS::Cluster').map((c) => c.LogicalId);
  const out: BuiltCluster[] = [];
  const fargate = prices.fargate;
  const claimed = new Set<string>();
  for (const clusterId of clusterIds) {
    const asgIds = new Map<string, ResourceModel | undefined>();
    for (const name of clusterCapacity(s, clusterId).CapacityProviders) {
      if (name === 'FARGATE' || name === 'FARGATE_SPOT') continue;
      const found = capacityProviderAsg(s, name);
      if (found !== undefined) asgIds.set(found.asg, found.cp);
    }
    for (const svc of services) {
      if (clusterOf(s, props(svc)['Cluster']) !== clusterId) continue;
      for (const item of providerItems(s, svc)) {
        if (item.asg !== undefined && !asgIds.has(item.asg)) asgIds.set(item.asg, capacityProviderAsg(s, item.name)?.cp);
      }
    }
    for (const asg of ofType(s, 'AWS::AutoScaling::AutoScalingGroup')) {
      if (asgIds.has(asg.LogicalId) || claimed.has(asg.LogicalId)) continue;
      const name = s.Resources[clusterId]?.PhysicalName ?? clusterId;
      if (userDataNames(s, asg, name) || (clusterResources.length <= 1 && clusterIds.length === 1)) asgIds.set(asg.LogicalId, undefined);
    }
    for (const id of asgIds.keys()) claimed.add(id);
    const asgConfigs = [...asgIds.entries()].map(([id, cp]) => asgConfig(s, s.Resources[id]!, prices, cp));
    const regionZones = ['a', 'b', 'c'].map((x) => `${s.Region}${x}`);
    const model = new ClusterModel(
      engine,
      clusterId,
      quotas,
      spotSettings(s),
      engine.random.stream(`ecs-cluster:${clusterId}:spot`),
      asgConfigs,
      asgConfigs.length > 0 ? [] : regionZones,
    );
    const built: ServiceModel[] = [];
    for (const svc of services) {
      if (clusterOf(s, props(svc)['Cluster']) !== clusterId) continue;
      const cfg = serviceConfig(s, svc);
      const service = new ServiceModel(built.length, cfg, latencyFor(svc.LogicalId), model, engine.tickMs, {
        minimumLinuxSeconds: fargate.minimumBilledSeconds.linux,
        minimumWindowsSeconds: fargate.minimumBilledSeconds.windows,
        freeEphemeralGiB: fargate.freeEphemeralStorageGiB,
      });
      const fargateTasks = cfg.providers.some((x) => x.kind !== 'EC2');
      for (const d of s.Deployments ?? []) {
        if (d.Service === svc.LogicalId && !service.taskDefs.has(d.TaskDefinition)) {
          service.taskDefs.set(d.TaskDefinition, taskDefConfig(s.Resources[d.TaskDefinition]!, fargateTasks));
        }
      }
      model.addService(service, engine.random.stream(`ecs-service:${svc.LogicalId}:placement`));
      built.push(service);
    }
    out.push({ model, services: built });
  }
  for (const f of s.Faults ?? []) {
    for (const { model, services: svcs } of out) {
      const concerns =
        f.Kind === 'az-outage' ||
        f.Target === undefined ||
        model.asgs.some((a) => a.config.logicalId === f.Target) ||
        svcs.some((x) => x.logicalId === f.Target);
      if (concerns) model.addFault(f);
    }
  }
  for (const d of s.Deployments ?? []) {
    const owner = out.find((c) => c.services.some((x) => x.logicalId === d.Service));
    owner?.model.addDeployment(d);
  }
  return out;
}

/** Whether the ASG's launch template UserData names the cluster (`ECS_CLUSTER=<name>`). */
function userDataNames(s: Scenario, asg: ResourceModel, clusterName: string): boolean {
  const p = props(asg);
  const spec = (p['LaunchTemplate'] as Props | undefined) ?? (((p['MixedInstancesPolicy'] as Props | undefined)?.['LaunchTemplate'] as Props | undefined)?.['LaunchTemplateSpecification'] as Props | undefined);
  const userData = launchTemplateData(s, spec)['UserData'];
  if (typeof userData !== 'string') return false;
  // Fn::Base64 has already encoded the script: decode it before looking for the agent's setting.
  let script = userData;
  try {
    script = new TextDecoder().decode(Uint8Array.from(atob(userData), (ch) => ch.charCodeAt(0)));
  } catch {
    // Not base64: a plain script.
  }
  return new RegExp(`ECS_CLUSTER=['"]?${clusterName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(['"\\s]|$)`, 'm').test(script);
}
