/** The report section of an Auto Scaling group of container instances: its EC2 bill and capacity metrics. */
import type { PriceTable } from '../../pricing';
import { buildResourceReport, type ResourceReport, sumCosts } from '../../report';
import { ec2LineItems, idleCostUsd, reservedCpuShare } from '../ec2';
import type { AsgState } from './asgState';

export interface Ec2Discounts {
  /** Fraction off On-Demand for Spot instances (Settings.Spot.Ec2Discount). */
  spotDiscount: number;
  /** Percent off On-Demand from a Savings Plan (Pricing.SavingsPlan.Ec2). */
  savingsPlanPercent: number;
}

export function asgReport(asg: AsgState, prices: PriceTable, d: Ec2Discounts, durationMs: number): ResourceReport {
  const items = ec2LineItems(asg.meter.usage, prices.ec2, { spotDiscountFraction: d.spotDiscount, savingsPlanPercent: d.savingsPlanPercent });
  const reservedVcpuS = asg.reservedCpuUnitSeconds / 1024;
  const paidVcpuS = asg.paidCpuUnitSeconds / 1024;
  return buildResourceReport('AWS::AutoScaling::AutoScalingGroup', items, {
    instanceTypes: asg.config.instanceTypes.map((t) => t.name),
    peakInstances: asg.peakInstances,
    averageInstances: Math.round((asg.instanceSeconds / (durationMs / 1000)) * 1000) / 1000,
    instanceHours: Math.round((asg.instanceSeconds / 3600) * 1e6) / 1e6,
    reservedCpuShare: Math.round(reservedCpuShare(reservedVcpuS, paidVcpuS) * 1e4) / 1e4,
    idleCostUsd: idleCostUsd(sumCosts(items), reservedVcpuS, paidVcpuS),
    launches: asg.launches,
    terminations: asg.terminations,
    capacityProviderDecisions: asg.casDecisions,
  });
}
