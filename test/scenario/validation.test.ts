import { describe, expect, it } from 'vitest';
import { formatIssue, loadScenarioText, ScenarioError } from '../../src/scenario';
import { brief, issuesOf, WEB } from './helpers';

/** WEB with `from` replaced by `to` (must occur). */
function edit(from: string, to: string, text = WEB): string {
  expect(text).toContain(from);
  return text.replace(from, to);
}

describe('validation errors name file, line, column and path', () => {
  it('reports a wrong type with what is expected', () => {
    const issues = issuesOf(edit('Rate: 10', 'Rate: fast'));
    expect(issues).toEqual([
      {
        file: 'scenario.yaml',
        line: 21,
        column: 42,
        path: 'Workload[0].Arrivals.Rate',
        message: 'expected a number requests/s, got "fast"',
      },
    ]);
  });

  it('reports an unknown top-level key at the key, listing the allowed keys', () => {
    const [issue] = issuesOf(edit('Duration: 1h', 'Duration: 1h\nDurration: 2h'));
    expect(issue).toMatchObject({ line: 3, column: 1, path: 'Durration' });
    expect(issue!.message).toMatch(/^unknown key "Durration"; allowed: AWSTemplateFormatVersion, Transform, Name, Description, Seed, Start, Duration, Tick,/);
  });

  it('reports an unknown Metadata.clustersim knob, listing the allowed ones', () => {
    const text = edit('    Type: AWS::ECS::Service\n', '    Type: AWS::ECS::Service\n    Metadata:\n      clustersim:\n        QueueLimt: 5\n');
    expect(brief(issuesOf(text))).toEqual([
      '16:9 Resources.WebService.Metadata.clustersim.QueueLimt: unknown key "QueueLimt"; allowed: QueueLimit, TasksAtStart, Database, ConnectionPoolSize, DatabaseEndpoint',
    ]);
  });

  it('reports a bad enum value with the allowed values', () => {
    const text = edit('      Memory: 1024\n', '      Memory: 1024\n      RuntimePlatform: { CpuArchitecture: ARM }\n');
    expect(brief(issuesOf(text))).toEqual([
      '12:43 Resources.WebTask.Properties.RuntimePlatform.CpuArchitecture: must be one of X86_64, ARM64; got "ARM"',
    ]);
  });

  it('rejects a memory size Fargate does not offer for the CPU', () => {
    expect(brief(issuesOf(edit('Memory: 1024', 'Memory: 3000')))).toEqual([
      '11:15 Resources.WebTask.Properties.Memory: 3000 is not a Fargate size for Cpu 512; allowed 1024–4096 in steps of 1024',
    ]);
  });

  it('rejects a CPU size Fargate does not offer', () => {
    expect(brief(issuesOf(edit('Cpu: 512', 'Cpu: 300')))).toEqual([
      '10:12 Resources.WebTask.Properties.Cpu: 300 is not a Fargate size; allowed 256, 512, 1024, 2048, 4096, 8192, 16384 (CPU units; 1024 = 1 vCPU)',
    ]);
  });

  it('checks Fargate sizes of a task definition used by a Fargate service even without RequiresCompatibilities', () => {
    const text = edit('      RequiresCompatibilities: [FARGATE]\n', '', edit('Memory: 1024', 'Memory: 512'));
    expect(brief(issuesOf(text))).toEqual([
      '10:15 Resources.WebTask.Properties.Memory: 512 is not a Fargate size for Cpu 512; allowed 1024–4096 in steps of 1024',
    ]);
  });

  it('rejects placement strategies on a Fargate service, as AWS does', () => {
    const text = edit('      TaskDefinition: !Ref WebTask\n', '      TaskDefinition: !Ref WebTask\n      PlacementStrategies:\n        - Type: binpack\n          Field: cpu\n');
    expect(brief(issuesOf(text))).toEqual([
      '19:9 Resources.WebService.Properties.PlacementStrategies: not supported for Fargate (LaunchType FARGATE): Fargate places tasks itself; remove it',
    ]);
  });

  it('reports a lognormal P99 too far above the mean with the largest allowed P99', () => {
    const text = edit('CpuMs: { Dist: exponential, Mean: 20 }', 'CpuMs: { Dist: lognormal, Mean: 10, P99: 1000 }');
    expect(brief(issuesOf(text))).toEqual([
      '23:48 Workload[0].Work.CpuMs.P99: 1000 is too far above Mean 10 for a lognormal: the largest P99 allowed for Mean 10 is 149.685 (Mean × e^(z99²/2))',
    ]);
  });

  it('requires a lognormal P99 above its mean', () => {
    const text = edit('CpuMs: { Dist: exponential, Mean: 20 }', 'CpuMs: { Dist: lognormal, Mean: 10, P99: 10 }');
    expect(brief(issuesOf(text))).toEqual(['23:48 Workload[0].Work.CpuMs.P99: must exceed Mean (10), got 10']);
  });

  it('requires uniform Min ≤ Max', () => {
    const text = edit('CpuMs: { Dist: exponential, Mean: 20 }', 'CpuMs: { Dist: uniform, Min: 5, Max: 2 }');
    expect(brief(issuesOf(text))).toEqual(['23:44 Workload[0].Work.CpuMs.Max: must be ≥ Min (5), got 2']);
  });

  it('lists the patterns when Pattern is unknown', () => {
    expect(brief(issuesOf(edit('Pattern: constant', 'Pattern: wave')))).toEqual([
      '21:26 Workload[0].Arrivals.Pattern: must be one of constant, ramp, steps, diurnal, spike, trace; got "wave"',
    ]);
  });

  it('requires step times to increase strictly', () => {
    const text = edit('Arrivals: { Pattern: constant, Rate: 10 }', 'Arrivals: { Pattern: steps, Steps: [{ At: 0, Rate: 1 }, { At: 10m, Rate: 2 }, { At: 5m, Rate: 3 }] }');
    expect(brief(issuesOf(text))).toEqual([
      "21:89 Workload[0].Arrivals.Steps[2].At: must be after the previous step's At (600000 ms): At values strictly increase",
    ]);
  });

  it('reports an unknown workload target with the resources that accept load', () => {
    expect(brief(issuesOf(edit('Target: WebService', 'Target: Api')))).toEqual([
      '20:13 Workload[0].Target: unknown target "Api"; resources that accept load: WebService (types: AWS::ECS::Service, AWS::ElasticLoadBalancingV2::LoadBalancer, AWS::Lambda::Function, AWS::Serverless::Function, AWS::Lambda::Alias, AWS::Lambda::Version, AWS::Lambda::Url, AWS::SQS::Queue, AWS::ApiGatewayV2::Api, AWS::ApiGateway::RestApi, AWS::Serverless::HttpApi, AWS::Serverless::Api)',
    ]);
  });

  it('rejects a target whose type does not accept load', () => {
    expect(brief(issuesOf(edit('Target: WebService', 'Target: WebTask')))).toEqual([
      '20:13 Workload[0].Target: WebTask is a AWS::ECS::TaskDefinition, which does not accept load; targets can be: AWS::ECS::Service, AWS::ElasticLoadBalancingV2::LoadBalancer, AWS::Lambda::Function, AWS::Serverless::Function, AWS::Lambda::Alias, AWS::Lambda::Version, AWS::Lambda::Url, AWS::SQS::Queue, AWS::ApiGatewayV2::Api, AWS::ApiGateway::RestApi, AWS::Serverless::HttpApi, AWS::Serverless::Api',
    ]);
  });

  it('requires CpuMs for work sent to an ECS service', () => {
    const text = edit('    Work:\n      CpuMs: { Dist: exponential, Mean: 20 }\n', '    Work:\n      DurationMs: { Dist: constant, Value: 5 }\n');
    expect(brief(issuesOf(text))).toEqual([
      '23:7 Workload[0].Work.CpuMs: required for a AWS::ECS::Service target: a distribution in ms, e.g. { Dist: lognormal, Mean: 20, P99: 80 }',
    ]);
  });

  it('reports a missing Duration at the top-level mapping', () => {
    expect(brief(issuesOf(edit('Duration: 1h\n', '')))).toEqual([
      '1:1 Duration: required: a duration (250ms, 90s, 10m, 6h, 30d or a number of seconds)',
    ]);
  });

  it('reports a missing required property at its parent mapping', () => {
    expect(brief(issuesOf(edit('      TaskDefinition: !Ref WebTask\n', '')))).toEqual([
      '15:7 Resources.WebService.Properties.TaskDefinition: required: the task definition (!Ref a AWS::ECS::TaskDefinition)',
    ]);
  });

  it('rejects a Duration that is not a whole number of ms and a Tick longer than Duration', () => {
    expect(brief(issuesOf(edit('Duration: 1h', 'Duration: 0.0005s')))).toEqual([
      '2:11 Duration: must be a whole number of milliseconds, got 0.5 ms',
    ]);
    expect(brief(issuesOf(edit('Duration: 1h', 'Duration: 1h\nTick: 2h')))).toEqual([
      '3:7 Tick: must not exceed Duration (3600000 ms), got 7200000 ms',
    ]);
  });

  it('rejects unknown Settings keys, listing the sections', () => {
    expect(brief(issuesOf(edit('Duration: 1h', 'Duration: 1h\nSettings:\n  Speed: 2')))).toEqual([
      '4:3 Settings.Speed: unknown key "Speed"; allowed: Ecs, Ec2, Spot, Lambda',
    ]);
  });

  it('rejects EphemeralStorage outside 21–200 GiB', () => {
    const text = edit('      Memory: 1024\n', '      Memory: 1024\n      EphemeralStorage: { SizeInGiB: 20 }\n');
    expect(brief(issuesOf(text))).toEqual([
      '12:38 Resources.WebTask.Properties.EphemeralStorage.SizeInGiB: must be ≥ 21 GiB, got 20',
    ]);
  });

  it('reports a resource without Type at the resource', () => {
    const text = edit('  Cluster:\n    Type: AWS::ECS::Cluster\n', '  Cluster:\n    Properties: {}\n');
    expect(brief(issuesOf(text))).toEqual([
      '5:5 Resources.Cluster.Type: required: the resource type, e.g. AWS::ECS::Service',
    ]);
  });

  it('reports a YAML syntax error with its line and column', () => {
    const issues = issuesOf('Duration: 1h\nResources:\n  A: [1, 2\n');
    expect(issues[0]).toMatchObject({ file: 'scenario.yaml', line: 4, column: 1, path: '' });
    expect(issues[0]!.message).toMatch(/flow sequence/i);
  });

  it('collects every problem, not just the first', () => {
    const text = edit('Rate: 10', 'Rate: -1', edit('Memory: 1024', 'Memory: 3000', edit('Duration: 1h', 'Duration: 1h\nSeed: 1.5')));
    expect(brief(issuesOf(text)).map((s) => s.split(': ')[0])).toEqual([
      '3:7 Seed',
      '22:42 Workload[0].Arrivals.Rate',
      '12:15 Resources.WebTask.Properties.Memory',
    ]);
  });

  it('formats an issue as file:line:column: path: message', () => {
    try {
      loadScenarioText(edit('Rate: 10', 'Rate: -1'), 'dir/web.yaml');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ScenarioError);
      const issue = (e as ScenarioError).issues[0]!;
      expect(formatIssue(issue)).toBe('dir/web.yaml:21:42: Workload[0].Arrivals.Rate: must be ≥ 0 requests/s, got -1');
      expect((e as Error).message).toContain('dir/web.yaml:21:42');
    }
  });
});

