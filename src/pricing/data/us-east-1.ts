/**
 * us-east-1 prices (USD, On-Demand), transcribed from reference/aws-facts.md, which names each
 * source. Change a price only with its source and date; docs/pricing.md is generated from this
 * table (`priceTableMarkdown`) and a test keeps the two in step.
 */
import type { PriceSource, PriceTable } from '../PriceTable';

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
    onDemandLinux: {
      't3.medium': {
        vcpu: 2,
        memoryGiB: 4,
        architecture: 'x86_64',
        hourly: { usd: 0.0416, unit: 'instance-hour', confidence: 'C', facts: '46' },
      },
      't4g.medium': {
        vcpu: 2,
        memoryGiB: 4,
        architecture: 'arm64',
        hourly: { usd: 0.0336, unit: 'instance-hour', confidence: 'C', facts: '46' },
      },
      'c5.large': {
        vcpu: 2,
        memoryGiB: 4,
        architecture: 'x86_64',
        hourly: { usd: 0.085, unit: 'instance-hour', confidence: 'C', facts: '46' },
      },
      'c6g.large': {
        vcpu: 2,
        memoryGiB: 4,
        architecture: 'arm64',
        hourly: { usd: 0.068, unit: 'instance-hour', confidence: 'C', facts: '46' },
      },
      'm5.large': {
        vcpu: 2,
        memoryGiB: 8,
        architecture: 'x86_64',
        hourly: { usd: 0.096, unit: 'instance-hour', confidence: 'C', facts: '46' },
      },
      'm5.xlarge': {
        vcpu: 4,
        memoryGiB: 16,
        architecture: 'x86_64',
        hourly: { usd: 0.192, unit: 'instance-hour', confidence: 'C', facts: '46' },
      },
      'm6i.large': {
        vcpu: 2,
        memoryGiB: 8,
        architecture: 'x86_64',
        hourly: { usd: 0.096, unit: 'instance-hour', confidence: 'C', facts: '46' },
      },
      'm6g.large': {
        vcpu: 2,
        memoryGiB: 8,
        architecture: 'arm64',
        hourly: { usd: 0.077, unit: 'instance-hour', confidence: 'C', facts: '46' },
      },
      'm7g.large': {
        vcpu: 2,
        memoryGiB: 8,
        architecture: 'arm64',
        hourly: { usd: 0.0816, unit: 'instance-hour', confidence: 'C', facts: '46' },
      },
      'm7g.xlarge': {
        vcpu: 4,
        memoryGiB: 16,
        architecture: 'arm64',
        hourly: {
          usd: 0.1632,
          unit: 'instance-hour',
          confidence: 'A',
          facts: '46, 47',
          source: {
            url: 'https://aws.amazon.com/lambda/pricing/',
            page: 'AWS Lambda Pricing: Lambda Managed Instances example (verbatim copy) [S19]',
          },
        },
      },
      'r5.large': {
        vcpu: 2,
        memoryGiB: 16,
        architecture: 'x86_64',
        hourly: { usd: 0.126, unit: 'instance-hour', confidence: 'C', facts: '46' },
      },
    },
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
  },
};
