/** An Auto Scaling group's live state inside a cluster model: desired capacity, instances, meters and series. */
import { Series } from '../../engine';
import { Ec2Meter } from '../ec2';
import type { AsgConfig } from './clusterTypes';

/** Linux instances bill per second with a 60-second minimum (fact 44). */
const EC2_MINIMUM_BILLED_SECONDS = 60;

export interface AsgState {
  config: AsgConfig;
  desired: number;
  /** Instance ids in launch order (not yet terminated). */
  instances: number[];
  /** Instance-seconds billed, per instance type and purchase option. */
  meter: Ec2Meter;
  peakInstances: number;
  instanceSeconds: number;
  /** Σ reserved CPU units × seconds and Σ paid CPU units × seconds (for reservedCpuShare). */
  reservedCpuUnitSeconds: number;
  paidCpuUnitSeconds: number;
  launches: number;
  terminations: number;
  lastLaunchMs: number;
  casDecisions: number;
  series: { instances: Series; reservedCpuShare: Series; costRate: Series };
}

/** A group before the run: its configured desired capacity, no instances yet; series bucketed by `tickMs`. */
export function newAsgState(config: AsgConfig, tickMs: number): AsgState {
  return {
    config,
    desired: config.desiredCapacity,
    instances: [],
    meter: new Ec2Meter(EC2_MINIMUM_BILLED_SECONDS),
    peakInstances: 0,
    instanceSeconds: 0,
    reservedCpuUnitSeconds: 0,
    paidCpuUnitSeconds: 0,
    launches: 0,
    terminations: 0,
    lastLaunchMs: -1e15,
    casDecisions: 0,
    series: {
      instances: new Series('instances', 'instances', tickMs),
      reservedCpuShare: new Series('reservedCpuShare', 'percent', tickMs),
      costRate: new Series('costUsdPerHour', 'USD/h', tickMs),
    },
  };
}
