/**
 * What-if knobs: values a user turns in the app, applied before the Simulation is built.
 *
 * Resource knobs become one more variant: the chosen variant's overrides plus the knobs'
 * `"<path>": value` overrides, added to the parsed YAML document as a variant of its own, so the
 * scenario layer validates a knob's result exactly like a variant written in the file. The load
 * multiplier scales the validated workload's rates (a number the scenario layer has no path for
 * when a workload uses several patterns).
 */
import { type Document, isMap, type Pair, type Scalar, visit, type YAMLMap } from 'yaml';
import type { Scenario } from '../scenario';
import { parseScenarioYaml } from '../scenario/yamlTags';
import type { ArrivalPattern } from '../workload';

export type LaunchKnob = 'FARGATE' | 'FARGATE_SPOT' | 'EC2';

/** Knob values; an absent key leaves the scenario as written. */
export interface Knobs {
  /** Multiplies every workload's arrival rate. */
  load?: number;
  /** Runs every ECS service on this capacity. */
  launch?: LaunchKnob;
  /** Instance type of every launch template and mixed-instances override. */
  instanceType?: string;
  /** TargetCapacity (%) of every capacity provider's managed scaling. */
  cpTarget?: number;
  /** MemorySize (MB) of every Lambda function. */
  lambdaMemory?: number;
  /** Provisioned concurrency of every function alias (0 removes it). */
  provisioned?: number;
  /** MaxLifetime of every function, hours: Lambda recycles an environment that old (AWS: "every few hours"); 0: never. */
  lambdaRecycleHours?: number;
  /** MinCapacity (ACUs) of every Aurora Serverless v2 cluster (0 allows auto-pause). */
  auroraMin?: number;
  /** MaxCapacity (ACUs) of every Aurora Serverless v2 cluster. */
  auroraMax?: number;
}

export const KNOB_KEYS = ['load', 'launch', 'instanceType', 'cpTarget', 'lambdaMemory', 'provisioned', 'lambdaRecycleHours', 'auroraMin', 'auroraMax'] as const;
const NUMERIC_KNOBS = ['load', 'cpTarget', 'lambdaMemory', 'provisioned', 'lambdaRecycleHours', 'auroraMin', 'auroraMax'] as const;

/** Instance types offered by the knob (x86, so task definitions built for X86_64 still place). */
export const INSTANCE_TYPE_CHOICES = ['t3.medium', 'm5.large', 'm5.xlarge', 'm5.2xlarge', 'm6i.large', 'm6i.xlarge', 'c5.large', 'c5.xlarge', 'r5.large'];

/** Which knobs make sense for a scenario (what it contains). */
export interface KnobAvailability {
  ecs: boolean;
  ec2: boolean;
  capacityProvider: boolean;
  lambda: boolean;
  alias: boolean;
  /** An Aurora Serverless v2 cluster (the min/max ACU knobs). */
  aurora: boolean;
}

export function knobAvailability(s: Scenario): KnobAvailability {
  const types = Object.values(s.Resources).map((r) => r.Type);
  const has = (t: string) => types.includes(t);
  const sam = Object.values(s.Resources).some((r) => r.Type === 'AWS::Serverless::Function' && r.Properties.AutoPublishAlias !== undefined);
  return {
    ecs: has('AWS::ECS::Service'),
    ec2: has('AWS::AutoScaling::AutoScalingGroup'),
    capacityProvider: has('AWS::ECS::CapacityProvider'),
    lambda: has('AWS::Lambda::Function') || has('AWS::Serverless::Function'),
    alias: has('AWS::Lambda::Alias') || sam,
    aurora: auroraV2Clusters(s).length > 0,
  };
}

/** Aurora clusters the ACU knobs apply to: every DBCluster that is not Serverless v1 (`EngineMode: serverless`). */
function auroraV2Clusters(s: Scenario): string[] {
  return Object.values(s.Resources)
    .filter((r) => r.Type === 'AWS::RDS::DBCluster' && r.Properties.EngineMode !== 'serverless')
    .map((r) => r.LogicalId);
}

