/**
 * The ECS resource types the simulator models, as CloudFormation writes them: zod schemas for
 * their `Properties` (normalized: task Cpu in CPU units, Memory in MiB, CloudFormation's
 * defaults filled in) and their simulator-only knobs under `Metadata.clustersim`, the exported
 * output types model code casts `ResourceModel.Properties` to, how a service gets its capacity
 * (`serviceCapacity`), and the checks that span resources (Fargate task sizes, capacity providers
 * and their clusters, load balancers). Properties the model does not use pass through.
 */
import { z } from 'zod';
import { AUTO_SCALING_GROUP, type AutoScalingGroupProperties } from '../ec2/schema';
import { bool, duration, num, oneOf, strictObject } from '../../scenario/fields';
import { describeValue } from '../../scenario/issues';
import type { PathSegment } from '../../scenario/positions';
import { type CheckContext, type CheckIssue, refTo, validOfType } from '../../scenario/resourceCheck';
import { resolveResourceRef } from '../../scenario/resourceRef';
import type { ResourceModel, Scenario } from '../../scenario/types';
import { describeFargateMemory, FARGATE_CPU_UNITS, fargateMemoryChoices } from './fargateSizes';

export const ECS_CLUSTER = 'AWS::ECS::Cluster';
export const ECS_SERVICE = 'AWS::ECS::Service';
export const ECS_TASK_DEFINITION = 'AWS::ECS::TaskDefinition';
export const ECS_CAPACITY_PROVIDER = 'AWS::ECS::CapacityProvider';
export const ECS_CLUSTER_CAPACITY_PROVIDER_ASSOCIATIONS = 'AWS::ECS::ClusterCapacityProviderAssociations';
const TARGET_GROUP = 'AWS::ElasticLoadBalancingV2::TargetGroup';

/** The cluster a service without `Cluster` runs in. */
export const DEFAULT_CLUSTER_NAME = 'default';

const CPU_UNITS_PER_VCPU = 1024;
const MIB_PER_GIB = 1024;

/** Task-level CPU: `512`, `"512"` (CPU units) or `"1 vCPU"`, `"0.25 vCPU"`. Output: CPU units. */
export const TaskCpuSchema = z
  .union([z.number(), z.string()], {
    error: (iss) => `expected CPU units (e.g. 512) or vCPUs (e.g. "1 vCPU"), got ${describeValue(iss.input)}`,
  })
  .transform((value, ctx) => {
    const units = parseCpuUnits(value);
    if (units === undefined || units <= 0) {
      ctx.addIssue({
        code: 'custom',
        message: `expected CPU units (e.g. 512) or vCPUs (e.g. "1 vCPU"), got ${describeValue(value)}`,
      });
      return z.NEVER;
    }
    return units;
  });

/** Task-level memory: `2048`, `"2048"` (MiB), `"2 GB"`, `"2GB"`, `"512 MiB"`. Output: MiB (GB means GiB, as ECS reads it). */
export const TaskMemorySchema = z
  .union([z.number(), z.string()], {
    error: (iss) => `expected MiB (e.g. 2048) or GB (e.g. "2 GB"), got ${describeValue(iss.input)}`,
  })
  .transform((value, ctx) => {
    const mib = parseMemoryMiB(value);
    if (mib === undefined || mib <= 0) {
      ctx.addIssue({ code: 'custom', message: `expected MiB (e.g. 2048) or GB (e.g. "2 GB"), got ${describeValue(value)}` });
      return z.NEVER;
    }
    return mib;
  });

function parseCpuUnits(value: number | string): number | undefined {
  if (typeof value === 'number') return value;
  const m = /^\s*(\d+(?:\.\d+)?)\s*(vcpus?|cpu units?)?\s*$/i.exec(value);
  if (!m) return undefined;
  const n = Number(m[1]);
  return m[2] && /^vcpu/i.test(m[2]) ? n * CPU_UNITS_PER_VCPU : n;
}

function parseMemoryMiB(value: number | string): number | undefined {
  if (typeof value === 'number') return value;
  const m = /^\s*(\d+(?:\.\d+)?)\s*(gb|gib|mb|mib)?\s*$/i.exec(value);
  if (!m) return undefined;
  const n = Number(m[1]);
  return m[2] && /^g/i.test(m[2]) ? n * MIB_PER_GIB : n;
}

export const OPERATING_SYSTEM_FAMILIES = [
  'LINUX',
  'WINDOWS_SERVER_2016_FULL',
  'WINDOWS_SERVER_2019_CORE',
  'WINDOWS_SERVER_2019_FULL',
  'WINDOWS_SERVER_2022_CORE',
  'WINDOWS_SERVER_2022_FULL',
  'WINDOWS_SERVER_2025_CORE',
  'WINDOWS_SERVER_2025_FULL',
  'WINDOWS_SERVER_2004_CORE',
  'WINDOWS_SERVER_20H2_CORE',
] as const;

