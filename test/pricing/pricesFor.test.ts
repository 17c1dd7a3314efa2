import { describe, expect, it } from 'vitest';
import { listRates, pricesFor, regionsWithPrices } from '../../src/pricing';

describe('pricesFor', () => {
  it('gives the us-east-1 Fargate rates of aws-facts.md fact 49', () => {
    const f = pricesFor('us-east-1').fargate;
    expect(f.linuxX86.vcpuSecond.usd).toBe(0.000011244);
    expect(f.linuxX86.gibSecond.usd).toBe(0.000001235);
    expect(f.linuxArm.vcpuSecond.usd).toBe(0.0000089944);
    expect(f.linuxArm.gibSecond.usd).toBe(0.0000009889);
    expect(f.windowsX86.vcpuSecond.usd).toBe(0.0000254167);
    expect(f.windowsX86.osLicenseVcpuSecond.usd).toBe(0.0000127778);
    expect(f.windowsX86.gibSecond.usd).toBe(0.0000027778);
    expect(f.ephemeralStorageGibSecond.usd).toBe(0.0000000308);
    expect(f.freeEphemeralStorageGiB).toBe(20);
    expect(f.minimumBilledSeconds).toEqual({ linux: 60, windows: 300 });
  });

  it('rejects an unknown region with an error naming the regions that have prices', () => {
    expect(() => pricesFor('eu-west-1')).toThrow(/no prices for region 'eu-west-1'.*us-east-1/);
  });

  it('lists the regions that have prices', () => {
    expect(regionsWithPrices()).toEqual(['us-east-1']);
  });

  it('returns a frozen table that callers cannot change', () => {
    const t = pricesFor('us-east-1');
    expect(() => {
      (t.fargate.linuxX86.vcpuSecond as { usd: number }).usd = 1;
    }).toThrow(TypeError);
    expect(pricesFor('us-east-1').fargate.linuxX86.vcpuSecond.usd).toBe(0.000011244);
  });
});

