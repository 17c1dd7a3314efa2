/**
 * The API Gateway bill: API calls received, priced by the tiers of the price table (first 300 M
 * HTTP API calls a month at $1.00 per million, first 333 M REST API calls at $3.50 per million,
 * less beyond). A run is billed as one month, its calls counted from zero. HTTP API calls are
 * metered in 512 KiB increments (`httpApiBilledRequests`). Lambda function URLs cost nothing
 * beyond the function's own requests and duration.
 *
 * Not modelled: the 12-month free tier for new accounts (since 2025-07-15 new accounts get credits
 * instead), REST API caching, data transfer out, WebSocket APIs.
 */
import { type ApiGatewayPrices, tieredSlices } from '../../pricing';
import { type LineItem, lineItem } from '../../report';

/** What fronts a function: an HTTP API (API Gateway v2), a REST API (v1) or a Lambda function URL. */
export type ApiFrontDoorKind = 'HTTP' | 'REST' | 'FunctionUrl';

/** Billed API calls (integers). */
export interface ApiGatewayUsage {
  requests: number;
}

/** Requests billed for one HTTP API call of `payloadBytes`: one per 512 KiB or part, at least one. */
export function httpApiBilledRequests(payloadBytes: number, meteringKiB = 512): number {
  return Math.max(1, Math.ceil(Math.max(0, payloadBytes) / (meteringKiB * 1024)));
}

/**
 * Line items for one kind of API's calls: `API Gateway HTTP API requests` (with `tier N` from the
 * second tier on), `API Gateway REST API requests`; none for a function URL or no calls.
 * All APIs of one kind in the account share the tiers: pass their calls together.
 */
export function apiGatewayLineItems(usage: Readonly<ApiGatewayUsage>, prices: ApiGatewayPrices, kind: ApiFrontDoorKind): LineItem[] {
  if (kind === 'FunctionUrl' || usage.requests <= 0) return [];
  const rate = kind === 'HTTP' ? prices.httpApiRequest : prices.restApiRequest;
  return tieredSlices(rate, 0, usage.requests).map((s) =>
    lineItem(`API Gateway ${kind} API requests${s.tier > 0 ? ` (tier ${s.tier + 1})` : ''}`, s.quantity, rate.unit, s.usd),
  );
}