/** True when any resource knob is set (the load multiplier needs no document edit). */
export function hasResourceKnobs(k: Knobs): boolean {
  return (
    k.launch !== undefined ||
    k.instanceType !== undefined ||
    k.cpTarget !== undefined ||
    k.lambdaMemory !== undefined ||
    k.provisioned !== undefined ||
    k.lambdaRecycleHours !== undefined ||
    k.auroraMin !== undefined ||
    k.auroraMax !== undefined
  );
}

/** The `"<path>": value` overrides the resource knobs stand for, given the scenario (as loaded without knobs). */
export function knobOverrides(s: Scenario, k: Knobs): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const of = (type: string) => Object.values(s.Resources).filter((r) => r.Type === type);
  if (k.launch !== undefined) {
    const cps = of('AWS::ECS::CapacityProvider');
    for (const svc of of('AWS::ECS::Service')) {
      const id = svc.LogicalId;
      out[`${id}.Properties.LaunchType`] = null;
      if (k.launch === 'EC2') {
        const cp = cps[0];
        out[`${id}.Properties.CapacityProviderStrategy`] = cp ? [{ CapacityProvider: { Ref: cp.LogicalId }, Weight: 1 }] : null;
        if (!cp) out[`${id}.Properties.LaunchType`] = 'EC2';
      } else {
        out[`${id}.Properties.CapacityProviderStrategy`] = [{ CapacityProvider: k.launch, Weight: 1 }];
        out[`${id}.Properties.PlacementStrategies`] = null;
        out[`${id}.Properties.PlacementConstraints`] = null;
      }
    }
    if (k.launch !== 'EC2') {
      // No instances to pay for when every service runs on Fargate.
      for (const asg of of('AWS::AutoScaling::AutoScalingGroup')) {
        out[`${asg.LogicalId}.Properties.DesiredCapacity`] = '0';
        out[`${asg.LogicalId}.Properties.MinSize`] = '0';
      }
      for (const td of of('AWS::ECS::TaskDefinition')) {
        out[`${td.LogicalId}.Properties.RequiresCompatibilities`] = ['FARGATE', 'EC2'];
        out[`${td.LogicalId}.Properties.NetworkMode`] = 'awsvpc';
      }
    }
  }
  if (k.instanceType !== undefined) {
    for (const lt of of('AWS::EC2::LaunchTemplate')) out[`${lt.LogicalId}.Properties.LaunchTemplateData.InstanceType`] = k.instanceType;
    for (const asg of of('AWS::AutoScaling::AutoScalingGroup')) {
      if (asg.Properties.MixedInstancesPolicy !== undefined) {
        out[`${asg.LogicalId}.Properties.MixedInstancesPolicy.LaunchTemplate.Overrides`] = [{ InstanceType: k.instanceType }];
      }
    }
  }
  if (k.cpTarget !== undefined) {
    for (const cp of of('AWS::ECS::CapacityProvider')) {
      out[`${cp.LogicalId}.Properties.AutoScalingGroupProvider.ManagedScaling.TargetCapacity`] = k.cpTarget;
    }
  }
  if (k.lambdaMemory !== undefined) {
    for (const fn of [...of('AWS::Lambda::Function'), ...of('AWS::Serverless::Function')]) out[`${fn.LogicalId}.Properties.MemorySize`] = k.lambdaMemory;
  }
  if (k.provisioned !== undefined) {
    const config = k.provisioned > 0 ? { ProvisionedConcurrentExecutions: k.provisioned } : null;
    for (const alias of of('AWS::Lambda::Alias')) out[`${alias.LogicalId}.Properties.ProvisionedConcurrencyConfig`] = config;
    for (const fn of of('AWS::Serverless::Function')) {
      if (fn.Properties.AutoPublishAlias !== undefined) out[`${fn.LogicalId}.Properties.ProvisionedConcurrencyConfig`] = config;
    }
  }
  if (k.lambdaRecycleHours !== undefined) {
    for (const fn of [...of('AWS::Lambda::Function'), ...of('AWS::Serverless::Function')]) {
      // 0: never. Else in seconds (a plain number): any positive value reads as a duration, and
      // the scenario layer reports one out of range (or negative) as such.
      out[`${fn.LogicalId}.Metadata.clustersim.MaxLifetime`] = k.lambdaRecycleHours === 0 ? 'never' : Math.round(k.lambdaRecycleHours * 3600 * 1000) / 1000;
    }
  }
  for (const id of auroraV2Clusters(s)) {
    if (k.auroraMin !== undefined) out[`${id}.Properties.ServerlessV2ScalingConfiguration.MinCapacity`] = k.auroraMin;
    if (k.auroraMax !== undefined) out[`${id}.Properties.ServerlessV2ScalingConfiguration.MaxCapacity`] = k.auroraMax;
  }
  return out;
}

