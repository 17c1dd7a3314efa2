import { describe, expect, it } from 'vitest';
import { buildDatabases, databaseConfig } from '../../../src/aws/rds/buildDatabases';
import { Engine } from '../../../src/engine';
import { validateScenarioFile } from '../../../src/scenario';
import { brief, edit, issuesOf, load, WEB } from '../../scenario/helpers';

/** WEB with `yaml` added to its Resources (before Workload). */
const withDb = (yaml: string, text = WEB) => edit(text, 'Workload:\n', `${yaml}Workload:\n`);
const warningsOf = (text: string) => validateScenarioFile('scenario.yaml', { readFile: () => text }).warnings;

/** A v2 cluster at 0–16 ACUs with a writer and two readers (lines 18–41 of the scenario). */
const CLUSTER = `  Db:
    Type: AWS::RDS::DBCluster
    Metadata:
      clustersim: { WarmPoolAcu: 4, HostMoveTime: 45s }
    Properties:
      Engine: aurora-postgresql
      StorageType: aurora-iopt1
      ServerlessV2ScalingConfiguration:
        MinCapacity: 0
        MaxCapacity: 16
  Replica:
    Type: AWS::RDS::DBInstance
    Properties:
      DBClusterIdentifier: !Ref Db
      DBInstanceClass: db.serverless
      PromotionTier: 2
  Writer:
    Type: AWS::RDS::DBInstance
    Properties:
      DBClusterIdentifier: !Ref Db
      DBInstanceClass: db.serverless
      PromotionTier: 0
  Follower:
    Type: AWS::RDS::DBInstance
    Properties:
      DBClusterIdentifier: !Ref Db
      DBInstanceClass: db.r6g.large
`;

