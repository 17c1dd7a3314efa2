/**
 * What the scenario layer knows about CloudFormation resource types: which ones the simulator
 * models (and their schemas), which property names a resource's physical name, and the
 * synthetic ARNs it hands out for `!GetAtt X.Arn`.
 */
import type { z } from 'zod';
import {
  ClusterPropertiesSchema,
  ClusterSimSchema,
  ServicePropertiesSchema,
  ServiceSimSchema,
  TaskDefinitionPropertiesSchema,
  TaskDefinitionSimSchema,
} from '../aws/ecs/schema';

/** The account ID every synthetic ARN uses. */
export const ACCOUNT_ID = '123456789012';

export interface ModelledType {
  /** Validates and normalizes `Properties`; unknown CloudFormation properties pass through. */
  properties: z.ZodType<Record<string, unknown>>;
  /** Validates `Metadata.clustersim` (strict) and applies its defaults. */
  sim: z.ZodType<Record<string, unknown>>;
}

/** Resource types the simulator models. Later work adds Lambda, Aurora, EventBridge, ... */
export const MODELLED_TYPES: Record<string, ModelledType> = {
  'AWS::ECS::Cluster': { properties: ClusterPropertiesSchema, sim: ClusterSimSchema },
  'AWS::ECS::TaskDefinition': { properties: TaskDefinitionPropertiesSchema, sim: TaskDefinitionSimSchema },
  'AWS::ECS::Service': { properties: ServicePropertiesSchema, sim: ServiceSimSchema },
};

/** The property that names a resource, per type; without it the physical name is the logical ID. */
export const NAME_PROPERTY: Record<string, string> = {
  'AWS::ECS::Cluster': 'ClusterName',
  'AWS::ECS::TaskDefinition': 'Family',
  'AWS::ECS::Service': 'ServiceName',
  'AWS::ECS::CapacityProvider': 'Name',
  'AWS::Lambda::Function': 'FunctionName',
  'AWS::Serverless::Function': 'FunctionName',
  'AWS::Lambda::LayerVersion': 'LayerName',
  'AWS::Serverless::Api': 'Name',
  'AWS::Serverless::HttpApi': 'Name',
  'AWS::Serverless::SimpleTable': 'TableName',
  'AWS::Serverless::StateMachine': 'Name',
  'AWS::StepFunctions::StateMachine': 'StateMachineName',
  'AWS::RDS::DBCluster': 'DBClusterIdentifier',
  'AWS::RDS::DBInstance': 'DBInstanceIdentifier',
  'AWS::Events::Rule': 'Name',
  'AWS::SQS::Queue': 'QueueName',
  'AWS::SNS::Topic': 'TopicName',
  'AWS::S3::Bucket': 'BucketName',
  'AWS::DynamoDB::Table': 'TableName',
  'AWS::IAM::Role': 'RoleName',
  'AWS::Logs::LogGroup': 'LogGroupName',
  'AWS::ECR::Repository': 'RepositoryName',
  'AWS::ElasticLoadBalancingV2::LoadBalancer': 'Name',
  'AWS::ElasticLoadBalancingV2::TargetGroup': 'Name',
  'AWS::AutoScaling::AutoScalingGroup': 'AutoScalingGroupName',
  'AWS::EC2::LaunchTemplate': 'LaunchTemplateName',
  'AWS::ApplicationAutoScaling::ScalingPolicy': 'PolicyName',
};

/**
 * Types whose `Ref` returns the ARN rather than the name, as CloudFormation documents for each.
 * This keeps a service's `TaskDefinition: !Ref Task` unambiguous when a cluster shares the name.
 */
export const REF_RETURNS_ARN = new Set([
  'AWS::ECS::TaskDefinition',
  'AWS::ECS::Service',
  'AWS::SNS::Topic',
  'AWS::ElasticLoadBalancingV2::LoadBalancer',
  'AWS::ElasticLoadBalancingV2::TargetGroup',
  'AWS::ElasticLoadBalancingV2::Listener',
  'AWS::StepFunctions::StateMachine',
  'AWS::Serverless::StateMachine',
  'AWS::Lambda::LayerVersion',
  'AWS::IAM::ManagedPolicy',
]);

/** ARN service and resource-type part for types whose ARN does not follow `AWS::<Service>::<Type>`. */
const ARN_PARTS: Record<string, [service: string, kind: string]> = {
  'AWS::Serverless::Function': ['lambda', 'function'],
  'AWS::Serverless::Api': ['apigateway', 'restapis'],
  'AWS::Serverless::HttpApi': ['apigateway', 'apis'],
  'AWS::Serverless::SimpleTable': ['dynamodb', 'table'],
  'AWS::Serverless::StateMachine': ['states', 'stateMachine'],
  'AWS::Serverless::LayerVersion': ['lambda', 'layer'],
  'AWS::ElasticLoadBalancingV2::LoadBalancer': ['elasticloadbalancing', 'loadbalancer'],
  'AWS::ElasticLoadBalancingV2::TargetGroup': ['elasticloadbalancing', 'targetgroup'],
};

/** The partition of a region: `aws`, `aws-cn` or `aws-us-gov`. */
export function partitionOf(region: string): string {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  return 'aws';
}

/** `arn:<partition>:<service>:<region>:123456789012:<type-ish>/<physical>`, e.g. `arn:aws:ecs:us-east-1:123456789012:task-definition/web`. */
export function syntheticArn(type: string, physicalName: string, region: string): string {
  const parts = type.split('::');
  const [service, kind] = ARN_PARTS[type] ?? [
    (parts[1] ?? 'unknown').toLowerCase(),
    (parts[2] ?? 'resource').replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase(),
  ];
  return `arn:${partitionOf(region)}:${service}:${region}:${ACCOUNT_ID}:${kind}/${physicalName}`;
}