/** The capacity providers AWS defines for Fargate; every cluster may use them. */
export const FARGATE_CAPACITY_PROVIDERS = ['FARGATE', 'FARGATE_SPOT'] as const;
const FARGATE_PROVIDERS = new Set<string>(FARGATE_CAPACITY_PROVIDERS);

export const CapacityProviderStrategyItemSchema = z.looseObject({
  CapacityProvider: z.string({
    error: (iss) =>
      iss.input === undefined
        ? 'required: a capacity provider name (FARGATE, FARGATE_SPOT or !Ref an AWS::ECS::CapacityProvider)'
        : `expected a capacity provider name, got ${describeValue(iss.input)}`,
  }),
  /** Share of the tasks beyond the bases (relative to the other items' weights). */
  Weight: num({ int: true, min: 0, max: 1000 }).default(0),
  /** Tasks placed on this provider first. */
  Base: num({ int: true, min: 0, max: 100_000, unit: 'tasks' }).default(0),
});

/**
 * A capacity provider strategy, with AWS's rules: at most one item with a Base, no provider twice,
 * some Weight > 0 when there are several items, and Fargate and Auto Scaling group providers not mixed.
 */
export const CapacityProviderStrategySchema = z.array(CapacityProviderStrategyItemSchema).superRefine((items, ctx) => {
  const withBase = items.findIndex((i) => i.Base > 0);
  items.forEach((item, i) => {
    if (i > withBase && withBase >= 0 && item.Base > 0) {
      ctx.addIssue({
        code: 'custom',
        path: [i, 'Base'],
        message: `only one capacity provider in a strategy may have a Base (AWS); ${items[withBase]!.CapacityProvider} already has Base ${items[withBase]!.Base}`,
      });
    }
    const first = items.findIndex((o) => o.CapacityProvider === item.CapacityProvider);
    if (first < i) {
      ctx.addIssue({ code: 'custom', path: [i, 'CapacityProvider'], message: `${describeValue(item.CapacityProvider)} is already in this strategy (item ${first}); list each provider once` });
    }
  });
  if (items.length > 1 && items.every((i) => i.Weight === 0)) {
    ctx.addIssue({ code: 'custom', message: 'at least one capacity provider needs Weight > 0 when the strategy lists several (AWS: with all weights 0 no task can be placed)' });
  }
  const fargate = items.filter((i) => FARGATE_PROVIDERS.has(i.CapacityProvider));
  if (fargate.length > 0 && fargate.length < items.length) {
    ctx.addIssue({ code: 'custom', message: 'cannot mix FARGATE/FARGATE_SPOT with Auto Scaling group capacity providers in one strategy (AWS rejects it)' });
  }
});

export const ClusterPropertiesSchema = z.looseObject({
  ClusterName: z.string().optional(),
  /** Capacity provider names (FARGATE, FARGATE_SPOT, or AWS::ECS::CapacityProvider names). */
  CapacityProviders: z.array(z.string()).optional(),
  DefaultCapacityProviderStrategy: CapacityProviderStrategySchema.optional(),
  ClusterSettings: z.array(z.looseObject({ Name: z.string(), Value: z.string() })).optional(),
});

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

export const ContainerDefinitionSchema = z
  .looseObject({
    Name: z.string(),
    Image: z.string(),
    Cpu: num({ int: true, min: 0, unit: 'CPU units' }).optional(),
    /** Hard limit, MiB. */
    Memory: num({ int: true, gt: 0, unit: 'MiB' }).optional(),
    /** Soft limit, MiB: what ECS reserves on the instance when set. */
    MemoryReservation: num({ int: true, gt: 0, unit: 'MiB' }).optional(),
    Essential: bool().optional(),
    PortMappings: z
      .array(
        z.looseObject({
          ContainerPort: num({ int: true, min: 0, max: 65_535 }).optional(),
          HostPort: num({ int: true, min: 0, max: 65_535 }).optional(),
          Protocol: oneOf(['tcp', 'udp']).optional(),
        }),
      )
      .optional(),
  })
  .superRefine((c, ctx) => {
    if (c.Memory !== undefined && c.MemoryReservation !== undefined && c.Memory <= c.MemoryReservation) {
      ctx.addIssue({
        code: 'custom',
        path: ['MemoryReservation'],
        message: `must be less than Memory (${c.Memory} MiB), as AWS requires, got ${c.MemoryReservation}`,
      });
    }
  });