describe('AWS::RDS::DBCluster and AWS::RDS::DBInstance', () => {
  it("fills in AWS's and the simulator's defaults", () => {
    const s = load(withDb(CLUSTER));
    expect(s.Resources.Db!.Properties).toMatchObject({ EngineMode: 'provisioned', StorageType: 'aurora-iopt1', ServerlessV2ScalingConfiguration: { MinCapacity: 0, MaxCapacity: 16, SecondsUntilAutoPause: 300 } });
    expect(s.Resources.Db!.Sim).toEqual({
      WarmPoolAcu: 4,
      PoolRefillTime: 60_000,
      PoolScaleTime: 1500,
      HostMoveTime: 45_000,
      HostMoveStall: 2000,
      ResumeTimeAfter24h: 30_000,
      ScaleUpIncrementPercent: 50,
      ScalingPointWait: 0,
      ScaleDownInterval: 30_000,
      ScaleDownPercent: 5,
      TargetCpuUtilization: 70,
      VcpuPerAcu: 0.25,
      MemoryPerConnectionMiB: 5,
      MaxConnectionsPerAcu: 189,
      StorageGB: 10,
      IoPerQuery: 1,
    });
    expect(s.Resources.Writer!.Properties).toMatchObject({ PromotionTier: 0 });
    expect(s.Resources.Follower!.Properties).toMatchObject({ PromotionTier: 1 });
  });

  it('makes the lowest promotion tier the writer; tier 0–1 readers follow it, others scale on their own', () => {
    const s = load(withDb(CLUSTER));
    const cfg = databaseConfig(s, s.Resources.Db!);
    expect(cfg.instances.map((i) => [i.logicalId, i.role, i.instanceClass])).toEqual([
      ['Writer', 'writer', 'db.serverless'],
      ['Follower', 'follower', 'db.r6g.large'],
      ['Replica', 'independent', 'db.serverless'],
    ]);
    expect(cfg).toMatchObject({ mode: 'v2', minAcu: 0, maxAcu: 16, autoPause: true, resumeMs: 15_000, hostMoveMs: 45_000, maxConnections: 2000 });
    expect(cfg.instances[1]!.provisioned).toEqual({ vcpu: 2, memoryGiB: 16 });
    const dbs = buildDatabases(new Engine({ seed: 1, tickMs: 1000, durationMs: 1000 }), s);
    expect([...dbs.keys()]).toEqual(['Db']);
    expect(dbs.get('Db')!.name).toBe('rds:Db');
  });

  it('states the allowed ranges of the capacity settings, with line and column', () => {
    const bad = edit(edit(edit(CLUSTER, 'MinCapacity: 0\n', 'MinCapacity: 0.25\n'), 'MaxCapacity: 16', 'MaxCapacity: 300\n        SecondsUntilAutoPause: 100'), 'HostMoveTime: 45s', 'Bogus: 1');
    expect(brief(issuesOf(withDb(bad)))).toEqual([
      '26:22 Resources.Db.Properties.ServerlessV2ScalingConfiguration.MinCapacity: must be a multiple of 0.5 ACU (0 or 0.5–256), got 0.25',
      '27:22 Resources.Db.Properties.ServerlessV2ScalingConfiguration.MaxCapacity: must be ≤ 256 ACU, got 300',
      '28:32 Resources.Db.Properties.ServerlessV2ScalingConfiguration.SecondsUntilAutoPause: must be ≥ 300 s, got 100',
      '21:37 Resources.Db.Metadata.clustersim.Bogus: unknown key "Bogus"; allowed: WarmPoolAcu, PoolRefillTime, PoolScaleTime, HostMoveTime, HostMoveStall, ResumeTime, ScalingPointWait, ResumeTimeAfter24h, ScaleUpIncrementPercent, ScaleDownInterval, ScaleDownPercent, TargetCpuUtilization, VcpuPerAcu, MemoryPerConnectionMiB, MaxConnectionsPerAcu, MaxConnections, StorageGB, IoPerQuery, StatementTimeout',
    ]);
    expect(brief(issuesOf(withDb(edit(CLUSTER, 'MinCapacity: 0\n        MaxCapacity: 16', 'MinCapacity: 8\n        MaxCapacity: 4'))))).toEqual([
      '27:22 Resources.Db.Properties.ServerlessV2ScalingConfiguration.MaxCapacity: must be ≥ MinCapacity (8 ACU), got 4',
    ]);
  });

  it('lists the instance classes and storage types it knows', () => {
    const bad = edit(edit(CLUSTER, 'DBInstanceClass: db.r6g.large', 'DBInstanceClass: db.m5.large'), 'aurora-iopt1', 'gp3');
    expect(brief(issuesOf(withDb(bad)))).toEqual([
      '24:20 Resources.Db.Properties.StorageType: must be one of aurora, aurora-iopt1; got "gp3"',
      '44:24 Resources.Follower.Properties.DBInstanceClass: must be one of db.serverless, db.r6g.large, db.r6g.xlarge, db.r6g.2xlarge, db.r6g.4xlarge, db.r7g.large, db.r7g.xlarge, db.r7g.2xlarge, db.r7g.4xlarge; got "db.m5.large"',
    ]);
  });

  it('checks that each instance belongs to a cluster that can run it', () => {
    const noCluster = edit(CLUSTER, 'DBClusterIdentifier: !Ref Db\n      DBInstanceClass: db.r6g.large', 'DBClusterIdentifier: other\n      DBInstanceClass: db.r6g.large');
    expect(brief(issuesOf(withDb(noCluster)))).toEqual([
      '43:28 Resources.Follower.Properties.DBClusterIdentifier: "other" is not an Aurora DB cluster in this scenario; AWS::RDS::DBCluster: Db',
    ]);
    const noV2 = edit(CLUSTER, '      ServerlessV2ScalingConfiguration:\n        MinCapacity: 0\n        MaxCapacity: 16\n', '');
    expect(brief(issuesOf(withDb(noV2)))).toEqual([
      '29:24 Resources.Replica.Properties.DBInstanceClass: db.serverless needs cluster Db to set ServerlessV2ScalingConfiguration (MinCapacity 0 or 0.5–256, MaxCapacity 1–256 ACU)',
      '35:24 Resources.Writer.Properties.DBInstanceClass: db.serverless needs cluster Db to set ServerlessV2ScalingConfiguration (MinCapacity 0 or 0.5–256, MaxCapacity 1–256 ACU)',
    ]);
  });

  it('takes v1 capacity points of its engine only, and no instances', () => {
    const v1 = `  Old:
    Type: AWS::RDS::DBCluster
    Properties:
      Engine: aurora-mysql
      EngineMode: serverless
      ScalingConfiguration: { MinCapacity: 3, MaxCapacity: 64, AutoPause: true }
`;
    expect(brief(issuesOf(withDb(v1)))).toEqual([
      '23:44 Resources.Old.Properties.ScalingConfiguration.MinCapacity: must be one of aurora-mysql\'s v1 capacity points: 1, 2, 4, 8, 16, 32, 64, 128, 256; got 3',
    ]);
    const ok = load(withDb(edit(v1, 'MinCapacity: 3', 'MinCapacity: 2')));
    expect(databaseConfig(ok, ok.Resources.Old!)).toMatchObject({ mode: 'v1', minAcu: 2, maxAcu: 64, autoPause: true, resumeMs: 30_000 });
    const withInstance = `${v1.replace('MinCapacity: 3', 'MinCapacity: 2')}  Inst:
    Type: AWS::RDS::DBInstance
    Properties:
      DBClusterIdentifier: !Ref Old
      DBInstanceClass: db.serverless
`;
    expect(brief(issuesOf(withDb(withInstance)))).toEqual([
      '27:33 Resources.Inst.Properties.DBClusterIdentifier: cluster Old is Aurora Serverless v1 (EngineMode serverless), which has no DB instances; remove this instance or use EngineMode provisioned',
    ]);
  });

  it('warns about a v2 cluster without instances', () => {
    const lonely = `  Db:
    Type: AWS::RDS::DBCluster
    Properties:
      Engine: aurora-mysql
      ServerlessV2ScalingConfiguration: { MinCapacity: 0.5, MaxCapacity: 8 }
`;
    expect(warningsOf(withDb(lonely)).some((w) => w.includes('Aurora cluster Db has no AWS::RDS::DBInstance'))).toBe(true);
  });
});

