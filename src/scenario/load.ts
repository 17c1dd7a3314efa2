/**
 * Loading a scenario: parse the YAML (CloudFormation tags, positions), apply the chosen variant,
 * resolve parameters, conditions, SAM Globals and intrinsics, validate everything, read trace
 * files, and report every problem with its file, line and column.
 */
import type { WorkloadSpec } from '../workload/types';
import { checkDeployments } from './deployments';
import { checkFaults } from './faults';
import { parseInto } from './fields';
import { applyGlobals } from './globals';
import { absolutePath, baseName, type ReadFile, readFileFromDisk, siblingPath } from './host';
import { IntrinsicResolver, intrinsicName, NO_VALUE, type RawResource } from './intrinsics';
import { describeValue, IssueList } from './issues';
import { resolveParameters } from './parameters';
import { formatPath, type PathSegment, SourceLocator } from './positions';
import { MODELLED_TYPES, RESOURCE_CHECKS } from './resourceTypes';
import { ScenarioError } from './ScenarioError';
import { DEFAULT_REGION, ScenarioFileSchema } from './schema';
import { withRegionDefaults } from './settingsSchema';
import { implicitTargets, isFunctionType, LAMBDA_WORK_KEYS, LOAD_TARGETS, ONE_VCPU_MEMORY_MB, resolveLoadTarget } from './targets';
import { parseTraceCsv } from './trace';
import type { ResourceModel, Scenario, ScenarioIssue } from './types';
import { applyVariant, BASE_VARIANT, readVariants } from './variants';
import { parseScenarioYaml } from './yamlTags';

export interface LoadOptions {
  /** Variant to apply; default `base` (the file as written). */
  variant?: string;
  /** Template parameter values, overriding their Defaults. */
  parameters?: Record<string, string>;
  /** Reads trace files (and, for `loadScenario`, the scenario file). Default: Node's fs. */
  readFile?: ReadFile;
}

/** What validating one variant found. */
export interface ScenarioAnalysis {
  scenario?: Scenario;
  issues: ScenarioIssue[];
  warnings: string[];
  /** Variant names, `base` first (empty when the YAML did not parse). */
  variants: string[];
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const TOP_SETTINGS = ['Name', 'Description', 'Seed', 'Start', 'Duration', 'Tick', 'Region', 'Settings', 'Pricing'];

/** Loads and validates a scenario from text; `file` names it in messages and anchors trace paths. Throws `ScenarioError`. */
export function loadScenarioText(text: string, file: string, opts: LoadOptions = {}): Scenario {
  const result = analyzeScenarioText(text, file, opts);
  if (result.issues.length > 0 || !result.scenario) throw new ScenarioError(result.issues);
  return result.scenario;
}

/**
 * Loads and validates a scenario file. Throws `ScenarioError` for problems in the file; a file
 * that cannot be read throws the reader's own error (a usage problem, not a scenario problem).
 */
export function loadScenario(file: string, opts: LoadOptions = {}): Scenario {
  const abs = opts.readFile ? file : absolutePath(file);
  const text = (opts.readFile ?? readFileFromDisk)(abs);
  return loadScenarioText(text, abs, opts);
}

/** Validates the base and every variant of a scenario file. Issues a variant shares with the base are reported once. */
export function validateScenarioFile(
  file: string,
  opts: Omit<LoadOptions, 'variant'> = {},
): { issues: ScenarioIssue[]; warnings: string[]; variants: string[] } {
  const abs = opts.readFile ? file : absolutePath(file);
  const text = (opts.readFile ?? readFileFromDisk)(abs);
  const base = analyzeScenarioText(text, abs, opts);
  const issues = [...base.issues];
  const warnings = new Set(base.warnings);
  const seen = new Set(base.issues.map(issueKey));
  for (const variant of base.variants.slice(1)) {
    const r = analyzeScenarioText(text, abs, { ...opts, variant });
    for (const w of r.warnings) warnings.add(w);
    for (const issue of r.issues) {
      const key = issueKey({ ...issue, message: issue.message.replace(/ \(in variant [^)]*\)$/, '') });
      if (seen.has(key)) continue;
      seen.add(key);
      issues.push(issue);
    }
  }
  const unmodeled = base.scenario ? unmodeledWarning(base.scenario.Unmodeled) : undefined;
  if (unmodeled) warnings.add(unmodeled);
  return { issues, warnings: [...warnings], variants: base.variants };
}

