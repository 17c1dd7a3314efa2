import { describe, expect, it } from 'vitest';
import {
  buildReport,
  buildResourceReport,
  buildSeriesReport,
  buildVariantReport,
  LatencyHistogram,
  latencyPercentiles,
  lineItem,
} from '../../src/report';

const none = { arrived: 0, served: 0, failed: 0, throttled: 0, queued: 0 };

describe('buildResourceReport', () => {
  it('costs a resource at the sum of its line items, in nano-dollars', () => {
    const r = buildResourceReport('AWS::Lambda::Function', [
      lineItem('Requests', 3, 'request', 0.0000002),
      lineItem('Duration', 0.1, 'GiB-second', 0.2),
      lineItem('Duration', 0.2, 'GiB-second', 1),
    ]);
    expect(r.costUsd).toBe(0.2200006);
    expect(Object.keys(r)).toEqual(['type', 'costUsd', 'lineItems']);
  });

  it('puts metrics after the fixed fields, sorted by name', () => {
    const r = buildResourceReport('AWS::ECS::Service', [], { tasksMax: 3, coldStarts: 0 });
    expect(Object.keys(r)).toEqual(['type', 'costUsd', 'lineItems', 'coldStarts', 'tasksMax']);
    expect(r.costUsd).toBe(0);
  });

  it('refuses a metric named like a fixed field', () => {
    expect(() => buildResourceReport('AWS::ECS::Service', [], { costUsd: 1 })).toThrow(/costUsd/);
  });
});

describe('buildVariantReport', () => {
  it("totals the resources' costs and takes p50/p95/p99 from the latency histogram", () => {
    const latency = new LatencyHistogram();
    for (let i = 1; i <= 100; i++) latency.record(i / 100); // below 2.048 ms: exact to the µs
    const v = buildVariantReport({
      name: 'base',
      requests: { arrived: 100, served: 100, failed: 0, throttled: 0, queued: 0 },
      latency,
      resources: {
        A: buildResourceReport('AWS::ECS::Service', [lineItem('x', 1, 'u', 0.1)]),
        B: buildResourceReport('AWS::ECS::Service', [lineItem('y', 1, 'u', 0.2)]),
      },
    });
    expect(v.totals.costUsd).toBe(0.3);
    expect(v.totals.latencyMs).toEqual({ p50: 0.5, p95: 0.95, p99: 0.99 });
    expect(Object.keys(v.resources)).toEqual(['A', 'B']);
    expect('series' in v).toBe(false);
  });

  it('gives null percentiles when no request was served', () => {
    expect(latencyPercentiles(null)).toEqual({ p50: null, p95: null, p99: null });
    expect(latencyPercentiles(new LatencyHistogram())).toEqual({ p50: null, p95: null, p99: null });
    const v = buildVariantReport({ name: 'idle', requests: none, latency: new LatencyHistogram(), resources: {} });
    expect(v.totals.latencyMs).toEqual({ p50: null, p95: null, p99: null });
  });

  it('turns series points into [t, mean, max] tuples', () => {
    expect(buildSeriesReport('tasks', 1, [{ t: 0, mean: 1, max: 2 }])).toEqual({
      unit: 'tasks',
      bucketSeconds: 1,
      points: [[0, 1, 2]],
    });
  });
});

describe('buildReport', () => {
  const input = { scenario: 's', seed: 1, durationSeconds: 60, tickSeconds: 1, region: 'us-east-1', warnings: ['w'] };

  it('writes schema version 1 and keeps the given warnings', () => {
    const v = buildVariantReport({ name: 'base', requests: none, latency: null, resources: {} });
    const r = buildReport({ ...input, variants: [v] });
    expect(r.schemaVersion).toBe(1);
    expect(r.warnings).toEqual(['w']);
    expect(Object.keys(r)).toEqual([
      'schemaVersion',
      'scenario',
      'seed',
      'durationSeconds',
      'tickSeconds',
      'region',
      'warnings',
      'variants',
    ]);
  });

  it('warns when a variant loses or invents requests', () => {
    const v = buildVariantReport({
      name: 'leaky',
      requests: { arrived: 10, served: 5, failed: 1, throttled: 1, queued: 2 },
      latency: null,
      resources: {},
    });
    const r = buildReport({ ...input, variants: [v] });
    expect(r.warnings).toEqual([
      'w',
      "variant 'leaky': requests do not add up: arrived 10 ≠ served 5 + failed 1 + throttled 1 + queued 2",
    ]);
    expect(input.warnings).toEqual(['w']);
  });
});
