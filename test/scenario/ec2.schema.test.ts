import { afterEach, describe, expect, it } from 'vitest';
import { asgInstanceTypes, asgLaunchTemplate, scenarioZones, setKnownInstanceTypes, zonesOf } from '../../src/aws/ec2/schema';
import { EC2_INSTANCE_TYPE_NAMES } from '../../src/pricing/data/ec2InstanceTypes';
import type { ResourceModel } from '../../src/scenario';
import { brief, EC2, edit, issuesOf, load } from './helpers';

afterEach(() => {
  setKnownInstanceTypes(EC2_INSTANCE_TYPE_NAMES);
});

describe('AWS::AutoScaling::AutoScalingGroup, AWS::EC2::LaunchTemplate and AWS::EC2::Subnet', () => {
  it('loads as modelled types with CloudFormation strings normalized to numbers and booleans', () => {
    const s = load(EC2);
    expect(s.Unmodeled).toEqual([]);
    const asg = s.Resources.Asg!;
    expect(asg.Properties).toMatchObject({ MinSize: 1, MaxSize: 10, DesiredCapacity: 2, NewInstancesProtectedFromScaleIn: true, CapacityRebalance: false });
    expect(asg.Properties.LaunchTemplate).toEqual({ LaunchTemplateId: 'LT', Version: 'LT.LatestVersionNumber' });
    expect(asg.Sim).toEqual({ InstanceStartLatency: 30_000 });
    expect(asgLaunchTemplate(s, asg)?.LogicalId).toBe('LT');
    expect(asgInstanceTypes(s, asg)).toEqual([{ InstanceType: 'm5.large', WeightedCapacity: 1 }]);
    expect(s.Resources.SubnetB!.Properties).toEqual({ AvailabilityZone: 'us-east-1b' });
  });

  it('reads a MixedInstancesPolicy with AWS defaults for its InstancesDistribution', () => {
    const text = edit(
      EC2,
      "      LaunchTemplate:\n        LaunchTemplateId: !Ref LT\n        Version: !GetAtt LT.LatestVersionNumber\n",
      "      MixedInstancesPolicy:\n        LaunchTemplate:\n          LaunchTemplateSpecification: { LaunchTemplateName: LT, Version: 1 }\n          Overrides: [{ InstanceType: m5.large }, { InstanceType: m5.xlarge, WeightedCapacity: '2' }]\n        InstancesDistribution: { OnDemandPercentageAboveBaseCapacity: '25' }\n",
    );
    const s = load(text);
    const asg = s.Resources.Asg!;
    expect((asg.Properties.MixedInstancesPolicy as { InstancesDistribution: unknown }).InstancesDistribution).toEqual({
      OnDemandAllocationStrategy: 'prioritized',
      OnDemandBaseCapacity: 0,
      OnDemandPercentageAboveBaseCapacity: 25,
      SpotAllocationStrategy: 'lowest-price',
      SpotInstancePools: 2,
    });
    expect(asgInstanceTypes(s, asg)).toEqual([
      { InstanceType: 'm5.large', WeightedCapacity: 1 },
      { InstanceType: 'm5.xlarge', WeightedCapacity: 2 },
    ]);
  });

  it('requires MinSize ≤ DesiredCapacity ≤ MaxSize', () => {
    expect(brief(issuesOf(edit(EC2, "MaxSize: '10'", "MaxSize: '0'")))).toEqual([
      '28:16 Resources.Asg.Properties.MaxSize: must be ≥ MinSize (1), got 0',
      '29:24 Resources.Asg.Properties.DesiredCapacity: must be between MinSize (1) and MaxSize (0), got 2',
    ]);
  });

  it('requires exactly one of LaunchTemplate and MixedInstancesPolicy', () => {
    const none = edit(EC2, '      LaunchTemplate:\n        LaunchTemplateId: !Ref LT\n        Version: !GetAtt LT.LatestVersionNumber\n', '');
    expect(brief(issuesOf(none))).toEqual(['27:7 Resources.Asg.Properties: required: LaunchTemplate or MixedInstancesPolicy']);
    const both = edit(EC2, "      VPCZoneIdentifier:", "      MixedInstancesPolicy: { LaunchTemplate: { LaunchTemplateSpecification: { LaunchTemplateId: !Ref LT } } }\n      VPCZoneIdentifier:");
    expect(brief(issuesOf(both))).toEqual(['33:29 Resources.Asg.Properties.MixedInstancesPolicy: cannot be given together with LaunchTemplate: use one']);
  });

  it('rejects an unknown instance type, listing close matches from the instance type table', () => {
    expect(brief(issuesOf(edit(EC2, 'InstanceType: m5.large', 'InstanceType: m5.lrge')))).toEqual([
      '20:23 Resources.LT.Properties.LaunchTemplateData.InstanceType: "m5.lrge" is not a known instance type; close matches: m5.large, m5.xlarge, c5.large, r5.large, t3.large',
    ]);
  });

  it('takes its list of known instance types from an injectable hook', () => {
    setKnownInstanceTypes(undefined);
    expect(load(edit(EC2, 'InstanceType: m5.large', 'InstanceType: x9z.huge')).Resources.LT!.Properties).toMatchObject({
      LaunchTemplateData: { InstanceType: 'x9z.huge' },
    });
    expect(brief(issuesOf(edit(EC2, 'InstanceType: m5.large', 'InstanceType: m5large')))).toEqual([
      '20:23 Resources.LT.Properties.LaunchTemplateData.InstanceType: expected an instance type like m5.large, got "m5large"',
    ]);
  });

  it('requires the launch template to be in the scenario', () => {
    expect(brief(issuesOf(edit(EC2, 'LaunchTemplateId: !Ref LT', 'LaunchTemplateId: lt-0abc')))).toEqual([
      '31:27 Resources.Asg.Properties.LaunchTemplate.LaunchTemplateId: "lt-0abc" is not a launch template in this scenario; launch templates: LT',
    ]);
  });

  it("rejects a subnet outside the scenario's Region", () => {
    expect(brief(issuesOf(edit(EC2, "AvailabilityZone: !Select [0, !GetAZs '']", 'AvailabilityZone: us-west-2a')))).toEqual([
      `11:25 Resources.SubnetA.Properties.AvailabilityZone: "us-west-2a" is not a zone of the scenario's Region us-east-1 (zones look like us-east-1a)`,
    ]);
  });
});

