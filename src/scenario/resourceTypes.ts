/**
 * What the scenario layer knows about CloudFormation resource types: which ones the simulator
 * models (their schemas and the checks that span them), which property names a resource's
 * physical name, and which types' `Ref` returns an ARN (the ARNs themselves: arn.ts).
 */
import type { z } from 'zod';
import {
  checkApiResources,
  HTTP_API,
  HTTP_API_INTEGRATION,
  HTTP_API_STAGE,
  HttpApiIntegrationPropertiesSchema,
  HttpApiPropertiesSchema,
  HttpApiStagePropertiesSchema,
  REST_API,
  REST_API_METHOD,
  REST_API_STAGE,
  RestApiMethodPropertiesSchema,
  RestApiPropertiesSchema,
  RestApiStagePropertiesSchema,
  SAM_HTTP_API,
  SAM_REST_API,
  SamHttpApiPropertiesSchema,
  SamRestApiPropertiesSchema,
} from '../aws/apigateway/schema';
import {
  checkAutoscalingResources,
  SCALABLE_TARGET,
  SCALING_POLICY,
  ScalableTargetPropertiesSchema,
  ScalingPolicyPropertiesSchema,
} from '../aws/autoscaling/schema';
import { ALARM, AlarmPropertiesSchema, checkAlarmResources } from '../aws/cloudwatch/schema';
import {
  AUTO_SCALING_GROUP,
  AutoScalingGroupPropertiesSchema,
  AutoScalingGroupSimSchema,
  checkEc2Resources,
  LAUNCH_TEMPLATE,
  LaunchTemplatePropertiesSchema,
  NoSimSchema,
  SUBNET,
  SubnetPropertiesSchema,
} from '../aws/ec2/schema';
import {
  CapacityProviderPropertiesSchema,
  ClusterCapacityProviderAssociationsPropertiesSchema,
  ClusterPropertiesSchema,
  ClusterSimSchema,
  checkEcsResources,
  ECS_CAPACITY_PROVIDER,
  ECS_CLUSTER_CAPACITY_PROVIDER_ASSOCIATIONS,
  ServicePropertiesSchema,
  ServiceSimSchema,
  TaskDefinitionPropertiesSchema,
  TaskDefinitionSimSchema,
} from '../aws/ecs/schema';
import {
  checkElbResources,
  LISTENER,
  LOAD_BALANCER,
  ListenerPropertiesSchema,
  LoadBalancerPropertiesSchema,
  TARGET_GROUP,
  TargetGroupPropertiesSchema,
} from '../aws/elbv2/schema';
import {
  checkLambdaResources,
  FunctionSimSchema,
  LAMBDA_ALIAS,
  LAMBDA_EVENT_INVOKE_CONFIG,
  LAMBDA_EVENT_SOURCE_MAPPING,
  LAMBDA_FUNCTION,
  LAMBDA_URL,
  LAMBDA_VERSION,
  LambdaAliasPropertiesSchema,
  LambdaEventInvokeConfigPropertiesSchema,
  LambdaEventSourceMappingPropertiesSchema,
  LambdaFunctionPropertiesSchema,
  LambdaNoSimSchema,
  LambdaUrlPropertiesSchema,
  LambdaVersionPropertiesSchema,
  SAM_FUNCTION,
  SamFunctionPropertiesSchema,
} from '../aws/lambda/schema';
import {
  checkRdsResources,
  DB_CLUSTER,
  DB_INSTANCE,
  DBClusterPropertiesSchema,
  DBClusterSimSchema,
  DBInstancePropertiesSchema,
  DBInstanceSimSchema,
} from '../aws/rds/schema';
import { checkSqsResources, QueuePropertiesSchema, QueueSimSchema, SQS_QUEUE } from '../aws/sqs/schema';
import { checkDatabaseClients } from './databaseClients';
import type { ResourceCheck } from './resourceCheck';

export { ACCOUNT_ID, partitionOf, syntheticArn } from './arn';

export interface ModelledType {
  /** Validates and normalizes `Properties`; unknown CloudFormation properties pass through. */
  properties: z.ZodType<Record<string, unknown>>;
  /** Validates `Metadata.clustersim` (strict) and applies its defaults. */
  sim: z.ZodType<Record<string, unknown>>;
}

