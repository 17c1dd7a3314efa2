/**
 * CloudFormation intrinsic functions, conditions and pseudo parameters, resolved against the
 * scenario: parameters give their values, resources their physical names and synthetic ARNs,
 * `AWS::NoValue` removes the key that holds it. Problems become issues at the path of the value.
 */
import { describeValue, type IssueList } from './issues';
import type { PathSegment } from './positions';
import { ACCOUNT_ID, partitionOf, syntheticArn } from './arn';
import { NAME_PROPERTY, REF_RETURNS_ARN } from './resourceTypes';

/** What `AWS::NoValue` resolves to: the enclosing key or list item is removed. */
export const NO_VALUE: unique symbol = Symbol('AWS::NoValue');

export const SUPPORTED_FUNCTIONS = [
  'Ref',
  'Fn::And',
  'Fn::Base64',
  'Fn::Cidr',
  'Fn::Equals',
  'Fn::FindInMap',
  'Fn::GetAZs',
  'Fn::GetAtt',
  'Fn::If',
  'Fn::ImportValue',
  'Fn::Join',
  'Fn::Length',
  'Fn::Not',
  'Fn::Or',
  'Fn::Select',
  'Fn::Split',
  'Fn::Sub',
  'Fn::ToJsonString',
];

/** A resource as written in the template (after SAM Globals). */
export interface RawResource {
  Type: string;
  Properties?: unknown;
  Condition?: unknown;
}

export interface TemplateContext {
  region: string;
  stackName: string;
  /** Parameter values (defaults or overrides). */
  parameters: Map<string, unknown>;
  mappings: Record<string, unknown>;
  conditions: Record<string, unknown>;
  resources: Record<string, RawResource>;
  /** Resources written without a usable Type: already reported, so Refs to them fail quietly. */
  brokenResources: Set<string>;
  issues: IssueList;
}

const AZ_LETTERS = ['a', 'b', 'c'];

/** The id part of synthetic load balancer and target group full names (AWS uses 16 hex digits). */
const ELB_ID = '0000000000000000';