describe('zonesOf', () => {
  const subnet = (id: string, zone?: string): ResourceModel => ({
    LogicalId: id,
    Type: 'AWS::EC2::Subnet',
    PhysicalName: id,
    Properties: zone === undefined ? {} : { AvailabilityZone: zone },
    Sim: {},
  });
  const scenario = { Region: 'eu-west-1', Resources: { A: subnet('A', 'eu-west-1c'), B: subnet('B') } };

  it('gives a subnet resource its AvailabilityZone', () => {
    expect(zonesOf(scenario, ['A'])).toEqual(['eu-west-1c']);
  });

  it('gives every other distinct subnet its own zone, a, b, c … in list order', () => {
    expect(zonesOf(scenario, ['subnet-1', 'B', 'subnet-1', 'subnet-2'])).toEqual(['eu-west-1a', 'eu-west-1b', 'eu-west-1a', 'eu-west-1c']);
  });

  it('keeps zone names as they are', () => {
    expect(zonesOf(scenario, ['eu-west-1b', 'A'])).toEqual(['eu-west-1b', 'eu-west-1c']);
  });

  it("collects the scenario's zones from subnets, groups and services", () => {
    expect(scenarioZones(load(EC2))).toEqual(['us-east-1a', 'us-east-1b']);
    expect(scenarioZones(scenario)).toEqual(['eu-west-1c']);
    expect(scenarioZones({ Region: 'eu-west-1', Resources: {} })).toEqual(['eu-west-1a', 'eu-west-1b', 'eu-west-1c']);
  });
});
