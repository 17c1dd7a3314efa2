/**
 * Synthetic ARNs: what `!GetAtt X.Arn` and ARN-returning `!Ref`s resolve to. No imports, so the
 * service schemas (src/aws/<service>/schema.ts) can use it without an import cycle.
 */

/** The account ID every synthetic ARN uses. */
export const ACCOUNT_ID = '123456789012';

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
  'AWS::ElasticLoadBalancingV2::Listener': ['elasticloadbalancing', 'listener'],
  'AWS::ApplicationAutoScaling::ScalingPolicy': ['autoscaling', 'scalingPolicy'],
  'AWS::ApplicationAutoScaling::ScalableTarget': ['application-autoscaling', 'scalable-target'],
  'AWS::AutoScaling::AutoScalingGroup': ['autoscaling', 'autoScalingGroup'],
  'AWS::CloudWatch::Alarm': ['cloudwatch', 'alarm'],
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