describe('Work.DbQueries and Work.DbCpuMs', () => {
  it('default to no database work and take distributions like DurationMs', () => {
    expect(load(WEB).Workload[0]!.Work.DbQueries).toBeUndefined();
    const s = load(edit(WEB, '      CpuMs: { Dist: exponential, Mean: 20 }\n', '      CpuMs: { Dist: exponential, Mean: 20 }\n      DbQueries: { Dist: constant, Value: 3 }\n      DbCpuMs: { Dist: lognormal, Mean: 2, P99: 20 }\n'));
    expect(s.Workload[0]!.Work).toMatchObject({ DbQueries: { Dist: 'constant', Value: 3 }, DbCpuMs: { Dist: 'lognormal', Mean: 2, P99: 20 } });
  });

  it('need each other, and validate like any distribution', () => {
    const one = edit(WEB, '      CpuMs: { Dist: exponential, Mean: 20 }\n', '      CpuMs: { Dist: exponential, Mean: 20 }\n      DbQueries: { Dist: constant, Value: 3 }\n');
    expect(brief(issuesOf(one))).toEqual([
      '23:7 Workload[0].Work.DbCpuMs: required with DbQueries: database work needs both queries per request (DbQueries) and CPU per query (DbCpuMs)',
    ]);
    const neg = edit(WEB, '      CpuMs: { Dist: exponential, Mean: 20 }\n', '      CpuMs: { Dist: exponential, Mean: 20 }\n      DbQueries: { Dist: constant, Value: -1 }\n      DbCpuMs: { Dist: exponential, Mean: 0 }\n');
    expect(brief(issuesOf(neg))).toEqual([
      '24:43 Workload[0].Work.DbQueries.Value: must be ≥ 0, got -1',
      '25:43 Workload[0].Work.DbCpuMs.Mean: must be > 0, got 0',
    ]);
  });
});