/** The one warning for resources kept but not simulated, or undefined when there are none. */
export function unmodeledWarning(unmodeled: Scenario['Unmodeled']): string | undefined {
  if (unmodeled.length === 0) return undefined;
  const list = unmodeled.map((u) => `${u.LogicalId} (${u.Type})`).join(', ');
  return `${unmodeled.length} resource(s) kept but not simulated (type not modelled yet): ${list}`;
}

function issueKey(i: ScenarioIssue): string {
  return `${i.file}\u0000${i.line}\u0000${i.column}\u0000${i.path}\u0000${i.message}`;
}

/** Parses, resolves and validates one variant of a scenario; never throws for problems in the file. */
export function analyzeScenarioText(text: string, file: string, opts: LoadOptions = {}): ScenarioAnalysis {
  const { doc, lineCounter, problems } = parseScenarioYaml(text);
  const locator = new SourceLocator(file, doc, lineCounter);
  if (problems.length > 0) {
    const issues = problems.map((p) => ({ file, ...locator.at(p.offset), path: '', message: p.message }));
    return { issues, warnings: [], variants: [] };
  }
  const list = new IssueList();
  const raw: unknown = doc.toJS({ maxAliasCount: 10_000 });
  if (!isPlainObject(raw)) {
    list.add([], `a scenario file is a mapping (Duration, Resources, Workload, ...), got ${describeValue(raw)}`);
    return { issues: finish(list, locator, []), warnings: [], variants: [] };
  }
  const table = readVariants(raw.Variants, list);
  const variantsPath = raw.Variants === undefined ? [] : ['Variants'];
  delete raw.Variants;
  const variant = opts.variant ?? BASE_VARIANT;
  let scenario: Scenario | undefined;
  const external: ScenarioIssue[] = [];
  if (!table.names.includes(variant)) {
    list.add(variantsPath, `unknown variant "${variant}"; variants: ${table.names.join(', ')}`);
  } else {
    if (variant !== BASE_VARIANT) {
      locator.variant = variant;
      for (const o of applyVariant(raw, variant, table.overrides.get(variant) ?? {}, list)) locator.addOverlay(o);
    }
    scenario = build(raw, file, opts, list, locator, external);
    if (scenario) {
      scenario.Variant = variant;
      scenario.VariantNames = table.names;
    }
  }
  const issues = [...finish(list, locator, []), ...external];
  return { scenario: issues.length > 0 ? undefined : scenario, issues, warnings: [...new Set(list.warnings)], variants: table.names };
}

/** Positions for every issue, duplicates removed. */
function finish(list: IssueList, locator: SourceLocator, into: ScenarioIssue[]): ScenarioIssue[] {
  const seen = new Set<string>();
  for (const issue of list.issues) {
    const loc = locator.locate(issue.path, issue.atKey);
    const message = loc.inVariant ? `${issue.message} (in variant ${loc.inVariant})` : issue.message;
    const out: ScenarioIssue = { file: locator.file, line: loc.line, column: loc.column, path: loc.path, message };
    const key = issueKey(out);
    if (seen.has(key)) continue;
    seen.add(key);
    into.push(out);
  }
  return into;
}

