/**
 * EC2 instance usage meter (integer instance-seconds; cost is computed at report time).
 *
 * AWS bills a Linux instance per second with a 60-second minimum (On-Demand, Spot and Reserved
 * alike; aws-facts.md fact 44, since 2017-10-02), from the moment it enters `running` until it
 * is terminated: `pending` is not billed, the boot and ECS agent registration after `running`
 * are. An instance still running when the run ends is billed to the end without the minimum
 * (it has not stopped), as the Fargate meter does for tasks.
 */
import { instanceType } from '../../pricing';

/** How an instance is bought. Savings Plans are a discount on On-Demand usage, applied when priced. */
export type Ec2PurchaseOption = 'OnDemand' | 'Spot';

/** Usage of one instance type under one purchase option. */
export interface Ec2UsageRow {
  instanceType: string;
  purchaseOption: Ec2PurchaseOption;
  /** Σ billed seconds of these instances. */
  instanceSeconds: number;
  /** Instances billed. */
  instances: number;
}

export interface Ec2Usage {
  /** In the order first billed; `ec2LineItems` sorts them. */
  rows: Ec2UsageRow[];
}

/** Billed seconds for an instance running from `runningSinceMs` to `endMs`; `terminated` applies the minimum. */
export function ec2BilledSeconds(runningSinceMs: number, endMs: number, terminated: boolean, minimumSeconds: number): number {
  const seconds = Math.ceil(Math.max(0, endMs - runningSinceMs) / 1000 - 1e-9);
  return terminated ? Math.max(seconds, minimumSeconds) : seconds;
}

export class Ec2Meter {
  usage: Ec2Usage = { rows: [] };

  constructor(
    /** Shortest billed run of an instance that terminates, seconds (60 for Linux). */
    readonly minimumSeconds: number,
  ) {}

  /**
   * Bills one instance from `runningSinceMs` (when it entered `running`) to `endMs`.
   * `terminated` applies the minimum. Returns the billed seconds.
   * @throws Error for an unknown instance type (naming the closest known ones).
   */
  bill(type: string, purchaseOption: Ec2PurchaseOption, runningSinceMs: number, endMs: number, terminated: boolean): number {
    instanceType(type);
    const seconds = ec2BilledSeconds(runningSinceMs, endMs, terminated, this.minimumSeconds);
    let row = this.usage.rows.find((r) => r.instanceType === type && r.purchaseOption === purchaseOption);
    if (row === undefined) {
      row = { instanceType: type, purchaseOption, instanceSeconds: 0, instances: 0 };
      this.usage.rows.push(row);
    }
    row.instanceSeconds += seconds;
    row.instances += 1;
    return seconds;
  }
}
