export {
  ALB_TRAFFIC_DEFAULTS,
  AlbMeter,
  type AlbTrafficAssumptions,
  type AlbUsage,
  HOUR_MS,
} from './AlbMeter';
export { ALB_LCU_DEFINITION, type AlbTargetKind, type AlbTraffic, albLcuDimensions, albLcus } from './albLcus';
export { albHourTraffic, albLcuHours, albLineItems } from './albPricing';
export { LoadBalancerModel } from './LoadBalancerModel';