export const TaskDefinitionPropertiesSchema = z.looseObject({
  Family: z.string().optional(),
  /**
   * CPU units (1024 = 1 vCPU). For a task that does not run on Fargate and sets none, the loader
   * fills in the sum of its containers' Cpu.
   */
  Cpu: TaskCpuSchema.optional(),
  /**
   * MiB. For a task that does not run on Fargate and sets none, the loader fills in the sum of its
   * containers' MemoryReservation (else Memory).
   */
  Memory: TaskMemorySchema.optional(),
  RequiresCompatibilities: z.array(oneOf(['EC2', 'FARGATE', 'EXTERNAL', 'MANAGED_INSTANCES'])).optional(),
  NetworkMode: oneOf(['awsvpc', 'bridge', 'host', 'none']).optional(),
  RuntimePlatform: z
    .looseObject({
      CpuArchitecture: oneOf(['X86_64', 'ARM64']).default('X86_64'),
      OperatingSystemFamily: oneOf(OPERATING_SYSTEM_FAMILIES).default('LINUX'),
    })
    .prefault({}),
  EphemeralStorage: z.looseObject({ SizeInGiB: num({ int: true, min: 21, max: 200, unit: 'GiB' }) }).optional(),
  ContainerDefinitions: z.array(ContainerDefinitionSchema).optional(),
  ExecutionRoleArn: z.string().optional(),
  TaskRoleArn: z.string().optional(),
});

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
    DesiredCount: num({ int: true, min: 0, unit: 'tasks' }).default(1),
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

/** `Metadata.clustersim` of a task definition. */
export const TaskDefinitionSimSchema = strictObject({
  /** Size of the container image pulled at task start, MiB. */
  ImageSizeMiB: num({ gt: 0, unit: 'MiB' }).default(250).describe('Container image size pulled at task start, MiB (default 250)'),
  /** Fixed time from launch to running, ms; replaces the start model when set. */
  StartLatency: duration().optional().describe('Fixed time from launch to RUNNING; replaces the start model'),
  /** On an EC2 instance that already pulled the image: time to start the task, ms. */
  CachedImagePull: duration()
    .prefault('2s')
    .describe('Task start on an EC2 instance that already has the image (default 2s; measured 1–3 s)'),
});

/** `Metadata.clustersim` of a service. */
export const ServiceSimSchema = strictObject({
  QueueLimit: num({ int: true, min: 1, unit: 'requests per task' })
    .default(100)
    .describe('Requests in service or waiting per running task, beyond which new requests fail (default 100)'),
  TasksAtStart: oneOf(['Running', 'Launching'])
    .default('Running')
    .describe('Running: the DesiredCount tasks are already running at Start (steady state); Launching: they launch at Start'),
});

/** `Metadata.clustersim` of a cluster, capacity provider or association: nothing yet. */
export const ClusterSimSchema = strictObject({});

export type EcsCapacityProviderStrategyItem = z.output<typeof CapacityProviderStrategyItemSchema>;
export type EcsClusterProperties = z.output<typeof ClusterPropertiesSchema>;
export type EcsCapacityProviderProperties = z.output<typeof CapacityProviderPropertiesSchema>;
export type EcsManagedScaling = EcsCapacityProviderProperties['AutoScalingGroupProvider']['ManagedScaling'];
export type EcsClusterCapacityProviderAssociationsProperties = z.output<typeof ClusterCapacityProviderAssociationsPropertiesSchema>;
export type EcsTaskDefinitionProperties = z.output<typeof TaskDefinitionPropertiesSchema>;
export type EcsServiceProperties = z.output<typeof ServicePropertiesSchema>;
export type EcsPlacementStrategy = z.output<typeof PlacementStrategySchema>;
export type EcsPlacementConstraint = z.output<typeof PlacementConstraintSchema>;
export type EcsServiceLoadBalancer = z.output<typeof ServiceLoadBalancerSchema>;
export type EcsContainerDefinition = z.output<typeof ContainerDefinitionSchema>;
export type EcsTaskDefinitionSim = z.output<typeof TaskDefinitionSimSchema>;
export type EcsServiceSim = z.output<typeof ServiceSimSchema>;
export type EcsClusterSim = z.output<typeof ClusterSimSchema>;

/** Whether a service runs on Fargate by its own properties: LaunchType FARGATE, or a strategy of only Fargate providers. */
export function isFargateService(svc: Pick<EcsServiceProperties, 'LaunchType' | 'CapacityProviderStrategy'>): boolean {
  if (svc.LaunchType !== undefined) return svc.LaunchType === 'FARGATE';
  return isFargateStrategy(svc.CapacityProviderStrategy);
}

