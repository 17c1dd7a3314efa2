/**
 * Benchmarks (`npm run bench`): prints figures, asserts nothing. Wall-clock timing is allowed
 * here: benchmarks measure the simulator, they are not part of it.
 */
import { Engine, Scheduler } from '../src/engine';
import { loadScenarioText } from '../src/scenario';
import { Simulation } from '../src/sim';

function fargateDay(tasks: number, ratePerS: number) {
  return loadScenarioText(
    `
Name: bench-fargate-day
Seed: 1
Duration: 1d
Resources:
  Task:
    Type: AWS::ECS::TaskDefinition
    Properties: { RequiresCompatibilities: [FARGATE], Cpu: 1024, Memory: 2048 }
  Svc:
    Type: AWS::ECS::Service
    Properties: { LaunchType: FARGATE, DesiredCount: ${tasks}, TaskDefinition: !Ref Task }
Workload:
  - Name: load
    Target: Svc
    Arrivals: { Pattern: diurnal, Trough: ${ratePerS / 4}, Peak: ${ratePerS}, PeakAt: 14 }
    Work: { CpuMs: { Dist: lognormal, Mean: 30, P99: 250 } }
`,
    'bench.yaml',
  );
}

function time<T>(fn: () => T): { ms: number; value: T } {
  const t0 = process.hrtime.bigint();
  const value = fn();
  return { ms: Number(process.hrtime.bigint() - t0) / 1e6, value };
}

function benchFargateDay(tasks: number, ratePerS: number) {
  const scenario = fargateDay(tasks, ratePerS);
  const heapBefore = process.memoryUsage().heapUsed;
  const { ms, value: sim } = time(() => {
    const s = new Simulation(scenario, { series: true });
    s.run();
    return s;
  });
  const r = sim.report();
  const heapMiB = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;
  const arrived = r.totals.requests.arrived;
  console.log(
    `fargate day: ${tasks} tasks, peak ${ratePerS} req/s (${(ratePerS * 60).toLocaleString('en-US')}/min): ` +
      `${(ms / 1000).toFixed(2)} s wall for 86,400 ticks, ${arrived.toLocaleString('en-US')} requests ` +
      `(${((arrived / ms) * 1000 / 1e6).toFixed(2)} M requests/s), ${(86_400_000 / ms).toFixed(0)}× real time, heap +${heapMiB.toFixed(1)} MiB`,
  );
}

/** A steady heap of `pending` events (tasks' next lifecycle steps, say), churned `n` times. */
function benchScheduler(pending: number, n: number) {
  const s = new Scheduler();
  for (let i = 0; i < pending; i++) s.schedule((i * 7919) % 100_000, 'c', 0, i);
  const { ms } = time(() => {
    for (let i = 0; i < n; i++) {
      const e = s.popDue(Number.POSITIVE_INFINITY)!;
      s.schedule(e.atMs + 1 + ((i * 7919) % 100_000), 'c', 0, i);
    }
  });
  console.log(
    `scheduler: ${n.toLocaleString('en-US')} pop+schedule pairs on a heap of ${pending.toLocaleString('en-US')} in ${ms.toFixed(0)} ms (${((ms * 1e6) / n).toFixed(0)} ns/pair)`,
  );
}

function benchEmptyTicks(ticks: number) {
  const e = new Engine({ seed: 1, tickMs: 1000, durationMs: ticks * 1000 });
  const { ms } = time(() => e.run());
  console.log(`engine: ${ticks.toLocaleString('en-US')} empty ticks in ${ms.toFixed(0)} ms`);
}

/** A day of one Lambda function at `ratePerS` requests per second (Poisson), 120 ms lognormal work. */
function benchLambdaDay(ratePerS: number) {
  const scenario = loadScenarioText(
    `
Name: bench-lambda-day
Seed: 1
Duration: 1d
Resources:
  Fn:
    Type: AWS::Lambda::Function
    Properties: { Runtime: nodejs22.x, Handler: index.handler, MemorySize: 1024, Timeout: 30 }
Workload:
  - Name: load
    Target: Fn
    Arrivals: { Pattern: constant, Rate: ${ratePerS} }
    Work: { DurationMs: { Dist: lognormal, Mean: 120, P99: 900 } }
`,
    'bench-lambda.yaml',
  );
  const { ms, value: sim } = time(() => {
    const s = new Simulation(scenario);
    s.run();
    return s;
  });
  const r = sim.report();
  const arrived = r.totals.requests.arrived;
  console.log(
    `lambda day: ${ratePerS.toLocaleString('en-US')} req/s: ${(ms / 1000).toFixed(2)} s wall for ${arrived.toLocaleString('en-US')} requests, ` +
      `${(86_400_000 / ms).toFixed(0)} simulated seconds per wall second, peak concurrency ${r.resources['Fn']!['peakConcurrency']}`,
  );
}