describe('values CloudFormation writes as strings', () => {
  it('accepts numbers given as strings where numbers are expected', () => {
    const text = edit('Memory: 1024', 'Memory: "1024"', edit('Rate: 10', 'Rate: "10"', edit('Duration: 1h', 'Duration: 1h\nSeed: "7"')));
    const s = loadScenarioText(`${text.replace('      TaskDefinition: !Ref WebTask\n', '      TaskDefinition: !Ref WebTask\n      DesiredCount: "3"\n')}`, 'x.yaml');
    expect(s.Seed).toBe(7);
    expect(s.Resources.WebTask!.Properties.Memory).toBe(1024);
    expect(s.Resources.WebService!.Properties.DesiredCount).toBe(3);
    expect(s.Workload[0]!.Arrivals).toEqual({ Pattern: 'constant', Rate: 10, Process: 'poisson' });
  });

  it('normalizes "1 vCPU" and "2 GB" to CPU units and MiB', () => {
    const s = loadScenarioText(edit('Cpu: 512', 'Cpu: "1 vCPU"', edit('Memory: 1024', 'Memory: "2 GB"')), 'x.yaml');
    expect(s.Resources.WebTask!.Properties.Cpu).toBe(1024);
    expect(s.Resources.WebTask!.Properties.Memory).toBe(2048);
  });
});
