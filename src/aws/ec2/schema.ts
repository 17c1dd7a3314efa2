/**
 * The EC2 side of ECS on EC2, as CloudFormation writes it: `AWS::EC2::LaunchTemplate`,
 * `AWS::EC2::Subnet` and `AWS::AutoScaling::AutoScalingGroup` (zod schemas for the properties the
 * simulator uses, numbers normalized, other properties passing through), the instance-type
 * check, the zone of each subnet (`zonesOf`), and the checks that span these resources.
 */
import { z } from 'zod';
import { EC2_INSTANCE_TYPE_NAMES } from '../../pricing/data/ec2InstanceTypes';
import { closeMatches } from '../../scenario/closeMatches';
import { bool, duration, num, oneOf, strictObject } from '../../scenario/fields';
import { describeValue } from '../../scenario/issues';
import type { PathSegment } from '../../scenario/positions';
import { resolveResourceRef } from '../../scenario/resourceRef';
import { type CheckContext, type CheckIssue, idsOfType, validOfType } from '../../scenario/resourceCheck';
import type { ResourceModel, Scenario } from '../../scenario/types';

export const LAUNCH_TEMPLATE = 'AWS::EC2::LaunchTemplate';
export const SUBNET = 'AWS::EC2::Subnet';
export const AUTO_SCALING_GROUP = 'AWS::AutoScaling::AutoScalingGroup';

/** The shape of an instance type name: family, a dot, size (`m5.large`, `c7g.2xlarge`). */
export const INSTANCE_TYPE_RE = /^[a-z][a-z0-9-]*\.[a-z0-9]+$/;

/** An availability zone name: region code plus a letter (`us-east-1a`). */
export const ZONE_RE = /^[a-z]{2}(-[a-z]+)+-\d+[a-z]$/;

/**
 * Instance types validation accepts: by default the table in
 * src/pricing/data/ec2InstanceTypes.ts; `undefined` accepts any name of the form family.size.
 */
let knownTypes: readonly string[] | undefined = EC2_INSTANCE_TYPE_NAMES;

/**
 * The hook for the instance-type check: replaces the list of known instance types (e.g. with
 * another region's table); `undefined` accepts any well-formed name. Returns the previous list.
 */
export function setKnownInstanceTypes(names: readonly string[] | undefined): readonly string[] | undefined {
  const previous = knownTypes;
  knownTypes = names;
  return previous;
}

/** The problem with an instance type name, or undefined when it is known (see `setKnownInstanceTypes`). */
export function knownInstanceType(name: string): string | undefined {
  if (!INSTANCE_TYPE_RE.test(name)) return `expected an instance type like m5.large, got ${describeValue(name)}`;
  if (knownTypes === undefined || knownTypes.includes(name)) return undefined;
  const near = closeMatches(name, knownTypes);
  const families = [...new Set(knownTypes.map((t) => t.slice(0, t.indexOf('.'))))];
  const hint = near.length > 0 ? `close matches: ${near.join(', ')}` : `known families: ${families.join(', ')}`;
  return `${describeValue(name)} is not a known instance type; ${hint}`;
}

