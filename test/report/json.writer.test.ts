import { describe, expect, it } from 'vitest';
import { type Report, toJson } from '../../src/report';
import { sampleReport } from './sampleReport';

describe('toJson', () => {
  it('writes the sample report byte for byte: documented key order, 2-space indent, trailing newline', () => {
    expect(toJson(sampleReport())).toBe(`{
  "schemaVersion": 1,
  "scenario": "web-api",
  "seed": 42,
  "durationSeconds": 3600,
  "tickSeconds": 1,
  "region": "us-east-1",
  "warnings": [],
  "variants": [
    {
      "name": "base",
      "totals": {
        "costUsd": 0.0493704,
        "requests": {
          "arrived": 1010,
          "served": 1000,
          "failed": 4,
          "throttled": 0,
          "queued": 6
        },
        "latencyMs": {
          "p50": 15.007,
          "p95": 19.503,
          "p99": 19.903
        }
      },
      "resources": {
        "WebService": {
          "type": "AWS::ECS::Service",
          "costUsd": 0.0493704,
          "lineItems": [
            {
              "description": "Fargate vCPU (Linux/X86_64)",
              "quantity": 3600,
              "unit": "vCPU-second",
              "unitPriceUsd": 0.000011244,
              "costUsd": 0.0404784
            },
            {
              "description": "Fargate memory (Linux/X86_64)",
              "quantity": 7200,
              "unit": "GiB-second",
              "unitPriceUsd": 0.000001235,
              "costUsd": 0.008892
            }
          ],
          "taskSeconds": 7200,
          "tasksMax": 2
        }
      }
    }
  ]
}
`);
  });

  it('writes the same bytes whatever order the objects were built in', () => {
    const built = sampleReport({ series: true });
    const v = built.variants[0]!;
    const web = v.resources['WebService']!;
    const shuffled: Report = {
      variants: [
        {
          series: v.series,
          resources: {
            WebService: {
              taskSeconds: web['taskSeconds'],
              lineItems: web.lineItems.map((i) => ({
                costUsd: i.costUsd,
                unitPriceUsd: i.unitPriceUsd,
                unit: i.unit,
                quantity: i.quantity,
                description: i.description,
              })),
              tasksMax: web['tasksMax'],
              costUsd: web.costUsd,
              type: web.type,
            },
          },
          totals: {
            latencyMs: { p99: v.totals.latencyMs.p99, p95: v.totals.latencyMs.p95, p50: v.totals.latencyMs.p50 },
            requests: { queued: 6, throttled: 0, failed: 4, served: 1000, arrived: 1010 },
            costUsd: v.totals.costUsd,
          },
          name: v.name,
        },
      ],
      warnings: [],
      region: 'us-east-1',
      tickSeconds: 1,
      durationSeconds: 3600,
      seed: 42,
      scenario: 'web-api',
      schemaVersion: 1,
    };
    expect(toJson(shuffled)).toBe(toJson(built));
  });

  it('writes each series point on one line', () => {
    const json = toJson(sampleReport({ series: true }));
    expect(json).toContain('"points": [\n              [0, 1.5, 2],\n              [60, 2, 2]\n            ]');
  });

  it("writes a resource's metrics after its fixed fields, sorted by name", () => {
    const r = sampleReport();
    const web = r.variants[0]!.resources['WebService']!;
    r.variants[0]!.resources['WebService'] = { zeta: 1, alpha: 2, ...web };
    const json = toJson(r);
    const at = (k: string) => json.indexOf(`"${k}"`);
    expect(at('lineItems')).toBeLessThan(at('alpha'));
    expect([at('alpha'), at('taskSeconds'), at('tasksMax'), at('zeta')]).toEqual(
      [at('alpha'), at('taskSeconds'), at('tasksMax'), at('zeta')].sort((a, b) => a - b),
    );
  });

  it('writes null latency percentiles when no request was served', () => {
    const r = sampleReport();
    r.variants[0]!.totals.latencyMs = { p50: null, p95: null, p99: null };
    expect(toJson(r)).toContain('"latencyMs": {\n          "p50": null,\n          "p95": null,\n          "p99": null\n        }');
  });

  it('leaves number triples inside strings alone', () => {
    const r = sampleReport();
    r.warnings.push('odd [\n1,\n2,\n3\n] text');
    expect(JSON.parse(toJson(r)).warnings).toEqual(['odd [\n1,\n2,\n3\n] text']);
  });

  it('round-trips through JSON.parse to an equal report', () => {
    const r = sampleReport({ series: true });
    expect(JSON.parse(toJson(r))).toEqual(r);
  });
});
