/**
 * us-east-1 prices (USD, On-Demand), transcribed from reference/aws-facts.md, which names each
 * source. Change a price only with its source and date; docs/pricing.md is generated from this
 * table (`priceTableMarkdown`) and a test keeps the two in step.
 */
import type { Confidence, Ec2InstancePrice, PriceSource, PriceTable, Rate } from '../PriceTable';
import { EC2_INSTANCE_TYPES } from './ec2InstanceTypes';

/** The date reference/aws-facts.md was compiled from its page copies (the copies carry no date of their own). */
const READ_ON = '2026-11-27';

const LAMBDA_PRICING_PAGE: PriceSource = {
  url: 'https://aws.amazon.com/lambda/pricing/',
  page: 'AWS Lambda Pricing: price table and pricing examples (verbatim copy, late-2025+ content) [S19]',
};

const LAMBDA_PRICE_LIST_QUOTED: PriceSource = {
  url: 'https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws/AWSLambda/current/us-east-1/index.json',
  page: 'AWS Price List (AWSLambda, us-east-1) values as quoted in a public code repository, not read from the Price List itself',
};

const LAMBDA_MANAGED_INSTANCES_EXAMPLE: PriceSource = {
  url: 'https://aws.amazon.com/lambda/pricing/',
  page: 'AWS Lambda Pricing: Lambda Managed Instances example (verbatim copy) [S19]',
};

/**
 * Provisioned Aurora instances, Aurora MySQL Standard, Single-AZ On-Demand, us-east-1, USD per
 * instance-hour: the static price list of AWS's own Aurora sizing script (S36, "last updated
 * 2026-03-28"), read in a public mirror of the repository (the official tables are JS-rendered).
 */
const AURORA_INSTANCE_HOURLY_USD: Record<string, number> = {
  'db.r6g.large': 0.26, 'db.r6g.xlarge': 0.519, 'db.r6g.2xlarge': 1.038, 'db.r6g.4xlarge': 2.076,
  'db.r7g.large': 0.276, 'db.r7g.xlarge': 0.553, 'db.r7g.2xlarge': 1.106, 'db.r7g.4xlarge': 2.211,
};

const AURORA_SIZING_SCRIPT: PriceSource = {
  url: 'https://github.com/aws/agent-toolkit-for-aws',
  page: 'aws/agent-toolkit-for-aws, Aurora MySQL skill, scripts/acu_calculator.py static fallback instance prices (us-east-1, Single-AZ On-Demand, Aurora Standard, "last updated 2026-03-28") [S36], read in a public mirror of the file',
};

function auroraInstanceRate(usd: number): Rate {
  return {
    usd,
    unit: 'instance-hour',
    confidence: 'B',
    facts: '45',
    source: AURORA_SIZING_SCRIPT,
    note: 'Aurora Standard; billed per second, 10-minute minimum; I/O-Optimized × ioOptimizedComputeMultiplier',
  };
}

/** In aws-facts.md fact 46's table; the others are read from the same kind of public tables but not in that table. */
const IN_FACT_46 = new Set(['t3.medium', 't4g.medium', 'c5.large', 'c6g.large', 'm5.large', 'm5.xlarge', 'm6i.large', 'm6g.large', 'm7g.large', 'm7g.xlarge', 'r5.large']);

