/**
 * SAM `Globals`: properties shared by every `AWS::Serverless::<Section>` resource. As SAM merges
 * them: the resource's own scalars win, mappings merge key by key, lists are the global items
 * followed by the resource's.
 */
import { intrinsicName, type RawResource } from './intrinsics';
import { describeValue, type IssueList } from './issues';
import type { Overlay } from './positions';

export const GLOBALS_SECTIONS = ['Function', 'Api', 'HttpApi', 'SimpleTable', 'StateMachine', 'LayerVersion', 'CapacityProvider'];

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function merge(global: unknown, own: unknown): unknown {
  if (own === undefined) return structuredClone(global);
  if (Array.isArray(global) && Array.isArray(own)) return [...structuredClone(global), ...own];
  if (isPlainObject(global) && isPlainObject(own) && !intrinsicName(global) && !intrinsicName(own)) {
    const out: Record<string, unknown> = { ...own };
    for (const [k, v] of Object.entries(global)) out[k] = merge(v, own[k]);
    return out;
  }
  return own;
}

/**
 * Merges `Globals` into the serverless resources, in place. Returns overlays that send positions
 * of global-only properties to where `Globals` wrote them.
 */
export function applyGlobals(globals: unknown, resources: Record<string, RawResource>, issues: IssueList): Overlay[] {
  if (globals === undefined || globals === null) return [];
  if (!isPlainObject(globals)) {
    issues.add(['Globals'], `expected a mapping of ${GLOBALS_SECTIONS.join(', ')}, got ${describeValue(globals)}`);
    return [];
  }
  const overlays: Overlay[] = [];
  for (const [section, props] of Object.entries(globals)) {
    if (!GLOBALS_SECTIONS.includes(section)) {
      issues.add(['Globals', section], `unknown Globals section "${section}"; allowed: ${GLOBALS_SECTIONS.join(', ')}`, true);
      continue;
    }
    if (!isPlainObject(props)) {
      issues.add(['Globals', section], `expected a mapping of properties, got ${describeValue(props)}`);
      continue;
    }
    for (const [id, res] of Object.entries(resources)) {
      if (res.Type !== `AWS::Serverless::${section}`) continue;
      const own = isPlainObject(res.Properties) ? res.Properties : {};
      for (const key of Object.keys(props)) {
        if (!Object.hasOwn(own, key)) {
          overlays.push({ target: ['Resources', id, 'Properties', key], source: ['Globals', section, key] });
        }
      }
      res.Properties = merge(props, own);
    }
  }
  return overlays;
}
