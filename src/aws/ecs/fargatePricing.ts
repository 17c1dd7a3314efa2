/**
 * Fargate rates for a task's platform, and the bill from a meter's usage.
 * Cost = usage × rate, computed here at report time (never accumulated as floats).
 */
import type { FargatePrices, Rate } from '../../pricing';
import { type LineItem, lineItem } from '../../report';
import type { FargateUsage } from './FargateMeter';

export type CpuArchitecture = 'X86_64' | 'ARM64';
export type OsFamily = 'LINUX' | 'WINDOWS';

export interface FargatePlatformRates {
  label: string;
  vcpuSecond: Rate;
  gibSecond: Rate;
  osLicenseVcpuSecond?: Rate;
  minimumBilledSeconds: number;
}

/** The rates that apply to a task of this architecture and OS family. */
export function fargateRates(prices: FargatePrices, arch: CpuArchitecture, os: OsFamily): FargatePlatformRates {
  if (os === 'WINDOWS') {
    const w = prices.windowsX86;
    return {
      label: 'Windows/X86_64',
      vcpuSecond: w.vcpuSecond,
      gibSecond: w.gibSecond,
      osLicenseVcpuSecond: w.osLicenseVcpuSecond,
      minimumBilledSeconds: prices.minimumBilledSeconds.windows,
    };
  }
  const r = arch === 'ARM64' ? prices.linuxArm : prices.linuxX86;
  return {
    label: `Linux/${arch}`,
    vcpuSecond: r.vcpuSecond,
    gibSecond: r.gibSecond,
    minimumBilledSeconds: prices.minimumBilledSeconds.linux,
  };
}

/** What one task of this size costs per hour, USD (for cost-rate series). */
export function taskHourlyUsd(rates: FargatePlatformRates, prices: FargatePrices, cpuUnits: number, memoryMiB: number, ephemeralGiB: number): number {
  const vcpu = cpuUnits / 1024;
  const perSecond =
    vcpu * rates.vcpuSecond.usd +
    (memoryMiB / 1024) * rates.gibSecond.usd +
    (rates.osLicenseVcpuSecond ? vcpu * rates.osLicenseVcpuSecond.usd : 0) +
    Math.max(0, ephemeralGiB - prices.freeEphemeralStorageGiB) * prices.ephemeralStorageGibSecond.usd;
  return perSecond * 3600;
}

export interface FargateBillOptions {
  /** Percent off the published rates (Spot discount or Savings Plan). */
  discountPercent?: number;
  /** Shown in the descriptions, e.g. `Spot`. */
  label?: string;
}

/** Line items of a Fargate bill: vCPU, memory, (Windows licence), extra ephemeral storage. */
export function fargateLineItems(
  usage: FargateUsage,
  rates: FargatePlatformRates,
  prices: FargatePrices,
  options: FargateBillOptions = {},
): LineItem[] {
  const vcpuSeconds = usage.cpuUnitSeconds / 1024;
  const gibSeconds = usage.memoryMiBSeconds / 1024;
  const k = 1 - (options.discountPercent ?? 0) / 100;
  const tag = options.label !== undefined ? `, ${options.label}` : '';
  const items = [
    lineItem(`Fargate vCPU (${rates.label}${tag})`, vcpuSeconds, 'vCPU-second', rates.vcpuSecond.usd * k),
    lineItem(`Fargate memory (${rates.label}${tag})`, gibSeconds, 'GiB-second', rates.gibSecond.usd * k),
  ];
  if (rates.osLicenseVcpuSecond !== undefined) {
    items.push(lineItem('Fargate Windows OS licence', vcpuSeconds, 'vCPU-second', rates.osLicenseVcpuSecond.usd));
  }
  if (usage.extraStorageGiBSeconds > 0) {
    items.push(
      lineItem(
        `Fargate ephemeral storage above ${prices.freeEphemeralStorageGiB} GiB`,
        usage.extraStorageGiBSeconds,
        'GiB-second',
        prices.ephemeralStorageGibSecond.usd,
      ),
    );
  }
  return items;
}