/** An instance type name checked with `knownInstanceType`. */
export const InstanceTypeSchema = z.string().superRefine((name, ctx) => {
  const problem = knownInstanceType(name);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

export const LaunchTemplatePropertiesSchema = z.looseObject({
  LaunchTemplateName: z.string().optional(),
  LaunchTemplateData: z.looseObject({
    InstanceType: InstanceTypeSchema.optional(),
    ImageId: z.string().optional(),
    InstanceMarketOptions: z
      .looseObject({
        /** `spot`: every instance launched from this template is a Spot Instance. */
        MarketType: oneOf(['spot', 'capacity-block']).optional(),
        SpotOptions: z.looseObject({}).optional(),
      })
      .optional(),
  }),
});

export const SubnetPropertiesSchema = z.looseObject({
  AvailabilityZone: z
    .string()
    .regex(ZONE_RE, { error: (iss) => `expected an availability zone like us-east-1a, got ${describeValue(iss.input)}` })
    .optional(),
  VpcId: z.string().optional(),
  CidrBlock: z.string().optional(),
});

/** `Metadata.clustersim` of a launch template or subnet: nothing. */
export const NoSimSchema = strictObject({});

/** Which launch template an Auto Scaling group uses: by ID or by name, and a version. */
export const LaunchTemplateSpecificationSchema = z
  .looseObject({
    LaunchTemplateId: z.string().optional(),
    LaunchTemplateName: z.string().optional(),
    /** Kept as a string (`"1"`, `$Latest`, `$Default`); the simulator uses the template as written. */
    Version: z.union([z.string(), z.number()]).transform(String).optional(),
  })
  .superRefine((spec, ctx) => {
    if (spec.LaunchTemplateId === undefined && spec.LaunchTemplateName === undefined) {
      ctx.addIssue({ code: 'custom', message: 'required: LaunchTemplateId or LaunchTemplateName (e.g. LaunchTemplateId: !Ref MyLaunchTemplate)' });
    } else if (spec.LaunchTemplateId !== undefined && spec.LaunchTemplateName !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['LaunchTemplateName'], message: 'cannot be given together with LaunchTemplateId: use one' });
    }
  });

const OverrideSchema = z
  .looseObject({
    InstanceType: InstanceTypeSchema.optional(),
    /** Capacity units one instance of this type counts for (CFN writes a string, "1"–"999"). */
    WeightedCapacity: num({ int: true, min: 1, max: 999, unit: 'capacity units' }).optional(),
    LaunchTemplateSpecification: LaunchTemplateSpecificationSchema.optional(),
    InstanceRequirements: z.unknown().optional(),
  })
  .superRefine((o, ctx) => {
    if (o.InstanceType !== undefined) return;
    ctx.addIssue({
      code: 'custom',
      path: ['InstanceType'],
      message:
        o.InstanceRequirements !== undefined
          ? 'required: attribute-based instance selection (InstanceRequirements) is not modelled; list instance types with InstanceType'
          : 'required: an instance type like m5.large',
    });
  });

export const SPOT_ALLOCATION_STRATEGIES = [
  'lowest-price',
  'capacity-optimized',
  'capacity-optimized-prioritized',
  'price-capacity-optimized',
] as const;

export const InstancesDistributionSchema = z.looseObject({
  OnDemandAllocationStrategy: oneOf(['lowest-price', 'prioritized']).default('prioritized'),
  /** On-Demand instances before any Spot (capacity units). */
  OnDemandBaseCapacity: num({ int: true, min: 0, unit: 'capacity units' }).default(0),
  /** Percent On-Demand of the capacity above the base; the rest is Spot. */
  OnDemandPercentageAboveBaseCapacity: num({ int: true, min: 0, max: 100, unit: '%' }).default(100),
  SpotAllocationStrategy: oneOf(SPOT_ALLOCATION_STRATEGIES).default('lowest-price'),
  SpotInstancePools: num({ int: true, min: 1, max: 20 }).default(2),
  SpotMaxPrice: z.string().optional(),
});

export const MixedInstancesPolicySchema = z.looseObject({
  LaunchTemplate: z.looseObject({
    LaunchTemplateSpecification: LaunchTemplateSpecificationSchema,
    Overrides: z.array(OverrideSchema).min(1).max(40).optional(),
  }),
  InstancesDistribution: InstancesDistributionSchema.prefault({}),
});

const capacity = (what: string) => num({ int: true, min: 0, unit: 'instances' }).describe(what);

