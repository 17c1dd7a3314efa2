import { describe, expect, it } from 'vitest';
import { loadScenarioText, ScenarioError } from '../../src/scenario';
import { runVariant, Simulation } from '../../src/sim';

const CLUSTER = (min: number, max: number, extra = '') => `
  Db:
    Type: AWS::RDS::DBCluster
    Properties:
      Engine: aurora-postgresql
      ServerlessV2ScalingConfiguration: { MinCapacity: ${min}, MaxCapacity: ${max}${extra} }
  Writer:
    Type: AWS::RDS::DBInstance
    Properties: { DBClusterIdentifier: !Ref Db, DBInstanceClass: db.serverless }
`;

function lambdaDb(
  o: { min?: number; max?: number; rate?: string; timeout?: number; pool?: number; duration?: string; queries?: number; extra?: string; work?: string; dbCpu?: string } = {},
) {
  return loadScenarioText(
    `
Name: lambda-db
Seed: 4
Duration: ${o.duration ?? '20m'}
Transform: AWS::Serverless-2016-10-31
Resources:${CLUSTER(o.min ?? 0.5, o.max ?? 16, o.extra)}
  Fn:
    Type: AWS::Serverless::Function
    Metadata: { clustersim: { Database: !Ref Db, ConnectionPoolSize: ${o.pool ?? 1}, InitDurationMs: { Dist: constant, Value: 200 } } }
    Properties: { Runtime: nodejs22.x, Handler: index.handler, MemorySize: 1024, Timeout: ${o.timeout ?? 30} }
Workload:
  - Name: calls
    Target: Fn
    Arrivals: ${o.rate ?? '{ Pattern: constant, Rate: 200, Process: poisson }'}
    Work:
      DurationMs: ${o.work ?? '{ Dist: constant, Value: 20 }'}
      DbQueries: { Dist: constant, Value: ${o.queries ?? 3} }
      DbCpuMs: ${o.dbCpu ?? '{ Dist: exponential, Mean: 5 }'}
`,
    'lambda-db.yaml',
  );
}

function serviceDb(max: number) {
  return loadScenarioText(
    `
Name: ecs-db
Seed: 2
Duration: 20m
Resources:${CLUSTER(0.5, max)}
  Task:
    Type: AWS::ECS::TaskDefinition
    Properties: { RequiresCompatibilities: [FARGATE], Cpu: 1024, Memory: 2048 }
  Svc:
    Type: AWS::ECS::Service
    Metadata: { clustersim: { Database: !Ref Db, ConnectionPoolSize: 20 } }
    Properties: { LaunchType: FARGATE, DesiredCount: 8, TaskDefinition: !Ref Task }
Workload:
  - Name: web
    Target: Svc
    Arrivals: { Pattern: constant, Rate: 300, Process: poisson }
    Work:
      CpuMs: { Dist: exponential, Mean: 10 }
      DbQueries: { Dist: constant, Value: 2 }
      DbCpuMs: { Dist: exponential, Mean: 6 }
`,
    'ecs-db.yaml',
  );
}

const num = (x: unknown) => x as number;