/** On-Demand Linux, USD per instance-hour, in the order of EC2_INSTANCE_TYPES. */
const EC2_HOURLY_USD: Record<string, number> = {
  't3.medium': 0.0416, 't3.large': 0.0832, 't3.xlarge': 0.1664, 't3.2xlarge': 0.3328,
  't3a.medium': 0.0376, 't3a.large': 0.0752, 't3a.xlarge': 0.1504, 't3a.2xlarge': 0.3008,
  't4g.medium': 0.0336, 't4g.large': 0.0672, 't4g.xlarge': 0.1344,
  'm5.large': 0.096, 'm5.xlarge': 0.192, 'm5.2xlarge': 0.384, 'm5.4xlarge': 0.768,
  'm6i.large': 0.096, 'm6i.xlarge': 0.192, 'm6i.2xlarge': 0.384, 'm6i.4xlarge': 0.768,
  'm6a.large': 0.0864, 'm6a.xlarge': 0.1728, 'm6a.2xlarge': 0.3456, 'm6a.4xlarge': 0.6912,
  'm7i.large': 0.1008, 'm7i.xlarge': 0.2016, 'm7i.2xlarge': 0.4032, 'm7i.4xlarge': 0.8064,
  'm6g.medium': 0.0385, 'm6g.large': 0.077, 'm6g.xlarge': 0.154, 'm6g.2xlarge': 0.308, 'm6g.4xlarge': 0.616,
  'm7g.medium': 0.0408, 'm7g.large': 0.0816, 'm7g.xlarge': 0.1632, 'm7g.2xlarge': 0.3264, 'm7g.4xlarge': 0.6528,
  'c5.large': 0.085, 'c5.xlarge': 0.17, 'c5.2xlarge': 0.34, 'c5.4xlarge': 0.68,
  'c6i.large': 0.085, 'c6i.xlarge': 0.17, 'c6i.2xlarge': 0.34, 'c6i.4xlarge': 0.68,
  'c6g.large': 0.068, 'c6g.xlarge': 0.136, 'c6g.2xlarge': 0.272, 'c6g.4xlarge': 0.544,
  'c7g.large': 0.0725, 'c7g.xlarge': 0.145, 'c7g.2xlarge': 0.29, 'c7g.4xlarge': 0.58,
  'r5.large': 0.126, 'r5.xlarge': 0.252, 'r5.2xlarge': 0.504,
  'r6i.large': 0.126, 'r6i.xlarge': 0.252, 'r6i.2xlarge': 0.504,
  'r6g.large': 0.1008, 'r6g.xlarge': 0.2016, 'r6g.2xlarge': 0.4032,
};

/** The EC2 price rows, vCPU, memory and architecture taken from the instance type table. */
function onDemandLinux(): Record<string, Ec2InstancePrice> {
  const out: Record<string, Ec2InstancePrice> = {};
  for (const [name, t] of Object.entries(EC2_INSTANCE_TYPES)) {
    const usd = EC2_HOURLY_USD[name];
    if (usd === undefined) throw new Error(`us-east-1: no On-Demand price for EC2 instance type ${name}`);
    const official = name === 'm7g.xlarge';
    const confidence: Confidence = official ? 'A' : 'C';
    const row: Ec2InstancePrice = {
      vcpu: t.vcpu,
      memoryGiB: t.memoryMiB / 1024,
      architecture: t.architecture,
      hourly: { usd, unit: 'instance-hour', confidence, facts: official ? '46, 47' : '46' },
    };
    if (official) row.hourly.source = LAMBDA_MANAGED_INSTANCES_EXAMPLE;
    else if (!IN_FACT_46.has(name)) row.hourly.note = 'not in aws-facts.md fact 46; same kind of public table, unverified';
    out[name] = row;
  }
  return out;
}

