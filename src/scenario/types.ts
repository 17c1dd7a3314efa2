/**
 * The scenario as the simulator sees it, after parsing, parameter/condition/intrinsic resolution,
 * variant overrides and validation. Produced by `loadScenario` (src/scenario/index.ts).
 */
import type { WorkloadSpec } from '../workload/types';

/** A position in a source file (1-based line and column). */
export interface SourcePosition {
  file: string;
  line: number;
  column: number;
}

/** One validation problem: where, which field, what is wrong and what is allowed. */
export interface ScenarioIssue extends SourcePosition {
  /** Dotted path of the field, e.g. `Resources.WebTask.Properties.Memory` or `Workload[0].Arrivals.Rate`. */
  path: string;
  message: string;
}

/** A resource kept from the template. `Properties` have intrinsics resolved and are validated for modelled types. */
export interface ResourceModel {
  LogicalId: string;
  Type: string;
  /** Physical name: the resource's name property if set (ClusterName, Family, FunctionName, ...), else the logical ID. */
  PhysicalName: string;
  Properties: Record<string, unknown>;
  /** `Metadata.clustersim`: simulator-only knobs (validated per type). */
  Sim: Record<string, unknown>;
}

export interface Scenario {
  /** Absolute path of the scenario file. */
  file: string;
  Name: string;
  Description: string;
  Seed: number;
  /** Start instant, epoch ms (UTC). */
  StartMs: number;
  DurationMs: number;
  TickMs: number;
  Region: string;
  /** Account- and model-level settings (validated; later issues add keys). */
  Settings: Record<string, unknown>;
  /** `SavingsPlan`: discounts off On-Demand, percent (set by the loader; optional for hand-built scenarios). */
  Pricing: { FreeTier: boolean; SavingsPlan?: { Ec2: number; Fargate: number; Lambda: number } };
  /** Resources whose Condition holds, keyed by logical ID. */
  Resources: Record<string, ResourceModel>;
  Workload: WorkloadSpec[];
  /** Name of the variant applied (`base` when none). */
  Variant: string;
  /** All variant names, `base` first. */
  VariantNames: string[];
  /** Resource types kept but not modelled: reported in one warning. */
  Unmodeled: { LogicalId: string; Type: string }[];
  /** Injected failures, in file order (the loader always sets it; `[]` when none). */
  Faults?: FaultSpec[];
  /** Service deployments (task definition changes), in file order (the loader always sets it; `[]` when none). */
  Deployments?: DeploymentSpec[];
}

export type FaultKind = 'instance-failure' | 'az-outage' | 'spot-interruption';

/** One injected failure. */
export interface FaultSpec {
  /** When, ms since Start (before Duration). */
  At: number;
  Kind: FaultKind;
  /**
   * Logical ID of the AWS::AutoScaling::AutoScalingGroup or AWS::ECS::Service hit
   * (instance-failure, spot-interruption). Filled in with the only Auto Scaling group when the
   * file gives none; absent for az-outage.
   */
  Target?: string;
  /** The zone: required for az-outage; for the other kinds, limits the fault to that zone. */
  Zone?: string;
  /** Instances (or Spot tasks) hit; default 1. Not used by az-outage. */
  Count: number;
  /** az-outage only: how long the zone is down, ms; absent = until the end. */
  For?: number;
}

/** A deployment: at `At`, the service starts rolling to another task definition. */
export interface DeploymentSpec {
  /** When, ms since Start (before Duration). */
  At: number;
  /** Logical ID of the AWS::ECS::Service. */
  Service: string;
  /** Logical ID of the AWS::ECS::TaskDefinition to deploy (the current one forces a new deployment). */
  TaskDefinition: string;
}
