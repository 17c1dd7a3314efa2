/**
 * The ECS resource types the simulator models, as CloudFormation writes them: zod schemas for
 * their `Properties` (normalized: task Cpu in CPU units, Memory in MiB) and their simulator-only
 * knobs under `Metadata.clustersim`, plus the checks that span resources (Fargate task sizes,
 * a service's task definition and cluster). Properties the model does not use pass through.
 */
import { z } from 'zod';
import { duration, num, oneOf, strictObject } from '../../scenario/fields';
import { describeValue } from '../../scenario/issues';
import type { PathSegment } from '../../scenario/positions';
import { describeFargateMemory, FARGATE_CPU_UNITS, fargateMemoryChoices } from './fargateSizes';

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

const CapacityProviderStrategyItem = z.looseObject({
  CapacityProvider: z.string(),
  Weight: num({ int: true, min: 0, max: 1000 }).optional(),
  Base: num({ int: true, min: 0, max: 100_000 }).optional(),
});

export const ClusterPropertiesSchema = z.looseObject({
  ClusterName: z.string().optional(),
  CapacityProviders: z.array(z.string()).optional(),
  DefaultCapacityProviderStrategy: z.array(CapacityProviderStrategyItem).optional(),
  ClusterSettings: z.array(z.looseObject({ Name: z.string(), Value: z.string() })).optional(),
});

export const ContainerDefinitionSchema = z.looseObject({
  Name: z.string(),
  Image: z.string(),
  Cpu: num({ int: true, min: 0, unit: 'CPU units' }).optional(),
  Memory: num({ int: true, gt: 0, unit: 'MiB' }).optional(),
  MemoryReservation: num({ int: true, gt: 0, unit: 'MiB' }).optional(),
  Essential: z.boolean().optional(),
  PortMappings: z
    .array(
      z.looseObject({
        ContainerPort: num({ int: true, min: 0, max: 65_535 }).optional(),
        HostPort: num({ int: true, min: 0, max: 65_535 }).optional(),
        Protocol: oneOf(['tcp', 'udp']).optional(),
      }),
    )
    .optional(),
});

export const TaskDefinitionPropertiesSchema = z.looseObject({
  Family: z.string().optional(),
  /** CPU units (1024 = 1 vCPU). */
  Cpu: TaskCpuSchema.optional(),
  /** MiB. */
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
const FARGATE_PROVIDERS = new Set(['FARGATE', 'FARGATE_SPOT']);

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
    CapacityProviderStrategy: z.array(CapacityProviderStrategyItem).optional(),
    DeploymentConfiguration: z
      .looseObject({
        MaximumPercent: num({ int: true, min: 0, unit: '%' }).optional(),
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
    PlacementStrategies: z
      .array(z.looseObject({ Type: oneOf(['binpack', 'random', 'spread']), Field: z.string().optional() }))
      .optional(),
    PlacementConstraints: z
      .array(z.looseObject({ Type: oneOf(['distinctInstance', 'memberOf']), Expression: z.string().optional() }))
      .optional(),
    SchedulingStrategy: oneOf(['REPLICA', 'DAEMON']).optional(),
  })
  .superRefine((svc, ctx) => {
    if (svc.LaunchType === 'FARGATE') {
      for (const key of ['PlacementStrategies', 'PlacementConstraints'] as const) {
        if (svc[key] !== undefined) {
          ctx.addIssue({
            code: 'custom',
            path: [key],
            message: 'not supported for Fargate (LaunchType FARGATE): Fargate places tasks itself; remove it',
          });
        }
      }
    }
    if (svc.LaunchType !== undefined && svc.CapacityProviderStrategy !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['CapacityProviderStrategy'],
        message: 'cannot be given together with LaunchType: use one or the other',
      });
    }
  });

