export { applyDiscount } from './applyDiscount';
export {
  EC2_INSTANCE_TYPE_NAMES,
  EC2_INSTANCE_TYPES,
  EC2_INSTANCE_TYPES_AS_OF,
  EC2_INSTANCE_TYPES_SOURCES,
  type Ec2InstanceType,
} from './data/ec2InstanceTypes';
export { closeInstanceTypeNames, instanceType } from './instanceType';
export { listRates, PRICE_GROUPS, type PriceGroupName, type RateEntry, type RuleEntry } from './listRates';
export type {
  AlbLcuDefinition,
  AlbPrices,
  ApiGatewayPrices,
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
  SqsPrices,
  TieredRate,
} from './PriceTable';
export { type TierSlice, tieredSlices } from './tieredSlices';
export { pricesFor, regionsWithPrices } from './pricesFor';
export { priceTableMarkdown } from './priceTableMarkdown';
