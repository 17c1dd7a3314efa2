/**
 * Builds a scenario's Aurora clusters (`AWS::RDS::DBCluster` with their `AWS::RDS::DBInstance`s)
 * as `DatabaseModel` components. The caller registers them (Phase.Control: they measure and
 * scale after the services have submitted the tick's queries) and calls `start()`.
 */
import type { Engine } from '../../engine';
import type { ResourceModel, Scenario } from '../../scenario';
import { AuroraMeter } from './AuroraMeter';
import { DB_INSTANCE_CLASSES, defaultMaxConnections, SERVERLESS_CLASS, V1_CAPACITY_POINTS } from './capacity';
import { type DatabaseConfig, DatabaseModel, type InstanceConfig } from './DatabaseModel';
import { DB_CLUSTER, type DBClusterProperties, type DBClusterSim, type DBInstanceProperties, instancesOf } from './schema';

/** v2's documented resume time (about 15 s, aws-facts 85) and v1's measured one (about 30 s, aws-facts 92). */
const DEFAULT_RESUME_MS = { v2: 15_000, v1: 30_000 } as const;

/**
 * The writer is the instance in the lowest promotion tier (template order breaks ties): AWS does
 * not say which instance a template's cluster makes the writer, and failover picks by tier the same way.
 */
function instanceConfigs(s: Scenario, clusterId: string): InstanceConfig[] {
  const rs = instancesOf(s, clusterId)
    .map((r, order) => ({ r, order, p: r.Properties as DBInstanceProperties }))
    .sort((a, b) => a.p.PromotionTier - b.p.PromotionTier || a.order - b.order);
  return rs.map(({ r, p }, i) => ({
    logicalId: r.LogicalId,
    instanceClass: p.DBInstanceClass,
    promotionTier: p.PromotionTier,
    role: i === 0 ? 'writer' : p.PromotionTier <= 1 ? 'follower' : 'independent',
    provisioned: p.DBInstanceClass === SERVERLESS_CLASS ? undefined : DB_INSTANCE_CLASSES[p.DBInstanceClass],
  }));
}

/** The model's configuration for cluster resource `r` of scenario `s`. */
export function databaseConfig(s: Scenario, r: ResourceModel): DatabaseConfig {
  const p = r.Properties as DBClusterProperties;
  const sim = r.Sim as DBClusterSim;
  const v1 = p.EngineMode === 'serverless';
  const v2c = p.ServerlessV2ScalingConfiguration;
  const v1c = p.ScalingConfiguration;
  const minAcu = v1 ? (v1c?.MinCapacity ?? V1_CAPACITY_POINTS[p.Engine][0]) : (v2c?.MinCapacity ?? 0.5);
  const maxAcu = v1 ? (v1c?.MaxCapacity ?? minAcu) : (v2c?.MaxCapacity ?? Math.max(1, minAcu));
  const instances: InstanceConfig[] = v1
    ? [{ logicalId: r.LogicalId, instanceClass: 'serverless-v1', promotionTier: 0, role: 'writer' }]
    : instanceConfigs(s, r.LogicalId);
  return {
    logicalId: r.LogicalId,
    mode: v1 ? 'v1' : 'v2',
    engine: p.Engine,
    storageType: p.StorageType,
    minAcu,
    maxAcu,
    autoPause: v1 ? (v1c?.AutoPause ?? false) : minAcu === 0,
    secondsUntilAutoPause: (v1 ? v1c?.SecondsUntilAutoPause : v2c?.SecondsUntilAutoPause) ?? 300,
    instances,
    warmPoolAcu: sim.WarmPoolAcu,
    poolRefillMs: sim.PoolRefillTime,
    poolScaleMs: sim.PoolScaleTime,
    hostMoveMs: sim.HostMoveTime,
    hostMoveStallMs: sim.HostMoveStall,
    resumeMs: sim.ResumeTime ?? DEFAULT_RESUME_MS[v1 ? 'v1' : 'v2'],
    resumeAfter24hMs: sim.ResumeTimeAfter24h,
    scaleUpIncrementPercent: sim.ScaleUpIncrementPercent,
    scaleDownIntervalMs: sim.ScaleDownInterval,
    scaleDownPercent: sim.ScaleDownPercent,
    targetCpuUtilization: sim.TargetCpuUtilization / 100,
    vcpuPerAcu: sim.VcpuPerAcu,
    memoryPerConnectionMiB: sim.MemoryPerConnectionMiB,
    maxConnections: sim.MaxConnections ?? defaultMaxConnections(minAcu, maxAcu, sim.MaxConnectionsPerAcu),
    maxConnectionsPerAcu: sim.MaxConnectionsPerAcu,
    storageGB: sim.StorageGB,
    ioPerQuery: sim.IoPerQuery,
    statementTimeoutMs: sim.StatementTimeout ?? Number.POSITIVE_INFINITY,
    ...(v1
      ? {
          v1ScalingPointWaitMs: sim.ScalingPointWait,
          v1TimeoutMs: (v1c?.SecondsBeforeTimeout ?? 300) * 1000,
          v1ForceApply: v1c?.TimeoutAction === 'ForceApplyCapacityChange',
        }
      : {}),
  };
}

/**
 * One `DatabaseModel` per Aurora cluster that has something to run (a v1 cluster, or a v2
 * cluster with at least one DB instance), keyed by the cluster's logical ID. Not registered.
 */
export function buildDatabases(engine: Engine, s: Scenario): Map<string, DatabaseModel> {
  const out = new Map<string, DatabaseModel>();
  for (const r of Object.values(s.Resources)) {
    if (r.Type !== DB_CLUSTER) continue;
    const cfg = databaseConfig(s, r);
    if (cfg.instances.length === 0) continue;
    out.set(r.LogicalId, new DatabaseModel(engine, cfg, new AuroraMeter()));
  }
  return out;
}
