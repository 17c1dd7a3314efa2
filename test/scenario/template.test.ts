/** biome-ignore-all lint/suspicious/noTemplateCurlyInString: these strings are CloudFormation Fn::Sub templates, not JS templates. */
import { describe, expect, it } from 'vitest';
import { resolveResourceRef } from '../../src/scenario';
import { brief, issuesOf, load } from './helpers';

const TEMPLATE = `AWSTemplateFormatVersion: '2010-09-09'
Transform: AWS::Serverless-2016-10-31
Name: shop
Duration: 1h
Region: eu-west-1
Parameters:
  Env:
    Type: String
    Default: dev
    AllowedValues: [dev, prod]
  TaskCpu:
    Type: Number
    Default: 512
  Subnets:
    Type: CommaDelimitedList
    Default: subnet-a,subnet-b
Mappings:
  Sizes:
    dev: { Memory: 1024 }
    prod: { Memory: 2048 }
Conditions:
  IsProd: !Equals [!Ref Env, prod]
  IsDev: !Not [!Condition IsProd]
Resources:
  Cluster:
    Type: AWS::ECS::Cluster
    Properties:
      ClusterName: !Sub "\${AWS::StackName}-\${Env}"
  WebTask:
    Type: AWS::ECS::TaskDefinition
    Properties:
      Family: !Join ["-", [web, !Ref Env]]
      RequiresCompatibilities: [FARGATE]
      NetworkMode: awsvpc
      Cpu: !Ref TaskCpu
      Memory: !FindInMap [Sizes, !Ref Env, Memory]
      ExecutionRoleArn: !GetAtt ExecRole.Arn
      ContainerDefinitions:
        - Name: web
          Image: !Sub "\${AWS::AccountId}.dkr.ecr.\${AWS::Region}.\${AWS::URLSuffix}/web"
  ExecRole:
    Type: AWS::IAM::Role
    Properties:
      RoleName: exec
  WebService:
    Type: AWS::ECS::Service
    Properties:
      Cluster: !Ref Cluster
      LaunchType: FARGATE
      DesiredCount: !If [IsProd, 4, 2]
      TaskDefinition: !Ref WebTask
      ServiceName: !If [IsProd, web-prod, !Ref AWS::NoValue]
      NetworkConfiguration:
        AwsvpcConfiguration:
          Subnets: !Ref Subnets
          SecurityGroups: [!Select [1, !Split [",", "sg-1,sg-2"]]]
          AssignPublicIp: !If [IsDev, ENABLED, DISABLED]
  ProdAlarmTopic:
    Type: AWS::SNS::Topic
    Condition: IsProd
  Api:
    Type: AWS::Serverless::Function
    Properties:
      Handler: app.handler
      Environment:
        Variables:
          OWN: "1"
Globals:
  Function:
    Runtime: nodejs20.x
    MemorySize: 512
    Layers: [base-layer]
    Environment:
      Variables:
        SHARED: "x"
Outputs:
  ClusterName:
    Value: !Ref Cluster
Metadata:
  Author: someone
Workload:
  - Name: api
    Target: !Ref WebService
    Arrivals: { Pattern: constant, Rate: 5 }
    Work:
      CpuMs: { Dist: constant, Value: 10 }
`;

