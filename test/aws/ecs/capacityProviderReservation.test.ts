import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import {
  capacityProviderReservation,
  instancesNeeded,
  type ManagedScalingInput,
  managedScalingDesired,
} from '../../../src/aws/ecs/capacityProviderReservation';

const cpr = (instancesRunning: number, instancesNeeded: number) => capacityProviderReservation({ instancesRunning, instancesNeeded });

/** AWS defaults: target 100 %, steps 1 to 10,000; a group of 0 to 20. */
const base: ManagedScalingInput = {
  current: 0,
  pendingTasksNeedInstances: 0,
  emptyInstances: 0,
  targetCapacity: 100,
  minStep: 1,
  maxStep: 10_000,
  minSize: 0,
  maxSize: 20,
  warmingUp: false,
};
const desired = (i: Partial<ManagedScalingInput>) => managedScalingDesired({ ...base, ...i });

describe('CapacityProviderReservation', () => {
  it('is M / N × 100', () => {
    expect(cpr(4, 4)).toBe(100);
    expect(cpr(2, 3)).toBe(150);
    expect(cpr(4, 1)).toBe(25);
  });

  it('is 100 with no instances and none needed, and 200 when the first instance is needed (fact 20)', () => {
    expect(cpr(0, 0)).toBe(100);
    expect(cpr(0, 1)).toBe(200);
    expect(cpr(0, 7)).toBe(200);
  });

  it('is 80 %, not the guide’s 98 %, for 10 instances of which 2 are empty (fact 19: M / N chosen)', () => {
    expect(cpr(10, instancesNeeded({ current: 10, emptyInstances: 2, pendingTasksNeedInstances: 0 }))).toBe(80);
  });

  it('rejects counts that are not integers ≥ 0', () => {
    expect(() => cpr(-1, 0)).toThrow(RangeError);
    expect(() => cpr(1.5, 0)).toThrow(RangeError);
  });
});

describe('managed scaling desired capacity', () => {
  it('launches two instances from an empty group when a task waits (the "200 %" case)', () => {
    expect(desired({ pendingTasksNeedInstances: 1 })).toBe(2);
    expect(desired({ pendingTasksNeedInstances: 1, maxStep: 1 })).toBe(1);
    expect(desired({ pendingTasksNeedInstances: 1, maxSize: 1 })).toBe(1);
  });

  it('keeps an empty group empty when nothing waits, up to MinSize', () => {
    expect(desired({})).toBe(0);
    expect(desired({ minSize: 1 })).toBe(1);
  });

  it('scales out by the instances the binpack estimate needs, within the step sizes and MaxSize', () => {
    expect(desired({ current: 4, pendingTasksNeedInstances: 3 })).toBe(7);
    expect(desired({ current: 4, pendingTasksNeedInstances: 3, maxStep: 2 })).toBe(6);
    expect(desired({ current: 4, pendingTasksNeedInstances: 1, minStep: 3 })).toBe(7);
    expect(desired({ current: 18, pendingTasksNeedInstances: 5 })).toBe(20);
  });

  it('scales out by exactly the minimum step when the group has several instance types or zones', () => {
    expect(desired({ current: 4, pendingTasksNeedInstances: 3, multipleTypesOrZones: true })).toBe(5);
    expect(desired({ current: 4, pendingTasksNeedInstances: 1, minStep: 3, multipleTypesOrZones: true })).toBe(7);
    expect(desired({ pendingTasksNeedInstances: 5, multipleTypesOrZones: true })).toBe(1);
  });

  it('does not scale out while launched instances are warming up', () => {
    expect(desired({ current: 4, pendingTasksNeedInstances: 3, warmingUp: true })).toBe(4);
  });

  it('scales in by removing empty instances', () => {
    expect(desired({ current: 10, emptyInstances: 2 })).toBe(8);
    expect(desired({ current: 10, emptyInstances: 2, minSize: 9 })).toBe(9);
    expect(desired({ current: 1, emptyInstances: 1 })).toBe(0);
  });

  it('removes at most 50 % of the group per step (fact 23)', () => {
    expect(desired({ current: 10, emptyInstances: 8 })).toBe(5);
    expect(desired({ current: 5, emptyInstances: 3 })).toBe(3);
    expect(desired({ current: 3, emptyInstances: 1 })).toBe(2);
  });

  it('keeps spare instances with a target below 100 %: needed = ceil(M × 100 / target)', () => {
    // 9 busy instances at target 90 %: 10 needed, add one.
    expect(desired({ current: 9, targetCapacity: 90 })).toBe(10);
    // 10 instances, 1 empty: M / N = 90 % = target, steady.
    expect(desired({ current: 10, emptyInstances: 1, targetCapacity: 90 })).toBe(10);
    // 10 instances, 3 empty: needed ceil(7 × 100 / 90) = 8, remove 2 of the 3 empty.
    expect(desired({ current: 10, emptyInstances: 3, targetCapacity: 90 })).toBe(8);
    // target 50 %: 3 busy need 6.
    expect(desired({ current: 3, targetCapacity: 50 })).toBe(6);
  });

  it('holds when CPR equals the target', () => {
    expect(desired({ current: 5 })).toBe(5);
  });

  it('rejects settings outside AWS’s ranges', () => {
    expect(() => desired({ targetCapacity: 0 })).toThrow(RangeError);
    expect(() => desired({ targetCapacity: 101 })).toThrow(RangeError);
    expect(() => desired({ current: 1, emptyInstances: 2 })).toThrow(RangeError);
    expect(() => desired({ minStep: 0 })).toThrow(RangeError);
    expect(() => desired({ minSize: 3, maxSize: 2 })).toThrow(RangeError);
  });

  const input = fc
    .record({
      current: fc.nat(200),
      emptyFraction: fc.double({ min: 0, max: 1, noNaN: true }),
      pendingTasksNeedInstances: fc.nat(50),
      targetCapacity: fc.integer({ min: 1, max: 100 }),
      minStep: fc.integer({ min: 1, max: 10 }),
      extraStep: fc.nat(100),
      minSize: fc.nat(10),
      extraSize: fc.nat(300),
      warmingUp: fc.boolean(),
      multipleTypesOrZones: fc.boolean(),
    })
    .map(
      (r): ManagedScalingInput => ({
        current: r.current,
        emptyInstances: Math.floor(r.current * r.emptyFraction),
        pendingTasksNeedInstances: r.pendingTasksNeedInstances,
        targetCapacity: r.targetCapacity,
        minStep: r.minStep,
        maxStep: r.minStep + r.extraStep,
        minSize: r.minSize,
        maxSize: r.minSize + r.extraSize,
        warmingUp: r.warmingUp,
        multipleTypesOrZones: r.multipleTypesOrZones,
      }),
    );

  test.prop([input])('stays within the group size, steps and scale-in limits', (i) => {
    const d = managedScalingDesired(i);
    expect(d).toBeGreaterThanOrEqual(i.minSize);
    expect(d).toBeLessThanOrEqual(i.maxSize);
    const n = Math.min(i.maxSize, Math.max(i.minSize, i.current));
    if (d > n) {
      expect(i.warmingUp).toBe(false);
      expect(d - i.current).toBeLessThanOrEqual(Math.max(i.current === 0 ? 2 : 0, i.maxStep));
    }
    if (d < n && d > i.minSize) {
      expect(i.current - d).toBeLessThanOrEqual(i.emptyInstances);
      expect(i.current - d).toBeLessThanOrEqual(Math.max(1, Math.floor(i.current / 2)));
    }
  });
});
