/** API Gateway calls priced by monthly tiers (AWS whitepaper table; us-east-1). */
import { describe, expect, it } from 'vitest';
import { API_GATEWAY_ACCOUNT_THROTTLE, apiGatewayLineItems, httpApiBilledRequests } from '../../../src/aws/apigateway';
import { pricesFor } from '../../../src/pricing';
import { sumCosts } from '../../../src/report';

const prices = pricesFor('us-east-1').apiGateway;

function brief(items: ReturnType<typeof apiGatewayLineItems>): [string, number, number][] {
  return items.map((i) => [i.description, i.quantity, i.costUsd]);
}

describe('apiGatewayLineItems', () => {
  it('prices HTTP API calls at $1.00 per million', () => {
    expect(brief(apiGatewayLineItems({ requests: 3_000_000 }, prices, 'HTTP'))).toEqual([['API Gateway HTTP API requests', 3_000_000, 3]]);
  });

  it("prices HTTP API calls beyond 300 M a month at $0.90 per million (the pricing page's 432 M example)", () => {
    // 300 M × $1.00/M = $300; 132 M × $0.90/M = $118.80.
    const items = apiGatewayLineItems({ requests: 432_000_000 }, prices, 'HTTP');
    expect(brief(items)).toEqual([
      ['API Gateway HTTP API requests', 300_000_000, 300],
      ['API Gateway HTTP API requests (tier 2)', 132_000_000, 118.8],
    ]);
    expect(sumCosts(items)).toBe(418.8);
  });

  it('prices REST API calls at $3.50 per million, less in the higher tiers', () => {
    // 333 M × $3.50/M = $1,165.50; 667 M × $2.80/M = $1,867.60; 500 M × $2.38/M = $1,190.
    const items = apiGatewayLineItems({ requests: 1_500_000_000 }, prices, 'REST');
    expect(brief(items)).toEqual([
      ['API Gateway REST API requests', 333_000_000, 1165.5],
      ['API Gateway REST API requests (tier 2)', 667_000_000, 1867.6],
      ['API Gateway REST API requests (tier 3)', 500_000_000, 1190],
    ]);
    expect(brief(apiGatewayLineItems({ requests: 1_000_000 }, prices, 'REST'))).toEqual([['API Gateway REST API requests', 1_000_000, 3.5]]);
  });

  it('charges nothing for a Lambda function URL, or for no calls', () => {
    expect(apiGatewayLineItems({ requests: 5_000_000 }, prices, 'FunctionUrl')).toEqual([]);
    expect(apiGatewayLineItems({ requests: 0 }, prices, 'HTTP')).toEqual([]);
  });
});

describe('httpApiBilledRequests', () => {
  it('meters HTTP API calls in 512 KiB increments', () => {
    expect([0, 512 * 1024, 512 * 1024 + 1, 2 * 1024 * 1024].map((b) => httpApiBilledRequests(b))).toEqual([1, 1, 2, 4]);
  });
});

describe('API_GATEWAY_ACCOUNT_THROTTLE', () => {
  it('is 10,000 requests per second with a 5,000-request burst, sourced from the quotas page', () => {
    expect(API_GATEWAY_ACCOUNT_THROTTLE).toMatchObject({ steadyRps: 10_000, burst: 5_000, confidence: 'A' });
    expect(API_GATEWAY_ACCOUNT_THROTTLE.source.url).toBe('https://docs.aws.amazon.com/apigateway/latest/developerguide/limits.html');
  });
});
