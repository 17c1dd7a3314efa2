/**
 * The simulator settings that connect a service or a function to an Aurora cluster
 * (`Metadata.clustersim.Database`, `ConnectionPoolSize`, `DatabaseEndpoint`), shared by the ECS
 * service and Lambda function schemas, and the check that `Database` names a cluster.
 */
import { z } from 'zod';
import { num, oneOf } from './fields';
import { DB_CLUSTER } from '../aws/rds/schema';
import { type CheckContext, type CheckIssue, refTo } from './resourceCheck';


/** The `Metadata.clustersim` fields of a database client; `poolDefault` (documentation only) differs for tasks and environments. */
export function databaseClientFields(poolDefault: number, holder: string) {
  return {
    Database: z
      .string()
      .optional()
      .describe('The Aurora cluster (AWS::RDS::DBCluster, `!Ref MyCluster`) this code queries with its workload’s Work.DbQueries and Work.DbCpuMs'),
    ConnectionPoolSize: num({ int: true, min: 0, max: 1000, unit: 'connections' })
      .optional()
      .describe(`Connections each ${holder} opens to Database when it starts and holds until it stops (default ${poolDefault})`),
    DatabaseEndpoint: oneOf(['writer', 'reader'])
      .optional()
      .describe('Which endpoint the queries use: writer (the cluster endpoint; default) or reader (spread over the readers)'),
  };
}

export interface DatabaseClientSim {
  Database?: string;
  ConnectionPoolSize?: number;
  DatabaseEndpoint?: 'writer' | 'reader';
}

/** Connections per holder when `ConnectionPoolSize` is not set: a task's pool, an execution environment's one connection. */
export const DEFAULT_POOL = { task: 10, environment: 1 } as const;

/** Every service or function with `Metadata.clustersim.Database` names an Aurora cluster of the scenario. */
export function checkDatabaseClients(ctx: CheckContext): CheckIssue[] {
  const out: CheckIssue[] = [];
  for (const r of Object.values(ctx.scenario.Resources)) {
    if (ctx.invalid.has(r.LogicalId)) continue;
    const sim = r.Sim as Partial<DatabaseClientSim> | undefined;
    if (sim?.Database === undefined) continue;
    const ref = refTo(ctx, sim.Database, DB_CLUSTER, [r.LogicalId, 'Metadata', 'clustersim', 'Database'], 'an Aurora DB cluster');
    if ('issue' in ref) out.push(ref.issue);
  }
  return out;
}
