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
  Pricing: { FreeTier: boolean };
  /** Resources whose Condition holds, keyed by logical ID. */
  Resources: Record<string, ResourceModel>;
  Workload: WorkloadSpec[];
  /** Name of the variant applied (`base` when none). */
  Variant: string;
  /** All variant names, `base` first. */
  VariantNames: string[];
  /** Resource types kept but not modelled: reported in one warning. */
  Unmodeled: { LogicalId: string; Type: string }[];
}
