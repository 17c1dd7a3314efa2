import { loadScenarioText, type Scenario } from '../../src/scenario';

export interface Ec2ScenarioOptions {
  duration?: string;
  desired?: number;
  asgDesired?: number;
  asgMax?: number;
  instanceType?: string;
  taskCpu?: number;
  taskMemory?: number;
  networkMode?: 'bridge' | 'awsvpc';
  managed?: boolean;
  targetCapacity?: number;
  protection?: boolean;
  strategies?: string;
  constraints?: string;
  rate?: number;
  cpuMs?: number;
  seed?: number;
  tasksAtStart?: 'Running' | 'Launching';
  zones?: number;
  extraResources?: string;
  topLevel?: string;
  mixed?: string;
  settings?: string;
}

/** An ECS-on-EC2 scenario: one cluster, one Auto Scaling group behind a capacity provider, one service. */
export function ec2Scenario(o: Ec2ScenarioOptions = {}): Scenario {
  const zones = Array.from({ length: o.zones ?? 2 }, (_, i) => `subnet-${i}`).join(', ');
  const lt = o.mixed
    ? `MixedInstancesPolicy:\n${o.mixed}`
    : `LaunchTemplate: { LaunchTemplateId: !Ref LT, Version: '1' }`;
  const text = `
Name: ec2-test
Seed: ${o.seed ?? 1}
Duration: ${o.duration ?? '30m'}
${o.settings ?? ''}
Resources:
  Cluster:
    Type: AWS::ECS::Cluster
    Properties: { ClusterName: main }
  LT:
    Type: AWS::EC2::LaunchTemplate
    Properties:
      LaunchTemplateData: { InstanceType: ${o.instanceType ?? 'm5.large'}, ImageId: ami-12345678 }
  Asg:
    Type: AWS::AutoScaling::AutoScalingGroup
    Properties:
      MinSize: '0'
      MaxSize: '${o.asgMax ?? 20}'
      DesiredCapacity: '${o.asgDesired ?? 2}'
      ${lt.replace(/\n/g, '\n      ')}
      VPCZoneIdentifier: [${zones}]
      NewInstancesProtectedFromScaleIn: ${o.protection === false ? 'false' : 'true'}
  CP:
    Type: AWS::ECS::CapacityProvider
    Properties:
      AutoScalingGroupProvider:
        AutoScalingGroupArn: !Ref Asg
        ManagedScaling: { Status: ${o.managed === false ? 'DISABLED' : 'ENABLED'}, TargetCapacity: ${o.targetCapacity ?? 100}, InstanceWarmupPeriod: 60 }
        ManagedTerminationProtection: ${o.protection === false ? 'DISABLED' : 'ENABLED'}
  Assoc:
    Type: AWS::ECS::ClusterCapacityProviderAssociations
    Properties:
      Cluster: !Ref Cluster
      CapacityProviders: [!Ref CP]
      DefaultCapacityProviderStrategy: [{ CapacityProvider: !Ref CP, Weight: 1 }]
  Task:
    Type: AWS::ECS::TaskDefinition
    Properties:
      RequiresCompatibilities: [EC2]
      NetworkMode: ${o.networkMode ?? 'bridge'}
      Cpu: ${o.taskCpu ?? 1024}
      Memory: ${o.taskMemory ?? 2048}
  Svc:
    Type: AWS::ECS::Service
    Metadata: { clustersim: { TasksAtStart: ${o.tasksAtStart ?? 'Running'} } }
    Properties:
      Cluster: !Ref Cluster
      DesiredCount: ${o.desired ?? 4}
      TaskDefinition: !Ref Task
      CapacityProviderStrategy: [{ CapacityProvider: !Ref CP, Weight: 1 }]
${o.strategies ? `      PlacementStrategies: ${o.strategies}\n` : ''}${o.constraints ? `      PlacementConstraints: ${o.constraints}\n` : ''}${o.extraResources ?? ''}
Workload:
  - Name: load
    Target: Svc
    Arrivals: { Pattern: constant, Rate: ${o.rate ?? 20}, Process: poisson }
    Work: { CpuMs: { Dist: exponential, Mean: ${o.cpuMs ?? 20} } }
${o.topLevel ?? ''}
`;
  return loadScenarioText(text, 'ec2-test.yaml');
}

/** A MixedInstancesPolicy (for `mixed`) of m5.large that is all Spot. */
export const ALL_SPOT_M5 = `  InstancesDistribution: { OnDemandBaseCapacity: 0, OnDemandPercentageAboveBaseCapacity: 0 }
  LaunchTemplate:
    LaunchTemplateSpecification: { LaunchTemplateId: !Ref LT, Version: '1' }
    Overrides: [{ InstanceType: m5.large }]`;
