/**
 * Checks that span resources (a service's task definition exists, a capacity provider's Auto
 * Scaling group exists, ...). Each service's schema file exports one `ResourceCheck`; the loader
 * runs them all after every resource's own Properties were validated.
 */
import { describeValue } from './issues';
import type { PathSegment } from './positions';
import { resolveResourceRef } from './resourceRef';
import type { ScenarioSettings } from './settingsSchema';
import type { ResourceModel, Scenario } from './types';

/** What a check sees: the resources (Properties validated and normalized) and how to resolve references. */
export interface CheckContext {
  scenario: Pick<Scenario, 'Resources' | 'Region'>;
  /** Logical IDs whose Properties failed validation: they exist, but are not checked further. */
  invalid: ReadonlySet<string>;
  /** The scenario's settings (Region defaults filled in); undefined when they did not validate, so checks that need them are skipped. */
  settings?: ScenarioSettings;
}

/** A problem found across resources; `path` is relative to `Resources`. */
export interface CheckIssue {
  path: PathSegment[];
  message: string;
  /** Reported as a warning, not an error. */
  warning?: boolean;
}

export type ResourceCheck = (ctx: CheckContext) => CheckIssue[];

/** The valid resources of `type`, in template order. */
export function validOfType(ctx: CheckContext, type: string): ResourceModel[] {
  return Object.values(ctx.scenario.Resources).filter((r) => r.Type === type && !ctx.invalid.has(r.LogicalId));
}

/** Logical IDs of every resource of `type` (valid or not), for messages. */
export function idsOfType(ctx: CheckContext, type: string): string[] {
  return Object.values(ctx.scenario.Resources)
    .filter((r) => r.Type === type)
    .map((r) => r.LogicalId);
}

/**
 * The logical ID of the resource of `type` that `value` names (logical ID, physical name or
 * synthetic ARN), or an issue at `path` saying what exists.
 */
export function refTo(
  ctx: CheckContext,
  value: unknown,
  type: string,
  path: PathSegment[],
  what: string,
): { id: string } | { issue: CheckIssue } {
  const id = resolveResourceRef(ctx.scenario, value, type);
  if (id !== undefined) return { id };
  const known = idsOfType(ctx, type);
  return {
    issue: { path, message: `${describeValue(value)} is not ${what} in this scenario; ${type}: ${known.join(', ') || '(none)'}` },
  };
}