/** `app`, `net` or `gwy`: the prefix of a load balancer's full name, from its `Type`. */
function elbKind(properties: unknown): string {
  const type = isPlainObject(properties) ? properties.Type : undefined;
  return type === 'network' ? 'net' : type === 'gateway' ? 'gwy' : 'app';
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The function name if `value` is an intrinsic call (`{ Ref: x }`, `{ "Fn::Sub": ... }`). */
export function intrinsicName(value: unknown, inCondition = false): string | undefined {
  if (!isPlainObject(value)) return undefined;
  const keys = Object.keys(value);
  if (keys.length !== 1) return undefined;
  const k = keys[0]!;
  if (k === 'Ref' || k.startsWith('Fn::') || (inCondition && k === 'Condition')) return k;
  return undefined;
}

export class IntrinsicResolver {
  private readonly conditionValues = new Map<string, boolean | undefined>();
  private readonly conditionsInProgress = new Set<string>();
  private readonly physicalNames = new Map<string, string>();
  private readonly namesInProgress = new Set<string>();

  constructor(private readonly ctx: TemplateContext) {}

  private get issues(): IssueList {
    return this.ctx.issues;
  }

  /** Resolves every intrinsic in `value`. Returns `NO_VALUE` for `AWS::NoValue`, `undefined` after an issue. */
  resolve(value: unknown, path: PathSegment[], inCondition = false): unknown {
    const fn = intrinsicName(value, inCondition);
    if (fn !== undefined) return this.call(fn, (value as Record<string, unknown>)[fn], path, inCondition);
    if (Array.isArray(value)) {
      const out: unknown[] = [];
      value.forEach((item, i) => {
        const r = this.resolve(item, [...path, i], inCondition);
        if (r !== NO_VALUE && r !== undefined) out.push(r);
      });
      return out;
    }
    if (isPlainObject(value)) {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) {
        const r = this.resolve(v, [...path, k], inCondition);
        if (r !== NO_VALUE && r !== undefined) out[k] = r;
      }
      return out;
    }
    return value;
  }

  /** Whether the resource is created: no `Condition`, or its condition holds. */
  isCreated(logicalId: string): boolean {
    const cond = this.ctx.resources[logicalId]?.Condition;
    if (cond === undefined) return true;
    if (typeof cond !== 'string') return false;
    return this.condition(cond, ['Resources', logicalId, 'Condition']) === true;
  }

  /** The value of a named condition; `undefined` (with an issue) when it is unknown or not a boolean. */
  condition(name: string, path: PathSegment[]): boolean | undefined {
    if (this.conditionValues.has(name)) return this.conditionValues.get(name);
    if (!Object.hasOwn(this.ctx.conditions, name)) {
      const known = Object.keys(this.ctx.conditions);
      this.issues.fail(path, `unknown condition "${name}"; conditions: ${known.join(', ') || '(none)'}`);
      return undefined;
    }
    if (this.conditionsInProgress.has(name)) {
      this.issues.fail(['Conditions', name], `condition "${name}" depends on itself`);
      return undefined;
    }
    this.conditionsInProgress.add(name);
    const v = this.resolve(this.ctx.conditions[name], ['Conditions', name], true);
    this.conditionsInProgress.delete(name);
    let result: boolean | undefined;
    if (typeof v === 'boolean') result = v;
    else if (v !== undefined) {
      this.issues.fail(['Conditions', name], `a condition must evaluate to true or false (Fn::Equals, Fn::And, ...), got ${describeValue(v)}`);
    }
    this.conditionValues.set(name, result);
    return result;
  }

  /** The resource's physical name: its name property if set, else its logical ID. */
  physicalName(logicalId: string): string {
    const known = this.physicalNames.get(logicalId);
    if (known !== undefined) return known;
    const res = this.ctx.resources[logicalId];
    const prop = res ? NAME_PROPERTY[res.Type] : undefined;
    const raw = prop && isPlainObject(res?.Properties) ? res.Properties[prop] : undefined;
    let name = logicalId;
    if (raw !== undefined && !this.namesInProgress.has(logicalId)) {
      this.namesInProgress.add(logicalId);
      const v = this.resolve(raw, ['Resources', logicalId, 'Properties', prop!]);
      this.namesInProgress.delete(logicalId);
      if (typeof v === 'string' || typeof v === 'number') name = String(v);
    }
    this.physicalNames.set(logicalId, name);
    return name;
  }

  private arnOf(logicalId: string): string {
    return syntheticArn(this.ctx.resources[logicalId]!.Type, this.physicalName(logicalId), this.ctx.region);
  }

  private pseudo(name: string): unknown {
    const { region, stackName } = this.ctx;
    switch (name) {
      case 'AWS::Region':
        return region;
      case 'AWS::AccountId':
        return ACCOUNT_ID;
      case 'AWS::StackName':
        return stackName;
      case 'AWS::StackId':
        return `arn:${partitionOf(region)}:cloudformation:${region}:${ACCOUNT_ID}:stack/${stackName}/00000000-0000-0000-0000-000000000000`;
      case 'AWS::Partition':
        return partitionOf(region);
      case 'AWS::URLSuffix':
        return region.startsWith('cn-') ? 'amazonaws.com.cn' : 'amazonaws.com';
      case 'AWS::NotificationARNs':
        return [];
      case 'AWS::NoValue':
        return NO_VALUE;
      default:
        return undefined;
    }
  }

  /** Ref: a pseudo parameter, a parameter's value, or a created resource's physical name (its ARN for `REF_RETURNS_ARN` types). */
  private ref(name: unknown, path: PathSegment[]): unknown {
    if (typeof name !== 'string') return this.bad(path, `Ref takes a name, got ${describeValue(name)}`);
    if (name.startsWith('AWS::')) {
      const v = this.pseudo(name);
      if (v === undefined) {
        return this.bad(path, `unknown pseudo parameter ${name}; allowed: AWS::Region, AWS::AccountId, AWS::StackName, AWS::StackId, AWS::Partition, AWS::URLSuffix, AWS::NotificationARNs, AWS::NoValue`);
      }
      return v;
    }
    if (this.ctx.parameters.has(name)) {
      const v = this.ctx.parameters.get(name);
      if (v === undefined) this.issues.markFailed(path);
      return v;
    }
    const sam = /^(.+)\.(Alias|Version)$/.exec(name);
    if (sam && this.ctx.resources[sam[1]!]?.Type === 'AWS::Serverless::Function') return this.samAliasRef(sam[1]!, sam[2]!, path);
    if (!this.checkResource(name, path)) return undefined;
    return REF_RETURNS_ARN.has(this.ctx.resources[name]!.Type) ? this.arnOf(name) : this.physicalName(name);
  }

  /**
   * SAM's `!Ref Function.Alias` / `!Ref Function.Version`: the ARN of the alias `AutoPublishAlias`
   * creates (`<function ARN>:<alias>`), or of the version it publishes (`<function ARN>:1`).
   */
  private samAliasRef(id: string, kind: string, path: PathSegment[]): unknown {
    if (!this.checkResource(id, path)) return undefined;
    const props = this.ctx.resources[id]!.Properties;
    const raw = isPlainObject(props) ? props.AutoPublishAlias : undefined;
    const alias = raw === undefined ? undefined : this.resolve(raw, ['Resources', id, 'Properties', 'AutoPublishAlias']);
    if (typeof alias !== 'string') return this.bad(path, `${id}.${kind} needs AutoPublishAlias on ${id} (SAM creates the alias and version from it)`);
    return `${this.arnOf(id)}:${kind === 'Alias' ? alias : '1'}`;
  }

  /** Whether `id` is a created resource; adds an issue when not. */
  private checkResource(id: string, path: PathSegment[]): boolean {
    if (Object.hasOwn(this.ctx.resources, id)) {
      if (this.isCreated(id)) return true;
      this.bad(path, `"${id}" is not created: its Condition ${describeValue(this.ctx.resources[id]!.Condition)} is false`);
      return false;
    }
    if (this.ctx.brokenResources.has(id)) {
      this.issues.markFailed(path);
      return false;
    }
    const params = [...this.ctx.parameters.keys()];
    const resources = Object.keys(this.ctx.resources);
    this.bad(
      path,
      `unknown name "${id}": not a parameter (${params.join(', ') || 'none'}) or resource (${resources.join(', ') || 'none'})`,
    );
    return false;
  }

  private getAtt(id: string, attr: string, path: PathSegment[]): unknown {
    if (!this.checkResource(id, path)) return undefined;
    if (attr === 'Arn' || attr.endsWith('Arn')) return this.arnOf(id);
    // The ELB "full names" that ALBRequestCountPerTarget's ResourceLabel is built from.
    if (attr === 'LoadBalancerFullName') return `${elbKind(this.ctx.resources[id]!.Properties)}/${this.physicalName(id)}/${ELB_ID}`;
    if (attr === 'TargetGroupFullName') return `targetgroup/${this.physicalName(id)}/${ELB_ID}`;
    if (attr === 'Name' || attr.endsWith('Name')) return this.physicalName(id);
    return `${this.physicalName(id)}.${attr}`;
  }

  private bad(path: PathSegment[], message: string): undefined {
    this.issues.fail(path, message);
    return undefined;
  }

  private str(value: unknown, fn: string, path: PathSegment[]): string | undefined {
    if (typeof value === 'string') return value;
    if (typeof value === 'number' || typeof value === 'boolean') return String(value);
    if (value !== undefined) this.bad(path, `${fn}: expected a string, got ${describeValue(value)}`);
    return undefined;
  }

  private list(value: unknown, fn: string, path: PathSegment[]): unknown[] | undefined {
    if (Array.isArray(value)) return value;
    if (value !== undefined) this.bad(path, `${fn}: expected a list, got ${describeValue(value)}`);
    return undefined;
  }

  private args(arg: unknown, fn: string, count: number[], path: PathSegment[]): unknown[] | undefined {
    if (Array.isArray(arg) && count.includes(arg.length)) return arg;
    return this.bad(path, `${fn} takes a list of ${count.join(' or ')} items, got ${describeValue(arg)}`);
  }

  private bool(value: unknown, fn: string, path: PathSegment[]): boolean | undefined {
    if (typeof value === 'boolean') return value;
    if (value !== undefined) this.bad(path, `${fn}: expected a condition, got ${describeValue(value)}`);
    return undefined;
  }

  private call(fn: string, arg: unknown, path: PathSegment[], inCondition: boolean): unknown {
    const r = (v: unknown) => this.resolve(v, path, inCondition);
    switch (fn) {
      case 'Ref':
        return this.ref(arg, path);
      case 'Condition':
        return typeof arg === 'string' ? this.condition(arg, path) : this.bad(path, `Condition takes a condition name, got ${describeValue(arg)}`);
      case 'Fn::GetAtt': {
        let parts: unknown[] | undefined;
        if (typeof arg === 'string') {
          const dot = arg.indexOf('.');
          parts = dot < 0 ? [arg] : [arg.slice(0, dot), arg.slice(dot + 1)];
        } else parts = Array.isArray(arg) ? arg : undefined;
        if (parts?.length !== 2) return this.bad(path, `Fn::GetAtt takes LogicalId.Attribute or [LogicalId, Attribute], got ${describeValue(arg)}`);
        const id = this.str(parts[0], fn, path);
        const attr = this.str(r(parts[1]), fn, path);
        return id === undefined || attr === undefined ? undefined : this.getAtt(id, attr, path);
      }
      case 'Fn::Sub':
        return this.sub(arg, path, inCondition);
      case 'Fn::Join': {
        const a = this.args(arg, fn, [2], path);
        if (!a) return undefined;
        const delim = this.str(r(a[0]), fn, path);
        const items = this.list(r(a[1]), fn, path);
        if (delim === undefined || !items) return undefined;
        const parts = items.map((item) => this.str(item, fn, path));
        return parts.includes(undefined) ? undefined : parts.join(delim);
      }
      case 'Fn::Select': {
        const a = this.args(arg, fn, [2], path);
        if (!a) return undefined;
        const index = Number(r(a[0]));
        const items = this.list(r(a[1]), fn, path);
        if (!items) return undefined;
        if (!Number.isInteger(index) || index < 0 || index >= items.length) {
          return this.bad(path, `Fn::Select: index ${describeValue(a[0])} is out of range 0–${items.length - 1}`);
        }
        return items[index];
      }
      case 'Fn::Split': {
        const a = this.args(arg, fn, [2], path);
        if (!a) return undefined;
        const delim = this.str(r(a[0]), fn, path);
        const text = this.str(r(a[1]), fn, path);
        return delim === undefined || text === undefined ? undefined : text.split(delim);
      }
      case 'Fn::FindInMap':
        return this.findInMap(arg, path, inCondition);
      case 'Fn::GetAZs': {
        const region = arg === null || arg === undefined ? '' : this.str(r(arg), fn, path);
        if (region === undefined) return undefined;
        const reg = region === '' ? this.ctx.region : region;
        return AZ_LETTERS.map((l) => `${reg}${l}`);
      }
      case 'Fn::Base64': {
        const text = this.str(r(arg), fn, path);
        if (text === undefined) return undefined;
        let bin = '';
        for (const byte of new TextEncoder().encode(text)) bin += String.fromCharCode(byte);
        return btoa(bin);
      }
      case 'Fn::ImportValue': {
        const name = this.str(r(arg), fn, path);
        if (name !== undefined) {
          this.issues.warnings.push(`Fn::ImportValue "${name}": other stacks are not simulated; the export name stands in for its value`);
        }
        return name;
      }
      case 'Fn::Cidr':
        return this.cidr(arg, path, inCondition);
      case 'Fn::Length': {
        const items = this.list(r(arg), fn, path);
        return items?.length;
      }
      case 'Fn::ToJsonString': {
        const v = r(arg);
        return v === undefined ? undefined : JSON.stringify(v);
      }
      case 'Fn::If': {
        const a = this.args(arg, fn, [3], path);
        if (!a) return undefined;
        if (typeof a[0] !== 'string') return this.bad(path, `Fn::If takes a condition name first, got ${describeValue(a[0])}`);
        const c = this.condition(a[0], path);
        if (c === undefined) return undefined;
        return r(c ? a[1] : a[2]);
      }
      case 'Fn::Equals': {
        const a = this.args(arg, fn, [2], path);
        if (!a) return undefined;
        const x = r(a[0]);
        const y = r(a[1]);
        if (x === undefined || y === undefined) return undefined;
        return canonical(x) === canonical(y);
      }
      case 'Fn::And':
      case 'Fn::Or': {
        const a = this.args(arg, fn, [2, 3, 4, 5, 6, 7, 8, 9, 10], path);
        if (!a) return undefined;
        const values = a.map((c) => this.bool(this.resolve(c, path, true), fn, path));
        if (values.includes(undefined)) return undefined;
        return fn === 'Fn::And' ? values.every(Boolean) : values.some(Boolean);
      }
      case 'Fn::Not': {
        const a = this.args(arg, fn, [1], path);
        if (!a) return undefined;
        const v = this.bool(this.resolve(a[0], path, true), fn, path);
        return v === undefined ? undefined : !v;
      }
      default:
        return this.bad(path, `unsupported intrinsic function ${fn}; supported: ${SUPPORTED_FUNCTIONS.join(', ')}`);
    }
  }

  private sub(arg: unknown, path: PathSegment[], inCondition: boolean): unknown {
    let template: unknown = arg;
    let vars: Record<string, unknown> = {};
    if (Array.isArray(arg)) {
      if (arg.length !== 2 || !isPlainObject(arg[1])) {
        return this.bad(path, `Fn::Sub takes a string or [string, { name: value }], got ${describeValue(arg)}`);
      }
      template = arg[0];
      vars = this.resolve(arg[1], path, inCondition) as Record<string, unknown>;
    }
    if (typeof template !== 'string') return this.bad(path, `Fn::Sub takes a string template, got ${describeValue(template)}`);
    let failed = false;
    const out = template.replace(/\$\{([^}]*)\}/g, (whole, inner: string) => {
      if (inner.startsWith('!')) return `\${${inner.slice(1)}}`;
      const name = inner.trim();
      let v: unknown;
      if (Object.hasOwn(vars, name)) v = vars[name];
      else if (name.startsWith('AWS::') || this.ctx.parameters.has(name)) v = this.ref(name, path);
      else if (name.includes('.')) {
        const dot = name.indexOf('.');
        v = this.getAtt(name.slice(0, dot), name.slice(dot + 1), path);
      } else v = this.ref(name, path);
      const s = this.str(v, 'Fn::Sub', path);
      if (s === undefined) {
        failed = true;
        return whole;
      }
      return s;
    });
    return failed ? undefined : out;
  }

  private findInMap(arg: unknown, path: PathSegment[], inCondition: boolean): unknown {
    const a = this.args(arg, 'Fn::FindInMap', [3], path);
    if (!a) return undefined;
    const keys = a.map((k) => this.str(this.resolve(k, path, inCondition), 'Fn::FindInMap', path));
    if (keys.includes(undefined)) return undefined;
    const [mapName, top, second] = keys as string[];
    const map = this.ctx.mappings[mapName!];
    if (!isPlainObject(map)) {
      return this.bad(path, `Fn::FindInMap: no mapping "${mapName}"; mappings: ${Object.keys(this.ctx.mappings).join(', ') || '(none)'}`);
    }
    const level = map[top!];
    if (!isPlainObject(level)) {
      return this.bad(path, `Fn::FindInMap: mapping "${mapName}" has no key "${top}"; keys: ${Object.keys(map).join(', ')}`);
    }
    if (!Object.hasOwn(level, second!)) {
      return this.bad(path, `Fn::FindInMap: ${mapName}.${top} has no key "${second}"; keys: ${Object.keys(level).join(', ')}`);
    }
    return level[second!];
  }

  private cidr(arg: unknown, path: PathSegment[], inCondition: boolean): unknown {
    const a = this.args(arg, 'Fn::Cidr', [3], path);
    if (!a) return undefined;
    const [block, count, bits] = a.map((v) => this.resolve(v, path, inCondition));
    const m = typeof block === 'string' ? /^(\d+)\.(\d+)\.(\d+)\.(\d+)\/(\d+)$/.exec(block) : null;
    const n = Number(count);
    const b = Number(bits);
    if (!m || !Number.isInteger(n) || !Number.isInteger(b) || n < 1 || b < 1 || b > 32) {
      return this.bad(path, `Fn::Cidr takes [ipv4 block "a.b.c.d/n", count ≥ 1, cidrBits 1–32], got ${describeValue(arg)}`);
    }
    const prefix = Number(m[5]);
    const base = (((Number(m[1]) * 256 + Number(m[2])) * 256 + Number(m[3])) * 256 + Number(m[4])) >>> 0;
    const size = 2 ** b;
    if (32 - b < prefix || n * size > 2 ** (32 - prefix)) {
      return this.bad(path, `Fn::Cidr: ${n} subnets of /${32 - b} do not fit in ${block}`);
    }
    const out: string[] = [];
    for (let i = 0; i < n; i++) {
      const ip = base + i * size;
      out.push(`${(ip >>> 24) & 255}.${(ip >>> 16) & 255}.${(ip >>> 8) & 255}.${ip & 255}/${32 - b}`);
    }
    return out;
  }
}

/** Equality as Fn::Equals sees it: `"512"` equals `512`. */
function canonical(v: unknown): string {
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : JSON.stringify(v);
}
