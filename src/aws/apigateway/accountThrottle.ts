/**
 * API Gateway's default account-level throttle in a Region: a token bucket shared by every HTTP,
 * REST and WebSocket API of the account, refilled at `steadyRps`, holding at most `burst`
 * requests; requests beyond it get HTTP 429. AWS can raise the rate on request; the burst is set by
 * AWS from the rate. Thirteen newer Regions default to 2,500 RPS with a 1,250 burst.
 */

export interface ApiGatewayThrottle {
  /** Steady-state requests per second (token refill rate). */
  steadyRps: number;
  /** Token bucket capacity, requests. */
  burst: number;
  /** ISO date the source was read. */
  asOf: string;
  source: { url: string; page: string };
  /** As in the price table: A = read on an official AWS page. */
  confidence: 'A';
}

export const API_GATEWAY_ACCOUNT_THROTTLE: Readonly<ApiGatewayThrottle> = Object.freeze({
  steadyRps: 10_000,
  burst: 5_000,
  asOf: '2026-11-27',
  source: Object.freeze({
    url: 'https://docs.aws.amazon.com/apigateway/latest/developerguide/limits.html',
    page: 'Amazon API Gateway Developer Guide, "Amazon API Gateway quotas", account-level quotas per Region ("10,000 requests per second (RPS) with an additional burst capacity provided by the token bucket algorithm, using a maximum bucket capacity of 5,000 requests")',
  }),
  confidence: 'A',
});