/** The variant name the knobs are loaded as. */
export const KNOB_VARIANT = 'what-if';

/**
 * The scenario text with one more variant, `what-if`: the overrides of `variant` (unless `base`)
 * followed by `overrides` (a knob wins over the variant on the same path).
 */
export function withKnobVariant(text: string, variant: string, overrides: Record<string, unknown>): string {
  const { doc } = parseScenarioYaml(text);
  const merged = doc.createNode(overrides) as YAMLMap;
  if (variant !== 'base') {
    const chosen = doc.getIn(['Variants', variant], true);
    if (isMap(chosen)) {
      for (const pair of chosen.items as Pair[]) {
        const key = String((pair.key as Scalar | null)?.value ?? pair.key);
        if (!Object.hasOwn(overrides, key)) merged.items.unshift(pair);
      }
    }
  }
  if (!isMap(doc.get('Variants', true))) doc.set('Variants', doc.createNode({}));
  doc.setIn(['Variants', KNOB_VARIANT], merged);
  restoreTagSources(doc);
  return doc.toString({ lineWidth: 0 });
}

/** CloudFormation scalar tags hold their long form as the value; write them back as their source text. */
function restoreTagSources(doc: Document): void {
  visit(doc, {
    Scalar(_key, node) {
      if (node.tag !== undefined && node.value !== null && typeof node.value === 'object' && typeof node.source === 'string') node.value = node.source;
    },
  });
}

/** Multiplies every workload's arrival rates by `factor` (in place). */
export function scaleLoad(s: Scenario, factor: number): void {
  if (factor === 1) return;
  for (const w of s.Workload) scalePattern(w.Arrivals, factor);
}

function scalePattern(a: ArrivalPattern, f: number): void {
  switch (a.Pattern) {
    case 'constant':
      a.Rate *= f;
      break;
    case 'ramp':
      a.From *= f;
      a.To *= f;
      break;
    case 'steps':
      for (const s of a.Steps) s.Rate *= f;
      break;
    case 'diurnal':
      a.Trough *= f;
      a.Peak *= f;
      break;
    case 'spike':
      a.Base *= f;
      a.Peak *= f;
      break;
    case 'trace':
      a.Counts = a.Counts.map((c) => Math.round(c * f));
      break;
  }
}

/** Knobs as a compact string for the URL (`load:1.5,launch:FARGATE`). */
export function encodeKnobs(k: Knobs): string {
  return KNOB_KEYS.filter((key) => k[key] !== undefined)
    .map((key) => `${key}:${k[key]}`)
    .join(',');
}

export function decodeKnobs(text: string): Knobs {
  const k: Knobs = {};
  for (const part of text.split(',')) {
    const [key, value] = part.split(':');
    if (value === undefined || value === '') continue;
    if (key === 'launch' && (value === 'FARGATE' || value === 'FARGATE_SPOT' || value === 'EC2')) k.launch = value;
    else if (key === 'instanceType') k.instanceType = value;
    else if ((NUMERIC_KNOBS as readonly string[]).includes(key ?? '')) {
      const n = Number(value);
      if (Number.isFinite(n)) k[key as (typeof NUMERIC_KNOBS)[number]] = n;
    }
  }
  return k;
}
