/**
 * Amazon Aurora as CloudFormation writes it: `AWS::RDS::DBCluster` (Serverless v2 through
 * `ServerlessV2ScalingConfiguration`, v1 through `EngineMode: serverless` and
 * `ScalingConfiguration`) and `AWS::RDS::DBInstance` (`db.serverless` or a provisioned
 * `db.r6g`/`db.r7g` class); the cluster's simulator knobs (`Metadata.clustersim`), each with a
 * stated default because AWS publishes none of them; and the checks that span clusters and
 * their instances.
 */
import { z } from 'zod';
import { bool, duration, num, oneOf, strictObject } from '../../scenario/fields';
import { describeValue, formatNumber } from '../../scenario/issues';
import { type CheckContext, type CheckIssue, refTo, validOfType } from '../../scenario/resourceCheck';
import type { ResourceModel, Scenario } from '../../scenario/types';
import { DB_INSTANCE_CLASSES, isHalfStep, MAX_V2_ACU, SERVERLESS_CLASS, V1_CAPACITY_POINTS } from './capacity';

export const DB_CLUSTER = 'AWS::RDS::DBCluster';
export const DB_INSTANCE = 'AWS::RDS::DBInstance';

export const AURORA_ENGINES = ['aurora-mysql', 'aurora-postgresql'] as const;
export const AURORA_STORAGE_TYPES = ['aurora', 'aurora-iopt1'] as const;
/** Every DB instance class the simulator knows: serverless, then the provisioned ones it prices. */
export const DB_INSTANCE_CLASS_NAMES = [SERVERLESS_CLASS, ...Object.keys(DB_INSTANCE_CLASSES)] as const;

/** The RDS API's limits and defaults (API_ServerlessV2ScalingConfiguration, aws-facts 81, 85, 92). */
export const AURORA_LIMITS = {
  /** s, 300–86,400, default 300 (v2 and v1 alike). */
  SecondsUntilAutoPause: { min: 300, max: 86_400, default: 300 },
  /** The default promotion tier of a DB instance (RDS API `PromotionTier`). */
  PromotionTier: 1,
} as const;

const acu = (range: string, min: number) =>
  num({ min, max: MAX_V2_ACU, unit: 'ACU' }).refine(isHalfStep, {
    error: (iss) => `must be a multiple of 0.5 ACU (${range}), got ${describeValue(iss.input)}`,
  });

const ServerlessV2ScalingSchema = z
  .looseObject({
    /** ACUs, 0 (auto-pause) or 0.5–256 in 0.5 steps. */
    MinCapacity: acu('0 or 0.5–256', 0),
    /** ACUs, 1–256 in 0.5 steps, at least MinCapacity. */
    MaxCapacity: acu('1–256', 1),
    /** s without connections before an instance at 0 ACU minimum pauses. */
    SecondsUntilAutoPause: num({ int: true, min: 300, max: 86_400, unit: 's' }).default(AURORA_LIMITS.SecondsUntilAutoPause.default),
  })
  .superRefine((c, ctx) => {
    if (c.MaxCapacity < c.MinCapacity) {
      ctx.addIssue({ code: 'custom', path: ['MaxCapacity'], message: `must be ≥ MinCapacity (${formatNumber(c.MinCapacity)} ACU), got ${formatNumber(c.MaxCapacity)}` });
    }
  });

const ScalingConfigurationSchema = z.looseObject({
  /** A v1 capacity point of the engine. */
  MinCapacity: num({ int: true, min: 1, unit: 'ACU' }),
  /** A v1 capacity point of the engine, at least MinCapacity. */
  MaxCapacity: num({ int: true, min: 1, unit: 'ACU' }),
  /** Whether the cluster pauses after SecondsUntilAutoPause without connections; this model assumes false when absent. */
  AutoPause: bool().default(false),
  SecondsUntilAutoPause: num({ int: true, min: 300, max: 86_400, unit: 's' }).default(AURORA_LIMITS.SecondsUntilAutoPause.default),
  /** What happens when no scaling point is found within SecondsBeforeTimeout: cancel the change (default) or force it. */
  TimeoutAction: oneOf(['RollbackCapacityChange', 'ForceApplyCapacityChange']).default('RollbackCapacityChange'),
  /** s, 60–600: how long to look for a scaling point, default 300. */
  SecondsBeforeTimeout: num({ int: true, min: 60, max: 600, unit: 's' }).default(300),
});

