import { describe, expect, it } from 'vitest';
import { clusterCapacity, isFargateCapacity, serviceCapacity } from '../../src/aws/ecs/schema';
import { analyzeScenarioText } from '../../src/scenario';
import { brief, EC2, edit, issuesOf, load, WEB } from './helpers';

describe('ECS on EC2: capacity providers, associations and services', () => {
  it('loads with AWS defaults for managed scaling, draining and deployments', () => {
    const s = load(EC2);
    expect(s.Resources.CP!.Properties.AutoScalingGroupProvider).toEqual({
      AutoScalingGroupArn: 'Asg',
      ManagedScaling: { Status: 'ENABLED', TargetCapacity: 90, MinimumScalingStepSize: 1, MaximumScalingStepSize: 10_000, InstanceWarmupPeriod: 300 },
      ManagedTerminationProtection: 'ENABLED',
      ManagedDraining: 'ENABLED',
    });
    expect(s.Resources.Svc!.Properties).toMatchObject({
      DeploymentConfiguration: { MinimumHealthyPercent: 100, MaximumPercent: 200 },
      HealthCheckGracePeriodSeconds: 0,
      SchedulingStrategy: 'REPLICA',
      CapacityProviderStrategy: [{ CapacityProvider: 'CP', Weight: 1, Base: 1 }],
    });
    expect(clusterCapacity(s, 'Cluster')).toEqual({
      CapacityProviders: ['CP', 'FARGATE'],
      DefaultCapacityProviderStrategy: [{ CapacityProvider: 'CP', Weight: 1, Base: 0 }],
    });
  });

  it('sizes an EC2 task definition without task-level Cpu/Memory from its containers (MemoryReservation before Memory)', () => {
    const td = load(EC2).Resources.Task!;
    expect(td.Properties).toMatchObject({ Cpu: 768, Memory: 1280 });
    expect(td.Sim).toEqual({ ImageSizeMiB: 250, CachedImagePull: 2000, MemoryBaselinePercent: 40, MemoryPerRequestMiB: 2 });
  });

  it("gives a service without LaunchType or strategy its cluster's default strategy", () => {
    const s = load(edit(EC2, '      CapacityProviderStrategy:\n        - CapacityProvider: !Ref CP\n          Weight: 1\n          Base: 1\n', ''));
    const capacity = serviceCapacity(s, s.Resources.Svc!);
    expect(capacity).toEqual({ kind: 'strategy', From: 'cluster', Strategy: [{ CapacityProvider: 'CP', Weight: 1, Base: 0 }] });
    expect(isFargateCapacity(capacity)).toBe(false);
  });

  it('turns managed scaling off when ManagedScaling is absent, and warns that termination protection then does nothing', () => {
    const r = analyzeScenarioText(edit(EC2, '        ManagedScaling:\n          TargetCapacity: 90\n', ''), 'scenario.yaml');
    expect(r.issues).toEqual([]);
    expect(r.scenario!.Resources.CP!.Properties.AutoScalingGroupProvider).toMatchObject({ ManagedScaling: { Status: 'DISABLED' } });
    expect(r.warnings).toEqual([
      'Resources.CP.Properties.AutoScalingGroupProvider.ManagedTerminationProtection: ENABLED without managed scaling (ManagedScaling.Status ENABLED) does nothing on AWS',
    ]);
  });

  it("requires a capacity provider's Auto Scaling group to exist", () => {
    expect(brief(issuesOf(edit(EC2, 'AutoScalingGroupArn: !Ref Asg', 'AutoScalingGroupArn: nope')))).toEqual([
      '39:30 Resources.CP.Properties.AutoScalingGroupProvider.AutoScalingGroupArn: "nope" is not an Auto Scaling group in this scenario; AWS::AutoScaling::AutoScalingGroup: Asg',
    ]);
  });

  it("requires a service's capacity provider to be associated with its cluster", () => {
    const text = edit(EC2, 'CapacityProviders: [!Ref CP, FARGATE]', 'CapacityProviders: [FARGATE]');
    expect(brief(issuesOf(text))).toEqual([
      `49:36 Resources.Assoc.Properties.DefaultCapacityProviderStrategy[0].CapacityProvider: "CP" is not in the association's CapacityProviders (FARGATE); a default strategy may use only those`,
      '72:34 Resources.Svc.Properties.CapacityProviderStrategy[0].CapacityProvider: capacity provider "CP" is not associated with Cluster; associate it (the cluster\'s CapacityProviders or an AWS::ECS::ClusterCapacityProviderAssociations); associated: FARGATE',
    ]);
  });

  it('allows one Base per strategy and no mixing of Fargate and Auto Scaling group providers, as AWS', () => {
    const text = edit(EC2, '          Base: 1\n', '          Base: 1\n        - { CapacityProvider: FARGATE, Base: 2 }\n');
    expect(brief(issuesOf(text))).toEqual([
      '75:46 Resources.Svc.Properties.CapacityProviderStrategy[1].Base: only one capacity provider in a strategy may have a Base (AWS); CP already has Base 1',
      '72:9 Resources.Svc.Properties.CapacityProviderStrategy: cannot mix FARGATE/FARGATE_SPOT with Auto Scaling group capacity providers in one strategy (AWS rejects it)',
    ]);
  });

  it('rejects LaunchType together with CapacityProviderStrategy', () => {
    expect(brief(issuesOf(edit(EC2, '      DesiredCount: 2\n', '      LaunchType: EC2\n')))).toEqual([
      '72:9 Resources.Svc.Properties.CapacityProviderStrategy: cannot be given together with LaunchType: use one or the other',
    ]);
  });

  it('checks placement strategy fields and constraint expressions', () => {
    const text = edit(
      edit(EC2, '{ Type: binpack, Field: memory }', '{ Type: binpack, Field: disk }'),
      '{ Type: distinctInstance }',
      '{ Type: memberOf }',
    );
    expect(brief(issuesOf(text))).toEqual([
      '77:35 Resources.Svc.Properties.PlacementStrategies[1].Field: must be one of cpu, memory for binpack; got "disk"',
      '79:11 Resources.Svc.Properties.PlacementConstraints[0].Expression: required for memberOf: a cluster query, e.g. attribute:ecs.instance-type =~ t3.*',
    ]);
    expect(brief(issuesOf(edit(EC2, '{ Type: binpack, Field: memory }', '{ Type: random, Field: cpu }')))).toEqual([
      '77:34 Resources.Svc.Properties.PlacementStrategies[1].Field: random takes no Field; remove it',
    ]);
  });

  it('requires memory for an EC2 task from the task or every container, as AWS does', () => {
    expect(brief(issuesOf(edit(EC2, '          Memory: 1024\n', '          Essential: true\n')))).toEqual([
      '56:11 Resources.Task.Properties.ContainerDefinitions[0]: required when the task sets no Memory: Memory or MemoryReservation (MiB), as AWS requires for EC2',
    ]);
  });

  it('requires a Fargate-compatible task definition for a Fargate service', () => {
    const text = edit(WEB, 'RequiresCompatibilities: [FARGATE]', 'RequiresCompatibilities: [EC2]');
    expect(brief(issuesOf(text))).toEqual([
      '17:28 Resources.WebService.Properties.TaskDefinition: WebTask is not Fargate-compatible (RequiresCompatibilities: EC2), but this service runs on Fargate: add FARGATE',
    ]);
  });

  it("checks a service's load balancers: target group type, container name, one service per target group", () => {
    const wrong = edit(edit(EC2, 'ContainerName: web', 'ContainerName: app'), '      Protocol: HTTP\n      TargetGroupAttributes', '      Protocol: HTTP\n      TargetType: ip\n      TargetGroupAttributes');
    expect(brief(issuesOf(wrong))).toEqual([
      '81:53 Resources.Svc.Properties.LoadBalancers[0].ContainerName: "app" is not a container of Task; containers: web, sidecar',
      '81:34 Resources.Svc.Properties.LoadBalancers[0].TargetGroupArn: target group TG has TargetType ip; bridge-mode tasks register by instance: it needs TargetType instance',
    ]);
    const twice = edit(
      EC2,
      '  LB:\n',
      '  Svc2:\n    Type: AWS::ECS::Service\n    Properties:\n      Cluster: !Ref Cluster\n      TaskDefinition: !Ref Task\n      LoadBalancers: [{ TargetGroupArn: !Ref TG, ContainerName: web, ContainerPort: 80 }]\n  LB:\n',
    );
    expect(brief(issuesOf(twice))).toEqual([
      '87:46 Resources.Svc2.Properties.LoadBalancers[0].TargetGroupArn: target group TG is already used by service Svc; a target group serves one service',
    ]);
  });
});
