import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { ALB_LCU_DEFINITION, albLcuDimensions, albLcus } from '../../../src/aws/elbv2';

const zero = { newConnectionsPerSecond: 0, activeConnectionsPerMinute: 0, processedGiBPerHour: 0, ruleEvaluationsPerSecond: 0 };

describe('ALB capacity units', () => {
  it('holds 25 new connections/s, 3,000 active connections, 1 GiB/h and 1,000 rule evaluations/s', () => {
    expect(ALB_LCU_DEFINITION).toMatchObject({
      newConnectionsPerSecond: 25,
      activeConnectionsPerMinute: 3000,
      processedGiBPerHourEc2Targets: 1,
      processedGiBPerHourLambdaTargets: 0.4,
      ruleEvaluationsPerSecond: 1000,
      freeRulesPerRequest: 10,
    });
    expect(albLcus({ ...zero, newConnectionsPerSecond: 25 })).toBe(1);
    expect(albLcus({ ...zero, activeConnectionsPerMinute: 3000 })).toBe(1);
    expect(albLcus({ ...zero, processedGiBPerHour: 1 })).toBe(1);
    expect(albLcus({ ...zero, ruleEvaluationsPerSecond: 1000 })).toBe(1);
    expect(albLcus(zero)).toBe(0);
  });

  it('bills the dimension with the highest usage only', () => {
    const traffic = { newConnectionsPerSecond: 50, activeConnectionsPerMinute: 3000, processedGiBPerHour: 0.5, ruleEvaluationsPerSecond: 100 };
    expect(albLcuDimensions(traffic)).toEqual({ newConnections: 2, activeConnections: 1, processedBytes: 0.5, ruleEvaluations: 0.1 });
    expect(albLcus(traffic)).toBe(2);
  });

  it('counts 0.4 GiB per LCU with Lambda targets', () => {
    expect(albLcus({ ...zero, processedGiBPerHour: 1 }, ALB_LCU_DEFINITION, 'lambda')).toBe(2.5);
  });

  it('rejects negative traffic', () => {
    expect(() => albLcus({ ...zero, newConnectionsPerSecond: -1 })).toThrow(RangeError);
  });

  test.prop([fc.double({ min: 0, max: 1e6, noNaN: true }), fc.double({ min: 0, max: 1e6, noNaN: true })])(
    'is never below any single dimension',
    (conn, gib) => {
      const lcus = albLcus({ ...zero, newConnectionsPerSecond: conn, processedGiBPerHour: gib });
      expect(lcus).toBeGreaterThanOrEqual(conn / 25);
      expect(lcus).toBeGreaterThanOrEqual(gib);
    },
  );
});