export const AutoScalingGroupPropertiesSchema = z
  .looseObject({
    AutoScalingGroupName: z.string().optional(),
    MinSize: capacity('Smallest group size'),
    MaxSize: capacity('Largest group size'),
    DesiredCapacity: capacity('Initial group size (default MinSize)').optional(),
    LaunchTemplate: LaunchTemplateSpecificationSchema.optional(),
    MixedInstancesPolicy: MixedInstancesPolicySchema.optional(),
    LaunchConfigurationName: z.string().optional(),
    InstanceId: z.string().optional(),
    /** Subnets (IDs or `!Ref` to AWS::EC2::Subnet); each gives a zone, see `zonesOf`. */
    VPCZoneIdentifier: z.array(z.string()).min(1).optional(),
    AvailabilityZones: z
      .array(z.string().regex(ZONE_RE, { error: (iss) => `expected an availability zone like us-east-1a, got ${describeValue(iss.input)}` }))
      .min(1)
      .optional(),
    NewInstancesProtectedFromScaleIn: bool().default(false),
    CapacityRebalance: bool().default(false),
  })
  .superRefine((g, ctx) => {
    if (g.MaxSize < g.MinSize) {
      ctx.addIssue({ code: 'custom', path: ['MaxSize'], message: `must be ≥ MinSize (${g.MinSize}), got ${g.MaxSize}` });
    }
    if (g.DesiredCapacity !== undefined && (g.DesiredCapacity < g.MinSize || g.DesiredCapacity > g.MaxSize)) {
      ctx.addIssue({
        code: 'custom',
        path: ['DesiredCapacity'],
        message: `must be between MinSize (${g.MinSize}) and MaxSize (${g.MaxSize}), got ${g.DesiredCapacity}`,
      });
    }
    if (g.LaunchTemplate === undefined && g.MixedInstancesPolicy === undefined) {
      const legacy = g.LaunchConfigurationName !== undefined || g.InstanceId !== undefined;
      ctx.addIssue({
        code: 'custom',
        message: `required: LaunchTemplate or MixedInstancesPolicy${legacy ? ' (LaunchConfigurationName and InstanceId are not modelled)' : ''}`,
      });
    } else if (g.LaunchTemplate !== undefined && g.MixedInstancesPolicy !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['MixedInstancesPolicy'], message: 'cannot be given together with LaunchTemplate: use one' });
    }
    if (g.VPCZoneIdentifier === undefined && g.AvailabilityZones === undefined) {
      ctx.addIssue({ code: 'custom', message: 'required: VPCZoneIdentifier (a list of subnets) or AvailabilityZones' });
    }
  });

/** `Metadata.clustersim` of an Auto Scaling group. */
export const AutoScalingGroupSimSchema = strictObject({
  InstanceStartLatency: duration()
    .optional()
    .describe('RunInstances to OS ready for this group (default Settings.Ec2.InstanceStartLatency)'),
});

export type Ec2LaunchTemplateProperties = z.output<typeof LaunchTemplatePropertiesSchema>;
export type Ec2SubnetProperties = z.output<typeof SubnetPropertiesSchema>;
export type LaunchTemplateSpecification = z.output<typeof LaunchTemplateSpecificationSchema>;
export type InstancesDistribution = z.output<typeof InstancesDistributionSchema>;
export type MixedInstancesPolicy = z.output<typeof MixedInstancesPolicySchema>;
export type AutoScalingGroupProperties = z.output<typeof AutoScalingGroupPropertiesSchema>;
export type AutoScalingGroupSim = z.output<typeof AutoScalingGroupSimSchema>;

type ScenarioView = Pick<Scenario, 'Resources' | 'Region'>;

function zoneLetters(index: number): string {
  return index < 26 ? String.fromCharCode(97 + index) : `${zoneLetters(Math.floor(index / 26) - 1)}${String.fromCharCode(97 + (index % 26))}`;
}

/**
 * The zone of each entry of a subnet (or zone) list, in order: a zone name is itself; a subnet
 * that names an `AWS::EC2::Subnet` with `AvailabilityZone` is in that zone; any other subnet
 * stands for its own zone, `<region>a`, `<region>b`, … by its place among the distinct entries.
 */
export function zonesOf(scenario: ScenarioView, subnetsOrZones: unknown[]): string[] {
  const distinct: string[] = [];
  for (const s of subnetsOrZones) {
    const key = String(s);
    if (!distinct.includes(key)) distinct.push(key);
  }
  return subnetsOrZones.map((s) => {
    const key = String(s);
    if (ZONE_RE.test(key)) return key;
    const id = resolveResourceRef(scenario, key, SUBNET);
    const zone = id === undefined ? undefined : (scenario.Resources[id]!.Properties as Ec2SubnetProperties).AvailabilityZone;
    return zone ?? `${scenario.Region}${zoneLetters(distinct.indexOf(key))}`;
  });
}

