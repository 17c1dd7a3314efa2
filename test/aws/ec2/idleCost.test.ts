import { describe, expect, it } from 'vitest';
import { Ec2Meter, idleCostUsd, paidVcpuSeconds, reservedCpuShare } from '../../../src/aws/ec2';

describe('idle EC2 capacity', () => {
  it('counts paid vCPU-seconds from billed instance-seconds and each type’s vCPUs', () => {
    const m = new Ec2Meter(60);
    m.bill('m5.large', 'OnDemand', 0, 3_600_000, true); // 2 vCPU × 3600 s
    m.bill('c5.xlarge', 'Spot', 0, 30_000, true); // 4 vCPU × 60 s (minimum)
    expect(paidVcpuSeconds(m.usage)).toBe(7200 + 240);
  });

  it('gives the reserved share and the cost of the rest', () => {
    // Two 0.5 vCPU tasks for an hour on one m5.large (2 vCPU, $0.096): half reserved.
    expect(reservedCpuShare(3600, 7200)).toBe(0.5);
    expect(idleCostUsd(0.096, 3600, 7200)).toBe(0.048);
    expect(idleCostUsd(0.096, 0, 7200)).toBe(0.096);
    expect(idleCostUsd(0.096, 7200, 7200)).toBe(0);
    expect(reservedCpuShare(0, 0)).toBe(0);
  });

  it('rejects a reservation larger than what was paid for', () => {
    expect(() => reservedCpuShare(7201, 7200)).toThrow(RangeError);
    expect(() => reservedCpuShare(-1, 7200)).toThrow(RangeError);
  });
});
