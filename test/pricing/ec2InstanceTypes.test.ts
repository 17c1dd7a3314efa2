import { describe, expect, it } from 'vitest';
import {
  EC2_INSTANCE_TYPE_NAMES,
  EC2_INSTANCE_TYPES,
  EC2_INSTANCE_TYPES_AS_OF,
  EC2_INSTANCE_TYPES_SOURCES,
  instanceType,
  pricesFor,
} from '../../src/pricing';

const prices = pricesFor('us-east-1').ec2.onDemandLinux;

describe('EC2 instance type table', () => {
  it('covers the common families in the sizes the simulator offers', () => {
    const families = [...new Set(EC2_INSTANCE_TYPE_NAMES.map((n) => n.split('.')[0]))];
    expect(families).toEqual(['t3', 't3a', 't4g', 'm5', 'm6i', 'm6a', 'm7i', 'm6g', 'm7g', 'c5', 'c6i', 'c6g', 'c7g', 'r5', 'r6i', 'r6g']);
    expect(EC2_INSTANCE_TYPE_NAMES.filter((n) => n.startsWith('m7g.'))).toEqual([
      'm7g.medium',
      'm7g.large',
      'm7g.xlarge',
      'm7g.2xlarge',
      'm7g.4xlarge',
    ]);
    expect(EC2_INSTANCE_TYPE_NAMES).toHaveLength(62);
  });

  it('gives every type positive vCPU, memory and network interfaces, and a us-east-1 price', () => {
    for (const name of EC2_INSTANCE_TYPE_NAMES) {
      const t = EC2_INSTANCE_TYPES[name]!;
      expect(t.vcpu, name).toBeGreaterThan(0);
      expect(t.memoryMiB, name).toBeGreaterThan(0);
      expect(Number.isInteger(t.memoryMiB / 1024), name).toBe(true);
      expect(t.maxEnis, name).toBeGreaterThanOrEqual(2);
      expect(t.family, name).toBe(name.split('.')[0]);
      expect(prices[name]?.hourly.usd, name).toBeGreaterThan(0);
    }
  });

  it('agrees with the price table on vCPU, memory and architecture', () => {
    expect(Object.keys(prices)).toEqual([...EC2_INSTANCE_TYPE_NAMES]);
    for (const [name, p] of Object.entries(prices)) {
      const t = EC2_INSTANCE_TYPES[name]!;
      expect([p.vcpu, p.memoryGiB * 1024, p.architecture], name).toEqual([t.vcpu, t.memoryMiB, t.architecture]);
    }
  });

  it('marks Graviton families arm64 and the rest x86_64', () => {
    for (const name of EC2_INSTANCE_TYPE_NAMES) {
      const graviton = /^[a-z]\dg\./.test(name);
      expect(EC2_INSTANCE_TYPES[name]!.architecture, name).toBe(graviton ? 'arm64' : 'x86_64');
    }
  });

  it('gives trunking more awsvpc tasks than plain interfaces, and none for burstable types', () => {
    for (const name of EC2_INSTANCE_TYPE_NAMES) {
      const t = EC2_INSTANCE_TYPES[name]!;
      if (t.trunkingEnis !== undefined) expect(t.trunkingEnis, name).toBeGreaterThan(t.maxEnis - 1);
      if (/^t\d/.test(name)) expect(t.trunkingEnis, name).toBeUndefined();
    }
  });

  it('matches the ECS trunking table: c5.large 3 interfaces (2 tasks) and 10 tasks with trunking (fact 40)', () => {
    expect(instanceType('c5.large')).toEqual({ vcpu: 2, memoryMiB: 4096, maxEnis: 3, trunkingEnis: 10, architecture: 'x86_64', family: 'c5' });
    expect(instanceType('m5.4xlarge')).toMatchObject({ vcpu: 16, memoryMiB: 65536, maxEnis: 8, trunkingEnis: 60 });
    expect(instanceType('m6g.medium')).toMatchObject({ vcpu: 1, memoryMiB: 4096, maxEnis: 2, trunkingEnis: 4 });
    expect(instanceType('r6g.2xlarge')).toMatchObject({ vcpu: 8, memoryMiB: 65536, maxEnis: 4, trunkingEnis: 40 });
  });

  it('dates and sources the table', () => {
    expect(EC2_INSTANCE_TYPES_AS_OF).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    for (const s of EC2_INSTANCE_TYPES_SOURCES) expect(s.url).toMatch(/^https:\/\//);
  });

  it('is frozen', () => {
    expect(() => {
      (EC2_INSTANCE_TYPES['m5.large'] as { vcpu: number }).vcpu = 99;
    }).toThrow(TypeError);
  });
});

describe('instanceType', () => {
  it('rejects an unknown name, suggesting the closest known ones', () => {
    expect(() => instanceType('m5.larg')).toThrow(/unknown EC2 instance type 'm5.larg'; did you mean m5.large, /);
    expect(() => instanceType('m8g.large')).toThrow(/did you mean .*m7g.large/);
    expect(() => instanceType('c5.metal')).toThrow(/did you mean c5\./);
  });
});