/** `Metadata.clustersim` of a task definition. */
export const TaskDefinitionSimSchema = strictObject({
  /** Size of the container image pulled at task start, MiB. */
  ImageSizeMiB: num({ gt: 0, unit: 'MiB' }).default(250).describe('Container image size pulled at task start, MiB (default 250)'),
  /** Fixed time from launch to running, ms; replaces the start model when set. */
  StartLatency: duration().optional().describe('Fixed time from launch to RUNNING; replaces the start model'),
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

/** `Metadata.clustersim` of a cluster: nothing yet. */
export const ClusterSimSchema = strictObject({});

export type EcsClusterProperties = z.output<typeof ClusterPropertiesSchema>;
export type EcsTaskDefinitionProperties = z.output<typeof TaskDefinitionPropertiesSchema>;
export type EcsServiceProperties = z.output<typeof ServicePropertiesSchema>;
export type EcsContainerDefinition = z.output<typeof ContainerDefinitionSchema>;
export type EcsTaskDefinitionSim = z.output<typeof TaskDefinitionSimSchema>;
export type EcsServiceSim = z.output<typeof ServiceSimSchema>;
export type EcsClusterSim = z.output<typeof ClusterSimSchema>;

/** Whether a service runs on Fargate: LaunchType FARGATE, or a capacity provider strategy of only Fargate providers. */
export function isFargateService(svc: EcsServiceProperties): boolean {
  if (svc.LaunchType !== undefined) return svc.LaunchType === 'FARGATE';
  const strategy = svc.CapacityProviderStrategy;
  return strategy !== undefined && strategy.length > 0 && strategy.every((s) => FARGATE_PROVIDERS.has(s.CapacityProvider));
}

/** A validated ECS resource as the cross-resource checks see it. */
export interface EcsResourceView {
  LogicalId: string;
  Type: string;
  Properties: Record<string, unknown>;
  /** Its Properties failed validation: it counts as existing, but is not checked further. */
  invalid?: boolean;
}

/** A problem found across resources; `path` is relative to `Resources`. */
export interface EcsCheckIssue {
  path: PathSegment[];
  message: string;
}

/**
 * Checks that need more than one resource: a service's task definition and cluster exist here,
 * and Fargate task definitions (RequiresCompatibilities FARGATE, or used by a Fargate service)
 * have a Fargate CPU/memory size and awsvpc networking. `refToLogicalId` maps a name or ARN of a
 resource of the given type to its logical ID.
 */
export function checkEcsResources(
  resources: readonly EcsResourceView[],
  refToLogicalId: (value: string, type: string) => string | undefined,
): EcsCheckIssue[] {
  const out: EcsCheckIssue[] = [];
  const byId = new Map(resources.map((r) => [r.LogicalId, r]));
  const idsOf = (type: string) => resources.filter((r) => r.Type === type).map((r) => r.LogicalId);
  const fargateTasks = new Set<string>();
  for (const r of resources) {
    if (r.Type === 'AWS::ECS::TaskDefinition' && !r.invalid) {
      const td = r.Properties as EcsTaskDefinitionProperties;
      if (td.RequiresCompatibilities?.includes('FARGATE')) fargateTasks.add(r.LogicalId);
    }
  }
  for (const r of resources) {
    if (r.Type !== 'AWS::ECS::Service' || r.invalid) continue;
    const svc = r.Properties as EcsServiceProperties;
    const tdId = refToLogicalId(svc.TaskDefinition, 'AWS::ECS::TaskDefinition');
    if (tdId === undefined || byId.get(tdId)?.Type !== 'AWS::ECS::TaskDefinition') {
      const known = idsOf('AWS::ECS::TaskDefinition');
      out.push({
        path: [r.LogicalId, 'Properties', 'TaskDefinition'],
        message: `${describeValue(svc.TaskDefinition)} is not a task definition in this scenario; task definitions: ${known.join(', ') || '(none)'}`,
      });
    } else if (isFargateService(svc)) {
      fargateTasks.add(tdId);
    }
    if (svc.Cluster !== undefined) {
      const clusterId = refToLogicalId(svc.Cluster, 'AWS::ECS::Cluster');
      if (clusterId === undefined || byId.get(clusterId)?.Type !== 'AWS::ECS::Cluster') {
        const known = idsOf('AWS::ECS::Cluster');
        out.push({
          path: [r.LogicalId, 'Properties', 'Cluster'],
          message: `${describeValue(svc.Cluster)} is not a cluster in this scenario; clusters: ${known.join(', ') || '(none)'}`,
        });
      }
    }
  }
  for (const id of fargateTasks) {
    const td = byId.get(id)!;
    if (!td.invalid) out.push(...checkFargateTask(td));
  }
  return out;
}

function checkFargateTask(r: EcsResourceView): EcsCheckIssue[] {
  const td = r.Properties as EcsTaskDefinitionProperties;
  const at = (key: string): PathSegment[] => [r.LogicalId, 'Properties', key];
  const cpuList = FARGATE_CPU_UNITS.join(', ');
  const out: EcsCheckIssue[] = [];
  if (td.Cpu === undefined) {
    out.push({ path: at('Cpu'), message: `required for Fargate: one of ${cpuList} (CPU units; 1024 = 1 vCPU)` });
  } else if (fargateMemoryChoices(td.Cpu) === undefined) {
    out.push({ path: at('Cpu'), message: `${td.Cpu} is not a Fargate size; allowed ${cpuList} (CPU units; 1024 = 1 vCPU)` });
  } else if (td.Memory === undefined) {
    out.push({ path: at('Memory'), message: `required for Fargate: with Cpu ${td.Cpu}, ${describeFargateMemory(td.Cpu)} (MiB)` });
  } else if (!fargateMemoryChoices(td.Cpu)!.includes(td.Memory)) {
    out.push({
      path: at('Memory'),
      message: `${td.Memory} is not a Fargate size for Cpu ${td.Cpu}; allowed ${describeFargateMemory(td.Cpu)}`,
    });
  }
  if (td.NetworkMode !== undefined && td.NetworkMode !== 'awsvpc') {
    out.push({ path: at('NetworkMode'), message: `Fargate requires awsvpc, got ${describeValue(td.NetworkMode)}` });
  }
  return out;
}
