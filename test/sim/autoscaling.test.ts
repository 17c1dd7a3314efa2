import { describe, expect, it } from 'vitest';
import { loadScenarioText } from '../../src/scenario';
import { Simulation } from '../../src/sim';

function scaled(opts: { metric?: string; target?: number; rate: string; duration?: string; min?: number; max?: number }) {
  return loadScenarioText(
    `
Name: scaling
Seed: 3
Duration: ${opts.duration ?? '1h'}
Resources:
  Cluster: { Type: AWS::ECS::Cluster, Properties: { ClusterName: web } }
  Task:
    Type: AWS::ECS::TaskDefinition
    Properties: { RequiresCompatibilities: [FARGATE], NetworkMode: awsvpc, Cpu: 1024, Memory: 2048 }
  Svc:
    Type: AWS::ECS::Service
    Properties: { Cluster: !Ref Cluster, LaunchType: FARGATE, DesiredCount: 2, TaskDefinition: !Ref Task, ServiceName: api }
  Target:
    Type: AWS::ApplicationAutoScaling::ScalableTarget
    Properties:
      ServiceNamespace: ecs
      ScalableDimension: ecs:service:DesiredCount
      ResourceId: !Sub service/\${Cluster}/\${Svc.Name}
      MinCapacity: ${opts.min ?? 2}
      MaxCapacity: ${opts.max ?? 40}
  CpuPolicy:
    Type: AWS::ApplicationAutoScaling::ScalingPolicy
    Properties:
      PolicyName: cpu50
      PolicyType: TargetTrackingScaling
      ScalingTargetId: !Ref Target
      TargetTrackingScalingPolicyConfiguration:
        TargetValue: ${opts.target ?? 50}
        PredefinedMetricSpecification: { PredefinedMetricType: ${opts.metric ?? 'ECSServiceAverageCPUUtilization'} }
        ScaleInCooldown: 300
Workload:
  - Name: load
    Target: Svc
    Arrivals: ${opts.rate}
    Work: { CpuMs: { Dist: exponential, Mean: 50 } }
`,
    'scaling.yaml',
  );
}

describe('service auto scaling on the simulated service', () => {
  it('reaches the CPU target after a rise in load', () => {
    // 100 req/s × 50 ms = 5 vCPU of work; at 50 % of 1-vCPU tasks that is 10 tasks.
    const sim = new Simulation(scaled({ rate: '{ Pattern: steps, Steps: [{ At: 0s, Rate: 10 }, { At: 10m, Rate: 100 }] }' }));
    sim.run();
    const svc = sim.services.get('Svc')!.model;
    expect(svc.desiredCount).toBeGreaterThanOrEqual(9);
    expect(svc.desiredCount).toBeLessThanOrEqual(12);
    const cpu = svc.series.cpuUtilization.points().filter((p) => p.t > 45 * 60);
    const mean = cpu.reduce((a, p) => a + p.mean, 0) / cpu.length;
    expect(mean).toBeGreaterThan(38);
    expect(mean).toBeLessThan(60);
    expect(sim.report().resources['Svc']!['scaleOuts']).toBeGreaterThan(0);
  });

  it('scales out later with 60-second metrics than with 20-second ones', () => {
    const firstScaleOut = (metric: string) => {
      const sim = new Simulation(
        scaled({ metric, duration: '30m', rate: '{ Pattern: steps, Steps: [{ At: 0s, Rate: 10 }, { At: 10m, Rate: 100 }] }' }),
      );
      sim.run();
      const d = sim.scalers.get('Svc')!.decisions().find((x) => x.to > x.from && x.atMs > 0);
      return d!.atMs - 600_000;
    };
    const slow = firstScaleOut('ECSServiceAverageCPUUtilization');
    const fast = firstScaleOut('ECSServiceAverageCPUUtilizationHighResolution');
    expect(slow).toBeGreaterThan(300_000);
    expect(slow).toBeLessThan(430_000);
    expect(fast).toBeGreaterThan(60_000);
    expect(fast).toBeLessThan(110_000);
  });

  it('scales back in gradually when the load falls, never below MinCapacity', () => {
    const sim = new Simulation(
      scaled({ duration: '2h', min: 3, rate: '{ Pattern: steps, Steps: [{ At: 0s, Rate: 100 }, { At: 30m, Rate: 5 }] }' }),
    );
    sim.run();
    const decisions = sim.scalers.get('Svc')!.decisions().filter((d) => d.to < d.from);
    expect(decisions.length).toBeGreaterThan(1);
    for (const d of decisions) expect(d.from - d.to).toBeLessThanOrEqual(Math.max(1, Math.floor(0.1 * d.from)) + 1);
    expect(sim.services.get('Svc')!.model.desiredCount).toBeGreaterThanOrEqual(3);
  });
});

