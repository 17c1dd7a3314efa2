import { describe, expect, it } from 'vitest';
import {
  architectureOf,
  eventInvokeConfigOf,
  type FunctionProperties,
  functionOf,
  invocationOf,
  provisionedConcurrencyOf,
  queueConsumers,
} from '../../src/aws/lambda/schema';
import { validateScenarioFile } from '../../src/scenario';
import { brief, edit, issuesOf, LAMBDA, load } from './helpers';

/** LAMBDA with `yaml` appended to Resources (before Workload). */
const withResources = (yaml: string, text = LAMBDA) => edit(text, 'Workload:\n', `${yaml}Workload:\n`);

/** A minimal template holding one plain function with `props` (indented 6). */
const plain = (props: string) => `Duration: 1h
Resources:
  Fn:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: nodejs22.x
      Handler: index.handler
${props}`;

const warningsOf = (text: string) => validateScenarioFile('scenario.yaml', { readFile: () => text }).warnings;

describe('AWS::Lambda::Function and AWS::Serverless::Function', () => {
  it("fills in Lambda's defaults: 128 MB, 3 s, x86_64, Zip, 512 MB /tmp", () => {
    const p = load(plain('')).Resources.Fn!.Properties as FunctionProperties;
    expect(p).toMatchObject({ MemorySize: 128, Timeout: 3, Architectures: ['x86_64'], PackageType: 'Zip', EphemeralStorage: { Size: 512 } });
    expect(p.ReservedConcurrentExecutions).toBeUndefined();
    expect(architectureOf(p)).toBe('x86_64');
  });

  it('reads numbers written as strings and keeps properties it does not model', () => {
    const p = load(plain("      MemorySize: '2048'\n      Timeout: '30'\n      Environment: { Variables: { A: '1' } }\n")).Resources.Fn!.Properties;
    expect(p).toMatchObject({ MemorySize: 2048, Timeout: 30, Environment: { Variables: { A: '1' } } });
  });

  it('normalizes the SAM function of the example, Globals merged', () => {
    const s = load(LAMBDA);
    expect(s.Resources.Orders!.Properties).toMatchObject({ MemorySize: 1024, Timeout: 10, Architectures: ['arm64'], AutoPublishAlias: 'live' });
    expect(s.Resources.Orders!.Sim).toEqual({ IdleLifetime: 420_000, IdleSelection: 'most-recent' });
    expect(s.Resources.Worker!.Sim).toEqual({ IdleSelection: 'most-recent' });
    const g = load(edit(LAMBDA, 'Resources:\n', 'Globals:\n  Function:\n    Timeout: 20\n    EphemeralStorage: { Size: 1024 }\nResources:\n'));
    expect(g.Resources.Orders!.Properties).toMatchObject({ Timeout: 10, EphemeralStorage: { Size: 1024 } });
  });

  it('states the ranges of memory, timeout, /tmp and reserved concurrency', () => {
    expect(brief(issuesOf(plain('      MemorySize: 64\n      Timeout: 901\n      EphemeralStorage: { Size: 20000 }\n      ReservedConcurrentExecutions: -1\n')))).toEqual([
      '8:19 Resources.Fn.Properties.MemorySize: must be ≥ 128 MB, got 64',
      '9:16 Resources.Fn.Properties.Timeout: must be ≤ 900 s, got 901',
      '11:37 Resources.Fn.Properties.ReservedConcurrentExecutions: must be ≥ 0 concurrent executions, got -1',
      '10:33 Resources.Fn.Properties.EphemeralStorage.Size: must be ≤ 10240 MB, got 20000',
    ]);
    expect(brief(issuesOf(plain('      MemorySize: 1024.5\n')))).toEqual(['8:19 Resources.Fn.Properties.MemorySize: must be a whole number, got 1024.5']);
  });

  it('rejects a runtime that is not a current managed runtime, listing them', () => {
    expect(brief(issuesOf(edit(plain(''), 'nodejs22.x', 'nodejs18.x')))).toEqual([
      '6:16 Resources.Fn.Properties.Runtime: "nodejs18.x" is not a current Lambda managed runtime; allowed: nodejs20.x, nodejs22.x, nodejs24.x, python3.9, python3.10, python3.11, python3.12, python3.13, python3.14, java8.al2, java11, java17, java21, java25, dotnet8, dotnet10, ruby3.2, ruby3.3, ruby3.4, provided.al2, provided.al2023',
    ]);
  });

  it('requires a runtime for a .zip package but not for an image', () => {
    const noRuntime = edit(plain(''), '      Runtime: nodejs22.x\n', '');
    expect(brief(issuesOf(noRuntime))).toEqual([
      '6:7 Resources.Fn.Properties.Runtime: required for PackageType Zip: one of nodejs20.x, nodejs22.x, nodejs24.x, python3.9, python3.10, python3.11, python3.12, python3.13, python3.14, java8.al2, java11, java17, java21, java25, dotnet8, dotnet10, ruby3.2, ruby3.3, ruby3.4, provided.al2, provided.al2023',
    ]);
    expect(load(`${noRuntime}      PackageType: Image\n`).Resources.Fn!.Properties.PackageType).toBe('Image');
  });

  it('takes exactly one architecture', () => {
    expect(brief(issuesOf(plain('      Architectures: [x86_64, arm64]\n')))).toEqual([
      '8:22 Resources.Fn.Properties.Architectures: a function has exactly one architecture: [x86_64] or [arm64]',
    ]);
    expect(brief(issuesOf(plain('      Architectures: [arm]\n')))).toEqual([
      '8:23 Resources.Fn.Properties.Architectures[0]: must be one of x86_64, arm64; got "arm"',
    ]);
  });

  it('validates Metadata.clustersim strictly: an INIT distribution, an idle lifetime, the idle selection', () => {
    const text = edit(plain(''), '    Properties:\n', '    Metadata:\n      clustersim:\n        InitDurationMs: { Dist: lognormal, Mean: 200, P99: 600 }\n        IdleSelection: least-recent\n    Properties:\n');
    expect(load(text).Resources.Fn!.Sim).toEqual({ InitDurationMs: { Dist: 'lognormal', Mean: 200, P99: 600 }, IdleSelection: 'least-recent' });
    const bad = edit(plain(''), '    Properties:\n', '    Metadata:\n      clustersim:\n        IdleSelection: oldest\n        ColdStart: 1s\n    Properties:\n');
    expect(brief(issuesOf(bad))).toEqual([
      '7:24 Resources.Fn.Metadata.clustersim.IdleSelection: must be one of most-recent, least-recent; got "oldest"',
      '8:9 Resources.Fn.Metadata.clustersim.ColdStart: unknown key "ColdStart"; allowed: InitDurationMs, IdleLifetime, SpareIdleLifetime, MaxLifetime, IdleSelection, Database, ConnectionPoolSize, DatabaseEndpoint',
    ]);
  });

  it('reads the idle and maximum lifetimes, and rejects a spare lifetime shorter than the idle one', () => {
    const meta = (lines: string) => edit(plain(''), '    Properties:\n', `    Metadata:\n      clustersim:\n${lines}    Properties:\n`);
    const ok = load(meta('        IdleLifetime: 5m\n        SpareIdleLifetime: 8m\n        MaxLifetime: never\n'));
    expect(ok.Resources.Fn!.Sim).toMatchObject({ IdleLifetime: 300_000, SpareIdleLifetime: 480_000, MaxLifetime: Number.POSITIVE_INFINITY });
    expect(brief(issuesOf(meta('        IdleLifetime: 15m\n        SpareIdleLifetime: 12m\n')))).toEqual([
      '8:28 Resources.Fn.Metadata.clustersim.SpareIdleLifetime: must be at least the function’s IdleLifetime (900 s): a spare environment lives at least as long as the last one',
    ]);
    // Against the default IdleLifetime (640 s) too.
    expect(brief(issuesOf(meta('        SpareIdleLifetime: 10m\n')))).toEqual([
      '7:28 Resources.Fn.Metadata.clustersim.SpareIdleLifetime: must be at least Settings.Lambda.DefaultIdleLifetime (640 s): a spare environment lives at least as long as the last one',
    ]);
  });
});

