/**
 * The `Workload` section: load sources, their arrival patterns and work-size distributions.
 * The output is the runtime's `WorkloadSpec` (src/workload/types.ts): durations in ms; a trace's
 * `TimesMs`/`Counts` are filled in by the loader after it reads the CSV (trace.ts).
 */
import { MAX_RATE_PER_SECOND } from './limits';
import { z } from 'zod';
import type { WorkloadSpec } from '../workload/types';
import { bool, duration, num, oneOf, strictObject } from './fields';
import { formatNumber } from './issues';

/** The 99th percentile of the standard normal distribution. */
export const Z99 = 2.3263478740408408;

/**
 * The largest P99 a lognormal with this mean can have: σ solves ln(P99/Mean) = z99·σ − σ²/2,
 * which has a real root only while ln(P99/Mean) ≤ z99²/2.
 */
export function lognormalMaxP99(mean: number): number {
  return mean * Math.exp((Z99 * Z99) / 2);
}

const RATE = { min: 0, max: MAX_RATE_PER_SECOND, unit: 'requests/s' } as const;

export const DistSchema = z.discriminatedUnion('Dist', [
  strictObject({ Dist: z.literal('constant'), Value: num({ min: 0 }) }),
  strictObject({ Dist: z.literal('exponential'), Mean: num({ gt: 0 }) }),
  strictObject({ Dist: z.literal('lognormal'), Mean: num({ gt: 0 }), P99: num({ gt: 0 }) }).superRefine((d, ctx) => {
    if (d.P99 <= d.Mean) {
      ctx.addIssue({ code: 'custom', path: ['P99'], message: `must exceed Mean (${formatNumber(d.Mean)}), got ${formatNumber(d.P99)}` });
    } else if (d.P99 > lognormalMaxP99(d.Mean)) {
      ctx.addIssue({
        code: 'custom',
        path: ['P99'],
        message: `${formatNumber(d.P99)} is too far above Mean ${formatNumber(d.Mean)} for a lognormal: the largest P99 allowed for Mean ${formatNumber(d.Mean)} is ${formatNumber(lognormalMaxP99(d.Mean))} (Mean × e^(z99²/2))`,
      });
    }
  }),
  strictObject({ Dist: z.literal('uniform'), Min: num({ min: 0 }), Max: num({ min: 0 }) }).superRefine((d, ctx) => {
    if (d.Min > d.Max) {
      ctx.addIssue({ code: 'custom', path: ['Max'], message: `must be ≥ Min (${formatNumber(d.Min)}), got ${formatNumber(d.Max)}` });
    }
  }),
]);

const Process = oneOf(['poisson', 'exact']).default('poisson').describe('poisson: random counts and times; exact: the rate delivered evenly');

const StepSchema = strictObject({ At: duration(), Rate: num(RATE) });

const PatternSchema = z.discriminatedUnion('Pattern', [
  strictObject({ Pattern: z.literal('constant'), Rate: num(RATE), Process }),
  strictObject({
    Pattern: z.literal('ramp'),
    From: num(RATE),
    To: num(RATE),
    Over: duration().describe('How long the ramp lasts'),
    At: duration().prefault(0).describe('When the ramp starts (default 0)'),
    Process,
  }),
  strictObject({ Pattern: z.literal('steps'), Steps: z.array(StepSchema).min(1), Process }).superRefine((p, ctx) => {
    for (let i = 1; i < p.Steps.length; i++) {
      const prev = p.Steps[i - 1]!.At;
      if (p.Steps[i]!.At <= prev) {
        ctx.addIssue({
          code: 'custom',
          path: ['Steps', i, 'At'],
          message: `must be after the previous step's At (${formatNumber(prev)} ms): At values strictly increase`,
        });
      }
    }
  }),
  strictObject({
    Pattern: z.literal('diurnal'),
    Trough: num(RATE),
    Peak: num(RATE),
    PeakAt: num({ min: 0, max: 24, unit: 'h (UTC hour of day)' }),
    Process,
  }).superRefine((p, ctx) => {
    if (p.Trough > p.Peak) {
      ctx.addIssue({ code: 'custom', path: ['Trough'], message: `must not exceed Peak (${formatNumber(p.Peak)}), got ${formatNumber(p.Trough)}` });
    }
  }),
  strictObject({
    Pattern: z.literal('spike'),
    Base: num(RATE),
    Peak: num(RATE),
    At: duration(),
    RampUp: duration().prefault(0),
    Hold: duration(),
    RampDown: duration().prefault(0),
    Process,
  }),
  strictObject({
    Pattern: z.literal('trace'),
    File: z.string().min(1).describe('CSV `seconds_from_start,count` with a header, relative to the scenario file'),
    Process,
  }),
]);

export const ArrivalsSchema = PatternSchema.transform((a) =>
  a.Pattern === 'trace' ? { ...a, TimesMs: [] as number[], Counts: [] as number[] } : a,
);

export const WorkSchema = strictObject({
  CpuMs: DistSchema.optional().describe('CPU time one request needs on a task, ms (ECS services)'),
  DurationMs: DistSchema.optional().describe('Run time of one request, ms (Lambda functions; required for Lambda-backed targets)'),
  CpuBound: bool()
    .optional()
    .describe('Lambda: the run time scales with the vCPU share of the memory size (1769 MB = 1 vCPU); default false'),
  MeasuredAtMemorySize: num({ int: true, min: 128, max: 10_240, unit: 'MB' })
    .optional()
    .describe('Lambda: memory size, MB, DurationMs was measured at (default 1769, one vCPU)'),
  DbQueries: DistSchema.optional().describe(
    'Database queries one request makes (each draw rounded to a whole number ≥ 0), on the database its target names; default none. Needs DbCpuMs',
  ),
  DbCpuMs: DistSchema.optional().describe('Database CPU time one query needs, ms of one vCPU; needs DbQueries'),
}).superRefine((w, ctx) => {
  if ((w.DbQueries === undefined) !== (w.DbCpuMs === undefined)) {
    const missing = w.DbQueries === undefined ? 'DbQueries' : 'DbCpuMs';
    const given = w.DbQueries === undefined ? 'DbCpuMs' : 'DbQueries';
    ctx.addIssue({ code: 'custom', path: [missing], message: `required with ${given}: database work needs both queries per request (DbQueries) and CPU per query (DbCpuMs)` });
  }
});

export const WorkloadItemSchema = strictObject({
  Name: z.string().min(1),
  Target: z.string().describe('Logical ID of the resource that receives the requests (!Ref X also works)'),
  Arrivals: ArrivalsSchema,
  Work: WorkSchema.prefault({}),
  InvocationType: oneOf(['RequestResponse', 'Event'])
    .optional()
    .describe('Lambda function, alias or version targets: RequestResponse (synchronous, default) or Event (asynchronous)'),
});

/** Compile-time proof that the schema's output is the runtime's `WorkloadSpec`. */
export type WorkloadSchemaFitsRuntime = z.output<typeof WorkloadItemSchema> extends WorkloadSpec ? true : never;
const fits: WorkloadSchemaFitsRuntime = true;
void fits;
