import { describe, expect, it } from 'vitest';
import { FargateMeter } from '../../src/aws/ecs';
import { runVariant } from '../../src/sim';
import { fargateScenario } from './helpers';

// Rates from aws.amazon.com/fargate/pricing (aws-facts.md fact 49), us-east-1.
const X86_VCPU_S = 0.000011244;
const X86_GIB_S = 0.000001235;
const ARM_VCPU_S = 0.0000089944;
const ARM_GIB_S = 0.0000009889;
const STORAGE_GIB_S = 0.0000000308;

describe('Fargate billing', () => {
  it('bills two 0.5 vCPU / 1 GiB x86 tasks for an hour at the published rates', () => {
    const r = runVariant(fargateScenario({ desired: 2, cpu: 512, memory: 1024, duration: '1h' }));
    const svc = r.resources['Svc']!;
    const expected = 2 * 3600 * 0.5 * X86_VCPU_S + 2 * 3600 * 1 * X86_GIB_S;
    expect(svc.costUsd).toBeCloseTo(expected, 9);
    expect(svc.lineItems.map((l) => [l.description, l.quantity, l.unit, l.unitPriceUsd])).toEqual([
      ['Fargate vCPU (Linux/X86_64)', 3600, 'vCPU-second', X86_VCPU_S],
      ['Fargate memory (Linux/X86_64)', 7200, 'GiB-second', X86_GIB_S],
    ]);
    expect(r.totals.costUsd).toBeCloseTo(expected, 9);
  });

  it('bills ARM tasks at the Graviton rates', () => {
    const r = runVariant(fargateScenario({ desired: 2, cpu: 512, memory: 1024, arch: 'ARM64', duration: '1h' }));
    expect(r.resources['Svc']!.costUsd).toBeCloseTo(3600 * ARM_VCPU_S + 7200 * ARM_GIB_S, 9);
  });

  it('bills ephemeral storage above the free 20 GiB', () => {
    const r = runVariant(fargateScenario({ desired: 1, cpu: 256, memory: 512, ephemeralGiB: 30, duration: '1h' }));
    const storage = r.resources['Svc']!.lineItems.find((l) => l.description.includes('ephemeral'));
    expect(storage?.quantity).toBe(10 * 3600);
    expect(storage?.costUsd).toBeCloseTo(10 * 3600 * STORAGE_GIB_S, 9);
  });

  it('starts billing a launching task at its image pull, not at launch', () => {
    // Default start: PROVISIONING 10 s, then billing starts with PENDING.
    const r = runVariant(fargateScenario({ desired: 1, cpu: 1024, memory: 2048, duration: '10m', tasksAtStart: 'Launching', rate: 0 }));
    const vcpu = r.resources['Svc']!.lineItems[0]!;
    expect(vcpu.quantity).toBe(600 - 10);
  });

  it('rounds a stopped task up to the second with a one-minute minimum', () => {
    const m = new FargateMeter(1024, 2048, 20, 60, 20);
    expect(m.bill(0, 30_000, true)).toBe(60);
    expect(m.bill(0, 61_001, true)).toBe(62);
    expect(m.bill(0, 30_000, false)).toBe(30);
    expect(m.usage.cpuUnitSeconds).toBe((60 + 62 + 30) * 1024);
  });
});