/** A day of an SQS queue drained by a Lambda function at `ratePerS` messages per second. */
function benchQueueDay(ratePerS: number) {
  const scenario = loadScenarioText(
    `
Name: bench-queue-day
Seed: 1
Duration: 1d
Transform: AWS::Serverless-2016-10-31
Resources:
  Jobs:
    Type: AWS::SQS::Queue
    Properties: { VisibilityTimeout: 180 }
  Worker:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: nodejs22.x
      Handler: index.handler
      Timeout: 30
      Events:
        Jobs: { Type: SQS, Properties: { Queue: !GetAtt Jobs.Arn, BatchSize: 10 } }
Workload:
  - Name: load
    Target: Jobs
    Arrivals: { Pattern: diurnal, Trough: ${ratePerS / 4}, Peak: ${ratePerS}, PeakAt: 14 }
    Work: { DurationMs: { Dist: lognormal, Mean: 50, P99: 400 } }
`,
    'bench-queue.yaml',
  );
  const { ms, value: sim } = time(() => {
    const s = new Simulation(scenario);
    s.run();
    return s;
  });
  const q = sim.report().resources['Jobs']!;
  console.log(
    `queue day: ${ratePerS.toLocaleString('en-US')} msg/s peak: ${(ms / 1000).toFixed(2)} s wall for ${(q['messagesSent'] as number).toLocaleString('en-US')} messages, ` +
      `${(86_400_000 / ms).toFixed(0)} simulated seconds per wall second`,
  );
}

/** A day of a Lambda API on Aurora Serverless v2 at `ratePerS` requests per second peak, three queries each. */
function benchAuroraDay(ratePerS: number) {
  const scenario = loadScenarioText(
    `
Name: bench-aurora-day
Seed: 1
Duration: 1d
Transform: AWS::Serverless-2016-10-31
Resources:
  Db:
    Type: AWS::RDS::DBCluster
    Properties: { Engine: aurora-postgresql, ServerlessV2ScalingConfiguration: { MinCapacity: 0.5, MaxCapacity: 64 } }
  Writer:
    Type: AWS::RDS::DBInstance
    Properties: { DBClusterIdentifier: !Ref Db, DBInstanceClass: db.serverless }
  Fn:
    Type: AWS::Serverless::Function
    Metadata: { clustersim: { Database: !Ref Db } }
    Properties: { Runtime: nodejs22.x, Handler: index.handler, Timeout: 30 }
Workload:
  - Name: load
    Target: Fn
    Arrivals: { Pattern: diurnal, Trough: ${ratePerS / 4}, Peak: ${ratePerS}, PeakAt: 14 }
    Work:
      DurationMs: { Dist: lognormal, Mean: 30, P99: 200 }
      DbQueries: { Dist: constant, Value: 3 }
      DbCpuMs: { Dist: lognormal, Mean: 2, P99: 15 }
`,
    'bench-aurora.yaml',
  );
  const { ms, value: sim } = time(() => {
    const s = new Simulation(scenario);
    s.run();
    return s;
  });
  const r = sim.report();
  console.log(
    `aurora day: ${ratePerS.toLocaleString('en-US')} req/s peak: ${(ms / 1000).toFixed(2)} s wall for ${r.totals.requests.arrived.toLocaleString('en-US')} requests ` +
      `(${((r.resources['Db']!['queries'] as { submitted: number }).submitted).toLocaleString('en-US')} queries), ${(86_400_000 / ms).toFixed(0)} simulated seconds per wall second`,
  );
}

/** `npm run bench -- lambda fargate`: only the benchmarks whose name contains one of the words. */
const only = process.argv.slice(2);
const want = (name: string) => only.length === 0 || only.some((w) => name.includes(w));

console.log(`clustersim bench — node ${process.version}`);
if (want('scheduler')) {
  benchScheduler(10_000, 1_000_000);
  benchScheduler(1_000_000, 1_000_000);
}
if (want('ticks')) benchEmptyTicks(2_592_000);
if (want('fargate')) {
  benchFargateDay(100, 200);
  benchFargateDay(2_000, 1_700);
  benchFargateDay(2_000, 5_000);
}
if (want('lambda')) benchLambdaDay(1_000);
if (want('queue')) benchQueueDay(1_000);
if (want('aurora')) benchAuroraDay(500);