export const DBClusterPropertiesSchema = z
  .looseObject({
    DBClusterIdentifier: z.string().optional(),
    Engine: oneOf(AURORA_ENGINES),
    /** `provisioned` (the default: instances, db.serverless ones included) or `serverless` (Aurora Serverless v1). */
    EngineMode: oneOf(['provisioned', 'serverless']).default('provisioned'),
    /** `aurora` (Aurora Standard, the default) or `aurora-iopt1` (I/O-Optimized). */
    StorageType: oneOf(AURORA_STORAGE_TYPES).default('aurora'),
    ServerlessV2ScalingConfiguration: ServerlessV2ScalingSchema.optional(),
    ScalingConfiguration: ScalingConfigurationSchema.optional(),
  })
  .superRefine((c, ctx) => {
    if (c.EngineMode === 'serverless') {
      const sc = c.ScalingConfiguration;
      if (sc === undefined) {
        ctx.addIssue({ code: 'custom', path: ['ScalingConfiguration'], message: 'required for EngineMode serverless (Aurora Serverless v1): MinCapacity and MaxCapacity' });
        return;
      }
      const points: readonly number[] = V1_CAPACITY_POINTS[c.Engine];
      for (const key of ['MinCapacity', 'MaxCapacity'] as const) {
        if (!points.includes(sc[key])) {
          ctx.addIssue({ code: 'custom', path: ['ScalingConfiguration', key], message: `must be one of ${c.Engine}'s v1 capacity points: ${points.join(', ')}; got ${formatNumber(sc[key])}` });
        }
      }
      if (sc.MaxCapacity < sc.MinCapacity) {
        ctx.addIssue({ code: 'custom', path: ['ScalingConfiguration', 'MaxCapacity'], message: `must be ≥ MinCapacity (${sc.MinCapacity} ACU), got ${sc.MaxCapacity}` });
      }
      if (c.ServerlessV2ScalingConfiguration !== undefined) {
        ctx.addIssue({ code: 'custom', path: ['ServerlessV2ScalingConfiguration'], message: 'applies to EngineMode provisioned (Serverless v2), not serverless (v1): use ScalingConfiguration' });
      }
    } else if (c.ScalingConfiguration !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['ScalingConfiguration'], message: 'applies only to EngineMode serverless (Aurora Serverless v1); for Serverless v2 use ServerlessV2ScalingConfiguration' });
    }
  });

export const DBInstancePropertiesSchema = z.looseObject({
  DBInstanceIdentifier: z.string().optional(),
  /** `db.serverless` or a provisioned class the simulator prices. */
  DBInstanceClass: oneOf(DB_INSTANCE_CLASS_NAMES),
  /** The cluster (`!Ref Cluster`). */
  DBClusterIdentifier: z.string({
    error: (iss) => (iss.input === undefined ? 'required: the Aurora cluster (!Ref MyCluster)' : `expected the cluster (!Ref MyCluster), got ${describeValue(iss.input)}`),
  }),
  Engine: oneOf(AURORA_ENGINES).optional(),
  /** 0–15: failover order; readers in tier 0 or 1 follow the writer's capacity. */
  PromotionTier: num({ int: true, min: 0, max: 15, unit: '' }).default(AURORA_LIMITS.PromotionTier),
});

/**
 * `Metadata.clustersim` of an `AWS::RDS::DBCluster`. AWS publishes none of these numbers: each
 * default is chosen to agree with what has been measured (reference/measurements.md, Aurora) and
 * docs/models/aurora.md says why.
 */