describe('SAM AutoPublishAlias and provisioned concurrency', () => {
  it('puts provisioned concurrency on the AutoPublishAlias alias', () => {
    const s = load(LAMBDA);
    expect(provisionedConcurrencyOf(s, 'Orders')).toBe(5);
    expect(invocationOf(s, 'Orders.Alias')).toEqual({ FunctionId: 'Orders', Qualifier: 'live', ProvisionedConcurrentExecutions: 5 });
    expect(invocationOf(s, 'OrdersAliaslive')).toEqual({ FunctionId: 'Orders', Qualifier: 'live', ProvisionedConcurrentExecutions: 5 });
    expect(invocationOf(s, 'Orders')).toEqual({ FunctionId: 'Orders', ProvisionedConcurrentExecutions: 0 });
  });

  it('requires AutoPublishAlias with ProvisionedConcurrencyConfig, as SAM does', () => {
    expect(brief(issuesOf(edit(LAMBDA, '      AutoPublishAlias: live\n', '')))).toEqual([
      '17:9 Resources.Orders.Properties.ProvisionedConcurrencyConfig: needs AutoPublishAlias (SAM puts provisioned concurrency on that alias), e.g. AutoPublishAlias: live',
    ]);
  });

  it('requires at least one provisioned environment', () => {
    expect(brief(issuesOf(edit(LAMBDA, 'ProvisionedConcurrentExecutions: 5', 'ProvisionedConcurrentExecutions: 0')))).toEqual([
      '18:42 Resources.Orders.Properties.ProvisionedConcurrencyConfig.ProvisionedConcurrentExecutions: must be ≥ 1 environments, got 0',
    ]);
  });

  it('resolves !Ref Function.Alias to the alias ARN', () => {
    const text = withResources('  Mapping:\n    Type: AWS::Lambda::EventSourceMapping\n    Properties:\n      FunctionName: !Ref Orders.Alias\n      EventSourceArn: !GetAtt Jobs.Arn\n');
    const s = load(text);
    expect(s.Resources.Mapping!.Properties.FunctionName).toBe('arn:aws:lambda:us-east-1:123456789012:function/Orders:live');
    expect(queueConsumers(s, 'Jobs').map((c) => [c.Source, c.FunctionId, c.Qualifier])).toEqual([
      ['Orders.Events.Jobs', 'Orders', 'live'],
      ['Mapping', 'Orders', 'live'],
    ]);
    expect(brief(issuesOf(edit(text, '      AutoPublishAlias: live\n      ProvisionedConcurrencyConfig:\n        ProvisionedConcurrentExecutions: 5\n', '')))).toEqual([
      '53:26 Resources.Mapping.Properties.FunctionName: Orders.Alias needs AutoPublishAlias on Orders (SAM creates the alias and version from it)',
    ]);
  });
});

