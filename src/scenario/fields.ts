/**
 * The zod building blocks scenario schemas share: numbers that may be written as strings (CFN
 * allows `"512"`), durations, strict objects whose unknown-key errors list the allowed keys,
 * the messages for zod issues, and the conversion of zod issues to path issues.
 */
import { z } from 'zod';
import { DURATION_FORMS, DURATION_PATTERN, parseDuration } from './duration';
import { describeValue, formatNumber, type IssueList } from './issues';
import type { PathSegment } from './positions';

/** Strings that read as numbers. */
export const NUMERIC_STRING_PATTERN = '^\\s*-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?\\s*$';
const NUMERIC_STRING_RE = new RegExp(NUMERIC_STRING_PATTERN);

/** Schemas whose JSON Schema should also accept a numeric string / a duration string (see `jsonSchemaOverride`). */
const numericSchemas = new WeakSet<object>();
const durationSchemas = new WeakSet<object>();
/** Duration inputs that also accept `never`. */
const neverDurationSchemas = new WeakSet<object>();
const booleanSchemas = new WeakSet<object>();

export interface NumberRules {
  min?: number;
  /** Exclusive lower bound. */
  gt?: number;
  max?: number;
  int?: boolean;
  /** Unit shown in messages, e.g. `requests/s`. */
  unit?: string;
}

function coerceNumeric(value: unknown): unknown {
  return typeof value === 'string' && NUMERIC_STRING_RE.test(value) ? Number(value) : value;
}

/** A number, also accepted as a numeric string. Messages state the range and unit. */
export function num(rules: NumberRules = {}) {
  const unit = rules.unit ? ` ${rules.unit}` : '';
  const expected = rules.int ? 'an integer' : 'a number';
  let s = z.number({
    error: (iss) =>
      iss.input === undefined ? `required: ${expected}${unit}` : `expected ${expected}${unit}, got ${describeValue(iss.input)}`,
  });
  if (rules.int) s = s.int({ error: (iss) => `must be a whole number, got ${describeValue(iss.input)}` });
  if (rules.min !== undefined) {
    const min = rules.min;
    s = s.min(min, { error: (iss) => `must be ≥ ${formatNumber(min)}${unit}, got ${describeValue(iss.input)}` });
  }
  if (rules.gt !== undefined) {
    const gt = rules.gt;
    s = s.gt(gt, { error: (iss) => `must be > ${formatNumber(gt)}${unit}, got ${describeValue(iss.input)}` });
  }
  if (rules.max !== undefined) {
    const max = rules.max;
    s = s.max(max, { error: (iss) => `must be ≤ ${formatNumber(max)}${unit}, got ${describeValue(iss.input)}` });
  }
  numericSchemas.add(s);
  return z.preprocess(coerceNumeric, s);
}

/** A boolean, also accepted as `"true"` / `"false"` (CloudFormation allows both). */
export function bool() {
  const s = z.boolean({
    error: (iss) => (iss.input === undefined ? 'required: true or false' : `expected true or false, got ${describeValue(iss.input)}`),
  });
  booleanSchemas.add(s);
  return z.preprocess((v) => (v === 'true' ? true : v === 'false' ? false : v), s);
}

export interface DurationRules {
  /** Smallest allowed, ms. */
  minMs?: number;
  /** Reject fractions of a millisecond. */
  wholeMs?: boolean;
  /** Also accept `never` (output: Infinity), for a limit that can be switched off. */
  never?: boolean;
}

/** A duration (`250ms`, `90s`, `10m`, `6h`, `30d`, or seconds), output in ms. */
export function duration(rules: DurationRules = {}) {
  const forms = rules.never ? `${DURATION_FORMS}, or never` : DURATION_FORMS;
  const input = z.union([z.number(), z.string()], {
    error: (iss) => (iss.input === undefined ? `required: a duration (${forms})` : `expected a duration (${forms}), got ${describeValue(iss.input)}`),
  });
  durationSchemas.add(input);
  if (rules.never) neverDurationSchemas.add(input);
  return input.transform((value, ctx) => {
    if (rules.never && value === 'never') return Number.POSITIVE_INFINITY;
    let ms: number;
    try {
      ms = parseDuration(value);
    } catch (e) {
      ctx.addIssue({ code: 'custom', message: rules.never ? `expected a duration (${forms}), got ${describeValue(value)}` : (e as Error).message });
      return z.NEVER;
    }
    if (rules.wholeMs && !Number.isInteger(ms)) {
      ctx.addIssue({ code: 'custom', message: `must be a whole number of milliseconds, got ${formatNumber(ms)} ms` });
      return z.NEVER;
    }
    if (rules.minMs !== undefined && ms < rules.minMs) {
      ctx.addIssue({ code: 'custom', message: `must be at least ${rules.minMs} ms, got ${formatNumber(ms)} ms` });
      return z.NEVER;
    }
    return ms;
  });
}

