/**
 * The scenario's pricing options: Spot discounts (Settings.Spot, because AWS sets Spot prices
 * dynamically) and Savings Plans (Pricing.SavingsPlan), in the forms the reports use.
 */
import type { ContainerInstance, Ec2Discounts, FargateDiscounts, ServiceModel } from '../aws/ecs';
import { fargateRates, taskHourlyUsd } from '../aws/ecs';
import type { PriceTable } from '../pricing';
import { type Scenario, settingsOf } from '../scenario';

export interface PricingOptions {
  fargate: FargateDiscounts;
  ec2: Ec2Discounts;
  /** Hourly cost of a service's billed Fargate tasks, for cost-rate series. */
  fargateHourly(prices: PriceTable): (service: ServiceModel, billing: number, billingSpot: number) => number;
  /** Hourly cost of one instance after the Spot discount or the Savings Plan, for cost-rate series. */
  instanceHourly(inst: ContainerInstance): number;
}

export function pricingOptions(s: Scenario): PricingOptions {
  const spot = settingsOf(s).Spot;
  const sp = s.Pricing.SavingsPlan;
  const fargate: FargateDiscounts = { spotDiscount: spot.FargateDiscount, savingsPlanPercent: sp?.Fargate ?? 0 };
  const ec2: Ec2Discounts = { spotDiscount: spot.Ec2Discount, savingsPlanPercent: sp?.Ec2 ?? 0 };
  return {
    fargate,
    ec2,
    instanceHourly: (inst) => inst.type.hourlyUsd * (inst.spot ? 1 - ec2.spotDiscount : 1 - ec2.savingsPlanPercent / 100),
    fargateHourly: (prices) => {
      // One task's hourly price per task definition, worked out once (this runs every tick).
      const hourlyByTaskDef = new Map<object, number>();
      return (service, billing, billingSpot) => {
        const td = service.config.taskDef;
        let one = hourlyByTaskDef.get(td);
        if (one === undefined) {
          one = taskHourlyUsd(fargateRates(prices.fargate, td.cpuArchitecture, td.osFamily), prices.fargate, td.cpuUnits, td.memoryMiB, td.ephemeralGiB);
          hourlyByTaskDef.set(td, one);
        }
        return one * (billing * (1 - fargate.savingsPlanPercent / 100) + billingSpot * (1 - fargate.spotDiscount));
      };
    },
  };
}
