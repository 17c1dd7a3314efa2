/**
 * Renders a price table as Markdown: per group its date and source, a table of every rate
 * (tiers on their own rows) and its billing rules. docs/pricing.md embeds this output verbatim
 * between `<!-- prices:begin -->` and `<!-- prices:end -->`; a test checks they match.
 */
import { decimalString, groupThousands } from '../report';
import { listRates, PRICE_GROUPS, type PriceGroupName } from './listRates';
import type { PriceSource, PriceTable, Rate, TieredRate } from './PriceTable';

const TITLES: Record<PriceGroupName, string> = {
  fargate: 'AWS Fargate',
  ec2: 'Amazon EC2 On-Demand, Linux',
  lambda: 'AWS Lambda',
  aurora: 'Amazon Aurora Serverless v2',
  alb: 'Elastic Load Balancing, Application Load Balancer',
  sqs: 'Amazon SQS',
  apiGateway: 'Amazon API Gateway',
};

function cell(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function link(source: PriceSource): string {
  return `${cell(source.page)} <${source.url}>`;
}

function count(n: number): string {
  return groupThousands(decimalString(n));
}

function note(rate: Rate | TieredRate): string {
  const parts = [rate.note ?? '', rate.source ? `Source: ${link(rate.source)}` : ''];
  return cell(parts.filter((s) => s !== '').join('. '));
}

function rows(path: string, rate: Rate | TieredRate): string[] {
  const tail = (withNote: boolean) =>
    `${cell(rate.unit)} | ${rate.confidence} | ${rate.facts} | ${withNote ? note(rate) : ''} |`;
  if ('usd' in rate) return [`| \`${path}\` | ${decimalString(rate.usd)} | ${tail(true)}`];
  let from = 0;
  return rate.tiers.map((tier, i) => {
    const range =
      tier.upToPerMonth === null
        ? `over ${count(from)}`
        : from === 0
          ? `first ${count(tier.upToPerMonth)}`
          : `${count(from)} to ${count(tier.upToPerMonth)}`;
    if (tier.upToPerMonth !== null) from = tier.upToPerMonth;
    const label = `\`${path}\` tier ${i + 1} (${range} ${cell(rate.unit)} per month)`;
    return `| ${label} | ${decimalString(tier.usd)} | ${tail(i === 0)}`;
  });
}

function ec2Rows(table: PriceTable): string[] {
  const out = [
    '| instance type | vCPU | memory GiB | architecture | USD per unit | unit | confidence | facts | note |',
    '|---|---|---|---|---|---|---|---|---|',
  ];
  for (const [type, p] of Object.entries(table.ec2.onDemandLinux)) {
    const h = p.hourly;
    out.push(
      `| \`${type}\` | ${p.vcpu} | ${p.memoryGiB} | ${p.architecture} | ${decimalString(h.usd)} | ${cell(h.unit)} | ${h.confidence} | ${h.facts} | ${note(h)} |`,
    );
  }
  return out;
}

/** Markdown for every price and billing rule of `table`. */
export function priceTableMarkdown(table: PriceTable): string {
  const { rates, rules } = listRates(table);
  const out: string[] = [`## ${table.region} (${table.currency})`, ''];
  for (const group of PRICE_GROUPS) {
    const g = table[group];
    out.push(`### ${TITLES[group]} (\`${group}\`)`, '');
    out.push(`As of ${g.asOf}. Source: ${link(g.source)}.`, '');
    if (group === 'ec2') out.push(...ec2Rows(table));
    else {
      out.push('| price | USD per unit | unit | confidence | facts | note |', '|---|---|---|---|---|---|');
      for (const r of rates) if (r.group === group) out.push(...rows(r.path, r.rate));
    }
    const groupRules = rules.filter((r) => r.group === group);
    if (groupRules.length > 0) {
      out.push('', `Billing rules: ${groupRules.map((r) => `\`${r.path}\` = ${count(r.value)}`).join('; ')}.`);
    }
    out.push('');
  }
  return out.join('\n');
}