describe('versions and aliases', () => {
  it('follows a version or alias to its function', () => {
    const s = load(LAMBDA);
    expect(functionOf(s, 'WorkerLive')).toBe('Worker');
    expect(functionOf(s, 'WorkerVersion')).toBe('Worker');
    expect(functionOf(s, 'worker')).toBe('Worker');
    expect(functionOf(s, 'arn:aws:lambda:us-east-1:123456789012:function/worker:live')).toBe('Worker');
    expect(functionOf(s, 'nope')).toBeUndefined();
    expect(invocationOf(s, 'worker:live')).toEqual({ FunctionId: 'Worker', Qualifier: 'live', ProvisionedConcurrentExecutions: 3 });
    expect(provisionedConcurrencyOf(s, 'Worker')).toBe(3);
    expect(provisionedConcurrencyOf(s, 'WorkerLive')).toBe(0);
  });

  it('sums provisioned concurrency over aliases and versions', () => {
    const s = load(edit(LAMBDA, '      FunctionName: !Ref Worker\n  WorkerLive:', '      FunctionName: !Ref Worker\n      ProvisionedConcurrencyConfig: { ProvisionedConcurrentExecutions: 4 }\n  WorkerLive:'));
    expect(provisionedConcurrencyOf(s, 'Worker')).toBe(7);
  });

  it("requires an alias's function and version to exist and agree", () => {
    expect(brief(issuesOf(edit(LAMBDA, 'FunctionVersion: !GetAtt WorkerVersion.Version', 'FunctionVersion: v9')))).toEqual([
      '49:24 Resources.WorkerLive.Properties.FunctionVersion: "v9" is not a version in this scenario; use !GetAtt <version>.Version, a version number or $LATEST; AWS::Lambda::Version: WorkerVersion',
    ]);
    expect(brief(issuesOf(edit(LAMBDA, '      FunctionName: !Ref Worker\n      FunctionVersion', '      FunctionName: !Ref Orders\n      FunctionVersion')))).toEqual([
      '49:32 Resources.WorkerLive.Properties.FunctionVersion: version WorkerVersion belongs to Worker, not to Orders',
    ]);
    expect(brief(issuesOf(edit(LAMBDA, '      FunctionName: !Ref Worker\n  WorkerLive:', '      FunctionName: Nobody\n  WorkerLive:')))).toEqual([
      '44:21 Resources.WorkerVersion.Properties.FunctionName: "Nobody" is not a Lambda function in this scenario; functions: Orders, Worker',
    ]);
  });

  it('rejects provisioned concurrency on $LATEST', () => {
    expect(brief(issuesOf(edit(LAMBDA, 'FunctionVersion: !GetAtt WorkerVersion.Version', "FunctionVersion: $LATEST")))).toEqual([
      '52:9 Resources.WorkerLive.Properties.ProvisionedConcurrencyConfig: not allowed on an alias of $LATEST: Lambda provisions only published versions (point FunctionVersion at an AWS::Lambda::Version)',
    ]);
  });

  it('rejects more provisioned than reserved concurrency', () => {
    expect(brief(issuesOf(edit(LAMBDA, 'ReservedConcurrentExecutions: 50', 'ReservedConcurrentExecutions: 4')))).toEqual([
      '19:37 Resources.Orders.Properties.ReservedConcurrentExecutions: provisioned concurrency 5 (Orders (AutoPublishAlias) 5) exceeds the reserved 4; Lambda allows at most the reserved concurrency to be provisioned',
    ]);
  });
});

