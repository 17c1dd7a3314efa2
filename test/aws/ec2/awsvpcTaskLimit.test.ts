import { describe, expect, it } from 'vitest';
import { awsvpcTaskLimit } from '../../../src/aws/ec2';
import { EC2_INSTANCE_TYPE_NAMES, instanceType } from '../../../src/pricing';

describe('awsvpc task limit', () => {
  it('is the network interfaces less the primary one without trunking: c5.large hosts 2', () => {
    expect(awsvpcTaskLimit('c5.large', false)).toBe(2);
    expect(awsvpcTaskLimit('m5.4xlarge', false)).toBe(7);
    expect(awsvpcTaskLimit('m6g.medium', false)).toBe(1);
  });

  it('is the ECS trunking table limit with trunking: c5.large hosts 10 (fact 40)', () => {
    expect(awsvpcTaskLimit('c5.large', true)).toBe(10);
    expect(awsvpcTaskLimit(instanceType('m5.2xlarge'), true)).toBe(40);
  });

  it('keeps the plain limit for types without trunking support', () => {
    expect(awsvpcTaskLimit('t3.medium', true)).toBe(2);
    expect(awsvpcTaskLimit('t4g.xlarge', true)).toBe(3);
  });

  it('never gives fewer tasks with trunking than without', () => {
    for (const n of EC2_INSTANCE_TYPE_NAMES) expect(awsvpcTaskLimit(n, true)).toBeGreaterThanOrEqual(awsvpcTaskLimit(n, false));
  });
});