function build(
  raw: Record<string, unknown>,
  file: string,
  opts: LoadOptions,
  list: IssueList,
  locator: SourceLocator,
  external: ScenarioIssue[],
): Scenario | undefined {
  const parameters = resolveParameters(raw.Parameters, opts.parameters, list);
  const region = earlyString(raw.Region, parameters) ?? DEFAULT_REGION;
  const stackName = earlyString(raw.Name, parameters) ?? baseName(file);

  const rawResources = isPlainObject(raw.Resources) ? raw.Resources : {};
  const templateResources: Record<string, RawResource> = {};
  for (const [id, r] of Object.entries(rawResources)) {
    if (isPlainObject(r) && typeof r.Type === 'string') templateResources[id] = r as unknown as RawResource;
  }
  for (const o of applyGlobals(raw.Globals, templateResources, list)) locator.addOverlay(o);

  const conditions = isPlainObject(raw.Conditions) ? raw.Conditions : {};
  const resolver = new IntrinsicResolver({
    region,
    stackName,
    parameters,
    mappings: isPlainObject(raw.Mappings) ? raw.Mappings : {},
    conditions,
    resources: templateResources,
    brokenResources: new Set(Object.keys(rawResources).filter((id) => !Object.hasOwn(templateResources, id))),
    issues: list,
  });
  for (const name of Object.keys(conditions)) resolver.condition(name, ['Conditions', name]);

  // Resources as the schema sees them: created ones resolved, malformed ones as written.
  const resourcesData: Record<string, unknown> = {};
  const created: string[] = [];
  for (const [id, r] of Object.entries(rawResources)) {
    if (!Object.hasOwn(templateResources, id)) {
      resourcesData[id] = r;
      continue;
    }
    if (!resolver.isCreated(id)) continue;
    created.push(id);
    const envelope = { ...(r as Record<string, unknown>) };
    for (const key of ['Properties', 'Metadata'] as const) {
      if (templateResources[id]![key as 'Properties'] === undefined && envelope[key] === undefined) continue;
      const source = key === 'Properties' ? templateResources[id]!.Properties : envelope[key];
      envelope[key] = resolver.resolve(source, ['Resources', id, key]);
    }
    resourcesData[id] = envelope;
  }

  const data: Record<string, unknown> = { ...raw, Resources: resourcesData };
  if (Array.isArray(raw.Workload)) {
    data.Workload = raw.Workload.map((w, i) => {
      if (!isPlainObject(w)) return w;
      const target = intrinsicName(w.Target) === 'Ref' ? (w.Target as { Ref: unknown }).Ref : w.Target;
      return resolver.resolve({ ...w, Target: target }, ['Workload', i]);
    });
  }
  // A `!Ref X` naming what a fault or deployment acts on means the resource X itself, not its ARN.
  for (const [section, refKeys] of [
    ['Faults', ['Target']],
    ['Deployments', ['Service', 'TaskDefinition']],
  ] as const) {
    const items = raw[section];
    if (!Array.isArray(items)) continue;
    data[section] = items.map((item, i) => {
      if (!isPlainObject(item)) return item;
      const copy: Record<string, unknown> = { ...item };
      for (const k of refKeys) if (intrinsicName(copy[k]) === 'Ref') copy[k] = (copy[k] as { Ref: unknown }).Ref;
      return resolver.resolve(copy, [section, i]);
    });
  }
  for (const key of TOP_SETTINGS) {
    if (data[key] === undefined) continue;
    const v = resolver.resolve(data[key], [key]);
    if (v === NO_VALUE || v === undefined) delete data[key];
    else data[key] = v;
  }

  const top = parseInto(ScenarioFileSchema, data, [], list);

  const Resources: Record<string, ResourceModel> = {};
  const Unmodeled: Scenario['Unmodeled'] = [];
  const invalid = new Set<string>();
  for (const id of created) {
    const envelope = resourcesData[id] as Record<string, unknown>;
    const type = templateResources[id]!.Type;
    const properties = isPlainObject(envelope.Properties) ? envelope.Properties : {};
    const metadata = isPlainObject(envelope.Metadata) ? envelope.Metadata : {};
    const model = MODELLED_TYPES[type];
    const resource: ResourceModel = {
      LogicalId: id,
      Type: type,
      PhysicalName: resolver.physicalName(id),
      Properties: properties,
      Sim: {},
    };
    if (model) {
      const props = parseInto(model.properties, properties, ['Resources', id, 'Properties'], list);
      const sim = parseInto(model.sim, metadata.clustersim ?? {}, ['Resources', id, 'Metadata', 'clustersim'], list);
      if (props) resource.Properties = props;
      if (sim) resource.Sim = sim;
      if (props === undefined) invalid.add(id);
    } else {
      Unmodeled.push({ LogicalId: id, Type: type });
    }
    Resources[id] = resource;
  }
  const view = { Resources, Region: region };
  const settings = top ? withRegionDefaults(top.Settings, top.Region) : undefined;
  for (const check of RESOURCE_CHECKS) {
    for (const issue of check({ scenario: view, invalid, settings })) {
      const path = ['Resources', ...issue.path];
      if (list.isUnderFailed(path)) continue;
      if (issue.warning) list.warnings.push(`${formatPath(path)}: ${issue.message}`);
      else list.add(path, issue.message);
    }
  }

  if (!top) return undefined;
  const Workload = checkWorkload(top.Workload, view, templateResources, file, opts, list, external);
  const Faults = checkFaults(top.Faults, view, top.Duration, list);
  const Deployments = checkDeployments(top.Deployments, view, top.Duration, list);
  return {
    file,
    Name: top.Name ?? stackName,
    Description: top.Description,
    Seed: top.Seed,
    StartMs: top.Start,
    DurationMs: top.Duration,
    TickMs: top.Tick,
    Region: top.Region,
    Settings: settings!,
    Pricing: top.Pricing,
    Resources,
    Workload,
    Variant: BASE_VARIANT,
    VariantNames: [BASE_VARIANT],
    Unmodeled,
    Faults,
    Deployments,
  };
}