describe('account concurrency', () => {
  const reserving = (a: number, b: number, settings = '') =>
    `Duration: 1h\n${settings}Resources:\n  A:\n    Type: AWS::Lambda::Function\n    Properties: { Runtime: java21, ReservedConcurrentExecutions: ${a} }\n  B:\n    Type: AWS::Lambda::Function\n    Properties: { Runtime: java21, ReservedConcurrentExecutions: ${b} }\n`;

  it('keeps 100 of the account concurrency unreserved, naming the functions and numbers', () => {
    expect(load(reserving(500, 400)).Resources.B!.Properties.ReservedConcurrentExecutions).toBe(400);
    expect(brief(issuesOf(reserving(500, 401)))).toEqual([
      '8:66 Resources.B.Properties.ReservedConcurrentExecutions: functions reserve 901 concurrent executions (A 500, B 401), but the account has 1000 (Settings.Lambda.AccountConcurrency) and Lambda keeps 100 unreserved: at most 900 (1 too many)',
    ]);
  });

  it('measures against Settings.Lambda.AccountConcurrency', () => {
    expect(load(reserving(2000, 2000, 'Settings:\n  Lambda: { AccountConcurrency: 5000 }\n')).Resources.A).toBeDefined();
  });

  it('counts provisioned concurrency of functions without a reservation', () => {
    const text = `${reserving(800, 50)}  AV:\n    Type: AWS::Lambda::Version\n    Properties: { FunctionName: !Ref A }\n  CV:\n    Type: AWS::Lambda::Version\n    Properties:\n      FunctionName: !Ref C\n      ProvisionedConcurrencyConfig: { ProvisionedConcurrentExecutions: 60 }\n  C:\n    Type: AWS::Lambda::Function\n    Properties: { Runtime: java21 }\n`;
    expect(brief(issuesOf(text))).toEqual([
      '8:66 Resources.B.Properties.ReservedConcurrentExecutions: functions reserve 910 concurrent executions (A 800, B 50, C 60 provisioned), but the account has 1000 (Settings.Lambda.AccountConcurrency) and Lambda keeps 100 unreserved: at most 900 (10 too many)',
    ]);
  });
});