/** Resource types the simulator models. Later work adds Aurora, EventBridge, ... */
export const MODELLED_TYPES: Record<string, ModelledType> = {
  'AWS::ECS::Cluster': { properties: ClusterPropertiesSchema, sim: ClusterSimSchema },
  'AWS::ECS::TaskDefinition': { properties: TaskDefinitionPropertiesSchema, sim: TaskDefinitionSimSchema },
  'AWS::ECS::Service': { properties: ServicePropertiesSchema, sim: ServiceSimSchema },
  [ECS_CAPACITY_PROVIDER]: { properties: CapacityProviderPropertiesSchema, sim: ClusterSimSchema },
  [ECS_CLUSTER_CAPACITY_PROVIDER_ASSOCIATIONS]: { properties: ClusterCapacityProviderAssociationsPropertiesSchema, sim: ClusterSimSchema },
  [LAUNCH_TEMPLATE]: { properties: LaunchTemplatePropertiesSchema, sim: NoSimSchema },
  [SUBNET]: { properties: SubnetPropertiesSchema, sim: NoSimSchema },
  [AUTO_SCALING_GROUP]: { properties: AutoScalingGroupPropertiesSchema, sim: AutoScalingGroupSimSchema },
  [SCALABLE_TARGET]: { properties: ScalableTargetPropertiesSchema, sim: NoSimSchema },
  [SCALING_POLICY]: { properties: ScalingPolicyPropertiesSchema, sim: NoSimSchema },
  [ALARM]: { properties: AlarmPropertiesSchema, sim: NoSimSchema },
  [LOAD_BALANCER]: { properties: LoadBalancerPropertiesSchema, sim: NoSimSchema },
  [TARGET_GROUP]: { properties: TargetGroupPropertiesSchema, sim: NoSimSchema },
  [LISTENER]: { properties: ListenerPropertiesSchema, sim: NoSimSchema },
  [LAMBDA_FUNCTION]: { properties: LambdaFunctionPropertiesSchema, sim: FunctionSimSchema },
  [SAM_FUNCTION]: { properties: SamFunctionPropertiesSchema, sim: FunctionSimSchema },
  [LAMBDA_VERSION]: { properties: LambdaVersionPropertiesSchema, sim: LambdaNoSimSchema },
  [LAMBDA_ALIAS]: { properties: LambdaAliasPropertiesSchema, sim: LambdaNoSimSchema },
  [LAMBDA_EVENT_INVOKE_CONFIG]: { properties: LambdaEventInvokeConfigPropertiesSchema, sim: LambdaNoSimSchema },
  [LAMBDA_EVENT_SOURCE_MAPPING]: { properties: LambdaEventSourceMappingPropertiesSchema, sim: LambdaNoSimSchema },
  [LAMBDA_URL]: { properties: LambdaUrlPropertiesSchema, sim: LambdaNoSimSchema },
  [SQS_QUEUE]: { properties: QueuePropertiesSchema, sim: QueueSimSchema },
  [HTTP_API]: { properties: HttpApiPropertiesSchema, sim: NoSimSchema },
  [HTTP_API_INTEGRATION]: { properties: HttpApiIntegrationPropertiesSchema, sim: NoSimSchema },
  [HTTP_API_STAGE]: { properties: HttpApiStagePropertiesSchema, sim: NoSimSchema },
  [REST_API]: { properties: RestApiPropertiesSchema, sim: NoSimSchema },
  [REST_API_METHOD]: { properties: RestApiMethodPropertiesSchema, sim: NoSimSchema },
  [REST_API_STAGE]: { properties: RestApiStagePropertiesSchema, sim: NoSimSchema },
  [SAM_HTTP_API]: { properties: SamHttpApiPropertiesSchema, sim: NoSimSchema },
  [SAM_REST_API]: { properties: SamRestApiPropertiesSchema, sim: NoSimSchema },
  [DB_CLUSTER]: { properties: DBClusterPropertiesSchema, sim: DBClusterSimSchema },
  [DB_INSTANCE]: { properties: DBInstancePropertiesSchema, sim: DBInstanceSimSchema },
};

/** The checks that span resources, run in this order after every resource's Properties were validated. */
export const RESOURCE_CHECKS: readonly ResourceCheck[] = [
  checkEc2Resources,
  checkEcsResources,
  checkElbResources,
  checkAutoscalingResources,
  checkAlarmResources,
  checkLambdaResources,
  checkSqsResources,
  checkApiResources,
  checkRdsResources,
  checkDatabaseClients,
];

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
  'AWS::CloudWatch::Alarm': 'AlarmName',
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
  'AWS::Lambda::Version',
  'AWS::Lambda::Alias',
  'AWS::IAM::ManagedPolicy',
  'AWS::ApplicationAutoScaling::ScalingPolicy',
]);

