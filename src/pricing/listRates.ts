/**
 * Flattens a price table into a list of its rates and billing rules, in the table's key order,
 * each with the source and date that apply to it. The docs and the tests read prices this way.
 */
import type { PriceSource, PriceTable, Rate, TieredRate } from './PriceTable';

export type PriceGroupName = 'fargate' | 'ec2' | 'lambda' | 'aurora' | 'alb' | 'sqs' | 'apiGateway';

export const PRICE_GROUPS: readonly PriceGroupName[] = ['fargate', 'ec2', 'lambda', 'aurora', 'alb', 'sqs', 'apiGateway'];

/** One rate of a table. */
export interface RateEntry {
  group: PriceGroupName;
  /** Accessor path within the group, e.g. `linuxX86.vcpuSecond`, `onDemandLinux["m5.large"].hourly`. */
  path: string;
  rate: Rate | TieredRate;
  /** The rate's own source if it has one, else its group's. */
  source: PriceSource;
  asOf: string;
}

/**
 * A numeric billing rule of a group (a minimum, a free allowance, a rounding), unit in its name.
 * Numbers that describe a priced thing (an instance type's vCPU and memory) are not rules.
 */
export interface RuleEntry {
  group: PriceGroupName;
  path: string;
  value: number;
}

function isRate(v: object): v is Rate | TieredRate {
  return 'confidence' in v && ('usd' in v || 'tiers' in v);
}

function child(path: string, key: string): string {
  const k = /^[A-Za-z_$][\w$]*$/.test(key) ? key : `["${key}"]`;
  if (path === '') return k;
  return k.startsWith('[') ? path + k : `${path}.${k}`;
}

/** Every rate and billing rule in `table`, groups in the order of `PRICE_GROUPS`. */
export function listRates(table: PriceTable): { rates: RateEntry[]; rules: RuleEntry[] } {
  const rates: RateEntry[] = [];
  const rules: RuleEntry[] = [];
  for (const group of PRICE_GROUPS) {
    const g = table[group];
    const walk = (node: object, path: string): void => {
      const describesRate =
        path !== '' && Object.values(node).some((v) => typeof v === 'object' && v !== null && isRate(v));
      for (const [key, v] of Object.entries(node)) {
        if (path === '' && (key === 'asOf' || key === 'source')) continue;
        const p = child(path, key);
        if (typeof v === 'number') {
          if (!describesRate) rules.push({ group, path: p, value: v });
        } else if (typeof v === 'object' && v !== null) {
          if (isRate(v)) rates.push({ group, path: p, rate: v, source: v.source ?? g.source, asOf: g.asOf });
          else walk(v, p);
        }
      }
    };
    walk(g, '');
  }
  return { rates, rules };
}