describe('AWS::Lambda::EventInvokeConfig and SAM EventInvokeConfig', () => {
  it("defaults to Lambda's 6 hours and 2 retries", () => {
    expect(eventInvokeConfigOf(load(LAMBDA), 'Worker')).toEqual({ MaximumEventAgeInSeconds: 21_600, MaximumRetryAttempts: 2 });
  });

  it('merges the resource over the SAM property, field by field', () => {
    const sam = edit(LAMBDA, '      AutoPublishAlias: live\n', '      AutoPublishAlias: live\n      EventInvokeConfig:\n        MaximumEventAgeInSeconds: 600\n        MaximumRetryAttempts: 1\n        DestinationConfig:\n          OnFailure: { Type: SQS, Destination: !GetAtt Jobs.Arn }\n');
    expect(eventInvokeConfigOf(load(sam), 'Orders')).toEqual({
      MaximumEventAgeInSeconds: 600,
      MaximumRetryAttempts: 1,
      OnFailure: { Type: 'SQS', Destination: 'arn:aws:sqs:us-east-1:123456789012:queue/Jobs' },
    });
    const both = withResources('  OrdersAsync:\n    Type: AWS::Lambda::EventInvokeConfig\n    Properties:\n      FunctionName: !Ref Orders\n      Qualifier: live\n      MaximumRetryAttempts: 0\n', sam);
    expect(eventInvokeConfigOf(load(both), 'Orders')).toMatchObject({ MaximumEventAgeInSeconds: 600, MaximumRetryAttempts: 0, From: 'OrdersAsync' });
  });

  it('states the ranges and checks the qualifier', () => {
    const text = withResources("  WorkerAsync:\n    Type: AWS::Lambda::EventInvokeConfig\n    Properties:\n      FunctionName: !Ref Worker\n      Qualifier: blue\n      MaximumEventAgeInSeconds: 30\n      MaximumRetryAttempts: '3'\n");
    expect(brief(issuesOf(text))).toEqual([
      '58:33 Resources.WorkerAsync.Properties.MaximumEventAgeInSeconds: must be ≥ 60 s, got 30',
      '59:29 Resources.WorkerAsync.Properties.MaximumRetryAttempts: must be ≤ 2 retries, got 3',
    ]);
    expect(brief(issuesOf(edit(text, "      MaximumEventAgeInSeconds: 30\n      MaximumRetryAttempts: '3'\n", '')))).toEqual([
      '57:18 Resources.WorkerAsync.Properties.Qualifier: "blue" is not an alias of Worker; use $LATEST, a version number or one of its aliases (live)',
    ]);
  });
});

