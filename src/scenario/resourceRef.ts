/**
 * From what a template writes to name a resource (logical ID, physical name, synthetic ARN) back
 * to its logical ID.
 */
import { syntheticArn } from './arn';
import type { Scenario } from './types';

/**
 * The logical ID `value` names in `scenario`: a logical ID, a physical name, or a synthetic ARN
 * (a trailing `:<revision>`, as task definition ARNs carry, is ignored). With `type`, only
 * resources of that type match: physical names are unique per type, not across types.
 * `undefined` when none matches (or `value` is not a string).
 */
export function resolveResourceRef(
  scenario: Pick<Scenario, 'Resources' | 'Region'>,
  value: unknown,
  type?: string,
): string | undefined {
  if (typeof value !== 'string') return undefined;
  const resources = Object.values(scenario.Resources).filter((r) => type === undefined || r.Type === type);
  const byId = resources.find((r) => r.LogicalId === value);
  if (byId) return byId.LogicalId;
  if (value.startsWith('arn:')) {
    const unrevised = value.replace(/:\d+$/, '');
    const byArn = resources.find((r) => {
      const arn = syntheticArn(r.Type, r.PhysicalName, scenario.Region);
      return arn === value || arn === unrevised;
    });
    return byArn?.LogicalId;
  }
  return resources.find((r) => r.PhysicalName === value)?.LogicalId;
}
