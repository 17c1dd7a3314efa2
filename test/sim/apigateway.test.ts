import { describe, expect, it } from 'vitest';
import { loadScenarioText } from '../../src/scenario';
import { runVariant } from '../../src/sim';

function apiScenario(o: { stage?: string; rate: number; second?: boolean }) {
  return loadScenarioText(
    `
Name: api
Seed: 1
Duration: 2m
Transform: AWS::Serverless-2016-10-31
Settings: { Lambda: { AccountConcurrency: 100000 } }
Resources:
  Api:
    Type: AWS::Serverless::HttpApi
    Properties:
${o.stage ?? '      StageName: prod'}
  Fn:
    Type: AWS::Serverless::Function
    Metadata: { clustersim: { InitDurationMs: { Dist: constant, Value: 100 } } }
    Properties:
      Runtime: nodejs22.x
      Handler: index.handler
      MemorySize: 512
      Timeout: 5
      Events:
        Get: { Type: HttpApi, Properties: { ApiId: !Ref Api, Path: /, Method: GET } }
${
  o.second
    ? `  Api2:
    Type: AWS::Serverless::HttpApi
  Fn2:
    Type: AWS::Serverless::Function
    Metadata: { clustersim: { InitDurationMs: { Dist: constant, Value: 100 } } }
    Properties:
      Runtime: nodejs22.x
      Handler: index.handler
      MemorySize: 512
      Timeout: 5
      Events:
        Get: { Type: HttpApi, Properties: { ApiId: !Ref Api2, Path: /, Method: GET } }
`
    : ''
}Workload:
  - Name: calls
    Target: Api
    Arrivals: { Pattern: constant, Rate: ${o.rate}, Process: exact }
    Work: { DurationMs: { Dist: constant, Value: 10 } }
${
  o.second
    ? `  - Name: calls2
    Target: Api2
    Arrivals: { Pattern: constant, Rate: ${o.rate}, Process: exact }
    Work: { DurationMs: { Dist: constant, Value: 10 } }
`
    : ''
}`,
    'api.yaml',
  );
}

describe('API Gateway throttling', () => {
  it('lets a stage’s rate and burst through and refuses the rest with 429', () => {
    const r = runVariant(apiScenario({ rate: 200, stage: '      DefaultRouteSettings: { ThrottlingRateLimit: 50, ThrottlingBurstLimit: 20 }' }));
    const api = r.resources['Api']!;
    // 120 s at 200/s = 24,000 requests; the bucket starts full (20) and refills 50 a second.
    expect(api['requests']).toBe(24_000);
    const passed = (api['requests'] as number) - (api['throttled'] as number);
    expect(passed).toBeGreaterThanOrEqual(20 + 50 * 120 - 2);
    expect(passed).toBeLessThanOrEqual(20 + 50 * 120 + 1);
    expect(api['throttling']).toEqual({ stage: '$default', rateLimit: 50, burstLimit: 20 });
    expect(r.totals.requests.throttled).toBe(api['throttled']);
  });

  it('without stage throttling uses the account’s 10,000 requests a second', () => {
    const under = runVariant(apiScenario({ rate: 9000 })).resources['Api']!;
    expect(under['throttled']).toBe(0);
    expect(under['throttling']).toEqual({ stage: null, rateLimit: 10_000, burstLimit: 5_000 });
    const over = runVariant(apiScenario({ rate: 12_000 })).resources['Api']!;
    // 2,000 a second over the limit, less the 5,000 burst at the start.
    expect(over['throttled']).toBeGreaterThan(2000 * 120 - 5000 - 100);
    expect(over['throttled']).toBeLessThan(2000 * 120 - 5000 + 100);
  });

  it('invokes the function with each workload’s own work when several workloads use one API', () => {
    const s = apiScenario({ rate: 10 });
    // The second workload's 300 ms are CPU-bound, measured at 256 MB: at 512 MB they take 150 ms.
    s.Workload.push({
      ...s.Workload[0]!,
      Name: 'calls2',
      Work: { DurationMs: { Dist: 'constant', Value: 300 }, CpuBound: true, MeasuredAtMemorySize: 256 },
    });
    s.Workload[0]!.Work = { DurationMs: { Dist: 'constant', Value: 100 }, CpuBound: false, MeasuredAtMemorySize: 1769 };
    const r = runVariant(s);
    // 1,200 requests of 100 ms and 1,200 of 150 ms at 512 MB: (120 + 180) s × 0.5 GB.
    expect(r.resources['Api']!['requests']).toBe(2400);
    expect(r.resources['Fn']!['gbSeconds']).toBe(150);
  });

  it('shares the account’s limit between APIs', () => {
    // Two APIs at 6,000 a second each: 12,000 against the account's 10,000. The APIs draw on the
    // shared bucket in turn within a tick, so part of the opening burst can be lost (at most one burst).
    const r = runVariant(apiScenario({ rate: 6000, second: true }));
    const throttled = (r.resources['Api']!['throttled'] as number) + (r.resources['Api2']!['throttled'] as number);
    expect(throttled).toBeGreaterThan(2000 * 120 - 5000 - 100);
    expect(throttled).toBeLessThan(2000 * 120 + 100);
    const alone = runVariant(apiScenario({ rate: 6000 })).resources['Api']!;
    expect(alone['throttled']).toBe(0);
  });
});
