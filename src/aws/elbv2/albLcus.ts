/**
 * Application Load Balancer capacity units (LCUs) for an hour of traffic, per AWS's definition
 * (aws.amazon.com/elasticloadbalancing/pricing): one LCU holds 25 new connections per second,
 * 3,000 active connections per minute, 1 GB processed per hour (EC2, container or IP targets;
 * 0.4 GB for Lambda targets) and 1,000 rule evaluations per second; an hour is billed on the
 * dimension with the highest usage. GB is taken as GiB, as elsewhere in AWS compute pricing.
 */
import { type AlbLcuDefinition, pricesFor } from '../../pricing';

/** An hour's traffic through one ALB, as hourly averages. */
export interface AlbTraffic {
  newConnectionsPerSecond: number;
  /** Concurrent active connections (AWS samples them per minute). */
  activeConnectionsPerMinute: number;
  /** Request and response bytes processed, GiB per hour. */
  processedGiBPerHour: number;
  /** Request rate × rules processed beyond the free ones. */
  ruleEvaluationsPerSecond: number;
}

/** What the targets are: the processed-bytes dimension differs for Lambda. */
export type AlbTargetKind = 'instances' | 'lambda';

/** The LCU definition; it is the same in every Region. */
export const ALB_LCU_DEFINITION: Readonly<AlbLcuDefinition> = pricesFor('us-east-1').alb.lcu;

/** LCUs of each dimension for this traffic. */
export function albLcuDimensions(
  traffic: AlbTraffic,
  lcu: Readonly<AlbLcuDefinition> = ALB_LCU_DEFINITION,
  targets: AlbTargetKind = 'instances',
): { newConnections: number; activeConnections: number; processedBytes: number; ruleEvaluations: number } {
  const gibPerLcu = targets === 'lambda' ? lcu.processedGiBPerHourLambdaTargets : lcu.processedGiBPerHourEc2Targets;
  return {
    newConnections: traffic.newConnectionsPerSecond / lcu.newConnectionsPerSecond,
    activeConnections: traffic.activeConnectionsPerMinute / lcu.activeConnectionsPerMinute,
    processedBytes: traffic.processedGiBPerHour / gibPerLcu,
    ruleEvaluations: traffic.ruleEvaluationsPerSecond / lcu.ruleEvaluationsPerSecond,
  };
}

/**
 * LCUs billed for an hour of this traffic: the largest of the four dimensions.
 * @throws RangeError if a traffic figure is negative or not finite.
 */
export function albLcus(
  traffic: AlbTraffic,
  lcu: Readonly<AlbLcuDefinition> = ALB_LCU_DEFINITION,
  targets: AlbTargetKind = 'instances',
): number {
  for (const [k, v] of Object.entries(traffic)) {
    if (!(v >= 0) || !Number.isFinite(v)) throw new RangeError(`albLcus: ${k} must be a finite number ≥ 0, got ${v}`);
  }
  const d = albLcuDimensions(traffic, lcu, targets);
  return Math.max(d.newConnections, d.activeConnections, d.processedBytes, d.ruleEvaluations);
}