describe('services and functions on an Aurora database', () => {
  it('a too-low MaxCapacity slows the function, raising its concurrency and its bill', () => {
    const low = runVariant(lambdaDb({ max: 1 }));
    const high = runVariant(lambdaDb({ max: 16 }));
    const fl = low.resources['Fn']!;
    const fh = high.resources['Fn']!;
    expect(num((fl['latencyMs'] as { p95: number }).p95)).toBeGreaterThan(5 * num((fh['latencyMs'] as { p95: number }).p95));
    expect(num(fl['averageConcurrency'])).toBeGreaterThan(3 * num(fh['averageConcurrency']));
    expect(fl.costUsd).toBeGreaterThan(fh.costUsd);
    expect(num(low.resources['Db']!['secondsAtMax'])).toBeGreaterThan(num(high.resources['Db']!['secondsAtMax']));
  });

  it('a lightly loaded database answers at its service time, however long the handlers run', () => {
    // 20 requests/s × 1 query × 2 CPU-ms on a 2-ACU floor (0.5 vCPU): 8 % busy. Handlers of very
    // different lengths must not make their queries queue behind each other.
    const r = runVariant(
      lambdaDb({
        min: 2,
        max: 2,
        queries: 1,
        rate: '{ Pattern: constant, Rate: 20, Process: poisson }',
        work: '{ Dist: exponential, Mean: 1000 }',
        dbCpu: '{ Dist: constant, Value: 2 }',
      }),
    );
    const q = r.resources['Db']!['queryLatencyMs'] as { p50: number; p99: number };
    // A 2 CPU-ms query on one vCPU-share of 0.5 runs 4 ms; a little queueing at 8 % load.
    expect(q.p50).toBeLessThan(6);
    expect(q.p99).toBeLessThan(20);
  });

  it('each execution environment holds its pool of connections: a burst of cold starts is a burst of connections', () => {
    const r = runVariant(lambdaDb({ pool: 2 }));
    const fn = r.resources['Fn']!;
    const db = r.resources['Db']!;
    // Environments are never reaped in 20 minutes at 200/s, so every one created still holds two.
    expect(num(db['peakConnections'])).toBe(2 * num(fn['environmentsCreated']));
  });

  it('refused connections fail the invocations that cannot get one', () => {
    const s = lambdaDb({ max: 1, pool: 1 });
    (s.Resources['Db']!.Sim as { MaxConnections?: number }).MaxConnections = 5;
    const r = runVariant(s);
    const fn = r.resources['Fn']!;
    expect(num(fn['dbErrors'])).toBeGreaterThan(0);
    expect(num(r.resources['Db']!['peakConnections'])).toBe(5);
    const t = r.totals.requests;
    expect(t.arrived).toBe(t.served + t.failed + t.throttled + t.queued);
  });

  it('a paused database makes the first request wait for the resume, which the function timeout may not survive', () => {
    // One request a minute against a database that pauses after 5 minutes idle (MinCapacity 0).
    const rate = "{ Pattern: steps, Steps: [ { At: 0s, Rate: 0 }, { At: 10m, Rate: 1 }, { At: 601s, Rate: 0 } ], Process: exact }";
    const patient = runVariant(lambdaDb({ min: 0, rate, timeout: 30, duration: '15m' }));
    const db = patient.resources['Db']!;
    expect(num(db['pauses'])).toBe(1);
    expect(num(db['resumes'])).toBe(1);
    const p = patient.resources['Fn']!['latencyMs'] as { p50: number };
    // 200 ms INIT, 20 ms of work, ~15 s of resume, then the queries.
    expect(p.p50).toBeGreaterThan(15_000);
    expect(p.p50).toBeLessThan(16_500);
    const impatient = runVariant(lambdaDb({ min: 0, rate, timeout: 5, duration: '15m' }));
    expect(impatient.resources['Fn']!['timeouts']).toBe(1);
    expect(impatient.totals.requests.failed).toBe(1);
  });

  it('a service’s tasks hold their pools and its latency rises when the database is too small', () => {
    const low = runVariant(serviceDb(1));
    const high = runVariant(serviceDb(16));
    expect(num(high.resources['Db']!['peakConnections'])).toBe(8 * 20);
    const lat = (r: typeof low) => (r.resources['Svc']!['latencyMs'] as { p95: number }).p95;
    expect(lat(low)).toBeGreaterThan(5 * lat(high));
  });

  it('a queue worker runs its messages’ queries: a batch sends the queries of all its messages', () => {
    const s = loadScenarioText(
      `
Name: queue-db
Seed: 3
Duration: 10m
Transform: AWS::Serverless-2016-10-31
Resources:${CLUSTER(4, 8)}
  Worker:
    Type: AWS::Serverless::Function
    Metadata: { clustersim: { Database: !Ref Db } }
    Properties:
      Runtime: nodejs22.x
      Handler: index.handler
      Timeout: 30
      Events:
        Jobs: { Type: SQS, Properties: { Queue: !GetAtt Jobs.Arn, BatchSize: 10 } }
  Jobs:
    Type: AWS::SQS::Queue
    Properties: { VisibilityTimeout: 180 }
Workload:
  - Name: jobs
    Target: Jobs
    Arrivals: { Pattern: constant, Rate: 50, Process: exact }
    Work:
      DurationMs: { Dist: constant, Value: 10 }
      DbQueries: { Dist: constant, Value: 4 }
      DbCpuMs: { Dist: constant, Value: 2 }
`,
      'queue-db.yaml',
    );
    const r = runVariant(s);
    const jobs = r.resources['Jobs']!;
    expect(jobs['messagesSent']).toBe(30_000);
    expect(jobs['messagesRedelivered']).toBe(0);
    // Every received message's four queries reached the database (the last batch's may still run).
    const q = r.resources['Db']!['queries'] as { submitted: number; completed: number };
    expect(q.submitted).toBe(4 * (jobs['messagesReceived'] as number));
    expect(q.completed).toBeGreaterThanOrEqual(4 * (jobs['messagesDeleted'] as number));
  });

  it('rejects a Database that names no Aurora cluster, with the field’s position', () => {
    const text = `
Name: bad
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Metadata: { clustersim: { Database: Nope } }
    Properties: { Runtime: nodejs22.x, Handler: index.handler }
Workload:
  - Name: calls
    Target: Fn
    Arrivals: { Pattern: constant, Rate: 1 }
    Work: { DurationMs: { Dist: constant, Value: 20 } }
`;
    try {
      loadScenarioText(text, 'bad.yaml');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ScenarioError);
      expect(String((e as Error).message)).toMatch(/bad\.yaml:6:\d+: Resources\.Fn\.Metadata\.clustersim\.Database: "?Nope"? is not an Aurora DB cluster/);
    }
  });

  it('continues identically from a checkpoint', () => {
    const scenario = lambdaDb({ max: 2, duration: '6m' });
    const straight = new Simulation(scenario);
    straight.run();
    const a = new Simulation(scenario);
    a.engine.runUntil(150_000);
    const cp = JSON.parse(JSON.stringify(a.checkpoint()));
    const b = new Simulation(scenario);
    b.restore(cp);
    b.run();
    expect(JSON.stringify(b.report())).toBe(JSON.stringify(straight.report()));
  });
});