describe('price data', () => {
  const table = pricesFor('us-east-1');
  const { rates, rules } = listRates(table);

  it('dates and sources every group', () => {
    for (const g of [table.fargate, table.ec2, table.lambda, table.aurora, table.alb, table.sqs, table.apiGateway]) {
      expect(g.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(g.source.url).toMatch(/^https:\/\//);
      expect(g.source.page.length).toBeGreaterThan(10);
    }
  });

  it('gives every rate a positive price, a unit, a confidence tag and its fact numbers', () => {
    expect(rates.length).toBe(8 + 62 + 8 + 5 + 8 + 2 + 2 + 2); // Fargate, EC2, Lambda, Aurora (serverless, provisioned), ALB, SQS, API Gateway
    for (const { rate } of rates) {
      const prices = 'usd' in rate ? [rate.usd] : rate.tiers.map((t) => t.usd);
      for (const usd of prices) expect(usd).toBeGreaterThan(0);
      expect(rate.unit).not.toBe('');
      expect(['A', 'A-old', 'B', 'C']).toContain(rate.confidence);
      expect(rate.facts).toMatch(/^(\d+(, \d+)*)?$/);
    }
  });

  it('leaves fact numbers empty only for prices that are not in aws-facts.md (ALB, API Gateway)', () => {
    expect(rates.filter((r) => r.rate.facts === '').map((r) => `${r.group}.${r.path}`)).toEqual([
      'alb.albHour',
      'alb.lcuHour',
      'apiGateway.httpApiRequest',
      'apiGateway.restApiRequest',
    ]);
  });

  it('tags EC2 prices [C] except m7g.xlarge, read on the Lambda pricing page [A]', () => {
    const ec2 = rates.filter((r) => r.group === 'ec2');
    expect(ec2.filter((r) => r.rate.confidence === 'A').map((r) => r.path)).toEqual(['onDemandLinux["m7g.xlarge"].hourly']);
    expect(ec2.find((r) => r.path.includes('m7g.xlarge'))!.source.url).toBe('https://aws.amazon.com/lambda/pricing/');
    expect(ec2.filter((r) => r.rate.confidence === 'C')).toHaveLength(61);
  });

  it('tags Aurora prices [B] and Lambda provisioned concurrency [B]', () => {
    for (const r of rates.filter((e) => e.group === 'aurora')) expect(r.rate.confidence).toBe('B');
    for (const r of rates.filter((e) => e.path.startsWith('provisioned'))) expect(r.rate.confidence).toBe('B');
  });

  it('orders Lambda duration tiers by usage, the last one open-ended', () => {
    for (const rate of [table.lambda.durationX86, table.lambda.durationArm]) {
      const bounds = rate.tiers.map((t) => t.upToPerMonth);
      expect(bounds.at(-1)).toBeNull();
      const finite = bounds.slice(0, -1) as number[];
      expect([...finite].sort((a, b) => a - b)).toEqual(finite);
      const usd = rate.tiers.map((t) => t.usd);
      expect([...usd].sort((a, b) => b - a)).toEqual(usd);
    }
    expect(table.lambda.durationX86.tiers.map((t) => t.usd)).toEqual([0.0000166667, 0.000015, 0.0000133334]);
  });

  it('keeps billing rules apart from prices, without instance sizes', () => {
    expect(rules.map((r) => `${r.group}.${r.path}=${r.value}`)).toEqual([
      'fargate.freeEphemeralStorageGiB=20',
      'fargate.minimumBilledSeconds.linux=60',
      'fargate.minimumBilledSeconds.windows=300',
      'ec2.minimumBilledSeconds=60',
      'lambda.freeEphemeralStorageMiB=512',
      'lambda.freeTierPerMonth.requests=1000000',
      'lambda.freeTierPerMonth.gibSeconds=400000',
      'lambda.durationRoundingMs=1',
      'lambda.provisionedRoundingSeconds=300',
      'lambda.asyncPayload.includedKiB=256',
      'lambda.asyncPayload.chunkKiB=64',
      'lambda.asyncPayload.maxKiB=1024',
      'aurora.ioOptimizedComputeMultiplier=1.3',
      'aurora.minimumBilledSeconds=600',
      'alb.lcu.newConnectionsPerSecond=25',
      'alb.lcu.activeConnectionsPerMinute=3000',
      'alb.lcu.processedGiBPerHourEc2Targets=1',
      'alb.lcu.processedGiBPerHourLambdaTargets=0.4',
      'alb.lcu.ruleEvaluationsPerSecond=1000',
      'alb.lcu.freeRulesPerRequest=10',
      'sqs.freeTierRequestsPerMonth=1000000',
      'sqs.requestChunkKiB=64',
      'apiGateway.httpApiMeteringKiB=512',
    ]);
  });

  it('gives the Lambda rates of aws-facts.md facts 73–77', () => {
    const l = table.lambda;
    expect(l.request.usd).toBe(0.0000002);
    expect(l.durationArm.tiers.map((t) => [t.upToPerMonth, t.usd])).toEqual([
      [7_500_000_000, 0.0000133334],
      [18_750_000_000, 0.0000120001],
      [null, 0.0000106667],
    ]);
    expect(l.durationX86.tiers.map((t) => t.upToPerMonth)).toEqual([6_000_000_000, 15_000_000_000, null]);
    expect([l.provisionedX86.configuredGibSecond.usd, l.provisionedX86.executedGibSecond.usd]).toEqual([0.0000041667, 0.0000097222]);
    expect([l.provisionedArm.configuredGibSecond.usd, l.provisionedArm.executedGibSecond.usd]).toEqual([0.0000033334, 0.0000077778]);
    expect(l.ephemeralStorageGibSecond.usd).toBe(0.0000000309);
    expect(l.freeTierPerMonth).toEqual({ requests: 1_000_000, gibSeconds: 400_000 });
  });

  it('tags SQS prices [C] (fact 108) and API Gateway prices [A] from an AWS whitepaper', () => {
    expect([table.sqs.standardRequest.usd, table.sqs.fifoRequest.usd]).toEqual([0.0000004, 0.0000005]);
    for (const r of rates.filter((e) => e.group === 'sqs')) expect([r.rate.confidence, r.rate.facts]).toEqual(['C', '108']);
    for (const r of rates.filter((e) => e.group === 'apiGateway')) {
      expect(r.rate.confidence).toBe('A');
      expect(r.source.url).toMatch(/^https:\/\/docs\.aws\.amazon\.com\/whitepapers\//);
    }
    expect(table.apiGateway.httpApiRequest.tiers).toEqual([
      { upToPerMonth: 300_000_000, usd: 0.000001 },
      { upToPerMonth: null, usd: 0.0000009 },
    ]);
    expect(table.apiGateway.restApiRequest.tiers.map((t) => [t.upToPerMonth, t.usd])).toEqual([
      [333_000_000, 0.0000035],
      [1_000_000_000, 0.0000028],
      [20_000_000_000, 0.00000238],
      [null, 0.00000151],
    ]);
  });
});