export const usEast1: PriceTable = {
  region: 'us-east-1',
  currency: 'USD',
  fargate: {
    asOf: READ_ON,
    source: {
      url: 'https://aws.amazon.com/fargate/pricing/',
      page: 'AWS Fargate Pricing: per-second rates used in the pricing examples (verbatim copy) [S18]',
    },
    linuxX86: {
      vcpuSecond: { usd: 0.000011244, unit: 'vCPU-second', confidence: 'A', facts: '49', note: '$0.04048 per vCPU-hour' },
      gibSecond: { usd: 0.000001235, unit: 'GiB-second', confidence: 'A', facts: '49, 53', note: '$0.004445 per GB-hour' },
    },
    linuxArm: {
      vcpuSecond: { usd: 0.0000089944, unit: 'vCPU-second', confidence: 'A', facts: '49', note: '$0.03238 per vCPU-hour' },
      gibSecond: { usd: 0.0000009889, unit: 'GiB-second', confidence: 'A', facts: '49, 53', note: '$0.00356 per GB-hour' },
    },
    windowsX86: {
      vcpuSecond: { usd: 0.0000254167, unit: 'vCPU-second', confidence: 'A', facts: '49', note: 'about $0.09148 per vCPU-hour' },
      osLicenseVcpuSecond: {
        usd: 0.0000127778,
        unit: 'vCPU-second',
        confidence: 'A',
        facts: '49',
        note: 'Windows OS licence, $0.046 per vCPU-hour, on top of compute',
      },
      gibSecond: { usd: 0.0000027778, unit: 'GiB-second', confidence: 'A', facts: '49, 53', note: '$0.01 per GB-hour' },
    },
    ephemeralStorageGibSecond: {
      usd: 0.0000000308,
      unit: 'GiB-second',
      confidence: 'A',
      facts: '49',
      note: 'only the GiB configured above the free 20 GiB; about $0.000111 per GB-hour',
    },
    freeEphemeralStorageGiB: 20,
    minimumBilledSeconds: { linux: 60, windows: 300 },
  },
  ec2: {
    asOf: READ_ON,
    source: {
      url: 'https://aws.amazon.com/ec2/pricing/on-demand/',
      page: 'EC2 On-Demand Linux hourly rates as quoted, consistently, in many independent public tables; the official page is JS-rendered and was not read [S16]. Verify against the AWS Price List API',
    },
    onDemandLinux: onDemandLinux(),
    minimumBilledSeconds: 60,
  },
  lambda: {
    asOf: READ_ON,
    source: LAMBDA_PRICING_PAGE,
    request: { usd: 0.0000002, unit: 'request', confidence: 'A', facts: '73', note: '$0.20 per million requests' },
    durationX86: {
      unit: 'GiB-second',
      tiers: [
        { upToPerMonth: 6_000_000_000, usd: 0.0000166667 },
        { upToPerMonth: 15_000_000_000, usd: 0.000015 },
        { upToPerMonth: null, usd: 0.0000133334 },
      ],
      confidence: 'A',
      facts: '74',
      note: 'tiers: first 6 B GB-s, next 9 B, over 15 B per month, per account, Region and architecture',
    },
    durationArm: {
      unit: 'GiB-second',
      tiers: [
        { upToPerMonth: 7_500_000_000, usd: 0.0000133334 },
        { upToPerMonth: 18_750_000_000, usd: 0.0000120001 },
        { upToPerMonth: null, usd: 0.0000106667 },
      ],
      confidence: 'A',
      facts: '74',
      note: 'tiers: first 7.5 B GB-s, next 11.25 B, over 18.75 B per month',
    },
    provisionedX86: {
      configuredGibSecond: {
        usd: 0.0000041667,
        unit: 'GiB-second',
        confidence: 'B',
        facts: '76',
        source: LAMBDA_PRICE_LIST_QUOTED,
      },
      executedGibSecond: {
        usd: 0.0000097222,
        unit: 'GiB-second',
        confidence: 'B',
        facts: '76',
        source: LAMBDA_PRICE_LIST_QUOTED,
      },
    },
    provisionedArm: {
      configuredGibSecond: {
        usd: 0.0000033334,
        unit: 'GiB-second',
        confidence: 'B',
        facts: '76',
        source: LAMBDA_PRICE_LIST_QUOTED,
      },
      executedGibSecond: {
        usd: 0.0000077778,
        unit: 'GiB-second',
        confidence: 'B',
        facts: '76',
        source: LAMBDA_PRICE_LIST_QUOTED,
      },
    },
    ephemeralStorageGibSecond: {
      usd: 0.0000000309,
      unit: 'GiB-second',
      confidence: 'A',
      facts: '77',
      note: 'only the storage configured above the free 512 MB',
    },
    freeEphemeralStorageMiB: 512,
    freeTierPerMonth: { requests: 1_000_000, gibSeconds: 400_000 },
    durationRoundingMs: 1,
    provisionedRoundingSeconds: 300,
    asyncPayload: { includedKiB: 256, chunkKiB: 64, maxKiB: 1024 },
  },
  aurora: {
    asOf: '2026-03-28',
    source: {
      url: 'https://github.com/aws/agent-toolkit-for-aws',
      page: 'aws/agent-toolkit-for-aws, Aurora MySQL skill references (serverless-advisory-concepts.md, io-optimized-pricing.md, acu_calculator.py), static prices "last updated 2026-03-28" [S36]; the official Aurora pricing page tables are JS-rendered and were not read',
    },
    standardAcuHour: {
      usd: 0.12,
      unit: 'ACU-hour',
      confidence: 'B',
      facts: '86, 87',
      note: 'Aurora Standard; billed per second; same figure in many third-party sources',
    },
    ioOptimizedAcuHour: {
      usd: 0.156,
      unit: 'ACU-hour',
      confidence: 'B',
      facts: '86, 87',
      note: 'Aurora I/O-Optimized (30 % above Standard); billed per second',
    },
    standardStorageGbMonth: { usd: 0.1, unit: 'GB-month', confidence: 'B', facts: '87', note: 'Aurora Standard' },
    ioOptimizedStorageGbMonth: { usd: 0.225, unit: 'GB-month', confidence: 'B', facts: '87', note: 'Aurora I/O-Optimized' },
    standardIoRequest: {
      usd: 0.0000002,
      unit: 'I/O request',
      confidence: 'B',
      facts: '87',
      note: '$0.20 per million requests; Aurora Standard only, no I/O charge on I/O-Optimized',
    },
    provisionedInstanceHour: Object.fromEntries(
      Object.entries(AURORA_INSTANCE_HOURLY_USD).map(([cls, usd]) => [cls, auroraInstanceRate(usd)]),
    ),
    ioOptimizedComputeMultiplier: 1.3,
    minimumBilledSeconds: 600,
  },
  alb: {
    asOf: '2026-09-20',
    source: {
      url: 'https://aws.amazon.com/elasticloadbalancing/pricing/',
      page: 'Elastic Load Balancing Pricing: Application Load Balancer pricing examples for US East (N. Virginia) and the LCU definition, as quoted verbatim (page read 2026-09-20) in api-evangelist/amazon-elastic-load-balancing plans/amazon-elastic-load-balancing-plans-pricing.yml; the rate tables themselves are JS-rendered',
    },
    albHour: {
      usd: 0.0225,
      unit: 'ALB-hour',
      confidence: 'B',
      facts: '',
      note: 'each hour or partial hour an ALB exists (Price List: "per LoadBalancer-hour (or partial hour)")',
    },
    lcuHour: {
      usd: 0.008,
      unit: 'LCU-hour',
      confidence: 'B',
      facts: '',
      note: 'LCUs consumed per hour, on the dimension with the highest usage',
    },
    lcu: {
      newConnectionsPerSecond: 25,
      activeConnectionsPerMinute: 3000,
      processedGiBPerHourEc2Targets: 1,
      processedGiBPerHourLambdaTargets: 0.4,
      ruleEvaluationsPerSecond: 1000,
      freeRulesPerRequest: 10,
    },
  },
  sqs: {
    asOf: READ_ON,
    source: {
      url: 'https://aws.amazon.com/sqs/pricing/',
      page: 'Amazon SQS Pricing: rates as quoted, consistently, by third-party pricing guides (aws-facts.md fact 108); the official rate table is JS-rendered and was not read',
    },
    standardRequest: {
      usd: 0.0000004,
      unit: 'request',
      confidence: 'C',
      facts: '108',
      note: '$0.40 per million; the first volume tier (lower rates at very high monthly volumes are not modelled)',
    },
    fifoRequest: {
      usd: 0.0000005,
      unit: 'request',
      confidence: 'C',
      facts: '108',
      note: '$0.50 per million; the first volume tier',
    },
    freeTierRequestsPerMonth: 1_000_000,
    requestChunkKiB: 64,
  },
  apiGateway: {
    asOf: READ_ON,
    source: {
      url: 'https://docs.aws.amazon.com/whitepapers/latest/best-practices-api-gateway-private-apis-integration/cost-optimization.html',
      page: 'AWS whitepaper "Best Practices for Designing Amazon API Gateway Private APIs and Private Integration", Cost optimization, Table 4 (REST and HTTP API pricing, read 2026-11-27); the first-tier rates agree with the examples on the API Gateway pricing page (aws.amazon.com/api-gateway/pricing)',
    },
    httpApiRequest: {
      unit: 'request',
      tiers: [
        { upToPerMonth: 300_000_000, usd: 0.000001 },
        { upToPerMonth: null, usd: 0.0000009 },
      ],
      confidence: 'A',
      facts: '',
      note: '$1.00 per million for the first 300 M calls per month, $0.90 per million beyond (us-east-1)',
    },
    restApiRequest: {
      unit: 'request',
      tiers: [
        { upToPerMonth: 333_000_000, usd: 0.0000035 },
        { upToPerMonth: 1_000_000_000, usd: 0.0000028 },
        { upToPerMonth: 20_000_000_000, usd: 0.00000238 },
        { upToPerMonth: null, usd: 0.00000151 },
      ],
      confidence: 'A',
      facts: '',
      note: '$3.50, $2.80, $2.38, $1.51 per million: first 333 M, next 667 M, next 19 B, over 20 B calls per month; caching not modelled',
    },
    httpApiMeteringKiB: 512,
  },
};
