/**
 * Template `Parameters`: each one's value is the caller's override (`opts.parameters`) or its
 * `Default`, checked against `AllowedValues`, `AllowedPattern`, `MinValue` and `MaxValue`.
 * List types (`CommaDelimitedList`, `List<...>`) become lists.
 */
import { describeValue, type IssueList } from './issues';

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Parameter values by name; `undefined` for a parameter without a usable value (already reported). */
export function resolveParameters(
  raw: unknown,
  overrides: Record<string, string> | undefined,
  issues: IssueList,
): Map<string, unknown> {
  const values = new Map<string, unknown>();
  const declared = isPlainObject(raw) ? raw : {};
  if (raw !== undefined && raw !== null && !isPlainObject(raw)) {
    issues.add(['Parameters'], `expected a mapping of parameter name to { Type, Default, ... }, got ${describeValue(raw)}`);
  }
  for (const name of Object.keys(overrides ?? {})) {
    if (!Object.hasOwn(declared, name)) {
      const list = Object.keys(declared).join(', ') || '(none)';
      issues.add(raw === undefined ? [] : ['Parameters'], `unknown parameter "${name}" given to the loader; parameters: ${list}`);
    }
  }
  for (const [name, decl] of Object.entries(declared)) {
    const path = ['Parameters', name];
    if (!isPlainObject(decl)) {
      issues.add(path, `expected a mapping with Type and Default, got ${describeValue(decl)}`);
      continue;
    }
    const given = overrides && Object.hasOwn(overrides, name) ? overrides[name] : decl.Default;
    if (given === undefined || given === null) {
      issues.add(path, 'no value: give it a Default, or pass a value (opts.parameters / --parameter)');
      values.set(name, undefined);
      continue;
    }
    const type = typeof decl.Type === 'string' ? decl.Type : 'String';
    const isList = type === 'CommaDelimitedList' || type.startsWith('List<');
    let value: unknown = given;
    if (isList && typeof given === 'string') value = given.split(',').map((s) => s.trim());
    if (type === 'Number' && typeof given === 'string' && given.trim() !== '' && !Number.isNaN(Number(given))) {
      value = Number(given);
    }
    const valuePath = overrides && Object.hasOwn(overrides, name) ? path : [...path, 'Default'];
    if (type === 'Number' && typeof value !== 'number') {
      issues.add(valuePath, `parameter ${name} is a Number, got ${describeValue(given)}`);
      values.set(name, undefined);
      continue;
    }
    // A value that breaks its constraints is reported once here; Refs to it then fail quietly.
    values.set(name, checkParameter(name, decl, value, valuePath, issues) ? value : undefined);
  }
  return values;
}

function checkParameter(
  name: string,
  decl: Record<string, unknown>,
  value: unknown,
  path: (string | number)[],
  issues: IssueList,
): boolean {
  const items = Array.isArray(value) ? value : [value];
  const allowed = decl.AllowedValues;
  if (Array.isArray(allowed)) {
    const ok = new Set(allowed.map(String));
    const bad = items.find((v) => !ok.has(String(v)));
    if (bad !== undefined) {
      issues.add(path, `parameter ${name}: ${describeValue(bad)} is not allowed; allowed: ${allowed.map(String).join(', ')}`);
      return false;
    }
  }
  if (typeof decl.AllowedPattern === 'string') {
    const re = new RegExp(`^(?:${decl.AllowedPattern})$`);
    const bad = items.find((v) => !re.test(String(v)));
    if (bad !== undefined) {
      issues.add(path, `parameter ${name}: ${describeValue(bad)} does not match AllowedPattern ${decl.AllowedPattern}`);
      return false;
    }
  }
  if (typeof value === 'number') {
    const min = Number(decl.MinValue);
    const max = Number(decl.MaxValue);
    if (decl.MinValue !== undefined && value < min) {
      issues.add(path, `parameter ${name}: ${value} is below MinValue ${min}`);
      return false;
    }
    if (decl.MaxValue !== undefined && value > max) {
      issues.add(path, `parameter ${name}: ${value} is above MaxValue ${max}`);
      return false;
    }
  }
  return true;
}