/** A top-level string needed before resolution (Region, Name): as written, or a parameter's value. */
function earlyString(value: unknown, parameters: Map<string, unknown>): string | undefined {
  if (typeof value === 'string') return value;
  if (intrinsicName(value) === 'Ref') {
    const v = parameters.get(String((value as { Ref: unknown }).Ref));
    if (typeof v === 'string') return v;
  }
  return undefined;
}

function checkWorkload(
  workload: WorkloadSpec[],
  view: Pick<Scenario, 'Resources' | 'Region'>,
  template: Record<string, RawResource>,
  file: string,
  opts: LoadOptions,
  list: IssueList,
  external: ScenarioIssue[],
): WorkloadSpec[] {
  const resources = view.Resources;
  const loadTypes = Object.keys(LOAD_TARGETS);
  const accepting = [
    ...Object.values(resources)
      .filter((r) => LOAD_TARGETS[r.Type])
      .map((r) => r.LogicalId),
    ...Object.keys(implicitTargets(view)),
  ];
  const firstByName = new Map<string, number>();
  workload.forEach((w, i) => {
    const at = (...rest: PathSegment[]): PathSegment[] => ['Workload', i, ...rest];
    const dup = firstByName.get(w.Name);
    if (dup !== undefined) {
      list.add(at('Name'), `duplicate workload name "${w.Name}" (also Workload[${dup}]): names must be unique, variants address Workload.<Name>`);
    } else firstByName.set(w.Name, i);

    const resolved = resolveLoadTarget(view, w.Target);
    let finalType: string | undefined;
    if (resolved === undefined) {
      const why = Object.hasOwn(template, w.Target) ? ' (its Condition is false, so it is not created)' : '';
      list.add(at('Target'), `unknown target "${w.Target}"${why}; resources that accept load: ${accepting.join(', ') || '(none)'} (types: ${loadTypes.join(', ')})`);
    } else {
      const { id, type } = resolved;
      w.Target = id;
      const target = LOAD_TARGETS[type];
      // A target that passes requests on (load balancer, API, alias, queue): the Work a request needs is the final target's.
      const served = target?.servedBy?.(view, id);
      if (!target) {
        list.add(at('Target'), `${id} is a ${type}, which does not accept load; targets can be: ${loadTypes.join(', ')}`);
      } else if (served !== undefined && 'error' in served) {
        list.add(at('Target'), served.error);
      } else {
        if (served !== undefined && 'warning' in served) list.warnings.push(`${formatPath(at('Target'))}: ${served.warning}`);
        const servedId = served !== undefined && 'id' in served ? served.id : undefined;
        finalType = servedId === undefined ? type : resources[servedId]!.Type;
        const via = servedId === undefined ? '' : ` (${id} forwards to ${servedId})`;
        for (const key of LOAD_TARGETS[finalType]?.requires ?? []) {
          if (w.Work[key] === undefined) {
            list.add(at('Work', key), `required for a ${finalType} target${via}: a distribution in ms, e.g. { Dist: lognormal, Mean: 20, P99: 80 }`);
          }
        }
      }
      if (target?.invocationType) w.InvocationType ??= 'RequestResponse';
      else if (w.InvocationType !== undefined) {
        list.add(at('InvocationType'), `applies only to a Lambda function, alias or version target; ${id} is a ${type}`);
      }
    }
    if (finalType !== undefined && isFunctionType(finalType)) {
      w.Work.CpuBound ??= false;
      w.Work.MeasuredAtMemorySize ??= ONE_VCPU_MEMORY_MB;
    } else if (finalType !== undefined) {
      for (const key of LAMBDA_WORK_KEYS) {
        if (w.Work[key] !== undefined) list.add(at('Work', key), `applies only to targets served by a Lambda function; ${w.Target} is served by a ${finalType}`);
      }
    }
    if (w.Arrivals.Pattern === 'trace') {
      const arrivals = w.Arrivals;
      const tracePath = siblingPath(file, arrivals.File);
      let text: string | undefined;
      try {
        text = (opts.readFile ?? readFileFromDisk)(tracePath);
      } catch (e) {
        list.add(at('Arrivals', 'File'), `cannot read trace file ${tracePath}: ${(e as Error).message}`);
      }
      if (text !== undefined) {
        const parsed = parseTraceCsv(text);
        if ('problems' in parsed) {
          for (const p of parsed.problems) {
            external.push({ file: tracePath, line: p.line, column: p.column, path: `Workload[${i}].Arrivals.File`, message: p.message });
          }
        } else {
          arrivals.TimesMs = parsed.TimesMs;
          arrivals.Counts = parsed.Counts;
        }
      }
    }
  });
  return workload;
}
