import { type LoadOptions, loadScenarioText, type Scenario, ScenarioError, type ScenarioIssue } from '../../src/scenario';

/** A minimal valid Fargate web service; tests splice their own text into it. */
export const WEB = `Name: web
Duration: 1h
Resources:
  Cluster:
    Type: AWS::ECS::Cluster
  WebTask:
    Type: AWS::ECS::TaskDefinition
    Properties:
      RequiresCompatibilities: [FARGATE]
      Cpu: 512
      Memory: 1024
  WebService:
    Type: AWS::ECS::Service
    Properties:
      Cluster: !Ref Cluster
      LaunchType: FARGATE
      TaskDefinition: !Ref WebTask
Workload:
  - Name: api
    Target: WebService
    Arrivals: { Pattern: constant, Rate: 10 }
    Work:
      CpuMs: { Dist: exponential, Mean: 20 }
`;

export function load(text: string, opts: LoadOptions = {}): Scenario {
  return loadScenarioText(text, 'scenario.yaml', opts);
}

/** The issues loading `text` reports; fails the test when it loads. */
export function issuesOf(text: string, opts: LoadOptions = {}): ScenarioIssue[] {
  try {
    loadScenarioText(text, 'scenario.yaml', opts);
  } catch (e) {
    if (e instanceof ScenarioError) return e.issues;
    throw e;
  }
  throw new Error('expected the scenario to be rejected');
}

/** `line:column path: message` of each issue, for compact assertions. */
export function brief(issues: ScenarioIssue[]): string[] {
  return issues.map((i) => `${i.line}:${i.column} ${i.path}: ${i.message}`);
}

/** WEB-like text with `from` replaced by `to`; throws when `from` does not occur. */
export function edit(text: string, from: string, to: string): string {
  if (!text.includes(from)) throw new Error(`edit: ${JSON.stringify(from)} not in the text`);
  return text.replace(from, to);
}

/** A valid ECS-on-EC2 scenario behind an ALB, with service auto scaling (target tracking and step). */
export const EC2 = `Name: ec2
Duration: 1h
Resources:
  Cluster:
    Type: AWS::ECS::Cluster
    Properties:
      ClusterName: main
  SubnetA:
    Type: AWS::EC2::Subnet
    Properties:
      AvailabilityZone: !Select [0, !GetAZs '']
  SubnetB:
    Type: AWS::EC2::Subnet
    Properties:
      AvailabilityZone: !Select [1, !GetAZs '']
  LT:
    Type: AWS::EC2::LaunchTemplate
    Properties:
      LaunchTemplateData:
        InstanceType: m5.large
        ImageId: ami-12345678
  Asg:
    Type: AWS::AutoScaling::AutoScalingGroup
    Metadata:
      clustersim: { InstanceStartLatency: 30s }
    Properties:
      MinSize: '1'
      MaxSize: '10'
      DesiredCapacity: '2'
      LaunchTemplate:
        LaunchTemplateId: !Ref LT
        Version: !GetAtt LT.LatestVersionNumber
      VPCZoneIdentifier: [!Ref SubnetA, !Ref SubnetB]
      NewInstancesProtectedFromScaleIn: 'true'
  CP:
    Type: AWS::ECS::CapacityProvider
    Properties:
      AutoScalingGroupProvider:
        AutoScalingGroupArn: !Ref Asg
        ManagedScaling:
          TargetCapacity: 90
        ManagedTerminationProtection: ENABLED
  Assoc:
    Type: AWS::ECS::ClusterCapacityProviderAssociations
    Properties:
      Cluster: !Ref Cluster
      CapacityProviders: [!Ref CP, FARGATE]
      DefaultCapacityProviderStrategy:
        - { CapacityProvider: !Ref CP, Weight: 1 }
  Task:
    Type: AWS::ECS::TaskDefinition
    Properties:
      RequiresCompatibilities: [EC2]
      NetworkMode: bridge
      ContainerDefinitions:
        - Name: web
          Image: nginx
          Cpu: 512
          Memory: 1024
          PortMappings: [{ ContainerPort: 80 }]
        - Name: sidecar
          Image: envoy
          Cpu: '256'
          MemoryReservation: 256
  Svc:
    Type: AWS::ECS::Service
    Properties:
      Cluster: !Ref Cluster
      DesiredCount: 2
      TaskDefinition: !Ref Task
      CapacityProviderStrategy:
        - CapacityProvider: !Ref CP
          Weight: 1
          Base: 1
      PlacementStrategies:
        - { Type: spread, Field: attribute:ecs.availability-zone }
        - { Type: binpack, Field: memory }
      PlacementConstraints:
        - { Type: distinctInstance }
      LoadBalancers:
        - { TargetGroupArn: !Ref TG, ContainerName: web, ContainerPort: 80 }
  LB:
    Type: AWS::ElasticLoadBalancingV2::LoadBalancer
    Properties:
      Subnets: [!Ref SubnetA, !Ref SubnetB]
  TG:
    Type: AWS::ElasticLoadBalancingV2::TargetGroup
    Properties:
      Port: 80
      Protocol: HTTP
      TargetGroupAttributes:
        - { Key: deregistration_delay.timeout_seconds, Value: '30' }
  Listener:
    Type: AWS::ElasticLoadBalancingV2::Listener
    Properties:
      LoadBalancerArn: !Ref LB
      Port: 80
      Protocol: HTTP
      DefaultActions: [{ Type: forward, TargetGroupArn: !Ref TG }]
  ScaleTarget:
    Type: AWS::ApplicationAutoScaling::ScalableTarget
    Properties:
      ServiceNamespace: ecs
      ScalableDimension: ecs:service:DesiredCount
      ResourceId: !Sub service/\${Cluster}/\${Svc.Name}
      MinCapacity: 2
      MaxCapacity: '20'
  CpuPolicy:
    Type: AWS::ApplicationAutoScaling::ScalingPolicy
    Properties:
      PolicyName: cpu
      PolicyType: TargetTrackingScaling
      ScalingTargetId: !Ref ScaleTarget
      TargetTrackingScalingPolicyConfiguration:
        TargetValue: 60
        PredefinedMetricSpecification:
          PredefinedMetricType: ECSServiceAverageCPUUtilizationHighResolution
  StepPolicy:
    Type: AWS::ApplicationAutoScaling::ScalingPolicy
    Properties:
      PolicyName: step
      PolicyType: StepScaling
      ScalingTargetId: !Ref ScaleTarget
      StepScalingPolicyConfiguration:
        AdjustmentType: ChangeInCapacity
        StepAdjustments:
          - { MetricIntervalLowerBound: 0, MetricIntervalUpperBound: 20, ScalingAdjustment: 1 }
          - { MetricIntervalLowerBound: 20, ScalingAdjustment: 3 }
  HighCpu:
    Type: AWS::CloudWatch::Alarm
    Properties:
      Namespace: AWS/ECS
      MetricName: CPUUtilization
      Dimensions:
        - { Name: ClusterName, Value: !Ref Cluster }
        - { Name: ServiceName, Value: !GetAtt Svc.Name }
      Statistic: Average
      Period: 60
      EvaluationPeriods: 3
      Threshold: 70
      ComparisonOperator: GreaterThanThreshold
      AlarmActions: [!Ref StepPolicy]
Workload:
  - Name: api
    Target: LB
    Arrivals: { Pattern: constant, Rate: 10 }
    Work:
      CpuMs: { Dist: exponential, Mean: 20 }
`;

