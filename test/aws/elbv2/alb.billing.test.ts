import { describe, expect, it } from 'vitest';
import { ALB_TRAFFIC_DEFAULTS, AlbMeter, albLcuHours, albLineItems } from '../../../src/aws/elbv2';
import { pricesFor } from '../../../src/pricing';

const prices = pricesFor('us-east-1').alb;
const H = 3_600_000;
const MIN = 60_000;

describe('ALB billing', () => {
  it('states its traffic assumptions', () => {
    expect(ALB_TRAFFIC_DEFAULTS).toEqual({
      requestBytes: 1_000,
      responseBytes: 10_000,
      requestsPerConnection: 10,
      connectionSeconds: 10,
      rulesPerRequest: 1,
      targets: 'instances',
    });
  });

  it('bills an hour at 100 requests/s on processed bytes, the largest dimension', () => {
    const m = new AlbMeter();
    for (let s = 0; s < 3600; s++) m.record(s * 1000, 100);
    const usage = m.usage(H);
    expect(usage.requestsByHour).toEqual([360_000]);
    // 360,000 × 11,000 B = 3.96e9 B = 3.6880373954772949 GiB → 3.688… LCUs; new connections
    // 10/s → 0.4 LCU; active 100 → 0.033 LCU; 1 rule → no rule evaluations.
    expect(albLcuHours(usage, prices.lcu)).toBeCloseTo(3.96e9 / 2 ** 30, 12);
    expect(albLineItems(usage, prices).map((l) => [l.description, l.quantity, l.unit, l.unitPriceUsd, l.costUsd])).toEqual([
      ['Application Load Balancer hours', 1, 'ALB-hour', 0.0225, 0.0225],
      ['Application Load Balancer LCUs', 3.96e9 / 2 ** 30, 'LCU-hour', 0.008, 0.029504299],
    ]);
  });

  it('bills each hour or partial hour the ALB exists as one ALB-hour', () => {
    expect(new AlbMeter().usage(90 * MIN).albHours).toBe(2);
    expect(new AlbMeter({}, 30 * MIN).usage(60 * MIN).albHours).toBe(1);
    expect(new AlbMeter({}, 50 * MIN).usage(70 * MIN).albHours).toBe(2); // touches two billing hours
    expect(new AlbMeter().usage(1).albHours).toBe(1);
    expect(new AlbMeter({}, 10 * MIN).usage(10 * MIN).albHours).toBe(0);
    expect(new AlbMeter().usage(90 * MIN).existedSeconds).toBe(5400);
  });

  it('sums LCUs hour by hour, each hour on its own largest dimension', () => {
    // Hour 0: 90,000 new connections (25/s → 1 LCU); hour 1: idle; hour 2: half of that.
    const m = new AlbMeter({ requestsPerConnection: 1, requestBytes: 0, responseBytes: 0, connectionSeconds: 0 });
    m.record(0, 90_000);
    m.record(2 * H + 5_000, 45_000);
    const usage = m.usage(3 * H);
    expect(usage.requestsByHour).toEqual([90_000, 0, 45_000]);
    expect(albLcuHours(usage, prices.lcu)).toBe(1.5);
    expect(usage.albHours).toBe(3);
  });

  it('counts rule evaluations beyond the 10 free rules per request', () => {
    const m = new AlbMeter({ rulesPerRequest: 12, requestBytes: 0, responseBytes: 0, requestsPerConnection: 1000 });
    m.record(0, 3_600_000); // 1,000 requests/s × 2 counted rules = 2,000 evaluations/s
    expect(albLcuHours(m.usage(H), prices.lcu)).toBe(2);
  });

  it('counts active connections as new connections/s × connection lifetime', () => {
    // 250 requests/s, 100 per connection: 2.5 new connections/s (0.1 LCU), each open 1,200 s:
    // 3,000 concurrent → 1 LCU.
    const m = new AlbMeter({ requestsPerConnection: 100, connectionSeconds: 1200, requestBytes: 0, responseBytes: 0 });
    m.record(0, 900_000);
    expect(albLcuHours(m.usage(H), prices.lcu)).toBe(1);
  });

  it('rejects assumptions that cannot be', () => {
    expect(() => new AlbMeter({ requestsPerConnection: 0.5 })).toThrow(RangeError);
    expect(() => new AlbMeter({ responseBytes: -1 })).toThrow(RangeError);
  });
});