export const DBClusterSimSchema = strictObject({
  WarmPoolAcu: num({ min: 0, max: 1024, unit: 'ACU' })
    .default(8)
    .describe('Spare ACUs on the instance’s host that a scale-up can take within seconds (not published by AWS); default 8'),
  PoolRefillTime: duration({ minMs: 1, wholeMs: true })
    .prefault('60s')
    .describe('Time for an emptied warm pool to refill completely (not published by AWS); default 60 s'),
  PoolScaleTime: duration({ wholeMs: true })
    .prefault('1500ms')
    .describe('Time for ACUs taken from the warm pool to arrive (AWS: "seconds"); default 1.5 s'),
  HostMoveTime: duration({ wholeMs: true })
    .prefault('30s')
    .describe('Time to move an instance to a host with room when the pool is short (not published by AWS); default 30 s'),
  HostMoveStall: duration({ wholeMs: true })
    .prefault('2s')
    .describe('Queries stall this long at the switch to the new host (not published by AWS); default 2 s'),
  ResumeTime: duration({ wholeMs: true })
    .optional()
    .describe('Time to resume from auto-pause (AWS: about 15 s for v2; measured 13.25 s); default 15 s for v2, 30 s for v1'),
  ScalingPointWait: duration({ wholeMs: true })
    .prefault('0s')
    .describe('v1 only: how long it takes to find a scaling point (a moment without long transactions, temporary tables or locks) once a capacity change is decided; beyond ScalingConfiguration.SecondsBeforeTimeout its TimeoutAction applies (not published by AWS: it depends on the workload); default 0 s'),
  ResumeTimeAfter24h: duration({ wholeMs: true })
    .prefault('30s')
    .describe('Time to resume after more than 24 h paused (AWS: about 30 s); default 30 s'),
  ScaleUpIncrementPercent: num({ min: 1, max: 1000, unit: '%' })
    .default(50)
    .describe('Largest scale-up step as a percentage of current capacity, at least 0.5 ACU (not published by AWS); default 50'),
  ScaleDownInterval: duration({ minMs: 1000, wholeMs: true })
    .prefault('30s')
    .describe('Time between scale-down steps while capacity exceeds need (not published by AWS); default 30 s'),
  ScaleDownPercent: num({ min: 0, max: 100, unit: '%' })
    .default(5)
    .describe('Scale-down step as a percentage of current capacity, at least 0.5 ACU (not published by AWS); default 5'),
  TargetCpuUtilization: num({ min: 10, max: 100, unit: '%' })
    .default(70)
    .describe('CPU utilisation the scaling aims to stay under (not published by AWS); default 70'),
  VcpuPerAcu: num({ gt: 0, max: 4, unit: 'vCPU' })
    .default(0.25)
    .describe('vCPUs per ACU: 2 GiB per ACU at the 8 GiB per vCPU of the db.r classes (not published by AWS); default 0.25'),
  MemoryPerConnectionMiB: num({ min: 0, max: 1024, unit: 'MiB' })
    .default(5)
    .describe('Memory an open connection holds (not published by AWS; engine-dependent); default 5 MiB'),
  MaxConnectionsPerAcu: num({ min: 1, max: 10_000, unit: 'connections' })
    .default(189)
    .describe('Connections allowed per ACU of MaxCapacity (AWS derives max_connections from memory; 189 is Aurora PostgreSQL’s figure at 1 ACU); default 189'),
  MaxConnections: num({ int: true, min: 1, max: 16_000, unit: 'connections' })
    .optional()
    .describe('Connection limit per instance, overriding the derived one (MaxConnectionsPerAcu × MaxCapacity, capped at 2,000 when MinCapacity ≤ 0.5, else 5,000)'),
  StorageGB: num({ min: 0, max: 131_072, unit: 'GB' }).default(10).describe('Data stored, GB (billed per GB-month); default 10'),
  IoPerQuery: num({ min: 0, max: 1_000_000, unit: 'I/O requests' })
    .default(1)
    .describe('Storage I/O requests per query (billed per million on Aurora Standard); default 1'),
  StatementTimeout: duration({ minMs: 1, wholeMs: true })
    .optional()
    .describe('Server-side statement timeout: a query that has waited and run this long is cancelled; default none'),
});