/** A valid serverless scenario: a SAM function behind the implicit HTTP API and an SQS queue, a plain function with an alias. */
export const LAMBDA = `Name: serverless
Duration: 1h
Transform: AWS::Serverless-2016-10-31
Resources:
  Orders:
    Type: AWS::Serverless::Function
    Metadata:
      clustersim: { IdleLifetime: 7m }
    Properties:
      Runtime: nodejs22.x
      Handler: app.handler
      CodeUri: src/
      MemorySize: 1024
      Timeout: 10
      Architectures: [arm64]
      AutoPublishAlias: live
      ProvisionedConcurrencyConfig:
        ProvisionedConcurrentExecutions: 5
      ReservedConcurrentExecutions: 50
      Events:
        Get:
          Type: HttpApi
          Properties: { Path: /orders, Method: get }
        Jobs:
          Type: SQS
          Properties:
            Queue: !GetAtt Jobs.Arn
            BatchSize: 5
  Jobs:
    Type: AWS::SQS::Queue
    Properties:
      VisibilityTimeout: 60
  Worker:
    Type: AWS::Lambda::Function
    Properties:
      FunctionName: worker
      Runtime: python3.13
      Handler: app.handler
      Role: arn:aws:iam::123456789012:role/worker
      Code: { ZipFile: "def handler(e, c): pass" }
  WorkerVersion:
    Type: AWS::Lambda::Version
    Properties:
      FunctionName: !Ref Worker
  WorkerLive:
    Type: AWS::Lambda::Alias
    Properties:
      FunctionName: !Ref Worker
      FunctionVersion: !GetAtt WorkerVersion.Version
      Name: live
      ProvisionedConcurrencyConfig:
        ProvisionedConcurrentExecutions: 3
Workload:
  - Name: api
    Target: ServerlessHttpApi
    Arrivals: { Pattern: constant, Rate: 10 }
    Work:
      DurationMs: { Dist: lognormal, Mean: 40, P99: 200 }
`;