function isFargateStrategy(strategy: readonly { CapacityProvider: string }[] | undefined): boolean {
  return strategy !== undefined && strategy.length > 0 && strategy.every((s) => FARGATE_PROVIDERS.has(s.CapacityProvider));
}

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

/** Task CPU units and memory from the containers: Σ Cpu, Σ (MemoryReservation ?? Memory). Memory undefined when a container has neither. */
export function containerTotals(td: EcsTaskDefinitionProperties): { cpuUnits: number; memoryMiB: number | undefined } {
  let cpuUnits = 0;
  let memoryMiB: number | undefined = 0;
  for (const c of td.ContainerDefinitions ?? []) {
    cpuUnits += c.Cpu ?? 0;
    const m = c.MemoryReservation ?? c.Memory;
    memoryMiB = m === undefined || memoryMiB === undefined ? undefined : memoryMiB + m;
  }
  return { cpuUnits, memoryMiB: (td.ContainerDefinitions ?? []).length === 0 ? undefined : memoryMiB };
}

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

function checkCapacityProviders(ctx: CheckContext): CheckIssue[] {
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

function checkClusters(ctx: CheckContext): CheckIssue[] {
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

function checkServiceStrategy(
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

/** The Fargate size and network mode problems of a task definition (run on Fargate). */
export function fargateTaskIssues(r: ResourceModel): CheckIssue[] {
  const td = r.Properties as EcsTaskDefinitionProperties;
  const at = (key: string): PathSegment[] => [r.LogicalId, 'Properties', key];
  const cpuList = FARGATE_CPU_UNITS.join(', ');
  const out: CheckIssue[] = [];
  if (td.Cpu === undefined) {
    out.push({ path: at('Cpu'), message: `required for Fargate: one of ${cpuList} (CPU units; 1024 = 1 vCPU)` });
  } else if (fargateMemoryChoices(td.Cpu) === undefined) {
    out.push({ path: at('Cpu'), message: `${td.Cpu} is not a Fargate size; allowed ${cpuList} (CPU units; 1024 = 1 vCPU)` });
  } else if (td.Memory === undefined) {
    out.push({ path: at('Memory'), message: `required for Fargate: with Cpu ${td.Cpu}, ${describeFargateMemory(td.Cpu)} (MiB)` });
  } else if (!fargateMemoryChoices(td.Cpu)!.includes(td.Memory)) {
    out.push({ path: at('Memory'), message: `${td.Memory} is not a Fargate size for Cpu ${td.Cpu}; allowed ${describeFargateMemory(td.Cpu)}` });
  }
  if (td.NetworkMode !== undefined && td.NetworkMode !== 'awsvpc') {
    out.push({ path: at('NetworkMode'), message: `Fargate requires awsvpc, got ${describeValue(td.NetworkMode)}` });
  }
  return out;
}

/**
 * A task definition that does not run on Fargate: task-level Cpu/Memory default to its
 * containers' sums (written into its Properties). Memory must come from one or the other, as AWS
 * requires for EC2; a task an EC2 service runs (`ec2Service`) needs CPU too.
 */
function fillTaskSize(r: ResourceModel, ec2Service: string | undefined): CheckIssue[] {
  const td = r.Properties as EcsTaskDefinitionProperties;
  const at = (...rest: PathSegment[]): PathSegment[] => [r.LogicalId, 'Properties', ...rest];
  const out: CheckIssue[] = [];
  const totals = containerTotals(td);
  if (td.Memory === undefined) {
    if (totals.memoryMiB !== undefined) td.Memory = totals.memoryMiB;
    else if ((td.ContainerDefinitions ?? []).length === 0) {
      out.push({ path: at('Memory'), message: 'required: task-level Memory (MiB), or ContainerDefinitions with Memory or MemoryReservation' });
    } else {
      td.ContainerDefinitions!.forEach((c, i) => {
        if (c.Memory === undefined && c.MemoryReservation === undefined) {
          out.push({ path: at('ContainerDefinitions', i), message: 'required when the task sets no Memory: Memory or MemoryReservation (MiB), as AWS requires for EC2' });
        }
      });
    }
  }
  if (td.Cpu === undefined && totals.cpuUnits > 0) td.Cpu = totals.cpuUnits;
  if (ec2Service !== undefined && td.Cpu === undefined) {
    out.push({
      path: at('Cpu'),
      message: `required for ${ec2Service} on EC2: task-level Cpu or Cpu on its containers (CPU units; 1024 = 1 vCPU); the simulator shares an instance's CPU by these units`,
    });
  }
  return out;
}
