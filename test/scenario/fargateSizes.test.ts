import { describe, expect, it } from 'vitest';
import { fargateMemoryChoices, isValidFargateSize } from '../../src/aws/ecs/fargateSizes';

describe('Fargate task sizes', () => {
  it('lists the three memory sizes of 0.25 vCPU', () => {
    expect(fargateMemoryChoices(256)).toEqual([512, 1024, 2048]);
  });

  it('steps 1 GB between 2 and 8 GB for 1 vCPU', () => {
    expect(fargateMemoryChoices(1024)).toEqual([2048, 3072, 4096, 5120, 6144, 7168, 8192]);
  });

  it('steps 4 GB for 8 vCPU and 8 GB for 16 vCPU', () => {
    expect(fargateMemoryChoices(8192)?.slice(0, 3)).toEqual([16384, 20480, 24576]);
    expect(fargateMemoryChoices(8192)?.at(-1)).toBe(61440);
    expect(fargateMemoryChoices(16384)?.slice(0, 2)).toEqual([32768, 40960]);
    expect(fargateMemoryChoices(16384)?.at(-1)).toBe(122880);
  });

  it('has no sizes for a CPU value Fargate does not offer', () => {
    expect(fargateMemoryChoices(300)).toBeUndefined();
  });

  it('accepts table sizes and rejects others', () => {
    expect(isValidFargateSize(512, 4096)).toBe(true);
    expect(isValidFargateSize(4096, 30720)).toBe(true);
    expect(isValidFargateSize(512, 3000)).toBe(false);
    expect(isValidFargateSize(256, 3072)).toBe(false);
    expect(isValidFargateSize(8192, 18432)).toBe(false);
  });
});