describe('CloudFormation templates', () => {
  it('resolves Ref, Sub, Join, FindInMap and pseudo parameters', () => {
    const s = load(TEMPLATE);
    expect(s.Resources.Cluster!.PhysicalName).toBe('shop-dev');
    expect(s.Resources.WebTask!.PhysicalName).toBe('web-dev');
    const td = s.Resources.WebTask!.Properties;
    expect(td.Cpu).toBe(512);
    expect(td.Memory).toBe(1024);
    expect((td.ContainerDefinitions as { Image: string }[])[0]!.Image).toBe('123456789012.dkr.ecr.eu-west-1.amazonaws.com/web');
    expect(s.Resources.WebService!.Properties.Cluster).toBe('shop-dev');
    expect(s.Resources.WebService!.Properties.TaskDefinition).toBe('arn:aws:ecs:eu-west-1:123456789012:task-definition/web-dev');
  });

  it('gives GetAtt X.Arn a synthetic ARN in the scenario region', () => {
    const s = load(TEMPLATE);
    expect(s.Resources.WebTask!.Properties.ExecutionRoleArn).toBe('arn:aws:iam:eu-west-1:123456789012:role/exec');
  });

  it('evaluates conditions: Fn::If picks a branch and AWS::NoValue removes the key', () => {
    const s = load(TEMPLATE);
    const svc = s.Resources.WebService!.Properties;
    expect(svc.DesiredCount).toBe(2);
    expect('ServiceName' in svc).toBe(false);
    expect(svc.NetworkConfiguration).toEqual({
      AwsvpcConfiguration: { Subnets: ['subnet-a', 'subnet-b'], SecurityGroups: ['sg-2'], AssignPublicIp: 'ENABLED' },
    });
  });

  it('drops resources whose Condition is false', () => {
    const s = load(TEMPLATE);
    expect(Object.keys(s.Resources)).not.toContain('ProdAlarmTopic');
  });

  it('takes parameter overrides from the caller', () => {
    const s = load(TEMPLATE, { parameters: { Env: 'prod', TaskCpu: '1024' } });
    expect(Object.keys(s.Resources)).toContain('ProdAlarmTopic');
    expect(s.Resources.WebTask!.Properties.Cpu).toBe(1024);
    expect(s.Resources.WebTask!.Properties.Memory).toBe(2048);
    expect(s.Resources.WebService!.Properties.DesiredCount).toBe(4);
    expect(s.Resources.WebService!.PhysicalName).toBe('web-prod');
    expect(s.Resources.Cluster!.PhysicalName).toBe('shop-prod');
  });

  it('rejects a parameter override outside AllowedValues', () => {
    const issues = issuesOf(TEMPLATE, { parameters: { Env: 'qa' } });
    expect(brief(issues)).toEqual(['8:5 Parameters.Env: parameter Env: "qa" is not allowed; allowed: dev, prod']);
  });

  it('rejects an override of a parameter the template does not declare', () => {
    const issues = issuesOf(TEMPLATE, { parameters: { Nope: '1' } });
    expect(brief(issues)).toEqual(['7:3 Parameters: unknown parameter "Nope" given to the loader; parameters: Env, TaskCpu, Subnets']);
  });

  it('merges SAM Globals into serverless functions: scalars fill in, maps merge, lists prepend', () => {
    const s = load(TEMPLATE);
    const fn = s.Resources.Api!.Properties;
    expect(fn.Runtime).toBe('nodejs20.x');
    expect(fn.MemorySize).toBe(512);
    expect(fn.Layers).toEqual(['base-layer']);
    expect(fn.Environment).toEqual({ Variables: { OWN: '1', SHARED: 'x' } });
  });

  it('keeps unmodelled resource types and lists them', () => {
    const s = load(TEMPLATE);
    expect(s.Unmodeled).toEqual([
      { LogicalId: 'ExecRole', Type: 'AWS::IAM::Role' },
    ]);
    expect(s.Resources.Api!.Type).toBe('AWS::Serverless::Function');
  });

  it('accepts !Ref as a workload Target and stores the logical ID', () => {
    expect(load(TEMPLATE).Workload[0]!.Target).toBe('WebService');
  });

  it('maps logical IDs, physical names and synthetic ARNs back to the logical ID', () => {
    const s = load(TEMPLATE);
    expect(resolveResourceRef(s, 'WebTask')).toBe('WebTask');
    expect(resolveResourceRef(s, 'web-dev')).toBe('WebTask');
    expect(resolveResourceRef(s, 'arn:aws:ecs:eu-west-1:123456789012:task-definition/web-dev')).toBe('WebTask');
    expect(resolveResourceRef(s, 'arn:aws:ecs:eu-west-1:123456789012:task-definition/web-dev:3')).toBe('WebTask');
    expect(resolveResourceRef(s, 'nothing')).toBeUndefined();
    expect(resolveResourceRef(s, 42)).toBeUndefined();
  });

  it('tells apart a cluster and a task definition that share a name', () => {
    const s = load(`Duration: 1h
Resources:
  C:
    Type: AWS::ECS::Cluster
    Properties: { ClusterName: web }
  T:
    Type: AWS::ECS::TaskDefinition
    Properties: { Family: web, RequiresCompatibilities: [FARGATE], Cpu: 256, Memory: 512 }
  S:
    Type: AWS::ECS::Service
    Properties: { Cluster: !Ref C, LaunchType: FARGATE, TaskDefinition: !Ref T }
`);
    expect(s.Resources.S!.Properties.Cluster).toBe('web');
    expect(resolveResourceRef(s, s.Resources.S!.Properties.TaskDefinition)).toBe('T');
    expect(resolveResourceRef(s, 'web', 'AWS::ECS::TaskDefinition')).toBe('T');
    expect(resolveResourceRef(s, 'web', 'AWS::ECS::Cluster')).toBe('C');
  });

  it('resolves GetAZs to the region letters, and Cidr, Base64 and Select', () => {
    const s = load(`Duration: 1h
Region: us-west-2
Resources:
  Net:
    Type: AWS::EC2::Subnet
    Properties:
      AvailabilityZone: !Select [1, !GetAZs ""]
      Zones: !GetAZs us-east-2
      Blocks: !Cidr ["10.0.0.0/16", 3, 8]
      UserData: !Base64 "hi"
`);
    expect(s.Resources.Net!.Properties).toEqual({
      AvailabilityZone: 'us-west-2b',
      Zones: ['us-east-2a', 'us-east-2b', 'us-east-2c'],
      Blocks: ['10.0.0.0/24', '10.0.1.0/24', '10.0.2.0/24'],
      UserData: 'aGk=',
    });
  });

  it('resolves Sub variables, ${Res.Attr} and ${!Literal}', () => {
    const s = load(`Name: st
Duration: 1h
Resources:
  Q:
    Type: AWS::SQS::Queue
    Properties:
      QueueName: jobs
  Doc:
    Type: Custom::Thing
    Properties:
      A: !Sub ["\${Pre}-\${Q}", { Pre: !Ref AWS::StackName }]
      B: !Sub "\${Q.Arn}"
      C: !Sub "\${!NotMe}"
      D: !Ref AWS::Partition
`);
    expect(s.Resources.Doc!.Properties).toEqual({
      A: 'st-jobs',
      B: 'arn:aws:sqs:us-east-1:123456789012:queue/jobs',
      C: '${NotMe}',
      D: 'aws',
    });
  });

  it('reports a Ref to an unknown name at the Ref', () => {
    const issues = issuesOf(`Duration: 1h
Resources:
  Doc:
    Type: Custom::Thing
    Properties:
      A: !Ref Missing
`);
    expect(brief(issues)).toEqual(['6:15 Resources.Doc.Properties.A: unknown name "Missing": not a parameter (none) or resource (Doc)']);
  });

  it('reports a Ref to a resource whose Condition is false', () => {
    const issues = issuesOf(`Duration: 1h
Conditions:
  Never: !Equals [a, b]
Resources:
  Gone:
    Type: AWS::SNS::Topic
    Condition: Never
  Doc:
    Type: Custom::Thing
    Properties:
      A: !Ref Gone
`);
    expect(brief(issues)).toEqual(['11:15 Resources.Doc.Properties.A: "Gone" is not created: its Condition "Never" is false']);
  });
});
