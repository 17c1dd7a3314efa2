import { describe, expect, it } from 'vitest';
import { buildVariantReport, colorWanted, toTable } from '../../src/report';
import { armVariant, baseVariant, sampleReport } from './sampleReport';

describe('toTable', () => {
  const one = toTable(sampleReport());

  it('shows the totals: requests by outcome, latency percentiles and cost', () => {
    for (const s of ['1,010', '1,000', '│       4 │', '│       6 │', '15.01', '19.5', '19.9', '$0.0494', '$49.37']) {
      expect(one).toContain(s);
    }
  });

  it("shows each resource's line items with quantity, unit price and cost", () => {
    expect(one).toContain('WebService (AWS::ECS::Service): $0.0494');
    expect(one).toMatch(/Fargate vCPU \(Linux\/X86_64\)\s+│\s+3,600 │ vCPU-second │ \$0\.000011244 │\s+\$0\.0405 │/);
    expect(one).toMatch(/Fargate memory \(Linux\/X86_64\)\s+│\s+7,200 │ GiB-second\s+│ \$0\.000001235 │ \$0\.00889 │/);
    expect(one).toContain('taskSeconds 7,200, tasksMax 2');
  });

  it('has no comparison table for a single variant', () => {
    expect(one).not.toContain('Comparison');
  });

  it('writes no ANSI escapes without colour', () => {
    expect(one).not.toContain('\u001b[');
  });

  it('compares two variants side by side with the cost difference from base in percent', () => {
    const two = toTable(sampleReport({ variants: [baseVariant(), armVariant()] }));
    const comparison = two.slice(two.indexOf('Comparison'), two.indexOf('Variant base'));
    expect(comparison).toMatch(/│\s+│\s+base │\s+arm │/);
    expect(comparison).toMatch(/│ Total cost\s+│ \$0\.0494 │ \$0\.0395 │/);
    // (0.03949992 - 0.0493704) / 0.0493704 = -19.99 %, shown -20.0%
    expect(comparison).toMatch(/│ Cost vs base\s+│\s+base │\s+-20\.0% │/);
    expect(comparison).toMatch(/│ Served\s+│\s+1,000 │\s+1,010 │/);
    expect(comparison).toMatch(/│ p99 \(ms\)\s+│\s+19\.9 │\s+20\.91 │/);
    expect(two.indexOf('Variant base')).toBeLessThan(two.indexOf('Variant arm'));
  });

  it('shows n/a for latency and cost per request when nothing was served, and warnings first', () => {
    const idle = buildVariantReport({
      name: 'idle',
      requests: { arrived: 0, served: 0, failed: 0, throttled: 0, queued: 0 },
      latency: null,
      resources: {},
    });
    const r = sampleReport({ variants: [idle] });
    r.warnings.push('1 resource(s) kept but not simulated: Topic (AWS::SNS::Topic)');
    const text = toTable(r);
    expect(text).toMatch(/Latency p50 \(ms\)\s+│\s+n\/a │/);
    expect(text).toMatch(/Cost per 1M served\s+│\s+n\/a │/);
    expect(text.indexOf('Warnings:\n  - 1 resource(s) kept')).toBeLessThan(text.indexOf('Variant idle'));
  });
});

describe('colorWanted', () => {
  it('colours only a TTY without a non-empty NO_COLOR', () => {
    expect(colorWanted({ isTTY: true }, {})).toBe(true);
    expect(colorWanted({ isTTY: true }, { NO_COLOR: '' })).toBe(true);
    expect(colorWanted({ isTTY: true }, { NO_COLOR: '1' })).toBe(false);
    expect(colorWanted({ isTTY: false }, {})).toBe(false);
    expect(colorWanted({}, {})).toBe(false);
  });
});
