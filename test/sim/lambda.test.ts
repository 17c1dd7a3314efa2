import { describe, expect, it } from 'vitest';
import { toJson } from '../../src/report';
import { loadScenarioText } from '../../src/scenario';
import { buildReport, runVariant } from '../../src/sim';

function lambdaScenario(o: { target?: string; freeTier?: boolean; rate?: string; pc?: number; extra?: string; invocation?: string; duration?: string }) {
  return loadScenarioText(
    `
Name: fn
Seed: 2
Duration: ${o.duration ?? '1h'}
Transform: AWS::Serverless-2016-10-31
Pricing: { FreeTier: ${o.freeTier ?? false} }
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Metadata: { clustersim: { InitDurationMs: { Dist: constant, Value: 250 } } }
    Properties:
      Runtime: nodejs22.x
      Handler: index.handler
      CodeUri: src/
      MemorySize: 1024
      Timeout: 5
      AutoPublishAlias: live
${o.pc ? `      ProvisionedConcurrencyConfig: { ProvisionedConcurrentExecutions: ${o.pc} }\n` : ''}${o.extra ?? ''}
Workload:
  - Name: calls
    Target: ${o.target ?? 'Fn'}
${o.invocation ? `    InvocationType: ${o.invocation}\n` : ''}    Arrivals: ${o.rate ?? '{ Pattern: constant, Rate: 10, Process: exact }'}
    Work: { DurationMs: { Dist: constant, Value: 100.2 } }
`,
    'fn.yaml',
  );
}

describe('Lambda through the scenario', () => {
  it('bills requests, duration rounded up to the ms and INIT, to the micro-dollar', () => {
    const r = runVariant(lambdaScenario({}));
    const fn = r.resources['Fn']!;
    // 10 req/s for an hour, exact arrivals 100 ms apart; each runs 100.2 ms → billed 101 ms at 1 GB.
    // The first request's 250 ms INIT makes the next three cold-start too; then four environments suffice.
    expect(fn['invocations']).toBe(36_000);
    expect(fn['coldStarts']).toBe(4);
    const requests = 36_000 * 0.0000002;
    const duration = ((36_000 * 101 * 1024) / 1_024_000) * 0.0000166667;
    const init = ((4 * 250 * 1024) / 1_024_000) * 0.0000166667;
    expect(fn.costUsd).toBeCloseTo(requests + duration + init, 6);
  });

  it('takes the free tier off requests and GB-seconds', () => {
    const r = runVariant(lambdaScenario({ freeTier: true }));
    // 36,000 requests and 3,636.25 GB-s are all within 1M requests and 400,000 GB-s.
    expect(r.resources['Fn']!.costUsd).toBe(0);
  });

  it('serves from provisioned concurrency through the alias without cold starts, not through $LATEST', () => {
    const viaAlias = runVariant(lambdaScenario({ pc: 5, target: 'Fn.Alias' })).resources['Fn']!;
    expect(viaAlias['coldStarts']).toBe(0);
    const unqualified = runVariant(lambdaScenario({ pc: 5, target: 'Fn' })).resources['Fn']!;
    expect(unqualified['coldStarts']).toBe(4);
    // The provisioned environments are billed whether used or not.
    expect(unqualified.lineItems.some((l) => l.description.startsWith('Provisioned concurrency'))).toBe(true);
  });

  it('throttles synchronous requests at reserved concurrency and counts them as throttled', () => {
    const r = runVariant(
      lambdaScenario({
        extra: '      ReservedConcurrentExecutions: 1\n',
        rate: '{ Pattern: constant, Rate: 20, Process: exact }',
        duration: '10m',
      }),
    );
    const t = r.totals.requests;
    expect(t.throttled).toBeGreaterThan(0);
    expect(t.arrived).toBe(t.served + t.failed + t.throttled + t.queued);
    expect(r.resources['Fn']!['peakConcurrency']).toBe(1);
  });

  it('gives the same bytes for the same seed', () => {
    const s = lambdaScenario({ rate: '{ Pattern: spike, Base: 5, Peak: 300, At: 10m, RampUp: 30s, Hold: 5m, RampDown: 5m }', invocation: 'Event' });
    const a = toJson(buildReport(s, [runVariant(s, { series: true })], []));
    const b = toJson(buildReport(s, [runVariant(s, { series: true })], []));
    expect(a).toBe(b);
  });
});
