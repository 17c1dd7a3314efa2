/**
 * `AWS::ECS::TaskDefinition`: its Properties (task Cpu in CPU units, Memory in MiB, containers,
 * runtime platform) and its `Metadata.clustersim` (image size, start latency), and the task size
 * its containers add up to.
 */
import { z } from 'zod';
import { bool, duration, num, oneOf, strictObject } from '../../scenario/fields';
import { TaskCpuSchema, TaskMemorySchema } from './taskSizeSchema';

export const ECS_TASK_DEFINITION = 'AWS::ECS::TaskDefinition';

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
  /** Memory a task uses at rest, percent of its memory (for MemoryUtilization). */
  MemoryBaselinePercent: num({ min: 0, max: 100, unit: '%' })
    .default(40)
    .describe('Memory a task uses with no request in flight, percent of its memory (default 40; application-specific)'),
  /** Memory each in-flight request adds, MiB (for MemoryUtilization). */
  MemoryPerRequestMiB: num({ min: 0, unit: 'MiB' })
    .default(2)
    .describe('Memory each request in flight adds, MiB (default 2; application-specific)'),
});

export type EcsTaskDefinitionProperties = z.output<typeof TaskDefinitionPropertiesSchema>;
export type EcsContainerDefinition = z.output<typeof ContainerDefinitionSchema>;
export type EcsTaskDefinitionSim = z.output<typeof TaskDefinitionSimSchema>;

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