/** `Metadata.clustersim` of an `AWS::RDS::DBInstance`: none (the cluster holds the knobs). */
export const DBInstanceSimSchema = strictObject({});

export type DBClusterProperties = z.output<typeof DBClusterPropertiesSchema>;
export type DBInstanceProperties = z.output<typeof DBInstancePropertiesSchema>;
export type DBClusterSim = z.output<typeof DBClusterSimSchema>;

/** The instances of cluster `clusterId`, in template order (valid ones only when `ctx` says which are invalid). */
export function instancesOf(scenario: Pick<Scenario, 'Resources' | 'Region'>, clusterId: string, invalid: ReadonlySet<string> = new Set()): ResourceModel[] {
  const ctx: CheckContext = { scenario, invalid };
  return validOfType(ctx, DB_INSTANCE).filter((r) => {
    const ref = refTo(ctx, (r.Properties as DBInstanceProperties).DBClusterIdentifier, DB_CLUSTER, [], 'an Aurora DB cluster');
    return 'id' in ref && ref.id === clusterId;
  });
}

/**
 * Instances belong to an existing cluster of the same engine; a v1 cluster has none; a
 * `db.serverless` instance needs its cluster's ServerlessV2ScalingConfiguration; a cluster with
 * no instance gets a warning (nothing runs).
 */
export function checkRdsResources(ctx: CheckContext): CheckIssue[] {
  const out: CheckIssue[] = [];
  const members = new Map<string, number>();
  for (const r of validOfType(ctx, DB_INSTANCE)) {
    const p = r.Properties as DBInstanceProperties;
    const path = [r.LogicalId, 'Properties', 'DBClusterIdentifier'];
    const ref = refTo(ctx, p.DBClusterIdentifier, DB_CLUSTER, path, 'an Aurora DB cluster');
    if ('issue' in ref) {
      out.push(ref.issue);
      continue;
    }
    if (ctx.invalid.has(ref.id)) continue;
    members.set(ref.id, (members.get(ref.id) ?? 0) + 1);
    const c = ctx.scenario.Resources[ref.id]!.Properties as DBClusterProperties;
    if (c.EngineMode === 'serverless') {
      out.push({ path, message: `cluster ${ref.id} is Aurora Serverless v1 (EngineMode serverless), which has no DB instances; remove this instance or use EngineMode provisioned` });
    } else if (p.DBInstanceClass === SERVERLESS_CLASS && c.ServerlessV2ScalingConfiguration === undefined) {
      out.push({
        path: [r.LogicalId, 'Properties', 'DBInstanceClass'],
        message: `db.serverless needs cluster ${ref.id} to set ServerlessV2ScalingConfiguration (MinCapacity 0 or 0.5–256, MaxCapacity 1–256 ACU)`,
      });
    }
    if (p.Engine !== undefined && p.Engine !== c.Engine) {
      out.push({ path: [r.LogicalId, 'Properties', 'Engine'], message: `must match cluster ${ref.id}'s Engine (${c.Engine}), got ${describeValue(p.Engine)}` });
    }
  }
  for (const r of validOfType(ctx, DB_CLUSTER)) {
    const c = r.Properties as DBClusterProperties;
    if (c.EngineMode !== 'serverless' && !members.has(r.LogicalId)) {
      out.push({ path: [r.LogicalId], warning: true, message: `Aurora cluster ${r.LogicalId} has no AWS::RDS::DBInstance: nothing runs and only storage is billed` });
    }
  }
  return out;
}
