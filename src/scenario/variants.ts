/**
 * What-if variants: `Variants: { <name>: { "<path>": value } }`, applied to the raw document
 * before anything is resolved or validated, so a variant's values are checked like the base's.
 * A path starts with a resource's logical ID (under `Resources`), `Workload.<Name>`, a section
 * (`Pricing`, `Settings`, `Parameters`, `Globals`, `Faults[n]`, `Deployments[n]`, ...) or a top-level setting (`Seed`, `Duration`, ...);
 * `[n]` indexes a list and a `null` value removes the property.
 */
import { describeValue, type IssueList } from './issues';
import type { Overlay, PathSegment } from './positions';

/** The variant that is the file as written. */
export const BASE_VARIANT = 'base';

export const VARIANT_TOP_SETTINGS = ['Name', 'Description', 'Seed', 'Start', 'Duration', 'Tick', 'Region'];
export const VARIANT_SECTIONS = ['Resources', 'Workload', 'Pricing', 'Settings', 'Parameters', 'Mappings', 'Conditions', 'Globals', 'Faults', 'Deployments'];

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Variant names (`base` first) and each variant's overrides, as written. */
export interface VariantTable {
  names: string[];
  overrides: Map<string, Record<string, unknown>>;
}

export function readVariants(raw: unknown, issues: IssueList): VariantTable {
  const table: VariantTable = { names: [BASE_VARIANT], overrides: new Map() };
  if (raw === undefined || raw === null) return table;
  if (!isPlainObject(raw)) {
    issues.add(['Variants'], `expected a mapping of variant name to { "<path>": value }, got ${describeValue(raw)}`);
    return table;
  }
  for (const [name, overrides] of Object.entries(raw)) {
    if (name === BASE_VARIANT) {
      issues.add(['Variants', name], '"base" is the implicit first variant (the file as written); give this variant another name', true);
      continue;
    }
    table.names.push(name);
    if (overrides === null) {
      table.overrides.set(name, {});
    } else if (isPlainObject(overrides)) {
      table.overrides.set(name, overrides);
    } else {
      issues.add(['Variants', name], `expected a mapping of "<path>": value, got ${describeValue(overrides)}`);
    }
  }
  return table;
}

/** `WebTask.Properties.List[0].Cpu` → `['WebTask', 'Properties', 'List', 0, 'Cpu']`; undefined when malformed. */
export function parseOverridePath(text: string): PathSegment[] | undefined {
  const out: PathSegment[] = [];
  for (const part of text.split('.')) {
    const m = /^([^[\]]+)((?:\[\d+\])*)$/.exec(part) ?? /^()((?:\[\d+\])+)$/.exec(part);
    if (!m || (m[1] === '' && out.length === 0)) return undefined;
    if (m[1] !== '') out.push(m[1]!);
    for (const idx of m[2]!.matchAll(/\[(\d+)\]/g)) out.push(Number(idx[1]));
  }
  return out.length > 0 ? out : undefined;
}

const START_HELP = `a resource logical ID, Workload.<Name>, ${VARIANT_SECTIONS.filter((s) => s !== 'Workload').join(', ')}, or ${VARIANT_TOP_SETTINGS.join(', ')}`;

/** The document path an override path names, or an error message. */
function targetPath(doc: Record<string, unknown>, segs: PathSegment[]): PathSegment[] | string {
  const [first, second] = segs;
  if (typeof first !== 'string') return `a path starts with a name: ${START_HELP}`;
  if (VARIANT_TOP_SETTINGS.includes(first)) {
    return segs.length === 1 ? segs : `${first} is a single value: write "${first}": <value>`;
  }
  if (first === 'Workload') {
    const list = Array.isArray(doc.Workload) ? doc.Workload : [];
    if (typeof second === 'string') {
      const idx = list.findIndex((w) => isPlainObject(w) && w.Name === second);
      if (idx < 0) {
        const names = list.map((w) => (isPlainObject(w) ? String(w.Name) : '?'));
        return `no workload named "${second}"; workloads: ${names.join(', ') || '(none)'}`;
      }
      return ['Workload', idx, ...segs.slice(2)];
    }
    if (typeof second === 'number') return segs;
    return 'Workload paths name a workload: Workload.<Name>.…';
  }
  if (VARIANT_SECTIONS.includes(first)) return segs;
  if (isPlainObject(doc.Resources) && Object.hasOwn(doc.Resources, first)) return ['Resources', ...segs];
  const ids = isPlainObject(doc.Resources) ? Object.keys(doc.Resources) : [];
  return `unknown path start "${first}": expected ${START_HELP} (resources: ${ids.join(', ') || 'none'})`;
}

/**
 * Applies the variant's overrides to `doc` in place, in the order written. Returns overlays that
 * send positions of overridden values to where the variant wrote them.
 */
export function applyVariant(
  doc: Record<string, unknown>,
  name: string,
  overrides: Record<string, unknown>,
  issues: IssueList,
): Overlay[] {
  const overlays: Overlay[] = [];
  for (const [key, value] of Object.entries(overrides)) {
    const where: PathSegment[] = ['Variants', name, key];
    const segs = parseOverridePath(key);
    if (!segs) {
      issues.add(where, `malformed path "${key}": write dotted names with [n] for list items, e.g. WebTask.Properties.ContainerDefinitions[0].Cpu`, true);
      continue;
    }
    const target = targetPath(doc, segs);
    if (typeof target === 'string') {
      issues.add(where, target, true);
      continue;
    }
    const error = setPath(doc, target, value);
    if (error) {
      issues.add(where, error, true);
      continue;
    }
    if (value !== null) overlays.push({ target, source: where, variant: name });
  }
  return overlays;
}

/** Sets (or with `null`, removes) the value at `path`, creating missing mappings. Returns an error message or undefined. */
function setPath(doc: Record<string, unknown>, path: PathSegment[], value: unknown): string | undefined {
  let container: unknown = doc;
  for (let i = 0; i < path.length; i++) {
    const seg = path[i]!;
    const last = i === path.length - 1;
    const here = path.slice(0, i).map(String).join('.') || 'the top level';
    if (Array.isArray(container)) {
      if (typeof seg !== 'number') return `${here} is a list: index it with [n]`;
      const limit = last && value !== null ? container.length : container.length - 1;
      if (seg > limit) return `index [${seg}] is out of range: ${here} has ${container.length} item(s)`;
      if (last) {
        if (value === null) container.splice(seg, 1);
        else container[seg] = structuredClone(value);
        return undefined;
      }
      container = container[seg];
      continue;
    }
    if (!isPlainObject(container)) return `${here} is ${describeValue(container)}, not a mapping or list`;
    if (typeof seg === 'number') return `${here} is a mapping, not a list: use .<key>`;
    if (last) {
      if (value === null) delete container[seg];
      else container[seg] = structuredClone(value);
      return undefined;
    }
    if (container[seg] === undefined || container[seg] === null) {
      if (value === null) return undefined;
      if (typeof path[i + 1] === 'number') return `${[...path.slice(0, i + 1)].map(String).join('.')} is not a list`;
      container[seg] = {};
    }
    container = container[seg];
  }
  return undefined;
}
