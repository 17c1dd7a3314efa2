import { describe, expect, it } from 'vitest';
import { validateScenarioFile } from '../../src/scenario';
import { brief, edit, issuesOf, LAMBDA, load, WEB } from './helpers';

/** LAMBDA with the workload entry's Target (and what follows it) replaced. */
const target = (to: string, text = LAMBDA) => edit(text, 'Target: ServerlessHttpApi', `Target: ${to}`);
const withResources = (yaml: string, text = LAMBDA) => edit(text, 'Workload:\n', `${yaml}Workload:\n`);
const warningsOf = (text: string) => validateScenarioFile('scenario.yaml', { readFile: () => text }).warnings;

describe('workloads aimed at Lambda', () => {
  it('targets the implicit SAM HTTP API, filling in the Lambda work defaults and no InvocationType', () => {
    const [w] = load(LAMBDA).Workload;
    expect(w!.Target).toBe('ServerlessHttpApi');
    expect(w!.Work).toEqual({ DurationMs: { Dist: 'lognormal', Mean: 40, P99: 200 }, CpuBound: false, MeasuredAtMemorySize: 1769 });
    expect(w!.InvocationType).toBeUndefined();
  });

  it('targets a function directly, invoked RequestResponse unless Event is asked for', () => {
    expect(load(target('worker')).Workload[0]).toMatchObject({ Target: 'Worker', InvocationType: 'RequestResponse' });
    const event = edit(target('Worker'), '    Work:\n', '    InvocationType: Event\n    Work:\n      CpuBound: true\n      MeasuredAtMemorySize: 512\n');
    expect(load(event).Workload[0]).toMatchObject({ InvocationType: 'Event', Work: { CpuBound: true, MeasuredAtMemorySize: 512 } });
  });

  it('targets an alias: a resource, SAM’s AutoPublishAlias (Function.Alias, !Ref, or name:alias)', () => {
    expect(load(target('WorkerLive')).Workload[0]).toMatchObject({ Target: 'WorkerLive', InvocationType: 'RequestResponse' });
    expect(load(target('worker:live')).Workload[0]!.Target).toBe('WorkerLive');
    expect(load(target('Orders.Alias')).Workload[0]!.Target).toBe('OrdersAliaslive');
    expect(load(target('!Ref Orders.Alias')).Workload[0]!.Target).toBe('OrdersAliaslive');
    expect(load(target('OrdersAliaslive')).Workload[0]).toMatchObject({ Target: 'OrdersAliaslive', InvocationType: 'RequestResponse' });
  });

  it('requires DurationMs for every Lambda-backed target, naming the function it reaches', () => {
    const noWork = (to: string) => target(to, edit(LAMBDA, '    Work:\n      DurationMs: { Dist: lognormal, Mean: 40, P99: 200 }\n', ''));
    expect(brief(issuesOf(noWork('Worker')))).toEqual([
      '54:5 Workload[0].Work.DurationMs: required for a AWS::Lambda::Function target: a distribution in ms, e.g. { Dist: lognormal, Mean: 20, P99: 80 }',
    ]);
    expect(brief(issuesOf(noWork('ServerlessHttpApi')))).toEqual([
      '54:5 Workload[0].Work.DurationMs: required for a AWS::Serverless::Function target (ServerlessHttpApi forwards to Orders): a distribution in ms, e.g. { Dist: lognormal, Mean: 20, P99: 80 }',
    ]);
    expect(brief(issuesOf(noWork('Jobs')))).toEqual([
      '54:5 Workload[0].Work.DurationMs: required for a AWS::Serverless::Function target (Jobs forwards to Orders): a distribution in ms, e.g. { Dist: lognormal, Mean: 20, P99: 80 }',
    ]);
  });

  it('accepts InvocationType only for a function, alias or version', () => {
    expect(brief(issuesOf(edit(LAMBDA, '    Work:\n', '    InvocationType: Event\n    Work:\n')))).toEqual([
      '57:21 Workload[0].InvocationType: applies only to a Lambda function, alias or version target; ServerlessHttpApi is a AWS::Serverless::HttpApi',
    ]);
    expect(brief(issuesOf(edit(LAMBDA, '    Work:\n', '    InvocationType: Later\n    Work:\n')))).toEqual([
      '57:21 Workload[0].InvocationType: must be one of RequestResponse, Event; got "Later"',
    ]);
  });

  it('rejects the Lambda work keys on targets no function serves', () => {
    const ecs = edit(WEB, '      CpuMs: { Dist: exponential, Mean: 20 }\n', '      CpuMs: { Dist: exponential, Mean: 20 }\n      CpuBound: true\n');
    expect(brief(issuesOf(ecs))).toEqual([
      '24:17 Workload[0].Work.CpuBound: applies only to targets served by a Lambda function; WebService is served by a AWS::ECS::Service',
    ]);
    expect(brief(issuesOf(edit(WEB, '    Work:\n', '    InvocationType: Event\n    Work:\n')))).toEqual([
      '22:21 Workload[0].InvocationType: applies only to a Lambda function, alias or version target; WebService is a AWS::ECS::Service',
    ]);
    expect(brief(issuesOf(edit(LAMBDA, 'Mean: 40, P99: 200 }\n', 'Mean: 40, P99: 200 }\n      MeasuredAtMemorySize: 64\n')))).toEqual([
      '59:29 Workload[0].Work.MeasuredAtMemorySize: must be ≥ 128 MB, got 64',
    ]);
  });

  it('sends messages to a queue; a queue nobody reads only warns', () => {
    expect(load(target('Jobs')).Workload[0]!.Target).toBe('Jobs');
    const lonely = withResources('  Parked:\n    Type: AWS::SQS::Queue\n', target('Parked'));
    expect(load(lonely).Workload[0]).toMatchObject({ Target: 'Parked', Work: { DurationMs: { Dist: 'lognormal' } } });
    expect(warningsOf(lonely)).toContain(
      'Workload[0].Target: queue Parked has no enabled consumer (no AWS::Lambda::EventSourceMapping or SAM SQS event reads it): its messages only accumulate',
    );
  });

  it('targets a function URL', () => {
    const url = withResources('  WorkerUrl:\n    Type: AWS::Lambda::Url\n    Properties: { TargetFunctionArn: !GetAtt Worker.Arn, AuthType: NONE }\n', target('WorkerUrl'));
    expect(load(url).Workload[0]).toMatchObject({ Target: 'WorkerUrl', Work: { CpuBound: false } });
  });

  it('lists the implicit SAM targets among the resources that accept load', () => {
    const [issue] = issuesOf(target('Nope'));
    expect(issue!.message).toMatch(/^unknown target "Nope"; resources that accept load: Orders, Jobs, Worker, WorkerVersion, WorkerLive, ServerlessHttpApi, OrdersAliaslive \(types: /);
  });
});
