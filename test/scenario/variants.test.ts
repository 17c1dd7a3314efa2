import { describe, expect, it } from 'vitest';
import { isFargateCapacity, serviceCapacity } from '../../src/aws/ecs/schema';
import { brief, issuesOf, load, WEB } from './helpers';

const WITH_VARIANTS = `${WEB}Variants:
  arm:
    WebTask.Properties.RuntimePlatform.CpuArchitecture: ARM64
  bigger:
    WebTask.Properties.Cpu: 1024
    WebTask.Properties.Memory: 4096
    Workload.api.Arrivals.Rate: 50
    Duration: 2h
    Pricing.FreeTier: true
  unpinned:
    WebService.Properties.Cluster: null
  indexed:
    WebTask.Properties.ContainerDefinitions: [{ Name: web, Image: nginx }]
  indexed2:
    WebTask.Properties.ContainerDefinitions: [{ Name: web, Image: nginx }]
    WebTask.Properties.ContainerDefinitions[0].Image: httpd
  badArch:
    WebTask.Properties.RuntimePlatform: { CpuArchitecture: ARM }
  badCpu:
    WebTask.Properties.Cpu: 2048
  badPath:
    WebTsk.Properties.Cpu: 1024
  badIndex:
    WebService.Properties.LaunchType[3]: x
`;

describe('variants', () => {
  it('lists variant names with base first', () => {
    const s = load(WITH_VARIANTS);
    expect(s.Variant).toBe('base');
    expect(s.VariantNames).toEqual(['base', 'arm', 'bigger', 'unpinned', 'indexed', 'indexed2', 'badArch', 'badCpu', 'badPath', 'badIndex']);
  });

  it('sets a nested resource property', () => {
    const s = load(WITH_VARIANTS, { variant: 'arm' });
    expect(s.Variant).toBe('arm');
    expect(s.Resources.WebTask!.Properties.RuntimePlatform).toEqual({ CpuArchitecture: 'ARM64', OperatingSystemFamily: 'LINUX' });
  });

  it('reaches Workload.<Name>, Pricing and top-level settings', () => {
    const s = load(WITH_VARIANTS, { variant: 'bigger' });
    expect(s.Resources.WebTask!.Properties.Cpu).toBe(1024);
    expect(s.Workload[0]!.Arrivals).toMatchObject({ Rate: 50 });
    expect(s.DurationMs).toBe(7_200_000);
    expect(s.Pricing.FreeTier).toBe(true);
  });

  it('removes a property set to null', () => {
    const s = load(WITH_VARIANTS, { variant: 'unpinned' });
    expect('Cluster' in s.Resources.WebService!.Properties).toBe(false);
    expect(load(WITH_VARIANTS).Resources.WebService!.Properties.Cluster).toBe('Cluster');
  });

  it('indexes list items with [n], after earlier overrides of the same variant', () => {
    expect(load(WITH_VARIANTS, { variant: 'indexed' }).Resources.WebTask!.Properties.ContainerDefinitions).toEqual([{ Name: 'web', Image: 'nginx' }]);
    expect(load(WITH_VARIANTS, { variant: 'indexed2' }).Resources.WebTask!.Properties.ContainerDefinitions).toEqual([{ Name: 'web', Image: 'httpd' }]);
  });

  it('validates a variant value where the variant wrote it', () => {
    expect(brief(issuesOf(WITH_VARIANTS, { variant: 'badArch' }))).toEqual([
      '41:60 Variants.badArch.WebTask.Properties.RuntimePlatform.CpuArchitecture: must be one of X86_64, ARM64; got "ARM"',
    ]);
  });

  it('reports a problem a variant causes in base text at the base position, naming the variant', () => {
    expect(brief(issuesOf(WITH_VARIANTS, { variant: 'badCpu' }))).toEqual([
      '11:15 Resources.WebTask.Properties.Memory: 1024 is not a Fargate size for Cpu 2048; allowed 4096–16384 in steps of 1024 (in variant badCpu)',
    ]);
  });

  it('reports a path that names nothing, listing what paths can start with', () => {
    const issues = issuesOf(WITH_VARIANTS, { variant: 'badPath' });
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ line: 45, column: 5, path: 'Variants.badPath.WebTsk.Properties.Cpu' });
    expect(issues[0]!.message).toMatch(/^unknown path start "WebTsk": expected a resource logical ID, Workload.<Name>, .*\(resources: Cluster, WebTask, WebService\)$/);
  });

  it('reports indexing into something that is not a list', () => {
    expect(brief(issuesOf(WITH_VARIANTS, { variant: 'badIndex' }))).toEqual([
      '47:5 Variants.badIndex.WebService.Properties.LaunchType[3]: Resources.WebService.Properties.LaunchType is "FARGATE", not a mapping or list',
    ]);
  });

  it('rejects a variant named base', () => {
    const text = `${WEB}Variants:\n  base:\n    Duration: 2h\n`;
    expect(brief(issuesOf(text))).toEqual([
      '25:3 Variants.base: "base" is the implicit first variant (the file as written); give this variant another name',
    ]);
  });

  it('rejects an unknown variant name, listing the variants', () => {
    expect(brief(issuesOf(WITH_VARIANTS, { variant: 'nope' }))).toEqual([
      '25:3 Variants: unknown variant "nope"; variants: base, arm, bigger, unpinned, indexed, indexed2, badArch, badCpu, badPath, badIndex',
    ]);
  });
});

describe('variants between launch types and capacity providers', () => {
  const SPOT = `${WEB}Variants:
  spot:
    WebService.Properties.LaunchType: null
    WebService.Properties.CapacityProviderStrategy:
      - { CapacityProvider: FARGATE, Base: 1, Weight: 1 }
      - { CapacityProvider: FARGATE_SPOT, Weight: 3 }
  both:
    WebService.Properties.CapacityProviderStrategy: [{ CapacityProvider: FARGATE_SPOT, Weight: 1 }]
`;

  it('switches a service from LaunchType FARGATE to a Fargate Spot capacity provider strategy', () => {
    const base = load(SPOT);
    expect(serviceCapacity(base, base.Resources.WebService!)).toEqual({ kind: 'launchType', LaunchType: 'FARGATE' });
    const s = load(SPOT, { variant: 'spot' });
    const capacity = serviceCapacity(s, s.Resources.WebService!);
    expect(capacity).toEqual({
      kind: 'strategy',
      From: 'service',
      Strategy: [
        { CapacityProvider: 'FARGATE', Base: 1, Weight: 1 },
        { CapacityProvider: 'FARGATE_SPOT', Base: 0, Weight: 3 },
      ],
    });
    expect(isFargateCapacity(capacity)).toBe(true);
  });

  it('reports a strategy added next to LaunchType at the variant', () => {
    expect(brief(issuesOf(SPOT, { variant: 'both' }))).toEqual([
      '31:53 Variants.both.WebService.Properties.CapacityProviderStrategy: cannot be given together with LaunchType: use one or the other',
    ]);
  });
});
