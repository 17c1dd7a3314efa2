/** biome-ignore-all lint/suspicious/noTemplateCurlyInString: these strings are CloudFormation Fn::Sub templates, not JS templates. */
import { describe, expect, it } from 'vitest';
import { resourceLabelTargetGroup, scalableTargetService, scalingPolicyService, scalingPolicyTarget } from '../../src/aws/autoscaling/schema';
import { brief, EC2, edit, issuesOf, load } from './helpers';

describe('AWS::ApplicationAutoScaling::ScalableTarget and ScalingPolicy', () => {
  it('loads with the ECS defaults: cooldowns 300 s, scale-in enabled, nothing suspended', () => {
    const s = load(EC2);
    expect(s.Resources.ScaleTarget!.Properties).toMatchObject({
      ResourceId: 'service/main/Svc',
      MinCapacity: 2,
      MaxCapacity: 20,
      SuspendedState: { DynamicScalingInSuspended: false, DynamicScalingOutSuspended: false, ScheduledScalingSuspended: false },
    });
    expect(s.Resources.CpuPolicy!.Properties.TargetTrackingScalingPolicyConfiguration).toEqual({
      TargetValue: 60,
      PredefinedMetricSpecification: { PredefinedMetricType: 'ECSServiceAverageCPUUtilizationHighResolution' },
      ScaleInCooldown: 300,
      ScaleOutCooldown: 300,
      DisableScaleIn: false,
    });
    expect(s.Resources.StepPolicy!.Properties.StepScalingPolicyConfiguration).toMatchObject({ Cooldown: 300, MetricAggregationType: 'Average' });
  });

  it('resolves a ResourceId built with !Sub to the service', () => {
    const s = load(EC2);
    expect(scalableTargetService(s, s.Resources.ScaleTarget!)).toBe('Svc');
    expect(scalingPolicyTarget(s, s.Resources.CpuPolicy!)).toBe('ScaleTarget');
    expect(scalingPolicyService(s, s.Resources.StepPolicy!)).toBe('Svc');
  });

  it('resolves a ResourceId built with !Join, and a policy that names the target by ResourceId', () => {
    const text = edit(
      edit(EC2, 'ResourceId: !Sub service/${Cluster}/${Svc.Name}', "ResourceId: !Join ['/', [service, !Ref Cluster, !GetAtt Svc.Name]]"),
      '      ScalingTargetId: !Ref ScaleTarget\n      TargetTrackingScalingPolicyConfiguration:',
      '      ServiceNamespace: ecs\n      ScalableDimension: ecs:service:DesiredCount\n      ResourceId: !Sub service/${Cluster}/${Svc.Name}\n      TargetTrackingScalingPolicyConfiguration:',
    );
    const s = load(text);
    expect(scalableTargetService(s, s.Resources.ScaleTarget!)).toBe('Svc');
    expect(scalingPolicyTarget(s, s.Resources.CpuPolicy!)).toBe('ScaleTarget');
  });

  it('requires MinCapacity ≤ MaxCapacity', () => {
    expect(brief(issuesOf(edit(EC2, "MaxCapacity: '20'", "MaxCapacity: '1'")))).toEqual([
      '107:20 Resources.ScaleTarget.Properties.MaxCapacity: must be ≥ MinCapacity (2), got 1',
    ]);
  });

  it('names the service and cluster a ResourceId gets wrong', () => {
    expect(brief(issuesOf(edit(EC2, 'service/${Cluster}/${Svc.Name}', 'service/${Cluster}/ghost')))).toEqual([
      '105:24 Resources.ScaleTarget.Properties.ResourceId: "ghost" is not a service in this scenario; services: Svc',
    ]);
    expect(brief(issuesOf(edit(EC2, 'service/${Cluster}/${Svc.Name}', 'service/other/${Svc.Name}')))).toEqual([
      '105:24 Resources.ScaleTarget.Properties.ResourceId: service Svc runs in cluster "main", not "other"',
    ]);
  });

  it('scales ECS services only', () => {
    expect(brief(issuesOf(edit(EC2, 'ServiceNamespace: ecs', 'ServiceNamespace: dynamodb')))).toEqual([
      '103:25 Resources.ScaleTarget.Properties.ServiceNamespace: must be ecs (the simulator scales ECS services only); got "dynamodb"',
    ]);
  });

  it('requires the configuration that matches PolicyType', () => {
    expect(brief(issuesOf(edit(EC2, 'PolicyType: TargetTrackingScaling', 'PolicyType: StepScaling')))).toEqual([
      '111:7 Resources.CpuPolicy.Properties.StepScalingPolicyConfiguration: required for PolicyType StepScaling',
      '115:9 Resources.CpuPolicy.Properties.TargetTrackingScalingPolicyConfiguration: not used with PolicyType StepScaling; remove it',
    ]);
  });

  it("requires a policy's scalable target to exist", () => {
    expect(brief(issuesOf(edit(EC2, 'ScalingTargetId: !Ref ScaleTarget\n      TargetTracking', 'ScalingTargetId: nope\n      TargetTracking')))).toEqual([
      '113:24 Resources.CpuPolicy.Properties.ScalingTargetId: "nope" is not a scalable target in this scenario; AWS::ApplicationAutoScaling::ScalableTarget: ScaleTarget',
    ]);
  });

  it('rejects step adjustments that leave a gap or overlap, as AWS does', () => {
    expect(brief(issuesOf(edit(EC2, '{ MetricIntervalLowerBound: 20, ScalingAdjustment: 3 }', '{ MetricIntervalLowerBound: 30, ScalingAdjustment: 3 }')))).toEqual([
      '128:41 Resources.StepPolicy.Properties.StepScalingPolicyConfiguration.StepAdjustments[1].MetricIntervalLowerBound: leaves a gap after step 0 [0, 20): steps must not overlap or leave gaps (AWS), so this one should start at 20',
    ]);
    expect(brief(issuesOf(edit(EC2, '{ MetricIntervalLowerBound: 20, ScalingAdjustment: 3 }', '{ MetricIntervalLowerBound: 10, ScalingAdjustment: 3 }')))).toEqual([
      '128:41 Resources.StepPolicy.Properties.StepScalingPolicyConfiguration.StepAdjustments[1].MetricIntervalLowerBound: overlaps step 0 [0, 20): steps must not overlap or leave gaps (AWS), so this one should start at 20',
    ]);
    expect(brief(issuesOf(edit(EC2, '{ MetricIntervalLowerBound: 20, ScalingAdjustment: 3 }', '{ MetricIntervalLowerBound: 20, MetricIntervalUpperBound: 40, ScalingAdjustment: 3 }')))).toEqual([
      '127:70 Resources.StepPolicy.Properties.StepScalingPolicyConfiguration.StepAdjustments[0].MetricIntervalUpperBound: is positive, so another step must have no MetricIntervalUpperBound (AWS)',
      '128:71 Resources.StepPolicy.Properties.StepScalingPolicyConfiguration.StepAdjustments[1].MetricIntervalUpperBound: is positive, so another step must have no MetricIntervalUpperBound (AWS)',
    ]);
  });

  it('requires a ResourceLabel for ALBRequestCountPerTarget, naming a target group of the scaled service', () => {
    const alb = (label: string) =>
      edit(
        EC2,
        'PredefinedMetricType: ECSServiceAverageCPUUtilizationHighResolution',
        `PredefinedMetricType: ALBRequestCountPerTarget${label}`,
      );
    expect(brief(issuesOf(alb('')))).toEqual([
      '117:11 Resources.CpuPolicy.Properties.TargetTrackingScalingPolicyConfiguration.PredefinedMetricSpecification.ResourceLabel: required for ALBRequestCountPerTarget: app/<lb>/<id>/targetgroup/<tg>/<id>, e.g. !Sub ${LB.LoadBalancerFullName}/${TG.TargetGroupFullName}',
    ]);
    const s = load(alb('\n          ResourceLabel: !Sub ${LB.LoadBalancerFullName}/${TG.TargetGroupFullName}'));
    const label = (s.Resources.CpuPolicy!.Properties.TargetTrackingScalingPolicyConfiguration as { PredefinedMetricSpecification: { ResourceLabel: string } })
      .PredefinedMetricSpecification.ResourceLabel;
    expect(label).toBe('app/LB/0000000000000000/targetgroup/TG/0000000000000000');
    expect(resourceLabelTargetGroup(s, label)).toBe('TG');
  });
});