/** An object that rejects unknown keys; the error lists the allowed keys. */
export function strictObject<T extends z.ZodRawShape>(shape: T) {
  const allowed = Object.keys(shape);
  const list = allowed.length > 0 ? allowed.join(', ') : '(none yet)';
  return z.strictObject(shape, {
    error: (iss) => (iss.code === 'unrecognized_keys' ? `allowed: ${list}` : undefined),
  });
}

/** An enum whose error lists the allowed values. */
export function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, {
    error: (iss) =>
      iss.input === undefined
        ? `required: one of ${values.join(', ')}`
        : `must be one of ${values.join(', ')}; got ${describeValue(iss.input)}`,
  });
}

/** The message for a zod issue that has no schema-specific one. */
export function defaultMessage(iss: z.core.$ZodRawIssue): string | undefined {
  switch (iss.code) {
    case 'invalid_type': {
      const expected = EXPECTED[iss.expected] ?? iss.expected;
      return iss.input === undefined ? `required: ${expected}` : `expected ${expected}, got ${describeValue(iss.input)}`;
    }
    case 'invalid_value': {
      const values = iss.values.map((v) => String(v)).join(', ');
      return `must be one of ${values}; got ${describeValue(iss.input)}`;
    }
    case 'invalid_union': {
      const options = (iss as { options?: unknown[] }).options;
      const discriminator = (iss as { discriminator?: string }).discriminator;
      if (options && discriminator !== undefined) {
        const input = iss.input as Record<string, unknown> | undefined;
        const got = input && typeof input === 'object' ? input[discriminator] : undefined;
        const list = options.map(String).join(', ');
        return got === undefined ? `required: one of ${list}` : `must be one of ${list}; got ${describeValue(got)}`;
      }
      return undefined;
    }
    case 'too_small':
      if (iss.origin === 'array') return `must have at least ${iss.minimum} item(s)`;
      if (iss.origin === 'string') return `must not be empty`;
      return `must be ${iss.inclusive ? '≥' : '>'} ${iss.minimum}, got ${describeValue(iss.input)}`;
    case 'too_big':
      if (iss.origin === 'array') return `must have at most ${iss.maximum} item(s)`;
      return `must be ${iss.inclusive ? '≤' : '<'} ${iss.maximum}, got ${describeValue(iss.input)}`;
    default:
      return undefined;
  }
}

const EXPECTED: Record<string, string> = {
  object: 'a mapping',
  array: 'a list',
  string: 'a string',
  number: 'a number',
  int: 'an integer',
  boolean: 'true or false',
  record: 'a mapping',
};

/**
 * Validates `data` with `schema`; issues go to `issues` with paths under `prefix`. Returns the
 * output, or undefined when there were issues. Issues under already-failed paths are dropped.
 */
export function parseInto<S extends z.ZodType>(
  schema: S,
  data: unknown,
  prefix: PathSegment[],
  issues: IssueList,
): z.output<S> | undefined {
  const result = schema.safeParse(data, { error: defaultMessage });
  if (result.success) return result.data;
  for (const iss of result.error.issues) {
    const path = [...prefix, ...iss.path.map((p) => (typeof p === 'number' ? p : String(p)))];
    if (issues.isUnderFailed(path)) continue;
    if (iss.code === 'unrecognized_keys') {
      for (const k of iss.keys) issues.add([...path, k], `unknown key "${k}"; ${iss.message}`, true);
    } else {
      issues.add(path, iss.message);
    }
  }
  return undefined;
}

/**
 * `override` for `z.toJSONSchema`: numeric fields also accept numeric strings, booleans also
 * `"true"`/`"false"`, and durations get their string pattern, matching what the loader accepts.
 */
export function jsonSchemaOverride(ctx: { zodSchema: unknown; jsonSchema: Record<string, unknown> }): void {
  const js = ctx.jsonSchema;
  if (numericSchemas.has(ctx.zodSchema as object)) {
    const copy = { ...js };
    for (const k of Object.keys(js)) delete js[k];
    const { description, default: dflt, ...rest } = copy;
    if (description !== undefined) js.description = description;
    if (dflt !== undefined) js.default = dflt;
    js.anyOf = [rest, { type: 'string', pattern: NUMERIC_STRING_PATTERN }];
  } else if (booleanSchemas.has(ctx.zodSchema as object)) {
    const { description, default: dflt } = js;
    for (const k of Object.keys(js)) delete js[k];
    if (description !== undefined) js.description = description;
    if (dflt !== undefined) js.default = dflt;
    js.anyOf = [{ type: 'boolean' }, { type: 'string', enum: ['true', 'false'] }];
  } else if (durationSchemas.has(ctx.zodSchema as object)) {
    const { description } = js;
    for (const k of Object.keys(js)) delete js[k];
    if (description !== undefined) js.description = description;
    js.anyOf = [
      { type: 'number', minimum: 0, description: 'seconds' },
      { type: 'string', pattern: DURATION_PATTERN },
      ...(neverDurationSchemas.has(ctx.zodSchema as object) ? [{ type: 'string', const: 'never' }] : []),
    ];
  }
}
