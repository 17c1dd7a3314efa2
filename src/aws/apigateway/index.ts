export { API_GATEWAY_ACCOUNT_THROTTLE, type ApiGatewayThrottle } from './accountThrottle';
export { type ApiFrontDoorKind, type ApiGatewayUsage, apiGatewayLineItems, httpApiBilledRequests } from './apiGatewayPricing';
export { ApiGatewayModel } from './ApiGatewayModel';