describe('memory target tracking and step scaling', () => {
  it('scales on memory utilisation when requests in flight fill the tasks', () => {
    // 1 vCPU tasks at 30 req/s × 50 ms each keep few requests in flight at the 40 % baseline; a
    // rise to 150 req/s saturates CPU and piles requests up (2 MiB each of 2 GiB), passing 45 %.
    const sim = new Simulation(
      scaled({
        metric: 'ECSServiceAverageMemoryUtilization',
        target: 45,
        rate: '{ Pattern: steps, Steps: [{ At: 0s, Rate: 30 }, { At: 10m, Rate: 150 }] }',
      }),
    );
    sim.run();
    expect(sim.scalers.get('Svc')!.stats.scaleOuts).toBeGreaterThan(0);
  });

  it('adds tasks from a CloudWatch alarm through a step scaling policy', () => {
    const s = loadScenarioText(
      `
Name: steps
Duration: 40m
Resources:
  Cluster: { Type: AWS::ECS::Cluster, Properties: { ClusterName: web } }
  Task:
    Type: AWS::ECS::TaskDefinition
    Properties: { RequiresCompatibilities: [FARGATE], NetworkMode: awsvpc, Cpu: 1024, Memory: 2048 }
  Svc:
    Type: AWS::ECS::Service
    Properties: { Cluster: !Ref Cluster, LaunchType: FARGATE, DesiredCount: 2, TaskDefinition: !Ref Task, ServiceName: api }
  Target:
    Type: AWS::ApplicationAutoScaling::ScalableTarget
    Properties:
      ServiceNamespace: ecs
      ScalableDimension: ecs:service:DesiredCount
      ResourceId: !Sub service/\${Cluster}/\${Svc.Name}
      MinCapacity: 2
      MaxCapacity: 20
  StepOut:
    Type: AWS::ApplicationAutoScaling::ScalingPolicy
    Properties:
      PolicyName: step-out
      PolicyType: StepScaling
      ScalingTargetId: !Ref Target
      StepScalingPolicyConfiguration:
        AdjustmentType: ChangeInCapacity
        Cooldown: 120
        StepAdjustments:
          - { MetricIntervalLowerBound: 0, MetricIntervalUpperBound: 20, ScalingAdjustment: 2 }
          - { MetricIntervalLowerBound: 20, ScalingAdjustment: 4 }
  HighCpu:
    Type: AWS::CloudWatch::Alarm
    Properties:
      Namespace: AWS/ECS
      MetricName: CPUUtilization
      Dimensions: [{ Name: ClusterName, Value: web }, { Name: ServiceName, Value: api }]
      Statistic: Average
      Period: 60
      EvaluationPeriods: 2
      Threshold: 70
      ComparisonOperator: GreaterThanThreshold
      AlarmActions: [!Ref StepOut]
Workload:
  - Name: load
    Target: Svc
    Arrivals: { Pattern: steps, Steps: [{ At: 0s, Rate: 10 }, { At: 5m, Rate: 100 }] }
    Work: { CpuMs: { Dist: exponential, Mean: 50 } }
`,
      'steps.yaml',
    );
    const sim = new Simulation(s);
    sim.run();
    const outs = sim.scalers.get('Svc')!.decisions().filter((d) => d.to > d.from && d.atMs > 0);
    // CPU pinned at 100 % is 30 above the threshold: the +4 step.
    expect(outs[0]!.to - outs[0]!.from).toBe(4);
    expect(sim.services.get('Svc')!.model.desiredCount).toBeGreaterThan(6);
  });
});
