/**
 * How much of the EC2 capacity paid for was reserved by tasks, and what the rest cost: the
 * price of running a cluster on instances rather than Fargate.
 */
import { instanceType } from '../../pricing';
import { roundUsd } from '../../report';
import type { Ec2Usage } from './Ec2Meter';

/** vCPU-seconds paid for: Σ billed instance-seconds × the type's vCPUs. */
export function paidVcpuSeconds(usage: Ec2Usage): number {
  let total = 0;
  for (const r of usage.rows) total += r.instanceSeconds * instanceType(r.instanceType).vcpu;
  return total;
}

/**
 * The share, 0–1, of paid vCPU-seconds that tasks reserved (their task-definition CPU, 1,024 CPU
 * units = 1 vCPU, × seconds placed); 0 when nothing was paid.
 * @throws RangeError if an argument is negative or reserved exceeds paid (a capacity accounting bug).
 */
export function reservedCpuShare(reservedVcpuSeconds: number, paidVcpuSecondsTotal: number): number {
  if (!(reservedVcpuSeconds >= 0) || !(paidVcpuSecondsTotal >= 0)) {
    throw new RangeError(`reservedCpuShare: vCPU-seconds must be ≥ 0, got ${reservedVcpuSeconds} and ${paidVcpuSecondsTotal}`);
  }
  if (reservedVcpuSeconds > paidVcpuSecondsTotal * (1 + 1e-12)) {
    throw new RangeError(`reservedCpuShare: reserved ${reservedVcpuSeconds} vCPU-s exceeds the ${paidVcpuSecondsTotal} paid`);
  }
  return paidVcpuSecondsTotal === 0 ? 0 : Math.min(1, reservedVcpuSeconds / paidVcpuSecondsTotal);
}

/**
 * The part of `instanceCostUsd` not reserved by tasks, by CPU: cost × (1 − reserved share),
 * rounded to 1e-9 USD. Equal to the whole cost when nothing was reserved.
 */
export function idleCostUsd(instanceCostUsd: number, reservedVcpuSeconds: number, paidVcpuSecondsTotal: number): number {
  if (!(instanceCostUsd >= 0)) throw new RangeError(`idleCostUsd: cost must be ≥ 0, got ${instanceCostUsd}`);
  return roundUsd(instanceCostUsd * (1 - reservedCpuShare(reservedVcpuSeconds, paidVcpuSecondsTotal)));
}