/** The zones an Auto Scaling group launches into (distinct, in list order). */
export function asgZones(scenario: ScenarioView, asg: ResourceModel): string[] {
  const p = asg.Properties as AutoScalingGroupProperties;
  return [...new Set(zonesOf(scenario, p.VPCZoneIdentifier ?? p.AvailabilityZones ?? []))];
}

/**
 * Every zone the scenario names, sorted: its subnets' zones, its Auto Scaling groups' zones and
 * its ECS services' awsvpc subnets' zones; the region's `a`, `b`, `c` (as `Fn::GetAZs`) when it names none.
 */
export function scenarioZones(scenario: ScenarioView): string[] {
  const zones = new Set<string>();
  for (const r of Object.values(scenario.Resources)) {
    if (r.Type === SUBNET) {
      const z = (r.Properties as Ec2SubnetProperties).AvailabilityZone;
      if (typeof z === 'string') zones.add(z);
    } else if (r.Type === AUTO_SCALING_GROUP) {
      for (const z of asgZones(scenario, r)) zones.add(z);
    } else if (r.Type === 'AWS::ECS::Service') {
      const subnets = (r.Properties as { NetworkConfiguration?: { AwsvpcConfiguration?: { Subnets?: unknown } } }).NetworkConfiguration
        ?.AwsvpcConfiguration?.Subnets;
      if (Array.isArray(subnets)) for (const z of zonesOf(scenario, subnets)) zones.add(z);
    }
  }
  if (zones.size === 0) for (const l of ['a', 'b', 'c']) zones.add(`${scenario.Region}${l}`);
  return [...zones].sort();
}

/** The logical ID of the launch template a specification names, or undefined. */
export function launchTemplateId(scenario: ScenarioView, spec: LaunchTemplateSpecification): string | undefined {
  // `!GetAtt LT.LaunchTemplateId` resolves to the placeholder `<name>.LaunchTemplateId`.
  const value = (spec.LaunchTemplateId ?? spec.LaunchTemplateName)?.replace(/\.LaunchTemplateId$/, '');
  return resolveResourceRef(scenario, value, LAUNCH_TEMPLATE);
}

/** The launch template an Auto Scaling group launches from (its MixedInstancesPolicy's, if any). */
export function asgLaunchTemplate(scenario: ScenarioView, asg: ResourceModel): ResourceModel | undefined {
  const p = asg.Properties as AutoScalingGroupProperties;
  const spec = p.MixedInstancesPolicy?.LaunchTemplate.LaunchTemplateSpecification ?? p.LaunchTemplate;
  const id = spec === undefined ? undefined : launchTemplateId(scenario, spec);
  return id === undefined ? undefined : scenario.Resources[id];
}

/** One instance type an Auto Scaling group may launch and the capacity units it counts for. */
export interface AsgInstanceType {
  InstanceType: string;
  WeightedCapacity: number;
}

/** The instance types an Auto Scaling group may launch, in priority order: its Overrides, else its launch template's type. */
export function asgInstanceTypes(scenario: ScenarioView, asg: ResourceModel): AsgInstanceType[] {
  const p = asg.Properties as AutoScalingGroupProperties;
  const overrides = p.MixedInstancesPolicy?.LaunchTemplate.Overrides;
  if (overrides !== undefined) {
    return overrides.map((o) => ({ InstanceType: o.InstanceType!, WeightedCapacity: o.WeightedCapacity ?? 1 }));
  }
  const lt = asgLaunchTemplate(scenario, asg);
  const type = lt === undefined ? undefined : (lt.Properties as Ec2LaunchTemplateProperties).LaunchTemplateData.InstanceType;
  return type === undefined ? [] : [{ InstanceType: type, WeightedCapacity: 1 }];
}