describe('AWS::Lambda::EventSourceMapping and SAM SQS events', () => {
  const mapping = (props: string) =>
    withResources(`  Mapping:\n    Type: AWS::Lambda::EventSourceMapping\n    Properties:\n      FunctionName: !Ref WorkerLive\n      EventSourceArn: !GetAtt Jobs.Arn\n${props}`);

  it("fills in the SQS poller's defaults", () => {
    const s = load(mapping(''));
    expect(s.Resources.Mapping!.Properties).toMatchObject({ BatchSize: 10, MaximumBatchingWindowInSeconds: 0, Enabled: true });
    expect(queueConsumers(s, 'Jobs')).toEqual([
      { FunctionId: 'Orders', Qualifier: 'live', Source: 'Orders.Events.Jobs', BatchSize: 5, MaximumBatchingWindowInSeconds: 0, MaximumConcurrency: undefined, Enabled: true },
      { FunctionId: 'Worker', Qualifier: 'live', Source: 'Mapping', BatchSize: 10, MaximumBatchingWindowInSeconds: 0, MaximumConcurrency: undefined, Enabled: true },
    ]);
  });

  it('states the ranges of batch size, window and maximum concurrency', () => {
    expect(brief(issuesOf(mapping('      BatchSize: 20000\n      MaximumBatchingWindowInSeconds: 301\n      ScalingConfig: { MaximumConcurrency: 1 }\n')))).toEqual([
      '58:18 Resources.Mapping.Properties.BatchSize: must be ≤ 10000 messages, got 20000',
      '59:39 Resources.Mapping.Properties.MaximumBatchingWindowInSeconds: must be ≤ 300 s, got 301',
      '60:44 Resources.Mapping.Properties.ScalingConfig.MaximumConcurrency: must be ≥ 2 concurrent invocations, got 1',
    ]);
  });

  it('needs a batching window for batches above 10', () => {
    expect(brief(issuesOf(mapping('      BatchSize: 100\n')))).toEqual([
      '56:7 Resources.Mapping.Properties.MaximumBatchingWindowInSeconds: must be at least 1 s when BatchSize exceeds 10 (Lambda requires it for SQS), got 0',
    ]);
  });

  it('reads only SQS queues of the scenario', () => {
    expect(brief(issuesOf(edit(mapping(''), 'EventSourceArn: !GetAtt Jobs.Arn', 'EventSourceArn: arn:aws:kinesis:us-east-1:1:stream/x')))).toEqual([
      '57:23 Resources.Mapping.Properties.EventSourceArn: "arn:aws:kinesis:us-east-1:1:stream/x" is not an SQS queue (only SQS event sources are modelled) in this scenario; AWS::SQS::Queue: Jobs',
    ]);
    expect(brief(issuesOf(edit(LAMBDA, 'Queue: !GetAtt Jobs.Arn', 'Queue: other')))).toEqual([
      '27:20 Resources.Orders.Properties.Events.Jobs.Properties.Queue: "other" is not an SQS queue (only SQS event sources are modelled) in this scenario; AWS::SQS::Queue: Jobs',
    ]);
  });

  it('limits a FIFO queue to batches of 10 and no batching window', () => {
    const fifo = edit(mapping('      BatchSize: 11\n      MaximumBatchingWindowInSeconds: 1\n'), '      VisibilityTimeout: 60\n', '      VisibilityTimeout: 60\n      FifoQueue: true\n');
    expect(brief(issuesOf(fifo))).toEqual([
      '59:18 Resources.Mapping.Properties.BatchSize: must be ≤ 10 for FIFO queue Jobs (Lambda), got 11',
      '60:39 Resources.Mapping.Properties.MaximumBatchingWindowInSeconds: FIFO queue Jobs does not support a batching window (Lambda); remove it',
    ]);
  });

  it("rejects a queue whose visibility timeout is below the function's timeout", () => {
    expect(brief(issuesOf(edit(LAMBDA, 'VisibilityTimeout: 60', 'VisibilityTimeout: 5')))).toEqual([
      "27:28 Resources.Orders.Properties.Events.Jobs.Properties.Queue: queue Jobs's VisibilityTimeout (5 s) is less than Orders's Timeout (10 s); Lambda rejects the mapping: raise VisibilityTimeout (AWS recommends ≥ 6 × Timeout = 60 s)",
    ]);
  });

  it('validates SAM event properties by type and keeps other event types with a warning', () => {
    expect(brief(issuesOf(edit(LAMBDA, '            BatchSize: 5\n', '            BatchSize: 0\n')))).toEqual([
      '28:24 Resources.Orders.Properties.Events.Jobs.Properties.BatchSize: must be ≥ 1 messages, got 0',
    ]);
    expect(brief(issuesOf(edit(LAMBDA, "          Properties: { Path: /orders, Method: get }\n", "          Properties: { Path: /orders, Method: get }\n        Tick:\n          Type: Schedule\n          Properties: { Schedule: every minute }\n")))).toEqual([
      '26:35 Resources.Orders.Properties.Events.Tick.Properties.Schedule: expected rate(...), cron(...) or at(...), got "every minute"',
    ]);
    const stream = edit(LAMBDA, "          Properties: { Path: /orders, Method: get }\n", "          Properties: { Path: /orders, Method: get }\n        Stream:\n          Type: Kinesis\n          Properties: { Stream: x }\n");
    expect(load(stream).Resources.Orders!.Properties.Events).toMatchObject({ Stream: { Type: 'Kinesis', Properties: { Stream: 'x' } } });
    expect(warningsOf(stream)).toContain(
      'Resources.Orders.Properties.Events.Stream.Type: event type Kinesis is kept but not simulated (modelled: HttpApi, Api, SQS, Schedule, SNS, S3)',
    );
  });
});

describe('AWS::Lambda::Url', () => {
  it('names a function and takes AWS_IAM or NONE', () => {
    const url = withResources('  WorkerUrl:\n    Type: AWS::Lambda::Url\n    Properties:\n      TargetFunctionArn: !GetAtt Worker.Arn\n      AuthType: NONE\n');
    expect(load(url).Resources.WorkerUrl!.Properties).toMatchObject({ AuthType: 'NONE', InvokeMode: 'BUFFERED' });
    expect(brief(issuesOf(edit(url, 'AuthType: NONE', 'AuthType: OPEN')))).toEqual([
      '57:17 Resources.WorkerUrl.Properties.AuthType: must be one of AWS_IAM, NONE; got "OPEN"',
    ]);
    expect(brief(issuesOf(edit(url, 'TargetFunctionArn: !GetAtt Worker.Arn', 'TargetFunctionArn: gone')))).toEqual([
      '56:26 Resources.WorkerUrl.Properties.TargetFunctionArn: "gone" is not a Lambda function in this scenario; functions: Orders, Worker',
    ]);
  });
});
