export { listRates, PRICE_GROUPS, type PriceGroupName, type RateEntry, type RuleEntry } from './listRates';
export type {
  AuroraPrices,
  Confidence,
  Ec2InstancePrice,
  Ec2Prices,
  FargatePrices,
  LambdaPrices,
  PriceGroup,
  PriceSource,
  PriceTable,
  Rate,
  RateTier,
  TieredRate,
} from './PriceTable';
export { pricesFor, regionsWithPrices } from './pricesFor';
export { priceTableMarkdown } from './priceTableMarkdown';