/** Whether every instance of the group is Spot: its launch template says `MarketType: spot` (and no MixedInstancesPolicy). */
export function isSpotLaunchTemplate(lt: ResourceModel | undefined): boolean {
  return (lt?.Properties as Ec2LaunchTemplateProperties | undefined)?.LaunchTemplateData.InstanceMarketOptions?.MarketType === 'spot';
}

/**
 * Checks across EC2 resources: an Auto Scaling group's launch template exists and gives an
 * instance type, a mixed-instances launch template has no Spot market options (AWS rejects
 * them), and subnets and zones are in the scenario's Region.
 */
export function checkEc2Resources(ctx: CheckContext): CheckIssue[] {
  const out: CheckIssue[] = [];
  const region = ctx.scenario.Region;
  const zoneIssue = (zone: string, path: PathSegment[]) => {
    if (!zone.startsWith(region) || !ZONE_RE.test(zone) || zone.length !== region.length + 1) {
      out.push({ path, message: `${describeValue(zone)} is not a zone of the scenario's Region ${region} (zones look like ${region}a)` });
    }
  };
  for (const subnet of validOfType(ctx, SUBNET)) {
    const zone = (subnet.Properties as Ec2SubnetProperties).AvailabilityZone;
    if (zone !== undefined) zoneIssue(zone, [subnet.LogicalId, 'Properties', 'AvailabilityZone']);
  }
  for (const asg of validOfType(ctx, AUTO_SCALING_GROUP)) {
    const p = asg.Properties as AutoScalingGroupProperties;
    const at = (...rest: PathSegment[]): PathSegment[] => [asg.LogicalId, 'Properties', ...rest];
    p.AvailabilityZones?.forEach((zone, i) => {
      zoneIssue(zone, at('AvailabilityZones', i));
    });
    const mixed = p.MixedInstancesPolicy;
    const spec = mixed?.LaunchTemplate.LaunchTemplateSpecification ?? p.LaunchTemplate;
    if (spec === undefined) continue;
    const specPath = mixed ? at('MixedInstancesPolicy', 'LaunchTemplate', 'LaunchTemplateSpecification') : at('LaunchTemplate');
    const ltId = launchTemplateId(ctx.scenario, spec);
    if (ltId === undefined) {
      const key = spec.LaunchTemplateId !== undefined ? 'LaunchTemplateId' : 'LaunchTemplateName';
      const known = idsOfType(ctx, LAUNCH_TEMPLATE);
      out.push({
        path: [...specPath, key],
        message: `${describeValue(spec[key])} is not a launch template in this scenario; launch templates: ${known.join(', ') || '(none)'}`,
      });
      continue;
    }
    if (ctx.invalid.has(ltId)) continue;
    const lt = ctx.scenario.Resources[ltId]!;
    const data = (lt.Properties as Ec2LaunchTemplateProperties).LaunchTemplateData;
    if (mixed && data.InstanceMarketOptions !== undefined) {
      out.push({
        path: specPath,
        message: `launch template ${ltId} sets InstanceMarketOptions, which a MixedInstancesPolicy does not allow (AWS rejects it): set Spot with InstancesDistribution instead`,
      });
    }
    mixed?.LaunchTemplate.Overrides?.forEach((o, i) => {
      if (o.LaunchTemplateSpecification !== undefined && launchTemplateId(ctx.scenario, o.LaunchTemplateSpecification) === undefined) {
        out.push({
          path: at('MixedInstancesPolicy', 'LaunchTemplate', 'Overrides', i, 'LaunchTemplateSpecification'),
          message: `names no launch template in this scenario; launch templates: ${idsOfType(ctx, LAUNCH_TEMPLATE).join(', ') || '(none)'}`,
        });
      }
    });
    if (mixed?.LaunchTemplate.Overrides === undefined && data.InstanceType === undefined) {
      out.push({
        path: specPath,
        message: `no instance type: launch template ${ltId} sets no LaunchTemplateData.InstanceType${mixed ? ' and MixedInstancesPolicy.LaunchTemplate lists no Overrides' : ''}`,
      });
    }
  }
  return out;
}
